package dev.dorsal.dissectors.gtp;

import dev.dorsal.dissectors.e212.E164;
import dev.dorsal.dissectors.e212.E212;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads GTPv2-C information elements (3GPP TS 29.274 8) as tshark 4.0.17 shows them: each IE is a
 * subtree named "IE name : summary" with its type, length, CR flag and instance, then its value. The
 * IEs Dorsal decodes are those of the corpus captures and the common session IEs checked against
 * tshark with make_gtp_crafted.py; any other shows tshark's "IE data not dissected yet" (docs/compat.md).
 */
final class GtpV2Ies {
    static final int GROUPED_DEPTH_MAX = 8;

    static final FieldDef IE_TYPE = FieldDef.uint8("gtpv2.ie_type", "IE Type").vals(GtpValues.V2_IES);
    static final FieldDef IE_LEN = FieldDef.uint16("gtpv2.ie_len", "IE Length");
    static final FieldDef CR = FieldDef.uint8("gtpv2.cr", "CR flag").mask(0xf0);
    static final FieldDef INSTANCE = FieldDef.uint8("gtpv2.instance", "Instance").mask(0x0f);
    static final FieldDef REC = FieldDef.uint8("gtpv2.rec", "Restart Counter");
    static final FieldDef CAUSE = FieldDef.uint8("gtpv2.cause", "Cause").vals(GtpValues.V2_CAUSES);
    static final FieldDef SPARE_B7_B3 = FieldDef.uint8("gtpv2.spare_b7_b3", "Spare bit(s)").mask(0xf8);
    static final FieldDef PCE = FieldDef.bool("gtpv2.pce", "PCE (PDN Connection IE Error)", 8, 0x04)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef BCE = FieldDef.bool("gtpv2.bce", "BCE (Bearer Context IE Error)", 8, 0x02)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef CS = FieldDef.bool("gtpv2.cs", "CS (Cause Source)", 8, 0x01)
            .tfs(new TrueFalse("Originated by remote node", "Originated by node sending the message"));
    static final FieldDef OFFENDING_IE = FieldDef.uint8("gtpv2.cause_off_ie_t", "Type of the offending IE")
            .vals(GtpValues.V2_IES);
    /** Registered without a mask; tshark shows the spare bits with their bit picture. */
    static final FieldDef SPARE_HALF_OCTET = FieldDef.uint8("gtpv2.spare_half_octet", "Spare half octet").mask(0xf0);
    static final FieldDef SPARE_BITS = FieldDef.uint8("gtpv2.spare_bits", "Spare bit(s)").mask(0xf0).bitItem();
    /** The same name over five spare bits (before a PDN type), another of tshark's bit items. */
    static final FieldDef SPARE_BITS_5 = FieldDef.uint8("gtpv2.spare_bits", "Spare bit(s)").mask(0xf8).bitItem();
    static final FieldDef EBI = FieldDef.uint8("gtpv2.ebi", "EPS Bearer ID (EBI)").mask(0x0f);
    static final FieldDef APN = FieldDef.string("gtpv2.apn", "APN (Access Point Name)");
    static final FieldDef AMBR_UP = FieldDef.uint32("gtpv2.ambr_up", "AMBR Uplink (Aggregate Maximum Bit Rate for Uplink)");
    static final FieldDef AMBR_DOWN = FieldDef.uint32("gtpv2.ambr_down",
            "AMBR Downlink(Aggregate Maximum Bit Rate for Downlink)");
    static final FieldDef MEI = FieldDef.string("gtpv2.mei", "MEI(Mobile Equipment Identity)");
    static final FieldDef PDN_TYPE = FieldDef.uint8("gtpv2.pdn_type", "PDN Type").mask(0x07)
            .vals(GtpValues.V2_PDN_TYPES);
    static final FieldDef PAA_IPV4 = FieldDef.ipv4("gtpv2.pdn_addr_and_prefix.ipv4", "PDN Address and Prefix(IPv4)");
    static final FieldDef RAT_TYPE = FieldDef.uint8("gtpv2.rat_type", "RAT Type").vals(GtpValues.V2_RAT_TYPES);
    static final FieldDef SELEC_MODE = FieldDef.uint8("gtpv2.selec_mode", "Selection Mode").mask(0x03)
            .vals(GtpValues.V2_SELECTION_MODES);
    static final FieldDef CHARGING_ID = FieldDef.uint32("gtpv2.charging_id", "Charging id");
    static final FieldDef APN_REST = FieldDef.uint8("gtpv2.apn_rest", "APN Restriction")
            .vals(GtpValues.V2_APN_RESTRICTIONS);
    static final FieldDef QOS_PCI = FieldDef.bool("gtpv2.bearer_qos_pci", "PCI (Pre-emption Capability)", 8, 0x40)
            .tfs(new TrueFalse("Disabled", "Enabled"));
    static final FieldDef QOS_PL = FieldDef.uint8("gtpv2.bearer_qos_pl", "PL (Priority Level)").mask(0x3c);
    static final FieldDef QOS_PVI = FieldDef.bool("gtpv2.bearer_qos_pvi", "PVI (Pre-emption Vulnerability)", 8,
            0x01).tfs(new TrueFalse("Disabled", "Enabled"));
    static final FieldDef QOS_QCI = FieldDef.uint8("gtpv2.bearer_qos_label_qci", "Label (QCI)");
    static final FieldDef QOS_MBR_UP = FieldDef.uint64("gtpv2.bearer_qos_mbr_up", "Maximum Bit Rate For Uplink");
    static final FieldDef QOS_MBR_DOWN = FieldDef.uint64("gtpv2.bearer_qos_mbr_down", "Maximum Bit Rate For Downlink");
    static final FieldDef QOS_GBR_UP = FieldDef.uint64("gtpv2.bearer_qos_gbr_up", "Guaranteed Bit Rate For Uplink");
    static final FieldDef QOS_GBR_DOWN = FieldDef.uint64("gtpv2.bearer_qos_gbr_down",
            "Guaranteed Bit Rate For Downlink");
    static final FieldDef DELAY_VALUE = FieldDef.uint8("gtpv2.delay_value",
            "Delay Value (In integer multiples of 50 milliseconds or zero)");
    static final FieldDef CHARGING_CHARACTERISTIC = FieldDef.uint16("gtpv2.charging_characteristic",
            "Charging Characteristic").hex().mask(0xffff);
    static final FieldDef PTI = FieldDef.uint8("gtpv2.pti", "Procedure Transaction Id");
    static final FieldDef NODE_TYPE = FieldDef.uint8("gtpv2.node_type", "Node Type").vals(GtpValues.V2_NODE_TYPES);
    static final FieldDef F_TEID_V4 = FieldDef.bool("gtpv2.f_teid_v4", "V4", 8, 0x80)
            .tfs(new TrueFalse("IPv4 address present", "IPv4 address not present"));
    static final FieldDef F_TEID_V6 = FieldDef.bool("gtpv2.f_teid_v6", "V6", 8, 0x40)
            .tfs(new TrueFalse("IPv6 address present", "IPv6 address not present"));
    static final FieldDef F_TEID_INTERFACE = FieldDef.uint8("gtpv2.f_teid_interface_type", "Interface Type")
            .mask(0x3f).vals(GtpValues.V2_INTERFACE_TYPES);
    static final FieldDef F_TEID_KEY = FieldDef.uint32("gtpv2.f_teid_gre_key", "TEID/GRE Key").hexDec();
    static final FieldDef F_TEID_IPV4 = FieldDef.ipv4("gtpv2.f_teid_ipv4", "F-TEID IPv4");
    static final FieldDef F_TEID_IPV6 = FieldDef.ipv6("gtpv2.f_teid_ipv6", "F-TEID IPv6");
    static final FieldDef UE_TIME_ZONE_DST = FieldDef.uint8("gtpv2.ue_time_zone_dst", "Daylight Saving Time")
            .mask(0x03).vals(GtpValues.V2_DST);

