package dev.dorsal.shell.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code dorsal -r FILE} over every corpus capture and compares each line with tshark's
 * default output ({@code *.summary.txt}). Captures whose every packet is in {@link Scope} must agree
 * completely; the others are only reported.
 */
class SummaryDifferentialTest {
    /** Share of summary lines that must equal the oracle, for captures entirely in scope. */
    static final double IN_SCOPE_MIN_AGREEMENT = 1.0;

    private record Row(String capture, boolean inScope, int equal, int total, int scopedEqual, int scoped,
            int dissectedEqual, int dissected,
            String firstDifference) {}

    private static final List<Row> ROWS = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    Stream<DynamicTest> summaryLinesMatchTshark() {
        return Corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(CorpusCase c) {
        List<String> expected = c.oracleLines("summary.txt");
        boolean inScope = Scope.summaryInScope(c);
        Cli.Result r;
        try {
            r = Cli.run(Cli.readArgs(c));
        } catch (RuntimeException e) {
            ROWS.add(new Row(c.name(), inScope, 0, expected.size(), 0, 0, 0, 0, "exception: " + e));
            if (inScope) {
                throw e;
            }
            return;
        }
        List<String> actual = r.outLines();
        List<String> protocols = protocolColumn(c);
        int equal = 0;
        int scopedEqual = 0;
        int scoped = 0;
        String first = null;
        String firstDissected = null;
        int dissected = 0;
        int dissectedEqual = 0;
        List<Boolean> dissectedLayers = Scope.packetsOnDissectedLayers(c,
                dev.dorsal.shell.cli.SharedRegistry.get().fields().protocols().keySet());
        for (int i = 0; i < expected.size(); i++) {
            String a = i < actual.size() ? actual.get(i) : null;
            boolean lineInScope = i < protocols.size() && Scope.SUMMARY_PROTOCOLS.contains(protocols.get(i));
            if (i < protocols.size() && Scope.dissectedColumn(protocols.get(i))
                    && i < dissectedLayers.size() && dissectedLayers.get(i)
                    && !Scope.IMAGE_INFO.matcher(expected.get(i)).matches()
                    && !TreeDiff.NOT_DISSECTED.containsKey(c.name() + "#" + (i + 1))) {
                dissected++;
                if (expected.get(i).equals(a)) {
                    dissectedEqual++;
                } else if (firstDissected == null) {
                    firstDissected = "line " + (i + 1) + ": expected `" + expected.get(i) + "` got `" + a + "`";
                }
            }
            if (lineInScope) {
                scoped++;
            }
            if (expected.get(i).equals(a)) {
                equal++;
                if (lineInScope) {
                    scopedEqual++;
                }
            } else if (first == null) {
                first = "line " + (i + 1) + ": expected `" + expected.get(i) + "` got `" + a + "`";
            }
        }
        if (first == null && actual.size() > expected.size()) {
            first = "extra line " + (expected.size() + 1) + ": `" + actual.get(expected.size()) + "`";
        }
        if (first == null && r.exitCode() != 0) {
            first = "exit code " + r.exitCode() + ": " + r.err().strip();
        }
        ROWS.add(new Row(c.name(), inScope, equal, expected.size(), scopedEqual, scoped, dissectedEqual, dissected,
                first));
        String dissectedDifference = firstDissected;
        assertTrue(dissectedDifference == null, () -> c.name() + ": " + dissectedDifference);
        if (inScope) {
            assertEquals(0, r.exitCode(), () -> c.name() + ": " + r.err());
            assertTrue(expected.isEmpty() || (double) equal / expected.size() >= IN_SCOPE_MIN_AGREEMENT
                    && actual.size() == expected.size(), c.name() + " " + first);
        }
    }

    /** The oracle's Protocol column per packet (from fields.tsv), empty when there is no table. */
    private static List<String> protocolColumn(CorpusCase c) {
        List<String> fields = c.oracleLines("fields.tsv");
        List<String> out = new ArrayList<>();
        if (fields == null || fields.isEmpty()) {
            return out;
        }
        int col = List.of(fields.get(0).split("\t", -1)).indexOf("_ws.col.Protocol");
        for (String row : fields.subList(1, fields.size())) {
            String[] cols = row.split("\t", -1);
            out.add(col >= 0 && col < cols.length ? cols[col] : "");
        }
        return out;
    }

    @AfterAll
    static void report() {
        List<Row> rows = new ArrayList<>(ROWS);
        rows.sort((a, b) -> a.capture().compareTo(b.capture()));
        long eq = 0;
        long total = 0;
        long eqIn = 0;
        long totalIn = 0;
        int capturesIn = 0;
        long scopedEq = 0;
        long scoped = 0;
        long dissectedEq = 0;
        long dissected = 0;
        StringBuilder table = new StringBuilder("| capture | in scope | lines equal | of | % | first difference |\n"
                + "|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            eq += r.equal();
            total += r.total();
            scopedEq += r.scopedEqual();
            scoped += r.scoped();
            dissectedEq += r.dissectedEqual();
            dissected += r.dissected();
            if (r.inScope()) {
                eqIn += r.equal();
                totalIn += r.total();
                capturesIn++;
            }
            table.append("| ").append(r.capture()).append(" | ").append(r.inScope() ? "yes" : "no").append(" | ")
                    .append(r.equal()).append(" | ").append(r.total()).append(" | ").append(Report.pct(r.equal(), r.total()))
                    .append(" | ").append(r.firstDifference() == null ? "" : escape(r.firstDifference())).append(" |\n");
        }
        String head = "Summary lines equal: **" + eq + " of " + total + "** (" + Report.pct(eq, total) + ") over "
                + rows.size() + " captures; in scope (" + capturesIn + " captures, gate "
                + (int) (IN_SCOPE_MIN_AGREEMENT * 100) + "%): **" + eqIn + " of " + totalIn + "** ("
                + Report.pct(eqIn, totalIn) + "). Lines whose Protocol column is in scope ("
                + String.join(", ", new java.util.TreeSet<>(Scope.SUMMARY_PROTOCOLS)) + ") in any capture: **"
                + scopedEq + " of " + scoped + "** (" + Report.pct(scopedEq, scoped) + "). Gated, every line of a protocol "
                + "Dorsal dissects carried by layers it dissects (" + String.join(", ",
                        new java.util.TreeSet<>(Scope.DISSECTED_COLUMNS)) + "): **" + dissectedEq + " of " + dissected
                + "** (" + Report.pct(dissectedEq, dissected) + ").\n\n";
        Report.section("Summary (tshark -r FILE)", head + table);
    }

    static String escape(String s) {
        String t = s.replace("|", "\\|");
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
