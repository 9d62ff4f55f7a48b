package dev.dorsal.dissectors.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * DNS against tshark 4.0.17, capture by capture: every dns.* column of the -T fields tables
 * (fields.tsv, dns_extra.tsv) and Protocol/Info of the DNS frames, frame by frame, and the
 * {@code Domain Name System} subtrees of -V, line by line. Corpus captures use the corpus oracle;
 * the crafted ones (see http/make/make_dns.py) tshark outputs made the same way.
 */
class DnsOracleTest {
    private static final List<String> PREFIXES = List.of("Domain Name System", "[Malformed Packet: DNS]",
            "[Packet size limited during capture: DNS");

    /**
     * Differences owned by other layers (docs/compat.md, DNS): capture, frame, the columns that differ.
     * Counted apart when they differ, compared as usual once fixed.
     */
    private static final Map<String, Map<Long, Set<String>>> KNOWN = Map.of();

    static Stream<String> captures() {
        return Stream.of("dns_udp.pcap", "dns_tcp.pcap", "DNS_NXDomain.pcap", "Dns4.pcap", "DnsEdit.pcap",
                "DnsEdit7.pcap", "DnsTooManyResources.pcap", "dns_stack_overflow.pcap", "dns_over_tcp.pcapng",
                "UdpPacket4Checksum.pcap", "SomeIpSd.pcapng", "linktype_ipv4.pcap", "too_many_interfaces.pcapng",
                "many_interfaces-1.pcapng", "dns_crafted_types.pcap", "dns_crafted_records.pcap",
                "dns_crafted_transactions.pcap", "dns_crafted_tcp.pcap", "dns_crafted_edge.pcap",
                "dns_crafted_long_names.pcap", "dns_crafted_more_types.pcap", "dns_crafted_heuristic.pcap",
                "dns_crafted_strings.pcap");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void fieldsEqualTshark(String capture) throws Exception {
        Path cap = Resources.get("dns/" + capture + ".gz");
        OracleCompare.FieldStats main = OracleCompare.fields(cap, Resources.oracle("dns", capture, "fields.tsv"),
                c -> c.startsWith("dns.") || c.startsWith("_ws.col."), DnsOracleTest::isDns, known(capture));
        System.out.println(main.report(capture + " fields.tsv"));
        assertEquals(main.compared(), main.equal(), String.join("\n", main.mismatches));
        Path extra = Resources.oracle("dns", capture, "dns_extra.tsv");
        if (extra != null) {
            OracleCompare.FieldStats stats = OracleCompare.fields(cap, extra, c -> c.startsWith("dns."), r -> true,
                    known(capture), "dns");
            System.out.println(stats.report(capture + " dns_extra.tsv"));
            assertEquals(stats.compared(), stats.equal(), String.join("\n", stats.mismatches));
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void subtreesEqualTshark(String capture) throws Exception {
        Path cap = Resources.get("dns/" + capture + ".gz");
        Path verbose = Resources.oracle("dns", capture, "verbose.txt");
        OracleCompare.TreeStats stats = OracleCompare.verbose(cap, verbose, PREFIXES, List.of(), f -> false);
        System.out.println(stats.report(capture + " -V"));
        assertTrue(stats.lines > 0, "no DNS subtree compared in " + capture);
        assertEquals(stats.lines, stats.equalLines, String.join("\n", stats.mismatches));
    }

    private static java.util.function.BiPredicate<String, Long> known(String capture) {
        Map<Long, Set<String>> frames = KNOWN.getOrDefault(capture, Map.of());
        return (column, frame) -> frames.getOrDefault(frame, Set.of()).contains(column);
    }

    /** Rows of frames tshark shows as DNS (the Protocol column), whose Info is DNS's. */
    static boolean isDns(Map<String, String> row) {
        return "DNS".equals(row.get("_ws.col.Protocol"));
    }
}
