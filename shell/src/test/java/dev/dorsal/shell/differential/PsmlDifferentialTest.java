package dev.dorsal.shell.differential;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares {@code dorsal -T psml} with tshark's, byte for byte, over every capture of the corpus and
 * the psml rows of {@code formats-combos.tsv}; byte-identical output is required wherever Dorsal's
 * default summary equals tshark's. Nothing in psml depends on the run, so nothing is masked.
 */
class PsmlDifferentialTest {
    private static final FormatDiff DIFF = new FormatDiff("psml", "summary.txt", s -> s);

    @TestFactory
    Stream<DynamicTest> psmlMatchesTshark() {
        return DIFF.tests();
    }

    @AfterAll
    static void report() {
        Report.section("PSML (tshark -T psml)", DIFF.report());
    }
}
