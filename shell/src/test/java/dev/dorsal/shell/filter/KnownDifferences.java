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
 * that owes the fix ({@code filter/known_differences.tsv}: line of expected.tsv, tab, reason). Such a
 * row must still differ: when the fix lands the test fails until the entry is removed, so the list can
 * only shrink.
 */
final class KnownDifferences {
    private static final Map<Integer, String> BY_LINE = load();

    private KnownDifferences() {}

    /** The reason line {@code line} of expected.tsv is expected to differ, or null. */
    static String reason(int line) {
        return BY_LINE.get(line);
    }

    static int size() {
        return BY_LINE.size();
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> out = new HashMap<>();
        try (InputStream in = KnownDifferences.class.getResourceAsStream("/filter/known_differences.tsv")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String s; (s = r.readLine()) != null; ) {
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split("\t", 2);
                out.put(Integer.parseInt(f[0].trim()), f.length > 1 ? f[1] : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
