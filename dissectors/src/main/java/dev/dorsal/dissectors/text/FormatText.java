package dev.dorsal.dissectors.text;

/**
 * tshark's format_text for raw protocol bytes, shared by the dissectors that show text (DNS, HTTP):
 * printable ASCII as is, control bytes as C escapes ({@code \r\n}, {@code \001}), valid UTF-8 kept,
 * and each byte of an invalid sequence as U+FFFD.
 */
public final class FormatText {
    private FormatText() {}

    /** {@code len} bytes of {@code data} from {@code off}, escaped for display. */
    public static String format(byte[] data, int off, int len) {
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

    /** Appends {@code len} bytes of {@code data} from {@code off}, escaped as {@link #format} does. */
    public static void appendFormatted(StringBuilder sb, byte[] data, int off, int len) {
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
                i = appendUtf8Sequence(sb, data, i, end, true);
            }
        }
    }

    /**
     * Appends the UTF-8 sequence at {@code i} as tshark's format_text does: the length comes from the
     * lead byte; a missing continuation byte gives one U+FFFD for what was read (the byte that broke it
     * starts over); a complete sequence is decoded even when overlong, and shown as U+FFFD when it is a
     * surrogate or beyond U+10FFFF, as backslash-uXXXX when not printable (if {@code escape}). Returns
     * the offset after it.
     */
    public static int appendUtf8Sequence(StringBuilder sb, byte[] d, int i, int end, boolean escape) {
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
        } else if (!escape || printable(cp)) {
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
}
