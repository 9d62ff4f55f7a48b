package dev.dorsal.engine.output;

/**
 * XML attribute and text escaping as tshark's PDML and PSML writers do it: five entities, and other
 * control characters than tab, LF and CR (which XML allows) as {@code \x} and lower-case hex
 * without padding ({@code \x1b}).
 */
final class XmlText {
    private XmlText() {}

    /** Appends {@code s} with {@code & < > " '} replaced by their entities ({@code '} as {@code &#x27;}), controls escaped. */
    static void escape(StringBuilder sb, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                        sb.append("\\x").append(Integer.toHexString(c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
