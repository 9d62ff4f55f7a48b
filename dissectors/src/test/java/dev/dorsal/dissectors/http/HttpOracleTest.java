package dev.dorsal.dissectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.dissectors.http.testkit.Oracle;
import dev.dorsal.dissectors.http.testkit.OracleCompare;
import dev.dorsal.dissectors.http.testkit.Resources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP against tshark 4.0.17, capture by capture: every http.* column of the -T fields tables
 * (fields.tsv, http_extra.tsv) and Protocol/Info of the HTTP frames, frame by frame, and the HTTP
 * and body subtrees (Line-based text data, JSON, URL-encoded form, Media Type, Data) of -V, line by
 * line. mixed.pcapng is compared on its cleartext frames (TLS stays encrypted: the .nokeys oracle).
 *
 * <p>Known differences, counted apart and listed in docs/compat.md: bodies of media types whose
 * dissectors Dorsal lacks (GIF, JPEG, PNG, XML, SDP, …) are compared on their HTTP subtree only, and
 * the Protocol and Info columns of their frames are not compared.
 */
class HttpOracleTest {
    private static final List<String> PREFIXES = List.of("Hypertext Transfer Protocol", "Line-based text data",
            "JavaScript Object Notation", "HTML Form URL Encoded", "Media Type", "Data (",
            "[Malformed Packet: HTTP]", "[Packet size limited during capture: HTTP");

    /** Top-level -V blocks of protocols Dorsal does not dissect (HTTP bodies go to Media Type instead). */
    private static final List<String> OTHER_BODY_PROTOCOLS = List.of("Compuserve GIF", "JPEG File Interchange Format",
            "Portable Network Graphics", "eXtensible Markup Language", "Session Description Protocol",
            "MIME Multipart", "The multipart dissector", "Online Certificate Status Protocol", "Certificate", "GRPC",
            "Media Type: message/http");

    static Stream<String> captures() {
        return Stream.of("http_get.pcap", "http_pyserver.pcap", "ipv6_http.pcap", "tcp_rst.pcap", "arp_veth.pcap",
                "TwoHttpRequests.pcap", "TcpPacketNoOptions.pcap", "TcpPacketWithOptions.pcap", "SllPacket.pcap",
                "http_req.pcap", "one_http_stream_fin.pcap", "one_http_stream_fin2.pcap", "one_ipv6_http_stream.pcap",
                "one_tcp_stream_max_seq.pcap", "frag_http_req.pcap", "four_ipv6_http_streams.pcap",
                "http-packets2.pcap", "4KHttpRequests.pcap", "mixed.pcapng", "http_crafted_framing.pcap",
                "http_crafted_json.pcap", "http_crafted_json_unicode.pcap", "http_crafted_json_escapes.pcap",
                "http_crafted_utf8.pcap", "http_crafted_media_types.pcap", "http_crafted_status_codes.pcap",
                "http_crafted_bytes.pcap");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void fieldsEqualTshark(String capture) throws Exception {
        Path cap = Resources.get("http/" + capture + ".gz");
        Set<Long> otherBody = otherBodyFrames(capture);
        OracleCompare.FieldStats main = OracleCompare.fields(cap, Resources.oracle("http", capture, "fields.tsv"),
                c -> c.startsWith("http.") || c.startsWith("_ws.col."), HttpOracleTest::isHttp,
                (c, f) -> c.startsWith("_ws.col.") && otherBody.contains(f));
        System.out.println(main.report(capture + " fields.tsv"));
        assertEquals(main.compared(), main.equal(), String.join("\n", main.mismatches));
        Path extra = Resources.oracle("http", capture, "http_extra.tsv");
        if (extra != null) {
            Set<Long> cleartext = capture.equals("mixed.pcapng") ? cleartextHttp(capture) : null;
            OracleCompare.FieldStats stats = OracleCompare.fields(cap, extra, c -> c.startsWith("http."),
                    r -> cleartext == null || cleartext.contains(Long.parseLong(r.get("frame.number"))),
                    (c, f) -> false, "http");
            System.out.println(stats.report(capture + " http_extra.tsv"));
            assertEquals(stats.compared(), stats.equal(), String.join("\n", stats.mismatches));
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void subtreesEqualTshark(String capture) throws Exception {
        Path verbose = Resources.oracle("http", capture, "verbose.txt");
        if (verbose == null) {
            return; // mixed.pcapng: fields only (its streams are those of the other captures)
        }
        Path cap = Resources.get("http/" + capture + ".gz");
        OracleCompare.TreeStats stats = OracleCompare.verbose(cap, verbose, PREFIXES, OTHER_BODY_PROTOCOLS,
                f -> false);
        System.out.println(stats.report(capture + " -V"));
        assertTrue(stats.lines > 0, "no HTTP subtree compared in " + capture);
        assertEquals(stats.lines, stats.equalLines, String.join("\n", stats.mismatches));
    }

    /** Rows of frames tshark shows as HTTP (Protocol column HTTP, HTTP/JSON…). */
    static boolean isHttp(Map<String, String> row) {
        String p = row.get("_ws.col.Protocol");
        return p != null && p.startsWith("HTTP");
    }

    /** Frames whose body tshark gives to a dissector Dorsal does not have (their Info/Protocol differ). */
    private static Set<Long> otherBodyFrames(String capture) throws Exception {
        Path verbose = Resources.oracle("http", capture, "verbose.txt");
        Set<Long> out = new java.util.HashSet<>();
        if (verbose == null) {
            return out;
        }
        for (Map.Entry<Long, List<String>> e : Oracle.verbose(verbose).entrySet()) {
            if (!Oracle.blocks(e.getValue(), OTHER_BODY_PROTOCOLS).isEmpty()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Frames of mixed.pcapng with HTTP in the clear: HTTP in its no-keys -T fields table. */
    private static Set<Long> cleartextHttp(String capture) throws Exception {
        Oracle.Table t = Oracle.table(Resources.oracle("http", capture, "fields.tsv"));
        Set<Long> out = new java.util.HashSet<>();
        t.rows().forEach((n, row) -> {
            if (isHttp(row)) {
                out.add(n);
            }
        });
        return out;
    }
}
