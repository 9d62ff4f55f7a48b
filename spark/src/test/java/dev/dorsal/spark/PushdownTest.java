package dev.dorsal.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Spark predicates pushed into the readers as display filters: the plan shows the display filter, and
 * the rows are exactly what Spark's own predicate keeps (the CLI with the equivalent filter).
 */
class PushdownTest {
    private static final Path HTTP = LocalSpark.CORPUS.resolve("http_get.pcap");
    private static final Path DNS = LocalSpark.CORPUS.resolve("dns_udp.pcap");

    private static Dataset<Row> read(Path f) {
        return LocalSpark.spark().read().format("dorsal")
                .option("fields", "frame.number,ip.src,tcp.port,tcp.dstport,tcp.len,dns.qry.name,frame.time_relative")
                .load(f.toString());
    }

    /** Spark reads a dot in a column name as a struct access: Wireshark names are quoted. */
    private static Column field(String name) {
        return col("`" + name + "`");
    }

    private static String scan(Dataset<Row> df) {
        return df.queryExecution().executedPlan().toString();
    }

    private static List<String> numbers(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.select("`frame.number`").orderBy("`frame.number`").collectAsList()) {
            out.add(Long.toString(r.getLong(0)));
        }
        return out;
    }

    /**
     * Filters with {@code where}: the scan's display filter must contain {@code pushed} (Spark adds
     * {@code IS NOT NULL} predicates of its own, pushed too), or not contain {@code notPushed}.
     */
    private static void check(Path f, Column where, String pushed, String notPushed, String cliFilter) {
        Dataset<Row> df = read(f).filter(where);
        if (pushed != null) {
            assertTrue(scan(df).contains(pushed), scan(df));
        }
        if (notPushed != null) {
            assertFalse(scan(df).contains(notPushed), scan(df));
        }
        List<String> expected = LocalSpark.cli(f, cliFilter, List.of("frame.number"));
        assertFalse(expected.isEmpty());
        assertEquals(expected, numbers(df));
    }

    @Test
    void comparisonsBecomeDisplayFilters() {
        check(HTTP, field("tcp.dstport").equalTo(80), "(tcp.dstport == 80)", null, "tcp.dstport == 80");
        check(HTTP, field("tcp.len").gt(100).and(field("tcp.dstport").leq(1024)),
                "(tcp.len > 100)", null, "tcp.len > 100 && tcp.dstport <= 1024");
        check(HTTP, field("frame.time_relative").lt(new java.math.BigDecimal("0.01")), "(frame.time_relative < 0.01", null,
                "frame.time_relative < 0.01");
        check(HTTP, field("ip.src").equalTo("127.0.0.1").and(field("tcp.dstport").isin(80, 443)),
                "(tcp.dstport in {80, 443})", null, "tcp.dstport in {80, 443}");
        check(HTTP, field("ip.src").equalTo("127.0.0.1"), "(ip.src == 127.0.0.1)", null, "ip.src == 127.0.0.1");
    }

    @Test
    void aColumnHoldsTheFirstOccurrenceAndSparkStillDecides() {
        // The display filter keeps packets with either port 80; the column is the first (source) port.
        check(HTTP, field("tcp.port").equalTo(80), "(tcp.port == 80)", null, "tcp.srcport == 80");
    }

    @Test
    void nullsAndStrings() {
        check(DNS, field("tcp.port").isNull(), "filter: !tcp.port", null, "!tcp.port");
        check(DNS, field("dns.qry.name").contains("mail"), "(dns.qry.name contains \"mail\")", null,
                "dns.qry.name contains \"mail\"");
    }

    @Test
    void whatCannotBeTranslatedIsLeftToSpark() {
        check(HTTP, field("tcp.dstport").notEqual(80), null, "== 80", "tcp.dstport && !(tcp.dstport == 80)");
        check(HTTP, field("tcp.dstport").notEqual(80).or(field("tcp.len").gt(1000)), null, "tcp.len >",
                "(tcp.dstport && !(tcp.dstport == 80)) || tcp.len > 1000");
    }

    @Test
    void onlyTheColumnsAQueryReadsAreDissected() {
        Dataset<Row> df = read(HTTP).select(field("tcp.dstport"));
        String plan = scan(df);
        String scanned = plan.substring(plan.indexOf("BatchScan"));
        assertTrue(scanned.contains("[tcp.dstport#"), plan);
        assertFalse(scanned.contains("dns.qry.name#") || scanned.contains("ip.src#"), plan);
        assertEquals(LocalSpark.cli(HTTP, null, List.of("tcp.dstport")), df.collectAsList().stream()
                .map(r -> r.isNullAt(0) ? "" : Integer.toString(r.getInt(0))).toList());
    }
}
