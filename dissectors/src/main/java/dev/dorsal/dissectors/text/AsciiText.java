package dev.dorsal.dissectors.text;

import dev.dorsal.engine.spi.Tvb;

/**
 * Reads string field values as tshark 4.0 reads ASCII-encoded strings ({@code ENC_ASCII}): bytes from
 * 0x80 up become U+FFFD (one char per byte) and the value ends at the first NUL. Shared by the
 * dissectors whose strings are ASCII on the wire (HTTP, SSH).
 */
public final class AsciiText {
    private AsciiText() {}

    /** {@code len} bytes of {@code tvb} at {@code off} as an ASCII string value; control characters stay raw. */
    public static String of(Tvb tvb, int off, int len) {
        if (len <= 0) {
            return "";
        }
        if (!tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        byte[] d = tvb.backingArray();
        int base = tvb.start() + off;
        int i = 0;
        while (i < len && d[base + i] > 0) {
            i++;
        }
        if (i == len || d[base + i] == 0) {
            return new String(d, base, i, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(len);
        for (i = 0; i < len && d[base + i] != 0; i++) {
            sb.append(d[base + i] > 0 ? (char) d[base + i] : '\uFFFD');
        }
        return sb.toString();
    }

    /**
     * True when tshark flags an ASCII string value with "Trailing stray characters": a NUL ends it
     * within its {@code len} bytes and a non-NUL follows (in the decoded text, where each byte from 0x80
     * up took the three bytes of U+FFFD).
     */
    public static boolean strayAfterNul(Tvb tvb, int off, int len) {
        byte[] d = tvb.backingArray();
        int base = tvb.start() + off;
        int nul = 0; // index of the NUL in the decoded text
        int i = 0;
        for (; i < len && d[base + i] != 0; i++) {
            nul += d[base + i] > 0 ? 1 : 3;
        }
        if (nul >= len) {
            return false;
        }
        // decoded bytes nul..len-1 are raw bytes i..i+(len-nul)-1, expanded again from 0x80 up
        int pos = nul;
        for (int j = i; pos < len && j < len; j++) {
            if (d[base + j] != 0) {
                return true;
            }
            pos++;
        }
        return false;
    }
}
