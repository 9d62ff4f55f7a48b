package dev.dorsal.engine.output;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the nodes of a field in a packet tree, in tree order (depth first, parents before children),
 * hidden and generated nodes included, the way tshark collects the occurrences of {@code -e} fields
 * and display-filter operands.
 */
public final class FieldValues {
    private FieldValues() {}

    /** Every node whose field has the filter name {@code abbrev}, in tree order; empty when none. */
    public static List<ProtoItem> find(PacketTree tree, String abbrev) {
        List<ProtoItem> out = new ArrayList<>(2);
        forEach(tree.root(), item -> {
            FieldDef f = item.field();
            if (f != null && (f.abbrev() == abbrev || f.abbrev().equals(abbrev))) {
                out.add(item);
            }
        });
        return out;
    }

    /**
     * Every node of {@code field}, in tree order. Fields sharing an abbreviation (several FieldDefs may
     * register the same name, as in Wireshark) are the same field for this lookup.
     */
    public static List<ProtoItem> find(PacketTree tree, FieldDef field) {
        return find(tree, field.abbrev());
    }

    /** The first node of {@code abbrev} in tree order, or null. */
    public static ProtoItem first(PacketTree tree, String abbrev) {
        ProtoItem n = tree.root().firstChild();
        ProtoItem root = tree.root();
        while (n != null) {
            FieldDef f = n.field();
            if (f != null && f.abbrev().equals(abbrev)) {
                return n;
            }
            n = nextInOrder(root, n);
        }
        return null;
    }

    /**
     * Routes every node of the tree whose field name is a key of {@code byName} to {@code visitor},
     * with that key's value, in tree order: one walk serves every requested field (as -T fields
     * collects its columns).
     */
    public static <T> void forEachNamed(PacketTree tree, java.util.Map<String, T> byName,
            java.util.function.BiConsumer<T, ProtoItem> visitor) {
        if (byName.isEmpty()) {
            return;
        }
        ProtoItem top = tree.root();
        ProtoItem n = top.firstChild();
        while (n != null) {
            FieldDef f = n.field();
            if (f != null) {
                T target = byName.get(f.abbrev());
                if (target != null) {
                    visitor.accept(target, n);
                }
            }
            n = nextInOrder(top, n);
        }
    }

    /** Calls {@code visitor} for every node below {@code top} (not {@code top} itself), in tree order. */
    public static void forEach(ProtoItem top, Consumer<ProtoItem> visitor) {
        ProtoItem n = top.firstChild();
        while (n != null) {
            visitor.accept(n);
            n = nextInOrder(top, n);
        }
    }

    /** The node after {@code n} in a depth-first walk that stays below {@code top}, or null at the end. */
    public static ProtoItem nextInOrder(ProtoItem top, ProtoItem n) {
        ProtoItem child = n.firstChild();
        if (child != null) {
            return child;
        }
        while (n != top) {
            ProtoItem sibling = n.next();
            if (sibling != null) {
                return sibling;
            }
            n = n.parent();
            if (n == null) {
                return null;
            }
        }
        return null;
    }
}
