package dev.dorsal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Typed columns (the default): types follow the field registry, and each value, printed the way -T
 * fields prints that type, equals the CLI's first occurrence ({@code -E occurrence=f}); with
 * {@code occurrence=a} a column is an array of every occurrence.
 */
class TypedColumnsTest {
    static final List<String> FIELDS = List.of("frame.number", "frame.time_relative", "frame.len", "eth.src",
            "ip.src", "ip.flags.df", "ip.ttl", "ipv6.src", "tcp.srcport", "tcp.flags", "tcp.seq",
            "tcp.analysis.ack_rtt", "udp.checksum", "dns.qry.name", "dns.a", "http.host", "http.request.uri",
            "tls.handshake.random", "tls.handshake.extensions_server_name", "tls.handshake.ciphersuite");

    static Stream<Path> captures() throws java.io.IOException {
        return LocalSpark.captures().stream();
    }

    @Test
    void typesComeFromTheFieldRegistry() {
        StructType s = LocalSpark.spark().read().format("dorsal").option("fields",
                "frame.number,frame.time,frame.time_relative,ip.src,ip.flags.df,tcp.srcport,tcp.flags,udp.checksum,"
                        + "tls.handshake.random,http.host,eth,_ws.col.Info,dorsal.data,dorsal.ts_nanos")
                .load(LocalSpark.CORPUS.resolve("dns_udp.pcap").toString()).schema();
        assertEquals(List.of(DataTypes.LongType, DataTypes.TimestampType, FieldColumn.SECONDS_TYPE,
                DataTypes.StringType, DataTypes.BooleanType, DataTypes.IntegerType, DataTypes.IntegerType,
                DataTypes.IntegerType, DataTypes.BinaryType, DataTypes.StringType, DataTypes.StringType,
                DataTypes.StringType, DataTypes.BinaryType, DataTypes.LongType),
                Stream.of(s.fields()).map(f -> f.dataType()).toList());
    }

    @ParameterizedTest
    @MethodSource("captures")
    void firstOccurrencesEqualTheCli(Path capture) {
        var reader = LocalSpark.spark().read().format("dorsal").option("fields", String.join(",", FIELDS))
                .option("level", "flow");
        Path keys = LocalSpark.keys(capture);
        if (keys != null) {
            reader = reader.option("keylog", keys.toString());
        }
        Dataset<Row> df = reader.load(capture.toString());
        List<Row> rows = new ArrayList<>(df.collectAsList());
        rows.sort((a, b) -> Long.compare(a.getLong(0), b.getLong(0)));
        List<String> actual = new ArrayList<>();
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) {
                cells.add(r.isNullAt(i) ? "" : text(r.get(i)));
            }
            actual.add(String.join("\t", cells));
        }
        List<String> expected = new ArrayList<>();
        for (String line : LocalSpark.cli(capture, null, FIELDS, "-E", "occurrence=f")) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("\t", -1)) {
                cells.add(normal(cell));
            }
            expected.add(String.join("\t", cells));
        }
        LocalSpark.assertSameLines(expected, actual);
    }

    @Test
    void allOccurrencesAreArrays() {
        Path f = LocalSpark.CORPUS.resolve("http_get.pcap");
        Dataset<Row> df = LocalSpark.spark().read().format("dorsal").option("fields", "frame.number,tcp.port")
                .option("occurrence", "a").load(f.toString());
        assertEquals(DataTypes.createArrayType(DataTypes.IntegerType, false), df.schema().fields()[1].dataType());
        List<String> actual = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            List<Object> ports = r.getList(1);
            actual.add(r.getList(0).get(0) + "\t" + String.join(",", ports.stream().map(String::valueOf).toList()));
        }
        actual.sort(java.util.Comparator.comparingLong(l -> Long.parseLong(l.substring(0, l.indexOf('\t')))));
        assertEquals(LocalSpark.cli(f, null, List.of("frame.number", "tcp.port")), actual);
    }

    @Test
    void textModeEscapesAsTheCliTypedStringsKeepTheirCharacters() {
        Path f = Path.of("..", "dissectors", "src", "test", "resources", "dns", "dns_crafted_strings.pcap.gz");
        List<String> fields = List.of("frame.number", "dns.hinfo.cpu", "_ws.col.Info");
        Dataset<Row> text = LocalSpark.spark().read().format("dorsal").option("fields", String.join(",", fields))
                .option("values", "text").option("occurrence", "a").load(f.toString());
        List<String> expected = LocalSpark.cli(f, null, fields);
        assertEquals(expected, LocalSpark.lines(text));
        Row typed = LocalSpark.spark().read().format("dorsal").option("fields", String.join(",", fields))
                .load(f.toString()).filter("`frame.number` = 25").first();
        org.junit.jupiter.api.Assertions.assertTrue(typed.getString(2).contains("a\nb"), typed.getString(2));
        assertEquals(expected.get(24).split("\t", -1)[2].replace("\\n", "\n"), typed.getString(2));
    }

    /** A typed value as -T fields prints it, for the kinds these fields have. */
    private static String text(Object v) {
        return switch (v) {
            case byte[] b -> HexFormat.of().formatHex(b);
            case Boolean b -> b ? "1" : "0";
            case BigDecimal d -> d.toPlainString();
            default -> v.toString();
        };
    }

    /** CLI text in the typed form's terms: hex integers as decimal, escapes undone. */
    private static String normal(String cell) {
        if (cell.startsWith("0x") && cell.length() <= 18) {
            return Long.toString(Long.parseUnsignedLong(cell.substring(2), 16));
        }
        return cell.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }
}
