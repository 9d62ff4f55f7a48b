package dev.dorsal.dissectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldsFormatter;
import dev.dorsal.engine.output.FieldsOptions;
import dev.dorsal.engine.output.SummaryFormatter;
import dev.dorsal.engine.output.TextTreeFormatter;
import dev.dorsal.engine.output.TimeFormat;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The desegmentation contract, with a length-prefixed test protocol (DLPP, port 60000): tshark
 * 4.0.17 running the same protocol in Lua gives the expected frames, and in-memory streams split at
 * every point, or with segments sent twice, must deliver exactly the PDUs that were sent.
 */
class TcpReassemblyTest {
    /** The messages of make_oracle's DLPP probes (probes.py write_dlpp). */
    private static final List<byte[]> MESSAGES = List.of(fill('A', 5), fill('B', 300), fill('C', 1), new byte[0],
            fill('D', 40), fill('E', 7), fill('F', 2), fill('G', 1200));

    private static byte[] fill(char c, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : MESSAGES) {
            out.write(m.length >> 8);
            out.write(m.length);
            out.writeBytes(m);
        }
        return out.toByteArray();
    }

    @Test
    void dlppCapturesEqualTshark() {
        OracleCaptures.Agreement agreement = new OracleCaptures.Agreement();
        for (String capture : OracleCaptures.probes(true)) {
            Registry registry = OracleCaptures.lower(true);
            List<String> summary = OracleCaptures.lines("probes/dlpp/" + capture + ".summary.txt.gz");
            List<String> tsv = OracleCaptures.lines("probes/dlpp/" + capture + ".tsv.gz");
            List<String> verbose = OracleCaptures.lines("probes/dlpp/" + capture + ".verbose.gz");
            assertNotNull(summary, capture);
            List<String> header = Arrays.asList(tsv.get(0).split("\t", -1));
            SummaryFormatter lines = new SummaryFormatter(TimeFormat.of("r"));
            FieldsFormatter fields = new FieldsFormatter(header, FieldsOptions.DEFAULT, TimeFormat.of("r"));
            TextTreeFormatter text = new TextTreeFormatter();
            List<String> ourSummary = new ArrayList<>();
            List<String> ourFields = new ArrayList<>();
            List<String> ourVerbose = new ArrayList<>();
            OracleCaptures.dissect(registry, "probes/" + capture, DissectionOptions.FULL, p -> {
                StringBuilder sb = new StringBuilder();
                lines.line(p, sb);
                ourSummary.add(sb.toString());
                sb.setLength(0);
                text.packet(p, sb);
                ourVerbose.addAll(Arrays.asList(sb.toString().split("\n", -1)));
            });
            // -T fields runs without the detailed tree, as tshark's does (the two differ for overlapping segments).
            BitSet interest = new BitSet();
            for (String f : header) {
                for (FieldDef d : registry.fields().lookup(f)) {
                    interest.set(d.id());
                }
            }
            OracleCaptures.dissect(registry, "probes/" + capture, new DissectionOptions(false, interest, true), p -> {
                StringBuilder sb = new StringBuilder();
                fields.packet(p, sb);
                ourFields.add(sb.substring(0, sb.length() - 1));
            });
            for (int i = 0; i < summary.size(); i++) {
                String a = i < ourSummary.size() ? ourSummary.get(i) : "<none>";
                agreement.count("summary line", summary.get(i).equals(a), capture + " #" + (i + 1) + ": tshark ["
                        + summary.get(i) + "] dorsal [" + a + "]");
            }
            for (int i = 1; i < tsv.size(); i++) {
                String[] e = tsv.get(i).split("\t", -1);
                String[] a = i - 1 < ourFields.size() ? ourFields.get(i - 1).split("\t", -1) : new String[0];
                for (int c = 1; c < header.size(); c++) {
                    String ev = c < e.length ? e[c] : "";
                    String av = c < a.length ? a[c] : "<none>";
                    agreement.count(header.get(c), ev.equals(av), capture + " #" + i + " " + header.get(c) + ": tshark ["
                            + ev + "] dorsal [" + av + "]");
                }
            }
            List<List<String>> e = OracleComparisons.byFrame(reassemblyLines(verbose));
            List<List<String>> a = OracleComparisons.byFrame(reassemblyLines(ourVerbose));
            for (int f = 0; f < e.size(); f++) {
                List<String> ef = e.get(f);
                List<String> af = f < a.size() ? a.get(f) : List.of();
                for (int i = 0; i < Math.max(ef.size(), af.size()); i++) {
                    String el = i < ef.size() ? ef.get(i) : "<none>";
                    String al = i < af.size() ? af.get(i) : "<none>";
                    agreement.count("-V line (protocols, TCP, segments, errors, DLPP)", el.equals(al), capture + " frame " + (f + 1)
                            + " line " + i + ": tshark [" + el + "] dorsal [" + al + "]");
                }
            }
        }
        System.out.println(agreement.report("DLPP reassembly probes against tshark + dlpp.lua (equal / total):"));
        assertEquals(0, agreement.mismatches(), agreement.report("differences"));
    }

    /**
     * The frame's protocol list, the lines of the TCP subtree, the reassembled-segments tree, the DLPP/DLPQ trees
     * and any reassembly error of a -V text, per frame.
     */
    private static List<String> reassemblyLines(List<String> verbose) {
        List<String> out = new ArrayList<>();
        boolean keep = false;
        for (String line : verbose) {
            if (line.startsWith("Frame ")) {
                out.add(line.substring(0, line.indexOf(':')));
                keep = false;
            } else if (!line.startsWith(" ") && !line.isEmpty()) {
                keep = line.startsWith("Transmission Control Protocol") || line.startsWith("Dorsal Length Prefix")
                        || line.matches("\\[\\d+ Reassembled TCP Segments.*") || line.startsWith("[Reassembly error");
                if (keep) {
                    out.add(line);
                }
            } else if ((keep && !line.isEmpty()) || line.startsWith("    [Protocols in frame: ")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void everySplitPointDeliversTheSamePdus() {
        byte[] stream = stream();
        for (int cut = 1; cut < stream.length; cut++) {
            assertPdus(List.of(Arrays.copyOfRange(stream, 0, cut), Arrays.copyOfRange(stream, cut, stream.length)),
                    "split at " + cut);
        }
    }

    @Test
    void everySegmentSizeDeliversTheSamePdus() {
        byte[] stream = stream();
        for (int size = 1; size <= 40; size++) {
            List<byte[]> segments = new ArrayList<>();
            for (int off = 0; off < stream.length; off += size) {
                segments.add(Arrays.copyOfRange(stream, off, Math.min(stream.length, off + size)));
            }
            assertPdus(segments, "segments of " + size);
        }
    }

    @Test
    void segmentsSentTwiceDeliverTheSamePdus() {
        byte[] stream = stream();
        Random random = new Random(11);
        for (int run = 0; run < 50; run++) {
            List<Integer> cuts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                cuts.add(1 + random.nextInt(stream.length - 1));
            }
            cuts.add(stream.length);
            cuts = cuts.stream().distinct().sorted().toList();
            TestSegments t = handshake();
            int prev = 0;
            for (int c : cuts) {
                byte[] part = Arrays.copyOfRange(stream, prev, c);
                t.add(false, 40000, 60000, 1001 + prev, 5001, TestSegments.PSH | TestSegments.ACK, part);
                if (random.nextInt(3) == 0) {
                    t.add(false, 40000, 60000, 1001 + prev, 5001, TestSegments.PSH | TestSegments.ACK, part);
                }
                prev = c;
            }
            assertEquals(hex(MESSAGES), hex(run(t.frames())), "run " + run + " cuts " + cuts);
        }
    }

    private static TestSegments handshake() {
        return new TestSegments().add(false, 40000, 60000, 1000, 0, TestSegments.SYN, new byte[0])
                .add(true, 60000, 40000, 5000, 1001, TestSegments.SYN | TestSegments.ACK, new byte[0])
                .add(false, 40000, 60000, 1001, 5001, TestSegments.ACK, new byte[0]);
    }

    private static void assertPdus(List<byte[]> segments, String what) {
        TestSegments t = handshake();
        int seq = 1001;
        for (byte[] s : segments) {
            t.add(false, 40000, 60000, seq, 5001, TestSegments.PSH | TestSegments.ACK, s);
            seq += s.length;
        }
        assertEquals(hex(MESSAGES), hex(run(t.frames())), what);
    }

    private static List<byte[]> run(List<RawFrame> frames) {
        DlppTestDissector dlpp = OracleCaptures.DLPP;
        Dissection d = new Dissection(OracleCaptures.lower(true));
        for (RawFrame f : frames) {
            DissectedPacket p = d.dissect(f, DissectionOptions.SUMMARY);
            assertEquals(0, d.bugCount(), () -> "dissector bug: " + d.bugReports() + " in frame " + p.frame().number());
        }
        return List.copyOf(dlpp.pdus);
    }

    private static List<String> hex(List<byte[]> pdus) {
        return pdus.stream().map(HexFormat.of()::formatHex).toList();
    }
}
