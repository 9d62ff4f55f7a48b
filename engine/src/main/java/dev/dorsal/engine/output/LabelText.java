package dev.dorsal.engine.output;

/**
 * The text rules of tshark's tree labels: the bit pattern in front of masked fields, control
 * characters escaped, and the 240-byte label buffer (labels that overflow it are marked
 * {@code [truncated]}; appended text that overflows is cut silently).
 *
 * <pre>
 * "Cookie pair: " + 300 chars   →  "Cookie pair [truncated]: BizoData=…" (238 bytes)
 * text item of 300 chars        →  " [truncated]Cookie: …" (238 bytes)
 * </pre>
 */
final class LabelText {
    /** Longest label in UTF-8 bytes: Wireshark's 240-byte label buffer less its terminator. */
    static final int LABEL_MAX_BYTES = 239;
    /** Longest label once marked " [truncated]", as tshark 4.0.17 prints it. */
    static final int TRUNCATED_MAX_BYTES = 238;
    private static final String TRUNCATED = " [truncated]";

    private LabelText() {}

    /**
     * Marks and cuts the label that starts at {@code start} when it overflows: " [truncated]" goes at
     * {@code namePos} (after the field name, or 0 for labels without one).
     */
    static void fit(StringBuilder sb, int start, int namePos) {
        if (utf8Length(sb, start) > LABEL_MAX_BYTES) {
            sb.insert(start + namePos, TRUNCATED);
            cutToBytes(sb, start, TRUNCATED_MAX_BYTES);
        }
    }

    /** Cuts a label after text was appended to it, without a marker (proto_item_append_text). */
    static void cutAppended(StringBuilder sb, int start) {
        cutToBytes(sb, start, LABEL_MAX_BYTES);
    }

    /** Appends the bit pattern "0100 .... = " of {@code value} under {@code mask}, {@code width} bits wide. */
    static void appendBits(StringBuilder sb, long value, long mask, int width) {
        for (int i = width - 1; i >= 0; i--) {
            long bit = 1L << i;
            sb.append((mask & bit) == 0 ? '.' : (value & bit) != 0 ? '1' : '0');
            if (i > 0 && (i & 3) == 0) {
                sb.append(' ');
            }
        }
        sb.append(" = ");
    }

    /** Appends {@code s} with control characters escaped as tshark labels show them (C escapes, else octal). */
    static void appendEscaped(StringBuilder sb, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> sb.append('\\').append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
    }

    /** Cuts the text after {@code start} to at most {@code max} UTF-8 bytes, never inside a character. */
    private static void cutToBytes(StringBuilder sb, int start, int max) {
        if (sb.length() - start <= max / 3) {
            return;
        }
        int bytes = 0;
        for (int i = start; i < sb.length(); i++) {
            char c = sb.charAt(i);
            int n = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : 3;
            if (bytes + n > max) {
                sb.setLength(i);
                return;
            }
            bytes += n;
            if (n == 4) {
                i++;
            }
        }
    }

    private static int utf8Length(StringBuilder sb, int start) {
        int len = sb.length() - start;
        if (len <= LABEL_MAX_BYTES / 3) {
            return len; // cannot exceed the limit whatever the characters
        }
        int bytes = 0;
        for (int i = start; i < sb.length(); i++) {
            char c = sb.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
