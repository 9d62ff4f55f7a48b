package dev.dorsal.dissectors.gtp;

import dev.dorsal.dissectors.e212.E212;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * Reads the information elements of a GTPv1-C message (3GPP TS 29.060 7.7) as tshark 4.0.17 shows
 * them. Types below 128 have a fixed length (TV), the others a 16-bit length (TLV). An IE type tshark
 * does not know ends the list with "Unknown extension header", as in tshark; IEs tshark decodes and
 * Dorsal does not are shown by name and length with their value undecoded (docs/compat.md lists them).
 */
final class GtpV1Ies {
    static final FieldDef CAUSE = FieldDef.uint8("gtp.cause", "Cause").vals(GtpValues.V1_CAUSES);
    static final FieldDef RECOVERY = FieldDef.uint8("gtp.recovery", "Recovery");
    static final FieldDef LAC = FieldDef.uint16("gtp.lac", "Location Area Code (LAC)");
    static final FieldDef RAC = FieldDef.uint8("gtp.rai_rac", "Routing Area Code (RAC)");
    static final FieldDef TLLI = FieldDef.uint32("gtp.tlli", "TLLI").hex();
    static final FieldDef PTMSI = FieldDef.uint32("gtp.ptmsi", "P-TMSI").decHex();
    static final FieldDef REORDER = FieldDef.bool("gtp.reorder", "Reordering required");
    static final FieldDef MAP_CAUSE = FieldDef.uint8("gtp.map_cause", "MAP cause").vals(GtpValues.V1_MAP_CAUSES);
    static final FieldDef PTMSI_SIG = FieldDef.uint24("gtp.ptmsi_sig", "P-TMSI Signature").hex();
    static final FieldDef MS_VALID = FieldDef.bool("gtp.ms_valid", "MS validated");
    static final FieldDef SEL_MODE = FieldDef.uint8("gtp.sel_mode", "Selection mode").mask(0x03)
            .vals(GtpValues.V1_SELECTION_MODES);
    static final FieldDef TEID_DATA = FieldDef.uint32("gtp.teid_data", "TEID Data I").hexDec();
    static final FieldDef TEID_CP = FieldDef.uint32("gtp.teid_cp", "TEID Control Plane").hexDec();
    static final FieldDef TEID_II = FieldDef.uint32("gtp.teid_ii", "TEID Data II").hexDec();
    static final FieldDef NSAPI = FieldDef.uint8("gtp.nsapi", "NSAPI").mask(0x0f);
    static final FieldDef TEAR_IND = FieldDef.bool("gtp.tear_ind", "Teardown Indicator");
    static final FieldDef RANAP_CAUSE = FieldDef.uint8("gtp.ranap_cause", "RANAP cause")
            .vals(GtpValues.V1_RANAP_CAUSES);
    static final FieldDef RP_SMS = FieldDef.uint8("gtp.rp_sms", "Radio Priority SMS");
    static final FieldDef RP = FieldDef.uint8("gtp.rp", "Radio Priority").mask(0x07);
    static final FieldDef RP_NSAPI = FieldDef.uint8("gtp.rp_nsapi", "NSAPI in Radio Priority").mask(0xf0);
    static final FieldDef RP_SPARE = FieldDef.uint8("gtp.rp_spare", "Reserved").mask(0x08);
    static final FieldDef PKT_FLOW_ID = FieldDef.uint8("gtp.pkt_flow_id", "Packet Flow ID");
    static final FieldDef CHRG_CHAR = FieldDef.uint16("gtp.chrg_char", "Charging characteristics");
    static final FieldDef CHRG_CHAR_S = FieldDef.uint16("gtp.chrg_char_s", "Spare").mask(0xf000);
    static final FieldDef CHRG_CHAR_N = FieldDef.uint16("gtp.chrg_char_n", "Normal charging").mask(0x0800);
    static final FieldDef CHRG_CHAR_P = FieldDef.uint16("gtp.chrg_char_p", "Prepaid charging").mask(0x0400);
    static final FieldDef CHRG_CHAR_F = FieldDef.uint16("gtp.chrg_char_f", "Flat rate charging").mask(0x0200);
    static final FieldDef CHRG_CHAR_H = FieldDef.uint16("gtp.chrg_char_h", "Hot billing charging").mask(0x0100);
    static final FieldDef CHRG_CHAR_R = FieldDef.uint16("gtp.chrg_char_r", "Reserved").mask(0x00ff);
    static final FieldDef TRACE_REF = FieldDef.uint16("gtp.trace_ref", "Trace reference").hex();
    static final FieldDef TRACE_TYPE = FieldDef.uint16("gtp.trace_type", "Trace type").hex();
    static final FieldDef MS_REASON = FieldDef.uint8("gtp.ms_reason", "MS not reachable reason")
            .vals(GtpValues.V1_MS_REASONS);
    static final FieldDef CHRG_ID = FieldDef.uint32("gtp.chrg_id", "Charging ID").hexDec();
    static final FieldDef PDP_ORG = FieldDef.uint8("gtp.user_addr_pdp_org", "PDP type organization")
            .vals(GtpValues.V1_PDP_ORGS);
    static final FieldDef PDP_TYPE = FieldDef.uint8("gtp.user_addr_pdp_type", "PDP type number").hex()
            .vals(GtpValues.V1_PDP_TYPES);
    static final FieldDef USER_IPV4 = FieldDef.ipv4("gtp.user_ipv4", "End user address IPv4");
    static final FieldDef USER_IPV6 = FieldDef.ipv6("gtp.user_ipv6", "End user address IPv6");
    static final FieldDef APN_LENGTH = FieldDef.uint16("gtp.apn_length", "APN length");
    static final FieldDef APN = FieldDef.string("gtp.apn", "APN");
    static final FieldDef GSN_LENGTH = FieldDef.uint16("gtp.gsn_address_length", "GSN address length");
    static final FieldDef GSN_IPV4 = FieldDef.ipv4("gtp.gsn_ipv4", "GSN address IPv4");
    static final FieldDef GSN_IPV6 = FieldDef.ipv6("gtp.gsn_ipv6", "GSN address IPv6");
    static final FieldDef EXT_LENGTH = FieldDef.uint16("gtp.ext_length", "Length");
    static final FieldDef RAT_TYPE = FieldDef.uint8("gtp.ext_rat_type", "RAT Type").vals(GtpValues.V1_RAT_TYPES);
    static final FieldDef GEO_LOC_TYPE = FieldDef.uint8("gtp.geo_loc_type", "Geographic Location Type")
            .vals(GtpValues.V1_GEO_LOC_TYPES);
    static final FieldDef CGI_CI = FieldDef.uint16("gtp.cgi_ci", "Cell ID (CI)");
    static final FieldDef SAI_SAC = FieldDef.uint16("gtp.sai_sac", "Service Area Code (SAC)");
    static final FieldDef TIMEZONE = FieldDef.uint8("gtp.timezone", "Timezone");
    static final FieldDef TIMEZONE_DST = FieldDef.uint8("gtp.timezone_dst", "DST").mask(0x03)
            .vals(ValueString.of(0, "No adjustment", 1, "+1 hour adjustment for Daylight Saving Time",
                    2, "+2 hours adjustment for Daylight Saving Time", 3, "Spare"));
    static final FieldDef IMEISV = FieldDef.string("gtp.ext_imeisv", "IMEI(SV)");
    static final FieldDef CHRG_IPV4 = FieldDef.ipv4("gtp.chrg_ipv4", "CG address IPv4");
    static final FieldDef CHRG_IPV6 = FieldDef.ipv6("gtp.chrg_ipv6", "CG address IPv6");
    static final FieldDef EXT_ID = FieldDef.uint16("gtp.ext_id", "Extension identifier")
            .custom(GtpV1Ies::enterprise);
    static final FieldDef EXT_VAL = FieldDef.bytes("gtp.ext_val", "Extension value");
    static final FieldDef IE_ID = FieldDef.uint8("gtp.ie_id", "IE Id").vals(GtpValues.V1_IES);
    static final FieldDef IE_DATA = FieldDef.bytes("gtp.ie_data", "IE data");

