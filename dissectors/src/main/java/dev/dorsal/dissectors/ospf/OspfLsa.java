package dev.dorsal.dissectors.ospf;

import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * Reads an OSPF link state advertisement: the 20-byte header of OSPFv2 (RFC 2328 A.4.1) and OSPFv3
 * (RFC 5340 A.4.2), and the bodies of the OSPFv2 router, network, summary, AS-external and NSSA LSAs.
 *
 * <pre>
 * v2: | age (2) | options (1) | type (1) | LS ID (4) | adv router (4) | seq (4) | checksum (2) | length (2) |
 * v3: | age (2) | type (2: U, S2 S1, function code) | LS ID (4) | adv router (4) | seq (4) | checksum | length |
 * </pre>
 */
final class OspfLsa {
    static final int HEADER_SIZE = 20;

    static final ValueString V2_TYPES = ValueString.of(1, "Router-LSA", 2, "Network-LSA", 3, "Summary-LSA (IP network)",
            4, "Summary-LSA (ASBR)", 5, "AS-External-LSA (ASBR)", 6, "Group Membership LSA", 7, "NSSA AS-External-LSA",
            8, "External Attributes LSA", 9, "Opaque LSA, Link-local scope", 10, "Opaque LSA, Area-local scope",
            11, "Opaque LSA, AS-local scope");
    static final ValueString V3_FUNCTIONS = ValueString.of(1, "Router-LSA", 2, "Network-LSA",
            3, "Inter-Area-Prefix-LSA", 4, "Inter-Area-Router-LSA", 5, "AS-External-LSA", 6, "Group-Membership-LSA",
            7, "NSSA-LSA", 8, "Link-LSA", 9, "Intra-Area-Prefix-LSA", 12, "Router Information Opaque-LSA");
    static final ValueString SCOPES = ValueString.of(0, "Link-Local Scoping - Flooded only on originating link",
            1, "Area Scoping - Flooded only in originating area", 2, "AS Scoping - Flooded throughout AS",
            3, "Reserved");

