package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.shell.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** tshark's -2 and -R: the messages, and what -R does to numbers, links, timing and -c (as tshark 4.0.17). */
class TwoPassOptionTest {
    private static String dnsUdp() throws Exception {
        return Path.of(TwoPassOptionTest.class.getResource("/corpus/captures/dns_udp.pcap").toURI()).toString();
    }

    @Test
    void readFilterNeedsTwoPasses() throws Exception {
        CliRun r = CliRun.run("-r", dnsUdp(), "-R", "dns");
        assertEquals(1, r.exit());
        assertEquals("dorsal: -R without -2 is deprecated. For single-pass filtering use -Y.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void liveCaptureAndStandardInputHaveNoSecondPass() {
        CliRun live = CliRun.run("-2", "-i", "lo");
        assertEquals(1, live.exit());
        assertEquals("dorsal: Live captures do not support two-pass analysis.\n", live.err());
        CliRun stdin = CliRun.run("-2", "-r", "-");
        assertEquals(2, stdin.exit());
        assertEquals("dorsal: The standard input is a pipe or FIFO; TShark can't read pipe or FIFO files in "
                + "two-pass mode.\n", stdin.err());
    }

    @Test
    void secondPassLinksQueriesToLaterResponses() throws Exception {
        CliRun one = CliRun.run("-r", dnsUdp(), "-c", "4", "-T", "fields", "-e", "frame.number",
                "-e", "dns.response_in");
        assertEquals("1\t\n2\t\n3\t\n4\t\n", one.out());
        CliRun two = CliRun.run("-r", dnsUdp(), "-2", "-c", "4", "-T", "fields", "-e", "frame.number",
                "-e", "dns.response_in");
        assertEquals("1\t2\n2\t\n3\t4\n4\t\n", two.out());
    }

    @Test
    void readFilterRenumbersAndLinksKeepFirstPassNumbers() throws Exception {
        // A removed frame shares its number with the next frame kept; -c stops after 4 + 1 frames read.
        CliRun q = CliRun.run("-r", dnsUdp(), "-2", "-c", "4", "-R", "dns.flags.response==0", "-T", "fields",
                "-e", "frame.number", "-e", "dns.response_in");
        assertEquals("1\t2\n2\t3\n3\t\n", q.out());
        // Frame 2's delta counts from the first frame read ("frame 1" to tshark), which -R removed.
        CliRun r = CliRun.run("-r", dnsUdp(), "-2", "-c", "5", "-R", "dns.flags.response==1", "-T", "fields",
                "-e", "frame.number", "-e", "frame.time_delta", "-e", "dns.response_to");
        assertEquals("1\t0.000000000\t1\n2\t0.037811000\t2\n3\t0.036297000\t3\n", r.out());
    }
}
