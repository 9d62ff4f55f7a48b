package dev.dorsal.dissectors.lisp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the LISP control plane on UDP port 4342 (RFC 6830, RFC 6833): Map-Request (with its ITR-RLOCs,
 * request records and optional Map-Reply record), Map-Reply, Map-Register (with xTR-ID and Site-ID),
 * Map-Notify, and the Encapsulated Control Message, whose inner IPv4/IPv6 packet goes back through
 * {@code ip}/{@code ipv6} (and so UDP and LISP again). Info names the message, its flags and, for a
 * single record, the EID prefix ({@code Map-Request (SMR) for 153.16.31.80/28}). Map-Referral, Info
 * and unknown types show only the type, with the bytes as data; LCAF and other AFIs are not decoded
 * (docs/compat.md). Filter prefix {@code lisp.}; the Protocol column reads {@code LISP}.
 *
 * <pre>
 * | type:4 flags / reserved:20 | record count (1) | nonce (8) | type-specific... |
 * </pre>
 */
public final class LispDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Locator/ID Separation Protocol", "LISP Control", "lisp");
    static final int PORT = 4342;

    static final int MAP_REQUEST = 1;
    static final int MAP_REPLY = 2;
    static final int MAP_REGISTER = 3;
    static final int MAP_NOTIFY = 4;
    static final int ECM = 8;

    static final ValueString TYPES = ValueString.of(1, "Map-Request", 2, "Map-Reply", 3, "Map-Register",
            4, "Map-Notify", 6, "Map-Referral", 7, "Info", 8, "Encapsulated Control Message");

    static final FieldDef TYPE = FieldDef.uint24("lisp.type", "Type").mask(0xf00000).vals(TYPES)
            .blurb("LISP Control Message Type");
    static final FieldDef IRC = FieldDef.uint24("lisp.irc", "ITR-RLOC Count").mask(0x1f);
    static final FieldDef RECORDS = FieldDef.uint8("lisp.records", "Record Count");
    static final FieldDef NONCE = FieldDef.uint64("lisp.nonce", "Nonce").hex();

    static final FieldDef MREQ_FLAGS = FieldDef.uint24("lisp.mreq.flags", "Flags").hex().mask(0xfc000);
    static final FieldDef MREQ_AUTH = FieldDef.bool("lisp.mreq.flags.auth", "A bit (Authoritative)", 24, 0x80000);
    static final FieldDef MREQ_MRP = FieldDef.bool("lisp.mreq.flags.mrp", "M bit (Map-Reply present)", 24, 0x40000);
    static final FieldDef MREQ_PROBE = FieldDef.bool("lisp.mreq.flags.probe", "P bit (Probe)", 24, 0x20000);
    static final FieldDef MREQ_SMR = FieldDef.bool("lisp.mreq.flags.smr", "S bit (Solicit-Map-Request)", 24, 0x10000);
    static final FieldDef MREQ_PITR = FieldDef.bool("lisp.mreq.flags.pitr", "p bit (Proxy ITR)", 24, 0x8000);
    static final FieldDef MREQ_SMRI = FieldDef.bool("lisp.mreq.flags.smri", "s bit (SMR-invoked)", 24, 0x4000);
    static final FieldDef MREQ_RES = FieldDef.uint24("lisp.mreq.res", "Reserved bits").hex().mask(0x3fe0)
            .blurb("Must be zero");
    static final FieldDef SRCEID_AFI = FieldDef.uint16("lisp.mreq.srceid.afi", "Source EID AFI")
            .vals(LispRecords.AFI).blurb("Source EID Address Family Indicator");
    static final FieldDef SRCEID_STRING = FieldDef.string("lisp.mreq.srceid.string", "Source EID")
            .blurb("Source EID Address");
    static final FieldDef SRCEID_IPV4 = FieldDef.ipv4("lisp.mreq.srceid.ipv4", "Source EID")
            .blurb("Source EID Address");
    static final FieldDef SRCEID_IPV6 = FieldDef.ipv6("lisp.mreq.srceid_ipv6", "Source EID")
            .blurb("Source EID Address");
    static final FieldDef ITR_RLOC = FieldDef.none("lisp.mreq.itr_rloc", "ITR-RLOC")
            .blurb("Originating ITR RLOC Address");
    static final FieldDef ITR_RLOC_AFI = FieldDef.uint16("lisp.mreq.itr_rloc.afi", "ITR-RLOC AFI")
            .vals(LispRecords.AFI).blurb("Originating ITR RLOC Address Family Indicator");
    static final FieldDef ITR_RLOC_IPV4 = FieldDef.ipv4("lisp.mreq.itr_rloc_ipv4", "ITR-RLOC Address")
            .blurb("Originating ITR RLOC Address");
    static final FieldDef ITR_RLOC_IPV6 = FieldDef.ipv6("lisp.mreq.itr_rloc_ipv6", "ITR-RLOC Address")
            .blurb("Originating ITR RLOC Address");
    static final FieldDef MREQ_RECORD = FieldDef.none("lisp.mreq.record", "Map-Request Record");
    static final FieldDef MREQ_RECORD_RES = FieldDef.uint8("lisp.mreq.record.res", "Reserved").hex();
    static final FieldDef MREQ_PREFIX_LEN = FieldDef.uint8("lisp.mreq.record.prefix.length", "Prefix Length");
    static final FieldDef MREQ_PREFIX_AFI = FieldDef.uint16("lisp.mreq.record.prefix.afi", "Prefix AFI")
            .vals(LispRecords.AFI);
    static final FieldDef MREQ_PREFIX_IPV4 = FieldDef.ipv4("lisp.mreq.record.prefix.ipv4", "Prefix");
    static final FieldDef MREQ_PREFIX_IPV6 = FieldDef.ipv6("lisp.mreq.record.prefix.ipv6", "Prefix");
    static final FieldDef MREP_RECORD = FieldDef.none("lisp.mrep.record", "Map-Reply Record");

    static final FieldDef MREP_PROBE = FieldDef.bool("lisp.mrep.flags.probe", "P bit (Probe)", 24, 0x80000);
    static final FieldDef MREP_ENLR = FieldDef.bool("lisp.mrep.flags.enlr",
            "E bit (Echo-Nonce locator reachability algorithm enabled)", 24, 0x40000);
    static final FieldDef MREP_SEC = FieldDef.bool("lisp.mrep.flags.sec", "S bit (LISP-SEC capable)", 24, 0x20000);
    static final FieldDef MREP_RES = FieldDef.uint24("lisp.mrep.res", "Reserved bits").hex().mask(0x1ffff)
            .blurb("Must be zero");

    static final FieldDef MREG_PMR = FieldDef.bool("lisp.mreg.flags.pmr", "P bit (Proxy-Map-Reply)", 24, 0x80000);
    static final FieldDef MREG_SEC = FieldDef.bool("lisp.mreg.flags.sec", "S bit (LISP-SEC capable)", 24, 0x40000);
    static final FieldDef MREG_XTRID = FieldDef.bool("lisp.mreg.flags.xtrid", "I bit (xTR-ID present)", 24, 0x20000);
    static final FieldDef MREG_RTR = FieldDef.bool("lisp.mreg.flags.rtr", "R bit (Built for an RTR)", 24, 0x10000);
    static final FieldDef MREG_RES = FieldDef.uint24("lisp.mreg.res", "Reserved bits").hex().mask(0xfffe)
            .blurb("Must be zero");
    static final FieldDef MREG_WMN = FieldDef.bool("lisp.mreg.flags.wmn", "M bit (Want-Map-Notify)", 24, 0x1);
    static final FieldDef MNOT_XTRID = FieldDef.bool("lisp.mnot.flags.xtrid", "I bit (xTR-ID present)", 24, 0x80000);
    static final FieldDef MNOT_RTR = FieldDef.bool("lisp.mnot.flags.rtr", "R bit (Built for an RTR)", 24, 0x40000);
    static final FieldDef MNOT_RES = FieldDef.uint24("lisp.mnot.res", "Reserved bits").hex().mask(0x3ffff)
            .blurb("Must be zero");
    static final FieldDef KEY_ID = FieldDef.uint16("lisp.keyid", "Key ID").hex();
    static final FieldDef AUTH_LEN = FieldDef.uint16("lisp.authlen", "Authentication Data Length");
    static final FieldDef AUTH = FieldDef.bytes("lisp.auth", "Authentication Data");
    static final FieldDef XTR_ID = FieldDef.bytes("lisp.xtrid", "xTR-ID");
    static final FieldDef SITE_ID = FieldDef.bytes("lisp.siteid", "Site-ID");

    static final FieldDef ECM_SEC = FieldDef.bool("lisp.ecm.flags.sec", "S bit (LISP-SEC capable)", 32, 0x8000000);
    static final FieldDef ECM_DDT = FieldDef.bool("lisp.ecm.flags.ddt", "D bit (DDT-originated)", 32, 0x4000000);
    static final FieldDef ECM_RES = FieldDef.uint32("lisp.ecm.res", "Reserved bits").hex().mask(0x3ffffff);

    static final List<FieldDef> FIELDS;

    static {
        List<FieldDef> all = new ArrayList<>(List.of(TYPE, IRC, RECORDS, NONCE, MREQ_FLAGS, MREQ_AUTH, MREQ_MRP,
                MREQ_PROBE, MREQ_SMR, MREQ_PITR, MREQ_SMRI, MREQ_RES, SRCEID_AFI, SRCEID_STRING, SRCEID_IPV4,
                SRCEID_IPV6, ITR_RLOC, ITR_RLOC_AFI, ITR_RLOC_IPV4, ITR_RLOC_IPV6, MREQ_RECORD, MREQ_RECORD_RES,
                MREQ_PREFIX_LEN, MREQ_PREFIX_AFI, MREQ_PREFIX_IPV4, MREQ_PREFIX_IPV6, MREP_RECORD, MREP_PROBE,
                MREP_ENLR, MREP_SEC, MREP_RES, MREG_PMR, MREG_SEC, MREG_XTRID, MREG_RTR, MREG_RES, MREG_WMN,
                MNOT_XTRID, MNOT_RTR, MNOT_RES, KEY_ID, AUTH_LEN, AUTH, XTR_ID, SITE_ID, ECM_SEC, ECM_DDT, ECM_RES));
        all.addAll(LispRecords.FIELDS);
        FIELDS = List.copyOf(all);
    }

    /** Set by an ECM whose D bit is set, for the Map-Request inside it. */
    static final Key<Boolean> DDT_ORIGINATED = Key.of("lisp.ddt_originated");

    private static final int HEADER = 12;
    private static final int ECM_HEADER = 4;
    private static final int XTR_ID_LEN = 16;
    private static final int SITE_ID_LEN = 8;

    @Override
    public String name() {
        return "lisp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("lisp", PROTO, LispDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("lisp"));
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("LISP");
        int type = tvb.u8(0) >> 4;
        if (type == ECM) {
            return ecm(tvb, pinfo, tree);
        }
        ProtoItem lisp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        String name = TYPES.name(type);
        if (type < MAP_REQUEST || type > MAP_NOTIFY) {
            // Map-Referral, Info and unknown types: the type only, the message as data
            cols.setInfo(name != null ? name : "Unknown LISP Control Packet (" + type + ")");
            lisp.add(TYPE, tvb, 0, 3);
            DissectorHandle data = pinfo.tables().handle("data");
            if (data != null) {
                pinfo.call(data, tvb, tree);
            }
            return tvb.length();
        }
        String[] prefix = new String[1];
        try {
            switch (type) {
                case MAP_REQUEST -> mapRequest(tvb, pinfo, lisp, prefix);
                case MAP_REPLY -> mapReply(tvb, pinfo, lisp, prefix);
                default -> registerOrNotify(tvb, pinfo, lisp, type, prefix);
            }
        } catch (LispRecords.UnsupportedAfi e) {
            // an address family not decoded (LCAF...): the rest of the message is left as it is
        }
        return tvb.length();
    }

    private static int ecm(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setInfo("Encapsulated ");
        cols.fenceInfo();
        ProtoItem lisp = tree.addProtocol(PROTO, tvb, 0, ECM_HEADER);
        lisp.add(TYPE, tvb, 0, 3);
        long w = tvb.u32(0);
        lisp.add(ECM_SEC, tvb, 0, 4);
        lisp.add(ECM_DDT, tvb, 0, 4);
        lisp.add(ECM_RES, tvb, 0, 4);
        pinfo.put(DDT_ORIGINATED, (w & 0x4000000) != 0);
        Tvb inner = tvb.slice(ECM_HEADER);
        int version = inner.u8(0) >> 4;
        DissectorHandle ip = pinfo.tables().handle(version == 6 ? "ipv6" : "ip");
        if (ip != null) {
            pinfo.call(ip, inner, tree);
        }
        return tvb.length();
    }

    private static void mapRequest(Tvb tvb, PacketInfo pinfo, ProtoItem lisp, String[] prefix) {
        Columns cols = pinfo.columns();
        int w = tvb.u24(0);
        StringBuilder info = new StringBuilder("Map-Request");
        if ((w & 0x8000) != 0) {
            info.append(" by P-ITR");
        }
        if ((w & 0x10000) != 0) {
            info.append(" (SMR)");
        }
        if ((w & 0x20000) != 0) {
            info.append(" (RLOC-probe)");
        }
        if ((w & 0x4000) != 0) {
            info.append(" (SMR-invoked)");
        }
        if (Boolean.TRUE.equals(pinfo.get(DDT_ORIGINATED))) {
            info.append(" (DDT-originated)");
        }
        cols.setInfo(info.toString());
        lisp.add(TYPE, tvb, 0, 3);
        ProtoItem flags = lisp.add(MREQ_FLAGS, tvb, 0, 3);
        for (FieldDef f : List.of(MREQ_AUTH, MREQ_MRP, MREQ_PROBE, MREQ_SMR, MREQ_PITR, MREQ_SMRI)) {
            flags.add(f, tvb, 0, 3);
        }
        lisp.add(MREQ_RES, tvb, 0, 3);
        lisp.add(IRC, tvb, 0, 3);
        int records = tvb.u8(3);
        lisp.add(RECORDS, tvb, 3, 1);
        lisp.add(NONCE, tvb, 4, 8);
        int off = HEADER;
        int srcAfi = tvb.u16(off);
        lisp.add(SRCEID_AFI, tvb, off, 2);
        off += 2;
        int len = LispRecords.addressLength(srcAfi);
        if (srcAfi == LispRecords.AFI_NONE) {
            lisp.addString(SRCEID_STRING, tvb, off, 0, "not set");
        } else {
            LispRecords.addAddress(lisp, tvb, off, srcAfi, SRCEID_IPV4, SRCEID_IPV6);
        }
        off += len;
        int itrs = (w & 0x1f) + 1;
        for (int i = 1; i <= itrs; i++) {
            int start = off;
            ProtoItem itr = lisp.add(ITR_RLOC, tvb, off, 0);
            int afi = tvb.u16(off);
            itr.add(ITR_RLOC_AFI, tvb, off, 2);
            itr.setLength(2);
            off += 2;
            int alen = LispRecords.addressLength(afi);
            String text = LispRecords.addAddress(itr, tvb, off, afi, ITR_RLOC_IPV4, ITR_RLOC_IPV6);
            off += alen;
            itr.setLength(off - start);
            itr.setText("ITR-RLOC " + i + ": " + text);
        }
        for (int i = 1; i <= records; i++) {
            int start = off;
            ProtoItem rec = lisp.add(MREQ_RECORD, tvb, off, 0);
            rec.add(MREQ_RECORD_RES, tvb, off, 1);
            rec.setLength(1);
            int plen = tvb.u8(off + 1);
            rec.add(MREQ_PREFIX_LEN, tvb, off + 1, 1);
            rec.setLength(2);
            int afi = tvb.u16(off + 2);
            rec.add(MREQ_PREFIX_AFI, tvb, off + 2, 2);
            rec.setLength(4);
            off += 4;
            int alen = LispRecords.addressLength(afi);
            String text = LispRecords.addAddress(rec, tvb, off, afi, MREQ_PREFIX_IPV4, MREQ_PREFIX_IPV6) + "/" + plen;
            off += alen;
            rec.setLength(off - start);
            rec.setText("Map-Request Record " + i + ": " + text);
            if (records == 1) {
                cols.appendInfo(" for " + text);
            }
        }
        if ((w & 0x40000) != 0) {
            int start = off;
            ProtoItem rep = lisp.add(MREP_RECORD, tvb, off, 0);
            off = LispRecords.mapping(rep, tvb, off, 1, prefix, rep);
            // once its locators are read too, the Map-Reply Record covers them
            rep.setLength(off - start);
        }
    }

    private static void mapReply(Tvb tvb, PacketInfo pinfo, ProtoItem lisp, String[] prefix) {
        Columns cols = pinfo.columns();
        int w = tvb.u24(0);
        cols.setInfo((w & 0x80000) != 0 ? "Map-Reply (RLOC-probe reply)" : "Map-Reply");
        lisp.add(TYPE, tvb, 0, 3);
        lisp.add(MREP_PROBE, tvb, 0, 3);
        lisp.add(MREP_ENLR, tvb, 0, 3);
        lisp.add(MREP_SEC, tvb, 0, 3);
        lisp.add(MREP_RES, tvb, 0, 3);
        mappings(tvb, pinfo, lisp, HEADER, prefix);
    }

    private static void registerOrNotify(Tvb tvb, PacketInfo pinfo, ProtoItem lisp, int type, String[] prefix) {
        Columns cols = pinfo.columns();
        int w = tvb.u24(0);
        boolean register = type == MAP_REGISTER;
        boolean rtr = (w & (register ? 0x10000 : 0x40000)) != 0;
        boolean xtr = (w & (register ? 0x20000 : 0x80000)) != 0;
        cols.setInfo((register ? "Map-Register" : "Map-Notify") + (rtr ? " (RTR)" : ""));
        lisp.add(TYPE, tvb, 0, 3);
        if (register) {
            lisp.add(MREG_PMR, tvb, 0, 3);
            lisp.add(MREG_SEC, tvb, 0, 3);
            lisp.add(MREG_XTRID, tvb, 0, 3);
            lisp.add(MREG_RTR, tvb, 0, 3);
            lisp.add(MREG_RES, tvb, 0, 3);
            lisp.add(MREG_WMN, tvb, 0, 3);
        } else {
            lisp.add(MNOT_XTRID, tvb, 0, 3);
            lisp.add(MNOT_RTR, tvb, 0, 3);
            lisp.add(MNOT_RES, tvb, 0, 3);
        }
        int records = tvb.u8(3);
        lisp.add(RECORDS, tvb, 3, 1);
        lisp.add(NONCE, tvb, 4, 8);
        int off = HEADER;
        lisp.add(KEY_ID, tvb, off, 2);
        int authLen = tvb.u16(off + 2);
        lisp.add(AUTH_LEN, tvb, off + 2, 2);
        off += 4;
        lisp.add(AUTH, tvb, off, authLen);
        off += authLen;
        off = records(tvb, pinfo, lisp, off, records, prefix);
        if (xtr) {
            lisp.add(XTR_ID, tvb, off, XTR_ID_LEN);
            lisp.add(SITE_ID, tvb, off + XTR_ID_LEN, SITE_ID_LEN);
        }
    }

    private static void mappings(Tvb tvb, PacketInfo pinfo, ProtoItem lisp, int off, String[] prefix) {
        int records = tvb.u8(3);
        lisp.add(RECORDS, tvb, 3, 1);
        lisp.add(NONCE, tvb, 4, 8);
        records(tvb, pinfo, lisp, off, records, prefix);
    }

    private static int records(Tvb tvb, PacketInfo pinfo, ProtoItem lisp, int off, int records, String[] prefix) {
        for (int i = 1; i <= records; i++) {
            if (records == 1) {
                // the prefix goes to Info as soon as it is read, before the locators
                off = mappingWithInfo(tvb, pinfo, lisp, off, prefix);
            } else {
                off = LispRecords.mapping(lisp, tvb, off, i, prefix);
            }
        }
        return off;
    }

    private static int mappingWithInfo(Tvb tvb, PacketInfo pinfo, ProtoItem lisp, int off, String[] prefix) {
        try {
            return LispRecords.mapping(lisp, tvb, off, 1, prefix);
        } finally {
            if (prefix[0] != null) {
                pinfo.columns().appendInfo(" for " + prefix[0]);
            }
        }
    }
}
