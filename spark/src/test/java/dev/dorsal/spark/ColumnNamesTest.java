package dev.dorsal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code columnNames=underscore}: columns without dots, for SQL without backticks; filters and writes still work. */
class ColumnNamesTest {
    private static final Path HTTP = LocalSpark.CORPUS.resolve("http_get.pcap");

    @TempDir
    Path dir;

    private static Dataset<Row> read(String fields) {
        return LocalSpark.spark().read().format("dorsal").option("columnNames", "underscore").option("fields", fields)
                .load(HTTP.toString());
    }

    @Test
    void sqlWithoutBackticksAndPushedFiltersWithWiresharkNames() {
        Dataset<Row> df = read("frame.number,ip.src,tcp.dstport,_ws.col.Info");
        assertEquals(List.of("frame_number", "ip_src", "tcp_dstport", "_ws_col_Info"), List.of(df.schema().fieldNames()));
        df.createOrReplaceTempView("http_get");
        Dataset<Row> q = LocalSpark.spark().sql("SELECT frame_number FROM http_get WHERE tcp_dstport = 80 ORDER BY 1");
        String plan = q.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("(tcp.dstport == 80)"), plan);
        assertEquals(LocalSpark.cli(HTTP, "tcp.dstport == 80", List.of("frame.number")),
                q.collectAsList().stream().map(r -> Long.toString(r.getLong(0))).toList());
    }

    @Test
    void framesWriteBackUnderEitherName() throws Exception {
        Path out = dir.resolve("out");
        read("frame.number,dorsal.data,dorsal.linktype,dorsal.ts_nanos,dorsal.orig_len").orderBy("frame_number")
                .coalesce(1).write().format("dorsal").mode("overwrite").save(out.toString());
        Path part;
        try (Stream<Path> s = Files.list(out)) {
            part = s.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
        }
        int frames = 0;
        try (CaptureReader r = Captures.open(part)) {
            while (r.next() != null) {
                frames++;
            }
        }
        assertEquals(LocalSpark.cli(HTTP, null, List.of("frame.number")).size(), frames);
    }
}
