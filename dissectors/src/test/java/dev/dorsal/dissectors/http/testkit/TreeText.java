package dev.dorsal.dissectors.http.testkit;

import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.HexDumpFormatter;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prints tree nodes as tshark -V does (through the engine's label formatting, which also marks
 * over-long labels " [truncated]"): one label per line, four spaces per level, hidden nodes left
 * out, and the hex dump -V prints after each {@code data} node.
 */
public final class TreeText {
    private TreeText() {}

    /** The -V lines of every top-level node whose label starts with one of {@code prefixes}, in order. */
    public static List<String> topLevel(PacketTree tree, Set<String> filterNames, List<String> labelPrefixes) {
        List<String> out = new ArrayList<>();
        for (ProtoItem p = tree.root().firstChild(); p != null; p = p.next()) {
            if (p.hidden()) {
                continue;
            }
            String label = FieldFormat.label(p);
            boolean match = p.field() != null && filterNames.contains(p.field().abbrev());
            for (String prefix : labelPrefixes) {
                if (label.startsWith(prefix)) {
                    match = true;
                }
            }
            if (match) {
                lines(p, 0, out);
            }
        }
        return out;
    }

    public static void lines(ProtoItem item, int depth, List<String> out) {
        if (item.hidden()) {
            return;
        }
        // A label may hold a raw newline (tshark prints it as is): it then spans two lines.
        String[] parts = FieldFormat.label(item).split("\n", -1);
        out.add("    ".repeat(depth) + parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.add(parts[i]);
        }
        if (item.field() != null && item.field().type() == FieldType.PROTOCOL && item.field().abbrev().equals("data")) {
            StringBuilder sb = new StringBuilder();
            HexDumpFormatter.dump(item.bytesValue(), sb);
            for (String l : sb.toString().split("\n")) {
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
        }
        for (ProtoItem c = item.firstChild(); c != null; c = c.next()) {
            lines(c, depth + 1, out);
        }
    }
}
