package dev.dorsal.shell.differential;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares {@code dorsal -T ek} with tshark's, byte for byte, over the captures with an EK oracle
 * and the ek rows of {@code formats-combos.tsv}; byte-identical output is required wherever
 * Dorsal's {@code -T json} equals tshark's. Nothing is masked: the {@code _index} date is the
 * packet's (as in -T json), not the run's.
 */
class EkDifferentialTest {
    private static final FormatDiff DIFF = new FormatDiff("ek", "json", s -> s);

    @TestFactory
    Stream<DynamicTest> ekMatchesTshark() {
        return DIFF.tests();
    }

    @AfterAll
    static void report() {
        Report.section("EK (tshark -T ek)", DIFF.report());
    }
}