    static final List<FieldDef> FIELDS = List.of(CAUSE, RECOVERY, LAC, RAC, TLLI, PTMSI, REORDER, MAP_CAUSE,
            PTMSI_SIG, MS_VALID, SEL_MODE, TEID_DATA, TEID_CP, TEID_II, NSAPI, TEAR_IND, RANAP_CAUSE, RP_SMS, RP,
            RP_NSAPI, RP_SPARE, PKT_FLOW_ID, CHRG_CHAR, CHRG_CHAR_S, CHRG_CHAR_N, CHRG_CHAR_P, CHRG_CHAR_F,
            CHRG_CHAR_H, CHRG_CHAR_R, TRACE_REF, TRACE_TYPE, MS_REASON, CHRG_ID, PDP_ORG, PDP_TYPE,
            USER_IPV4, USER_IPV6, APN_LENGTH, APN, GSN_LENGTH, GSN_IPV4, GSN_IPV6, EXT_LENGTH, RAT_TYPE, GEO_LOC_TYPE,
            CGI_CI, SAI_SAC, TIMEZONE, TIMEZONE_DST, IMEISV, CHRG_IPV4, CHRG_IPV6, EXT_ID, EXT_VAL, IE_ID, IE_DATA);

    static final ExpertDef UNDECODED = new ExpertDef("gtp.undecoded", "Data not decoded yet", Group.UNDECODED,
            Severity.WARN);

