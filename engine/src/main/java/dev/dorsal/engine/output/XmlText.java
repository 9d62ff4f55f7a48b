package dev.dorsal.engine.output;

/** XML attribute and text escaping as tshark's PDML and PSML writers do it: five entities, nothing else. */
final class XmlText {
    private XmlText() {}

    /** Appends {@code s} with {@code & < > " '} replaced by their entities ({@code '} as {@code &#x27;}). */
    static void escape(StringBuilder sb, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                default -> sb.append(c);
            }
        }
    }
}
