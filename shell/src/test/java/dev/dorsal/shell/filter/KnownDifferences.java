package dev.dorsal.shell.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Conformance rows that are known to differ from tshark today, each with the reason and the component
 * that owes the fix ({@code filter/known_differences.tsv}: capture, tab, reason, tab, filter; keyed by
 * the row's capture and filter, so regenerating expected.tsv does not move them). Such a row must still
 * differ: when the fix lands the test fails until the entry is removed, so the list can only shrink.
 */
final class KnownDifferences {
    private static final Map<String, String> BY_ROW = load();

    private KnownDifferences() {}

    /** The reason {@code row} is expected to differ from tshark, or null. */
    static String reason(Row row) {
        return BY_ROW.get(row.capture() + "\t" + row.filter());
    }

    static int size() {
        return BY_ROW.size();
    }

    /** Every entry as capture, tab, filter. */
    static java.util.Set<String> keys() {
        return BY_ROW.keySet();
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = KnownDifferences.class.getResourceAsStream("/filter/known_differences.tsv")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String s; (s = r.readLine()) != null; ) {
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split("\t", 3);
                out.put(f[0] + "\t" + f[2], f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