    static final List<FieldDef> FIELDS = List.of(IE_TYPE, IE_LEN, CR, INSTANCE, REC, CAUSE, SPARE_B7_B3, PCE, BCE,
            CS, OFFENDING_IE, SPARE_HALF_OCTET, SPARE_BITS, SPARE_BITS_5, EBI, APN, AMBR_UP, AMBR_DOWN, MEI, PDN_TYPE, PAA_IPV4,
            RAT_TYPE, SELEC_MODE, CHARGING_ID, APN_REST, QOS_PCI, QOS_PL, QOS_PVI, QOS_QCI, QOS_MBR_UP, QOS_MBR_DOWN,
            QOS_GBR_UP, QOS_GBR_DOWN, DELAY_VALUE, CHARGING_CHARACTERISTIC, PTI, NODE_TYPE, F_TEID_V4, F_TEID_V6,
            F_TEID_INTERFACE, F_TEID_KEY, F_TEID_IPV4, F_TEID_IPV6, UE_TIME_ZONE_DST);

    static final ExpertDef NOT_DISSECTED = new ExpertDef("gtpv2.ie_data_not_dissected", "IE data not dissected yet",
            Group.UNDECODED, Severity.NOTE);
    static final ExpertDef TYPE_RESERVED = new ExpertDef("gtpv2.ie_type.reserved",
            "IE type Zero is Reserved and should not be used", Group.PROTOCOL, Severity.WARN);

