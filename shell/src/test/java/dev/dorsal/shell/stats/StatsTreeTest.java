package dev.dorsal.shell.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.shell.cli.SharedRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stats-tree statistics ({@code -z http,tree}, {@code plen,tree}, …) through the real dissectors
 * and the CLI, byte for byte against tshark 4.0.17: {@code stats/trees/<capture>.trees.txt} holds
 * tshark's stdout per case under a {@code @@@@ <stat> TAB <arguments…>} line
 * ({@code stats/trees/gen_trees.sh} made them) for every capture of the {@code corpus} resources.
 * Cases of statistics Dorsal does not implement yet are not run. The project's own captures
 * ({@code captures/}, {@code fuzz/}) and, as in {@link StatsCorpusTest}, the PcapPlusPlus ones whose
 * every layer Dorsal dissects ({@link StatsScope}) are gated: their cases must be
 * equal, except the ones in {@link #KNOWN}, each listed in docs/compat.md with its reason; the others
 * are run and counted.
 */
class StatsTreeTest {
    /** The statistics this test checks; the oracle may hold more. */
    static final Set<String> CHECKED = Set.of("dests,tree", "dns,tree", "http,tree", "http_req,tree",
            "http_srv,tree", "ip_hosts,tree", "ip_srcdst,tree", "ipv6_dests,tree", "ipv6_hosts,tree",
            "ipv6_ptype,tree", "ipv6_srcdst,tree", "plen,tree", "ptype,tree");

    /** Cases left different from tshark (capture TAB statistic), each explained in docs/compat.md. */
    static final Set<String> KNOWN = Set.of(
            // tshark's HTTP tap also fires on segments of a body whose reassembly a lost segment broke
            "fuzz/tcp_retrans_absolute.pcap\thttp,tree", "fuzz/tcp_retrans_absolute.pcap\thttp_req,tree",
            "fuzz/tcp_retrans_absolute.pcap\thttp_srv,tree", "fuzz/tcp_retrans_absolute.pcap\thttp,tree,tcp.port==80",
            // a routing header's final hop: tshark's IPv6 trees keep the header's destination
            "ppp/PacketExamples/ipv6_options.pcap\tipv6_hosts,tree",
            "ppp/PacketExamples/ipv6_options.pcap\tipv6_srcdst,tree",
            "ppp/PacketExamples/ipv6_options.pcap\tipv6_dests,tree");

    @Test
    void everyStatsTreeMatchesTshark() throws Exception {
        Path trees = resource("/stats/trees");
        Path captures = resource("/corpus");
        Path oracle = resource("/stats/oracle");
        FieldRegistry registry = SharedRegistry.get().fields();
        Map<String, int[]> byStat = new TreeMap<>();
        List<String> differ = new ArrayList<>();
        List<String> knownEqual = new ArrayList<>();
        List<String> ungated = new ArrayList<>();
        String firstDiff = null;
        for (Path packed : packedFiles(trees)) {
            String rel = trees.relativize(packed).toString().replace('\\', '/').replace(".trees.txt", "");
            List<String> layers = StatsScope.hierarchy(oracle.resolve(rel + ".conv.txt"));
            boolean gated = !rel.startsWith("ppp/") || layers != null && StatsScope.missing(layers, registry).isEmpty()
                    && StatsScope.pending(captures.resolve(rel)) == null;
            for (Map.Entry<String, String> c : Packed.read(packed).entrySet()) {
                List<String> f = Arrays.asList(c.getKey().split("\t"));
                String stat = f.get(0);
                String name = statName(stat);
                if (!CHECKED.contains(name)) {
                    continue;
                }
                int[] count = byStat.computeIfAbsent(stat, k -> new int[4]);
                count[1]++;
                count[3] += gated ? 1 : 0;
                List<String> args = new ArrayList<>(List.of("-r", captures.resolve(rel).toString()));
                args.addAll(f.subList(1, f.size()));
                String actual = StatsRuns.run(args);
                StatsRuns.dump(rel + "." + stat, actual);
                String key = rel + "\t" + stat;
                if (c.getValue().equals(actual)) {
                    count[0]++;
                    count[2] += gated ? 1 : 0;
                    if (KNOWN.contains(key)) {
                        knownEqual.add(key);
                    }
                } else if (!gated) {
                    ungated.add(key);
                } else if (!KNOWN.contains(key)) {
                    differ.add(key);
                    if (firstDiff == null) {
                        firstDiff = rel + " " + f.subList(1, f.size()) + "\n--- tshark\n" + c.getValue()
                                + "--- dorsal\n" + actual;
                    }
                }
            }
        }
        byStat.forEach((k, v) -> System.out.println(k + ": " + v[2] + " of " + v[3] + " gated captures identical, "
                + v[0] + " of " + v[1] + " of all"));
        System.out.println("differing on captures with layers Dorsal does not dissect (not gated): " + ungated);
        if (firstDiff != null) {
            System.err.println(firstDiff);
            System.err.println("differing: " + differ.subList(0, Math.min(differ.size(), 40)));
        }
        assertEquals(List.of(), knownEqual, "cases listed as known differences are now equal: update KNOWN");
        assertEquals(List.of(), differ, differ.size() + " stats-tree outputs differ from tshark");
    }

    /** "http,tree,tcp.port==80" → "http,tree". */
    static String statName(String stat) {
        int tree = stat.indexOf(",tree");
        return tree < 0 ? stat : stat.substring(0, tree + 5);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StatsTreeTest.class.getResource(name).toURI());
    }

    private static List<Path> packedFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".trees.txt")).sorted().toList();
        }
    }
}
