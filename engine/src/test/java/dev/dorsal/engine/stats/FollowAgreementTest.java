package dev.dorsal.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code -z follow} on hand-made TCP and UDP streams (retransmissions, overlaps, out-of-order and
 * never-captured segments, SYN with data, sequence wrap, binary payloads) in every output mode,
 * against tshark 4.0.17's output for the synthetic capture holding the same segments. Each
 * {@code NAME.segments} in {@code src/test/resources/stats/follow} has its tshark outputs packed in
 * {@code NAME.tshark.txt}: ascii, hex, raw, yaml, ebcdic, {@code hex_2-3} (chunks 2 to 3) and
 * {@code ascii_addr} (address-pair filter).
 */
class FollowAgreementTest {
    private static Path dir() throws URISyntaxException {
        String override = System.getProperty("dorsal.follow.cases");
        if (override != null) {
            return Path.of(override);
        }
        return Path.of(FollowAgreementTest.class.getResource("/stats/follow/baseline.segments").toURI()).getParent();
    }

    @Test
    void everyScenarioAndModeMatchesTshark() throws Exception {
        Path dir = dir();
        List<String> failures = new ArrayList<>();
        int total = 0;
        List<Path> segments;
        try (Stream<Path> s = Files.list(dir)) {
            segments = s.filter(p -> p.toString().endsWith(".segments") && !p.toString().endsWith("multi.segments"))
                    .sorted().toList();
        }
        for (Path seg : segments) {
            String name = seg.getFileName().toString().replace(".segments", "");
            String proto = Files.readString(seg).contains(" udp ") ? "udp" : "tcp";
            for (Map.Entry<String, String> c : Packed.read(dir.resolve(name + ".tshark.txt")).entrySet()) {
                String variant = c.getKey();
                String arg = switch (variant) {
                    case "hex_2-3" -> "follow," + proto + ",hex,0,2-3";
                    case "ascii_addr" -> "follow," + proto + ",ascii,10.0.0.2:80,10.0.0.1:1111";
                    default -> "follow," + proto + "," + variant + ",0";
                };
                total++;
                Tap tap = Taps.parse(arg, null);
                String actual = StatsTestPackets.run(tap, FakeLayers.fromLines(Files.readAllLines(seg)));
                if (!c.getValue().equals(actual)) {
                    failures.add(name + " " + arg + "\n--- expected\n" + c.getValue() + "--- actual\n" + actual);
                }
            }
        }
        if (!failures.isEmpty()) {
            System.err.println(String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
            failures.forEach(x -> System.err.println("DIFF " + x.substring(0, x.indexOf('\n'))));
        }
        assertEquals(0, failures.size(), failures.size() + " of " + total + " follow outputs differ from tshark");
    }
}
