package dev.dorsal.dissectors.http.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads tshark's oracle files: {@code -T fields} tables and {@code -V} text split per frame. */
public final class Oracle {
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("[0-9a-f]{4,}  ");

    private Oracle() {}

    /** A {@code -T fields -E header=y} table: column names, and per frame number the values by column. */
    public record Table(List<String> columns, Map<Long, Map<String, String>> rows) {}

    public static Table table(Path tsv) throws IOException {
        List<String> lines = lines(tsv);
        List<String> cols = List.of(lines.get(0).split("\t", -1));
        Map<Long, Map<String, String>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] v = lines.get(i).split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cols.size(); c++) {
                row.put(cols.get(c), c < v.length ? v[c] : "");
            }
            rows.put(Long.parseLong(v[0]), row);
        }
        return new Table(cols, rows);
    }

    /** The lines of a text file, gunzipped when its name ends in .gz. */
    public static List<String> lines(Path p) throws IOException {
        if (!p.toString().endsWith(".gz")) {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            return out;
        }
    }

    /** The -V text per frame number: the lines of each frame, without the trailing blank line. */
    public static Map<Long, List<String>> verbose(Path txt) throws IOException {
        Map<Long, List<String>> frames = new LinkedHashMap<>();
        List<String> cur = null;
        for (String line : lines(txt)) {
            if (line.startsWith("Frame ") && line.contains(" bytes on wire")) {
                long n = Long.parseLong(line.substring(6, line.indexOf(':')));
                cur = new ArrayList<>();
                frames.put(n, cur);
            }
            if (cur != null) {
                cur.add(line);
            }
        }
        for (List<String> f : frames.values()) {
            while (!f.isEmpty() && f.get(f.size() - 1).isEmpty()) {
                f.remove(f.size() - 1);
            }
        }
        return frames;
    }

    /** The top-level blocks of a frame's -V lines whose first line starts with one of {@code prefixes}. */
    public static List<String> blocks(List<String> frame, List<String> prefixes) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (int i = 0; i < frame.size(); i++) {
            String line = frame.get(i);
            if (!line.isEmpty() && !line.startsWith(" ") && !HEX.matcher(line).lookingAt()
                    && !(in && continuation(frame, i))) {
                in = false;
                for (String p : prefixes) {
                    if (line.startsWith(p)) {
                        in = true;
                    }
                }
            }
            if (in && !line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * True when the unindented line {@code i} is the rest of a label holding a raw newline (tshark prints
     * such labels as they are) rather than a new protocol: the next indented line is deeper than a
     * protocol's first child.
     */
    private static boolean continuation(List<String> frame, int i) {
        for (int j = i + 1; j < frame.size(); j++) {
            String l = frame.get(j);
            if (l.isEmpty()) {
                return false;
            }
            if (l.startsWith(" ")) {
                return l.startsWith("        ");
            }
        }
        return false;
    }
}
