package dev.dorsal.dissectors.ipv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.frame.AddressColumns;
import dev.dorsal.dissectors.ip.IpProtocols;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.AddressFormat;
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

/**
 * Reads an IPv6 Routing header (RFC 8200 section 4.4): the deprecated type 0 source route
 * (RFC 5095), Mobile IPv6 type 2 (RFC 6275) and Segment Routing type 4 (RFC 8754); other types are
 * shown as type-specific data. While segments are left, the packet's destination is the last hop of
 * the route, as in tshark's Destination column. IP protocol 43. Filter prefix {@code ipv6.routing.}.
 *
 * <pre>
 * | next header (8) | length (8) | routing type (8) | segments left (8) | type-specific data … |
 * </pre>
 */
public final class Ipv6RoutingDissector extends ExtensionHeader implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Routing Header for IPv6", "IPv6 Routing", "ipv6.routing");

    private static final ValueString TYPES = ValueString.of(0, "Source Route", 1, "Nimrod", 2, "Type 2 Routing",
            3, "RPL Source Route", 4, "Segment Routing", 5, "Compact Routing Header 16",
            6, "Compact Routing Header 32", 253, "Experiment 1", 254, "Experiment 2");

    static final FieldDef NXT = nxtField("ipv6.routing", "Next Header");
    static final FieldDef LEN = FieldDef.uint8("ipv6.routing.len", "Length");
    static final FieldDef LEN_OCT = FieldDef.uint16("ipv6.routing.len_oct", "Length");
    static final FieldDef TYPE = FieldDef.uint8("ipv6.routing.type", "Type").vals(TYPES);
    static final FieldDef SEGLEFT = FieldDef.uint8("ipv6.routing.segleft", "Segments Left");
    static final FieldDef UNKNOWN_DATA = FieldDef.bytes("ipv6.routing.unknown_data", "Type-Specific Data");
    static final FieldDef SRC_RESERVED = FieldDef.bytes("ipv6.routing.src.reserved", "Reserved");
    static final FieldDef SRC_ADDR = FieldDef.ipv6("ipv6.routing.src.addr", "Address");
    static final FieldDef MIPV6_RESERVED = FieldDef.bytes("ipv6.routing.mipv6.reserved", "Reserved");
    static final FieldDef MIPV6_HOME = FieldDef.ipv6("ipv6.routing.mipv6.home_address", "Home Address");
    static final FieldDef SRH_LAST_ENTRY = FieldDef.uint8("ipv6.routing.srh.last_entry", "Last Entry");
    static final FieldDef SRH_FLAGS = FieldDef.uint8("ipv6.routing.srh.flags", "Flags").hex();
    static final FieldDef SRH_TAG = FieldDef.bytes("ipv6.routing.srh.tag", "Tag");
    static final FieldDef SRH_ADDR = FieldDef.ipv6("ipv6.routing.srh.addr", "Address");

    static final List<FieldDef> FIELDS = List.of(NXT, LEN, LEN_OCT, TYPE, SEGLEFT, UNKNOWN_DATA, SRC_RESERVED, SRC_ADDR,
            MIPV6_RESERVED, MIPV6_HOME, SRH_LAST_ENTRY, SRH_FLAGS, SRH_TAG, SRH_ADDR);

    static final ExpertDef DEPRECATED = new ExpertDef("ipv6.routing.deprecated", "Routing header type is deprecated",
            ExpertDef.Group.DEPRECATED, ExpertDef.Severity.NOTE);

    public Ipv6RoutingDissector() {
        super(PROTO, NXT, LEN, LEN_OCT);
    }

    @Override
    public String name() {
        return "ipv6.routing";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(DEPRECATED));
        r.handle("ipv6.routing", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        handoff(t, IpProtocols.ROUTING, "ipv6.routing");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Ipv6Context ctx = Ipv6Context.take(pinfo);
        if (ctx == null) {
            return 0;
        }
        info(pinfo, "IPv6 routing");
        ProtoItem[] out = new ProtoItem[1];
        int length = start(tvb, out, ctx, null, true);
        ProtoItem rt = out[0];
        int type = tvb.u8(2);
        if (rt.tree().detailed()) {
            rt.appendText(" (" + TYPES.nameOr(type, "Unknown type " + type) + ")");
        }
        ProtoItem typeItem = Items.add(rt, TYPE, tvb, 2, 1);
        int segLeft = tvb.u8(3);
        Items.add(rt, SEGLEFT, tvb, 3, 1);
        byte[] finalHop = null;
        switch (type) {
            case 0 -> {
                Items.add(rt, SRC_RESERVED, tvb, 4, 4);
                int n = 0;
                for (int off = 8; off + 16 <= length; off += 16) {
                    ProtoItem a = Items.add(rt, SRC_ADDR, tvb, off, 16);
                    if (rt.tree().detailed() && a != rt) {
                        a.setText("Address[" + (++n) + "]: " + AddressFormat.ipv6(tvb.bytes(off, 16)));
                    }
                    finalHop = tvb.bytes(off, 16);
                }
            }
            case 2 -> {
                Items.add(rt, MIPV6_RESERVED, tvb, 4, 4);
                Items.add(rt, MIPV6_HOME, tvb, 8, 16);
                finalHop = tvb.bytes(8, 16);
            }
            case 4 -> {
                Items.add(rt, SRH_LAST_ENTRY, tvb, 4, 1);
                Items.add(rt, SRH_FLAGS, tvb, 5, 1);
                Items.add(rt, SRH_TAG, tvb, 6, 2);
                int i = 0;
                for (int off = 8; off + 16 <= length; off += 16) {
                    ProtoItem a = Items.add(rt, SRH_ADDR, tvb, off, 16);
                    if (rt.tree().detailed() && a != rt) {
                        a.setText("Address[" + i + "]: " + AddressFormat.ipv6(tvb.bytes(off, 16)));
                    }
                    if (i++ == 0) {
                        finalHop = tvb.bytes(off, 16);
                    }
                }
            }
            default -> {
                if (length > 4) {
                    Items.add(rt, UNKNOWN_DATA, tvb, 4, length - 4);
                }
            }
        }
        if (type == 0 || type == 1) {
            typeItem.expert(DEPRECATED); // tshark adds it once the header is read
        }
        if (segLeft > 0 && finalHop != null) {
            pinfo.setNetAddresses(pinfo.netSrc(), Address.ipv6(finalHop));
            AddressColumns.destinationSet(pinfo);
        }
        next(tvb, length, pinfo, tree, ctx);
        return tvb.length();
    }
}
