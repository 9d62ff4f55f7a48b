package dev.dorsal.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of {@code spark.read.format("dorsal")}, parsed once on the driver and shipped to every
 * task. Script and key-log files are read on the driver, so executors need no access to them.
 *
 * @param paths       capture files or folders (their files, not recursive)
 * @param fields      Wireshark field names, {@code _ws.col.*} columns or {@code dorsal.*} columns, in order
 * @param filter      a display filter applied inside the readers, or null
 * @param occurrence  'f', 'l' or 'a': first, last or all occurrences, as tshark's {@code -E occurrence}
 * @param text        true for columns holding tshark's {@code -T fields} text instead of typed values
 * @param flowLevel   true for {@code level = "flow"}: packets grouped by conversation before dissection
 * @param splitBytes  target size of a packet-level split of one file
 * @param flowGroups  groups per file in flow mode; 0 means Spark's default parallelism
 * @param keyLog      the text of an NSS key log (SSLKEYLOGFILE) for TLS decryption, or null
 * @param scripts     JavaScript dissectors, as (file name, source) pairs
 * @param underscores true for {@code columnNames=underscore}: columns named without dots ({@code ip_src})
 */
public record ReadOptions(List<String> paths, List<String> fields, String filter, char occurrence, boolean text,
        boolean flowLevel, long splitBytes, int flowGroups, String keyLog, List<Script> scripts, boolean underscores)
        implements Serializable {

    /** One JavaScript dissector shipped by value. */
    public record Script(String name, String source) implements Serializable {}

    /** Fields when the {@code fields} option is absent: tshark's default columns, as fields. */
    public static final List<String> DEFAULT_FIELDS = List.of("frame.number", "frame.time_relative", "_ws.col.Source",
            "_ws.col.Destination", "_ws.col.Protocol", "frame.len", "_ws.col.Info");
    public static final long DEFAULT_SPLIT_BYTES = 128L << 20;

    /**
     * Reads the options; {@code readText} loads the key log and script files named by path. Errors name
     * the option and what was wrong with it.
     */
    public static ReadOptions parse(Map<String, String> options, TextReader readText) {
        List<String> paths = paths(options);
        List<String> fields = options.containsKey("fields") ? splitList(options.get("fields")) : DEFAULT_FIELDS;
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("dorsal: option fields names no field");
        }
        String filter = blankToNull(options.get("filter"));
        char occurrence = switch (options.getOrDefault("occurrence", "f").toLowerCase(Locale.ROOT)) {
            case "f", "first" -> 'f';
            case "l", "last" -> 'l';
            case "a", "all" -> 'a';
            default -> throw new IllegalArgumentException("dorsal: option occurrence must be f, l or a (first, last, all), not \""
                    + options.get("occurrence") + "\"");
        };
        boolean text = switch (options.getOrDefault("values", "typed").toLowerCase(Locale.ROOT)) {
            case "typed" -> false;
            case "text" -> true;
            default -> throw new IllegalArgumentException("dorsal: option values must be typed or text, not \""
                    + options.get("values") + "\"");
        };
        boolean flow = switch (options.getOrDefault("level", "packet").toLowerCase(Locale.ROOT)) {
            case "packet" -> false;
            case "flow" -> true;
            default -> throw new IllegalArgumentException("dorsal: option level must be packet or flow, not \""
                    + options.get("level") + "\"");
        };
        long split = options.containsKey("splitsize") ? bytes("splitSize", options.get("splitsize")) : DEFAULT_SPLIT_BYTES;
        int groups = options.containsKey("flowpartitions")
                ? positiveInt("flowPartitions", options.get("flowpartitions")) : 0;
        boolean underscores = switch (options.getOrDefault("columnnames", "wireshark").toLowerCase(Locale.ROOT)) {
            case "wireshark" -> false;
            case "underscore" -> true;
            default -> throw new IllegalArgumentException("dorsal: option columnNames must be wireshark or underscore, not \""
                    + options.get("columnnames") + "\"");
        };
        String keyLog = options.containsKey("keylog") ? readText.read(options.get("keylog")) : null;
        List<Script> scripts = new ArrayList<>();
        if (options.containsKey("scripts")) {
            for (String file : splitList(options.get("scripts"))) {
                scripts.add(new Script(file.substring(file.lastIndexOf('/') + 1), readText.read(file)));
            }
        }
        return new ReadOptions(paths, List.copyOf(fields), filter, occurrence, text, flow, split, groups, keyLog,
                List.copyOf(scripts), underscores);
    }

    /** Reads a small text file (a key log, a script) named in an option. */
    @FunctionalInterface
    public interface TextReader {
        String read(String path);
    }

    private static List<String> paths(Map<String, String> options) {
        List<String> paths = new ArrayList<>();
        String json = options.get("paths");
        if (json != null && !json.isBlank()) {
            paths.addAll(JsonStrings.parseArray(json));
        }
        String one = options.get("path");
        if (one != null && !one.isBlank()) {
            paths.add(one);
        }
        return List.copyOf(paths);
    }

    /** A comma-separated list, items trimmed, empty items dropped. */
    static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** "1048576", "64k", "128m", "1g". */
    static long bytes(String option, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!v.isEmpty() && "kmg".indexOf(v.charAt(v.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmg".indexOf(v.charAt(v.length() - 1)) + 1));
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v) * unit;
            if (n >= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("dorsal: option " + option + " must be a size of at least 64 bytes (e.g. 128m), not \""
                + value + "\"");
    }

    private static int positiveInt(String option, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("dorsal: option " + option + " must be a positive number, not \"" + value + "\"");
    }
}
