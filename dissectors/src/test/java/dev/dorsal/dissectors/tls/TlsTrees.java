package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.output.TextTreeFormatter;
import dev.dorsal.engine.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares Dorsal's TLS subtrees with tshark's -V output, frame by frame and line by line; also runnable
 * by hand ({@code main}) to print the differences of some captures while working on the dissector.
 */
final class TlsTrees {
    private TlsTrees() {}

    /** Line counts of a comparison and the first differences found. */
    record Result(int lines, int equal, List<String> differences) {}

    /**
     * Our TLS blocks per frame, as the -V formatter prints them, kept as regen.sh keeps tshark's: each
     * top-level "Transport Layer Security" line and the lines indented under it.
     */
    static Map<Long, List<String>> ours(Registry registry, String capture) {
        TextTreeFormatter f = new TextTreeFormatter();
        Map<Long, List<String>> out = new LinkedHashMap<>();
        TlsOracle.dissect(registry, capture, DissectionOptions.FULL, p -> {
            StringBuilder sb = new StringBuilder();
            f.tree(p, sb);
            List<String> block = new ArrayList<>();
            boolean keep = false;
            for (String line : sb.toString().split("\n")) {
                if (!line.isEmpty() && line.charAt(0) != ' ') {
                    keep = line.equals("Transport Layer Security");
                }
                if (keep) {
                    block.add(line);
                }
            }
            if (!block.isEmpty()) {
                out.put(p.frame().number(), block);
            }
        });
        return out;
    }

    static Result compare(Registry registry, String capture, int maxDifferences) {
        Map<Long, List<String>> want = TlsOracle.tlsBlocks(capture);
        Map<Long, List<String>> got = ours(registry, capture);
        int lines = 0;
        int equal = 0;
        List<String> diffs = new ArrayList<>();
        Set<Long> frames = new java.util.TreeSet<>(want.keySet());
        frames.addAll(got.keySet());
        for (long frame : frames) {
            List<String> w = want.getOrDefault(frame, List.of());
            List<String> g = got.getOrDefault(frame, List.of());
            lines += w.size();
            int n = Math.max(w.size(), g.size());
            boolean reported = false;
            for (int i = 0; i < n; i++) {
                String a = i < w.size() ? w.get(i) : null;
                String b = i < g.size() ? g.get(i) : null;
                if (a != null && a.equals(b)) {
                    equal++;
                } else if (!reported && diffs.size() < maxDifferences) {
                    diffs.add(capture + " frame " + frame + " line " + (i + 1) + ":\n  tshark: " + a + "\n  dorsal: " + b);
                    reported = true;
                }
            }
        }
        return new Result(lines, equal, diffs);
    }

    public static void main(String[] args) {
        Registry registry = TlsOracle.registry();
        List<String> captures = args.length > 0 ? List.of(args) : TlsOracle.captures();
        int lines = 0;
        int equal = 0;
        for (String c : captures) {
            Result r = compare(registry, c, 5);
            lines += r.lines();
            equal += r.equal();
            System.out.println(c + ": " + r.equal() + " of " + r.lines() + " lines equal");
            r.differences().forEach(System.out::println);
        }
        System.out.println("total: " + equal + " of " + lines);
    }
}
