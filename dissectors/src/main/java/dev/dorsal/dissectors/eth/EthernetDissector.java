package dev.dorsal.dissectors.eth;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.frame.AddressColumns;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the 14-byte Ethernet header (IEEE 802.3; Ethernet II when the last field is a type,
 * 802.3 with a length when it is at most 1500) and passes the payload on: types through the
 * "ethertype" handle, 802.3 payloads to the "llc" handle when one exists, else to data. Bound to
 * {@code wtap_encap} 1. Filter prefix {@code eth.}.
 *
 * <pre>
 * | destination (6) | source (6) | type or length (2) | payload … | padding / trailer / FCS |
 * </pre>
 */
public final class EthernetDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Ethernet", "Ethernet", "eth");

    private static final TrueFalse LG = new TrueFalse(
            "Locally administered address (this is NOT the factory default)",
            "Globally unique address (factory default)");
    private static final TrueFalse IG = new TrueFalse("Group address (multicast/broadcast)",
            "Individual address (unicast)");
    private static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");

    static final FieldDef DST = FieldDef.ether("eth.dst", "Destination");
    static final FieldDef DST_RESOLVED = FieldDef.string("eth.dst_resolved", "Destination (resolved)");
    static final FieldDef DST_OUI = FieldDef.uint24("eth.dst.oui", "Destination OUI").base(Base.OUI);
    static final FieldDef DST_OUI_RESOLVED = FieldDef.string("eth.dst.oui_resolved", "Destination OUI (resolved)");
    static final FieldDef SRC = FieldDef.ether("eth.src", "Source");
    static final FieldDef SRC_RESOLVED = FieldDef.string("eth.src_resolved", "Source (resolved)");
    static final FieldDef SRC_OUI = FieldDef.uint24("eth.src.oui", "Source OUI").base(Base.OUI);
    static final FieldDef SRC_OUI_RESOLVED = FieldDef.string("eth.src.oui_resolved", "Source OUI (resolved)");
    static final FieldDef LEN = FieldDef.uint16("eth.len", "Length");
    static final FieldDef TYPE = FieldDef.uint16("eth.type", "Type").hex().vals(EtherTypes.NAMES);
    static final FieldDef INVALID_LENTYPE = FieldDef.uint16("eth.invalid_lentype", "Invalid length/type").hexDec();
    static final FieldDef ADDR = FieldDef.ether("eth.addr", "Address");
    static final FieldDef ADDR_RESOLVED = FieldDef.string("eth.addr_resolved", "Address (resolved)");
    static final FieldDef ADDR_OUI = FieldDef.uint24("eth.addr.oui", "Address OUI").base(Base.OUI);
    static final FieldDef ADDR_OUI_RESOLVED = FieldDef.string("eth.addr.oui_resolved", "Address OUI (resolved)");
    static final FieldDef PADDING = FieldDef.bytes("eth.padding", "Padding");
    static final FieldDef TRAILER = FieldDef.bytes("eth.trailer", "Trailer");
    static final FieldDef FCS = FieldDef.uint32("eth.fcs", "Frame check sequence").hex();
    static final FieldDef FCS_STATUS = FieldDef.uint8("eth.fcs.status", "FCS Status").base(Base.NONE)
            .vals(CHECKSUM_STATUS);
    static final FieldDef DST_LG = FieldDef.bool("eth.dst.lg", "LG bit", 24, 0x020000).tfs(LG);
    static final FieldDef DST_IG = FieldDef.bool("eth.dst.ig", "IG bit", 24, 0x010000).tfs(IG);
    static final FieldDef SRC_LG = FieldDef.bool("eth.src.lg", "LG bit", 24, 0x020000).tfs(LG);
    static final FieldDef SRC_IG = FieldDef.bool("eth.src.ig", "IG bit", 24, 0x010000).tfs(IG);
    static final FieldDef ANY_LG = FieldDef.bool("eth.lg", "LG bit", 24, 0x020000).tfs(LG);
    static final FieldDef ANY_IG = FieldDef.bool("eth.ig", "IG bit", 24, 0x010000).tfs(IG);

    static final List<FieldDef> FIELDS = List.of(DST, DST_RESOLVED, DST_OUI, DST_OUI_RESOLVED, SRC, SRC_RESOLVED,
            SRC_OUI, SRC_OUI_RESOLVED, LEN, TYPE, INVALID_LENTYPE, ADDR, ADDR_RESOLVED, ADDR_OUI, ADDR_OUI_RESOLVED, PADDING, TRAILER, FCS, FCS_STATUS, DST_LG, DST_IG, SRC_LG,
            SRC_IG, ANY_LG, ANY_IG);

    static final ExpertDef SRC_NOT_GROUP = new ExpertDef("eth.src_not_group",
            "Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef LEN_PAST_END = new ExpertDef("eth.len.past_end",
            "Length field value goes past the end of the payload", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef INVALID_LENTYPE_EXPERT = new ExpertDef("eth.invalid_lentype.expert",
            "Invalid length/type", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    static final List<ExpertDef> EXPERTS = List.of(SRC_NOT_GROUP, LEN_PAST_END, INVALID_LENTYPE_EXPERT,
            EthernetTrailer.PADDING_BAD);

    private static final int HEADER = 14;

    private DissectorHandle ethertype;
    private DissectorHandle self;
    private Tables tables;

    @Override
    public String name() {
        return "eth";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, EXPERTS);
        self = r.handle("eth", PROTO, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, EthertypeCall.FCS_UNKNOWN));
        r.handle("eth_withoutfcs", PROTO, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, 0));
    }

    @Override
    public void handoff(Tables t) {
        tables = t;
        ethertype = t.handle(EthertypeDissector.NAME);
        t.table("wtap_encap").add(WtapEncap.ETHERNET, self);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree, int fcsLen) {
        pinfo.columns().setProtocol("Ethernet");
        // As tshark: the destination is set before the source is read, each before the type.
        long dst = tvb.u48(0);
        Address dstAddress = Address.ether(dst);
        Address outerSrc = pinfo.src();
        pinfo.setDlAddresses(pinfo.dlSrc(), dstAddress);
        pinfo.setAddresses(outerSrc, dstAddress);
        AddressColumns.destinationSet(pinfo);
        long src = tvb.u48(6);
        pinfo.setDlAddresses(Address.ether(src), dstAddress);
        AddressColumns.sourceSet(pinfo);
        int type = tvb.u16(12);
        boolean detailed = tree.tree().detailed();

        if (type > EtherTypes.MAX_802_3_LENGTH && type < EtherTypes.MIN_ETHERNET_II_TYPE) {
            return invalidLengthType(tvb, pinfo, tree, src, dst, type);
        }
        if (type <= EtherTypes.MAX_802_3_LENGTH && type != 0) {
            return ieee8023(tvb, pinfo, tree, src, dst, type, fcsLen);
        }
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("Ethernet II");
        }
        ProtoItem eth = tree.addProtocol(PROTO, tvb, 0, HEADER);
        if (detailed) {
            eth.setText("Ethernet II, Src: " + EtherNames.withRaw(src) + ", Dst: " + EtherNames.withRaw(dst));
        }
        addAddresses(tvb, eth, src, dst, true);
        EthertypeCall.prepare(pinfo, type, HEADER, eth, TYPE, TRAILER, fcsLen);
        pinfo.call(ethertype, tvb, tree);
        return tvb.length();
    }

    /** An 802.3 frame: the last header field is the payload length, and the payload is LLC (or IPX). */
    private int ieee8023(Tvb tvb, PacketInfo pinfo, ProtoItem tree, long src, long dst, int length, int fcsLen) {
        boolean raw = Ieee8023.isRaw(tvb, HEADER);
        String label = raw ? "IEEE 802.3 Ethernet Raw " : "IEEE 802.3 Ethernet ";
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo(label);
        }
        ProtoItem eth = tree.addProtocol(PROTO, tvb, 0, HEADER, label);
        addAddresses(tvb, eth, src, dst, false);
        Ieee8023.dissect(tvb, HEADER, length, raw, pinfo, tree, eth, LEN, TRAILER, LEN_PAST_END, fcsLen);
        return tvb.length();
    }

    /** A type/length value between 1500 and 1536 is neither: show the header and the rest as data. */
    private int invalidLengthType(Tvb tvb, PacketInfo pinfo, ProtoItem tree, long src, long dst, int type) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("Ethernet Unknown: Invalid length/type: 0x" + Integer.toHexString(type)
                    + " (" + type + ")");
        }
        ProtoItem eth = tree.addProtocol(PROTO, tvb, 0, HEADER);
        if (tree.tree().detailed()) {
            eth.setText("Ethernet Unknown, Src: " + EtherNames.withRaw(src) + ", Dst: " + EtherNames.withRaw(dst));
        }
        addAddresses(tvb, eth, src, dst, false);
        ProtoItem ti = eth.addUint(INVALID_LENTYPE, tvb, 12, 2, type);
        ti.expert(INVALID_LENTYPE_EXPERT, "Invalid length/type: 0x" + Integer.toHexString(type) + " (" + type + ")");
        pinfo.call(tables.handle("data"), tvb.slice(HEADER), tree);
        return tvb.length();
    }

    private static void addAddresses(Tvb tvb, ProtoItem eth, long src, long dst, boolean checkSourceGroup) {
        address(tvb, eth, 0, dst, DST, DST_RESOLVED, DST_OUI, DST_OUI_RESOLVED, DST_LG, DST_IG, false);
        address(tvb, eth, 6, src, SRC, SRC_RESOLVED, SRC_OUI, SRC_OUI_RESOLVED, SRC_LG, SRC_IG, checkSourceGroup);
    }

    /** One address with its subtree: the address, its hidden name and OUI copies, and the LG/IG bits. */
    private static void address(Tvb tvb, ProtoItem eth, int off, long mac, FieldDef field, FieldDef resolved,
            FieldDef oui, FieldDef ouiResolved, FieldDef lg, FieldDef ig, boolean checkGroup) {
        ProtoItem item = eth.addUint(field, tvb, off, 6, mac);
        if (checkGroup && (mac & 0x010000000000L) != 0) {
            item.expert(SRC_NOT_GROUP);
        }
        boolean names = item.tree().wants(resolved) || item.tree().wants(ADDR_RESOLVED);
        String name = names ? EtherNames.resolve(mac) : null;
        int prefix = (int) (mac >>> 24);
        hidden(item, item.addString(resolved, tvb, off, 6, name), true);
        hidden(item, item.addUint(oui, tvb, off, 3, prefix), true);
        boolean vendors = item.tree().wants(ouiResolved) || item.tree().wants(ADDR_OUI_RESOLVED);
        String vendor = vendors ? EtherNames.vendor(prefix) : null;
        // tshark's resolved vendor items span the whole address, not its OUI (PDML size 6)
        if (vendor != null) {
            hidden(item, item.addString(ouiResolved, tvb, off, 6, vendor), true);
        }
        item.addUint(ADDR, tvb, off, 6, mac);
        hidden(item, item.addString(ADDR_RESOLVED, tvb, off, 6, name), true);
        hidden(item, item.addUint(ADDR_OUI, tvb, off, 3, prefix), true);
        if (vendor != null) {
            hidden(item, item.addString(ADDR_OUI_RESOLVED, tvb, off, 6, vendor), true);
        }
        Items.add(item, lg, tvb, off, 3);
        hidden(item, Items.add(item, ANY_LG, tvb, off, 3), false);
        Items.add(item, ig, tvb, off, 3);
        hidden(item, Items.add(item, ANY_IG, tvb, off, 3), false);
    }

    /** Hides a just-added child; a child nobody wanted is its parent itself and stays untouched. */
    private static void hidden(ProtoItem parent, ProtoItem child, boolean generated) {
        if (child != parent) {
            child.setHidden();
            if (generated) {
                child.setGenerated();
            }
        }
    }
}
