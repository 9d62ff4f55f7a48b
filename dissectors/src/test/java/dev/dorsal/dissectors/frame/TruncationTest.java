package dev.dorsal.dissectors.frame;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frames of the link and network layer test captures cut after every length, once by the snap
 * length and once really short (src/test/resources/l2l3/truncated, written with tshark 4.0.17 by
 * mktruncated.py there), must come out as tshark shows them: the same partial trees, the same
 * "Packet size limited" or "Malformed Packet" marks, and the same Protocol, Info, Source and
 * Destination. This holds tshark's order of reads, tree items and column writes in every header.
 */
class TruncationTest {
    private static final Path ROOT = Path.of("src/test/resources/l2l3/truncated");

    static Stream<String> captures() throws Exception {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void truncatedFramesMatchTshark(String name) {
        String base = ROOT.resolve(name).toAbsolutePath().toString();
        List<String> result = Isolated.call("link-layer", TruncationRun.class, "run", base, base + ".verbose.txt.gz",
                base + ".cols.tsv.gz");
        int equal = Integer.parseInt(result.get(0).substring("equal ".length()));
        List<String> diffs = result.subList(1, result.size());
        assertTrue(equal > 0, "nothing compared: " + diffs);
        assertTrue(diffs.isEmpty(), diffs.size() + " differences (" + equal + " equal), first: "
                + String.join("\n", diffs.subList(0, Math.min(20, diffs.size()))));
    }
}
