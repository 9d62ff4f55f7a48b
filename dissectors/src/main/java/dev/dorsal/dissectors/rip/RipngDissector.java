package dev.dorsal.dissectors.rip;

import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads RIPng (RFC 2080) on UDP port 521: the 4-byte header and its 20-byte route table entries
 * (next-hop entries, metric 0xff, are shown as routes, as tshark shows them). Filter prefix
 * {@code ripng.}.
 *
 * <pre>
 * | command (1) | version (1) | reserved (2) | entries: | IPv6 prefix (16) | tag (2) | prefix len (1) | metric (1) |
 * </pre>
 */
public final class RipngDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("RIPng", "RIPng", "ripng");
    static final int PORT = 521;

    static final ValueString COMMANDS = ValueString.of(1, "Request", 2, "Response");

    static final FieldDef CMD = FieldDef.uint8("ripng.cmd", "Command").vals(COMMANDS)
            .blurb("Used to specify the purpose of this message");
    static final FieldDef VERSION = FieldDef.uint8("ripng.version", "Version").blurb("Version of RIPng");
    static final FieldDef RESERVED = FieldDef.bytes("ripng.reserved", "Reserved").blurb("Must be Zero");
    static final FieldDef RTE = FieldDef.none("ripng.rte", "Route Table Entry");
    static final FieldDef PREFIX = FieldDef.ipv6("ripng.rte.ipv6_prefix", "IPv6 Prefix").blurb("Destination");
    static final FieldDef ROUTE_TAG = FieldDef.uint16("ripng.rte.route_tag", "Route Tag").hex();
    static final FieldDef PREFIX_LENGTH = FieldDef.uint8("ripng.rte.prefix_length", "Prefix Length");
    static final FieldDef METRIC = FieldDef.uint8("ripng.rte.metric", "Metric");

    static final List<FieldDef> FIELDS = List.of(CMD, VERSION, RESERVED, RTE, PREFIX, ROUTE_TAG, PREFIX_LENGTH,
            METRIC);

    private static final int HEADER = 4;
    private static final int ENTRY = 20;

    @Override
    public String name() {
        return "ripng";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("ripng", PROTO, RipngDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("ripng"));
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int cmd = tvb.u8(0);
        int version = tvb.u8(1);
        Columns cols = pinfo.columns();
        cols.setProtocol("RIPng");
        cols.setInfo(" Command " + COMMANDS.nameOr(cmd, "Unknown (" + cmd + ")") + ", Version " + version);
        ProtoItem ripng = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        ripng.add(CMD, tvb, 0, 1);
        ripng.add(VERSION, tvb, 1, 1);
        ripng.add(RESERVED, tvb, 2, 2);
        if (ripng.tree().treeless()) {
            return tvb.length(); // tshark reads the entries only while building a tree: a cut one leaves Info alone
        }
        for (int off = HEADER; off < tvb.reportedLength(); off += ENTRY) {
            ProtoItem rte = ripng.add(RTE, tvb, off, Math.min(ENTRY, tvb.length() - off));
            byte[] prefix = tvb.bytes(off, 16);
            rte.addBytes(PREFIX, tvb, off, 16, prefix);
            rte.add(ROUTE_TAG, tvb, off + 16, 2);
            int plen = tvb.u8(off + 18);
            rte.add(PREFIX_LENGTH, tvb, off + 18, 1);
            int metric = tvb.u8(off + 19);
            rte.add(METRIC, tvb, off + 19, 1);
            rte.appendText(": IPv6 Prefix: " + AddressFormat.ipv6(prefix) + "/" + plen + " Metric: " + metric);
        }
        return tvb.length();
    }
}
