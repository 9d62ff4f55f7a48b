package dev.dorsal.shell.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code filter/expected.tsv} (written by the engine's {@code make_expected.sh} from tshark
 * 4.0.17): a filter, its capture, and tshark's answer (matching frame numbers, or the error text).
 */
record Row(int line, String group, String capture, String filter, List<Long> frames, String error) {

    boolean isError() {
        return error != null;
    }

    String label() {
        return capture + ": " + filter.replace("\t", "\\t") + (isError() ? "  => error" : "  => " + frames.size() + " frames");
    }

    static List<Row> load(String group) {
        List<Row> out = new ArrayList<>();
        try (InputStream in = Row.class.getResourceAsStream("/filter/expected.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing /filter/expected.tsv (run engine/src/test/resources/filter/make_expected.sh)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", 4);
                if (group == null || c[0].equals(group)) {
                    out.add(parse(n, c));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Row parse(int line, String[] c) {
        if (c[2].startsWith("error=")) {
            return new Row(line, c[0], c[1], c[3], List.of(), unescape(c[2].substring(6)));
        }
        List<Long> frames = new ArrayList<>();
        String list = c[2].substring("frames=".length());
        if (!list.isEmpty()) {
            for (String f : list.split(",")) {
                frames.add(Long.parseLong(f));
            }
        }
        return new Row(line, c[0], c[1], c[3], frames, null);
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
