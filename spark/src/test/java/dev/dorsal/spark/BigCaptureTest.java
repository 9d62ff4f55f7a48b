package dev.dorsal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ~1,000,000-packet benchmark capture (599 MB, built from the corpus by bench/make_big.py, which
 * is deterministic), read in Spark local mode and compared with the CLI on the same file: every row at
 * packet level in 16 splits, and the TLS and HTTP rows at flow level.
 */
class BigCaptureTest {
    private static Path big;

    @BeforeAll
    static void build() throws IOException, InterruptedException {
        big = Path.of("target", "big", "big.pcap");
        Files.createDirectories(big.getParent());
        if (!Files.exists(big)) {
            List<String> command = new java.util.ArrayList<>(List.of("python3",
                    Path.of("..", "bench", "make_big.py").toString(), big.toString(), "1000000"));
            LocalSpark.captures().stream().map(Path::toString).filter(n -> n.endsWith(".pcap")).forEach(command::add);
            Process p = new ProcessBuilder(command).inheritIO().start();
            assertEquals(0, p.waitFor(), "make_big.py");
        }
    }

    @Test
    void everyFrameAtPacketLevelInManySplits() {
        List<String> fields = List.of("frame.number", "frame.time_delta", "frame.len", "ip.src", "ip.dst", "ip.id",
                "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.len", "udp.srcport");
        Dataset<Row> df = CorpusRowsTest.reader(big, fields).option("splitSize", "40m").load(big.toString());
        assertTrue(df.rdd().getNumPartitions() >= 15, "partitions: " + df.rdd().getNumPartitions());
        LocalSpark.assertSameLines(LocalSpark.cli(big, null, fields), LocalSpark.lines(df));
    }

    @Test
    void tlsAndHttpAtFlowLevel() {
        List<String> fields = List.of("frame.number", "tcp.stream", "tcp.seq", "tcp.reassembled_in",
                "http.request.method", "http.request.uri", "http.response.code", "tls.handshake.type",
                "tls.handshake.extensions_server_name", "_ws.col.Info");
        String filter = "http.request || http.response || tls.handshake || tcp.analysis.flags";
        Dataset<Row> df = CorpusRowsTest.reader(big, fields).option("level", "flow").option("filter", filter)
                .load(big.toString());
        List<String> expected = LocalSpark.cli(big, filter, fields);
        assertTrue(expected.size() > 10_000, "rows: " + expected.size());
        LocalSpark.assertSameLines(expected, LocalSpark.lines(df));
    }
}
