package dev.dorsal.dissectors.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handshake ladder ({@code -z tls,flow}) against tshark: every arrow of every session is one
 * message of tshark's Info column for that frame, in order and in the right direction, and every TLS
 * frame of tshark's output is on some ladder; the notes explain the corpus handshakes (CASES.md).
 */
class TlsFlowTest {
    private static Registry registry;

    @BeforeAll
    static void load() {
        registry = TlsOracle.registry();
    }

    static List<String> captures() {
        return TlsOracle.captures();
    }

    /** Dissects {@code capture} with {@code options} and returns what TLS recorded for the ladder. */
    private static TlsFlow flow(String capture, DissectionOptions options) {
        Dissection d = new Dissection(registry);
        try (CaptureReader reader = Captures.open(TlsOracle.root().resolve(capture + ".gz"))) {
            for (RawFrame f = reader.next(); f != null; f = reader.next()) {
                d.dissect(f, options);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TlsFlow flow = d.state(TlsFlow.KEY);
        return flow == null ? new TlsFlow() : flow;
    }

    /**
     * The ladder needs neither a tree nor columns: -z tls,flow must not pay for them. It names the
     * protocol whose state it reads (tls), else TLS would not run at all for a consumer that wants
     * nothing above TCP.
     */
    private static DissectionOptions bare() {
        BitSet b = new BitSet();
        b.set(registry.fields().first("tls").id());
        return new DissectionOptions(false, b, false);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyArrowIsAMessageOfTsharksInfoColumn(String capture) {
        TlsOracle.Table fields = TlsOracle.table(capture + ".fields.tsv");
        int protocol = fields.column("_ws.col.Protocol");
        int info = fields.column("_ws.col.Info");
        int srcPort = fields.column("tcp.srcport");
        // tshark: frame -> its TLS messages, for the frames whose Protocol column is TLS's.
        Map<Long, List<String>> want = new TreeMap<>();
        fields.rows().forEach((frame, row) -> {
            if (row[protocol].startsWith("TLS") || row[protocol].startsWith("SSL")) {
                List<String> messages = messages(row[info]);
                if (!messages.isEmpty()) {
                    want.put(frame, messages);
                }
            }
        });
        TlsFlow flow = flow(capture, bare());
        Map<Long, List<String>> got = new TreeMap<>();
        for (TlsFlow.Session s : flow.sessions()) {
            String serverPort = s.server.substring(s.server.lastIndexOf(':') + 1);
            for (TlsFlow.Step step : s.steps()) {
                String[] row = fields.rows().get(step.frame());
                assertEquals(step.fromServer(), row[srcPort].equals(serverPort),
                        capture + " frame " + step.frame() + " " + step.message() + ": direction");
                got.computeIfAbsent(step.frame(), k -> new ArrayList<>()).add(step.message());
            }
        }
        // A frame tshark's TCP labels "[TCP segment of a reassembled PDU]" may still finish a record.
        got.keySet().removeIf(frame -> !want.containsKey(frame));
        int steps = got.values().stream().mapToInt(List::size).sum();
        System.out.println("ladder " + capture + ": " + flow.sessions().size() + " sessions, " + steps + " arrows");
        assertEquals(want, got, capture);
        assertEquals(flow(capture, DissectionOptions.FULL).render(), flow.render(),
                capture + ": the ladder does not depend on the tree or columns being built");
    }

    /**
     * TLS's messages in an Info column: split at the ", " between messages (not inside "Alert (Level:
     * Fatal, Description: …)"), without what other layers add ("[TCP ACKed unseen segment] " before,
     * "[Malformed Packet]" after).
     */
    static List<String> messages(String info) {
        List<String> out = new ArrayList<>();
        for (String m : split(info)) {
            if (m.endsWith("[Malformed Packet]")) {
                m = m.substring(0, m.length() - "[Malformed Packet]".length());
            }
            if (!m.isBlank() && !m.startsWith("[TCP ")) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<String> split(String info) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < info.length(); i++) {
            char c = info.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == ',' && info.startsWith(", ", i)) {
                out.add(info.substring(start, i));
                start = i + 2;
            }
        }
        out.add(info.substring(start));
        return out;
    }

    /** The session of {@code flow} whose client endpoint ends with {@code clientPort}. */
    private static TlsFlow.Session session(TlsFlow flow, int clientPort) {
        for (TlsFlow.Session s : flow.sessions()) {
            if (s.client.endsWith(":" + clientPort)) {
                return s;
            }
        }
        throw new AssertionError("no session from port " + clientPort + " in\n" + flow.render());
    }

    @Test
    void tls12TicketSession() {
        TlsFlow flow = flow("tls12_ecdhe.pcapng", bare());
        assertEquals(2, flow.sessions().size());
        String ladder = flow.render(1);
        System.out.println(ladder);
        assertTrue(ladder.startsWith("TLS session 1: 127.0.0.1:59588 (client) \u2194 127.0.0.1:443 (server)\n"
                + "  TLSv1.2, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 (0xcca8), SNI www.corpus.test\n"), ladder);
        TlsFlow.Session s = flow.sessions().get(1);
        assertEquals(List.of(
                new TlsFlow.Step(22, false, "Client Hello"),
                new TlsFlow.Step(24, true, "Server Hello"),
                new TlsFlow.Step(24, true, "Certificate"),
                new TlsFlow.Step(24, true, "Server Key Exchange"),
                new TlsFlow.Step(24, true, "Server Hello Done"),
                new TlsFlow.Step(26, false, "Client Key Exchange"),
                new TlsFlow.Step(26, false, "Change Cipher Spec"),
                new TlsFlow.Step(26, false, "Encrypted Handshake Message"),
                new TlsFlow.Step(27, true, "New Session Ticket"),
                new TlsFlow.Step(27, true, "Change Cipher Spec"),
                new TlsFlow.Step(27, true, "Encrypted Handshake Message")), s.steps().subList(0, 11));
        assertTrue(ladder.contains("New Session Ticket (frame 27) because the client offered an empty session_ticket "
                + "extension and the server echoed it in its ServerHello"), ladder);
        assertFalse(flow.render(0).contains("New Session Ticket"), "session 0 offered no ticket extension");
        assertEquals("", flow.render(2));
    }

    @Test
    void tls13Notes() {
        TlsFlow flow = flow("tls13.pcap", bare());
        assertFalse(flow.sessions().isEmpty());
        for (TlsFlow.Session s : flow.sessions()) {
            List<String> notes = s.notes();
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("TLS 1.3 servers send New Session Tickets after the handshake")), notes::toString);
            assertTrue(notes.stream().noneMatch(n -> n.contains("resumed")), notes::toString);
        }
    }

