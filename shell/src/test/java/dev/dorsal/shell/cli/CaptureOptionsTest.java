package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureFormat;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.shell.CliRun;
import dev.dorsal.shell.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture and save options: tshark's checks and messages (exit code 1 for option mistakes, 2 for
 * files that cannot be written), what -w writes from a file read, and the names of ring files.
 * Nothing here captures; the loopback tests do.
 */
class CaptureOptionsTest {
    @TempDir
    Path dir;

    private static String capture(String name) throws Exception {
        return Path.of(CaptureOptionsTest.class.getResource("/corpus/captures/" + name).toURI()).toString();
    }

    private static void usage(String expected, String... args) {
        CliRun r = CliRun.run(args);
        assertEquals("dorsal: " + expected + "\n", r.err(), String.join(" ", args));
        assertEquals(1, r.exit(), String.join(" ", args));
        assertEquals("", r.out());
    }

    @Test
    void optionValuesAreCheckedWithTsharksMessages() {
        usage("Invalid or unknown -a flag \"foo:3\"", "-i", "lo", "-a", "foo:3");
        usage("The specified autostop duration \"-1\" is a negative number", "-i", "lo", "-a", "duration:-1");
        usage("The specified autostop filesize \"x\" isn't a decimal number", "-i", "lo", "-w", "a", "-a", "filesize:x");
        usage("The specified autostop filesize is zero", "-i", "lo", "-w", "a", "-a", "filesize:0");
        usage("The specified autostop files \"x\" isn't a decimal number", "-i", "lo", "-a", "files:x");
        usage("The specified packet write count is zero", "-i", "lo", "-a", "packets:0");
        usage("The specified ring buffer filesize \"x\" isn't a decimal number", "-i", "lo", "-w", "a", "-b", "filesize:x");
        usage("The specified number of ring buffer files is zero", "-i", "lo", "-w", "a", "-b", "files:0");
        usage("The specified ring buffer duration \"-1\" is a negative number", "-i", "lo", "-w", "a", "-b", "duration:-1");
        usage("The specified ring buffer packet count \"x\" isn't a decimal number", "-i", "lo", "-w", "a", "-b", "packets:x");
        usage("The specified ring buffer interval \"x\" isn't a decimal number", "-i", "lo", "-w", "a", "-b", "interval:x");
        usage("The specified snapshot length \"-5\" is a negative number", "-i", "lo", "-s", "-5");
        usage("The specified snapshot length \"x\" isn't a decimal number", "-i", "lo", "-s", "x");
        usage("The specified buffer size is zero", "-i", "lo", "-B", "0");
        usage("The specified packet count \"x\" isn't a decimal number", "-i", "lo", "-c", "x");
    }

    @Test
    void optionsThatContradictEachOther() throws Exception {
        String file = capture("dns_udp.pcap");
        usage("Multiple capture files requested, but the capture isn't being saved to a file.", "-i", "lo", "-b", "files:3");
        usage("Multiple capture files requested, but no maximum capture file size, duration, interval or packets were"
                + " specified.", "-i", "lo", "-w", "a", "-b", "files:3");
        usage("Multiple capture files requested, but no maximum capture file size, duration, interval or packets were"
                + " specified.", "-i", "lo", "-w", "a", "-b", "foo:1");
        usage("Multiple capture files requested, but the capture is being written to the standard output.",
                "-i", "lo", "-w", "-", "-b", "filesize:10");
        usage("Maximum capture file size specified, but capture isn't being saved to a file.", "-i", "lo", "-a", "filesize:10");
        usage("A maximum capture time was specified, but a capture isn't being done.", "-r", file, "-a", "duration:1");
        usage("Multiple capture files requested, but a capture isn't being done.", "-r", file, "-w", "a", "-b", "filesize:1");
        usage("Only read filters, not capture filters, can be specified when reading a capture file.", "-r", file, "-f", "tcp");
        usage("You can't write both raw packet data and dissected packets to the standard output.",
                "-r", file, "-w", "-", "-P");
        usage("Dorsal captures on one interface at a time; 2 were given with -i.", "-i", "lo", "-i", "eth0");
    }