    /** IANA private enterprise numbers Dorsal names (tshark reads the whole registry). */
    static final ValueString ENTERPRISES = ValueString.of(1, "NxNetworks", 9, "ciscoSystems", 311, "Microsoft",
            3561, "Broadband Forum (previously 'DSL Forum')", 4491, "Cable Television Laboratories, Inc.",
            34501, "S. C. Null Team Impex SRL.");

    /** Lengths of the fixed-length (TV) IE values, by type; 0 for a type tshark does not know. */
    private static final int[] TV_LENGTH = new int[128];

    static {
        int[][] lengths = {{1, 1}, {2, 8}, {3, 6}, {4, 4}, {5, 4}, {6, 3}, {8, 1}, {9, 28}, {11, 1}, {12, 3},
            {13, 1}, {14, 1}, {15, 1}, {16, 4}, {17, 4}, {18, 5}, {19, 1}, {20, 1}, {21, 1}, {22, 9}, {23, 1},
            {24, 1}, {25, 2}, {26, 2}, {27, 2}, {28, 2}, {29, 1}, {126, 1}, {127, 4}};
        for (int[] l : lengths) {
            TV_LENGTH[l[0]] = l[1];
        }
    }

    private GtpV1Ies() {}

    static String enterprise(long n) {
        return ENTERPRISES.nameOr(n, "Unknown") + " (" + n + ")";
    }

    /** Adds the IEs from {@code offset} to {@code end}. */
    static void dissect(Tvb tvb, PacketInfo pinfo, ProtoItem gtp, int offset, int end) {
        while (offset < end) {
            int type = tvb.u8(offset);
            int size = type >= 128 ? 3 + tvb.u16(offset + 1) : 1 + TV_LENGTH[type];
            if (type < 128 && TV_LENGTH[type] == 0 || GtpValues.V1_IES.name(type) == null) {
                ProtoItem unknown = gtp.addText(tvb, offset, 1, "Unknown extension header");
                (unknown == gtp ? gtp : unknown).expert(GtpDissector.UNKNOWN_IE);
                return;
            }
            if (!decodes(type)) {
                undecoded(tvb, gtp, type, offset, size);
            } else if (type < 128) {
                tv(tvb, gtp, type, offset);
            } else {
                tlv(tvb, gtp, type, offset, tvb.u16(offset + 1));
            }
            offset += size;
        }
    }

    /**
     * An IE tshark decodes and Dorsal does not (docs/compat.md): its name, its length for a TLV, and
     * its value marked with tshark's own "Data not decoded yet", so the IEs after it still follow.
     */
    private static void undecoded(Tvb tvb, ProtoItem gtp, int type, int off, int size) {
        tvb.bytes(off, size);
        ProtoItem ie = group(gtp, tvb, off, size, GtpValues.V1_IES.nameOr(type, "Unknown"));
        int value = off + 1;
        if (type >= 128) {
            ie.add(EXT_LENGTH, tvb, off + 1, 2);
            value = off + 3;
        }
        ProtoItem data = ie.addText(tvb, value, off + size - value, "Data not decoded yet");
        (data == ie ? ie : data).expert(UNDECODED);
    }

    /** True for the IE types Dorsal reads; the others tshark knows are shown as {@link #undecoded}. */
    private static boolean decodes(int type) {
        return switch (type) {
            case 1, 2, 3, 4, 5, 8, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 127,
                    128, 131, 133, 151, 152, 153, 154, 251, 255 -> true;
            default -> false;
        };
    }

