package dev.dorsal.dissectors.http;

import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.Tvb;

/**
 * Turns raw message bytes into the text tshark shows in labels and Info: printable ASCII as is,
 * control bytes as C escapes ({@code \r\n}, {@code \001}), valid UTF-8 kept, and each byte of an
 * invalid sequence as U+FFFD.
 */
final class HttpText {
    private HttpText() {}

    /** {@code len} bytes of {@code tvb} at {@code off}, escaped for display. */
    static String format(Tvb tvb, int off, int len) {
        if (len <= 0) {
            return "";
        }
        if (!tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        return FormatText.format(tvb.backingArray(), tvb.start() + off, len);
    }

    /** {@code len} bytes read as tshark reads ASCII string values (see {@link AsciiText#of}). */
    static String ascii(Tvb tvb, int off, int len) {
        return AsciiText.of(tvb, off, len);
    }

    /** True when tshark flags the ASCII string value with "Trailing stray characters" (see {@link AsciiText}). */
    static boolean strayAfterNul(Tvb tvb, int off, int len) {
        return AsciiText.strayAfterNul(tvb, off, len);
    }

    /** {@code len} bytes as UTF-8 up to the first NUL: how a string tshark copies raw shows when valid. */
    static String utf8UpToNul(Tvb tvb, int off, int len) {
        int n = tvb.indexOf(off, (byte) 0);
        return tvb.utf8(off, n >= 0 && n < off + len ? n - off : len);
    }

    /** {@code len} bytes as a Java string, one char per byte (for values compared or parsed, not shown). */
    static String latin1(Tvb tvb, int off, int len) {
        return tvb.ascii(off, len);
    }

    /**
     * Finds the end of the line starting at {@code off} within the captured bytes (tvb_find_line_end):
     * a line ends at CR, LF or CRLF. Returns {@code (lineLength << 32) | nextLineOffset}, or -1 when no
     * end is found and {@code partial} is false (or a CR ends the data, which may be half a CRLF).
     * With {@code partial} true a missing end makes the rest of the data one line.
     */
    static long lineEnd(Tvb tvb, int off, boolean partial) {
        int end = tvb.length();
        byte[] d = tvb.backingArray();
        int base = tvb.start();
        for (int i = off; i < end; i++) {
            byte b = d[base + i];
            if (b == '\n') {
                return ((long) (i - off) << 32) | (i + 1);
            }
            if (b == '\r') {
                if (i + 1 >= end) {
                    if (!partial) {
                        return -1;
                    }
                    return ((long) (i - off) << 32) | (i + 1);
                }
                int next = d[base + i + 1] == '\n' ? i + 2 : i + 1;
                return ((long) (i - off) << 32) | next;
            }
        }
        if (!partial) {
            return -1;
        }
        return ((long) (end - off) << 32) | end;
    }

    static int lineLength(long packed) {
        return (int) (packed >>> 32);
    }

    static int nextLine(long packed) {
        return (int) packed;
    }

    /** Bytes tshark keeps of a label or expert message (its 240-byte buffer less the terminator). */
    static final int LABEL_MAX_BYTES = 239;

    /**
     * A label set in full by the dissector, as tshark stores one that overflows its buffer: marked
     * " [truncated]" at the start and cut to 238 bytes (the engine would mark it after the field name).
     */
    static String label(String s) {
        if (s.length() <= LABEL_MAX_BYTES / 3 || utf8Length(s) <= LABEL_MAX_BYTES) {
            return s;
        }
        return cut(" [truncated]" + s, LABEL_MAX_BYTES - 1);
    }

    /** An expert message as tshark formats it: cut to 239 bytes, no marker. */
    static String message(String s) {
        if (s.length() <= LABEL_MAX_BYTES / 3 || utf8Length(s) <= LABEL_MAX_BYTES) {
            return s;
        }
        return cut(s, LABEL_MAX_BYTES);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static String cut(String s, int max) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int n = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : 3;
            if (bytes + n > max) {
                return s.substring(0, i);
            }
            bytes += n;
            if (n == 4) {
                i++;
            }
        }
        return s;
    }
}
