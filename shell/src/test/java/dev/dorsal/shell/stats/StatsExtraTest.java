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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The other {@code -z} reports through the real dissectors and the CLI, byte for byte against
 * tshark 4.0.17 run with the same arguments: conv and endpoints of every kind, expert, tap filters,
 * io,stat with filters and functions, follow udp, and tcp in raw/hex/yaml. For each capture,
 * {@code stats/extra/<capture>.tshark.txt} holds tshark's stdout per case, under a
 * {@code @@@@ <tag> TAB <arguments…>} line ({@code stats/extra/gen_tshark.py} made them). Captures
 * come from the differential tests' {@code corpus} resources, or {@code -Ddorsal.stats.corpus}.
 * Ethernet tables are only checked on the project's own captures: the PcapPlusPlus ones have vendor
 * MAC addresses, which Dorsal prints as hex (docs/compat.md). As in {@link StatsCorpusTest}, only
 * captures whose every layer Dorsal dissects are gated; the rest are counted.
 */
class StatsExtraTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StatsExtraTest.class.getResource(name).toURI());
    }

    @Test
    void everyCaseMatchesTshark() throws Exception {
        Path extra = resource("/stats/extra");
        String corpus = System.getProperty("dorsal.stats.corpus");
        Path captures = corpus != null ? Path.of(corpus) : resource("/corpus");
        Path oracle = resource("/stats/oracle");
        FieldRegistry registry = SharedRegistry.get().fields();
        Map<String, int[]> byTag = new LinkedHashMap<>();
        List<String> differ = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String firstDiff = null;
        for (Path packed : packedFiles(extra)) {
            String rel = extra.relativize(packed).toString().replace('\\', '/').replace(".tshark.txt", "");
            if (!Files.isRegularFile(captures.resolve(rel))) {
                skipped.add(rel); // not copied into the test resources (see corpus/README.md)
                continue;
            }
            List<String> layers = StatsScope.hierarchy(oracle.resolve(rel + ".conv.txt"));
            boolean gated = layers != null && StatsScope.missing(layers, registry).isEmpty()
                    && StatsScope.pending(captures.resolve(rel)) == null;
            for (Map.Entry<String, String> c : Packed.read(packed).entrySet()) {
                List<String> f = Arrays.asList(c.getKey().split("\t"));
                String tag = f.get(0);
                int[] count = byTag.computeIfAbsent(tag.replaceAll("_\\d+$", ""), k -> new int[4]);
                count[1]++;
                count[3] += gated ? 1 : 0;
                List<String> args = new ArrayList<>(List.of("-r", captures.resolve(rel).toString()));
                args.addAll(f.subList(1, f.size()));
                String actual = StatsRuns.run(args);
                StatsRuns.dump(rel + "." + tag, actual);
                if (c.getValue().equals(actual)) {
                    count[0]++;
                    count[2] += gated ? 1 : 0;
                } else if (gated) {
                    differ.add(rel + "." + tag);
                    if (firstDiff == null) {
                        firstDiff = rel + " " + f.subList(1, f.size()) + "\n--- tshark\n" + c.getValue()
                                + "--- dorsal\n" + actual;
                    }
                }
            }
        }
        StringBuilder summary = new StringBuilder();
        byTag.forEach((k, v) -> summary.append(k).append(' ').append(v[2]).append('/').append(v[3]).append(" gated, ")
                .append(v[0]).append('/').append(v[1]).append(" all; "));
        System.out.println("stats extra cases equal to tshark: " + summary
                + (skipped.isEmpty() ? "" : " (captures not in the resources, skipped: " + skipped + ")"));
        if (firstDiff != null) {
            System.err.println(firstDiff);
            System.err.println("differing: " + differ);
        }
        assertEquals(List.of(), differ, differ.size() + " extra statistics outputs differ from tshark");
    }

    private static List<Path> packedFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".tshark.txt")).sorted().toList();
        }
    }
}
