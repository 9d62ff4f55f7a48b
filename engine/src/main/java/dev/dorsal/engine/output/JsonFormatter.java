package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes {@code -T json} as tshark 4.0 does: an array of {@code {"_index", "_type", "_score",
 * "_source": {"layers": …}}} objects, two spaces per level. Each protocol is an object keyed by its
 * filter name; a field with a subtree is followed by a {@code "<field>_tree"} object; text-only
 * items are keyed by their label; FT_NONE and protocol nodes with children become plain objects;
 * hidden and generated nodes are included and duplicate keys are kept, in tree order.
 *
 * <p>With {@code -e} fields ({@link #JsonFormatter(FieldsFormatter)}) the layers object holds one
 * array of values per requested field that is present.
 */
public final class JsonFormatter implements PacketFormatter {
    /** The engine's malformed-packet protocol, whose object also repeats its name inside (as tshark does). */

    private final FieldsFormatter fields;
    private boolean first = true;

    /** The full-tree form. */
    public JsonFormatter() {
        this(null);
    }

    /** The {@code -e} form when {@code fields} is not null. */
    public JsonFormatter(FieldsFormatter fields) {
        this.fields = fields;
    }

    @Override
    public void begin(StringBuilder out) {
        out.append('[');
    }

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        out.append(first ? "\n" : ",\n");
        first = false;
        JsonText.indent(out, 1);
        out.append("{\n");
        JsonText.indent(out, 2);
        out.append("\"_index\": \"packets-");
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(Math.floorDiv(p.frame().timestampNanos(), 1_000_000_000L), 86400));
        out.append(d).append("\",\n");
        JsonText.indent(out, 2);
        out.append("\"_type\": \"doc\",\n");
        JsonText.indent(out, 2);
        out.append("\"_score\": null,\n");
        JsonText.indent(out, 2);
        out.append("\"_source\": {\n");
        JsonText.indent(out, 3);
        out.append("\"layers\": ");
        if (fields == null) {
            object(p.tree().root(), 4, out);
        } else {
            fieldArrays(p, out);
        }
        out.append('\n');
        JsonText.indent(out, 2);
        out.append("}\n");
        JsonText.indent(out, 1);
        out.append('}');
    }

    @Override
    public void end(StringBuilder out) {
        // Without packets tshark closes the array on the same line: "[]".
        out.append(first ? "]\n" : "\n]\n");
    }

    /** Writes the children of {@code parent} as an object whose members sit at {@code level}. */
    private static void object(ProtoItem parent, int level, StringBuilder out) {
        if (parent.firstChild() == null) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean any = false;
        for (ProtoItem c = parent.firstChild(); c != null; c = c.next()) {
            any = member(c, level, out, any);
        }
        out.append('\n');
        JsonText.indent(out, level - 1);
        out.append('}');
    }

    /** Writes one node (and its "_tree" object when it has a value and children); returns true. */
    private static boolean member(ProtoItem c, int level, StringBuilder out, boolean any) {
        FieldDef f = c.field();
        boolean children = c.firstChild() != null;
        if (f == null || f.type() == FieldType.NONE || f.type() == FieldType.PROTOCOL) {
            String key = f == null ? labelText(c) : f.abbrev();
            open(out, level, any, key);
            if (children) {
                object(c, level + 1, out);
            } else {
                JsonText.quote(out, f != null && f.type() == FieldType.PROTOCOL ? labelText(c) : "");
            }
            return true;
        }
        open(out, level, any, f.abbrev());
        JsonText.quote(out, FieldFormat.showText(c));
        if (children) {
            open(out, level, true, f.abbrev() + "_tree");
            object(c, level + 1, out);
        }
        return true;
    }

    /** The label without generated brackets: what tshark uses as a key for text items and as a protocol's value. */
    private static String labelText(ProtoItem c) {
        return FieldFormat.plainLabel(c);
    }

    private static boolean open(StringBuilder out, int level, boolean any, String key) {
        out.append(any ? ",\n" : "\n");
        JsonText.indent(out, level);
        JsonText.quote(out, key);
        out.append(": ");
        return true;
    }

    /** The {@code -e} form: {@code "field": ["v1", "v2"]} for every requested field present. */
    private void fieldArrays(DissectedPacket p, StringBuilder out) {
        List<String>[] values = fields.valuesOf(p);
        List<String> names = fields.names();
        boolean any = false;
        out.append('{');
        for (int i = 0; i < values.length; i++) {
            if (values[i].isEmpty()) {
                continue;
            }
            any = open(out, 4, any, names.get(i));
            out.append('[');
            for (int j = 0; j < values[i].size(); j++) {
                out.append(j == 0 ? "\n" : ",\n");
                JsonText.indent(out, 5);
                JsonText.quote(out, values[i].get(j));
            }
            out.append('\n');
            JsonText.indent(out, 4);
            out.append(']');
        }
        if (!any) {
            out.setLength(out.length() - 1);
            out.append("{}");
            return;
        }
        out.append('\n');
        JsonText.indent(out, 3);
        out.append('}');
    }
}
