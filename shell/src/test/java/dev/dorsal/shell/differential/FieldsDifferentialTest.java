package dev.dorsal.shell.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.output.FieldsFormatter;
import dev.dorsal.engine.registry.FieldRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code dorsal -T fields} with the oracle's 38 fields (its header line) and options over every
 * capture and compares value by value with {@code *.fields.tsv}. The columns of in-scope protocols
 * ({@link Scope#FIELD_PROTOCOLS}) must agree completely on captures whose link layers are in scope;
 * all other numbers are reported. A field Dorsal does not know yet is left out of the run and counts
 * as different wherever tshark printed a value.
 */
class FieldsDifferentialTest {
    /** Share of in-scope column values that must equal the oracle, for captures whose link layers are in scope. */
    static final double IN_SCOPE_MIN_AGREEMENT = 1.0;

    private static final List<String> OPTIONS = List.of("-T", "fields", "-E", "header=y", "-E", "separator=/t",
            "-E", "occurrence=a", "-E", "aggregator=,");

    /** Per field: [equal, total] over all captures, and over link-in-scope captures. */
    private static final Map<String, long[]> PER_FIELD = new ConcurrentHashMap<>();
    private static final Map<String, String> PER_CAPTURE = new ConcurrentHashMap<>();
    private static List<String> fieldOrder = List.of();

    @TestFactory
    Stream<DynamicTest> fieldValuesMatchTshark() {
        FieldRegistry registry = dev.dorsal.shell.cli.SharedRegistry.get().fields();
        return Corpus.cases().stream().filter(c -> c.oracle("fields.tsv") != null)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, registry)));
    }

    private static void check(CorpusCase c, FieldRegistry registry) {
        List<String> expected = c.oracleLines("fields.tsv");
        List<String> header = List.of(expected.get(0).split("\t", -1));
        synchronized (FieldsDifferentialTest.class) {
            if (fieldOrder.isEmpty()) {
                fieldOrder = header;
            }
        }
        List<String> known = header.stream().filter(f -> FieldsFormatter.isValidField(f, registry)).toList();
        boolean linkInScope = Scope.linkInScope(c);
        List<String> args = new ArrayList<>(Cli.readArgs(c));
        args.addAll(OPTIONS);
        for (String f : known) {
            args.add("-e");
            args.add(f);
        }
        List<String> actual = List.of();
        int exit = 0;
        String err = "";
        if (!known.isEmpty()) {
            try {
                Cli.Result r = Cli.run(args);
                actual = r.outLines();
                exit = r.exitCode();
                err = r.err();
            } catch (RuntimeException e) {
                if (linkInScope) {
                    throw e;
                }
                err = e.toString();
            }
        }
        Map<String, Integer> ourIndex = new LinkedHashMap<>();
        if (!actual.isEmpty()) {
            String[] ours = actual.get(0).split("\t", -1);
            for (int i = 0; i < ours.length; i++) {
                ourIndex.putIfAbsent(ours[i], i);
            }
        }
        long inScopeEqual = 0;
        long inScopeTotal = 0;
        long allEqual = 0;
        long allTotal = 0;
        String firstDiff = null;
        for (int col = 0; col < header.size(); col++) {
            String field = header.get(col);
            Integer ours = ourIndex.get(field);
            long eq = 0;
            long total = 0;
            long exemptEq = 0;
            long exempt = 0;
            for (int row = 1; row < expected.size(); row++) {
                String[] exp = expected.get(row).split("\t", -1);
                String e = col < exp.length ? exp[col] : "";
                String a = "";
                if (ours != null && row < actual.size()) {
                    String[] act = actual.get(row).split("\t", -1);
                    a = ours < act.length ? act[ours] : "";
                } else if (row >= actual.size()) {
                    a = null;
                }
                total++;
                // A protocol Dorsal does not have (tshark's IMF after SMTP) shows in frame.protocols only:
                // that row's layer list is reported, not gated, as the -V and JSON gates skip the packet.
                boolean undissected = field.equals("frame.protocols")
                        && !registry.protocols().keySet().containsAll(List.of(e.split(":")));
                if (undissected) {
                    exempt++;
                }
                if (e.equals(a)) {
                    eq++;
                    if (undissected) {
                        exemptEq++;
                    }
                } else if (firstDiff == null && Scope.fieldInScope(field) && !undissected) {
                    firstDiff = "frame row " + row + " " + field + ": expected `" + e + "` got `" + a + "`";
                }
            }
            allEqual += eq;
            allTotal += total;
            long[] agg = PER_FIELD.computeIfAbsent(field, k -> new long[4]);
            synchronized (agg) {
                agg[0] += eq;
                agg[1] += total;
                if (linkInScope) {
                    agg[2] += eq;
                    agg[3] += total;
                }
            }
            if (Scope.fieldInScope(field)) {
                inScopeEqual += eq - exemptEq;
                inScopeTotal += total - exempt;
            }
        }
        PER_CAPTURE.put(c.name(), (linkInScope ? "yes" : "no") + " | " + inScopeEqual + " | " + inScopeTotal + " | "
                + Report.pct(inScopeEqual, inScopeTotal) + " | " + allEqual + " | " + allTotal + " | "
                + Report.pct(allEqual, allTotal) + " | "
                + (firstDiff == null ? (exit != 0 ? "exit " + exit + ": " + err.strip() : "")
                        : SummaryDifferentialTest.escape(firstDiff)));
        if (linkInScope) {
            final String why = firstDiff;
            final String errText = err;
            assertEquals(0, exit, () -> c.name() + ": " + errText);
            assertTrue(inScopeTotal == 0 || (double) inScopeEqual / inScopeTotal >= IN_SCOPE_MIN_AGREEMENT,
                    () -> c.name() + ": " + why);
        }
    }

    @AfterAll
    static void report() {
        StringBuilder sb = new StringBuilder();
        long inEq = 0;
        long inTotal = 0;
        long eq = 0;
        long total = 0;
        StringBuilder fields = new StringBuilder("| field | in scope | equal (all captures) | of | % | equal (link-in-scope captures) | of | % |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (String f : fieldOrder) {
            long[] a = PER_FIELD.getOrDefault(f, new long[4]);
            eq += a[0];
            total += a[1];
            if (Scope.fieldInScope(f)) {
                inEq += a[2];
                inTotal += a[3];
            }
            fields.append("| ").append(f).append(" | ").append(Scope.fieldInScope(f) ? "yes" : "no").append(" | ")
                    .append(a[0]).append(" | ").append(a[1]).append(" | ").append(Report.pct(a[0], a[1])).append(" | ")
                    .append(a[2]).append(" | ").append(a[3]).append(" | ").append(Report.pct(a[2], a[3])).append(" |\n");
        }
        sb.append("Field values equal: **").append(eq).append(" of ").append(total).append("** (")
                .append(Report.pct(eq, total)).append(") over ").append(PER_CAPTURE.size())
                .append(" captures; gated (in-scope columns of link-in-scope captures, gate ")
                .append((int) (IN_SCOPE_MIN_AGREEMENT * 100)).append("%): **").append(inEq).append(" of ")
                .append(inTotal).append("** (").append(Report.pct(inEq, inTotal)).append(").\n\n");
        sb.append(fields).append('\n');
        sb.append("| capture | link in scope | in-scope values equal | of | % | all values equal | of | % | first in-scope difference |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        new java.util.TreeMap<>(PER_CAPTURE).forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Report.section("Fields (tshark -T fields, 38 fields)", sb.toString());
    }
}
