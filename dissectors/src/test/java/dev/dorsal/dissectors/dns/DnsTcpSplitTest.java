package dev.dorsal.dissectors.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.dissectors.http.testkit.FieldDump;
import dev.dorsal.dissectors.http.testkit.RealStack;
import dev.dorsal.dissectors.http.testkit.TcpFrames;
import dev.dorsal.engine.dissect.DissectionOptions;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A DNS-over-TCP stream (two length-prefixed queries, then their two responses) cut into two TCP
 * segments at every possible point goes through TCP's reassembly and must give the same DNS fields
 * as when each direction is sent in one segment.
 */
class DnsTcpSplitTest {
    /** Query 0x1234 A www.example.com, query 0x1235 MX example.com. */
    private static final byte[] QUERIES = stream(
            "12340100000100000000000003777777076578616d706c6503636f6d0000010001",
            "123501000001000000000000076578616d706c6503636f6d00000f0001");
    /** Their answers: A 192.0.2.1 (with a compressed owner name), MX 10 mail.example.com. */
    private static final byte[] RESPONSES = stream(
            "12348180000100010000000003777777076578616d706c6503636f6d0000010001c00c000100010000012c0004c0000201",
            "123581800001000100000000076578616d706c6503636f6d00000f0001c00c000f00010000012c0009000a046d61696cc00c");

    private static byte[] stream(String... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String m : messages) {
            byte[] b = HexFormat.of().parseHex(m);
            out.write(b.length >> 8);
            out.write(b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    @Test
    void messagesAtEverySplitPoint() {
        List<String> whole = fields(new TcpFrames(50001, 53).client(QUERIES).server(RESPONSES));
        assertTrue(whole.contains("dns.a=192.0.2.1"), whole::toString);
        assertTrue(whole.contains("dns.mx.mail_exchange=mail.example.com"), whole::toString);
        for (int k = 1; k < QUERIES.length; k++) {
            TcpFrames f = new TcpFrames(50001, 53).client(slice(QUERIES, 0, k)).client(slice(QUERIES, k, QUERIES.length))
                    .server(RESPONSES);
            assertEquals(whole, fields(f), "queries split at " + k);
        }
        for (int k = 1; k < RESPONSES.length; k++) {
            TcpFrames f = new TcpFrames(50001, 53).client(QUERIES).server(slice(RESPONSES, 0, k))
                    .server(slice(RESPONSES, k, RESPONSES.length));
            assertEquals(whole, fields(f), "responses split at " + k);
        }
    }

    private static List<String> fields(TcpFrames frames) {
        return FieldDump.of(RealStack.run(frames.frames(), DissectionOptions.FULL), List.of("dns"));
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }
}
