package dev.dorsal.engine.filter.check;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a {@code matches} pattern with PCRE2's behaviour as tshark uses it: caseless by default
 * ({@code (?-i)} turns that off), applied to raw bytes (no UTF), so the pattern and the subject are
 * both handled as ISO-8859-1 text. Translates the PCRE-only syntax Java lacks (literal {@code {},
 * POSIX classes, {@code (?P<name>)}) and reports errors in PCRE2's words.
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
        String java = translate(latin1);
        try {
            return Pattern.compile(java, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new BadRegex(pcreMessage(e));
        }
    }

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

    private static String translate(String p) throws BadRegex {
        StringBuilder out = new StringBuilder(p.length() + 8);
        int i = 0;
        boolean inClass = false;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw new BadRegex("\\ at end of pattern");
                }
                char e = p.charAt(i + 1);
                if (e == 'k' && !inClass && (i + 2 >= p.length() || "{<'".indexOf(p.charAt(i + 2)) < 0)) {
                    throw new BadRegex("\\k is not followed by a braced, angle-bracketed, or quoted name");
                }
                out.append(c).append(e);
                i += 2;
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
            if (c == '[') {
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
                continue;
            }
            if (c == '{' && !isQuantifier(p, i)) {
                out.append("\\{");
                i++;
                continue;
            }
            if (c == '(' && p.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 4;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
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
