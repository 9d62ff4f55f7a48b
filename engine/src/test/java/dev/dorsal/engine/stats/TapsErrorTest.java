package dev.dorsal.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.FieldDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code -z follow} and {@code -z io,stat} arguments tshark refuses: the same message and exit code
 * as tshark 4.0.17 ({@code stats/errors/tshark.txt}: each argument's stderr, then {@code #RC <code>}).
 * Filter errors need the display-filter compiler and are covered by the CLI tests.
 */
class TapsErrorTest {
    private static FieldDef field(String name) {
        if (name.equals("eth.src")) {
            return FakeLayers.ETH_SRC;
        }
        return StatsTestPackets.field(name);
    }

    @Test
    void refusalsMatchTshark() throws Exception {
        Path file = Path.of(getClass().getResource("/stats/errors/tshark.txt").toURI());
        List<String> differ = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, String> c : Packed.read(file).entrySet()) {
            String arg = c.getKey();
            total++;
            String actual;
            try {
                if (arg.startsWith("io,stat")) {
                    IoStatArgs.parse(arg.substring("io,stat".length()), TapsErrorTest::field, StatsTestPackets::filter);
                } else {
                    Taps.parse(arg, null);
                }
                actual = "#RC 0\n";
            } catch (StatsException e) {
                actual = e.getMessage() + "\n#RC " + e.exitCode() + "\n";
            }
            if (!c.getValue().equals(actual)) {
                differ.add(arg + "\n--- tshark\n" + c.getValue() + "--- dorsal\n" + actual);
            }
        }
        differ.forEach(System.err::println);
        assertEquals(0, differ.size(), differ.size() + " of " + total + " refusals differ from tshark");
    }
}
