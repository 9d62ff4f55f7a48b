package dev.dorsal.dissectors.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HPACK decoder on the published examples of RFC 7541 Appendix C (C.2 to C.6, in
 * {@code http2/rfc7541-appendix-c.txt}: headers decoded and the dynamic table after each block), and on
 * the errors tshark 4.0.17 was seen to treat each its own way.
 */
class HpackDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc7541AppendixCExamples() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/http2/rfc7541-appendix-c.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HpackDecoder decoder = null;
        String section = null;
        List<String> decoded = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int blocks = 0;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String key = line.substring(0, line.indexOf(' '));
            String value = line.substring(key.length() + 1);
            switch (key) {
                case "section" -> {
                    decoder = new HpackDecoder();
                    section = value;
                }
                case "max" -> decoder.setMaxSize(Long.parseLong(value));
                case "block" -> {
                    decoded = new ArrayList<>();
                    expected = new ArrayList<>();
                    byte[] block = HEX.parseHex(value);
                    for (HpackDecoder.Field f : decoder.decode(block, 0, block.length, true)) {
                        decoded.add(text(f.name()) + "\t" + text(f.value()));
                    }
                    assertFalse(decoder.failed(), section);
                    blocks++;
                }
                case "header" -> expected.add(value);
                case "table" -> { } // checked through the size and the next block's indexes
                case "size" -> {
                    assertEquals(expected, decoded, section);
                    assertEquals(Long.parseLong(value), decoder.size(), section + ": table size");
                }
                default -> throw new IllegalStateException(line);
            }
        }
        assertEquals(16, blocks);
    }

    @Test
    void tableEntriesFollowTheRfc() throws IOException {
        // C.3.3 leaves three entries, newest first: index 62 is custom-key, 64 is :authority.
        HpackDecoder d = new HpackDecoder();
        decode(d, "828684410f7777772e6578616d706c652e636f6d");
        decode(d, "828684be58086e6f2d6361636865");
        decode(d, "828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565");
        assertEquals(3, d.entries());
        assertEquals(List.of("custom-key: custom-value", "cache-control: no-cache", ":authority: www.example.com"),
                decode(d, "bebfc0"));
    }

    @Test
    void huffmanErrorsStopTheDecoder() {
        assertNull(HpackHuffman.decode(HEX.parseHex("1fff"), 0, 2)); // 'a' then 11 bits of padding
        assertNull(HpackHuffman.decode(HEX.parseHex("18"), 0, 1)); // 'a' then padding of zeros
        assertArrayEquals("a".getBytes(StandardCharsets.ISO_8859_1), HpackHuffman.decode(HEX.parseHex("1f"), 0, 1));
        HpackDecoder d = new HpackDecoder();
        assertEquals(List.of(":method: GET"), decode(d, "8244811800"));
        assertTrue(d.failed());
        assertEquals(List.of(), decode(d, "82"));
    }

    @Test
    void indexBeyondAnUntouchedTableIsUnknown() {
        HpackDecoder d = new HpackDecoder();
        assertEquals(List.of(":method: GET", "<unknown>: ", ":path: /"), decode(d, "82c684"));
        assertEquals(List.of("<unknown>: vv", ":method: GET"), decode(d, "7f07027676" + "82"));
        assertEquals(List.of("<unknown>: vv"), decode(d, "be")); // the stand-in name was indexed
        assertFalse(d.failed());
    }

    @Test
    void indexBeyondTheTableAfterAnEvictionIsAnError() {
        HpackDecoder d = new HpackDecoder();
        // size 50, n1 then n2 (n1 evicted), then index 64: tshark stops there.
        assertEquals(List.of("size 50", "n1: v1", "n2: v2"), decode(d, "3f13" + "40026e31027631" + "40026e32027632" + "c0" + "82"));
        assertTrue(d.failed());
    }

    @Test
    void indexBeyondWhatTheTableCouldHoldIsAnError() {
        HpackDecoder full = new HpackDecoder();
        String big = "4001657f" + "b71e" + "78".repeat(4022); // e: 4022 x's, 4055 octets in the table
        decode(full, big);
        assertEquals(List.of("<unknown>: ", ":method: GET"), decode(full, "bf82")); // one more entry of 41 fits
        HpackDecoder over = new HpackDecoder();
        decode(over, "4001657f" + "b81e" + "78".repeat(4023));
        assertEquals(List.of(), decode(over, "bf82"));
        assertTrue(over.failed());
    }

    @Test
    void sizeUpdatesOnlyAtTheStartAndWithinTheLimit() {
        HpackDecoder late = new HpackDecoder();
        assertEquals(List.of(":method: GET"), decode(late, "823f0182"));
        assertTrue(late.failed());
        HpackDecoder big = new HpackDecoder();
        assertEquals(List.of(), decode(big, "3fe13f82")); // 8192 > 4096
        assertTrue(big.failed());
        HpackDecoder zero = new HpackDecoder();
        assertEquals(List.of(":method: GET"), decode(zero, "8280"));
        assertTrue(zero.failed()); // index 0
    }

    @Test
    void representationCutBetweenFragmentsIsCompletedByTheNext() {
        HpackDecoder d = new HpackDecoder();
        byte[] first = HEX.parseHex("8204062f");
        byte[] second = HEX.parseHex("73706c697487");
        assertEquals(List.of(":method: GET"), texts(d.decode(first, 0, first.length, false)));
        assertEquals(List.of(":path: /split", ":scheme: https"), texts(d.decode(second, 0, second.length, true)));
        assertFalse(d.failed());
        HpackDecoder cut = new HpackDecoder();
        assertEquals(List.of(":method: GET"), decode(cut, "8244ff"));
        assertTrue(cut.failed()); // the block ended inside a field
    }

    private static List<String> decode(HpackDecoder d, String hex) {
        byte[] b = HEX.parseHex(hex);
        return texts(d.decode(b, 0, b.length, true));
    }

    private static List<String> texts(List<HpackDecoder.Field> fields) {
        List<String> out = new ArrayList<>();
        for (HpackDecoder.Field f : fields) {
            out.add(f.kind() == HpackDecoder.Kind.SIZE_UPDATE ? "size " + f.tableSize()
                    : text(f.name()) + ": " + text(f.value()));
        }
        return out;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
