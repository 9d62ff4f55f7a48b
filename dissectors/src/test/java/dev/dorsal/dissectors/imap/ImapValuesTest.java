package dev.dorsal.dissectors.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How IMAP finds the end of a line and a FETCH literal. Expected values are what tshark 4.0.17 did
 * with the same bytes (fuzz/imap_crafted.pcap; the whole dissector is compared with tshark by the
 * shell's differential tests): "waits" means tshark asked TCP for more.
 */
class ImapValuesTest {
    private static Tvb tvb(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    private static ImapLiteral literal(String data) {
        Tvb t = tvb(data);
        int end = ImapDissector.lineEnd(t, 0);
        int next = t.u8(end) == '\r' ? end + 2 : end + 1;
        return ImapLiteral.find(t, 0, end, next);
    }

    @Test
    void aLineNeedsItsEndAndACrAtTheEndMayBeFollowedByAnLf() {
        assertEquals(7, ImapDissector.lineEnd(tvb("a1 NOOP\r\n"), 0));
        assertEquals(2, ImapDissector.lineEnd(tvb("cr\rlf"), 0));
        assertEquals(-1, ImapDissector.lineEnd(tvb("c3 NOOP\r"), 0));
        assertEquals(-1, ImapDissector.lineEnd(tvb("b7 LOG"), 0));
    }

    @Test
    void aFetchLiteralIsHandedOverOnceItsClosingParenthesisCame() {
        assertEquals(3, literal("* 5 FETCH (BODY[] {3}\r\nabc)\r\n").length());
        assertSame(ImapLiteral.WAIT, literal("* 5 FETCH (BODY[] {3}\r\nabc\r\n"));
        assertEquals(3, literal("* 5 FETCH (BODY[] {3}\r\na)c\r\n").length(), "a ')' in its last byte counts");
        assertEquals(0, literal("* 3 FETCH (BODY[] {0}\r\n)\r\n").length());
    }

    @Test
    void theSizeIsCountedFromBeforeTheLinesCrLf() {
        assertEquals(3, literal("* 5 FETCH (BODY[] {5}\r\nab)").length(), "handed over two bytes short");
        assertSame(ImapLiteral.WAIT, literal("* 5 FETCH (BODY[] {10}\r\nabc)\r\nzz OK after\r\n"));
    }

    @Test
    void onlyUntaggedFetchLinesWithAParenthesisHaveLiterals() {
        assertNull(literal("a5 FETCH (BODY[] {3}\r\nabc)\r\n"));
        assertNull(literal("* 5 STORE (X {3}\r\nabc)\r\n"));
        assertNull(literal("* 5 XFETCH (BODY[] {3}\r\nabc)\r\n"));
        assertNull(literal("* 5 FETCH (UID 7)\r\n"));
        assertEquals(1, literal("* 5 FETCH (X {1} BODY[] {3}\r\nabc)\r\n").length(), "the first size counts");
        assertSame(ImapLiteral.WAIT, literal("* 5 FETCH UID 7\r\n"), "tshark waits for ever");
    }

    @Test
    void sizesThatDoNotReadAsNumbersWaitForEver() {
        assertEquals(3, ImapLiteral.size(tvb("{ 3}"), 1, 3));
        assertEquals(3, ImapLiteral.size(tvb("{03}"), 1, 3));
        assertEquals(-1, ImapLiteral.size(tvb("{+3}"), 1, 3));
        assertEquals(-1, ImapLiteral.size(tvb("{3x}"), 1, 3));
        assertEquals(-1, ImapLiteral.size(tvb("{}"), 1, 1));
        assertEquals(-1, ImapLiteral.size(tvb("{99999999999}"), 1, 12));
        assertSame(ImapLiteral.WAIT, literal("* 9 FETCH (BODY[] {abc}\r\nrest)\r\n"));
    }
}