    static final FieldDef AGE = FieldDef.uint16("ospf.lsa.age", "LS Age (seconds)").mask(0x7fff);
    static final FieldDef DO_NOT_AGE = FieldDef.uint16("ospf.lsa.donotage", "Do Not Age Flag").mask(0x8000);
    static final FieldDef V3_DO_NOT_AGE = FieldDef.bool("ospf.v3.lsa.do_not_age", "Do Not Age", 16, 0x8000)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef LS_TYPE = FieldDef.uint8("ospf.lsa", "LS Type").vals(V2_TYPES);
    static final FieldDef V3_LS_TYPE = FieldDef.uint16("ospf.v3.lsa", "LS Type").hex();
    static final FieldDef V3_U = FieldDef.bool("ospf.v3.lsa.u", "LSA Handling", 16, 0x8000).tfs(new TrueFalse(
            "Treat the LSA as if it had link-local flooding scope", "Store and flood the LSA as if the type is understood"));
    static final FieldDef V3_SCOPE = FieldDef.uint16("ospf.v3.lsa.s12", "Flooding Scope").hex().mask(0x6000)
            .vals(SCOPES);
    static final FieldDef V3_FUNCTION = FieldDef.uint16("ospf.v3.lsa.fc", "Function Code").mask(0x1fff)
            .vals(V3_FUNCTIONS);
    static final FieldDef LSA_ID = FieldDef.ipv4("ospf.lsa.id", "Link State ID");
    static final FieldDef LINK_STATE_ID = FieldDef.ipv4("ospf.link_state_id", "Link State ID");
    static final FieldDef ADV_ROUTER = FieldDef.ipv4("ospf.advrouter", "Advertising Router");
    static final FieldDef SEQNUM = FieldDef.uint32("ospf.lsa.seqnum", "Sequence Number").hex();
    static final FieldDef CHKSUM = FieldDef.uint16("ospf.lsa.chksum", "Checksum").hex();
    static final FieldDef LENGTH = FieldDef.uint16("ospf.lsa.length", "Length");
    static final FieldDef[] V2_HIDDEN = {
        FieldDef.bool("ospf.lsa.router", "Router LSA"), FieldDef.bool("ospf.lsa.network", "Network LSA"),
        FieldDef.bool("ospf.lsa.summary", "Summary LSA (IP Network)"), FieldDef.bool("ospf.lsa.asbr", "Summary LSA (ASBR)"),
        FieldDef.bool("ospf.lsa.asext", "AS-External LSA (ASBR)"), FieldDef.bool("ospf.lsa.member", "Group Membership LSA"),
        FieldDef.bool("ospf.lsa.nssa", "NSSA AS-External LSA"), FieldDef.bool("ospf.lsa.attr", "External Attributes LSA"),
        FieldDef.bool("ospf.lsa.opaque", "Opaque LSA")};
    static final FieldDef[] V3_HIDDEN = {
        FieldDef.bool("ospf.v3.lsa.router", "Router-LSA"), FieldDef.bool("ospf.v3.lsa.network", "Network-LSA"),
        FieldDef.bool("ospf.v3.lsa.interprefix", "Inter-Area-Prefix-LSA"),
        FieldDef.bool("ospf.v3.lsa.interrouter", "Inter-Area-Router-LSA"),
        FieldDef.bool("ospf.v3.lsa.asext", "AS-External-LSA"), FieldDef.bool("ospf.v3.lsa.member", "Group-Membership-LSA"),
        FieldDef.bool("ospf.v3.lsa.nssa", "NSSA-LSA"), FieldDef.bool("ospf.v3.lsa.link", "Link-LSA"),
        FieldDef.bool("ospf.v3.lsa.intraprefix", "Intra-Area-Prefix-LSA")};
    static final FieldDef ROUTER_FLAGS = FieldDef.uint8("ospf.v2.router.lsa.flags", "Flags").hex();
    static final FieldDef FLAG_H = FieldDef.bool("ospf.v2.router.lsa.flags.h", "(H) flag", 8, 0x80)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_N = FieldDef.bool("ospf.v2.router.lsa.flags.n", "(N) flag", 8, 0x10)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_W = FieldDef.bool("ospf.v2.router.lsa.flags.w", "(W) Wild-card multicast receiver", 8,
            0x08).tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_V = FieldDef.bool("ospf.v2.router.lsa.flags.v", "(V) Virtual link endpoint", 8, 0x04)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_E = FieldDef.bool("ospf.v2.router.lsa.flags.e", "(E) AS boundary router", 8, 0x02)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_B = FieldDef.bool("ospf.v2.router.lsa.flags.b", "(B) Area border router", 8, 0x01)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef NUMBER_OF_LINKS = FieldDef.uint16("ospf.lsa.number_of_links", "Number of Links");
    static final FieldDef LINK_TYPE = FieldDef.uint8("ospf.lsa.router.linktype", "Link Type");
    static final FieldDef LINK_ID = FieldDef.ipv4("ospf.lsa.router.linkid", "Link ID");
    static final FieldDef LINK_DATA = FieldDef.ipv4("ospf.lsa.router.linkdata", "Link Data");
    static final FieldDef NUM_METRICS = FieldDef.uint8("ospf.lsa.router.nummetrics", "Number of Metrics");
    static final FieldDef METRIC0 = FieldDef.uint16("ospf.lsa.router.metric0", "0 Metric");
    static final FieldDef LS_METRIC = FieldDef.uint32("ospf.ls.metric", "Metric");
    static final FieldDef NETWORK_NETMASK = FieldDef.ipv4("ospf.lsa.network.netmask", "Netmask");
    static final FieldDef ATTACHED_ROUTER = FieldDef.ipv4("ospf.lsa.network.attchrtr", "Attached Router");
    static final FieldDef ASBR_NETMASK = FieldDef.ipv4("ospf.lsa.asbr.netmask", "Netmask");
    static final FieldDef TOS = FieldDef.uint8("ospf.lsa.tos", "TOS");
    static final FieldDef METRIC = FieldDef.uint32("ospf.metric", "Metric");
    static final FieldDef ASEXT_NETMASK = FieldDef.ipv4("ospf.lsa.asext.netmask", "Netmask");
    static final FieldDef ASEXT_TYPE = FieldDef.bool("ospf.lsa.asext.type", "External Type", 8, 0x80)
            .tfs(new TrueFalse("Type 2 (metric is larger than any other link state path)",
                    "Type 1 (metric is specified in the same units as interface cost)"));
    static final FieldDef FWDADDR = FieldDef.ipv4("ospf.lsa.asext.fwdaddr", "Forwarding Address");
    static final FieldDef EXTRTTAG = FieldDef.uint32("ospf.lsa.asext.extrttag", "External Route Tag");

    static final List<FieldDef> FIELDS = fields();

