package dev.dorsal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code df.write.format("dorsal")}: the selected frames, as {@code dorsal -r IN -Y F -w OUT} writes them. */
class WriteTest {
    private static final String RAW = "frame.number,dorsal.data,dorsal.linktype,dorsal.ts_nanos,dorsal.orig_len";

    @TempDir
    Path dir;

    private static List<String> frames(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (CaptureReader r = Captures.open(file)) {
            for (RawFrame f = r.next(); f != null; f = r.next()) {
                out.add(f.linkType() + " " + f.timestampNanos() + " " + f.originalLength() + " " + Arrays.toString(f.data()));
            }
        }
        return out;
    }

    private List<Path> parts(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    @Test
    void filteredFramesAreWrittenAsTheCliWritesThem() throws IOException {
        Path in = LocalSpark.CORPUS.resolve("http_get.pcap");
        Path out = dir.resolve("out");
        Dataset<Row> df = LocalSpark.spark().read().format("dorsal").option("fields", RAW).option("filter", "tcp.len > 0")
                .option("splitSize", "16k").load(in.toString());
        df.orderBy("`frame.number`").coalesce(1).write().format("dorsal").mode("overwrite").save(out.toString());
        List<Path> parts = parts(out);
        assertEquals(1, parts.size());
        try (CaptureReader r = Captures.open(parts.get(0))) {
            assertEquals(CaptureFormat.PCAP, r.format());
        }
        Path cli = dir.resolve("cli.pcap");
        LocalSpark.cli(in, "tcp.len > 0", List.of("frame.number"), "-F", "pcap", "-w", cli.toString());
        List<String> expected = frames(cli);
        assertTrue(expected.size() > 10);
        assertEquals(expected, frames(parts.get(0)));

        // Overwriting replaces the earlier parts.
        df.limit(3).coalesce(1).write().format("dorsal").mode("overwrite").save(out.toString());
        assertEquals(1, parts(out).size());
        assertEquals(3, frames(parts(out).get(0)).size());
    }

    @Test
    void pcapngAndNanosecondsOnRequest() throws IOException {
        Path in = LocalSpark.CORPUS.resolve("dns_udp.pcap");
        Path out = dir.resolve("ng");
        LocalSpark.spark().read().format("dorsal").option("fields", RAW).load(in.toString())
                .orderBy("`frame.number`").coalesce(1).write().format("dorsal").option("format", "pcapng")
                .mode("overwrite").save(out.toString());
        Path part = parts(out).get(0);
        assertTrue(part.toString().endsWith(".pcapng"));
        try (CaptureReader r = Captures.open(part)) {
            assertEquals(CaptureFormat.PCAPNG, r.format());
        }
        assertEquals(frames(in), frames(part));
    }

    @Test
    void rowsWithoutTheFrameCannotBeWritten() {
        Dataset<Row> df = LocalSpark.spark().read().format("dorsal").option("fields", "frame.number,ip.src")
                .load(LocalSpark.CORPUS.resolve("dns_udp.pcap").toString());
        Exception e = assertThrows(Exception.class,
                () -> df.write().format("dorsal").mode("overwrite").save(dir.resolve("x").toString()));
        assertTrue(String.valueOf(e.getMessage()).contains("needs the columns dorsal.data"), e.getMessage());
    }
}
