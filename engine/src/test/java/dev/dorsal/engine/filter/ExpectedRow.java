package dev.dorsal.engine.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code filter/expected.tsv}: a filter, the capture it runs on, and what tshark 4.0.17
 * answered (the matching frame numbers, or the error message). Written by {@code make_expected.sh}.
 */
record ExpectedRow(int line, String group, String capture, String filter, List<Long> frames, String error) {

    boolean isError() {
        return error != null;
    }

    /** A short label for test reports. */
    String label() {
        return capture + ": " + filter.replace("\t", "\\t") + (isError() ? "  => error" : "  => " + frames.size() + " frames");
    }

    static List<ExpectedRow> load(String group) {
        List<ExpectedRow> out = new ArrayList<>();
        try (InputStream in = ExpectedRow.class.getResourceAsStream("/filter/expected.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /filter/expected.tsv (run make_expected.sh)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", 4);
                if (group != null && !c[0].equals(group)) {
                    continue;
                }
                out.add(parse(n, c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static ExpectedRow parse(int line, String[] c) {
        String result = c[2];
        if (result.startsWith("error=")) {
            return new ExpectedRow(line, c[0], c[1], c[3], List.of(), unescape(result.substring(6)));
        }
        List<Long> frames = new ArrayList<>();
        String list = result.substring("frames=".length());
        if (!list.isEmpty()) {
            for (String f : list.split(",")) {
                frames.add(Long.parseLong(f));
            }
        }
        return new ExpectedRow(line, c[0], c[1], c[3], frames, null);
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
