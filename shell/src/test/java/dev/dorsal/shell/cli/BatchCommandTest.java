package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.shell.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's handling of user mistakes and damaged files: tshark's messages and exit codes, no stack traces. */
class BatchCommandTest {
    private record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path capture(String name) throws Exception {
        return Path.of(BatchCommandTest.class.getResource("/corpus/captures/" + name).toURI());
    }

    @Test
    void missingFileIsExitTwoWithTsharksSentence() {
        Result r = run("-r", "/no/such/dir/x.pcap");
        assertEquals(2, r.exit());
        assertEquals("dorsal: The file \"/no/such/dir/x.pcap\" doesn't exist.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownFieldsAreListedAndExitOne() throws Exception {
        Result r = run("-r", capture("dns_udp.pcap").toString(), "-T", "fields", "-e", "no.such.field", "-e",
                "also.bogus");
        assertEquals(1, r.exit());
        // tshark lists the invalid fields last first.
        assertEquals("dorsal: Some fields aren't valid:\n\talso.bogus\n\tno.such.field\n", r.err());
    }

    @Test
    void fieldsOptionsNeedEachOther() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        Result noFormat = run("-r", file, "-e", "_ws.col.Info");
        assertEquals(1, noFormat.exit());
        assertTrue(noFormat.err().contains("Output fields were specified with \"-e\""), noFormat.err());
        Result noFields = run("-r", file, "-T", "fields");
        assertEquals(1, noFields.exit());
        assertEquals("dorsal: \"-Tfields\" was specified, but no fields were specified with \"-e\".\n", noFields.err());
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        Result e = run("-r", file, "-T", "fields", "-e", "_ws.col.Info", "-E", "escape=y");
        assertEquals(1, e.exit());
        assertTrue(e.err().startsWith("dorsal: \"escape\" is not a valid field output option=value pair.\n"
                + "TShark: The available options for field output \"E\" are:\n"), e.err());
        Result t = run("-r", file, "-T", "pdmlx");
        assertEquals(1, t.exit());
        assertTrue(t.err().startsWith("dorsal: Invalid -T parameter \"pdmlx\""), t.err());
        Result o = run("-r", file, "-o", "no.such.pref:1");
        assertEquals(1, o.exit());
        assertEquals("dorsal: -o flag \"no.such.pref:1\" specifies unknown preference\n", o.err());
        Result c = run("-r", file, "-c", "0");
        assertEquals(1, c.exit());
        assertEquals("dorsal: The specified packet count is zero\n", c.err());
        Result time = run("-r", file, "-t", "x");
        assertEquals(1, time.exit());
        assertTrue(time.err().startsWith("dorsal: Invalid time stamp type \"x\""), time.err());
        Result unknown = run("-r", file, "--frobnicate");
        assertEquals(1, unknown.exit());
        assertTrue(!unknown.err().contains("\tat "), unknown.err());
    }

