package dev.dorsal.engine.output;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code -T ek} as tshark 4.0 does: per packet an Elasticsearch bulk "index" line and one
 * JSON document on a line of its own.
 *
 * <pre>{@code
 * {"index":{"_index":"packets-2026-11-27","_type":"doc"}}
 * {"timestamp":"1795757801942","layers":{"frame":{"frame_frame_number":"1",...},"eth":{...}}}
 * }</pre>
 *
 * <p>A protocol is an object; every other node is a member of the object of the protocol around
 * it, named after the protocol that registered its field and the field, dots as underscores
 * ({@code ip_ip_ttl}; text-only nodes are {@code text}), and followed by the members made of its
 * children, where below a protocol's own children a text node's children count as its siblings. Siblings with the same name become one member with an array of values. Values are
 * strings as JSON's "show", except booleans ({@code true}/{@code false}), FT_NONE ({@code null})
 * and absolute times (ISO 8601 in UTC). With {@code -e} fields ({@link #EkFormatter(FieldsFormatter)})
 * the layers object holds one array of values per requested field that is present.
 */
public final class EkFormatter implements PacketFormatter {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final FieldsFormatter fields;

    /** @param fields the {@code -e} fields, or null for the whole tree */
    public EkFormatter(FieldsFormatter fields) {
        this.fields = fields;
    }

    @Override
    public void packet(DissectedPacket p, StringBuilder out) {
        long nanos = p.frame().timestampNanos();
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        out.append("{\"index\":{\"_index\":\"packets-").append(LocalDate.ofEpochDay(Math.floorDiv(seconds, 86400)))
                .append("\",\"_type\":\"doc\"}}\n");
        // Seconds, then the milliseconds in three digits: the epoch itself is "0000".
        String ms = Long.toString(Math.floorMod(nanos, 1_000_000_000L) / 1_000_000L);
        out.append("{\"timestamp\":\"").append(seconds).append("000", 0, 3 - ms.length()).append(ms)
                .append("\",\"layers\":{");
        if (fields == null) {
            members(children(p.tree().root()), out, false, true);
        } else {
            fieldArrays(p, out);
        }
        out.append("}}\n");
    }

    /**
     * Writes the members made of {@code nodes}; returns whether any was written. At the level of a
     * protocol's children ({@code top}) every group is followed by the members of its nodes' children.
     * Below it the members come from {@link #table}, as tshark 4.0 lays them out.
     */
    private static boolean members(List<ProtoItem> nodes, StringBuilder out, boolean any, boolean top) {
        Map<String, List<ProtoItem>> groups = new LinkedHashMap<>();
        for (ProtoItem n : nodes) {
            groups.computeIfAbsent(key(n), k -> new ArrayList<>(1)).add(n);
        }
        for (Map.Entry<String, List<ProtoItem>> g : groups.entrySet()) {
            List<ProtoItem> same = g.getValue();
            if (any) {
                out.append(',');
            }
            any = true;
            JsonText.quote(out, g.getKey());
            out.append(':');
            if (same.size() > 1) {
                out.append('[');
            }
            for (int i = 0; i < same.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(same.get(i), out);
            }
            if (same.size() > 1) {
                out.append(']');
            }
            ProtoItem first = same.getFirst();
            if (!isProtocol(first) && (top || nested(first))) {
                any = members(table(same), out, true, false);
            }
        }
        return any;
    }

    /** Below a protocol's own children, a field group has members of its own when its first node has children. */
    private static boolean nested(ProtoItem first) {
        return first.field() != null && first.hasChildren();
    }

    /**
     * The nodes of the level below {@code group}, in document order: the children of its nodes, where a
     * text node's children count as its siblings (recursively), and so do the children of a field node
     * whose group here starts with a node without children (tshark 4.0's EK layout: only a field group
     * whose first node has children gets a level of its own).
     */
    private static List<ProtoItem> table(List<ProtoItem> group) {
        List<ProtoItem> out = new ArrayList<>();
        Map<String, ProtoItem> firsts = new java.util.HashMap<>();
        for (ProtoItem n : group) {
            fill(n, out, firsts);
        }
        return out;
    }

    private static void fill(ProtoItem parent, List<ProtoItem> out, Map<String, ProtoItem> firsts) {
        for (ProtoItem c = parent.firstChild(); c != null; c = c.next()) {
            out.add(c);
            ProtoItem first = firsts.putIfAbsent(key(c), c);
            if (isProtocol(c)) {
                continue;
            }
            if (c.field() == null || (first != null && !first.hasChildren())) {
                fill(c, out, firsts);
            }
        }
    }

    private static void value(ProtoItem n, StringBuilder out) {
        FieldDef f = n.field();
        if (f == null) {
            JsonText.quote(out, FieldFormat.plainLabel(n));
            return;
        }
        switch (f.type()) {
            case PROTOCOL -> {
                out.append('{');
                members(children(n), out, false, true);
                out.append('}');
            }
            case NONE -> out.append("null");
            case BOOLEAN -> out.append(n.num() != 0 ? "true" : "false");
            case ABSOLUTE_TIME -> {
                long nanos = n.num();
                String ns = Long.toString(Math.floorMod(nanos, 1_000_000_000L));
                out.append('"').append(ISO_SECONDS.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L))))
                        .append('.').append("000000000", 0, 9 - ns.length()).append(ns).append("Z\"");
            }
            default -> JsonText.quote(out, FieldFormat.showText(n));
        }
    }

    /** The member name: protocols by their own name, fields after their protocol, text nodes "text". */
    private static String key(ProtoItem n) {
        FieldDef f = n.field();
        if (f == null) {
            return "text";
        }
        String owner = f.protocolFilterName();
        boolean ownName = f.type() == FieldType.PROTOCOL || owner == null || optionProtocol(f);
        String name = ownName ? f.abbrev() : owner + "_" + f.abbrev();
        return name.replace('.', '_');
    }

    /**
     * The IPv4 and TCP options themselves ({@code ip.options.nop}, {@code tcp.options.mss}): tshark
     * registers each as a protocol in name only (a byte field with no parent), so EK names them by
     * themselves; their fields ({@code tcp.options.mss_val}) are named as usual.
     */
    private static boolean optionProtocol(FieldDef f) {
        if (f.type() != FieldType.BYTES) {
            return false;
        }
        String a = f.abbrev();
        String rest = a.startsWith("ip.options.") ? a.substring(11) : a.startsWith("tcp.options.") ? a.substring(12) : null;
        return rest != null && !rest.isEmpty() && rest.indexOf('.') < 0;
    }

    private static boolean isProtocol(ProtoItem n) {
        return n.field() != null && n.field().type() == FieldType.PROTOCOL;
    }

    private static List<ProtoItem> children(ProtoItem n) {
        List<ProtoItem> list = new ArrayList<>();
        for (ProtoItem c = n.firstChild(); c != null; c = c.next()) {
            list.add(c);
        }
        return list;
    }

    /** The {@code -e} form: {@code "field":["v1","v2"]} for every requested field present. */
    private void fieldArrays(DissectedPacket p, StringBuilder out) {
        List<String>[] values = fields.valuesOf(p);
        List<String> names = fields.names();
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i].isEmpty()) {
                continue;
            }
            if (any) {
                out.append(',');
            }
            any = true;
            JsonText.quote(out, names.get(i).replace('.', '_'));
            out.append(":[");
            for (int j = 0; j < values[i].size(); j++) {
                if (j > 0) {
                    out.append(',');
                }
                JsonText.quote(out, values[i].get(j));
            }
            out.append(']');
        }
    }
}
