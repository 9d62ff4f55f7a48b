package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.Arrays;

/**
 * The nodes of one packet that a filter reads, gathered in a single depth-first walk of the tree:
 * for each field the filter uses (a slot), its nodes in tree order. Reused between packets by one
 * thread, so evaluating a filter allocates little.
 */
public final class PacketView {
    private static final ProtoItem[] NONE = new ProtoItem[0];

    private final int[] slotById;
    private final ProtoItem[][] nodes;
    private final int[] counts;

    /** @param slotById for each field id, its slot, or -1 when the filter does not read it */
    public PacketView(int[] slotById, int slots) {
        this.slotById = slotById;
        this.nodes = new ProtoItem[slots][];
        Arrays.fill(nodes, NONE);
        this.counts = new int[slots];
    }

    /** Forgets the previous packet and collects the wanted nodes below {@code root}. */
    public void collect(ProtoItem root) {
        Arrays.fill(counts, 0);
        int[] ids = slotById;
        ProtoItem n = root.firstChild();
        while (n != null) {
            FieldDef f = n.field();
            if (f != null) {
                int id = f.id();
                if (id >= 0 && id < ids.length) {
                    int slot = ids[id];
                    if (slot >= 0) {
                        add(slot, n);
                    }
                }
            }
            ProtoItem child = n.firstChild();
            if (child != null) {
                n = child;
                continue;
            }
            while (n != root && n.next() == null) {
                n = n.parent();
            }
            n = n == root ? null : n.next();
        }
    }

    private void add(int slot, ProtoItem item) {
        ProtoItem[] a = nodes[slot];
        int c = counts[slot];
        if (c == a.length) {
            a = Arrays.copyOf(a, Math.max(4, c * 2));
            nodes[slot] = a;
        }
        a[c] = item;
        counts[slot] = c + 1;
    }

    public int count(int slot) {
        return counts[slot];
    }

    public ProtoItem node(int slot, int i) {
        return nodes[slot][i];
    }
}
