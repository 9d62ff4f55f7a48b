package dev.dorsal.dissectors.sll;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.frame.AddressColumns;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.arp.ArpValues;
import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeCall;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DissectorHandle;
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
 * Reads the pseudo link-layer header Linux writes for "any"-interface captures: version 1
 * (LINKTYPE_LINUX_SLL 113, 16 bytes) and version 2 (LINKTYPE_LINUX_SLL2 276, 20 bytes, with the
 * interface index). The protocol field is an EtherType, passed on through the "ethertype" handle, or
 * a small Linux protocol number (802.2 LLC, raw 802.3, Ethernet…). Filter prefix {@code sll.}.
 *
 * <pre>
 * v1: | packet type (16) | ARPHRD type (16) | address length (16) | address (64) | protocol (16) |
 * v2: | protocol (16) | reserved (16) | interface index (32) | ARPHRD type (16) | packet type (8) |
 *     | address length (8) | address (64) |
 * </pre>
 */
public final class SllDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Linux cooked-mode capture", "SLL", "sll");

    private static final ValueString PACKET_TYPES = ValueString.of(0, "Unicast to us", 1, "Broadcast", 2, "Multicast",
            3, "Unicast to another host", 4, "Sent by us");
    private static final ValueString LINUX_PROTOCOLS = ValueString.of(0x0001, "Raw 802.3", 0x0003, "Ethernet",
            0x0004, "802.2 LLC", 0x0007, "PPP (HDLC)", 0x000c, "CAN", 0x000d, "CAN FD", 0x0017, "IrDA LAP",
            0x00f5, "ISI", 0x00f6, "IEEE 802.15.4");

    static final FieldDef PKTTYPE = FieldDef.uint16("sll.pkttype", "Packet type").vals(PACKET_TYPES);
    static final FieldDef HATYPE = FieldDef.uint16("sll.hatype", "Link-layer address type")
            .vals(ArpValues.HARDWARE_TYPES);
    static final FieldDef HALEN = FieldDef.uint16("sll.halen", "Link-layer address length");
    static final FieldDef SRC_ETH = FieldDef.ether("sll.src.eth", "Source");
    static final FieldDef SRC_IPV4 = FieldDef.ipv4("sll.src.ipv4", "Source");
    static final FieldDef SRC_OTHER = FieldDef.bytes("sll.src.other", "Source");
    static final FieldDef UNUSED = FieldDef.bytes("sll.unused", "Unused");
    static final FieldDef LTYPE = FieldDef.uint16("sll.ltype", "Protocol").hex().vals(LINUX_PROTOCOLS);
    static final FieldDef ETYPE = FieldDef.uint16("sll.etype", "Protocol").hex().vals(EtherTypes.NAMES);
    static final FieldDef TRAILER = FieldDef.bytes("sll.trailer", "Trailer");
    static final FieldDef IFINDEX = FieldDef.uint32("sll.ifindex", "Interface index");

    static final List<FieldDef> FIELDS = List.of(PKTTYPE, HATYPE, HALEN, SRC_ETH, SRC_IPV4, SRC_OTHER, UNUSED, LTYPE,
            ETYPE, TRAILER, IFINDEX);

    private static final int ARPHRD_ETHER = 1;
    /** The loopback device (what "tcpdump -i any" records for lo): its address is shown as Ethernet too. */
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int ARPHRD_IPGRE = 778;
    private static final int ARPHRD_NETLINK = 824;

    private Tables tables;
    private DissectorHandle ethertype;

    @Override
    public String name() {
        return "sll";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("sll", PROTO, this::v1);
        r.handle("sll2", PROTO, this::v2);
    }

    @Override
    public void handoff(Tables t) {
        tables = t;
        ethertype = t.handle(EthertypeDissector.NAME);
        t.table("wtap_encap").add(WtapEncap.SLL, t.handle("sll"));
        t.table("wtap_encap").add(WtapEncap.SLL2, t.handle("sll2"));
    }

    private int v1(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        // tshark reads the packet and address types before anything else, then shows each field
        // as it reads it, so a short header ends where its bytes do.
        int pkttype = tvb.u16(0);
        int hatype = tvb.u16(2);
        start(pinfo, pkttype);
        ProtoItem sll = tree.addProtocol(PROTO, tvb, 0, 16, "Linux cooked capture v1");
        sll.addUint(PKTTYPE, tvb, 0, 2, pkttype);
        sll.addUint(HATYPE, tvb, 2, 2, hatype);
        int halen = tvb.u16(4);
        sll.addUint(HALEN, tvb, 4, 2, halen);
        address(tvb, pinfo, sll, 6, hatype, halen);
        unused(tvb, sll, 6, halen);
        int protocol = tvb.u16(14);
        payload(tvb, pinfo, tree, sll, 16, hatype, protocol, true);
        return tvb.length();
    }

    private int v2(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int protocol = tvb.u16(0);
        long ifindex = tvb.u32(4);
        int hatype = tvb.u16(8);
        int pkttype = tvb.u8(10);
        int halen = tvb.u8(11);
        // tshark 4.0 takes the packet type for Info as 16 bits, type and address length together.
        start(pinfo, tvb.u16(10));
        ProtoItem sll = tree.addProtocol(PROTO, tvb, 0, 20, "Linux cooked capture v2");
        sll.addUint(protocolField(hatype, protocol), tvb, 0, 2, protocol);
        sll.addUint(IFINDEX, tvb, 4, 4, ifindex);
        sll.addUint(HATYPE, tvb, 8, 2, hatype);
        sll.addUint(PKTTYPE, tvb, 10, 1, pkttype);
        sll.addUint(HALEN, tvb, 11, 1, halen);
        address(tvb, pinfo, sll, 12, hatype, halen);
        unused(tvb, sll, 12, halen);
        payload(tvb, pinfo, tree, sll, 20, hatype, protocol, false);
        return tvb.length();
    }

    private static void start(PacketInfo pinfo, int pkttype) {
        pinfo.columns().setProtocol("SLL");
        pinfo.columns().clearInfo();
        if (pinfo.columns().enabled()) {
            String name = PACKET_TYPES.name(pkttype);
            pinfo.columns().setInfo(name != null ? name : "Unknown (" + pkttype + ")");
        }
    }

    /** The link-layer source: a MAC for Ethernet-like devices (shown as the data-link source), else bytes. */
    private static void address(Tvb tvb, PacketInfo pinfo, ProtoItem sll, int off, int hatype, int halen) {
        if (halen == 0) {
            return;
        }
        int n = Math.min(halen, 8);
        if ((hatype == ARPHRD_ETHER || hatype == ARPHRD_LOOPBACK) && halen == 6) {
            long mac = tvb.u48(off);
            sll.addUint(SRC_ETH, tvb, off, 6, mac);
            pinfo.setDlAddresses(Address.ether(mac), Address.NONE);
            AddressColumns.sourceSet(pinfo);
        } else if (hatype == ARPHRD_IPGRE && halen == 4) {
            sll.addUint(SRC_IPV4, tvb, off, 4, tvb.u32(off));
        } else {
            tvb.bytes(off, n); // read first: the item must not stay when the bytes are missing
            Items.add(sll, SRC_OTHER, tvb, off, n);
        }
    }

    /** The rest of the 8-byte address slot. */
    private static void unused(Tvb tvb, ProtoItem sll, int off, int halen) {
        if (halen < 8) {
            tvb.bytes(off + halen, 8 - halen);
            Items.add(sll, UNUSED, tvb, off + halen, 8 - halen);
        }
    }

    /** Linux uses protocol values below 1536 for link-level protocols without an EtherType. */
    private static FieldDef protocolField(int hatype, int protocol) {
        return protocol <= EtherTypes.MAX_802_3_LENGTH && hatype != ARPHRD_NETLINK ? LTYPE : ETYPE;
    }

    private void payload(Tvb tvb, PacketInfo pinfo, ProtoItem tree, ProtoItem sll, int header, int hatype,
            int protocol, boolean addType) {
        if (protocol > EtherTypes.MAX_802_3_LENGTH || hatype == ARPHRD_NETLINK) {
            EthertypeCall.prepare(pinfo, protocol, header, sll, addType ? ETYPE : null, TRAILER, 0);
            pinfo.call(ethertype, tvb, tree);
            return;
        }
        if (addType) {
            Items.add(sll, LTYPE, tvb, header - 2, 2);
        }
        Tvb next = tvb.slice(header);
        String handle = switch (protocol) {
            case 0x0003 -> "eth_withoutfcs";
            case 0x0004 -> "llc";
            default -> null;
        };
        DissectorHandle h = handle == null ? null : tables.handle(handle);
        if (Dispatch.call(h, next, pinfo, tree) == Dispatch.DECLINED) {
            pinfo.call(tables.handle("data"), next, tree);
        }
    }
}