    private static void tv(Tvb tvb, ProtoItem gtp, int type, int off) {
        int v = tvb.u8(off + 1);
        switch (type) {
            case 1 -> gtp.addUint(CAUSE, tvb, off, 2, v);
            case 2 -> E212.addImsi(gtp, tvb, off + 1, 8, E212.IMSI);
            case 3 -> {
                tvb.bytes(off + 1, 6);
                ProtoItem rai = group(gtp, tvb, off, 1, "Routing Area Identity");
                E212.addPlmn(rai, tvb, off + 1, E212.Kind.RAI);
                rai.add(LAC, tvb, off + 4, 2);
                rai.add(RAC, tvb, off + 6, 1);
            }
            case 4 -> gtp.addUint(TLLI, tvb, off, 5, tvb.u32(off + 1));
            case 5 -> {
                gtp.add(PTMSI, tvb, off + 1, 4);
                ProtoItem tmsi = gtp.add(ThreeGppCommon.TMSI, tvb, off + 1, 4);
                if (tmsi != gtp) {
                    tmsi.setHidden();
                }
            }
            case 8 -> gtp.addBool(REORDER, tvb, off, 2, (v & 1) != 0);
            case 11 -> gtp.addUint(MAP_CAUSE, tvb, off, 2, v);
            case 12 -> gtp.addUint(PTMSI_SIG, tvb, off, 4, tvb.u24(off + 1));
            case 13 -> gtp.addBool(MS_VALID, tvb, off, 2, (v & 1) != 0);
            case 14 -> gtp.addUint(RECOVERY, tvb, off, 2, v);
            case 15 -> {
                ProtoItem mode = group(gtp, tvb, off, 2,
                        "Selection mode: " + GtpValues.V1_SELECTION_MODES.nameOr(v & 0x03, "Unknown"));
                mode.add(SEL_MODE, tvb, off + 1, 1);
            }
            case 16 -> gtp.add(TEID_DATA, tvb, off + 1, 4);
            case 17 -> gtp.add(TEID_CP, tvb, off + 1, 4);
            case 18 -> {
                tvb.bytes(off + 1, 5);
                ProtoItem ii = group(gtp, tvb, off, 6, "Tunnel Endpoint Identifier Data II");
                ii.add(NSAPI, tvb, off + 1, 1);
                ii.add(TEID_II, tvb, off + 2, 4);
            }
            case 19 -> gtp.addBool(TEAR_IND, tvb, off, 2, (v & 1) != 0);
            case 20 -> group(gtp, tvb, off, 2, "NSAPI: " + (v & 0x0f)).add(NSAPI, tvb, off + 1, 1);
            case 21 -> label(gtp.addUint(RANAP_CAUSE, tvb, off, 2, v), gtp, "RANAP cause (" + ranapCategory(v)
                    + ") : " + GtpValues.V1_RANAP_CAUSES.nameOr(v, "Unknown RANAP Cause") + " (" + v + ")");
            case 23 -> gtp.addUint(RP_SMS, tvb, off, 2, v & 0x07);
            case 24 -> {
                ProtoItem rp = label(gtp.addUint(RP, tvb, off, 2, v & 0x07), gtp,
                        "Radio Priority for NSAPI(" + (v >> 4) + ") : " + (v & 0x07));
                rp.add(RP_NSAPI, tvb, off + 1, 1);
                rp.add(RP_SPARE, tvb, off + 1, 1);
                rp.add(RP, tvb, off + 1, 1);
            }
            case 25 -> {
                int flow = tvb.u8(off + 2);
                ProtoItem pfi = label(gtp.addUint(PKT_FLOW_ID, tvb, off, 3, flow), gtp,
                        "Packet Flow ID for NSAPI(" + (v & 0x0f) + ") : " + flow);
                pfi.add(NSAPI, tvb, off + 1, 1);
                label(pfi.add(PKT_FLOW_ID, tvb, off + 2, 1), pfi, "Packet Flow ID : " + flow);
            }
            case 26 -> {
                ProtoItem cc = gtp.addUint(CHRG_CHAR, tvb, off, 3, tvb.u16(off + 1));
                for (FieldDef f : List.of(CHRG_CHAR_S, CHRG_CHAR_N, CHRG_CHAR_P, CHRG_CHAR_F, CHRG_CHAR_H,
                        CHRG_CHAR_R)) {
                    cc.add(f, tvb, off + 1, 2);
                }
            }
            case 27 -> gtp.addUint(TRACE_REF, tvb, off, 3, tvb.u16(off + 1));
            case 28 -> gtp.addUint(TRACE_TYPE, tvb, off, 3, tvb.u16(off + 1));
            case 29 -> gtp.addUint(MS_REASON, tvb, off, 2, v);
            case 127 -> gtp.addUint(CHRG_ID, tvb, off, 5, tvb.u32(off + 1));
            default -> throw new IllegalStateException("TV IE " + type + " has no decoder");
        }
    }

