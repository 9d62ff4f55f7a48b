package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -z expert[,error|warn|note|chat|comment][,filter]}: the expert infos of every packet, one
 * row per distinct (protocol, summary) within each severity, with how often it was raised, in order of
 * first appearance; severities print from Errors down to Comments, empty ones not at all. The level
 * keeps that severity and the ones above it.
 *
 * <p>The protocol is the innermost protocol node holding the item (see {@link #protocolOf}); for the
 * engine's own malformed-packet and dissector-bug items it is the protocol being dissected when the
 * error happened (the top-level layer before the {@code _ws.malformed} node), as tshark names it.
 * Items inside the copy of a packet that an ICMP error quotes are not counted, as in tshark.
 *
 * <p>Bounded state: at most {@value #MAX_ROWS} distinct rows per severity; further distinct items are
 * counted in the severity's total only, and one line at the end says how many were not listed.
 */
final class ExpertTap implements Tap {
    static final int MAX_ROWS = 100_000;

    private final Registry registry;
    private final ExpertDef.Severity lowest;
    private final TapFilter filter;
    private final Map<ExpertDef.Severity, Rows> bySeverity = new EnumMap<>(ExpertDef.Severity.class);
    private long dropped;

    private record Key(String protocol, String summary) {}

    private static final class Row {
        final Key key;
        final ExpertDef.Group group;
        long count;

        Row(Key key, ExpertDef.Group group) {
            this.key = key;
            this.group = group;
        }
    }

    private static final class Rows {
        final Map<Key, Row> index = new HashMap<>();
        final List<Row> order = new ArrayList<>();
        long total;
    }

    ExpertTap(Registry registry, ExpertDef.Severity lowest, TapFilter filter) {
        this.registry = registry;
        this.lowest = lowest;
        this.filter = filter;
    }

    @Override
    public void packet(DissectedPacket p) {
        PacketTree tree = p.tree();
        if (tree.experts().isEmpty() || !TapFilter.passes(filter, p)) {
            return;
        }
        for (PacketTree.Expert e : tree.experts()) {
            ExpertDef def = e.def();
            if (def.severity().code < lowest.code || inErrorPacket(e.item())) {
                continue;
            }
            Rows rows = bySeverity.computeIfAbsent(def.severity(), s -> new Rows());
            rows.total++;
            Key key = new Key(protocolOf(e), e.message());
            Row row = rows.index.get(key);
            if (row == null) {
                if (rows.order.size() >= MAX_ROWS) {
                    dropped++;
                    continue;
                }
                row = new Row(key, def.group());
                rows.index.put(key, row);
                rows.order.add(row);
            }
            row.count++;
        }
    }

    /**
     * The short name of the protocol an expert info belongs to, as the Protocol column shows it:
     * tshark names the protocol being dissected when the info was raised, which is the innermost
     * protocol node holding the item (an IPv6 extension header counts as its own protocol), or the
     * protocol that registered it when the item is not in one.
     */
    private String protocolOf(PacketTree.Expert e) {
        ExpertDef def = e.def();
        if (def == CoreFields.MALFORMED_EXPERT || def == CoreFields.DISSECTOR_BUG) {
            String current = layerBefore(e.item());
            if (current != null) {
                return current;
            }
        }
        for (ProtoItem n = e.item(); n != null && n.parent() != null; n = n.parent()) {
            ProtocolDef proto = protocol(n);
            if (proto != null && proto != CoreFields.WS_EXPERT_PROTO) {
                return proto.shortName();
            }
        }
        String owner = def.field().protocolFilterName();
        ProtocolDef proto = owner == null ? null : registry.fields().protocol(owner);
        return proto != null ? proto.shortName() : owner != null ? owner : "";
    }

    /** The protocol {@code n} is the node of, or null. */
    private ProtocolDef protocol(ProtoItem n) {
        FieldDef f = n.field();
        if (f == null || f.type() != FieldType.PROTOCOL) {
            return null;
        }
        ProtocolDef proto = registry.fields().protocol(f.abbrev());
        return proto != null && proto.field() == f ? proto : null;
    }

    /**
     * True when the item is inside the copy of an offending packet that an ICMP or ICMPv6 error
     * carries (a protocol nested in the error's subtree): tshark does not tap what is found there.
     */
    private static boolean inErrorPacket(ProtoItem item) {
        boolean nested = false;
        for (ProtoItem n = item; n != null && n.parent() != null; n = n.parent()) {
            FieldDef f = n.field();
            boolean top = n.parent().parent() == null;
            if (top) {
                return nested && f != null && (f.abbrev().equals("icmp") || f.abbrev().equals("icmpv6"));
            }
            if (f != null && f.type() == FieldType.PROTOCOL
                    && (f.abbrev().equals("ip") || f.abbrev().equals("ipv6") || f.abbrev().equals("tcp")
                            || f.abbrev().equals("udp") || f.abbrev().equals("icmp") || f.abbrev().equals("icmpv6"))) {
                nested = true;
            }
        }
        return false;
    }

    /** The short name of the last protocol layer before the top-level node holding {@code item}. */
    private String layerBefore(ProtoItem item) {
        ProtoItem top = item;
        while (top != null && top.parent() != null && top.parent().parent() != null) {
            top = top.parent();
        }
        if (top == null || top.parent() == null) {
            return null;
        }
        String found = null;
        for (ProtoItem n = top.parent().firstChild(); n != null && n != top; n = n.next()) {
            ProtocolDef proto = protocol(n);
            if (proto != null) {
                found = proto.shortName();
            }
        }
        return found;
    }

    @Override
    public void finish(PrintStream out) {
        StringBuilder sb = new StringBuilder(1024);
        section(sb, ExpertDef.Severity.ERROR, "Errors");
        section(sb, ExpertDef.Severity.WARN, "Warns");
        section(sb, ExpertDef.Severity.NOTE, "Notes");
        section(sb, ExpertDef.Severity.CHAT, "Chats");
        section(sb, ExpertDef.Severity.COMMENT, "Comments");
        if (dropped > 0) {
            sb.append("(").append(dropped).append(" expert infos beyond ").append(MAX_ROWS)
                    .append(" distinct summaries per severity were not listed)\n");
        }
        out.print(sb);
    }

    private void section(StringBuilder sb, ExpertDef.Severity severity, String title) {
        Rows rows = bySeverity.get(severity);
        if (rows == null || rows.order.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append(" (").append(rows.total).append(")\n");
        sb.append("=============\n");
        sb.append("   Frequency      Group           Protocol  Summary\n");
        for (Row r : rows.order) {
            sb.append(CText.left(r.count, 12)).append(' ').append(CText.left(r.group.label, 10)).append(' ')
                    .append(CText.left(r.key.protocol(), 18)).append("  ").append(r.key.summary()).append('\n');
        }
    }

    @Override
    public Set<String> fieldsNeeded() {
        // Expert infos come from every layer: naming _ws.expert keeps the protocols above TCP/UDP
        // running even when no other field of theirs is wanted (see DissectionOptions).
        Set<String> s = new java.util.HashSet<>(filter == null ? Set.of() : filter.fields());
        s.add("_ws.expert");
        return s;
    }

    @Override
    public Set<String> filterFields() {
        return filter == null ? Set.of() : filter.fields();
    }

    @Override
    public boolean needsDetailedTree() {
        return false;
    }
}
