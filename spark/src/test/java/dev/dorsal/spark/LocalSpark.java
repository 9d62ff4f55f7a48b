package dev.dorsal.spark;

import dev.dorsal.shell.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** One Spark session in local mode for the module's tests, and the CLI run in-process to compare with. */
final class LocalSpark {
    /** The corpus copies the shell's differential tests use. */
    static final Path CORPUS = Path.of("..", "shell", "src", "test", "resources", "corpus", "captures");

    private static SparkSession spark;
    /** The CLI's exit code 2 after a cut-short file still comes with every intact frame printed. */
    private static final java.util.regex.Pattern CUT_SHORT = java.util.regex.Pattern.compile("cut short|corrupt|damaged");

    private LocalSpark() {}

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("dorsal-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return spark;
    }

    static List<Path> captures() throws java.io.IOException {
        try (var s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
    }

    /** The key log beside a capture (stem.keys), or null. */
    static Path keys(Path capture) {
        String name = capture.getFileName().toString();
        Path k = capture.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".keys");
        return Files.exists(k) ? k : null;
    }

    /** {@code dorsal -r FILE [-Y FILTER] -T fields -e ...} (with the key log, if any), as lines. */
    static List<String> cli(Path capture, String filter, List<String> fields, String... extra) {
        List<String> args = new ArrayList<>(List.of("-r", capture.toString(), "-T", "fields"));
        for (String f : fields) {
            args.add("-e");
            args.add(f);
        }
        if (filter != null) {
            args.add("-Y");
            args.add(filter);
        }
        Path keys = keys(capture);
        if (keys != null) {
            args.add("-o");
            args.add("tls.keylog_file:" + keys);
        }
        args.addAll(Arrays.asList(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (rc != 0 && !(rc == 2 && CUT_SHORT.matcher(err.toString(StandardCharsets.UTF_8)).find())) {
            throw new AssertionError("dorsal " + args + " exited " + rc + ": " + err.toString(StandardCharsets.UTF_8));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    /**
     * The rows as -T fields lines (text mode: every column a string, null printed as nothing), in
     * frame order: the first column must be frame.number.
     */
    static List<String> lines(Dataset<Row> df) {
        List<Row> rows = new ArrayList<>(df.collectAsList());
        rows.sort(Comparator.comparingLong(r -> Long.parseLong(r.getString(0))));
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length(); i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                if (!r.isNullAt(i)) {
                    sb.append(r.get(i));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * Asserts two long lists of lines are equal, reporting the count and the first line where they
     * part instead of printing a million lines.
     */
    static void assertSameLines(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError("line " + (i + 1) + " differs:\n  cli:   " + expected.get(i)
                        + "\n  spark: " + actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            throw new AssertionError("cli printed " + expected.size() + " lines, spark returned " + actual.size() + " rows");
        }
    }
}
