package dev.dorsal.engine.filter.parse;

import java.nio.charset.StandardCharsets;

/**
 * Shows a string literal's value in messages the way tshark 4.0 does: invalid UTF-8 replaced,
 * {@code \0 \a \b \f \n \r \t \v \\ \"} escaped, everything else as it is, in double quotes.
 */
final class StringDisplay {
    private StringDisplay() {}

    static String quote(byte[] value) {
        String s = new String(value, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> b.append("\\0");
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case 12 -> b.append("\\f");
                case 10 -> b.append("\\n");
                case 13 -> b.append("\\r");
                case 9 -> b.append("\\t");
                case 11 -> b.append("\\v");
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
