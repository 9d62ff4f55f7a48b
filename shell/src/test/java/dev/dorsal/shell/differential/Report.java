package dev.dorsal.shell.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the differential test sections: each to {@code target/differential/<n>-<title>.md} and
 * all of them together to {@code target/differential-report.md} (test classes run in separate
 * JVMs, so the sections meet on disk); every section is also printed to the test log.
 */
final class Report {
    private static final List<String> ORDER = List.of("Summary", "Fields", "Details", "JSON");

    private Report() {}

    static synchronized void section(String title, String markdown) {
        System.out.println("## " + title + "\n\n" + markdown);
        Path target = Path.of(System.getProperty("dorsal.report.dir", "target"));
        Path dir = target.resolve("differential");
        int rank = 9;
        for (int i = 0; i < ORDER.size(); i++) {
            if (title.startsWith(ORDER.get(i))) {
                rank = i;
            }
        }
        try {
            Files.createDirectories(dir);
            String file = rank + "-" + title.replaceAll("[^A-Za-z0-9]+", "_") + ".md";
            Files.writeString(dir.resolve(file), "## " + title + "\n\n" + markdown + "\n", StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder("# Differential report: dorsal vs tshark 4.0.17 oracle\n\n");
            sb.append("Written by the shell module's *DifferentialTest classes; numbers count equal values/lines.\n\n");
            try (Stream<Path> parts = Files.list(dir)) {
                for (Path p : parts.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    sb.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
                }
            }
            Files.writeString(target.resolve("differential-report.md"), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pct(long equal, long total) {
        if (total == 0) {
            return "-";
        }
        return String.format("%.1f%%", 100.0 * equal / total);
    }
}
