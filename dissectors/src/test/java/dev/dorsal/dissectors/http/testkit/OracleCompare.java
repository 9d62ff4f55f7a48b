package dev.dorsal.dissectors.http.testkit;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.FieldsFormatter;
import dev.dorsal.engine.output.FieldsOptions;
import dev.dorsal.engine.output.TimeFormat;
import dev.dorsal.engine.spi.FieldDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Compares Dorsal with tshark's oracle files: {@code -T fields} tables column by column, frame by
 * frame (dissecting with only the table's fields wanted, as tshark does for -T fields), and {@code -V}
 * subtrees line by line (with full trees).
 */
public final class OracleCompare {
    private OracleCompare() {}

    /** Per column: values compared and values equal, plus the first mismatches. */
    public static final class FieldStats {
        public final Map<String, int[]> perColumn = new LinkedHashMap<>();
        public final List<String> mismatches = new ArrayList<>();
        public int known;

        void count(String column, boolean equal) {
            int[] c = perColumn.computeIfAbsent(column, k -> new int[2]);
            c[0]++;
            if (equal) {
                c[1]++;
            }
        }

        public int compared() {
            return perColumn.values().stream().mapToInt(c -> c[0]).sum();
        }

        public int equal() {
            return perColumn.values().stream().mapToInt(c -> c[1]).sum();
        }

        public String report(String title) {
            StringBuilder sb = new StringBuilder(title).append(": ").append(equal()).append(" of ").append(compared())
                    .append(" values equal");
            if (known > 0) {
                sb.append(" (").append(known).append(" known differences)");
            }
            perColumn.forEach((k, v) -> sb.append("\n  ").append(k).append(": ").append(v[1]).append("/").append(v[0]));
            return sb.toString();
        }
    }

    /**
     * Compares the columns {@code columns} of the -T fields table {@code tsv} with Dorsal's values for the
     * frames {@code frames} accepts (by its oracle row). {@code known} tells (column, frame) pairs that are
     * known, documented differences: they are counted apart when they differ.
     */
    public static FieldStats fields(Path capture, Path tsv, Predicate<String> columns,
            Predicate<Map<String, String>> frames, BiPredicate<String, Long> known) throws Exception {
        return fields(capture, tsv, columns, frames, known, null);
    }

    /**
     * As above; with {@code protocol} set the table lists every frame tshark shows that protocol in (a
     * {@code -Y protocol} table), and a frame Dorsal gives the protocol but the table lacks is a mismatch.
     */
    public static FieldStats fields(Path capture, Path tsv, Predicate<String> columns,
            Predicate<Map<String, String>> frames, BiPredicate<String, Long> known, String protocol) throws Exception {
        Oracle.Table table = Oracle.table(tsv);
        List<String> names = table.columns();
        BitSet interest = new BitSet();
        for (String n : names) {
            for (FieldDef f : RealStack.registry().fields().lookup(n)) {
                interest.set(f.id());
            }
        }
        List<DissectedPacket> packets = RealStack.run(capture, new DissectionOptions(false, interest, true));
        FieldsFormatter fmt = new FieldsFormatter(names, FieldsOptions.DEFAULT, TimeFormat.of("r"));
        FieldStats stats = new FieldStats();
        for (DissectedPacket p : packets) {
            Map<String, String> expected = table.rows().get(p.frame().number());
            if (expected == null && protocol != null) {
                // as -Y protocol would: the protocol's item is in the tree (not just a name in frame.protocols)
                boolean ours = !dev.dorsal.engine.output.FieldValues.find(p.tree(), protocol).isEmpty();
                stats.count("frames without " + protocol, !ours);
                if (ours && stats.mismatches.size() < 20) {
                    stats.mismatches.add("frame " + p.frame().number() + " has " + protocol + ", tshark's does not");
                }
                continue;
            }
            if (expected == null || !frames.test(expected)) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            fmt.packet(p, line);
            String[] got = line.substring(0, line.length() - 1).split("\t", -1);
            for (int i = 0; i < names.size(); i++) {
                String col = names.get(i);
                if (!columns.test(col)) {
                    continue;
                }
                String e = expected.getOrDefault(col, "");
                String g = i < got.length ? got[i] : "";
                boolean eq = e.equals(g);
                if (!eq && known.test(col, p.frame().number())) {
                    stats.known++;
                    continue;
                }
                stats.count(col, eq);
                if (!eq && stats.mismatches.size() < 20) {
                    stats.mismatches.add("frame " + p.frame().number() + " " + col + ": expected <" + e + "> got <" + g + ">");
                }
            }
        }
        return stats;
    }

    /** True when the lines hold an HTTP or DNS subtree (or a malformed/short marker of one). */
    private static boolean mine(List<String> lines) {
        for (String l : lines) {
            if (l.startsWith("Hypertext Transfer Protocol") || l.startsWith("Domain Name System")
                    || l.startsWith("[Malformed Packet: HTTP]") || l.startsWith("[Malformed Packet: DNS]")
                    || l.startsWith("[Packet size limited during capture: HTTP")
                    || l.startsWith("[Packet size limited during capture: DNS")) {
                return true;
            }
        }
        return false;
    }

    /** Lines compared and equal in the -V comparison, and the first mismatches. */
    public static final class TreeStats {
        public int frames;
        public int lines;
        public int equalLines;
        public int knownFrames;
        public final List<String> mismatches = new ArrayList<>();

        public String report(String title) {
            return title + ": " + equalLines + " of " + lines + " -V lines equal in " + frames + " frames"
                    + (knownFrames > 0 ? " (" + knownFrames + " frames with known differences)" : "");
        }
    }

    /**
     * Compares, frame by frame, the top-level -V blocks whose first line starts with one of
     * {@code prefixes}. A frame whose oracle shows a block starting with one of {@code knownPrefixes}
     * (a protocol Dorsal does not have) is compared on its {@code "Hypertext Transfer Protocol"}/
     * {@code "Domain Name System"} blocks only; {@code known} frames count apart when they differ.
     */
    public static TreeStats verbose(Path capture, Path verboseTxt, List<String> prefixes, List<String> knownPrefixes,
            Predicate<Long> known) throws Exception {
        Map<Long, List<String>> oracle = Oracle.verbose(verboseTxt);
        List<DissectedPacket> packets = RealStack.run(capture, DissectionOptions.FULL);
        TreeStats stats = new TreeStats();
        for (DissectedPacket p : packets) {
            List<String> frame = oracle.get(p.frame().number());
            if (frame == null) {
                continue;
            }
            List<String> use = prefixes;
            if (!Oracle.blocks(frame, knownPrefixes).isEmpty()) {
                use = prefixes.stream().filter(x -> x.startsWith("Hypertext") || x.startsWith("Domain")).toList();
                stats.knownFrames++;
            }
            List<String> exp = Oracle.blocks(frame, use);
            List<String> got = TreeText.topLevel(p.tree(), Set.of(), use);
            if (!mine(exp) && !mine(got)) {
                continue; // e.g. a Data block TCP made of a payload no one claimed: not this protocol's frame
            }
            if (!exp.equals(got) && known.test(p.frame().number())) {
                stats.knownFrames++;
                continue;
            }
            stats.frames++;
            int n = Math.max(exp.size(), got.size());
            for (int i = 0; i < n; i++) {
                String e = i < exp.size() ? exp.get(i) : null;
                String g = i < got.size() ? got.get(i) : null;
                stats.lines++;
                if (e != null && e.equals(g)) {
                    stats.equalLines++;
                } else if (stats.mismatches.size() < 20) {
                    stats.mismatches.add("frame " + p.frame().number() + " line " + i + ":\n  expected: " + e
                            + "\n  got:      " + g);
                }
            }
        }
        return stats;
    }
}