    @Test
    void unknownFileTypeListsTheOnesThereAre() throws Exception {
        CliRun r = CliRun.run("-r", capture("dns_udp.pcap"), "-w", dir.resolve("x").toString(), "-F", "foo");
        assertEquals(1, r.exit());
        assertEquals("""
                dorsal: "foo" isn't a valid capture file type
                dorsal: The available capture file types for the "-F" flag are:
                    pcap - Wireshark/tcpdump/... - pcap
                    pcapng - Wireshark/... - pcapng
                    nsecpcap - Wireshark/tcpdump/... - nanosecond pcap
                """, r.err());
    }

    @Test
    void filesThatCannotBeWrittenAreExitTwo() throws Exception {
        String file = capture("dns_udp.pcap");
        Path missing = dir.resolve("no/such/x.pcapng");
        CliRun r = CliRun.run("-r", file, "-w", missing.toString());
        assertEquals(2, r.exit());
        assertEquals("dorsal: The path to the file \"" + missing + "\" doesn't exist.\n", r.err());
        CliRun d = CliRun.run("-r", file, "-w", dir.toString());
        assertEquals(2, d.exit());
        assertEquals("dorsal: \"" + dir + "\" is a directory (folder), not a file.\n", d.err());
        Path ldap = Path.of(CaptureOptionsTest.class.getResource("/write/inputs/ldap.pcapng").toURI());
        CliRun pcap = CliRun.run("-r", ldap.toString(), "-F", "pcap", "-w", dir.resolve("l.pcap").toString());
        assertEquals(2, pcap.exit());
        assertEquals("dorsal: The capture file being read can't be written as a \"pcap\" file.\n", pcap.err());
    }

    @Test
    void writingPrintsOnlyWithPAndStopsWithAutostopPackets() throws Exception {
        Path out = dir.resolve("dns.pcap");
        CliRun r = CliRun.run("-r", capture("dns_udp.pcap"), "-Y", "dns.flags.response == 1", "-a", "packets:3", "-P",
                "-F", "pcap", "-w", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.out().lines().count(), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.contains("Standard query response")), r.out());
        try (CaptureReader reader = Captures.open(out)) {
            assertEquals(CaptureFormat.PCAP, reader.format());
            List<RawFrame> frames = new ArrayList<>();
            for (RawFrame f; (f = reader.next()) != null;) {
                frames.add(f);
            }
            assertEquals(3, frames.size());
        }
        CliRun quiet = CliRun.run("-r", capture("dns_udp.pcap"), "-w", dir.resolve("all.pcapng").toString());
        assertEquals("", quiet.out() + quiet.err(), "without -P nothing is printed");
        assertEquals(CaptureFormat.PCAPNG, Captures.open(dir.resolve("all.pcapng")).format());
    }

    @Test
    void writingToStdoutWritesTheFileThere() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"-r", capture("dns_udp.pcap"), "-c", "2", "-w", "-"}, new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true));
        assertEquals(0, rc);
        Path file = Files.write(dir.resolve("stdout.pcapng"), out.toByteArray());
        try (CaptureReader reader = Captures.open(file)) {
            assertEquals(CaptureFormat.PCAPNG, reader.format());
            int n = 0;
            while (reader.next() != null) {
                n++;
            }
            assertEquals(2, n);
        }
    }

    @Test
    void ringFilesAreNamedAsDumpcapNamesThem() {
        LocalDateTime t = LocalDateTime.of(2026, 11, 27, 9, 43, 57);
        assertEquals(Path.of("ring/r_00001_20261127094357.pcapng"), LiveSaver.ringPath(Path.of("ring/r.pcapng"), 1, t));
        assertEquals(Path.of("out_00012_20261127094357"), LiveSaver.ringPath(Path.of("out"), 12, t));
        assertEquals(Path.of("/tmp/a.b_00003_20261127094357.pcap"), LiveSaver.ringPath(Path.of("/tmp/a.b.pcap"), 3, t));
    }

    @Test
    void closingLinesReadAsTsharks() {
        assertEquals("1 packet captured", LiveRun.capturedLine(1));
        assertEquals("0 packets captured", LiveRun.capturedLine(0));
        assertEquals("12 packets captured", LiveRun.capturedLine(12));
        assertEquals("1 packet dropped from Loopback: lo", LiveRun.dropLine(1, "Loopback: lo"));
        assertEquals("4701 packets dropped from eth0", LiveRun.dropLine(4701, "eth0"));
    }
}