    @Test
    void helpAndVersion() {
        Result h = run("-h");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("-r, --read-file"), h.out());
        Result v = run("-v");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("Dorsal "), v.out());
    }

    @Test
    void packetCountStopsAfterNPackets() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        List<String> all = run("-r", file).lines();
        Result three = run("-r", file, "-c", "3");
        assertEquals(0, three.exit());
        assertEquals(all.subList(0, 3), three.lines());
    }

    @Test
    void columnPseudoFieldsQuotedWithHeader() throws Exception {
        Path file = capture("dns_udp.pcap");
        List<String> oracle = Files.readAllLines(Path.of(BatchCommandTest.class
                .getResource("/corpus/oracle/captures/dns_udp.pcap.fields.tsv").toURI()));
        Result r = run("-r", file.toString(), "-T", "fields", "-E", "header=y", "-E", "separator=,", "-E", "quote=d",
                "-e", "_ws.col.No.", "-e", "_ws.col.Length");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertEquals("_ws.col.No.,_ws.col.Length", lines.get(0));
        assertEquals(oracle.size(), lines.size());
        for (int i = 1; i < oracle.size(); i++) {
            String[] cols = oracle.get(i).split("\t", -1);
            // frame.number and frame.len are the first two oracle columns.
            assertEquals("\"" + cols[0] + "\",\"" + cols[1] + "\"", lines.get(i));
        }
    }

    @Test
    void truncatedFilePrintsEveryIntactPacketThenTheError(@TempDir Path dir) throws Exception {
        Path file = capture("dns_udp.pcap");
        long cut;
        try (CaptureReader reader = Captures.open(file)) {
            RawFrame f = null;
            for (int i = 0; i < 5; i++) {
                f = reader.next();
            }
            cut = f.fileOffset() + 20; // inside the fifth record
        }
        byte[] bytes = Files.readAllBytes(file);
        Path cutFile = dir.resolve("cut.pcap");
        Files.write(cutFile, Arrays.copyOf(bytes, (int) cut));
        List<String> full = run("-r", file.toString()).lines();
        Result r = run("-r", cutFile.toString());
        assertEquals(2, r.exit());
        assertEquals(full.subList(0, 4), r.lines());
        assertEquals("dorsal: The file \"" + cutFile + "\" appears to have been cut short in the middle of a packet.\n",
                r.err());
    }

    @Test
    void displayFilterKeepsMatchingPacketsOnly() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        List<String> all = run("-r", file).lines();
        Result r = run("-r", file, "-Y", "frame.number == 2 || frame.number == 4");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(all.get(1), all.get(3)), r.lines());
    }

    @Test
    void badDisplayFilterIsExitTwoWithTheCompilersMessage() throws Exception {
        Result r = run("-r", capture("dns_udp.pcap").toString(), "-Y", "frame.number ==");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("dorsal: "), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void onlyProtocolsExpandsThoseAndKeepsTheTopLineOfTheOthers() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        List<String> verbose = run("-r", file, "-V", "-c", "1").lines();
        // Expected from the full tree: every top-level line, and the Ethernet subtree under its own.
        List<String> expected = new java.util.ArrayList<>();
        boolean inEth = false;
        for (String l : verbose) {
            if (!l.startsWith(" ") && !l.isEmpty()) {
                inEth = l.startsWith("Ethernet II");
                expected.add(l);
            } else if (inEth) {
                expected.add(l);
            }
        }
        Result r = run("-r", file, "-O", "eth", "-c", "1");
        assertEquals(0, r.exit(), r.err());
        assertEquals(expected, r.lines());
    }

    @Test
    void hexDumpShowsTheFrameBytes() throws Exception {
        Path file = capture("dns_udp.pcap");
        byte[] frame;
        try (CaptureReader reader = Captures.open(file)) {
            frame = reader.next().data();
        }
        Result r = run("-r", file.toString(), "-x", "-c", "1");
        assertEquals(0, r.exit(), r.err());
        StringBuilder hex = new StringBuilder();
        for (String line : r.lines()) {
            assertTrue(line.matches("[0-9a-f]{4}  .*"), line);
            hex.append(line.substring(6, 6 + 48).replace(" ", ""));
        }
        assertEquals(java.util.HexFormat.of().formatHex(frame), hex.toString());
        assertTrue(r.out().endsWith("\n\n"), "a blank line ends the packet");
    }

    @Test
    void statisticsPrintAfterThePacketsInReverseOrder() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        Result conv = run("-r", file, "-q", "-z", "conv,udp");
        Result phs = run("-r", file, "-q", "-z", "io,phs");
        Result both = run("-r", file, "-q", "-z", "conv,udp", "-z", "io,phs");
        assertEquals(0, both.exit(), both.err());
        assertTrue(!conv.out().isEmpty() && !phs.out().isEmpty());
        assertEquals(phs.out() + conv.out(), both.out());
        Result withPackets = run("-r", file, "-z", "conv,udp");
        assertEquals(run("-r", file).out() + conv.out(), withPackets.out());
    }

    @Test
    void unknownStatisticIsAUsageError() throws Exception {
        Result r = run("-r", capture("dns_udp.pcap").toString(), "-z", "bogus,stat");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("dorsal: Invalid -z argument \"bogus,stat\""), r.err());
    }
}
