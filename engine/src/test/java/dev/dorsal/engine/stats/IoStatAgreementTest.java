package dev.dorsal.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code -z io,stat} tables on synthetic captures (frames with chosen times and lengths) against
 * tshark 4.0.17's output for the same arguments. Columns use only frame fields, so the packets are
 * built from the capture records without dissectors and filters are read by a small stand-in (see
 * {@link StatsTestPackets}). The captures and tshark's outputs (packed in {@code tshark.txt}, one block
 * per capture and argument; a refused argument gives tshark's stderr and exit code) are in
 * {@code src/test/resources/stats/iostat} and {@code iostat-fields} (README there).
 */
class IoStatAgreementTest {
    private static Path dir(String name) throws URISyntaxException {
        String override = System.getProperty("dorsal.iostat." + name);
        if (override != null) {
            return Path.of(override);
        }
        return Path.of(IoStatAgreementTest.class.getResource("/stats/" + name + "/tshark.txt").toURI()).getParent();
    }

    @Test
    void intervalsAndLayoutMatchTshark() throws Exception {
        check(dir("iostat"));
    }

    @Test
    void functionsOverFrameFieldsMatchTshark() throws Exception {
        check(dir("iostat-fields"));
    }

    private static void check(Path dir) throws Exception {
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, String> c : Packed.read(dir.resolve("tshark.txt")).entrySet()) {
            String[] f = c.getKey().split("\t");
            total++;
            String expected = c.getValue();
            String actual;
            try {
                IoStatTap tap = IoStatArgs.parse(f[1].substring("io,stat".length()), StatsTestPackets::field,
                        StatsTestPackets::filter);
                tap.runContext(Set.of(), false);
                actual = StatsTestPackets.run(tap, StatsTestPackets.read(dir.resolve(f[0])));
            } catch (StatsException e) {
                actual = "\n#STDERR\n" + e.getMessage() + "\n#RC " + e.exitCode() + "\n";
            }
            if (!expected.equals(actual)) {
                failures.add(f[0] + " " + f[1] + "\n--- expected\n" + expected + "--- actual\n" + actual);
            }
        }
        if (!failures.isEmpty()) {
            System.err.println(String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
            failures.forEach(x -> System.err.println("DIFF " + x.substring(0, x.indexOf('\n'))));
        }
        assertEquals(0, failures.size(), failures.size() + " of " + total + " io,stat cases differ from tshark");
    }
}
