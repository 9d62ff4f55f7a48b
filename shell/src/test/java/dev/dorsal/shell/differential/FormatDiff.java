package dev.dorsal.shell.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Compares whole outputs of one {@code -T} format with tshark's, byte for byte: one run per capture
 * with a {@code FILE.<format>} oracle (made by {@code corpus/make_format_oracles.sh}) and one per row
 * of {@code oracle/formats-combos.tsv} whose suffix ends in the format.
 *
 * <p>The gate: where Dorsal already agrees with tshark on the same packets in a form that was
 * checked before (the default summary for the summary formats, {@code -T json} for the tree
 * formats), the new format must be identical after the {@code gateMask} (byte-identical for the
 * summary formats; up to the byte positions and lengths of nodes for PDML, which JSON does not
 * show); elsewhere the difference comes from dissection, not from the format, and is only
 * counted. The number of byte-identical runs may not fall below {@code minIdentical}.
 */
final class FormatDiff {
    /** One comparison: what ran and how it came out. */
    record Row(String run, boolean gated, boolean identical, boolean gateEqual, int linesEqual, int lines,
            String firstDifference) {}

    private final String format;
    private final String baseline;
    private final UnaryOperator<String> mask;
    private final UnaryOperator<String> gateMask;
    private final int minIdentical;
    final List<Row> rows = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param format   the -T value and oracle suffix ("psml")
     * @param baseline the oracle suffix of the form whose agreement gates this one ("summary.txt", "json")
     * @param mask     applied to both outputs before comparing: what legitimately depends on the run
     */
    FormatDiff(String format, String baseline, UnaryOperator<String> mask) {
        this(format, baseline, mask, s -> s, 0);
    }

    /**
     * @param gateMask     applied after {@code mask} for the gate's comparison: what the baseline does not cover
     * @param minIdentical the least number of byte-identical runs (the count when the gate was set)
     */
    FormatDiff(String format, String baseline, UnaryOperator<String> mask, UnaryOperator<String> gateMask,
            int minIdentical) {
        this.format = format;
        this.baseline = baseline;
        this.mask = mask;
        this.gateMask = gateMask;
        this.minIdentical = minIdentical;
    }

    Stream<DynamicTest> tests() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CorpusCase c : Corpus.cases()) {
            if (c.oracle(format) != null) {
                tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c, format, List.of("-T", format))));
            }
        }
        for (String line : read(Corpus.root().resolve("oracle/formats-combos.tsv")).split("\n")) {
            String[] cols = line.split("\t");
            if (line.startsWith("#") || cols.length < 3 || !cols[1].endsWith("." + format)) {
                continue;
            }
            CorpusCase c = Corpus.cases().stream().filter(x -> x.name().equals(cols[0])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("formats-combos.tsv: no capture " + cols[0]));
            tests.add(DynamicTest.dynamicTest(c.name() + " " + cols[2],
                    () -> check(c, cols[1], Arrays.asList(cols[2].split(" ")))));
        }
        return tests.stream();
    }

    private void check(CorpusCase c, String suffix, List<String> options) {
        String expected = mask.apply(read(c.oracle(suffix)));
        List<String> args = new ArrayList<>(Cli.readArgs(c));
        args.addAll(options);
        Cli.Result r = Cli.run(args);
        String actual = mask.apply(r.out());
        boolean gated = baselineAgrees(c);
        List<String> e = Cli.lines(expected);
        List<String> a = Cli.lines(actual);
        int equal = 0;
        String first = null;
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : null;
            String y = i < a.size() ? a.get(i) : null;
            if (x != null && x.equals(y)) {
                equal++;
            } else if (first == null) {
                first = "line " + (i + 1) + ": expected `" + x + "` got `" + y + "`";
            }
        }
        boolean identical = Arrays.equals(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
        if (!identical && first == null) {
            first = "line ends differ";
        }
        String run = c.name() + (suffix.equals(format) ? "" : " " + String.join(" ", options));
        boolean gateEqual = identical || gateMask.apply(expected).equals(gateMask.apply(actual));
        rows.add(new Row(run, gated, identical, gateEqual, equal, e.size(), first));
        if (gated) {
            assertEquals(0, r.exitCode(), () -> run + ": " + r.err());
            if (!gateEqual) {
                fail(run + ": " + first);
            }
        }
    }

    /** Whether Dorsal's output in the baseline form equals that oracle for this capture. */
    private boolean baselineAgrees(CorpusCase c) {
        Path oracle = c.oracle(baseline);
        if (oracle == null) {
            return false;
        }
        List<String> args = new ArrayList<>(Cli.readArgs(c));
        if (baseline.equals("json")) {
            args.addAll(List.of("-T", "json"));
        }
        return Cli.run(args).out().equals(read(oracle));
    }

    /** The report section: totals, then one row per run. */
    String report() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((x, y) -> x.run().compareTo(y.run()));
        int identical = 0;
        int gated = 0;
        int gatedIdentical = 0;
        int gatedEqual = 0;
        long le = 0;
        long lt = 0;
        StringBuilder table = new StringBuilder("| run | gated | byte-identical | lines equal | of | first difference |\n"
                + "|---|---|---|---|---|---|\n");
        for (Row r : sorted) {
            identical += r.identical() ? 1 : 0;
            gated += r.gated() ? 1 : 0;
            gatedIdentical += r.gated() && r.identical() ? 1 : 0;
            gatedEqual += r.gated() && r.gateEqual() ? 1 : 0;
            le += r.linesEqual();
            lt += r.lines();
            table.append("| ").append(r.run()).append(" | ").append(r.gated() ? "yes" : "no").append(" | ")
                    .append(r.identical() ? "yes" : "no").append(" | ").append(r.linesEqual()).append(" | ")
                    .append(r.lines()).append(" | ")
                    .append(r.firstDifference() == null ? "" : SummaryDifferentialTest.escape(r.firstDifference()))
                    .append(" |\n");
        }
        return "Byte-identical: **" + identical + " of " + sorted.size() + "** runs; lines equal: **" + le + " of "
                + lt + "** (" + Report.pct(le, lt) + "). Gated (Dorsal's " + baseline + " equals tshark's): **"
                + gatedIdentical + " of " + gated + "** byte-identical, **" + gatedEqual + " of " + gated
                + "** equal for the gate.\n\n" + table;
    }

    /** Fails when fewer runs than {@code minIdentical} were byte-identical (call after all runs). */
    void checkFloor() {
        long identical = rows.stream().filter(Row::identical).count();
        if (!rows.isEmpty() && identical < minIdentical) {
            fail(format + ": " + identical + " byte-identical runs, fewer than the " + minIdentical + " required");
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
