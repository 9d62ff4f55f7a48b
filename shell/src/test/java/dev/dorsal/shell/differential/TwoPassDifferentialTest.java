package dev.dorsal.shell.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code dorsal -2 -V} and {@code dorsal -2 -R FILTER -V} over every capture with a -V oracle and
 * compares them with tshark's (corpus/make_twopass_oracles.sh; a capture whose -2 tree equals its
 * single-pass one has no -2 oracle of its own). Gated where single-pass -V already agrees: a packet
 * whose single-pass tree equals tshark's must equal tshark's -2 tree too, unless tshark's second pass
 * changes that packet in a line Dorsal's -2 does not produce yet (anything but the {@link #PRODUCED}
 * lines). With -R, which renumbers, a capture whose single-pass -V agrees entirely and whose -2 changes
 * are all produced must agree entirely.
 */
class TwoPassDifferentialTest {
    /** tshark's read filter for the -R oracles (make_twopass_oracles.sh): drops the answers. */
    static final String READ_FILTER =
            "!(dns.flags.response == 1 || icmp.type == 0 || icmpv6.type == 129 || http.response)";

    /**
     * The lines tshark's second pass adds or changes that Dorsal's -2 produces: the start of the
     * protocol's top line, a bar, the start of the (stripped) line.
     */
    static final List<String> PRODUCED = List.of("Domain Name System|[Response In: ",
            "Internet Control Message Protocol|[Response frame: ", "Internet Control Message Protocol|[Response In: ",
            "Internet Control Message Protocol|[No response seen",
            "Internet Control Message Protocol|[Expert Info (Warning/Sequence): No response seen to ICMP",
            "Internet Control Message Protocol|[Severity level: Warning]",
            "Internet Control Message Protocol|[Group: Sequence]",
            "Transmission Control Protocol|[Conversation completeness: ", "Transmission Control Protocol|[iRTT: ",
            "Transmission Control Protocol|[Reassembled PDU in frame: ",
            "Hypertext Transfer Protocol|[HTTP request ", "Hypertext Transfer Protocol|[HTTP response ",
            "Hypertext Transfer Protocol|[Response in frame: ", "Hypertext Transfer Protocol|[Next request in frame: ",
            "Hypertext Transfer Protocol|[Next response in frame: ",
            "Transport Layer Security|[Reassembled PDU in frame: ",
            "Transport Layer Security|Reassembled Handshake Message in frame: ",
            "Transport Layer Security|TLSv", "Transport Layer Security|Random: ",
            "Transport Layer Security|GMT Unix Time: ", "Transport Layer Security|Random Bytes: ",
            "Internet Protocol Version 4|[Reassembled IPv4 in frame: ",
            "Internet Protocol Version 6|[Reassembled IPv6 in frame: ",
            "SSH Protocol|SSH Version 2", "SSH Protocol|Key Exchange (method:", "SSH Protocol|Key Exchange");

    /** Captures whose -2 summary is known to differ, with what Dorsal's -2 does not do (docs/compat.md). */
    static final Map<String, String> SUMMARY_GAPS = Map.of(
            "ppp/PacketExamples/TcpPacketWithOptions2.pcap",
            "window scale taken from a non-SYN segment's own option in tshark's second pass",
            "fuzz/tls_truncated_record.pcap", "TLS handshake records cut by the snapshot length",
            "fuzz/tls_truncated_sh_version.pcap", "TLS handshake records cut by the snapshot length",
            "fuzz/quic_crafted.pcap",
            "QUIC packets malformed in tshark's first pass, which its second pass reads otherwise (or asserts on)");

    private record Row(String capture, String run, int gated, TreeDiff.Counts counts) {}

    private static final List<Row> ROWS = Collections.synchronizedList(new ArrayList<>());

