package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.shell.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's handling of user mistakes and damaged files: tshark's messages and exit codes, no stack traces. */
class BatchCommandTest {
    private static Path capture(String name) throws Exception {
        return Path.of(BatchCommandTest.class.getResource("/corpus/captures/" + name).toURI());
    }

    @Test
    void missingFileIsExitTwoWithTsharksSentence() {
        CliRun r = CliRun.run("-r", "/no/such/dir/x.pcap");
        assertEquals(2, r.exit());
        assertEquals("dorsal: The file \"/no/such/dir/x.pcap\" doesn't exist.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownFieldsAreListedAndExitOne() throws Exception {
        CliRun r = CliRun.run("-r", capture("dns_udp.pcap").toString(), "-T", "fields", "-e", "no.such.field", "-e",
                "also.bogus");
        assertEquals(1, r.exit());
        // tshark lists the invalid fields last first.
        assertEquals("dorsal: Some fields aren't valid:\n\talso.bogus\n\tno.such.field\n", r.err());
    }

    @Test
    void fieldsOptionsNeedEachOther() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        CliRun noFormat = CliRun.run("-r", file, "-e", "_ws.col.Info");
        assertEquals(1, noFormat.exit());
        assertTrue(noFormat.err().contains("Output fields were specified with \"-e\""), noFormat.err());
        CliRun noFields = CliRun.run("-r", file, "-T", "fields");
        assertEquals(1, noFields.exit());
        assertEquals("dorsal: \"-Tfields\" was specified, but no fields were specified with \"-e\".\n", noFields.err());
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        CliRun e = CliRun.run("-r", file, "-T", "fields", "-e", "_ws.col.Info", "-E", "escape=y");
        assertEquals(1, e.exit());
        assertTrue(e.err().startsWith("dorsal: \"escape\" is not a valid field output option=value pair.\n"
                + "TShark: The available options for field output \"E\" are:\n"), e.err());
        CliRun t = CliRun.run("-r", file, "-T", "pdmlx");
        assertEquals(1, t.exit());
        assertTrue(t.err().startsWith("dorsal: Invalid -T parameter \"pdmlx\""), t.err());
        assertTrue(t.err().contains("\t\"psml\"    Packet Summary Markup Language") && t.err().contains("\t\"tabs\""), t.err());
        CliRun hex = CliRun.run("-r", file, "-T", "psml", "-x");
        assertEquals(1, hex.exit());
        assertEquals("dorsal: Raw packet hex data can only be printed as text, PostScript, JSON, JSONRAW or EK JSON\n",
                hex.err());
        CliRun pdmlHex = CliRun.run("-r", file, "-T", "pdml", "-x");
        assertEquals(1, pdmlHex.exit());
        assertTrue(pdmlHex.err().contains("Raw packet hex data can only be printed"), pdmlHex.err());
        CliRun jsonraw = CliRun.run("-r", file, "-T", "jsonraw");
        assertEquals(1, jsonraw.exit(), "jsonraw is not written yet: the -T error must refuse it");
        assertTrue(jsonraw.err().contains("\t\"ek\"      Packet Details") && !jsonraw.err().contains("\t\"jsonraw\""),
                jsonraw.err());
        CliRun tabsFields = CliRun.run("-r", file, "-T", "tabs", "-e", "frame.number");
        assertEquals(1, tabsFields.exit());
        assertTrue(tabsFields.err().contains("Output fields were specified with \"-e\""), tabsFields.err());
        CliRun o = CliRun.run("-r", file, "-o", "no.such.pref:1");
        assertEquals(1, o.exit());
        assertEquals("dorsal: -o flag \"no.such.pref:1\" specifies unknown preference\n", o.err());
        CliRun c = CliRun.run("-r", file, "-c", "0");
        assertEquals(1, c.exit());
        assertEquals("dorsal: The specified packet count is zero\n", c.err());
        CliRun time = CliRun.run("-r", file, "-t", "x");
        assertEquals(1, time.exit());
        assertTrue(time.err().startsWith("dorsal: Invalid time stamp type \"x\""), time.err());
        CliRun unknown = CliRun.run("-r", file, "--frobnicate");
        assertEquals(1, unknown.exit());
        assertTrue(!unknown.err().contains("\tat "), unknown.err());
    }

