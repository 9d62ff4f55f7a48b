package dev.dorsal.spark;

import java.util.ArrayList;
import java.util.List;

/** Reads the JSON array of strings Spark passes as the {@code paths} option of {@code load(String...)}. */
final class JsonStrings {
    private JsonStrings() {}

    static List<String> parseArray(String json) {
        List<String> out = new ArrayList<>();
        String s = json.trim();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException("dorsal: option paths is not a JSON array: " + json);
        }
        int i = 1;
        while (i < s.length() - 1) {
            char c = s.charAt(i);
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length()) {
                        char e = s.charAt(++i);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case 'u' -> {
                                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                                i += 4;
                            }
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(d);
                    }
                    i++;
                }
                out.add(sb.toString());
            }
            i++;
        }
        return out;
    }
}
