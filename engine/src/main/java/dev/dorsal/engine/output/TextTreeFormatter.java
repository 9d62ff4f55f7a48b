package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.Set;

/**
 * Writes the {@code -V} packet details: every visible node's label, indented four spaces per level,
 * hidden nodes (and what is under them) left out. With {@code -O} the listed top-level protocols
 * are expanded and every other one is shown by its top line only, as tshark 4.0 does.
 *
 * <p>Without {@code -x}, tshark dumps the bytes of every undissected-data node ({@code data}) in hex
 * right after its line, after an empty line and without indentation; so does this formatter when
 * {@code dumpData} is set.
 *
 * <p>As a {@link PacketFormatter} it writes the tree and the blank line that ends each packet;
 * {@link TextFormatter} combines it with the summary line and the hex dump.
 */
public final class TextTreeFormatter implements PacketFormatter {
    /** Filter name of the protocol whose bytes -V dumps in hex. */
    private static final String DATA = "data";

    private final Set<String> only;
    private final boolean dumpData;
    private final boolean resolveMac;

    /**
     * @param only       filter names of the protocols to expand (-O), or null for all
     * @param dumpData   dump the bytes of {@code data} nodes in hex (tshark does unless -x is given)
     * @param resolveMac show MAC addresses with their names (false for -n)
     */
    public TextTreeFormatter(Set<String> only, boolean dumpData, boolean resolveMac) {
        this.only = only;
        this.dumpData = dumpData;
        this.resolveMac = resolveMac;
    }

    public TextTreeFormatter() {
        this(null, true, true);
    }

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        tree(p, out);
        out.append('\n');
    }

    /** Appends the tree lines of {@code p}, without the blank line. */
    public void tree(DissectedPacket p, StringBuilder out) {
        for (ProtoItem top = p.tree().root().firstChild(); top != null; top = top.next()) {
            if (top.hidden()) {
                continue;
            }
            if (only != null && (top.field() == null || !only.contains(top.field().abbrev()))) {
                FieldFormat.appendLabel(out, top, resolveMac);
                out.append('\n');
                continue;
            }
            node(top, 0, out);
        }
    }

    private void node(ProtoItem item, int depth, StringBuilder out) {
        for (int i = 0; i < depth; i++) {
            out.append("    ");
        }
        FieldFormat.appendLabel(out, item, resolveMac);
        out.append('\n');
        if (dumpData && isData(item)) {
            out.append('\n');
            HexDumpFormatter.dump(item.bytesValue(), out);
        }
        for (ProtoItem c = item.firstChild(); c != null; c = c.next()) {
            if (!c.hidden()) {
                node(c, depth + 1, out);
            }
        }
    }

    /** The "data" protocol's node: payload no dissector claimed. */
    private static boolean isData(ProtoItem item) {
        FieldDef f = item.field();
        return f != null && f.type() == FieldType.PROTOCOL && f.abbrev().equals(DATA);
    }
}
