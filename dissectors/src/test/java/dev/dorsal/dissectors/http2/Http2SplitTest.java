package dev.dorsal.dissectors.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.dissectors.http.testkit.FieldDump;
import dev.dorsal.dissectors.http.testkit.RealStack;
import dev.dorsal.dissectors.http.testkit.TcpFrames;
import dev.dorsal.engine.dissect.DissectionOptions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cleartext HTTP/2 on port 80 whose request frames (after the segment with the preface, which tshark
 * never reassembles) and then whose response frames are cut into two TCP segments at every possible
 * point: TCP's reassembly (the desegmentation contract) must give the same HTTP/2, JSON and text fields
 * as when each side is sent whole. The frames cover a header block over HEADERS and CONTINUATION (with
 * a Huffman string and the dynamic table), padded and plain DATA making one JSON body, PING,
 * WINDOW_UPDATE, SETTINGS and its ACK.
 */
class Http2SplitTest {
    private static final List<String> PROTOCOLS = List.of("http2", "json", "data-text-lines");
    private static final HexFormat HEX = HexFormat.of();

    /** The preface and an empty SETTINGS: the client's first segment. */
    static final byte[] PREFACE = HEX.parseHex("505249202a20485454502f322e300d0a0d0a534d0d0a0d0a"
            + "000000040000000000");
    /** HEADERS + CONTINUATION for a POST, its JSON body in two DATA frames (the first padded), PING, WINDOW_UPDATE. */
    static final byte[] REQUEST = HEX.parseHex("0000070100000000018386448760759900003109040000000184574193"
            + "410a73706c69742e746573740f10106170706c69636174696f6e2f6a736f6e1007782d746f6b656e844324b0a900000a"
            + "000800000001037b2261223a2000000000000a0001000000015b312c20747275655d7d00000806000000000070696e6770"
            + "6f6e6700000408000000000000010000");
    /** SETTINGS, its ACK, HEADERS (200, text/html) and the body in two DATA frames. */
    static final byte[] RESPONSE = HEX.parseHex("000006040000000000000300000064000000040100000000000012010400"
            + "000001885f87497ca589d34d1f0f270573706c697400000a0000000000013c703e73706c69740d0a0000060001000000013c"
            + "2f703e0d0a");

    @Test
    void requestAndResponseAtEverySplitPoint() {
        List<String> whole = fields(new TcpFrames(50000, 80).client(PREFACE).client(REQUEST).server(RESPONSE));
        assertTrue(whole.contains("http2.headers.path=/api/split"), whole::toString);
        assertTrue(whole.contains("http2.header.name=x-token"), whole::toString);
        assertTrue(whole.contains("json.key=a"), whole::toString);
        assertTrue(whole.stream().anyMatch(f -> f.startsWith("data-text-lines")), whole::toString);
        assertTrue(whole.contains("http2.ping=70696e67706f6e67"), whole::toString);
        for (int k = 1; k < REQUEST.length; k++) {
            TcpFrames f = new TcpFrames(50000, 80).client(PREFACE).client(slice(REQUEST, 0, k))
                    .client(slice(REQUEST, k, REQUEST.length)).server(RESPONSE);
            assertEquals(whole, fields(f), "request split at " + k);
        }
        for (int k = 1; k < RESPONSE.length; k++) {
            TcpFrames f = new TcpFrames(50000, 80).client(PREFACE).client(REQUEST).server(slice(RESPONSE, 0, k))
                    .server(slice(RESPONSE, k, RESPONSE.length));
            assertEquals(whole, fields(f), "response split at " + k);
        }
    }

    private static List<String> fields(TcpFrames frames) {
        return FieldDump.of(RealStack.run(frames.frames(), DissectionOptions.FULL), PROTOCOLS);
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }
}