    @Test
    void helpAndVersion() {
        CliRun h = CliRun.run("-h");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("-r, --read-file"), h.out());
        CliRun v = CliRun.run("-v");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("Dorsal "), v.out());
    }

    @Test
    void packetCountStopsAfterNPackets() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        List<String> all = CliRun.run("-r", file).lines();
        CliRun three = CliRun.run("-r", file, "-c", "3");
        assertEquals(0, three.exit());
        assertEquals(all.subList(0, 3), three.lines());
    }

    @Test
    void columnPseudoFieldsQuotedWithHeader() throws Exception {
        Path file = capture("dns_udp.pcap");
        List<String> oracle = Files.readAllLines(Path.of(BatchCommandTest.class
                .getResource("/corpus/oracle/captures/dns_udp.pcap.fields.tsv").toURI()));
        CliRun r = CliRun.run("-r", file.toString(), "-T", "fields", "-E", "header=y", "-E", "separator=,", "-E", "quote=d",
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
        List<String> full = CliRun.run("-r", file.toString()).lines();
        CliRun r = CliRun.run("-r", cutFile.toString());
        assertEquals(2, r.exit());
        assertEquals(full.subList(0, 4), r.lines());
        assertEquals("dorsal: The file \"" + cutFile + "\" appears to have been cut short in the middle of a packet.\n",
                r.err());
    }

    @Test
    void displayFilterKeepsMatchingPacketsOnly() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        List<String> all = CliRun.run("-r", file).lines();
        CliRun r = CliRun.run("-r", file, "-Y", "frame.number == 2 || frame.number == 4");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(all.get(1), all.get(3)), r.lines());
    }

    @Test
    void argumentsAfterTheOptionsAreTheDisplayFilterWhenReading() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        List<String> all = CliRun.run("-r", file).lines();
        CliRun r = CliRun.run("-r", file, "frame.number", "==", "2", "||", "frame.number == 4");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(all.get(1), all.get(3)), r.lines());
        CliRun both = CliRun.run("-r", file, "-Y", "dns", "udp");
        assertEquals(1, both.exit());
        assertEquals("dorsal: Display filters were specified both with \"-Y\" and with additional command-line "
                + "arguments.\n", both.err());
        assertEquals("", both.out());
    }

    @Test
    void badDisplayFilterIsExitTwoWithTheCompilersMessage() throws Exception {
        CliRun r = CliRun.run("-r", capture("dns_udp.pcap").toString(), "-Y", "frame.number ==");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("dorsal: "), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void onlyProtocolsExpandsThoseAndKeepsTheTopLineOfTheOthers() throws Exception {
        String file = capture("dns_udp.pcap").toString();
        List<String> verbose = CliRun.run("-r", file, "-V", "-c", "1").lines();
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
        CliRun r = CliRun.run("-r", file, "-O", "eth", "-c", "1");
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
        CliRun r = CliRun.run("-r", file.toString(), "-x", "-c", "1");
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
        CliRun conv = CliRun.run("-r", file, "-q", "-z", "conv,udp");
        CliRun phs = CliRun.run("-r", file, "-q", "-z", "io,phs");
        CliRun both = CliRun.run("-r", file, "-q", "-z", "conv,udp", "-z", "io,phs");
        assertEquals(0, both.exit(), both.err());
        assertTrue(!conv.out().isEmpty() && !phs.out().isEmpty());
        assertEquals(phs.out() + conv.out(), both.out());
        CliRun withPackets = CliRun.run("-r", file, "-z", "conv,udp");
        assertEquals(CliRun.run("-r", file).out() + conv.out(), withPackets.out());
    }

    @Test
    void unknownStatisticIsAUsageError() throws Exception {
        CliRun r = CliRun.run("-r", capture("dns_udp.pcap").toString(), "-z", "bogus,stat");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("dorsal: Invalid -z argument \"bogus,stat\""), r.err());
    }
}
