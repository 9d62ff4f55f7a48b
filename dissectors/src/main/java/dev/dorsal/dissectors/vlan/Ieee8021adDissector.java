package dev.dorsal.dissectors.vlan;

import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeCall;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads IEEE 802.1ad service tags (Q-in-Q, EtherType 0x88a8) and IEEE 802.1ah backbone I-tags
 * (mac-in-mac, EtherType 0x88e7) as Wireshark's packet-ieee8021ah does, then passes the inner type on
 * through the "ethertype" handle. An 802.1ad tag followed by a second 0x88a8 tag is shown as one
 * S-VID/C-VID item; one followed by 0x88e7 becomes the B-tag of an 802.1ah header. As in Wireshark,
 * the type and trailer items belong to the 802.1ah protocol ({@code ieee8021ah.etype}). Filter
 * prefixes {@code ieee8021ad.} and {@code ieee8021ah.}.
 *
 * <pre>
 * 802.1ad: | PRI (3) DEI (1) ID (12) | type (16) |
 * 802.1ah: | PRI (3) DROP NCA RES1 RES2 (2) I-SID (24) | C-DA (48) | C-SA (48) | type (16) |
 * </pre>
 */
public final class Ieee8021adDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("IEEE 802.1ad", "IEEE 802.1AD", "ieee8021ad");
    static final ProtocolDef PROTO_AH = new ProtocolDef("IEEE 802.1ah", "IEEE 802.1AH", "ieee8021ah");

    static final FieldDef PRIORITY = FieldDef.uint16("ieee8021ad.priority", "Priority").mask(0xe000);
    static final FieldDef DEI = FieldDef.uint16("ieee8021ad.dei", "DEI").mask(0x1000);
    static final FieldDef ID = FieldDef.uint16("ieee8021ad.id", "ID").mask(0x0fff);
    static final FieldDef SVID = FieldDef.uint16("ieee8021ad.svid", "ID").mask(0x0fff);
    static final FieldDef CVID = FieldDef.uint16("ieee8021ad.cvid", "ID").mask(0x0fff);

    static final FieldDef AH_PRIORITY = FieldDef.uint32("ieee8021ah.priority", "Priority").mask(0xe0000000L);
    static final FieldDef AH_DROP = FieldDef.uint32("ieee8021ah.drop", "DROP").mask(0x10000000L);
    static final FieldDef AH_NCA = FieldDef.uint32("ieee8021ah.nca", "NCA").mask(0x08000000L);
    static final FieldDef AH_RES1 = FieldDef.uint32("ieee8021ah.res1", "RES1").mask(0x04000000L);
    static final FieldDef AH_RES2 = FieldDef.uint32("ieee8021ah.res2", "RES2").mask(0x03000000L);
    static final FieldDef AH_ISID = FieldDef.uint32("ieee8021ah.isid", "I-SID").mask(0x00ffffffL);
    static final FieldDef AH_CDST = FieldDef.ether("ieee8021ah.cdst", "C-Destination");
    static final FieldDef AH_CSRC = FieldDef.ether("ieee8021ah.csrc", "C-Source");
    static final FieldDef AH_ETYPE = FieldDef.uint16("ieee8021ah.etype", "Type").hex().vals(EtherTypes.NAMES);
    static final FieldDef AH_TRAILER = FieldDef.bytes("ieee8021ah.trailer", "Trailer");

    static final List<FieldDef> FIELDS = List.of(PRIORITY, DEI, ID, SVID, CVID);
    static final List<FieldDef> AH_FIELDS = List.of(AH_PRIORITY, AH_DROP, AH_NCA, AH_RES1, AH_RES2, AH_ISID,
            AH_CDST, AH_CSRC, AH_ETYPE, AH_TRAILER);

    /** EtherType of an 802.1ah I-tag (Wireshark's default for its "8021ah_ethertype" preference). */
    static final int IEEE_802_1AH = 0x88e7;

    private static final int HEADER = 4;
    private static final int AH_HEADER = 18;

    private DissectorHandle ethertype;

    @Override
    public String name() {
        return "ieee8021ad";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.protocol(PROTO_AH);
        r.fields(PROTO_AH, AH_FIELDS);
        r.handle("ieee8021ad", PROTO, this::dissect);
        r.handle("ieee8021ah", PROTO_AH, this::dissectAh);
    }

    @Override
    public void handoff(Tables t) {
        ethertype = t.handle(EthertypeDissector.NAME);
        t.table(EthertypeDissector.NAME).add(EtherTypes.QINQ, t.handle("ieee8021ad"));
        t.table(EthertypeDissector.NAME).add(IEEE_802_1AH, t.handle("ieee8021ah"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("802.1ad");
        pinfo.columns().clearInfo();
        int tci = tvb.u16(0);
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("PRI: " + (tci >>> 13) + "  DROP: " + ((tci >>> 12) & 1) + " ID: "
                    + (tci & 0x0fff));
        }
        ProtoItem tag = tree.addProtocol(PROTO, tvb, 0, HEADER);
        boolean detailed = tree.tree().detailed();
        int encap = tvb.u16(2);
        if (encap == IEEE_802_1AH) {
            // The tag is the B-tag of a backbone frame: the item becomes "IEEE 802.1ah".
            ProtoItem bTag = tag.addProtocol(PROTO, tvb, 0, 2);
            tci(bTag, tvb, 0, tci, ID);
            if (detailed) {
                bTag.setText("B-Tag, B-VID: " + (tci & 0x0fff));
                tag.setText("IEEE 802.1ah, B-VID: " + (tci & 0x0fff));
            }
            iTag(tvb.slice(HEADER), pinfo, tag, tree, PROTO);
        } else if (encap == EtherTypes.QINQ) {
            int ctci = tvb.u16(HEADER);
            tci(tag, tvb, 0, tci, SVID);
            tci(tag, tvb, HEADER, ctci, CVID);
            if (detailed) {
                tag.setText("IEEE 802.1ad, S-VID: " + (tci & 0x0fff) + ", C-VID: " + (ctci & 0x0fff));
            }
            EthertypeCall.prepare(pinfo, tvb.u16(2 * HEADER - 2), 2 * HEADER, tag, AH_ETYPE, AH_TRAILER, 0);
            pinfo.call(ethertype, tvb, tree);
        } else {
            tci(tag, tvb, 0, tci, ID);
            if (detailed) {
                tag.setText("IEEE 802.1ad, ID: " + (tci & 0x0fff));
            }
            EthertypeCall.prepare(pinfo, encap, HEADER, tag, AH_ETYPE, AH_TRAILER, 0);
            pinfo.call(ethertype, tvb, tree);
        }
        return tvb.length();
    }

    /** A backbone frame on its own (EtherType 0x88e7). */
    private int dissectAh(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("802.1ah");
        pinfo.columns().clearInfo();
        long tci = tvb.u32(0);
        info(pinfo, tci);
        ProtoItem ah = tree.addProtocol(PROTO_AH, tvb, 0, AH_HEADER);
        iTag(tvb, pinfo, ah, tree, PROTO_AH);
        return tvb.length();
    }

    /**
     * The I-tag and customer addresses at the start of {@code tvb}, shown under {@code header} (whose
     * label gets the I-SID and addresses), then the inner type, whose payload goes under {@code top}.
     */
    private void iTag(Tvb tvb, PacketInfo pinfo, ProtoItem header, ProtoItem top, ProtocolDef itemProtocol) {
        long tci = tvb.u32(0);
        info(pinfo, tci);
        ProtoItem iTag = header.addProtocol(itemProtocol, tvb, 0, 4);
        iTag.addUint(AH_PRIORITY, tvb, 0, 1, tci >>> 29);
        iTag.addUint(AH_DROP, tvb, 0, 1, (tci >>> 28) & 1);
        iTag.addUint(AH_NCA, tvb, 0, 1, (tci >>> 27) & 1);
        iTag.addUint(AH_RES1, tvb, 0, 1, (tci >>> 26) & 1);
        iTag.addUint(AH_RES2, tvb, 0, 1, (tci >>> 24) & 3);
        iTag.addUint(AH_ISID, tvb, 1, 3, tci & 0x00ffffffL);
        boolean detailed = header.tree().detailed();
        if (detailed) {
            iTag.setText("I-Tag, I-SID: " + (tci & 0x00ffffffL));
        }
        // Read before adding: an item must not be left behind when its bytes are missing.
        long cdst = tvb.u48(4);
        header.addUint(AH_CDST, tvb, 4, 6, cdst);
        long csrc = tvb.u48(10);
        header.addUint(AH_CSRC, tvb, 10, 6, csrc);
        if (detailed) {
            header.appendText(", I-SID: " + (tci & 0x00ffffffL) + ", C-Src: " + EtherNames.withRaw(csrc)
                    + ", C-Dst: " + EtherNames.withRaw(cdst));
        }
        EthertypeCall.prepare(pinfo, tvb.u16(AH_HEADER - 2), AH_HEADER, header, AH_ETYPE, AH_TRAILER, 0);
        pinfo.call(ethertype, tvb, top);
    }

    /** Priority, DEI and an ID field of a tag control word (values as tshark's proto_tree_add_uint masks them). */
    private static void tci(ProtoItem parent, Tvb tvb, int off, int tci, FieldDef id) {
        parent.addUint(PRIORITY, tvb, off, 1, tci >>> 13);
        parent.addUint(DEI, tvb, off, 1, (tci >>> 12) & 1);
        parent.addUint(id, tvb, off, 2, tci & 0x0fff);
    }

    private static void info(PacketInfo pinfo, long tci) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("PRI: " + (tci >>> 29) + "  Drop: " + ((tci >>> 28) & 1) + "  NCA: "
                    + ((tci >>> 27) & 1) + "  Res1: " + ((tci >>> 26) & 1) + "  Res2: " + ((tci >>> 24) & 3)
                    + "  I-SID: " + (tci & 0x00ffffffL));
        }
    }
}
