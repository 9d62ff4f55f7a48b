package dev.dorsal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows of {@code format("dorsal")} in local mode against {@code dorsal -r FILE -Y FILTER -T fields -e
 * ...} on every corpus capture, line for line: at packet level with files cut into many small
 * splits, and at flow level, where TCP streams, reassembly, TLS decryption and HTTP hold across splits.
 */
class CorpusRowsTest {
    /** Fields no dissector state feeds, so any split of the file shows them as the whole file does. */
    static final List<String> PACKET_FIELDS = List.of("frame.number", "frame.time_relative", "frame.time_delta",
            "frame.len", "frame.cap_len", "eth.src", "eth.type", "ip.src", "ip.dst", "ip.ttl", "ip.id", "ipv6.src",
            "ipv6.dst", "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.len", "tcp.hdr_len", "udp.srcport",
            "udp.length", "icmp.type", "arp.opcode");
    /** Fields that need a TCP stream's whole history, reassembly and decryption. */
    static final List<String> FLOW_FIELDS = List.of("frame.number", "frame.time_delta", "frame.protocols", "ip.src",
            "tcp.stream", "tcp.seq", "tcp.ack", "tcp.nxtseq", "tcp.analysis.flags", "tcp.analysis.ack_rtt",
            "tcp.reassembled_in", "udp.stream", "dns.qry.name", "dns.a", "http.request.method", "http.request.uri",
            "http.host", "http.response.code", "http.file_data", "tls.record.content_type", "tls.handshake.type",
            "tls.handshake.extensions_server_name", "tls.handshake.ciphersuite", "tls.app_data",
            "_ws.col.Protocol", "_ws.col.Info");

    static Stream<Path> captures() throws java.io.IOException {
        return LocalSpark.captures().stream();
    }

    static DataFrameReader reader(Path capture, List<String> fields) {
        DataFrameReader r = LocalSpark.spark().read().format("dorsal").option("fields", String.join(",", fields))
                .option("values", "text").option("occurrence", "a");
        Path keys = LocalSpark.keys(capture);
        return keys == null ? r : r.option("keylog", keys.toString());
    }

    @ParameterizedTest
    @MethodSource("captures")
    void packetLevelInSmallSplitsEqualsTheCli(Path capture) {
        Dataset<Row> df = reader(capture, PACKET_FIELDS).option("splitSize", "2k").load(capture.toString());
        List<String> expected = LocalSpark.cli(capture, null, PACKET_FIELDS);
        assertEquals(expected, LocalSpark.lines(df), capture.toString());
        if (capture.toFile().length() > 8192 && capture.toString().endsWith(".pcap")) {
            assertTrue(df.rdd().getNumPartitions() > 2, "split into " + df.rdd().getNumPartitions());
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void packetLevelWithAFilterEqualsTheCli(Path capture) {
        String filter = "tcp.len > 0 || udp || arp";
        Dataset<Row> df = reader(capture, PACKET_FIELDS).option("splitSize", "3k").option("filter", filter)
                .load(capture.toString());
        assertEquals(LocalSpark.cli(capture, filter, PACKET_FIELDS), LocalSpark.lines(df), capture.toString());
    }

    @ParameterizedTest
    @MethodSource("captures")
    void flowLevelKeepsStreamsReassemblyAndDecryption(Path capture) {
        Dataset<Row> df = reader(capture, FLOW_FIELDS).option("level", "flow").option("flowPartitions", "3")
                .load(capture.toString());
        assertEquals(3, df.rdd().getNumPartitions());
        assertEquals(LocalSpark.cli(capture, null, FLOW_FIELDS), LocalSpark.lines(df), capture.toString());
    }

    @ParameterizedTest
    @MethodSource("captures")
    void flowLevelWithAFilterEqualsTheCli(Path capture) {
        String filter = "tls.handshake || http || dns || tcp.analysis.flags || tcp.stream == 1";
        Dataset<Row> df = reader(capture, FLOW_FIELDS).option("level", "flow").option("flowPartitions", "4")
                .option("filter", filter).load(capture.toString());
        assertEquals(LocalSpark.cli(capture, filter, FLOW_FIELDS), LocalSpark.lines(df), capture.toString());
    }
}
