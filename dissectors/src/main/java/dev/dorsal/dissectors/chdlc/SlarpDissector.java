package dev.dorsal.dissectors.chdlc;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * Reads Cisco's Serial Line Address Resolution Protocol, carried by Cisco HDLC as protocol 0x8035:
 * address requests and replies (an IPv4 address and netmask) and the line keepalives that count
 * sequence numbers both ways. Filter prefix {@code slarp.}.
 *
 * <pre>
 * | packet type (32) | request/reply: address (32) | netmask (32) |
 *                    | keepalive: outgoing seq (32) | returned seq (32) | reliability (16) |
 * </pre>
 */
public final class SlarpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Cisco SLARP", "SLARP", "slarp");

    static final int REQUEST = 0;
    static final int REPLY = 1;
    static final int KEEPALIVE = 2;
    static final ValueString TYPES = ValueString.of(REQUEST, "Request", REPLY, "Reply", KEEPALIVE, "Line keepalive");

    static final FieldDef PTYPE = FieldDef.uint32("slarp.ptype", "Packet type").vals(TYPES);
    static final FieldDef ADDRESS = FieldDef.ipv4("slarp.address", "Address");
    static final FieldDef NETMASK = FieldDef.ipv4("slarp.netmask", "Netmask");
    static final FieldDef MYSEQUENCE = FieldDef.uint32("slarp.mysequence", "Outgoing sequence number");
    static final FieldDef YOURSEQUENCE = FieldDef.uint32("slarp.yoursequence", "Returned sequence number");
    static final FieldDef RELIABILITY = FieldDef.uint16("slarp.reliability", "Reliability").hex();

    static final List<FieldDef> FIELDS = List.of(PTYPE, ADDRESS, NETMASK, MYSEQUENCE, YOURSEQUENCE, RELIABILITY);

    static final ExpertDef RELIABILITY_INVALID = new ExpertDef("slarp.reliability.invalid",
            "Reliability must be 0xFFFF", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    private static final int RELIABLE = 0xffff;

    private DissectorHandle data;

    @Override
    public String name() {
        return "slarp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(RELIABILITY_INVALID));
        r.handle("slarp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        data = t.handle("data");
        t.table(ChdlcDissector.PROTO_TABLE).add(0x8035, t.handle("slarp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("SLARP");
        pinfo.columns().clearInfo();
        // The type is read before the protocol item exists, the other values (and Info) before the
        // tree gets any of them.
        long type = tvb.u32(0);
        ProtoItem item = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        if (type == REQUEST || type == REPLY) {
            long address = tvb.u32(4);
            long mask = tvb.u32(8);
            setInfo(pinfo, addressInfo((int) type, address, mask));
            item.addUint(PTYPE, tvb, 0, 4, type);
            item.addUint(ADDRESS, tvb, 4, 4, address);
            item.addUint(NETMASK, tvb, 8, 4, mask);
        } else if (type == KEEPALIVE) {
            long mine = tvb.u32(4);
            long yours = tvb.u32(8);
            setInfo(pinfo, keepaliveInfo(mine, yours));
            item.addUint(PTYPE, tvb, 0, 4, type);
            item.addUint(MYSEQUENCE, tvb, 4, 4, mine);
            item.addUint(YOURSEQUENCE, tvb, 8, 4, yours);
            int reliability = tvb.u16(12);
            ProtoItem rel = item.addUint(RELIABILITY, tvb, 12, 2, reliability);
            if (reliability != RELIABLE) {
                rel.expert(RELIABILITY_INVALID);
            }
        } else {
            setInfo(pinfo, unknownInfo(type));
            item.addUint(PTYPE, tvb, 0, 4, type);
            if (tvb.remaining(4) > 0) {
                pinfo.call(data, tvb.slice(4), item);
            }
        }
        return tvb.length();
    }

    private static void setInfo(PacketInfo pinfo, String text) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo(text);
        }
    }

    static String addressInfo(int type, long address, long mask) {
        return TYPES.name(type) + ", from " + dotted(address) + ", mask " + dotted(mask);
    }

    static String keepaliveInfo(long mine, long yours) {
        return "Line keepalive, outgoing sequence " + mine + ", returned sequence " + yours;
    }

    static String unknownInfo(long type) {
        return String.format(Locale.ROOT, "Unknown packet type 0x%08X", type);
    }

    static String dotted(long a) {
        return (a >>> 24 & 0xff) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "." + (a & 0xff);
    }
}
