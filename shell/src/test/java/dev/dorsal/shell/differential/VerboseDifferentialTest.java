package dev.dorsal.shell.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code dorsal -V} over every capture that has a -V oracle (tshark made one for captures with
 * fewer than 100 packets) and counts equal packets and lines. Gated: every packet whose layers
 * ("Protocols in frame") Dorsal all dissects must equal tshark's tree line for line, and so must the
 * whole output of captures whose summary is in scope; the rest (layers with no dissector here) is
 * counted in the report.
 */
class VerboseDifferentialTest {
    /** Share of -V lines that must equal the oracle, for captures whose summary is in scope. */
    static final double IN_SCOPE_MIN_AGREEMENT = 1.0;

    private record Row(String capture, boolean inScope, TreeDiff.Counts counts) {}

    private static final List<Row> ROWS = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    Stream<DynamicTest> detailTreesMatchTshark() {
        return Corpus.cases().stream().filter(c -> c.oracle("verbose.txt") != null)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(CorpusCase c) {
        List<List<String>> expected = TreeDiff.verbosePackets(c.oracleLines("verbose.txt"));
        boolean inScope = Scope.summaryInScope(c);
        List<String> args = new ArrayList<>(Cli.readArgs(c));
        args.add("-V");
        List<List<String>> actual;
        try {
            actual = TreeDiff.verbosePackets(Cli.run(args).outLines());
        } catch (RuntimeException e) {
            ROWS.add(new Row(c.name(), inScope, new TreeDiff.Counts(0, expected.size(), 0, 0, "exception: " + e)));
            throw e;
        }
        TreeDiff.Counts counts = TreeDiff.compare(expected, actual);
        ROWS.add(new Row(c.name(), inScope, counts));
        if (inScope) {
            assertTrue(counts.lines() == 0 || (double) counts.linesEqual() / counts.lines() >= IN_SCOPE_MIN_AGREEMENT,
                    () -> c.name() + ": " + counts.firstDifference());
        }
        String unequal = TreeDiff.firstUnequalDissectedPacket(c.name(), expected, actual);
        assertTrue(unequal == null, () -> c.name() + ": " + unequal);
    }

    @AfterAll
    static void report() {
        Report.section("Details (tshark -V)", table(ROWS, IN_SCOPE_MIN_AGREEMENT));
    }

    static String table(List<? extends Object> rows, double gate) {
        List<Object[]> r = new ArrayList<>();
        for (Object o : rows) {
            if (o instanceof Row row) {
                r.add(new Object[] {row.capture(), row.inScope(), row.counts()});
            } else if (o instanceof Object[] a) {
                r.add(a);
            }
        }
        r.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
        long pe = 0;
        long pt = 0;
        long le = 0;
        long lt = 0;
        StringBuilder sb = new StringBuilder("| capture | summary in scope | packets equal | of | lines equal | of | % | first difference |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Object[] a : r) {
            TreeDiff.Counts c = (TreeDiff.Counts) a[2];
            pe += c.packetsEqual();
            pt += c.packets();
            le += c.linesEqual();
            lt += c.lines();
            sb.append("| ").append(a[0]).append(" | ").append((Boolean) a[1] ? "yes" : "no").append(" | ")
                    .append(c.packetsEqual()).append(" | ").append(c.packets()).append(" | ").append(c.linesEqual())
                    .append(" | ").append(c.lines()).append(" | ").append(Report.pct(c.linesEqual(), c.lines()))
                    .append(" | ").append(c.firstDifference() == null ? "" : SummaryDifferentialTest.escape(c.firstDifference()))
                    .append(" |\n");
        }
        return "Gated, packets whose layers Dorsal all dissects: **" + TreeDiff.DISSECTED_EQUAL.get() + " of "
                + TreeDiff.DISSECTED.get() + "** equal. Packets equal: **" + pe + " of " + pt + "**; lines equal: **" + le + " of " + lt + "** ("
                + Report.pct(le, lt) + ") over " + r.size() + " captures (gate "
                + (int) (gate * 100) + "% on in-scope captures).\n\n" + sb;
    }
}
