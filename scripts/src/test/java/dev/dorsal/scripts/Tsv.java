package dev.dorsal.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** tshark's {@code -T fields -E header=y} output: field names, then one row of values per frame. */
record Tsv(List<String> fields, List<List<String>> rows) {
    static Tsv resource(String name) {
        try (InputStream in = Tsv.class.getResourceAsStream("/captures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource captures/" + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<String> fields = Arrays.asList(lines[0].split("\t", -1));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    rows.add(Arrays.asList(lines[i].split("\t", -1)));
                }
            }
            return new Tsv(fields, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
