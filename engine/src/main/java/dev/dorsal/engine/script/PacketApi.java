package dev.dorsal.engine.script;

import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TruncatedException;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * The per-packet half of the host façade: tree additions, column updates, pinfo reads and writes,
 * and calls into other dissectors. The prelude reads bytes itself (from the packet's byte array) and
 * batches column text, so a script crosses into Java only where the tree or another dissector needs
 * it. Scripts never see this object directly.
 */
public final class PacketApi {
    private final ScriptContext ctx;

    PacketApi(ScriptContext ctx) {
        this.ctx = ctx;
    }

    // ---- tree ----------------------------------------------------------------------------------

    @Export
    public ProtoItem addField(ProtoItem parent, int field, Tvb tvb, int off, int len, boolean le) {
        FieldDef f = ctx.fields.get(field);
        if (tvb == null) {
            return parent.addUint(f, null, 0, 0, 0);
        }
        return le ? parent.addLE(f, tvb, off, len) : parent.add(f, tvb, off, len);
    }

    @Export
    public ProtoItem addNumber(ProtoItem parent, int field, Tvb tvb, int off, int len, double value) {
        FieldDef f = ctx.fields.get(field);
        return switch (f.type()) {
            case FLOAT, DOUBLE -> parent.addDouble(f, tvb, off, len, value);
            case BOOLEAN -> parent.addBool(f, tvb, off, len, value != 0);
            default -> parent.addUint(f, tvb, off, len, (long) value);
        };
    }

    /** A 64-bit value given as its decimal text (a BigInt in the script). */
    @Export
    public ProtoItem addBig(ProtoItem parent, int field, Tvb tvb, int off, int len, String decimal) {
        long v = decimal.startsWith("-") ? Long.parseLong(decimal) : Long.parseUnsignedLong(decimal);
        return parent.addUint(ctx.fields.get(field), tvb, off, len, v);
    }

    @Export
    public ProtoItem addString(ProtoItem parent, int field, Tvb tvb, int off, int len, String value) {
        return parent.addString(ctx.fields.get(field), tvb, off, len, value);
    }

    @Export
    public ProtoItem addBool(ProtoItem parent, int field, Tvb tvb, int off, int len, boolean value) {
        return parent.addBool(ctx.fields.get(field), tvb, off, len, value);
    }

    @Export
    public ProtoItem addBytes(ProtoItem parent, int field, Tvb tvb, int off, int len, String hex) {
        return parent.addBytes(ctx.fields.get(field), tvb, off, len, HexFormat.of().parseHex(hex));
    }

    /** A time: absolute (since the epoch) or relative, as seconds and nanoseconds. */
    @Export
    public ProtoItem addTime(ProtoItem parent, int field, Tvb tvb, int off, int len, double secs, int nanos) {
        return parent.addTime(ctx.fields.get(field), tvb, off, len, (long) secs * 1_000_000_000L + nanos);
    }

    @Export
    public ProtoItem addProtocol(ProtoItem parent, int proto, Tvb tvb, int off, int len) {
        return parent.addProtocol(ctx.protos.get(proto).def, tvb, off, len);
    }

    @Export
    public ProtoItem addText(ProtoItem parent, Tvb tvb, int off, int len, String text) {
        return parent.addText(tvb, off, len, text);
    }

    @Export
    public void setText(ProtoItem item, String text) {
        item.setText(text);
    }

    @Export
    public void appendText(ProtoItem item, String text) {
        item.appendText(text);
    }

    @Export
    public void prependText(ProtoItem item, String text) {
        if (item.tree().detailed()) {
            item.setText(text + plainLabel(item));
        }
    }

    @Export
    public String itemText(ProtoItem item) {
        return item.field() == null && item.label() == null ? "" : plainLabel(item);
    }

    /** The label as the dissector sees it: without the brackets output adds to generated items. */
    private static String plainLabel(ProtoItem item) {
        String l = FieldFormat.label(item);
        return item.generated() && l.startsWith("[") && l.endsWith("]") ? l.substring(1, l.length() - 1) : l;
    }

    @Export
    public void setGenerated(ProtoItem item) {
        item.setGenerated();
    }

    @Export
    public void setHidden(ProtoItem item) {
        item.setHidden();
    }

    @Export
    public void setLen(ProtoItem item, int len) {
        item.setLength(len);
    }

    @Export
    public int itemLen(ProtoItem item) {
        return item.length();
    }

    @Export
    public ProtoItem expert(ProtoItem item, int expert, String text) {
        return item.expert(ctx.experts.get(expert), text);
    }

    // ---- columns -------------------------------------------------------------------------------

    /** Applies the script's batched column changes: Protocol (if not null), then Info reset and/or appended text. */
    @Export
    public void cols(PacketInfo pinfo, String protocol, boolean resetInfo, String text) {
        Columns c = pinfo.columns();
        if (protocol != null) {
            c.setProtocol(protocol);
        }
        if (resetInfo) {
            c.setInfo(text == null ? "" : text);
        } else if (text != null && !text.isEmpty()) {
            c.appendInfo(text);
        }
    }

    @Export
    public void colPrepend(PacketInfo pinfo, String text) {
        pinfo.columns().prependInfo(text);
    }

    @Export
    public void colFence(PacketInfo pinfo) {
        pinfo.columns().fenceInfo();
    }

    @Export
    public String colGet(PacketInfo pinfo, String name) {
        Columns c = pinfo.columns();
        return switch (name) {
            case "protocol" -> c.protocol();
            case "info" -> c.info();
            case "src", "def_src" -> c.source() != null ? c.source() : pinfo.src().toString();
            case "dst", "def_dst" -> c.destination() != null ? c.destination() : pinfo.dst().toString();
            case "number" -> Long.toString(pinfo.number());
            default -> "";
        };
    }

    @Export
    public void colSet(PacketInfo pinfo, String name, String text) {
        Columns c = pinfo.columns();
        switch (name) {
            case "src", "def_src" -> c.setSource(text);
            case "dst", "def_dst" -> c.setDestination(text);
            default -> throw new IllegalArgumentException("pinfo.cols: column '" + name + "' cannot be set");
        }
    }

    // ---- pinfo ---------------------------------------------------------------------------------

    /** Numeric pinfo attributes by code (see the prelude's Pinfo). */
    @Export
    public double pnum(PacketInfo p, int code) {
        var f = p.frame();
        return switch (code) {
            case 0 -> f.number();
            case 1 -> f.originalLength();
            case 2 -> f.capturedLength();
            case 3 -> f.timestampNanos() / 1e9;
            case 4 -> f.relativeNanos() / 1e9;
            case 5 -> f.deltaNanos() / 1e9;
            case 6 -> f.deltaDisplayedNanos() / 1e9;
            case 7 -> f.relativeNanos();
            case 8 -> p.visited() ? 1 : 0;
            case 9 -> p.canDesegment() ? 1 : 0;
            case 10 -> p.desegmentLength();
            case 11 -> p.desegmentOffset();
            case 12 -> p.srcPort();
            case 13 -> p.dstPort();
            case 14 -> inErrorPacket(p) ? 1 : 0;
            case 15 -> Math.floorDiv(f.timestampNanos(), 1_000_000_000L);
            case 16 -> Math.floorMod(f.timestampNanos(), 1_000_000_000L);
            default -> throw new IllegalArgumentException("pinfo: no attribute " + code);
        };
    }

    private static boolean inErrorPacket(PacketInfo p) {
        List<String> layers = p.layerNames();
        for (int i = layers.size() - 2; i >= 0; i--) {
            if (layers.get(i).equals("icmp") || layers.get(i).equals("icmpv6")) {
                return true;
            }
        }
        return false;
    }

    /** An address of the packet as "type|text": 0 src, 1 dst, 2 net_src, 3 net_dst, 4 dl_src, 5 dl_dst. */
    @Export
    public String paddr(PacketInfo p, int code) {
        Address a = switch (code) {
            case 0 -> p.src();
            case 1 -> p.dst();
            case 2 -> p.netSrc();
            case 3 -> p.netDst();
            case 4 -> p.dlSrc();
            default -> p.dlDst();
        };
        return a.type().name() + "|" + a;
    }

    @Export
    public String portType(PacketInfo p) {
        return p.portType() == null ? "" : p.portType();
    }

    @Export
    public String layers(PacketInfo p) {
        return String.join(":", p.layerNames());
    }

    @Export
    public void setPorts(PacketInfo p, String type, int src, int dst) {
        p.setPorts(type == null || type.isEmpty() ? p.portType() : type, src, dst);
    }

    @Export
    public void setAddress(PacketInfo p, int code, String type, String text) {
        Address a = switch (type) {
            case "IPv4" -> Address.ipv4(ipv4(text));
            case "NONE" -> Address.NONE;
            default -> new Address(Address.Type.STRING, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
        switch (code) {
            case 0 -> p.setAddresses(a, p.dst());
            case 1 -> p.setAddresses(p.src(), a);
            case 2 -> p.setNetAddresses(a, p.netDst());
            case 3 -> p.setNetAddresses(p.netSrc(), a);
            case 4 -> p.setDlAddresses(a, p.dlDst());
            default -> p.setDlAddresses(p.dlSrc(), a);
        }
    }

    private static long ipv4(String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("Address.ip: '" + text + "' is not an IPv4 address");
        }
        long v = 0;
        for (String s : parts) {
            v = (v << 8) | (Integer.parseInt(s) & 0xff);
        }
        return v;
    }

    @Export
    public void setDesegment(PacketInfo p, int offset, int length) {
        p.setDesegment(offset, length);
    }

    /** Index of the packet's conversation (network addresses, port type and ports) for this script. */
    @Export
    public int conversation(PacketInfo p) {
        return p.state(ctx.conversationsKey, ScriptConversations::new)
                .find(p.netSrc(), p.srcPort(), p.netDst(), p.dstPort(), p.portType());
    }

    /** {@code len} bytes of the packet's byte array as Latin-1 text: one call instead of one per byte. */
    @Export
    public String latin1(byte[] bytes, int start, int len) {
        return new String(bytes, start, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** {@code len} bytes as UTF-8 text (malformed sequences become U+FFFD). */
    @Export
    public String utf8(byte[] bytes, int start, int len) {
        return new String(bytes, start, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- tvbs and calls ------------------------------------------------------------------------

    @Export
    public Tvb slice(Tvb parent, int off, int len) {
        return parent.slice(off, len);
    }

    @Export
    public Tvb dataSource(PacketInfo p, String name, String hex) {
        return p.addDataSource(name, HexFormat.of().parseHex(hex));
    }

    /** Throws the engine's bounds error, so a short packet is marked exactly as a Java dissector's would be. */
    @Export
    public void bounds(boolean truncated, String message) {
        if (truncated) {
            throw new TruncatedException(message);
        }
        throw new MalformedException(message);
    }

    /**
     * The tvb a call hands on: {@code tvb} itself when {@code off < 0}, else its slice of {@code len}
     * bytes at {@code off} (so a script's sub-tvb costs no call of its own).
     */
    private static Tvb at(Tvb tvb, int off, int len) {
        return off < 0 ? tvb : tvb.slice(off, len);
    }

    /** Pending column text travels with each call out, so it costs no call of its own either. */
    private static void columns(PacketInfo p, String protocol, boolean reset, String text) {
        if (protocol != null || reset || (text != null && !text.isEmpty())) {
            Columns c = p.columns();
            if (protocol != null) {
                c.setProtocol(protocol);
            }
            if (reset) {
                c.setInfo(text == null ? "" : text);
            } else if (text != null && !text.isEmpty()) {
                c.appendInfo(text);
            }
        }
    }

    @Export
    public int call(DissectorHandle h, Tvb tvb, int off, int len, PacketInfo p, ProtoItem tree, String protocol,
            boolean reset, String text) {
        columns(p, protocol, reset, text);
        return p.call(h, at(tvb, off, len), tree);
    }

    @Export
    public int tryTable(DissectorTable t, double key, Tvb tvb, int off, int len, PacketInfo p, ProtoItem tree,
            String protocol, boolean reset, String text) {
        columns(p, protocol, reset, text);
        return t.tryDissect((long) key, at(tvb, off, len), p, tree);
    }

    @Export
    public int tryTableString(DissectorTable t, String key, Tvb tvb, int off, int len, PacketInfo p, ProtoItem tree,
            String protocol, boolean reset, String text) {
        columns(p, protocol, reset, text);
        return t.tryDissect(key, at(tvb, off, len), p, tree);
    }

    @Export
    public boolean tryHeuristics(String list, Tvb tvb, int off, int len, PacketInfo p, ProtoItem tree, String protocol,
            boolean reset, String text) {
        columns(p, protocol, reset, text);
        return p.tables().heuristics(list).tryHeuristics(at(tvb, off, len), p, tree);
    }

    /**
     * What does not change while one dissector runs, in one call: number, len, caplen, abs_ts, rel_ts,
     * delta_ts, delta_dis_ts, rel_ns, visited, in_error_pkt, abs secs, abs nanos.
     */
    @Export
    public double[] frameInfo(PacketInfo p) {
        var f = p.frame();
        return new double[] {f.number(), f.originalLength(), f.capturedLength(), f.timestampNanos() / 1e9,
            f.relativeNanos() / 1e9, f.deltaNanos() / 1e9, f.deltaDisplayedNanos() / 1e9, f.relativeNanos(),
            p.visited() ? 1 : 0, inErrorPacket(p) ? 1 : 0, Math.floorDiv(f.timestampNanos(), 1_000_000_000L),
            Math.floorMod(f.timestampNanos(), 1_000_000_000L)};
    }

    // ---- field extractors ----------------------------------------------------------------------

    /** Every occurrence of extractor {@code idx}'s field in the current packet, in tree order. */
    @Export
    public FieldInfoView[] fieldValues(int idx) {
        PacketTree tree = ctx.currentTree;
        if (tree == null) {
            throw new IllegalStateException("Field: extractors can only be called while a packet is dissected or tapped");
        }
        List<FieldInfoView> out = new ArrayList<>(2);
        // Lookup is by name: every FieldDef sharing the abbreviation is the same field here.
        for (ProtoItem item : FieldValues.find(tree, ctx.extractors.get(idx).get(0))) {
            out.add(new FieldInfoView(item));
        }
        return out.toArray(FieldInfoView[]::new);
    }

    /** Attributes of a tapped packet: 0 number, 1 len, 2 caplen, 3 abs_ts, 4 rel_ts, 5 src_port, 6 dst_port. */
    @Export
    public double tapNum(TapPacket t, int code) {
        var f = t.packet().frame();
        return switch (code) {
            case 0 -> f.number();
            case 1 -> f.originalLength();
            case 2 -> f.capturedLength();
            case 3 -> f.timestampNanos() / 1e9;
            case 4 -> f.relativeNanos() / 1e9;
            case 5 -> port(t.packet().tree(), "srcport");
            case 6 -> port(t.packet().tree(), "dstport");
            default -> 0;
        };
    }

    /** The innermost TCP or UDP port of a dissected packet (ports are not kept beside the tree). */
    private static double port(PacketTree tree, String which) {
        ProtoItem last = null;
        for (String proto : new String[] {"udp.", "tcp."}) {
            List<ProtoItem> items = FieldValues.find(tree, proto + which);
            if (!items.isEmpty()) {
                ProtoItem i = items.get(items.size() - 1);
                if (last == null || i.layer() >= last.layer()) {
                    last = i;
                }
            }
        }
        return last == null ? 0 : last.num();
    }

    /** Text attributes of a tapped packet: "src", "dst", "protocol", "info", "protocols". */
    @Export
    public String tapText(TapPacket t, String what) {
        var p = t.packet();
        return switch (what) {
            case "src" -> p.src().toString();
            case "dst" -> p.dst().toString();
            case "protocol" -> p.columns().protocol();
            case "info" -> p.columns().info();
            case "protocols" -> p.protocolsInFrame();
            default -> "";
        };
    }
}
