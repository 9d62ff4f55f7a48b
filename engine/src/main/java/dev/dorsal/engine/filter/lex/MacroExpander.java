package dev.dorsal.engine.filter.lex;

import java.util.function.Predicate;

/**
 * Runs the display-filter macro pass that precedes scanning: {@code ${name}} and {@code ${name:a;b}}
 * are macro calls, except {@code ${field}} for a non-protocol field, which is left for the parser as
 * a field reference. No user macros exist here (tshark's default profile has none), so every real
 * macro call fails with tshark's message. The pass is not string-aware, exactly like tshark's.
 */
public final class MacroExpander {
    private MacroExpander() {}

    /** Returns null when the text is fine, else the error message (which has no location). */
    public static String check(String text, Predicate<String> isReferenceable) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) != '$' || i + 1 >= n || text.charAt(i + 1) != '{') {
                i++;
                continue;
            }
            int start = i + 2;
            // Like tshark 4.0, a '#' anywhere after "${" is taken for ${field#layer}: the name is what
            // lies between; when that is no field the text is read as a macro call.
            int hash = text.indexOf('#', start);
            if (hash >= 0 && isReferenceable.test(text.substring(start, hash))) {
                int close = text.indexOf('}', hash);
                if (close < 0) {
                    return "end of filter in the middle of a macro expression";
                }
                i = close + 1;
                continue;
            }
            String error = macroCall(text, start, hash < 0, isReferenceable);
            if (error != null) {
                return error;
            }
            i = text.indexOf('}', start) + 1;
        }
        return null;
    }

    /** Reads the macro call whose name starts at {@code p}; null when it is a field reference instead. */
    private static String macroCall(String text, int p, boolean mayBeReference, Predicate<String> isReferenceable) {
        int n = text.length();
        StringBuilder name = new StringBuilder();
        while (true) {
            if (p >= n) {
                return "end of filter in the middle of a macro expression";
            }
            char d = text.charAt(p);
            if ((d < 0x80 && Character.isLetterOrDigit(d)) || d == '_' || d == '-' || d == '.') {
                name.append(d);
                p++;
            } else if (d == ':') {
                return arguments(text, p + 1, name.toString());
            } else if (d == '}') {
                return mayBeReference && isReferenceable.test(name.toString()) ? null
                        : "macro '" + name + "' does not exist";
            } else {
                return "invalid character in macro name";
            }
        }
    }

    private static String arguments(String text, int p, String name) {
        int n = text.length();
        while (p < n) {
            char d = text.charAt(p);
            if (d == '\\') {
                p += 2;
                continue;
            }
            if (d == '}') {
                return "macro '" + name + "' does not exist";
            }
            p++;
        }
        return "end of filter in the middle of a macro expression";
    }
}
