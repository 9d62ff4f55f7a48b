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
 * equal packets and lines. Report only for now, like the -V comparison.
 */
class JsonDifferentialTest {
    /** Share of JSON lines that must equal the oracle, for captures whose summary is in scope (report only for now). */
    static final double IN_SCOPE_MIN_AGREEMENT = 0.0;

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
        TreeDiff.Counts counts = TreeDiff.compare(expected, TreeDiff.jsonPackets(r.outLines()));
        ROWS.add(new Object[] {c.name(), inScope, counts});
        if (inScope) {
            assertTrue(counts.lines() == 0 || (double) counts.linesEqual() / counts.lines() >= IN_SCOPE_MIN_AGREEMENT,
                    () -> c.name() + ": " + counts.firstDifference());
        }
    }

    @AfterAll
    static void report() {
        Report.section("JSON (tshark -T json)", VerboseDifferentialTest.table(ROWS, IN_SCOPE_MIN_AGREEMENT));
    }
}
