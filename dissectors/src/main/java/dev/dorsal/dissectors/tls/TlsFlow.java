package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.Key;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Draws {@code -z tls,flow[,N]}: a ladder diagram of each TLS session of a capture, one arrow per
 * message between client and server, with frame numbers, the negotiated version and cipher suite, SNI
 * and ALPN, and short notes on what happened (tickets, resumption, HelloRetryRequest, alerts).
 *
 * <pre>
 * TLS session 0: 127.0.0.1:59572 (client) ↔ 127.0.0.1:443 (server)
 *   TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f), SNI www.corpus.test, ALPN offered h2,http/1.1
 *  frame  client                                                     server
 *      4  Client Hello ─────────────────────────────────────────────────▶
 *      6  ◀──────────────────────────────────────────────── Server Hello
 * </pre>
 *
 * Independent of the engine: the dissector records facts into {@link Session}s (kept per capture
 * under {@link #KEY}); {@link #render()} only formats them.
 */
public final class TlsFlow {
    /** Per-capture key under which the dissector keeps the flow. */
    public static final Key<TlsFlow> KEY = Key.of("tls.flow");
    /** Most messages remembered per session. */
    static final int MAX_STEPS = 2_000;
    private static final int WIDTH = 66;

    private final List<Session> sessions = new ArrayList<>();

    /** Adds a session (done by the dissector when a conversation first shows TLS). */
    void add(Session s) {
        if (sessions.size() < TlsSessions.MAX_FLOWS) {
            sessions.add(s);
        }
    }

    /** Sessions in the order they started. */
    public List<Session> sessions() {
        return Collections.unmodifiableList(sessions);
    }

    /** The ladders of every session, separated by blank lines. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sessions.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sessions.get(i).render(sb, i);
        }
        return sb.toString();
    }

    /** The ladder of session {@code index} (0-based, in order of appearance), or "" when there is none. */
    public String render(int index) {
        if (index < 0 || index >= sessions.size()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sessions.get(index).render(sb, index);
        return sb.toString();
    }

    /** One message of the ladder. */
    public record Step(long frame, boolean fromServer, String message) {}

    /** What one TLS session showed, recorded as it is dissected. */
    public static final class Session {
        String client = "";
        String server = "";
        final List<Step> steps = new ArrayList<>();
        int version = TlsSession.VERSION_UNKNOWN;
        int cipherSuite = -1;
        String sni;
        String alpnOffered;
        String alpnChosen;
        int clientTicketExtension = -1;
        boolean serverTicketExtension;
        boolean pskOffered;
        boolean pskAccepted;
        int clientHellos;
        boolean helloRetry;
        int hrrGroup = -1;
        long newSessionTicketFrame;
        boolean tls13Ticket;
        boolean resumed;
        int serverCertificates = -1;
        int clientCertificates = -1;
        boolean certificateRequested;
        int keyExchangeGroup = -1;
        boolean clientKeyShare;

        public List<Step> steps() {
            return Collections.unmodifiableList(steps);
        }

        void add(long frame, boolean fromServer, String message) {
            if (steps.size() < MAX_STEPS) {
                steps.add(new Step(frame, fromServer, message));
            }
        }

        void clientHello(long frame, TlsHelloFacts f) {
            clientHellos++;
            if (f.serverName != null) {
                sni = f.serverName;
            }
            alpnOffered = f.alpnList;
            clientTicketExtension = f.sessionTicketLength;
            pskOffered = f.preSharedKey;
        }

        void serverHello(long frame, int negotiated, int suite, boolean hrr, TlsHelloFacts f) {
            version = negotiated;
            cipherSuite = suite;
            if (hrr) {
                helloRetry = true;
                hrrGroup = f.keyShareGroup;
                return;
            }
            serverTicketExtension = f.sessionTicketLength >= 0;
            pskAccepted = f.preSharedKey;
            if (f.firstAlpn != null) {
                alpnChosen = f.firstAlpn;
            }
            if (f.keyShareGroup >= 0) {
                keyExchangeGroup = f.keyShareGroup;
            }
        }

        void newSessionTicket(long frame, boolean tls13) {
            if (newSessionTicketFrame == 0) {
                newSessionTicketFrame = frame;
                tls13Ticket = tls13;
            }
        }

        void keyExchangeGroup(int group) {
            keyExchangeGroup = group;
        }

        void keyShare(boolean client) {
            clientKeyShare = client;
        }

        void certificates(boolean fromServer, int count) {
            if (fromServer) {
                serverCertificates = count;
            } else {
                clientCertificates = count;
            }
        }

        void certificateRequested() {
            certificateRequested = true;
        }

        void setEndpoints(String clientEndpoint, String serverEndpoint) {
            client = clientEndpoint;
            server = serverEndpoint;
        }

        private void render(StringBuilder sb, int index) {
            sb.append("TLS session ").append(index).append(": ").append(client).append(" (client) \u2194 ")
                    .append(server).append(" (server)\n");
            sb.append("  ").append(summary()).append('\n');
            sb.append(String.format("  %5s  %-" + (WIDTH / 2) + "s%" + (WIDTH / 2) + "s%n", "frame", "client", "server"));
            for (Step s : steps) {
                sb.append(String.format("  %5d  ", s.frame()));
                int dashes = Math.max(3, WIDTH - s.message().length() - 2);
                if (s.fromServer()) {
                    sb.append('\u25c0').append("\u2500".repeat(dashes)).append(' ').append(s.message());
                } else {
                    sb.append(s.message()).append(' ').append("\u2500".repeat(dashes)).append('\u25b6');
                }
                sb.append('\n');
            }
            for (String note : notes()) {
                sb.append("  Note: ").append(note).append('\n');
            }
        }

        private String summary() {
            List<String> parts = new ArrayList<>();
            parts.add(version == TlsSession.VERSION_UNKNOWN ? "version not negotiated"
                    : TlsRecordDissector.shortName(version, String.format("0x%04x", version)));
            if (cipherSuite >= 0) {
                parts.add(TlsCipherSuites.NAMES.nameOr(cipherSuite, "Unknown") + String.format(" (0x%04x)", cipherSuite));
            }
            parts.add(sni != null ? "SNI " + sni : "no SNI");
            if (alpnOffered != null) {
                parts.add("ALPN offered " + alpnOffered + (alpnChosen != null ? ", chosen " + alpnChosen : ""));
            }
            return String.join(", ", parts);
        }

        /** Plain-language explanations of the notable events of the session. */
        List<String> notes() {
            List<String> notes = new ArrayList<>();
            boolean tls13 = version == TlsSession.TLS13;
            if (helloRetry) {
                notes.add("The server answered the first ClientHello with a HelloRetryRequest"
                        + (hrrGroup >= 0 ? " asking for a key share in " + TlsValues.GROUPS.nameOr(hrrGroup, "group " + hrrGroup) : "")
                        + ", so the client sent a second ClientHello.");
            }
            if (tls13) {
                notes.add("TLS 1.3: everything after the ServerHello (EncryptedExtensions, Certificate, CertificateVerify, "
                        + "Finished) is encrypted and shows as Application Data without keys; the ChangeCipherSpec records "
                        + "are only for middlebox compatibility.");
                if (pskAccepted) {
                    notes.add("This session was resumed with a pre-shared key from an earlier session's ticket: the "
                            + "server accepted the client's pre_shared_key, so no Certificate was needed.");
                }
                notes.add("TLS 1.3 servers send New Session Tickets after the handshake, encrypted, so they cannot be "
                        + "told apart from application data without keys.");
            } else if (version != TlsSession.VERSION_UNKNOWN) {
                if (resumed) {
                    notes.add("This session was resumed (abbreviated handshake): the server sent ChangeCipherSpec right "
                            + "after its ServerHello, with no Certificate and no key exchange, reusing keys from an earlier "
                            + "session via " + (clientTicketExtension > 0 ? "the session ticket the client presented."
                            : "the session ID."));
                } else if (keyExchangeGroup >= 0) {
                    notes.add("Key exchange: ECDHE over " + TlsValues.GROUPS.nameOr(keyExchangeGroup, "group " + keyExchangeGroup)
                            + ", signed with the server's certificate (forward secret).");
                } else if (TlsKeyExchange.kex(cipherSuite) == TlsKeyExchange.Kex.RSA) {
                    notes.add("Key exchange: RSA, the client encrypts the premaster secret to the server's certificate key "
                            + "(no forward secrecy: the server's private key decrypts the session).");
                }
                if (newSessionTicketFrame != 0) {
                    notes.add("The server sent a New Session Ticket (frame " + newSessionTicketFrame + ") because the client "
                            + (clientTicketExtension == 0 ? "offered an empty session_ticket extension"
                                    : clientTicketExtension > 0 ? "presented a session ticket" : "supports tickets")
                            + (serverTicketExtension ? " and the server echoed it in its ServerHello" : "")
                            + " (RFC 5077); the client can resume with it later.");
                }
            }
            if (certificateRequested) {
                notes.add("The server asked for a client certificate (CertificateRequest)"
                        + (clientCertificates > 0 ? "; the client sent one (mutual authentication)." : "."));
            }
            for (Step s : steps) {
                if (s.message().startsWith("Alert (")) {
                    notes.add("The " + (s.fromServer() ? "server" : "client") + " ended the handshake with " + s.message()
                            + " in frame " + s.frame() + ".");
                    break;
                }
            }
            return notes;
        }
    }
}
