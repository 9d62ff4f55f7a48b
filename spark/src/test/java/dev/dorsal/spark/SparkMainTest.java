package dev.dorsal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./dorsal spark}: prints what {@code dorsal -r -Y -T fields -e} prints, in frame order, at either level. */
class SparkMainTest {
    private static List<String> run(String... args) {
        LocalSpark.spark(); // the command joins the tests' session instead of starting its own
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new CommandLine(new SparkMain(new PrintStream(out, true, StandardCharsets.UTF_8))).execute(args);
        assertEquals(0, rc);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    @Test
    void printsTheCliRowsInFrameOrder() {
        Path f = LocalSpark.CORPUS.resolve("tls12_rsa.pcap");
        List<String> fields = List.of("frame.number", "tcp.stream", "tls.handshake.type", "http.request.uri", "_ws.col.Info");
        for (String level : List.of("packet", "flow")) {
            // Stream state needs the whole flow: one split at packet level, any number of groups at flow level.
            List<String> args = new ArrayList<>(List.of("-r", f.toString(), "--level", level, "--flow-partitions", "3",
                    "--keylog", LocalSpark.keys(f).toString(), "-Y", "tls || http"));
            fields.forEach(e -> args.addAll(List.of("-e", e)));
            assertEquals(LocalSpark.cli(f, "tls || http", fields), run(args.toArray(String[]::new)), level);
        }
    }

    @Test
    void sqlRunsOverTypedColumns() {
        Path f = LocalSpark.CORPUS.resolve("http_get.pcap");
        List<String> lengths = LocalSpark.cli(f, null, List.of("frame.len"));
        long total = lengths.stream().mapToLong(Long::parseLong).sum();
        assertEquals(List.of(lengths.size() + "\t" + total), run("-r", f.toString(), "-e", "frame.len",
                "--sql", "SELECT count(*), sum(`frame.len`) FROM packets"));
    }
}
