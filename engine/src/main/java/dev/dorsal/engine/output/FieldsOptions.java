package dev.dorsal.engine.output;

/**
 * The {@code -E} options of {@code -T fields}: header line, separator, quoting, which occurrences
 * and how they are joined.
 *
 * @param quote      0 for none, else {@code "} or {@code '}
 * @param occurrence 'f' first, 'l' last, 'a' all
 */
public record FieldsOptions(boolean header, String separator, char quote, char occurrence, String aggregator,
        boolean bom) {

    /** tshark's defaults: no header, tab separator, no quotes, all occurrences joined by ','. */
    public static final FieldsOptions DEFAULT = new FieldsOptions(false, "\t", (char) 0, 'a', ",", false);

    /** The option list tshark 4.0.17 prints after a bad {@code -E} value (its own text, on stderr). */
    public static final String HELP = """
            TShark: The available options for field output "E" are:
            bom=y|n    Prepend output with the UTF-8 BOM (def: N: no)
            header=y|n    Print field abbreviations as first line of output (def: N: no)
            separator=/t|/s|<character>   Set the separator to use;
                 "/t" = tab, "/s" = space (def: /t: tab)
            occurrence=f|l|a  Select the occurrence of a field to use;
                 "f" = first, "l" = last, "a" = all (def: a: all)
            aggregator=,|/s|<character>   Set the aggregator to use;
                 "," = comma, "/s" = space (def: ,: comma)
            quote=d|s|n   Print either d: double-quotes, s: single quotes or\s
                 n: no quotes around field values (def: n: none)
            """;

    /**
     * These options with one {@code key=value} applied; null when tshark would reject it (the caller
     * prints {@code "key" is not a valid field output option=value pair.} and {@link #HELP}). As in
     * tshark only the first character of a value counts: {@code header=yes} is yes, {@code separator=abc}
     * is "a"; {@code /t} and {@code /s} are a tab and a space, any other {@code /x} a backslash (the
     * aggregator knows only {@code /s}).
     */
    public FieldsOptions with(String option) {
        int eq = option.indexOf('=');
        if (eq <= 0 || eq == option.length() - 1) {
            return null;
        }
        String key = option.substring(0, eq);
        String v = option.substring(eq + 1);
        char c = v.charAt(0);
        return switch (key) {
            case "header" -> c == 'y' || c == 'n'
                    ? new FieldsOptions(c == 'y', separator, quote, occurrence, aggregator, bom) : null;
            case "bom" -> c == 'y' || c == 'n'
                    ? new FieldsOptions(header, separator, quote, occurrence, aggregator, c == 'y') : null;
            case "separator" -> new FieldsOptions(header, character(v, true), quote, occurrence, aggregator, bom);
            case "aggregator" -> new FieldsOptions(header, separator, quote, occurrence, character(v, false), bom);
            case "quote" -> switch (c) {
                case 'd' -> new FieldsOptions(header, separator, '"', occurrence, aggregator, bom);
                case 's' -> new FieldsOptions(header, separator, '\'', occurrence, aggregator, bom);
                case 'n' -> new FieldsOptions(header, separator, (char) 0, occurrence, aggregator, bom);
                default -> null;
            };
            case "occurrence" -> c == 'f' || c == 'l' || c == 'a'
                    ? new FieldsOptions(header, separator, quote, c, aggregator, bom) : null;
            default -> null;
        };
    }

    /** The key of a rejected option, as tshark names it in its message. */
    public static String key(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? option : option.substring(0, eq);
    }

    private static String character(String v, boolean tabAllowed) {
        if (v.charAt(0) != '/' || v.length() == 1) {
            return v.substring(0, 1);
        }
        return switch (v.charAt(1)) {
            case 't' -> tabAllowed ? "\t" : "\\";
            case 's' -> " ";
            default -> "\\";
        };
    }
}