    private static void tlv(Tvb tvb, ProtoItem gtp, int type, int off, int len) {
        int v = off + 3;
        switch (type) {
            case 128 -> endUserAddress(tvb, gtp, off, len);
            case 131 -> {
                String apn = apn(tvb, v, len);
                ProtoItem item = group(gtp, tvb, off, 3 + len, "Access Point Name: " + apn);
                item.add(APN_LENGTH, tvb, off + 1, 2);
                item.addString(APN, tvb, v, len, apn);
            }
            case 133 -> address(tvb, gtp, off, len, "GSN address : ", GSN_LENGTH, null, GSN_IPV4, GSN_IPV6);
            case 151 -> {
                int rat = tvb.u8(v);
                ProtoItem item = group(gtp, tvb, off, 3 + len, "RAT Type: "
                        + GtpValues.V1_RAT_TYPES.nameOr(rat, "Unknown"));
                item.add(EXT_LENGTH, tvb, off + 1, 2);
                item.add(RAT_TYPE, tvb, v, 1);
            }
            case 152 -> userLocation(tvb, gtp, off, len);
            case 153 -> {
                String zone = timeZone(tvb.u8(v));
                ProtoItem item = group(gtp, tvb, off, 3 + len, "MS Time Zone: " + zone);
                item.add(EXT_LENGTH, tvb, off + 1, 2);
                label(item.addUint(TIMEZONE, tvb, v, 1, quarterHours(tvb.u8(v))), item, "Timezone: " + zone);
                item.add(TIMEZONE_DST, tvb, v + 1, 1);
            }
            case 154 -> {
                String imei = E212.bcd(tvb, v, len);
                ProtoItem item = group(gtp, tvb, off, 3 + len, "IMEI(SV): " + imei);
                item.add(EXT_LENGTH, tvb, off + 1, 2);
                item.addString(IMEISV, tvb, v, len, imei);
            }
            case 251 -> address(tvb, gtp, off, len, "Charging Gateway address : ", EXT_LENGTH,
                    "Charging Gateway address length : ", CHRG_IPV4, CHRG_IPV6);
            case 255 -> {
                int id = tvb.u16(v);
                ProtoItem item = group(gtp, tvb, off, 1, "Private Extension : " + enterprise(id));
                item.add(EXT_LENGTH, tvb, off + 1, 2);
                item.add(EXT_ID, tvb, v, 2);
                if (len > 2) {
                    item.add(EXT_VAL, tvb, v + 2, len - 2);
                }
            }
            default -> throw new IllegalStateException("TLV IE " + type + " has no decoder");
        }
    }

    /** End user address: the PDP type and, when present, the IPv4 or IPv6 address. */
    private static void endUserAddress(Tvb tvb, ProtoItem gtp, int off, int len) {
        int org = tvb.u8(off + 3) & 0x0f;
        int pdp = tvb.u8(off + 4);
        String label = "End user address (" + GtpValues.V1_PDP_ORGS.nameOr(org, "Unknown") + "/"
                + GtpValues.V1_PDP_TYPES.nameOr(pdp, "Unknown") + ")";
        if (org == 0 && pdp == 1) {
            label += " (Point to Point Protocol)";
        }
        ProtoItem item = group(gtp, tvb, off, 3 + len, label);
        item.add(GtpDissector.LENGTH, tvb, off + 1, 2);
        item.addUint(PDP_ORG, tvb, off + 3, 1, org);
        item.add(PDP_TYPE, tvb, off + 4, 1);
        if (org == 1 && pdp == 0x21 && len > 2) {
            item.add(USER_IPV4, tvb, off + 5, 4);
            item.appendText(" : " + ipv4(tvb, off + 5));
        } else if (org == 1 && pdp == 0x57 && len > 2) {
            item.add(USER_IPV6, tvb, off + 5, 16);
            item.appendText(" : " + ipv6(tvb, off + 5));
        }
    }

