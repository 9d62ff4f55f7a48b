package dev.dorsal.shell.differential;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares {@code dorsal -T tabs} with tshark's, byte for byte, over every capture of the corpus and
 * the tabs rows of {@code formats-combos.tsv}; byte-identical output is required wherever Dorsal's
 * default summary equals tshark's. Nothing in the tab-separated lines depends on the run, so nothing is masked.
 */
class TabsDifferentialTest {
    private static final FormatDiff DIFF = new FormatDiff("tabs", "summary.txt", s -> s);

    @TestFactory
    Stream<DynamicTest> tabsMatchesTshark() {
        return DIFF.tests();
    }

    @AfterAll
    static void report() {
        Report.section("Tabs (tshark -T tabs)", DIFF.report());
    }
}
