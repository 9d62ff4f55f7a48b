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
 * Runs {@code dorsal -T json} over the captures whose JSON oracle is in the test corpus and counts
 * equal packets and lines. Gated like the -V comparison: every packet whose layers Dorsal all dissects
 * must equal tshark's, line for line.
 */
class JsonDifferentialTest {
    /** Share of JSON lines that must equal the oracle, for captures whose summary is in scope. */
    static final double IN_SCOPE_MIN_AGREEMENT = 1.0;

    private static final List<Object[]> ROWS = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    Stream<DynamicTest> jsonMatchesTshark() {
        return Corpus.cases().stream().filter(c -> c.oracle("json") != null)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(CorpusCase c) {
        List<List<String>> expected = TreeDiff.jsonPackets(c.oracleLines("json"));
        boolean inScope = Scope.summaryInScope(c);
        List<String> args = new ArrayList<>(Cli.readArgs(c));
        args.add("-T");
        args.add("json");
        Cli.Result r = Cli.run(args);
        List<List<String>> actual = TreeDiff.jsonPackets(r.outLines());
        TreeDiff.Counts counts = TreeDiff.compare(expected, actual);
        ROWS.add(new Object[] {c.name(), inScope, counts});
        if (inScope) {
            assertTrue(counts.lines() == 0 || (double) counts.linesEqual() / counts.lines() >= IN_SCOPE_MIN_AGREEMENT,
                    () -> c.name() + ": " + counts.firstDifference());
        }
        String unequal = TreeDiff.firstUnequalDissectedPacket(c.name(), expected, actual);
        assertTrue(unequal == null, () -> c.name() + ": " + unequal);
    }

    @AfterAll
    static void report() {
        Report.section("JSON (tshark -T json)", VerboseDifferentialTest.table(ROWS, IN_SCOPE_MIN_AGREEMENT));
    }
}
