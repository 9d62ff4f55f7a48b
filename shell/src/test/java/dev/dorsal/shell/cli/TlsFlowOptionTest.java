package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.shell.CliRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code -z tls,flow[,N]} from the command line: every arrow of the ladders is one TLS message of
 * tshark's Info column for that frame (from the corpus summary oracle), in frame order; a session
 * number selects one ladder; a bad one is refused.
 */
class TlsFlowOptionTest {
    private static final Pattern ARROW = Pattern.compile("^\\s+(\\d+)\\s+(?:◀─+ )?(.+?)(?: ─+▶)?$");
    private static final Pattern SUMMARY = Pattern.compile("^\\s*(\\d+)\\s.*? (TLSv1(?:\\.\\d)?|SSLv3) \\d+ (.*)$");

    @Test
    void everyArrowIsATlsMessageOfTsharksSummary() throws Exception {
        CliRun r = CliRun.run("-r", corpus("ppp/pcap_examples/tls.pcap").toString(), "-q", "-z", "tls,flow");
        assertEquals(0, r.exit(), r.err());
        List<String> arrows = new ArrayList<>();
        for (String line : r.lines()) {
            Matcher m = ARROW.matcher(line);
            if (m.matches()) {
                arrows.add(m.group(1) + " " + m.group(2));
            }
        }
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(corpus("oracle/ppp/pcap_examples/tls.pcap.summary.txt"))) {
            Matcher m = SUMMARY.matcher(line);
            if (m.matches()) {
                // messages are comma-separated; "Alert (Level: Warning, Description: …)" keeps its comma
                for (String message : m.group(3).strip().split(", (?![^(]*\\))")) {
                    expected.add(m.group(1) + " " + message);
                }
            }
        }
        arrows.sort((a, b) -> Integer.compare(frame(a), frame(b)));
        assertTrue(expected.size() > 10, "the oracle has the walk-through's messages");
        assertEquals(expected, arrows);
    }

    @Test
    void aSessionNumberSelectsOneLadder() throws Exception {
        String capture = corpus("ppp/pcap_examples/tls.pcap").toString();
        CliRun all = CliRun.run("-r", capture, "-q", "-z", "tls,flow");
        long sessions = all.lines().stream().filter(l -> l.startsWith("TLS session ")).count();
        assertTrue(sessions >= 1, all.out());
        long last = sessions - 1;
        CliRun one = CliRun.run("-r", capture, "-q", "-z", "tls,flow," + last);
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().startsWith("TLS session " + last + ": "), one.out());
        assertTrue(all.out().endsWith(one.out()), "the last session is the last ladder of the whole flow");
        CliRun none = CliRun.run("-r", capture, "-q", "-z", "tls,flow," + sessions);
        assertEquals("No TLS session " + sessions + ": sessions are 0 to " + last + ".\n", none.out());
        CliRun bad = CliRun.run("-r", capture, "-q", "-z", "tls,flow,x");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("session number"), bad.err());
    }

    private static int frame(String arrow) {
        return Integer.parseInt(arrow.substring(0, arrow.indexOf(' ')));
    }

    private static Path corpus(String name) throws URISyntaxException, IOException {
        return Path.of(TlsFlowOptionTest.class.getResource("/corpus/" + name).toURI());
    }
}
