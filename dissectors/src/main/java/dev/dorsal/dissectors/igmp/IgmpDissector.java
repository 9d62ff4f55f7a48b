package dev.dorsal.dissectors.igmp;

import dev.dorsal.dissectors.icmp.Checksums;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
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
import java.util.Locale;
import java.util.Set;

/**
 * Reads IGMP membership messages (IP protocol 2): version 1 (RFC 1112), 2 (RFC 2236) and 3
 * (RFC 3376) queries and reports, and version 2 leaves. The version follows from the type and, for
 * a query, from its length and Max Resp Time, as tshark decides it. Types that tshark hands to other
 * dissectors (DVMRP, PIMv1, mtrace, IGAP, MSNIP, MRDISC, RGMP, IGMPv0) are left to {@code data}.
 * Filter prefix {@code igmp.}.
 *
 * <pre>
 * | type (8) | max resp / reserved (8) | checksum (16) | group address (32) | v3: … |
 * </pre>
 */
public final class IgmpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Internet Group Management Protocol", "IGMP", "igmp");

    static final int QUERY = 0x11;
    static final int V1_REPORT = 0x12;
    static final int V2_REPORT = 0x16;
    static final int V2_LEAVE = 0x17;
    static final int V3_REPORT = 0x22;

    static final ValueString TYPES = ValueString.of(0x01, "Create Group Request", 0x02, "Create Group Reply",
            0x03, "Join Group Request", 0x04, "Join Group Reply", 0x05, "Leave Group Request",
            0x06, "Leave Group Reply", 0x07, "Confirm Group Request", 0x08, "Confirm Group Reply",
            QUERY, "Membership Query", V1_REPORT, "Membership Report", 0x13, "DVMRP Protocol",
            0x14, "PIM Routing Message", V2_REPORT, "Membership Report", V2_LEAVE, "Leave Group",
            0x1e, "Traceroute Response", 0x1f, "Traceroute Query or Request", V3_REPORT, "Membership Report");
    static final ValueString RECORD_TYPES = ValueString.of(1, "Mode Is Include", 2, "Mode Is Exclude",
            3, "Change To Include Mode", 4, "Change To Exclude Mode", 5, "Allow New Sources", 6, "Block Old Sources");
    static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");

    static final FieldDef VERSION = FieldDef.uint8("igmp.version", "IGMP Version");
    static final FieldDef TYPE = FieldDef.uint8("igmp.type", "Type").hex().vals(TYPES);
    static final FieldDef RESERVED = FieldDef.bytes("igmp.reserved", "Reserved");
    static final FieldDef MAX_RESP = FieldDef.uint8("igmp.max_resp", "Max Resp Time");
    static final FieldDef MAX_RESP_EXP = FieldDef.uint8("igmp.max_resp.exp", "Exponent").hex().mask(0x70);
    static final FieldDef MAX_RESP_MANT = FieldDef.uint8("igmp.max_resp.mant", "Mantissa").hex().mask(0x0f);
    static final FieldDef CHECKSUM = FieldDef.uint16("igmp.checksum", "Checksum").hex();
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("igmp.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef MADDR = FieldDef.ipv4("igmp.maddr", "Multicast Address");
    static final FieldDef S = FieldDef.bool("igmp.s", "S", 8, 0x08)
            .tfs(new TrueFalse("SUPPRESS router side processing", "Do not suppress router side processing"));
    static final FieldDef QRV = FieldDef.uint8("igmp.qrv", "QRV").mask(0x07);
    static final FieldDef QQIC = FieldDef.uint8("igmp.qqic", "QQIC");
    static final FieldDef NUM_SRC = FieldDef.uint16("igmp.num_src", "Num Src");
    static final FieldDef SADDR = FieldDef.ipv4("igmp.saddr", "Source Address");
    static final FieldDef NUM_GRP_RECS = FieldDef.uint16("igmp.num_grp_recs", "Num Group Records");
    static final FieldDef RECORD_TYPE = FieldDef.uint8("igmp.record_type", "Record Type").vals(RECORD_TYPES);
    static final FieldDef AUX_DATA_LEN = FieldDef.uint8("igmp.aux_data_len", "Aux Data Len");
    static final FieldDef AUX_DATA = FieldDef.bytes("igmp.aux_data", "Aux Data");
    static final FieldDef DATA = FieldDef.bytes("igmp.data", "Data");

    static final List<FieldDef> FIELDS = List.of(VERSION, TYPE, RESERVED, MAX_RESP, MAX_RESP_EXP, MAX_RESP_MANT,
            CHECKSUM, CHECKSUM_STATUS_FIELD, MADDR, S, QRV, QQIC, NUM_SRC, SADDR, NUM_GRP_RECS, RECORD_TYPE,
            AUX_DATA_LEN, AUX_DATA, DATA);

    static final ExpertDef CHECKSUM_BAD = new ExpertDef("igmp.bad_checksum", "Bad checksum",
            ExpertDef.Group.CHECKSUM, ExpertDef.Severity.ERROR);

    /** Types tshark gives to dissectors Dorsal does not have: shown as data here. */
    private static final Set<Integer> OTHER_PROTOCOLS = Set.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
            0x13, 0x14, 0x1e, 0x1f, 0x23, 0x24, 0x25, 0x26, 0x30, 0x31, 0x32, 0x40, 0xfc, 0xfd, 0xfe, 0xff);

    @Override
    public String name() {
        return "igmp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(CHECKSUM_BAD));
        r.handle("igmp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(Ipv4Dissector.PROTO_TABLE).add(2, t.handle("igmp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int type = tvb.u8(0);
        if (OTHER_PROTOCOLS.contains(type)) {
            return 0;
        }
        Columns cols = pinfo.columns();
        cols.setProtocol("IGMP");
        cols.clearInfo();
        ProtoItem igmp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        int version = version(tvb, type);
        if (version == 0) {
            cols.setInfo(String.format(Locale.ROOT, "Unknown Type:0x%02x", type));
            ProtoItem t = igmp.add(TYPE, tvb, 0, 1);
            if (igmp.tree().detailed()) {
                t.setText(String.format(Locale.ROOT, "Type: Unknown (0x%02x)", type));
            }
            if (tvb.length() > 1) {
                igmp.add(DATA, tvb, 1, tvb.length() - 1);
            }
            return tvb.length();
        }
        // tshark's per-version dissectors count as a second "igmp" layer (frame.protocols ip:igmp:igmp)
        pinfo.addLayerName(PROTO.filterName());
        cols.setProtocol("IGMPv" + version);
        ProtoItem v = igmp.addUint(VERSION, tvb, 0, 0, version);
        if (v != igmp) {
            v.setGenerated();
        }
        igmp.add(TYPE, tvb, 0, 1);
        switch (version) {
            case 1 -> {
                cols.setInfo(type == QUERY ? "Membership Query" : "Membership Report");
                igmp.add(RESERVED, tvb, 1, 1);
                checksum(tvb, igmp);
                igmp.add(MADDR, tvb, 4, 4);
            }
            case 2 -> {
                long group = tvb.u32(4);
                String g = AddressFormat.ipv4(group);
                cols.setInfo(switch (type) {
                    case QUERY -> group == 0 ? "Membership Query, general" : "Membership Query, specific for group " + g;
                    case V2_REPORT -> "Membership Report group " + g;
                    default -> "Leave Group " + g;
                });
                maxResp(tvb, igmp, false);
                checksum(tvb, igmp);
                igmp.add(MADDR, tvb, 4, 4);
            }
            default -> {
                if (type == QUERY) {
                    v3Query(tvb, cols, igmp);
                } else {
                    v3Report(tvb, cols, igmp);
                }
            }
        }
        return tvb.length();
    }

    /** The IGMP version of a message, 0 for a type that none of them has. */
    private static int version(Tvb tvb, int type) {
        return switch (type) {
            case QUERY -> tvb.reportedLength() >= 12 ? 3 : tvb.u8(1) == 0 ? 1 : 2;
            case V1_REPORT -> 1;
            case V2_REPORT, V2_LEAVE -> 2;
            case V3_REPORT -> 3;
            default -> 0;
        };
    }

    private static void v3Query(Tvb tvb, Columns cols, ProtoItem igmp) {
        maxResp(tvb, igmp, true);
        checksum(tvb, igmp);
        long group = tvb.u32(4);
        igmp.add(MADDR, tvb, 4, 4);
        igmp.add(S, tvb, 8, 1);
        igmp.add(QRV, tvb, 8, 1);
        igmp.add(QQIC, tvb, 9, 1);
        int sources = tvb.u16(10);
        igmp.add(NUM_SRC, tvb, 10, 2);
        StringBuilder info = new StringBuilder(group == 0 ? "Membership Query, general"
                : "Membership Query, specific for group " + AddressFormat.ipv4(group));
        if (sources > 0) {
            info.append(sources == 1 ? ", source {" : ", sources {");
        }
        int off = 12;
        for (int i = 0; i < sources; i++, off += 4) {
            igmp.add(SADDR, tvb, off, 4);
            info.append(i > 0 ? ", " : "").append(AddressFormat.ipv4(tvb.u32(off)));
        }
        if (sources > 0) {
            info.append('}');
        }
        cols.setInfo(info.toString());
    }

    private static void v3Report(Tvb tvb, Columns cols, ProtoItem igmp) {
        igmp.add(RESERVED, tvb, 1, 1);
        checksum(tvb, igmp);
        igmp.add(RESERVED, tvb, 4, 2);
        int records = tvb.u16(6);
        igmp.add(NUM_GRP_RECS, tvb, 6, 2);
        StringBuilder info = new StringBuilder("Membership Report");
        cols.setInfo(info.toString());
        int off = 8;
        for (int r = 0; r < records; r++) {
            int recordType = tvb.u8(off);
            int auxWords = tvb.u8(off + 1);
            int sources = tvb.u16(off + 2);
            long group = tvb.u32(off + 4);
            int length = 8 + 4 * sources + 4 * auxWords;
            String g = AddressFormat.ipv4(group);
            ProtoItem rec = igmp.addText(tvb, off, Math.min(length, tvb.remaining(off)),
                    "Group Record : " + g + "  " + RECORD_TYPES.nameOr(recordType, ""));
            ProtoItem rt = rec.add(RECORD_TYPE, tvb, off, 1);
            if (igmp.tree().detailed() && RECORD_TYPES.name(recordType) == null) {
                rt.setText("Record Type: Unknown (" + recordType + ")");
            }
            rec.add(AUX_DATA_LEN, tvb, off + 1, 1);
            rec.add(NUM_SRC, tvb, off + 2, 2);
            rec.add(MADDR, tvb, off + 4, 4);
            int p = off + 8;
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < sources; i++, p += 4) {
                rec.add(SADDR, tvb, p, 4);
                list.append(i > 0 ? ", " : "").append(AddressFormat.ipv4(tvb.u32(p)));
            }
            if (auxWords > 0) {
                rec.add(AUX_DATA, tvb, p, 4 * auxWords);
            }
            info.append(" / ").append(recordText(recordType, g, sources, list));
            cols.setInfo(info.toString());
            off += length;
        }
    }

    /** How tshark's Info column words one group record of a version 3 report. */
    private static String recordText(int type, String group, int sources, CharSequence list) {
        String one = "{" + list + "}";
        return switch (type) {
            case 1, 3 -> sources == 0 ? "Leave group " + group
                    : sources == 1 ? "Join group " + group + " for source " + one
                    : "Join group " + group + " for sources in " + one;
            case 2, 4 -> sources == 0 ? "Join group " + group + " for any sources"
                    : sources == 1 ? "Join group " + group + ", for source not " + one
                    : "Join group " + group + ", for sources not in " + one;
            case 5 -> sources == 0 ? "Group " + group + ", ALLOW_NEW_SOURCES but no source specified (?)"
                    : "Group " + group + (sources == 1 ? ", new source " : ", new sources ") + one;
            case 6 -> sources == 0 ? "Group " + group + ", BLOCK_OLD_SOURCES but no source specified (?)"
                    : "Group " + group + (sources == 1 ? ", block source " : ", block sources ") + one;
            default -> "Group " + group + ", unknown record type (?)";
        };
    }

    /**
     * Max Resp Time in tenths of a second: version 2 gives it as is; version 3 codes values from 128 on
     * as a floating-point byte (RFC 3376 §4.1.1), shown with its exponent and mantissa.
     */
    private static void maxResp(Tvb tvb, ProtoItem igmp, boolean v3) {
        int code = tvb.u8(1);
        long tenths = v3 && code >= 128 ? (long) ((code & 0x0f) | 0x10) << (((code >> 4) & 0x07) + 3) : code;
        ProtoItem item = igmp.addUint(MAX_RESP, tvb, 1, 1, tenths);
        if (igmp.tree().detailed()) {
            item.setText(String.format(Locale.ROOT, "Max Resp Time: %d.%d sec (0x%02x)", tenths / 10, tenths % 10, code));
        }
        if (v3 && code >= 128) {
            item.add(MAX_RESP_EXP, tvb, 1, 1);
            item.add(MAX_RESP_MANT, tvb, 1, 1);
        }
    }

    /** The Internet checksum over the whole message, verified when all of it was captured. */
    private static void checksum(Tvb tvb, ProtoItem igmp) {
        int sent = tvb.u16(2);
        ProtoItem ck = igmp.addUint(CHECKSUM, tvb, 2, 2, sent);
        boolean detailed = igmp.tree().detailed();
        int status;
        if (tvb.length() >= tvb.reportedLength()) {
            status = Checksums.verdict(ck, sent, Checksums.shouldBe(tvb, 0, tvb.length(), 2), CHECKSUM_BAD, detailed);
        } else {
            status = 2;
            if (detailed) {
                ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x [unverified]", sent));
            }
        }
        ProtoItem st = igmp.addUint(CHECKSUM_STATUS_FIELD, tvb, 2, 0, status);
        if (st != igmp) {
            st.setGenerated();
        }
    }
}
