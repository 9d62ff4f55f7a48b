package dev.dorsal.dissectors.imf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The value logic of IMF: where tshark ends a header field, its base64 decoding and its text
 * formatting. Expected values are what tshark 4.0.17 showed for the same messages in
 * fuzz/imf_crafted.pcap (the whole dissector is compared with tshark by the shell's differential tests).
 */
class ImfValuesTest {
    private static Tvb tvb(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    @Test
    void aFieldEndsAfterItsCrLfUnlessTheNextLineIsFolded() {
        Tvb t = tvb("Subject: a\r\n b\r\nTo: c\r\n\r\nbody");
        boolean[] last = {false};
        assertEquals(16, ImfDissector.fieldEnd(t, 8, t.length(), last));
        assertFalse(last[0]);
        assertEquals(23, ImfDissector.fieldEnd(t, 19, t.length(), last));
        assertTrue(last[0], "a blank line follows");
    }

    @Test
    void atTheEndOfTheDataTheFieldEndsBeforeItsCrLf() {
        // tshark then drops two more bytes as the line end: "Subject: chunk one" showed as "chunk o"
        Tvb t = tvb("Subject: chunk one\r\n");
        boolean[] last = {false};
        assertEquals(18, ImfDissector.fieldEnd(t, 8, t.length(), last));
        assertTrue(last[0]);
    }

    @Test
    void aLoneCrAtTheEndEndsNoField() {
        Tvb t = tvb("Subject: x\r");
        assertEquals(-1, ImfDissector.fieldEnd(t, 8, t.length(), new boolean[1]));
        Tvb cr = tvb("Subject: x\rTo: y\r\n\r\n");
        assertEquals(18, ImfDissector.fieldEnd(cr, 8, cr.length(), new boolean[1]));
    }

    @Test
    void base64SkipsWhatIsNotInTheAlphabetAndDropsAnIncompleteGroup() {
        assertArrayEquals("hello world\n".getBytes(StandardCharsets.US_ASCII),
                ImfText.base64("aGVsbG8gd29y\r\nbGQK\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("second line".getBytes(StandardCharsets.US_ASCII),
                ImfText.base64("c2Vjb25kIGxpbmU=".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(new byte[0], ImfText.base64("!!!\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(new byte[] {'a'}, ImfText.base64("YQ==".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(new byte[] {'a'}, ImfText.base64("YQ==Yg".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void messageTextShowsLineEndsAndTabsAsBlanks() {
        Tvb t = tvb("a\tb\r\n");
        assertEquals("a b  ", ImfText.formatWsp(t, 0, 5));
        assertEquals("a\\tb\\r\\n", ImfText.format(t, 0, 5));
    }

    @Test
    void itemLengthsFollowProtoTreeAddItem() {
        Tvb t = tvb("abcdef");
        assertEquals(4, ImfText.length(t, 2, -1), "-1 runs to the end");
        assertEquals(0, ImfText.length(t, 6, 0));
        assertThrows(MalformedException.class, () -> ImfText.length(t, 2, -2));
    }

    @Test
    void searchesStopAtTheirLimitOrRunToTheEndWhenItIsNegative() {
        Tvb t = tvb("a, b, c");
        assertEquals(1, ImfText.find(t, 0, 7, ','));
        assertEquals(-1, ImfText.find(t, 2, 2, ','));
        assertEquals(4, ImfText.find(t, 2, -5, ','));
        assertEquals(-1, ImfText.find(t, 7, 3, ','));
    }
}