    @Test
    void resumedSessionsHaveNoCertificate() {
        TlsFlow flow = flow("tls_resumption.pcap", bare());
        // CASES.md: full handshake with a ticket, ticket resumption, full, session-id resumption, TLS 1.3 full, PSK.
        TlsFlow.Session ticket = session(flow, 45676);
        assertTrue(ticket.notes().get(0).startsWith("This session was resumed (abbreviated handshake)"), ticket.notes()::toString);
        assertTrue(ticket.notes().get(0).endsWith("the session ticket the client presented."));
        TlsFlow.Session id = session(flow, 45688);
        assertTrue(id.notes().get(0).endsWith("via the session ID."), id.notes()::toString);
        TlsFlow.Session psk = session(flow, 45706);
        assertTrue(psk.notes().stream().anyMatch(n -> n.startsWith("This session was resumed with a pre-shared key")), psk.notes()::toString);
        for (TlsFlow.Session s : List.of(ticket, id, psk)) {
            assertTrue(s.steps().stream().noneMatch(st -> st.message().equals("Certificate")), s.steps()::toString);
        }
        assertTrue(session(flow, 45668).steps().stream().anyMatch(st -> st.message().equals("Certificate")));
    }

    @Test
    void helloRetryRequest() {
        TlsFlow flow = flow("tls13_hrr.pcap", bare());
        TlsFlow.Session s = flow.sessions().get(0);
        assertEquals(2, s.steps().stream().filter(st -> st.message().equals("Client Hello")).count());
        assertTrue(s.steps().stream().anyMatch(st -> st.message().equals("Hello Retry Request")), s.steps()::toString);
        assertTrue(s.notes().get(0).startsWith("The server answered the first ClientHello with a HelloRetryRequest"));
    }

    @Test
    void clientAuthenticationAndAlerts() {
        TlsFlow.Session auth = flow("tls12_client_auth.pcap", bare()).sessions().get(0);
        assertTrue(auth.notes().contains(
                "The server asked for a client certificate (CertificateRequest); the client sent one (mutual authentication)."),
                auth.notes()::toString);
        TlsFlow alerts = flow("tls_alerts.pcap", bare());
        assertNotNull(alerts);
        assertTrue(alerts.sessions().get(0).notes().contains(
                "The client ended the handshake with Alert (Level: Fatal, Description: Unknown CA) in frame 8."),
                alerts.sessions().get(0).notes()::toString);
    }
}