    /**
     * {@code dorsal -2} one-line summaries against tshark's, for every capture: gated on the captures
     * whose single-pass summary already agrees entirely, except the {@link #SUMMARY_GAPS}.
     */
    @TestFactory
    Stream<DynamicTest> twoPassSummariesMatchTshark() {
        return Corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> checkSummary(c)));
    }

    private static void checkSummary(CorpusCase c) {
        List<String> single = c.oracleLines("summary.txt");
        List<String> expected = c.oracle("2.summary.txt.gz") == null ? single : gunzip(c.oracle("2.summary.txt.gz"));
        List<String> args = new ArrayList<>(Cli.readArgs(c));
        boolean singleAgrees = single.equals(Cli.run(args).outLines()) && !SUMMARY_GAPS.containsKey(c.name());
        args.add("-2");
        List<String> actual = Cli.run(args).outLines();
        int equal = 0;
        String first = null;
        for (int i = 0; i < expected.size(); i++) {
            String a = i < actual.size() ? actual.get(i) : null;
            if (expected.get(i).equals(a)) {
                equal++;
            } else if (first == null) {
                first = "line " + (i + 1) + ": expected `" + expected.get(i) + "` got `" + a + "`";
            }
        }
        TreeDiff.Counts counts = new TreeDiff.Counts(equal, expected.size(), equal, expected.size(), first);
        ROWS.add(new Row(c.name(), "-2 summary", singleAgrees ? expected.size() : 0, counts));
        if (singleAgrees) {
            assertEquals(String.join("\n", expected), String.join("\n", actual), () -> c.name() + " -2");
        }
    }

    @TestFactory
    Stream<DynamicTest> twoPassTreesMatchTshark() {
        return Corpus.cases().stream().filter(c -> c.oracle("verbose.txt") != null)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(CorpusCase c) {
        List<List<String>> single = TreeDiff.verbosePackets(c.oracleLines("verbose.txt"));
        List<List<String>> twoPass = c.oracle("2.verbose.txt.gz") == null ? single
                : TreeDiff.verbosePackets(gunzip(c.oracle("2.verbose.txt.gz")));
        List<String> args = new ArrayList<>(Cli.readArgs(c));
        args.add("-V");
        List<List<String>> dorsalSingle = TreeDiff.verbosePackets(Cli.run(args).outLines());
        List<String> args2 = new ArrayList<>(args);
        args2.add("-2");
        List<List<String>> dorsalTwo = TreeDiff.verbosePackets(Cli.run(args2).outLines());

        int gated = 0;
        boolean allGated = true;
        for (int p = 0; p < twoPass.size(); p++) {
            boolean singleAgrees = p < single.size() && p < dorsalSingle.size()
                    && single.get(p).equals(dorsalSingle.get(p));
            if (!singleAgrees || !onlyProduced(single.get(p), twoPass.get(p))) {
                allGated = false;
                continue;
            }
            gated++;
            List<String> actual = p < dorsalTwo.size() ? dorsalTwo.get(p) : List.of();
            int frame = p + 1;
            assertEquals(String.join("\n", twoPass.get(p)), String.join("\n", actual),
                    () -> c.name() + " -2 -V: frame " + frame);
        }
        ROWS.add(new Row(c.name(), "-2", gated, TreeDiff.compare(twoPass, dorsalTwo)));

        Path withFilter = c.oracle("2R.verbose.txt.gz");
        if (withFilter == null) {
            return;
        }
        List<List<String>> expectedR = TreeDiff.verbosePackets(gunzip(withFilter));
        List<String> argsR = new ArrayList<>(args2);
        argsR.add("-R");
        argsR.add(READ_FILTER);
        List<List<String>> dorsalR = TreeDiff.verbosePackets(Cli.run(argsR).outLines());
        TreeDiff.Counts counts = TreeDiff.compare(expectedR, dorsalR);
        boolean gate = allGated && single.size() == dorsalSingle.size();
        ROWS.add(new Row(c.name(), "-2 -R", gate ? expectedR.size() : 0, counts));
        if (gate) {
            assertTrue(expectedR.equals(dorsalR), () -> c.name() + " -2 -R: " + counts.firstDifference());
        }
    }

    /** Whether every line in which {@code two} differs from {@code single} is one Dorsal produces. */
    static boolean onlyProduced(List<String> single, List<String> two) {
        Map<String, Integer> count = new HashMap<>();
        inProtocol(single).forEach(l -> count.merge(l, 1, Integer::sum));
        inProtocol(two).forEach(l -> count.merge(l, -1, Integer::sum));
        for (Map.Entry<String, Integer> e : count.entrySet()) {
            if (e.getValue() != 0 && PRODUCED.stream().noneMatch(s -> produces(s, e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code line} ("top line|stripped line") is the kind {@code produced} ("top start|line start") names. */
    private static boolean produces(String produced, String line) {
        int bar = produced.indexOf('|');
        int lineBar = line.indexOf('|');
        return line.startsWith(produced.substring(0, bar))
                && line.substring(lineBar + 1).startsWith(produced.substring(bar + 1));
    }

    /** Each line of a -V packet as "protocol top line|stripped line". */
    private static List<String> inProtocol(List<String> packet) {
        List<String> out = new ArrayList<>(packet.size());
        String top = "";
        for (String l : packet) {
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0))) {
                top = l;
            }
            out.add(top + "|" + l.strip());
        }
        return out;
    }

    private static List<String> gunzip(Path p) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void report() {
        List<Row> rows = new ArrayList<>(ROWS);
        rows.sort((a, b) -> (a.capture() + a.run()).compareTo(b.capture() + b.run()));
        StringBuilder sb = new StringBuilder("| capture | run | packets gated | packets equal | of | lines equal | of"
                + " | % | first difference |\n|---|---|---|---|---|---|---|---|---|\n");
        long[] sums = new long[5];
        for (Row r : rows) {
            TreeDiff.Counts c = r.counts();
            sums[0] += r.gated();
            sums[1] += c.packetsEqual();
            sums[2] += c.packets();
            sums[3] += c.linesEqual();
            sums[4] += c.lines();
            sb.append("| ").append(r.capture()).append(" | ").append(r.run()).append(" | ").append(r.gated())
                    .append(" | ").append(c.packetsEqual()).append(" | ").append(c.packets()).append(" | ")
                    .append(c.linesEqual()).append(" | ").append(c.lines()).append(" | ")
                    .append(Report.pct(c.linesEqual(), c.lines())).append(" | ")
                    .append(c.firstDifference() == null ? "" : SummaryDifferentialTest.escape(c.firstDifference()))
                    .append(" |\n");
        }
        Report.section("Two-pass details (tshark -2 -V, -2 -R)", "Packets equal: **" + sums[1] + " of " + sums[2]
                + "** (" + sums[0] + " gated); lines equal: **" + sums[3] + " of " + sums[4] + "** ("
                + Report.pct(sums[3], sums[4]) + ") over " + rows.size() + " runs. Lines Dorsal's -2 produces: "
                + PRODUCED + ".\n\n" + sb);
    }
}
