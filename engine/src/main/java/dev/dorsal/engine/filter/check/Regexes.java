package dev.dorsal.engine.filter.check;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a {@code matches} pattern with PCRE2's behaviour as tshark uses it: caseless by default
 * ({@code (?-i)} turns that off), applied to raw bytes (no UTF), so the pattern and the subject are
 * both handled as ISO-8859-1 text. Translates the PCRE-only syntax Java lacks (literal braces, POSIX
 * classes, {@code (?P<name>)}, {@code (?P=name)}, {@code \N}, {@code \o{}}, comments) and reports errors
 * in PCRE2's words. Not translated: branch reset {@code (?|}, {@code \K}, recursion.
 */
public final class Regexes {
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s\\x0B"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("blank", " \\t"),
            Map.entry("word", "\\w"), Map.entry("ascii", "\\x00-\\x7F"));

    private Regexes() {}

    /** A pattern that failed to compile; the message is PCRE2's wording. */
    public static final class BadRegex extends Exception {
        private static final long serialVersionUID = 1L;

        BadRegex(String message) {
            super(message, null, false, false);
        }
    }

    public static Pattern compile(byte[] utf8) throws BadRegex {
        String latin1 = new String(utf8, StandardCharsets.ISO_8859_1);
        if (latin1.startsWith("(*UTF")) {
            throw new BadRegex("using UTF is disabled by the application");
        }
        Translation t = translate(latin1);
        try {
            Pattern compiled = Pattern.compile(t.java(), Pattern.CASE_INSENSITIVE);
            if (t.unclosed()) {
                throw new BadRegex("missing closing parenthesis");
            }
            return compiled;
        } catch (PatternSyntaxException e) {
            String m = pcreMessage(e);
            throw new BadRegex(t.unclosed() && m.startsWith("unrecognized character after (?")
                    ? "missing closing parenthesis" : m);
        }
    }

    /** The Java pattern, and whether a group was left open (PCRE says so before most other errors). */
    private record Translation(String java, boolean unclosed) {}

    /** The subject a value is matched as: its bytes, one char per byte. */
    public static String subject(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    public static String subject(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }

    /** Rewrites PCRE-only syntax for java.util.regex and raises the errors only PCRE reports. */
    private static Translation translate(String p) throws BadRegex {
        StringBuilder out = new StringBuilder(p.length() + 8);
        int groups = 0;
        int depth = 0;
        int maxBackref = 0;
        int i = 0;
        boolean inClass = false;
        boolean atStart = true; // nothing a quantifier could apply to yet
        while (i < p.length()) {
            char c = p.charAt(i);
            boolean start = false;
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw new BadRegex("\\ at end of pattern");
                }
                char e = p.charAt(i + 1);
                if (!inClass && e == 'k' && (i + 2 >= p.length() || "{<'".indexOf(p.charAt(i + 2)) < 0)) {
                    throw new BadRegex("\\k is not followed by a braced, angle-bracketed, or quoted name");
                }
                if (e == 'c' && i + 2 >= p.length()) {
                    throw new BadRegex("\\c at end of pattern");
                }
                if (!inClass && e >= '1' && e <= '9') {
                    int j = i + 1;
                    while (j < p.length() && Character.isDigit(p.charAt(j))) {
                        j++;
                    }
                    maxBackref = Math.max(maxBackref, Integer.parseInt(p.substring(i + 1, Math.min(j, i + 4))));
                }
                if (e == 'N' && (i + 2 >= p.length() || p.charAt(i + 2) != '{')) {
                    out.append(inClass ? "\\n" : "[^\\n]");
                    i += 2;
                    atStart = false;
                    continue;
                }
                int close = i + 2 < p.length() && p.charAt(i + 2) == '{' ? p.indexOf('}', i + 2) : -1;
                if (e == 'o' && close > 0) {
                    // \o{octal}
                    out.append("\\x{").append(Integer.toHexString(Integer.parseInt(p.substring(i + 3, close), 8)))
                            .append('}');
                    i = close + 1;
                    atStart = false;
                    continue;
                }
                if ("pPxgkN".indexOf(e) >= 0 && close > 0) {
                    out.append(p, i, close + 1);
                    i = close + 1;
                    atStart = false;
                    continue;
                }
                out.append(c).append(e);
                i += 2;
                atStart = false;
                continue;
            }
            if (inClass) {
                if (c == '[' && p.startsWith("[:", i)) {
                    int end = p.indexOf(":]", i + 2);
                    String name = end < 0 ? null : p.substring(i + 2, end);
                    if (name != null && POSIX.containsKey(name)) {
                        out.append(POSIX.get(name));
                        i = end + 2;
                        continue;
                    }
                }
                if (c == '[') {
                    out.append("\\[");
                    i++;
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    out.append(c);
                    i++;
                    // A ']' right after '[' or '[^' is literal in PCRE.
                    if (i < p.length() && p.charAt(i) == '^') {
                        out.append('^');
                        i++;
                    }
                    if (i < p.length() && p.charAt(i) == ']') {
                        out.append("\\]");
                        i++;
                    }
                    atStart = false;
                    continue;
                }
                case '{' -> {
                    if (!isQuantifier(p, i)) {
                        out.append("\\{");
                        i++;
                        atStart = false;
                        continue;
                    }
                    if (atStart) {
                        throw new BadRegex("quantifier does not follow a repeatable item");
                    }
                }
                case '(' -> {
                    if (p.startsWith("(?#", i)) {
                        int end = p.indexOf(')', i);
                        if (end < 0) {
                            throw new BadRegex("missing ) after (?# comment");
                        }
                        i = end + 1;
                        continue;
                    }
                    depth++;
                    start = true;
                    if (p.startsWith("(?P<", i)) {
                        groups++;
                        out.append("(?<");
                        i += 4;
                        atStart = true;
                        continue;
                    }
                    if (p.startsWith("(?P=", i)) {
                        int end = p.indexOf(')', i);
                        if (end > 0) {
                            out.append("\\k<").append(p, i + 4, end).append('>');
                            i = end + 1;
                            depth--;
                            atStart = false;
                            continue;
                        }
                    }
                    if (i + 1 >= p.length() || p.charAt(i + 1) != '?' || p.startsWith("(?<", i) && i + 3 < p.length()
                            && p.charAt(i + 3) != '=' && p.charAt(i + 3) != '!' || p.startsWith("(?'", i)) {
                        groups++;
                    }
                }
                case ')' -> depth--;
                case '|' -> start = true;
                default -> {
                }
            }
            out.append(c);
            i++;
            atStart = start;
        }
        if (maxBackref > groups && depth == 0) {
            throw new BadRegex("reference to non-existent subpattern");
        }
        return new Translation(out.toString(), depth > 0);
    }

    /** PCRE reads {@code {n}}, {@code {n,}}, {@code {n,m}} as quantifiers and any other brace literally. */
    private static boolean isQuantifier(String p, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (j < p.length() && p.charAt(j) == '}') {
            return true;
        }
        if (j >= p.length() || p.charAt(j) != ',') {
            return false;
        }
        j++;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
        }
        return j < p.length() && p.charAt(j) == '}';
    }

    private static String pcreMessage(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) {
            return "missing closing parenthesis";
        }
        if (d.startsWith("Unmatched closing")) {
            return "unmatched closing parenthesis";
        }
        if (d.startsWith("Dangling meta character")) {
            return "quantifier does not follow a repeatable item";
        }
        if (d.startsWith("Unclosed character class")) {
            return "missing terminating ] for character class";
        }
        if (d.startsWith("Illegal repetition range")) {
            return "numbers out of order in {} quantifier";
        }
        if (d.startsWith("Illegal/unsupported escape")) {
            return "unrecognized character follows \\";
        }
        if (d.startsWith("named capturing group <") && d.contains("does not exist")) {
            return "reference to non-existent subpattern";
        }
        if (d.startsWith("Illegal character range")) {
            return "range out of order in character class";
        }
        if (d.startsWith("Illegal control escape")) {
            return "\\c at end of pattern";
        }
        if (d.contains("named capturing group is missing trailing")
                || d.contains("named capturing group has 0 length name")) {
            return "syntax error in subpattern name (missing terminator?)";
        }
        if (d.startsWith("Unknown inline modifier") || d.startsWith("Unknown group type")) {
            return "unrecognized character after (? or (?-";
        }
        return d.toLowerCase(java.util.Locale.ROOT);
    }
}
