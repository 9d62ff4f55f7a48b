package dev.dorsal.shell.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * A command's arguments: the raw text after the command name (filters and JavaScript take it whole)
 * and the same split into words, with single or double quotes grouping words that contain spaces.
 */
public record Args(String raw, List<String> words) {
    public static Args parse(String rest) {
        return new Args(rest.strip(), split(rest));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public int size() {
        return words.size();
    }

    public String get(int i) {
        return words.get(i);
    }

    /** The raw text after the first {@code n} words (e.g. a filter after a mode word). */
    public String after(int n) {
        String s = raw;
        for (int i = 0; i < n && !s.isEmpty(); i++) {
            s = s.strip();
            int end = wordEnd(s);
            s = s.substring(end);
        }
        return s.strip();
    }

    private static int wordEnd(String s) {
        char q = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (q != 0) {
                if (c == q) {
                    q = 0;
                }
            } else if (c == '"' || c == '\'') {
                q = c;
            } else if (Character.isWhitespace(c)) {
                return i;
            }
        }
        return s.length();
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        char q = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (q != 0) {
                if (c == q) {
                    q = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                q = c;
                if (cur == null) {
                    cur = new StringBuilder();
                }
            } else if (Character.isWhitespace(c)) {
                if (cur != null) {
                    out.add(cur.toString());
                    cur = null;
                }
            } else {
                if (cur == null) {
                    cur = new StringBuilder();
                }
                if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                    c = ' ';
                    i++;
                }
                cur.append(c);
            }
        }
        if (cur != null) {
            out.add(cur.toString());
        }
        return out;
    }
}
