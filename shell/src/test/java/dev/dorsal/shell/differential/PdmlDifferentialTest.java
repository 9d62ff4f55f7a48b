package dev.dorsal.shell.differential;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares {@code dorsal -T pdml} with tshark's, byte for byte, over the captures with a PDML oracle
 * and the pdml rows of {@code formats-combos.tsv}. Wherever Dorsal's {@code -T json} equals tshark's,
 * PDML must be equal without the {@code size}, {@code pos}, {@code value} and {@code unmaskedvalue}
 * attributes (where and how long a node is, which JSON does not show: those differences come from
 * the dissectors); at least {@link #MIN_IDENTICAL} runs must be byte-identical. Two header attributes depend on the run and are masked
 * on both sides before comparing: {@code time} (when the run started) and {@code capture_file} (the
 * {@code -r} argument, a relative name for tshark and an absolute path here; only its file name is
 * compared).
 */
class PdmlDifferentialTest {
    private static final Pattern HEADER = Pattern.compile(
            "(?m)^(<pdml version=\"0\" creator=\"[^\"]*\") time=\"[^\"]*\" capture_file=\"(?:[^\"]*/)?([^\"/]*)\">$");
    /** Byte-identical runs when this gate was set; raise it as dissectors place their nodes as tshark does. */
    static final int MIN_IDENTICAL = 25;

    private static final Pattern POSITIONS = Pattern.compile(" (size|pos|value|unmaskedvalue)=\"[^\"]*\"");
    private static final FormatDiff DIFF = new FormatDiff("pdml", "json", PdmlDifferentialTest::mask,
            s -> POSITIONS.matcher(s).replaceAll(""), MIN_IDENTICAL);

    static String mask(String pdml) {
        Matcher m = HEADER.matcher(pdml);
        return m.find() ? m.replaceFirst(Matcher.quoteReplacement(m.group(1) + " time=\"(run time)\" capture_file=\""
                + m.group(2) + "\">")) : pdml;
    }

    @TestFactory
    Stream<DynamicTest> pdmlMatchesTshark() {
        return DIFF.tests();
    }

    @AfterAll
    static void report() {
        Report.section("PDML (tshark -T pdml)", DIFF.report());
        DIFF.checkFloor();
    }
}
