package dev.dorsal.dissectors.loop;

import dev.dorsal.dissectors.frame.AddressColumns;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the 4-byte header of BSD loopback captures and passes the packet on by its address family
 * (the {@code null.type} table: 2 for IPv4, 24/28/30 for IPv6 on the various BSDs). LINKTYPE_NULL
 * (0) writes the family in the capturing host's byte order, so a value with only its upper half set
 * is byte-swapped; LINKTYPE_LOOP (108, OpenBSD) writes it in network order. A value above 1500 is an
 * EtherType instead. Filter prefix {@code null.}.
 *
 * <pre>
 * | address family (32, host or network order) | packet … |
 * </pre>
 */
public final class NullDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Null/Loopback", "Null", "null");

    private static final ValueString FAMILIES = ValueString.of(2, "IP", 7, "OSI", 16, "Appletalk",
            23, "Netware IPX/SPX", 24, "IPv6", 28, "IPv6", 30, "IPv6");

    static final FieldDef TYPE = FieldDef.uint16("null.type", "Type").hex().vals(EtherTypes.NAMES);
    static final FieldDef FAMILY = FieldDef.uint32("null.family", "Family").vals(FAMILIES);

    static final List<FieldDef> FIELDS = List.of(TYPE, FAMILY);

    /** Table of address families, {@code null.type} as in Wireshark. */
    public static final String FAMILY_TABLE = "null.type";

    private static final int HEADER = 4;
    private static final int PPP_HDLC = 0xff03;

    private DissectorTable families;
    private DissectorTable ethertypes;
    private DissectorHandle dataHandle;
    private DissectorHandle pppHandle;

    @Override
    public String name() {
        return "null";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        families = r.newTable(FAMILY_TABLE, "Null type", FieldType.UINT32, Base.DEC);
        r.handle("null", PROTO, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, false));
        r.handle("loop", PROTO, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, true));
    }

    @Override
    public void handoff(Tables t) {
        ethertypes = t.table(EthertypeDissector.NAME);
        dataHandle = t.handle("data");
        pppHandle = t.handle("ppp_hdlc");
        t.table("wtap_encap").add(WtapEncap.NULL, t.handle("null"));
        t.table("wtap_encap").add(WtapEncap.LOOP, t.handle("loop"));
        families.add(2, t.handle("ip"));
        families.add(24, t.handle("ipv6"));
        families.add(28, t.handle("ipv6"));
        families.add(30, t.handle("ipv6"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean networkOrder) {
        // tshark first looks for PPP in HDLC framing (address 0xff, control 0x03), which some
        // systems capture as DLT_NULL; the columns are set only after that two-byte read.
        if (!networkOrder && tvb.u16(0) == PPP_HDLC && pppHandle != null) {
            return pinfo.call(pppHandle, tvb, tree);
        }
        AddressColumns.notApplicable(pinfo);
        pinfo.columns().setProtocol("N/A");
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("Null/Loopback");
        }
        long header = tvb.u32(0);
        if (!networkOrder && (header & 0xffff0000L) != 0 && (header & 0xffffL) == 0) {
            header = Integer.reverseBytes((int) header) & 0xffffffffL;
        }
        ProtoItem item = tree.addProtocol(PROTO, tvb, 0, HEADER);
        Tvb next = tvb.slice(HEADER);
        int used;
        if (header > EtherTypes.MAX_802_3_LENGTH) {
            item.addUint(TYPE, tvb, 0, HEADER, header & 0xffff);
            used = Dispatch.tryDissect(ethertypes, header & 0xffff, next, pinfo, tree);
        } else {
            item.addUint(FAMILY, tvb, 0, HEADER, header);
            used = Dispatch.tryDissect(families, header, next, pinfo, tree);
        }
        if (used == Dispatch.DECLINED && dataHandle != null) {
            pinfo.call(dataHandle, next, tree);
        }
        return tvb.length();
    }
}
