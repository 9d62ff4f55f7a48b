package dev.dorsal.dissectors.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.ProtoItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Splits a TLS byte stream (the ClientHello flight and the server's first flight of tls12_ecdhe) into
 * TCP segments at every split point and every segment size, sends it through the real TCP
 * reassembly, and checks that TLS finds the same records and handshake messages as from the unsplit
 * stream, and shows the same messages in the Info column: the desegmentation contract, with
 * header-splitting and body-splitting segments alike.
 */
class TlsSplitTest {
    private static Registry registry;
    private static byte[] client;
    private static byte[] server;

    /** What TLS saw in one direction: record types and lengths, handshake types and lengths, Info messages. */
    record Seen(List<String> records, List<String> handshakes, List<String> messages) {}

    @BeforeAll
    static void load() {
        registry = TlsOracle.registry();
        // tls12_ecdhe stream 0: frame 4 is the ClientHello, frame 6 the server's first flight.
        client = payload("tls12_ecdhe.pcapng", 4);
        server = payload("tls12_ecdhe.pcapng", 6);
    }

    @Test
    void everyTwoWaySplitGivesTheSameRecords() {
        Seen refClient = run(client, new int[0], true);
        Seen refServer = run(server, new int[0], false);
        assertEquals(List.of("1/217"), refClient.handshakes());
        assertEquals(List.of("2/89", "11/972", "12/296", "14/0"), refServer.handshakes());
        for (int k = 1; k < client.length; k++) {
            assertEquals(refClient, run(client, new int[] {k}, true), "client split at " + k);
        }
        for (int k = 1; k < server.length; k++) {
            assertEquals(refServer, run(server, new int[] {k}, false), "server split at " + k);
        }
    }

    @Test
    void everySegmentSizeGivesTheSameRecords() {
        Seen refServer = run(server, new int[0], false);
        for (int size = 1; size <= 100; size++) {
            assertEquals(refServer, run(server, cuts(server.length, size), false), "segments of " + size + " bytes");
        }
        for (int size : new int[] {137, 256, 511, 700, 1000}) {
            assertEquals(refServer, run(server, cuts(server.length, size), false), "segments of " + size + " bytes");
        }
    }

    @Test
    void recordsArriveInTheFrameThatCompletesThem() {
        // Split inside the Certificate record: the ServerHello shows in the first frame, the rest in the second.
        List<DissectedPacket> packets = packets(server, new int[] {200}, false);
        DissectedPacket first = packets.get(packets.size() - 2);
        DissectedPacket second = packets.get(packets.size() - 1);
        assertEquals("Server Hello", first.columns().info());
        assertEquals("Certificate, Server Key Exchange, Server Hello Done", second.columns().info());
        assertFalse(second.dataSources().isEmpty());
        assertTrue(second.dataSources().stream().anyMatch(d -> d.name().equals("Reassembled TCP")));
    }

    private static int[] cuts(int length, int size) {
        int[] c = new int[(length - 1) / size];
        for (int i = 0; i < c.length; i++) {
            c[i] = (i + 1) * size;
        }
        return c;
    }

    /** Dissects the stream cut at {@code cuts} and collects what TLS reported, in order. */
    private static Seen run(byte[] stream, int[] cuts, boolean fromClient) {
        List<String> records = new ArrayList<>();
        List<String> handshakes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (DissectedPacket p : packets(stream, cuts, fromClient)) {
            List<ProtoItem> types = FieldValues.find(p.tree(), "tls.record.content_type");
            List<ProtoItem> lengths = FieldValues.find(p.tree(), "tls.record.length");
            for (int i = 0; i < types.size(); i++) {
                records.add(FieldFormat.fieldsText(types.get(i)) + "/" + FieldFormat.fieldsText(lengths.get(i)));
            }
            List<ProtoItem> hTypes = FieldValues.find(p.tree(), "tls.handshake.type");
            List<ProtoItem> hLengths = FieldValues.find(p.tree(), "tls.handshake.length");
            for (int i = 0; i < hTypes.size(); i++) {
                handshakes.add(FieldFormat.fieldsText(hTypes.get(i)) + "/" + FieldFormat.fieldsText(hLengths.get(i)));
            }
            if (p.columns().protocol().startsWith("TLS")) {
                messages.addAll(Arrays.asList(p.columns().info().split(", ")));
            }
        }
        return new Seen(records, handshakes, messages);
    }

    /** The handshake of a TCP connection to port 443, then {@code stream} from one side cut at {@code cuts}. */
    private static List<DissectedPacket> packets(byte[] stream, int[] cuts, boolean fromClient) {
        Dissection d = new Dissection(registry);
        List<DissectedPacket> out = new ArrayList<>();
        long cseq = 1000;
        long sseq = 5000;
        int n = 1;
        out.add(d.dissect(frame(n++, true, cseq, 0, 0x02, new byte[0]), DissectionOptions.FULL));
        out.add(d.dissect(frame(n++, false, sseq, cseq + 1, 0x12, new byte[0]), DissectionOptions.FULL));
        cseq++;
        sseq++;
        out.add(d.dissect(frame(n++, true, cseq, sseq, 0x10, new byte[0]), DissectionOptions.FULL));
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : stream.length;
            byte[] piece = Arrays.copyOfRange(stream, from, to);
            RawFrame f = fromClient ? frame(n++, true, cseq, sseq, 0x18, piece) : frame(n++, false, sseq, cseq, 0x18, piece);
            if (fromClient) {
                cseq += piece.length;
            } else {
                sseq += piece.length;
            }
            out.add(d.dissect(f, DissectionOptions.FULL));
            from = to;
        }
        assertEquals(0, d.bugCount(), () -> d.bugReports().toString());
        return out;
    }

    /** An Ethernet/IPv4/TCP frame between 10.0.0.1:50000 (client) and 10.0.0.2:443. */
    private static RawFrame frame(int number, boolean fromClient, long seq, long ack, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 20 + payload.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0});
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putShort((short) number)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        byte[] c = {10, 0, 0, 1};
        byte[] s = {10, 0, 0, 2};
        b.put(fromClient ? c : s).put(fromClient ? s : c);
        b.putShort((short) (fromClient ? 50000 : 443)).putShort((short) (fromClient ? 443 : 50000));
        b.putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags).putShort((short) 65535)
                .putShort((short) 0).putShort((short) 0);
        b.put(payload);
        byte[] data = b.array();
        return new RawFrame(number, 0, 1, 0, number * 1_000_000_000L, 6, data.length, data);
    }

    /** The TCP payload of frame {@code number} of an Ethernet/IPv4 capture. */
    private static byte[] payload(String capture, long number) {
        try (CaptureReader r = Captures.open(TlsOracle.root().resolve(capture + ".gz"))) {
            for (RawFrame f = r.next(); f != null; f = r.next()) {
                if (f.number() == number) {
                    byte[] d = f.data();
                    int ip = 14;
                    int ipLength = ((d[ip + 2] & 0xff) << 8) | (d[ip + 3] & 0xff);
                    int tcp = ip + (d[ip] & 0x0f) * 4;
                    int body = tcp + ((d[tcp + 12] >> 4) & 0x0f) * 4;
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(d, body, ip + ipLength - body);
                    return out.toByteArray();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no frame " + number + " in " + capture);
    }
}