    /** GSN or charging gateway address: IPv4 or IPv6 by length. */
    private static void address(Tvb tvb, ProtoItem gtp, int off, int len, String prefix, FieldDef lengthField,
            String lengthLabel, FieldDef v4, FieldDef v6) {
        String shown = len == 4 ? ipv4(tvb, off + 3) : len == 16 ? ipv6(tvb, off + 3) : "";
        ProtoItem item = group(gtp, tvb, off, 3 + len, prefix + shown);
        ProtoItem l = item.add(lengthField, tvb, off + 1, 2);
        if (lengthLabel != null) {
            label(l, item, lengthLabel + len);
        }
        if (len == 4) {
            item.add(v4, tvb, off + 3, 4);
        } else if (len == 16) {
            item.add(v6, tvb, off + 3, 16);
        }
    }

    /** User Location Information: a CGI, SAI or RAI after the geographic location type. */
    private static void userLocation(Tvb tvb, ProtoItem gtp, int off, int len) {
        ProtoItem item = group(gtp, tvb, off, 3 + len, "User Location Information");
        item.add(EXT_LENGTH, tvb, off + 1, 2);
        int geo = tvb.u8(off + 3);
        item.add(GEO_LOC_TYPE, tvb, off + 3, 1);
        int v = off + 4;
        switch (geo) {
            case 0 -> {
                E212.addPlmn(item, tvb, v, E212.Kind.CGI);
                item.add(LAC, tvb, v + 3, 2);
                item.add(CGI_CI, tvb, v + 5, 2);
            }
            case 1 -> {
                E212.addPlmn(item, tvb, v, E212.Kind.SAI);
                item.add(LAC, tvb, v + 3, 2);
                item.add(SAI_SAC, tvb, v + 5, 2);
            }
            case 2 -> {
                E212.addPlmn(item, tvb, v, E212.Kind.RAI);
                item.add(LAC, tvb, v + 3, 2);
                item.add(RAC, tvb, v + 5, 1);
            }
            default -> { }
        }
    }

    /** An APN's labels joined by dots (RFC 1035 label lengths replaced). */
    static String apn(Tvb tvb, int off, int len) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < len) {
            int n = tvb.u8(off + i);
            if (i > 0) {
                s.append('.');
            }
            i++;
            int take = Math.min(n, len - i);
            s.append(tvb.ascii(off + i, take));
            i += n;
        }
        return s.toString();
    }

    /** The time zone octet in quarter hours (semi-octets swapped, bit 3 the sign). */
    static int quarterHours(int octet) {
        return (octet >> 4) + (octet & 0x07) * 10;
    }

    /** "GMT + 8 hours 0 minutes", as tshark's GSM A time zone. */
    static String timeZone(int octet) {
        int q = quarterHours(octet);
        return String.format(Locale.ROOT, "GMT %c %d hours %d minutes", (octet & 0x08) != 0 ? '-' : '+', q / 4,
                q % 4 * 15);
    }

    private static String ranapCategory(int v) {
        if (v >= 1 && v <= 64) {
            return "Radio Network Layer Cause";
        } else if (v >= 65 && v <= 80) {
            return "Transport Layer Cause";
        } else if (v >= 81 && v <= 96) {
            return "NAS Cause";
        } else if (v >= 97 && v <= 112) {
            return "Protocol Cause";
        } else if (v >= 113 && v <= 128) {
            return "Miscellaneous Cause";
        }
        return "Non-standard Cause";
    }

    static String ipv4(Tvb tvb, int off) {
        return AddressFormat.ipv4(tvb.u32(off));
    }

    static String ipv6(Tvb tvb, int off) {
        return AddressFormat.ipv6(tvb.bytes(off, 16));
    }

    /** A text item grouping an IE's fields, or {@code parent} when the tree is not detailed. */
    static ProtoItem group(ProtoItem parent, Tvb tvb, int off, int len, String text) {
        ProtoItem item = parent.addText(tvb, off, len, text);
        return item;
    }

    static ProtoItem label(ProtoItem item, ProtoItem parent, String text) {
        if (item != parent) {
            item.setText(text);
        }
        return item;
    }
}
