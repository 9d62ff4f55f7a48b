package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.Tvb;

/**
 * Turns raw message bytes into the text tshark shows in labels and Info: printable ASCII as is,
 * control bytes as C escapes ({@code \r\n}, {@code \001}), valid UTF-8 kept, and each byte of an
 * invalid sequence as U+FFFD.
 */
final class HttpText {
    private HttpText() {}

    /** {@code len} bytes of {@code data} from {@code off}, escaped for display. */
    static String format(byte[] data, int off, int len) {
        int end = off + len;
        boolean plain = true;
        for (int i = off; i < end; i++) {
            int b = data[i];
            if (b < 0x20 || b == 0x7f) { // negative bytes (>= 0x80) are caught here too
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(data, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(len + 8);
        appendFormatted(sb, data, off, len);
        return sb.toString();
    }

    static void appendFormatted(StringBuilder sb, byte[] data, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int b = data[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                sb.append((char) b);
                i++;
            } else if (b < 0x80) {
                appendEscape(sb, b);
                i++;
            } else {
                i = appendSequence(sb, data, i, end);
            }
        }
    }

    /**
     * Appends the UTF-8 sequence at {@code i} as tshark's format_text does: the length comes from the
     * lead byte; a missing continuation byte gives one U+FFFD for what was read (the byte that broke it
     * starts over); a complete sequence is decoded even when overlong, and shown as U+FFFD when it is a
     * surrogate or beyond U+10FFFF, as backslash-uXXXX when not printable. Returns the offset after it.
     */
    private static int appendSequence(StringBuilder sb, byte[] d, int i, int end) {
        int b = d[i] & 0xff;
        int n = b >= 0xc0 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf7 ? 4 : 0;
        if (n == 0) {
            sb.append('\uFFFD');
            return i + 1;
        }
        int cp = b & (0x7f >> n);
        int k = 1;
        for (; k < n; k++) {
            if (i + k >= end || (d[i + k] & 0xc0) != 0x80) {
                sb.append('\uFFFD');
                return i + k;
            }
            cp = (cp << 6) | (d[i + k] & 0x3f);
        }
        if (cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
            sb.append('\uFFFD');
        } else if (printable(cp)) {
            sb.appendCodePoint(cp);
        } else if (cp <= 0xffff) {
            sb.append(String.format("\\u%04X", cp));
        } else {
            sb.append(String.format("\\U%08X", cp));
        }
        return i + n;
    }

    /** GLib's g_unichar_isprint: not a control, format, unassigned or surrogate code point. */
    private static boolean printable(int cp) {
        int t = Character.getType(cp);
        return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
                && t != Character.SURROGATE;
    }

    private static void appendEscape(StringBuilder sb, int c) {
        sb.append('\\');
        switch (c) {
            case 7 -> sb.append('a');
            case 8 -> sb.append('b');
            case 12 -> sb.append('f');
            case 10 -> sb.append('n');
            case 13 -> sb.append('r');
            case 9 -> sb.append('t');
            case 11 -> sb.append('v');
            default -> sb.append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
                    .append((char) ('0' + (c & 7)));
        }
    }

    /** {@code len} bytes of {@code tvb} at {@code off}, escaped for display. */
    static String format(Tvb tvb, int off, int len) {
        if (len <= 0) {
            return "";
        }
        if (!tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        return format(tvb.backingArray(), tvb.start() + off, len);
    }

    /**
     * {@code len} bytes read as tshark reads the ASCII strings of field values: bytes from 0x80 up become
     * U+FFFD (so one char per byte) and the string ends at the first NUL. Control characters stay raw.
     */
    static String ascii(Tvb tvb, int off, int len) {
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
    static boolean strayAfterNul(Tvb tvb, int off, int len) {
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