    private static final int BEARER_CONTEXT = 93;

    private GtpV2Ies() {}

    /** Adds the IEs from {@code offset} to {@code end}. */
    static void list(Tvb tvb, PacketInfo pinfo, ProtoItem parent, int offset, int end) {
        list(tvb, pinfo, parent, offset, end, 0);
    }

    private static void list(Tvb tvb, PacketInfo pinfo, ProtoItem parent, int offset, int end, int depth) {
        while (offset < end) {
            int type = tvb.u8(offset);
            int len = tvb.u16(offset + 1);
            ProtoItem ie = parent.addText(tvb, offset, 4 + len, GtpValues.V2_IES.nameOr(type, "Unknown") + " : ");
            ProtoItem t = ie == parent ? parent : ie;
            t.add(IE_TYPE, tvb, offset, 1);
            t.add(IE_LEN, tvb, offset + 1, 2);
            t.add(CR, tvb, offset + 3, 1);
            t.add(INSTANCE, tvb, offset + 3, 1);
            String summary;
            if (type == 0) {
                t.expert(TYPE_RESERVED);
                summary = "";
            } else {
                summary = value(tvb, pinfo, t, type, offset + 4, len, depth);
            }
            if (summary != null && ie != parent) {
                ie.appendText(summary);
            }
            offset += 4 + len;
        }
    }