    static final ExpertDef UNKNOWN_TYPE = new ExpertDef("ospf.lsa.unknown_type", "Unknown LSA Type",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    private static final int ROUTER = 1;
    private static final int NETWORK = 2;
    private static final int SUMMARY = 3;
    private static final int ASBR_SUMMARY = 4;
    private static final int AS_EXTERNAL = 5;
    private static final int NSSA = 7;

    private OspfLsa() {}

    private static List<FieldDef> fields() {
        List<FieldDef> all = new java.util.ArrayList<>(List.of(AGE, DO_NOT_AGE, V3_DO_NOT_AGE, LS_TYPE, V3_LS_TYPE, V3_U,
                V3_SCOPE, V3_FUNCTION, LSA_ID, LINK_STATE_ID, ADV_ROUTER, SEQNUM, CHKSUM, LENGTH, ROUTER_FLAGS, FLAG_H,
                FLAG_N, FLAG_W, FLAG_V, FLAG_E, FLAG_B, NUMBER_OF_LINKS, LINK_TYPE, LINK_ID, LINK_DATA, NUM_METRICS,
                METRIC0, LS_METRIC, NETWORK_NETMASK, ATTACHED_ROUTER, ASBR_NETMASK, TOS, METRIC, ASEXT_NETMASK,
                ASEXT_TYPE, FWDADDR, EXTRTTAG));
        all.addAll(List.of(V2_HIDDEN));
        all.addAll(List.of(V3_HIDDEN));
        return List.copyOf(all);
    }

    /**
     * Adds the LSA at {@code off} under {@code parent}: its header, and its body when {@code full} (LS
     * Update) rather than a header list (DB Description, LS Acknowledge). Returns the offset after it.
     */
    static int dissect(Tvb tvb, int off, ProtoItem parent, int version, boolean full) {
        int length = tvb.u16(off + 18);
        int type;
        String name;
        if (version == 2) {
            type = tvb.u8(off + 3);
            name = V2_TYPES.nameOr(type, "Unknown");
        } else {
            type = tvb.u16(off + 2) & 0x1fff;
            name = V3_FUNCTIONS.nameOr(type, "Unknown");
        }
        int size = full ? length : HEADER_SIZE;
        ProtoItem lsa = parent.addText(tvb, off, OspfDissector.clamp(tvb, off, size),
                "LSA-type " + type + " (" + name + "), len " + length);
        lsa.add(AGE, tvb, off, 2);
        ProtoItem lengthItem;
        if (version == 2) {
            lsa.add(DO_NOT_AGE, tvb, off, 2);
            OspfOptions.v2(tvb, off + 2, lsa, type == NSSA);
            lsa.add(LS_TYPE, tvb, off + 3, 1);
            hidden(lsa, tvb, off + 3, 1, v2Hidden(type));
        } else {
            lsa.add(V3_DO_NOT_AGE, tvb, off, 2);
            v3Type(tvb, off + 2, lsa);
            hidden(lsa, tvb, off + 2, 2, type >= 1 && type <= 9 ? V3_HIDDEN[type - 1] : null);
        }
        lsa.add(version == 2 ? LSA_ID : LINK_STATE_ID, tvb, off + 4, 4);
        lsa.add(ADV_ROUTER, tvb, off + 8, 4);
        lsa.add(SEQNUM, tvb, off + 12, 4);
        lsa.add(CHKSUM, tvb, off + 16, 2);
        lengthItem = lsa.add(LENGTH, tvb, off + 18, 2);
        if (!full) {
            return off + HEADER_SIZE;
        }
        boolean known = version == 2 ? V2_TYPES.name(type) != null : V3_FUNCTIONS.name(type) != null;
        if (!known) {
            // tshark hangs the v2 note on the length, the v3 one on the LSA
            (version == 2 ? lengthItem : lsa).expert(UNKNOWN_TYPE, version == 2 ? "Unknown LSA Type"
                    : "Unknown LSA Type " + type);
        } else if (version == 3) {
            OspfLsaV3.body(tvb, off + HEADER_SIZE, off + length, type, lsa);
        } else {
            int body = off + HEADER_SIZE;
            int end = off + length;
            switch (type) {
                case ROUTER -> router(tvb, body, lsa);
                case NETWORK -> {
                    lsa.add(NETWORK_NETMASK, tvb, body, 4);
                    for (int a = body + 4; a < end; a += 4) {
                        lsa.add(ATTACHED_ROUTER, tvb, a, 4);
                    }
                }
                case SUMMARY, ASBR_SUMMARY -> {
                    lsa.add(ASBR_NETMASK, tvb, body, 4);
                    lsa.add(TOS, tvb, body + 4, 1);
                    lsa.addUint(METRIC, tvb, body + 5, 3, tvb.u24(body + 5));
                }
                case AS_EXTERNAL, NSSA -> {
                    lsa.add(ASEXT_NETMASK, tvb, body, 4);
                    lsa.add(ASEXT_TYPE, tvb, body + 4, 1);
                    int tos = tvb.u8(body + 4) & 0x7f;
                    ProtoItem t = lsa.addUint(TOS, tvb, body + 4, 1, tos);
                    if (t != lsa) {
                        t.setText(bits7(tos) + " = TOS: " + tos); // tshark adds these 7 bits as a bit item
                    }
                    lsa.addUint(METRIC, tvb, body + 5, 3, tvb.u24(body + 5));
                    lsa.add(FWDADDR, tvb, body + 8, 4);
                    lsa.add(EXTRTTAG, tvb, body + 12, 4);
                }
                default -> { }
            }
        }
        return off + length;
    }

    private static FieldDef v2Hidden(int type) {
        return switch (type) {
            case 1, 2, 3, 4, 5, 6, 7, 8 -> V2_HIDDEN[type - 1];
            case 9, 10, 11 -> V2_HIDDEN[8];
            default -> null;
        };
    }

    private static void hidden(ProtoItem lsa, Tvb tvb, int off, int len, FieldDef f) {
        if (f != null) {
            ProtoItem h = lsa.addBool(f, tvb, off, len, true);
            if (h != lsa) {
                h.setHidden();
            }
        }
    }

    /** The OSPFv3 LS type with its U bit, flooding scope and function code. */
    static void v3Type(Tvb tvb, int off, ProtoItem parent) {
        ProtoItem t = parent.add(V3_LS_TYPE, tvb, off, 2);
        t.add(V3_U, tvb, off, 2);
        t.add(V3_SCOPE, tvb, off, 2);
        t.add(V3_FUNCTION, tvb, off, 2);
    }

    /** The low 7 bits of a byte drawn as tshark draws a bit item: ".000 0000". */
    static String bits7(int v) {
        StringBuilder sb = new StringBuilder(".");
        for (int bit = 6; bit >= 0; bit--) {
            sb.append((v >> bit) & 1);
            if (bit == 4) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static void router(Tvb tvb, int body, ProtoItem lsa) {
        int flags = tvb.u8(body);
        ProtoItem f = lsa.add(ROUTER_FLAGS, tvb, body, 1);
        StringBuilder sb = new StringBuilder();
        for (FieldDef bit : List.of(FLAG_H, FLAG_N, FLAG_W, FLAG_V, FLAG_E, FLAG_B)) {
            if ((flags & bit.mask()) != 0) {
                sb.append(", ").append(bit.name());
            }
        }
        f.appendText(sb.toString());
        for (FieldDef bit : List.of(FLAG_H, FLAG_N, FLAG_W, FLAG_V, FLAG_E, FLAG_B)) {
            f.add(bit, tvb, body, 1);
        }
        int links = tvb.u16(body + 2);
        lsa.add(NUMBER_OF_LINKS, tvb, body + 2, 2);
        int off = body + 4;
        for (int i = 0; i < links; i++) {
            long id = tvb.u32(off);
            long data = tvb.u32(off + 4);
            int type = tvb.u8(off + 8);
            int metrics = tvb.u8(off + 9);
            int metric0 = tvb.u16(off + 10);
            if (metrics > 0) {
                tvb.u32(off + 8 + 4 * metrics); // tshark reads the whole link before showing it
            }
            String text = String.format(Locale.ROOT, "Type: %-8s ID: %-15s Data: %-15s Metric: %d",
                    linkShortName(type), AddressFormat.ipv4(id), AddressFormat.ipv4(data), metric0);
            ProtoItem link = lsa.addText(tvb, off, 12 + 4 * metrics, text);
            link.add(LINK_ID, tvb, off, 4).setText("Link ID: " + AddressFormat.ipv4(id) + " - " + linkIdMeaning(type));
            link.add(LINK_DATA, tvb, off + 4, 4);
            link.add(LINK_TYPE, tvb, off + 8, 1).setText("Link Type: " + type + " - " + linkTypeName(type));
            link.add(NUM_METRICS, tvb, off + 9, 1).setText("Number of Metrics: " + metrics + " - TOS");
            link.add(METRIC0, tvb, off + 10, 2);
            for (int m = 0; m < metrics; m++) {
                int t = off + 12 + 4 * m;
                int metric = tvb.u16(t + 2);
                link.addUint(LS_METRIC, tvb, t, 4, metric).setText("TOS: " + tvb.u8(t) + ", Metric: " + metric);
            }
            off += 12 + 4 * metrics;
        }
    }

    static String linkShortName(int type) {
        return switch (type) {
            case 1 -> "PTP";
            case 2 -> "Transit";
            case 3 -> "Stub";
            case 4 -> "Virtual";
            default -> "Unknown";
        };
    }

    static String linkTypeName(int type) {
        return switch (type) {
            case 1 -> "Point-to-point connection to another router";
            case 2 -> "Connection to a transit network";
            case 3 -> "Connection to a stub network";
            case 4 -> "Virtual link";
            default -> "Unknown link type";
        };
    }

    static String linkIdMeaning(int type) {
        return switch (type) {
            case 1, 4 -> "Neighboring router's Router ID";
            case 2 -> "IP address of Designated Router";
            case 3 -> "IP network/subnet number";
            default -> "Unknown link type";
        };
    }
}
