package dev.dorsal.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conversation and endpoint tables on hand-made packets ({@code stats/follow/multi.segments}: two TCP
 * connections, a DNS exchange, a host sending UDP to itself, kB-sized totals, fractional times),
 * against tshark 4.0.17's tables for the synthetic capture with the same frames.
 */
class ConversationTableTest {
    private static final List<String> ARGS = List.of("conv,tcp", "conv,ip", "conv,udp", "conv,eth",
            "endpoints,tcp", "endpoints,ip", "endpoints,udp", "endpoints,eth");

    @Test
    void everyTableMatchesTshark() throws Exception {
        String override = System.getProperty("dorsal.follow.cases");
        Path dir = override != null ? Path.of(override)
                : Path.of(getClass().getResource("/stats/follow/multi.segments").toURI()).getParent();
        List<String> lines = Files.readAllLines(dir.resolve("multi.segments"));
        Map<String, String> tshark = Packed.read(dir.resolve("multi.tshark.txt"));
        List<String> differ = new ArrayList<>();
        for (String arg : ARGS) {
            String expected = tshark.get(arg);
            String actual = StatsTestPackets.run(Taps.parse(arg, null), FakeLayers.fromLines(lines));
            if (!expected.equals(actual)) {
                differ.add(arg);
                System.err.println(arg + "\n--- tshark\n" + expected + "--- dorsal\n" + actual);
            }
        }
        assertEquals(List.of(), differ, differ.size() + " of " + ARGS.size() + " tables differ from tshark");
    }
}
