package dev.dorsal.shell.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The TCP and UDP flow shortcuts (FlowShortcut: conv, endpoints and follow by index read only each
 * frame's stream) must print what the full dissection prints. A display filter that keeps every frame
 * ({@code -Y frame}) turns the shortcut off without changing a -q report, so every corpus capture is
 * run both ways and the reports compared byte for byte.
 */
class FlowShortcutEquivalenceTest {
    private static final List<List<String>> REPORTS = List.of(
            List.of("-z", "conv,tcp", "-z", "endpoints,tcp"),
            List.of("-z", "follow,tcp,raw,0", "-z", "follow,tcp,hex,1"),
            List.of("-z", "follow,tcp,ascii,3"),
            List.of("-z", "conv,udp", "-z", "endpoints,udp"));

    private static List<Path> captures() throws URISyntaxException, java.io.IOException {
        Path root = Path.of(FlowShortcutEquivalenceTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$"))
                    .sorted().toList();
        }
    }

    @Test
    void shortcutReportsEqualFullDissectionOnEveryCapture() throws Exception {
        List<String> differing = new ArrayList<>();
        int compared = 0;
        int withTcp = 0;
        int withUdp = 0;
        for (Path capture : captures()) {
            for (List<String> report : REPORTS) {
                List<String> fast = new ArrayList<>(List.of("-r", capture.toString(), "-q"));
                fast.addAll(report);
                List<String> full = new ArrayList<>(List.of("-r", capture.toString(), "-q", "-Y", "frame"));
                full.addAll(report);
                String expected = StatsRuns.run(full);
                String got = StatsRuns.run(fast);
                compared++;
                if (report.contains("conv,tcp") && expected.lines().filter(l -> l.contains("<->")).count() > 0) {
                    withTcp++;
                }
                if (report.contains("conv,udp") && expected.lines().filter(l -> l.contains("<->")).count() > 0) {
                    withUdp++;
                }
                if (!expected.equals(got)) {
                    differing.add(capture.getFileName() + " " + report);
                }
            }
        }
        assertTrue(compared >= 4 * 200, "the corpus went missing: " + compared + " runs");
        assertTrue(withTcp >= 50, "too few captures with TCP conversations to say anything: " + withTcp);
        assertTrue(withUdp >= 30, "too few captures with UDP conversations to say anything: " + withUdp);
        assertEquals(List.of(), differing, "reports that differ with and without the shortcut");
    }
}
