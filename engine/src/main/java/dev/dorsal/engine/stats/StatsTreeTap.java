package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * A tshark stats-tree statistic ({@code -z NAME,tree[,filter]}): packets that pass the filter go to
 * {@link #count}, which fills the {@link StatsTree}; the report prints at the end.
 */
abstract class StatsTreeTap implements Tap {
    final StatsTree tree;
    private final TapFilter filter;
    private final Set<String> fields;

    StatsTreeTap(String title, TapFilter filter, Set<String> fields) {
        this.tree = new StatsTree(title);
        this.filter = filter;
        this.fields = fields;
    }

    /** Counts what {@code p} holds for this statistic, calling {@link StatsTree#tick} per tapped item. */
    abstract void count(DissectedPacket p);

    @Override
    public final void packet(DissectedPacket p) {
        if (TapFilter.passes(filter, p)) {
            count(p);
        }
    }

    @Override
    public final void finish(PrintStream out) {
        StatsTreePrinter.print(tree, out);
    }

    @Override
    public final Set<String> fieldsNeeded() {
        Set<String> s = new HashSet<>(fields);
        if (filter != null) {
            s.addAll(filter.fields());
        }
        return s;
    }

    @Override
    public boolean needsDetailedTree() {
        return false;
    }

    @Override
    public final Set<String> filterFields() {
        return filter == null ? Set.of() : filter.fields();
    }

    /** Increments {@code n} when it exists (a node past the tree's bound does not). */
    static StatsTree.Node inc(StatsTree.Node n) {
        return n == null ? null : n.increment();
    }

    /** The child {@code name} of {@code n}, or null when {@code n} is. */
    static StatsTree.Node child(StatsTree.Node n, String name) {
        return n == null ? null : n.child(name);
    }
}