    /** Adds one IE's value; returns the text tshark appends to the IE's label. */
    private static String value(Tvb tvb, PacketInfo pinfo, ProtoItem ie, int type, int v, int len, int depth) {
        switch (type) {
            case 1: {
                return E212.addImsi(ie, tvb, v, len, E212.IMSI);
            }
            case 2: {
                int cause = tvb.u8(v);
                ie.add(CAUSE, tvb, v, 1);
                ie.add(SPARE_B7_B3, tvb, v + 1, 1);
                ie.add(PCE, tvb, v + 1, 1);
                ie.add(BCE, tvb, v + 1, 1);
                ie.add(CS, tvb, v + 1, 1);
                if (len > 2) {
                    ie.add(OFFENDING_IE, tvb, v + 2, 1);
                    ie.add(IE_LEN, tvb, v + 3, 2);
                    ie.add(SPARE_HALF_OCTET, tvb, v + 5, 1);
                    ie.add(INSTANCE, tvb, v + 5, 1);
                }
                return GtpValues.V2_CAUSES.nameOr(cause, "Unknown") + " (" + cause + ")";
            }
            case 3: {
                ie.add(REC, tvb, v, 1);
                return String.valueOf(tvb.u8(v));
            }
            case 71: {
                String apn = GtpV1Ies.apn(tvb, v, len);
                ie.addString(APN, tvb, v, len, apn);
                return apn;
            }
            case 72: {
                ie.add(AMBR_UP, tvb, v, 4);
                ie.add(AMBR_DOWN, tvb, v + 4, 4);
                return "";
            }
            case 73: {
                ie.add(SPARE_BITS, tvb, v, 1);
                ie.add(EBI, tvb, v, 1);
                return String.valueOf(tvb.u8(v) & 0x0f);
            }
            case 75: {
                String mei = E212.bcd(tvb, v, len);
                ie.addString(MEI, tvb, v, len, mei);
                return mei;
            }
            case 76: {
                return E164.addMsisdn(ie, tvb, v, len);
            }
            case 77: {
                GtpV2Indication.dissect(tvb, ie, v, len);
                return "";
            }
            case 79: {
                int pdn = tvb.u8(v) & 0x07;
                ie.add(PDN_TYPE, tvb, v, 1);
                if (pdn == 1) {
                    ie.add(PAA_IPV4, tvb, v + 1, 4);
                    return "IPv4 " + GtpV1Ies.ipv4(tvb, v + 1);
                }
                return "";
            }
            case 80: {
                ie.add(QOS_PCI, tvb, v, 1);
                ie.add(QOS_PL, tvb, v, 1);
                ie.add(QOS_PVI, tvb, v, 1);
                ie.add(QOS_QCI, tvb, v + 1, 1);
                ie.add(QOS_MBR_UP, tvb, v + 2, 5);
                ie.add(QOS_MBR_DOWN, tvb, v + 7, 5);
                ie.add(QOS_GBR_UP, tvb, v + 12, 5);
                ie.add(QOS_GBR_DOWN, tvb, v + 17, 5);
                return "";
            }
            case 82: {
                int rat = tvb.u8(v);
                ie.add(RAT_TYPE, tvb, v, 1);
                return GtpValues.V2_RAT_TYPES.nameOr(rat, "Unknown") + " (" + rat + ")";
            }
            case 83: {
                E212.Plmn p = E212.addPlmn(ie, tvb, v, E212.Kind.PLAIN);
                String network = p.network();
                return "MCC " + p.mcc() + " " + p.country() + ", MNC " + p.mncDigits() + " "
                        + (network.equals("Unknown") ? "" : network);
            }
            case 86: {
                return GtpV2Uli.dissect(tvb, ie, v, len);
            }
            case 87: {
                return fTeid(tvb, ie, v);
            }
            case 92: {
                ie.add(DELAY_VALUE, tvb, v, 1);
                return "";
            }
            case BEARER_CONTEXT: {
                if (depth < GROUPED_DEPTH_MAX) {
                    list(tvb, pinfo, ie, v, v + len, depth + 1);
                }
                return "[Grouped IE]";
            }
            case 94: {
                ie.add(CHARGING_ID, tvb, v, 4);
                return "";
            }
            case 95: {
                ie.add(CHARGING_CHARACTERISTIC, tvb, v, 2);
                return "";
            }
            case 99: {
                int pdn = tvb.u8(v) & 0x07;
                ie.add(SPARE_BITS_5, tvb, v, 1);
                ie.add(PDN_TYPE, tvb, v, 1);
                return GtpValues.V2_PDN_TYPES.nameOr(pdn, "Unknown");
            }
            case 100: {
                ie.add(PTI, tvb, v, 1);
                return "";
            }
            case 114: {
                int octet = tvb.u8(v);
                String zone = GtpV1Ies.timeZone(octet);
                ProtoItem tz = ie.addUint(GsmTimeZone.TIMEZONE, tvb, v, 1, GtpV1Ies.quarterHours(octet));
                GtpV1Ies.label(tz, ie, "Timezone: " + zone);
                ie.add(UE_TIME_ZONE_DST, tvb, v + 1, 1);
                return "";
            }
            case 127: {
                int rest = tvb.u8(v);
                ie.add(APN_REST, tvb, v, 1);
                return GtpValues.V2_APN_RESTRICTIONS.nameOr(rest, "Unknown") + " (" + rest + ")";
            }
            case 128: {
                int mode = tvb.u8(v) & 0x03;
                ie.add(SELEC_MODE, tvb, v, 1);
                return GtpValues.V2_SELECTION_MODES.nameOr(mode, "Unknown");
            }
            case 135: {
                int node = tvb.u8(v);
                ie.add(NODE_TYPE, tvb, v, 1);
                return GtpValues.V2_NODE_TYPES.nameOr(node, "Unknown");
            }
            default: {
                ProtoItem nd = ie.addText(tvb, v, len, "IE data not dissected yet");
                (nd == ie ? ie : nd).expert(NOT_DISSECTED);
                return "";
            }
        }
    }

    /** Fully qualified TEID: interface type, TEID or GRE key, IPv4 and/or IPv6 address. */
    private static String fTeid(Tvb tvb, ProtoItem ie, int v) {
        int flags = tvb.u8(v);
        ie.add(F_TEID_V4, tvb, v, 1);
        ie.add(F_TEID_V6, tvb, v, 1);
        ie.add(F_TEID_INTERFACE, tvb, v, 1);
        ie.add(F_TEID_KEY, tvb, v + 1, 4);
        StringBuilder s = new StringBuilder(GtpValues.V2_INTERFACE_TYPES.nameOr(flags & 0x3f, "Unknown"));
        s.append(String.format(java.util.Locale.ROOT, ", TEID/GRE Key: 0x%08x", tvb.u32(v + 1)));
        int at = v + 5;
        if ((flags & 0x80) != 0) {
            ie.add(F_TEID_IPV4, tvb, at, 4);
            s.append(", IPv4 ").append(GtpV1Ies.ipv4(tvb, at));
            at += 4;
        }
        if ((flags & 0x40) != 0) {
            ie.add(F_TEID_IPV6, tvb, at, 16);
            s.append(", IPv6 ").append(GtpV1Ies.ipv6(tvb, at));
        }
        return s.toString();
    }
}
