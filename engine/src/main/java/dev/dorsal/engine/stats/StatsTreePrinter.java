package dev.dorsal.engine.stats;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prints a {@link StatsTree} as tshark's text stats-tree report: a rule of '=', the title, the column
 * header, a rule of '-', one row per node (children indented one space under their parent), a blank
 * line and a closing rule. Top-level nodes keep their creation order; other children print by count,
 * highest first, ties by name in reverse byte order, except range buckets, which keep theirs. The
 * first column is as wide as the longest name plus its indentation plus one, or the title after its
 * last '/' if longer, plus one space.
 */
final class StatsTreePrinter {
    private static final String[] COLUMNS = {"Count", "Average", "Min Val", "Max Val", "Rate (ms)", "Percent",
            "Burst Rate", "Burst Start"};
    private static final int CELL = 13;
    private static final Comparator<StatsTree.Node> BY_COUNT = (a, b) -> a.count != b.count
            ? Long.compare(b.count, a.count) : b.name.compareTo(a.name);

    private StatsTreePrinter() {}

    static void print(StatsTree tree, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        for (StatsTree.Node n : tree.roots) {
            rows(tree, n, 0, rows);
        }
        int nameWidth = Math.max("Topic / Item".length(), tree.title.length() - tree.title.lastIndexOf('/') - 1);
        for (String[] r : rows) {
            nameWidth = Math.max(nameWidth, r[0].length() + 1);
        }
        int width = nameWidth + COLUMNS.length * (CELL + 1);
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append("=".repeat(width)).append('\n').append(tree.title).append(":\n");
        String[] header = new String[COLUMNS.length + 1];
        header[0] = "Topic / Item";
        System.arraycopy(COLUMNS, 0, header, 1, COLUMNS.length);
        line(sb, header, nameWidth);
        sb.append("-".repeat(width)).append('\n');
        for (String[] r : rows) {
            line(sb, r, nameWidth);
        }
        sb.append('\n').append("-".repeat(width)).append('\n');
        if (tree.dropped > 0) {
            sb.append("Dorsal: ").append(tree.dropped).append(" items not counted past the limit of ")
                    .append(StatsTree.MAX_NODES).append(" nodes\n");
        }
        out.print(sb);
    }

    private static void line(StringBuilder sb, String[] cells, int nameWidth) {
        pad(sb, cells[0], nameWidth);
        for (int i = 1; i < cells.length; i++) {
            sb.append(' ');
            pad(sb, cells[i], CELL);
        }
        sb.append('\n');
    }

    private static void pad(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
    }

    private static void rows(StatsTree tree, StatsTree.Node n, int depth, List<String[]> out) {
        out.add(cells(tree, n, depth));
        List<StatsTree.Node> children = n.children;
        if (!n.keepOrder) {
            children = new ArrayList<>(children);
            children.sort(BY_COUNT);
        }
        for (StatsTree.Node c : children) {
            rows(tree, c, depth + 1, out);
        }
    }

    private static String[] cells(StatsTree tree, StatsTree.Node n, int depth) {
        String avg = "";
        String min = "";
        String max = "";
        if (n.averaged && n.count > 0) {
            avg = CText.fixed(n.sum / n.count, 2);
            min = value(n, n.min);
            max = value(n, n.max);
        } else if (n.averaged) {
            avg = "-";
            min = "-";
            max = "-";
        }
        String rate = tree.elapsed != 0 ? CText.fixed(n.count / tree.elapsed, 4) : "";
        String percent;
        if (n.parent == null) {
            percent = "100%";
        } else if (n.parent.count > 0) {
            percent = CText.fixed(100.0 * n.count / n.parent.count, 2) + "%";
        } else {
            percent = "";
        }
        boolean burst = n.maxBurst() > 0;
        return new String[] {" ".repeat(depth) + n.name, Long.toString(n.count), avg, min, max, rate, percent,
                burst ? CText.fixed((double) n.maxBurst() / StatsTree.BURST_WINDOW_MS, 4) : "-",
                burst ? CText.fixed(n.burstStart() / 1000.0, 3) : "-"};
    }

    private static String value(StatsTree.Node n, double v) {
        return n.floatValues ? CText.fixed(v, 6) : Long.toString((long) v);
    }
}
