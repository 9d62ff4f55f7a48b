package dev.dorsal.dissectors.chdlc;

import dev.dorsal.dissectors.frame.AddressColumns;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.frame.FrameDissector;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.dissectors.llc.LlcDissector;
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
import java.util.Locale;

/**
 * Reads Cisco HDLC framing (LINKTYPE_C_HDLC 104, WTAP_ENCAP_CHDLC 28): an address byte (unicast
 * 0x0f or multicast 0x8f), a control byte and a 16-bit protocol, mostly an EtherType, which keys the
 * {@code chdlc.protocol} table (IPv4, IPv6, SLARP, CDP, MPLS, bridged Ethernet…). OSI packets may
 * carry one padding byte first. No frame check sequence, tshark's default ({@code chdlc.fcs_type:
 * None}). Filter prefix {@code chdlc.}.
 *
 * <pre>
 * | address (8) | control (8) | protocol (16) | packet … |
 * </pre>
 */
public final class ChdlcDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Cisco HDLC", "CHDLC", "chdlc");

    /** Table of the protocols carried, {@code chdlc.protocol} as in Wireshark. */
    public static final String PROTO_TABLE = "chdlc.protocol";

    static final ValueString ADDRESSES = ValueString.of(0x0f, "Unicast", 0x8f, "Multicast");
    static final ValueString PROTOCOLS = ValueString.builder()
            .add(0x2000, "Cisco Discovery Protocol")
            .add(0x0800, "IP")
            .add(0x86dd, "IPv6")
            .add(0x8035, "SLARP")
            .add(0x8038, "DEC LanBridge")
            .add(0x4242, "Spanning Tree BPDU")
            .add(0x809b, "Appletalk")
            .add(0x80f3, "AARP")
            .add(0x8137, "Netware IPX/SPX")
            .add(0x6558, "Transparent Ethernet bridging")
            .add(0xfefe, "OSI")
            .add(0x8847, "MPLS unicast")
            .add(0x8848, "MPLS multicast")
            .build();

    static final FieldDef ADDRESS = FieldDef.uint8("chdlc.address", "Address").hex().vals(ADDRESSES);
    static final FieldDef CONTROL = FieldDef.uint8("chdlc.control", "Control").hex();
    static final FieldDef PROTOCOL = FieldDef.uint16("chdlc.protocol", "Protocol").hex().vals(PROTOCOLS);
    static final FieldDef CLNS_PADDING = FieldDef.uint8("chdlc.clns_padding", "CLNS Padding").hex();

    static final List<FieldDef> FIELDS = List.of(ADDRESS, CONTROL, PROTOCOL, CLNS_PADDING);

    static final int OSI = 0xfefe;
    private static final int HEADER = 4;

    private DissectorTable protocols;
    private DissectorHandle data;

    @Override
    public String name() {
        return "chdlc";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        protocols = r.newTable(PROTO_TABLE, "Cisco HDLC protocol type", FieldType.UINT16, Base.HEX);
        r.handle("chdlc", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        data = t.handle("data");
        t.table(FrameDissector.ENCAP_TABLE).add(WtapEncap.CHDLC, t.handle("chdlc"));
        protocols.add(0x0800, t.handle("ip"));
        protocols.add(0x86dd, t.handle("ipv6"));
        protocols.add(0x6558, t.handle("eth_withoutfcs"));
        protocols.add(0x4242, t.handle(LlcDissector.BPDU_HANDLE));
        protocols.add(0x8847, t.handle("mpls"));
        protocols.add(0x8848, t.handle("mpls"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("CHDLC");
        pinfo.columns().clearInfo();
        AddressColumns.notApplicable(pinfo);
        // tshark's header item has a fixed length: a packet shorter than the header has no tree.
        tvb.bytes(0, HEADER);
        ProtoItem item = tree.addProtocol(PROTO, tvb, 0, HEADER);
        item.add(ADDRESS, tvb, 0, 1);
        item.add(CONTROL, tvb, 1, 1);
        int type = tvb.u16(2);
        item.add(PROTOCOL, tvb, 2, 2);
        int start = HEADER;
        if (type == OSI && tvb.u8(HEADER) == 0) {
            item.add(CLNS_PADDING, tvb, HEADER, 1);
            start++;
        }
        // tshark cannot make the payload's view when nothing follows the header.
        tvb.bytes(start, 1);
        Tvb next = tvb.slice(start);
        if (Dispatch.tryDissect(protocols, type, next, pinfo, tree) == Dispatch.DECLINED) {
            pinfo.columns().setProtocol(protocolColumn(type));
            pinfo.call(data, next, tree);
        }
        return tvb.length();
    }

    /** The Protocol column of a packet whose protocol has no dissector: its number, as tshark writes it. */
    static String protocolColumn(int type) {
        return String.format(Locale.ROOT, "0x%04x", type);
    }
}
