package dev.dorsal.shell.query;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.output.SummaryFormatter;
import dev.dorsal.engine.output.TextTreeFormatter;
import dev.dorsal.engine.output.TimeFormat;
import dev.dorsal.engine.output.Column;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * One packet as a query script sees it ({@code p} in {@code for (const p of capture.packets(...))}).
 * The packet comes dissected with the fields the script is known to read; asking for another field,
 * for the tree or the columns dissects it in full (once) through the cursor's second replay, and
 * the cursor then builds that field for every later packet.
 */
public final class PacketHandle {
    private final PacketCursor cursor;
    private final DissectedPacket light;
    private DissectedPacket full;

    PacketHandle(PacketCursor cursor, DissectedPacket light) {
        this.cursor = cursor;
        this.light = light;
    }

    @Export public long number() { return light.frame().number(); }

    /** Seconds since the epoch. */
    @Export public double time() { return light.frame().timestampNanos() / 1e9; }

    /** Seconds since the first frame (frame.time_relative). */
    @Export public double relativeTime() { return (light.frame().timestampNanos() - light.frame().firstNanos()) / 1e9; }

    @Export public int length() { return light.frame().originalLength(); }

    /** The first value of {@code field}, typed: number, boolean or string; null when absent. */
    @Export
    public Object get(String field) {
        List<ProtoItem> items = items(field);
        return items.isEmpty() ? null : value(items.get(0));
    }

    /** Every value of {@code field}, in tree order. */
    @Export
    public Object[] all(String field) {
        return items(field).stream().map(PacketHandle::value).toArray();
    }

    /** Whether the packet has {@code field} (or protocol). */
    @Export
    public boolean has(String field) {
        return !items(field).isEmpty();
    }

    /** Every value of {@code field} as tshark -T fields prints it, joined by commas. */
    @Export
    public String text(String field) {
        StringBuilder sb = new StringBuilder();
        for (ProtoItem i : items(field)) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(FieldFormat.fieldsText(i));
        }
        return sb.toString();
    }

    /** The first value of {@code field} as the detail tree shows it ("Client Hello (1)"), or null. */
    @Export
    public String display(String field) {
        List<ProtoItem> items = fullItems(field);
        return items.isEmpty() ? null : FieldFormat.label(items.get(0));
    }

    @Export public String summary() {
        StringBuilder sb = new StringBuilder();
        new SummaryFormatter(TimeFormat.RELATIVE).line(full(), sb);
        return sb.toString();
    }

    /** The detail tree as tshark -V prints it. */
    @Export public String detail() {
        StringBuilder sb = new StringBuilder();
        new TextTreeFormatter().tree(full(), sb);
        return sb.toString();
    }

    @Export public String src() { return column(Column.SOURCE); }
    @Export public String dst() { return column(Column.DESTINATION); }
    @Export public String protocol() { return full().columns().protocol(); }
    @Export public String info() { return full().columns().info(); }

    /** The tree as JSON: [{name, label, value, children: [...]}, ...] (the prelude parses it). */
    @Export
    public String treeJson() {
        StringBuilder sb = new StringBuilder();
        children(full().tree().root(), sb);
        return sb.toString();
    }

    private String column(Column c) {
        StringBuilder sb = new StringBuilder();
        c.append(sb, full(), TimeFormat.RELATIVE);
        return sb.toString();
    }

    private static void children(ProtoItem parent, StringBuilder sb) {
        sb.append('[');
        boolean first = true;
        for (ProtoItem n = parent.firstChild(); n != null; n = n.next()) {
            if (n.hidden()) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"name\":").append(json(n.field() == null ? "" : n.field().abbrev()));
            sb.append(",\"label\":").append(json(FieldFormat.label(n)));
            sb.append(",\"value\":").append(n.field() == null ? "null" : json(FieldFormat.showText(n)));
            sb.append(",\"children\":");
            children(n, sb);
            sb.append('}');
        }
        sb.append(']');
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The nodes of {@code field}: from the light tree when it was built with the field, else the full one. */
    private List<ProtoItem> items(String field) {
        List<FieldDef> defs = cursor.fieldDefs(field);
        if (defs.stream().allMatch(d -> light.tree().wants(d))) {
            return FieldValues.find(light.tree(), field);
        }
        cursor.learn(defs);
        return FieldValues.find(full().tree(), field);
    }

    /** The packet as dissected for the cursor (the filter's and learned fields). */
    DissectedPacket lightPacket() {
        return light;
    }

    /** The packet's full tree (dissected on first use). */
    dev.dorsal.engine.spi.PacketTree fullTree() {
        return full().tree();
    }

    /** The network source and destination with ports of {@code proto}, as "addr:port". */
    String endpoint(boolean source, String proto) {
        List<ProtoItem> port = items(proto + (source ? ".srcport" : ".dstport"));
        return Streams.endpoint(source ? light.netSrc() : light.netDst(), port.isEmpty() ? null : port.get(0));
    }

    private List<ProtoItem> fullItems(String field) {
        cursor.fieldDefs(field);
        return FieldValues.find(full().tree(), field);
    }

    private DissectedPacket full() {
        if (light.tree().detailed() && light.columns() != null) {
            return light;
        }
        if (full == null) {
            full = cursor.fullDissection(light.frame().number());
        }
        return full;
    }

    /** A node's value for JavaScript: numbers, booleans, else tshark's -T fields text. */
    static Object value(ProtoItem item) {
        FieldDef f = item.field();
        FieldType t = f.type();
        return switch (t) {
            case BOOLEAN -> item.num() != 0;
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, INT8, INT16, INT24, INT32, INT40, INT48,
                    INT56, FRAMENUM -> (double) item.num();
            case UINT64, INT64 -> Math.abs(item.num()) < (1L << 53) ? (Object) (double) item.num() : FieldFormat.fieldsText(item);
            case FLOAT, DOUBLE -> item.doubleValue();
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> {
                String s = item.stringValue();
                yield s != null ? s : FieldFormat.fieldsText(item);
            }
            default -> FieldFormat.fieldsText(item);
        };
    }
}
