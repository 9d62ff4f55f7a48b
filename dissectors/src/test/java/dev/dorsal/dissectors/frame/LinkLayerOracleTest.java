package dev.dorsal.dissectors.frame;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dissects each test capture with the link and network layer dissectors and compares with tshark
 * 4.0.17's output for the same file: every line of our protocols' -V subtrees, the -T fields columns
 * these layers fill (frame.number, frame.len, eth.src/dst/type, ip.src/dst/proto/ttl, ipv6.src/dst),
 * and Protocol/Info/Source/Destination of frames that have no other layer. The captures and oracle
 * files are in src/test/resources/l2l3 (see its README).
 */
class LinkLayerOracleTest {
    private static final Path ROOT = Path.of("src/test/resources/l2l3");

    static Stream<String> captures() throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve("captures"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static String path(String relative) {
        return ROOT.resolve(relative).toAbsolutePath().toString();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void detailTreesMatchTshark(String name) {
        List<String> result = Isolated.call("link-layer", LinkLayerRun.class, "treeDiffs", path("captures/" + name),
                path("oracle/" + name + ".verbose.txt"));
        check(result, "lines");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void fieldsAndColumnsMatchTshark(String name) {
        List<String> result = Isolated.call("link-layer", LinkLayerRun.class, "fieldDiffs", path("captures/" + name),
                path("oracle/" + name + ".fields.tsv"), path("oracle/" + name + ".verbose.txt"));
        check(result, "values");
    }

    /** {@code result} is "equal N" then the differences. */
    private static void check(List<String> result, String what) {
        int equal = Integer.parseInt(result.get(0).substring("equal ".length()));
        List<String> diffs = result.subList(1, result.size());
        assertTrue(equal > 0, "no " + what + " compared: " + diffs);
        assertTrue(diffs.isEmpty(), diffs.size() + " " + what + " differ (" + equal + " equal), first: "
                + String.join("\n", diffs.subList(0, Math.min(20, diffs.size()))));
    }
}
