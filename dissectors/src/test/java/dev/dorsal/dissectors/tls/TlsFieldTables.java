package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldsFormatter;
import dev.dorsal.engine.output.FieldsOptions;
import dev.dorsal.engine.output.TimeFormat;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares Dorsal's {@code -T fields} values with tshark's tables (the corpus {@code fields.tsv} and
 * the {@code tls_extra.tsv} tables), column by column for the TLS columns, frame by frame. Dissects
 * with only the table's fields of interest and no detailed tree, as {@code -T fields} does, so the
 * fast path is what is checked.
 */
final class TlsFieldTables {
    private TlsFieldTables() {}

    /** Per column: values compared and values equal; plus the first differences. */
    record Result(Map<String, int[]> columns, List<String> differences) {
        int compared() {
            return columns.values().stream().mapToInt(c -> c[0]).sum();
        }

        int equal() {
            return columns.values().stream().mapToInt(c -> c[1]).sum();
        }
    }

    /** Our -T fields rows (split into cells) for the given fields, keyed by frame number. */
    static Map<Long, String[]> ours(Registry registry, String capture, List<String> fields) {
        BitSet interest = new BitSet();
        boolean columns = false;
        for (String f : fields) {
            if (f.startsWith("_ws.col.")) {
                columns = true;
            }
            for (FieldDef d : registry.fields().lookup(f)) {
                interest.set(d.id());
            }
        }
        FieldsFormatter formatter = new FieldsFormatter(fields, new FieldsOptions(false, "\t", (char) 0, 'a', ",", false),
                TimeFormat.RELATIVE);
        Map<Long, String[]> rows = new TreeMap<>();
        TlsOracle.dissect(registry, capture, new DissectionOptions(false, interest, columns), p -> {
            StringBuilder sb = new StringBuilder();
            formatter.packet(p, sb);
            String line = sb.charAt(sb.length() - 1) == '\n' ? sb.substring(0, sb.length() - 1) : sb.toString();
            rows.put(p.frame().number(), line.split("\t", -1));
        });
        return rows;
    }

    /**
     * Compares the columns of {@code table} whose names start with "tls." (and Protocol/Info where
     * tshark's Protocol column names TLS or SSL) on every frame of tshark's table.
     */
    static Result compare(Registry registry, String capture, String table, int maxDifferences) {
        TlsOracle.Table want = TlsOracle.table(capture + "." + table);
        List<String> fields = new ArrayList<>(want.header());
        fields.set(0, "frame.number");
        fields.add("tls"); // the protocol itself: present when TLS dissected anything in the frame
        Map<Long, String[]> got = ours(registry, capture, fields);
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> diffs = new ArrayList<>();
        int protocolColumn = want.column("_ws.col.Protocol");
        for (Map.Entry<Long, String[]> e : want.rows().entrySet()) {
            String[] w = e.getValue();
            String[] g = got.get(e.getKey());
            boolean tlsFrame = protocolColumn >= 0 && (w[protocolColumn].startsWith("TLS") || w[protocolColumn].startsWith("SSL"));
            for (int c = 1; c < want.header().size(); c++) {
                String name = fields.get(c);
                boolean column = name.equals("_ws.col.Protocol") || name.equals("_ws.col.Info");
                if (!name.startsWith("tls.") && !(column && tlsFrame)) {
                    continue;
                }
                int[] n = counts.computeIfAbsent(name, k -> new int[2]);
                n[0]++;
                String gv = g == null || c >= g.length ? null : g[c];
                if (w[c].equals(gv)) {
                    n[1]++;
                } else if (diffs.size() < maxDifferences) {
                    diffs.add(capture + " " + table + " frame " + e.getKey() + " " + name + ":\n  tshark: " + w[c]
                            + "\n  dorsal: " + gv);
                }
            }
        }
        if (table.equals("tls_extra.tsv")) {
            // tshark's table lists exactly the frames with TLS: so must ours.
            int[] n = counts.computeIfAbsent("(frames with tls)", k -> new int[2]);
            int tlsColumn = fields.size() - 1;
            for (Map.Entry<Long, String[]> e : got.entrySet()) {
                boolean oursHasTls = !e.getValue()[tlsColumn].isEmpty();
                boolean theirs = want.rows().containsKey(e.getKey());
                if (oursHasTls || theirs) {
                    n[0]++;
                    if (oursHasTls == theirs) {
                        n[1]++;
                    } else if (diffs.size() < maxDifferences) {
                        diffs.add(capture + " frame " + e.getKey() + ": TLS in tshark " + theirs + ", in dorsal " + oursHasTls);
                    }
                }
            }
        }
        return new Result(counts, diffs);
    }

    public static void main(String[] args) {
        Registry registry = TlsOracle.registry();
        List<String> captures = args.length > 0 ? List.of(args) : TlsOracle.captures();
        Map<String, int[]> total = new TreeMap<>();
        for (String c : captures) {
            for (String t : List.of("fields.tsv", "tls_extra.tsv")) {
                Result r = compare(registry, c, t, 4);
                r.columns().forEach((k, v) -> {
                    int[] n = total.computeIfAbsent(k, x -> new int[2]);
                    n[0] += v[0];
                    n[1] += v[1];
                });
                if (r.equal() != r.compared()) {
                    System.out.println(c + " " + t + ": " + r.equal() + " of " + r.compared() + " values equal");
                    r.differences().forEach(System.out::println);
                }
            }
        }
        total.forEach((k, v) -> System.out.println(k + ": " + v[1] + " of " + v[0]));
    }
}
