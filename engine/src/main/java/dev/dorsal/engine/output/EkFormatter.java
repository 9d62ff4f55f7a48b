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
 * children. Siblings with the same name become one member with an array of values. Values are
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
            members(children(p.tree().root()), out, false);
        } else {
            fieldArrays(p, out);
        }
        out.append("}}\n");
    }

    /**
     * A group of nodes written as one member: same name, and a parent of the same name (so the
     * children of every "Global settings"-like text node share groups, while {@code eth.addr} under
     * {@code eth.dst} and under {@code eth.src} stay apart), as tshark 4.0.17's EK output groups them.
     */
    private record Group(String parentKey, String key) {}

    /**
     * Writes the members made of {@code nodes} and, flattened, the nodes below them down to the next
     * protocol: each group of same-named nodes ({@link Group}) as one member, in the order the groups
     * first appear in a depth-first walk, as tshark's EK writer places them; returns whether any was
     * written.
     */
    private static boolean members(List<ProtoItem> nodes, StringBuilder out, boolean any) {
        Map<Group, List<ProtoItem>> groups = new LinkedHashMap<>();
        collect(nodes, null, groups);
        for (Map.Entry<Group, List<ProtoItem>> g : groups.entrySet()) {
            List<ProtoItem> same = g.getValue();
            if (any) {
                out.append(',');
            }
            any = true;
            JsonText.quote(out, g.getKey().key());
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
        }
        return any;
    }

    private static void collect(List<ProtoItem> nodes, String parentKey, Map<Group, List<ProtoItem>> groups) {
        for (ProtoItem n : nodes) {
            String key = key(n);
            groups.computeIfAbsent(new Group(parentKey, key), k -> new ArrayList<>(1)).add(n);
            if (!isProtocol(n)) {
                collect(children(n), key, groups);
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
                members(children(n), out, false);
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
