package dev.dorsal.dissectors.ospf;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the bodies of the OSPFv3 LSAs (RFC 5340 A.4.3-A.4.10): router, network, inter-area prefix,
 * inter-area router, AS-external (and NSSA), link and intra-area prefix LSAs, with their IPv6 prefixes
 * (RFC 5340 A.4.1: length, options, then the prefix in 4-byte words).
 */
final class OspfLsaV3 {
    static final ValueString ROUTER_LINK_TYPES = ValueString.of(1, "Point-to-point connection to another router",
            2, "Connection to a transit network", 3, "Reserved", 4, "Virtual link");

    static final FieldDef ROUTER_FLAGS = FieldDef.uint8("ospf.v3.router.lsa.flags", "Flags").hex();
    static final FieldDef FLAG_W = FieldDef.bool("ospf.v3.router.lsa.flags.w", "(W) Wild-card multicast receiver", 8,
            0x08).tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_V = FieldDef.bool("ospf.v3.router.lsa.flags.v", "(V) Virtual link endpoint", 8, 0x04)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_E = FieldDef.bool("ospf.v3.router.lsa.flags.e", "(E) AS boundary router", 8, 0x02)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef FLAG_B = FieldDef.bool("ospf.v3.router.lsa.flags.b", "(B) Area border router", 8, 0x01)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef LINK_TYPE = FieldDef.uint8("ospf.v3.lsa.type", "Type").vals(ROUTER_LINK_TYPES);
    static final FieldDef METRIC = OspfLsa.METRIC;
    static final FieldDef INTERFACE_ID = FieldDef.uint32("ospf.v3.lsa.interface_id", "Interface ID");
    static final FieldDef NEIGHBOR_INTERFACE_ID = FieldDef.uint32("ospf.v3.lsa.neighbor_interface_id",
            "Neighbor Interface ID");
    static final FieldDef NEIGHBOR_ROUTER_ID = FieldDef.ipv4("ospf.v3.lsa.neighbor_router_id", "Neighbor Router ID");
    static final FieldDef ATTACHED_ROUTER = FieldDef.ipv4("ospf.v3.lsa.attached_router", "Attached Router");
    static final FieldDef PREFIX_LENGTH = FieldDef.uint8("ospf.prefix_length", "PrefixLength");
    static final FieldDef PREFIX_OPTIONS = FieldDef.uint8("ospf.v3.prefix.options", "PrefixOptions").hex();
    static final FieldDef PO_P = FieldDef.bool("ospf.v3.prefix.options.p", "(P) Propagate", 8, 0x08)
            .tfs(TrueFalse.SET);
    static final FieldDef PO_MC = FieldDef.bool("ospf.v3.prefix.options.mc", "(MC) Multicast", 8, 0x04)
            .tfs(TrueFalse.SET);
    static final FieldDef PO_LA = FieldDef.bool("ospf.v3.prefix.options.la", "(LA) Local Address", 8, 0x02)
            .tfs(TrueFalse.SET);
    static final FieldDef PO_NU = FieldDef.bool("ospf.v3.prefix.options.nu", "(NU) NoUnicast", 8, 0x01)
            .tfs(TrueFalse.SET);
    static final FieldDef ADDRESS_PREFIX = FieldDef.ipv6("ospf.v3.address_prefix.ipv6", "Address Prefix");
    static final FieldDef DESTINATION_ROUTER_ID = FieldDef.ipv4("ospf.v3.lsa.destination_router_id",
            "Destination Router ID");
    static final FieldDef EXT_FLAGS = FieldDef.uint8("ospf.v3.as.external.flags", "Flags").hex();
    static final FieldDef EXT_E = FieldDef.bool("ospf.v3.as.external.flags.e", "(E) External Metric", 8, 0x04)
            .tfs(new TrueFalse("Type 2", "Type 1"));
    static final FieldDef EXT_F = FieldDef.bool("ospf.v3.as.external.flags.f", "(F) Forwarding Address", 8, 0x02)
            .tfs(new TrueFalse("Present", "Absent"));
    static final FieldDef EXT_T = FieldDef.bool("ospf.v3.as.external.flags.t", "(T) External Route Tag", 8, 0x01)
            .tfs(new TrueFalse("Present", "Not Present"));
    static final FieldDef REFERENCED_LS_TYPE = FieldDef.uint16("ospf.v3.lsa.referenced_ls_type", "Referenced LS type")
            .hex().vals(OspfLsa.V3_FUNCTIONS);
    static final FieldDef FORWARDING_ADDRESS = FieldDef.ipv6("ospf.v3.lsa.forwarding_address.ipv6",
            "Forwarding Address");
    static final FieldDef EXTERNAL_ROUTE_TAG = FieldDef.uint32("ospf.v3.lsa.external_route_tag", "External Route Tag");
    static final FieldDef REFERENCED_LINK_STATE_ID = FieldDef.ipv4("ospf.v3.lsa.referenced_link_state_id",
            "Referenced Link State ID");
    static final FieldDef REFERENCED_ADV_ROUTER = FieldDef.ipv4("ospf.v3.lsa.referenced_advertising_router",
            "Referenced Advertising Router");
    static final FieldDef ROUTER_PRIORITY = FieldDef.uint8("ospf.v3.lsa.router_priority", "Router Priority");
    static final FieldDef LINK_LOCAL_ADDRESS = FieldDef.ipv6("ospf.v3.lsa.link_local_interface_address.ipv6",
            "Link-local Interface Address");
    static final FieldDef NUM_PREFIXES = FieldDef.uint32("ospf.v3.lsa.num_prefixes", "# prefixes");

    static final List<FieldDef> FIELDS = List.of(ROUTER_FLAGS, FLAG_W, FLAG_V, FLAG_E, FLAG_B, LINK_TYPE,
            INTERFACE_ID, NEIGHBOR_INTERFACE_ID, NEIGHBOR_ROUTER_ID, ATTACHED_ROUTER, PREFIX_LENGTH, PREFIX_OPTIONS, PO_P,
            PO_MC, PO_LA, PO_NU, ADDRESS_PREFIX, DESTINATION_ROUTER_ID, EXT_FLAGS, EXT_E, EXT_F, EXT_T,
            REFERENCED_LS_TYPE, FORWARDING_ADDRESS, EXTERNAL_ROUTE_TAG, REFERENCED_LINK_STATE_ID, REFERENCED_ADV_ROUTER,
            ROUTER_PRIORITY, LINK_LOCAL_ADDRESS, NUM_PREFIXES);

    static final ExpertDef RESERVED_NOT_ZERO = new ExpertDef("ospf.reserved.not_zero", "incorrect, should be 0",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    private OspfLsaV3() {}

    /** Adds the body of the LSA of function code {@code type} between {@code off} and {@code end}. */
    static void body(Tvb tvb, int off, int end, int type, ProtoItem lsa) {
        switch (type) {
            case 1 -> router(tvb, off, end, lsa);
            case 2 -> {
                lsa.add(OspfDissector.RESERVED, tvb, off, 1);
                OspfOptions.v3(tvb, off + 1, lsa);
                for (int a = off + 4; a < end; a += 4) {
                    lsa.add(ATTACHED_ROUTER, tvb, a, 4);
                }
            }
            case 3 -> {
                lsa.add(OspfDissector.RESERVED, tvb, off, 1);
                lsa.addUint(METRIC, tvb, off + 1, 3, tvb.u24(off + 1));
                prefix(tvb, off + 4, lsa, Trailer.RESERVED);
            }
            case 4 -> {
                lsa.add(OspfDissector.RESERVED, tvb, off, 1);
                OspfOptions.v3(tvb, off + 1, lsa);
                lsa.add(OspfDissector.RESERVED, tvb, off + 4, 1);
                lsa.addUint(METRIC, tvb, off + 5, 3, tvb.u24(off + 5));
                lsa.add(DESTINATION_ROUTER_ID, tvb, off + 8, 4);
            }
            case 5, 7 -> external(tvb, off, lsa);
            case 8 -> {
                lsa.add(ROUTER_PRIORITY, tvb, off, 1);
                OspfOptions.v3(tvb, off + 1, lsa);
                lsa.add(LINK_LOCAL_ADDRESS, tvb, off + 4, 16);
                long n = tvb.u32(off + 20);
                lsa.add(NUM_PREFIXES, tvb, off + 20, 4);
                int p = off + 24;
                for (long i = 0; i < n; i++) {
                    p = prefix(tvb, p, lsa, Trailer.RESERVED);
                }
            }
            case 9 -> {
                int n = tvb.u16(off);
                lsa.addUint(NUM_PREFIXES, tvb, off, 2, n);
                lsa.add(REFERENCED_LS_TYPE, tvb, off + 2, 2);
                lsa.add(REFERENCED_LINK_STATE_ID, tvb, off + 4, 4);
                lsa.add(REFERENCED_ADV_ROUTER, tvb, off + 8, 4);
                int p = off + 12;
                for (int i = 0; i < n; i++) {
                    p = prefix(tvb, p, lsa, Trailer.METRIC);
                }
            }
            default -> { }
        }
    }

    /** What sits between a prefix's options and its address. */
    private enum Trailer { RESERVED, METRIC }

    /** Adds one prefix at {@code off} (length, options, the trailer's 2 bytes, address); returns the offset after it. */
    private static int prefix(Tvb tvb, int off, ProtoItem lsa, Trailer trailer) {
        int plen = tvb.u8(off);
        lsa.add(PREFIX_LENGTH, tvb, off, 1);
        prefixOptions(tvb, off + 1, lsa);
        int p = off + 2;
        if (trailer == Trailer.RESERVED) {
            ProtoItem r = lsa.add(OspfDissector.RESERVED, tvb, p, 2);
            if (tvb.u16(p) != 0) {
                r.expert(RESERVED_NOT_ZERO, "incorrect, should be 0");
            }
            p += 2;
        } else if (trailer == Trailer.METRIC) {
            lsa.addUint(METRIC, tvb, p, 2, tvb.u16(p));
            p += 2;
        }
        return address(tvb, p, plen, lsa);
    }

    /** How many bytes carry a prefix of {@code plen} bits: whole 32-bit words (RFC 5340 A.4.1). */
    static int prefixBytes(int plen) {
        return (plen + 31) / 32 * 4;
    }

    /** The prefix's address in (length + 31) / 32 words, shown as a whole IPv6 address. */
    private static int address(Tvb tvb, int off, int plen, ProtoItem lsa) {
        int bytes = prefixBytes(plen);
        byte[] a = new byte[16];
        byte[] got = tvb.bytes(off, Math.min(bytes, 16));
        System.arraycopy(got, 0, a, 0, got.length);
        lsa.addBytes(ADDRESS_PREFIX, tvb, off, bytes, a);
        return off + bytes;
    }

    private static void prefixOptions(Tvb tvb, int off, ProtoItem lsa) {
        int v = tvb.u8(off);
        ProtoItem o = lsa.add(PREFIX_OPTIONS, tvb, off, 1);
        o.appendText(names(v, PO_P, PO_MC, PO_LA, PO_NU));
        for (FieldDef f : List.of(PO_P, PO_MC, PO_LA, PO_NU)) {
            o.add(f, tvb, off, 1);
        }
    }

    private static String names(int v, FieldDef... bits) {
        StringBuilder sb = new StringBuilder();
        for (FieldDef f : bits) {
            if ((v & f.mask()) != 0) {
                sb.append(", ").append(f.name());
            }
        }
        return sb.toString();
    }

    private static void router(Tvb tvb, int off, int end, ProtoItem lsa) {
        int flags = tvb.u8(off);
        ProtoItem f = lsa.add(ROUTER_FLAGS, tvb, off, 1);
        f.appendText(names(flags, FLAG_W, FLAG_V, FLAG_E, FLAG_B));
        for (FieldDef b : List.of(FLAG_W, FLAG_V, FLAG_E, FLAG_B)) {
            f.add(b, tvb, off, 1);
        }
        OspfOptions.v3(tvb, off + 1, lsa);
        int p = off + 4;
        if (p >= end) {
            return;
        }
        ProtoItem ifaces = lsa.addText(tvb, p, OspfDissector.clamp(tvb, p, end - p), "Router Interfaces");
        for (int n = 1; p < end; n++, p += 16) {
            ProtoItem e = ifaces.addText(tvb, p, OspfDissector.clamp(tvb, p, 16), "Entry #" + n);
            e.add(LINK_TYPE, tvb, p, 1);
            e.add(OspfDissector.RESERVED, tvb, p + 1, 1);
            e.addUint(METRIC, tvb, p + 2, 2, tvb.u16(p + 2));
            e.add(INTERFACE_ID, tvb, p + 4, 4);
            e.add(NEIGHBOR_INTERFACE_ID, tvb, p + 8, 4);
            e.add(NEIGHBOR_ROUTER_ID, tvb, p + 12, 4);
        }
    }

    private static void external(Tvb tvb, int off, ProtoItem lsa) {
        int flags = tvb.u8(off);
        ProtoItem f = lsa.add(EXT_FLAGS, tvb, off, 1);
        f.appendText(names(flags, EXT_E, EXT_F, EXT_T));
        for (FieldDef b : List.of(EXT_E, EXT_F, EXT_T)) {
            f.add(b, tvb, off, 1);
        }
        lsa.addUint(METRIC, tvb, off + 1, 3, tvb.u24(off + 1));
        int plen = tvb.u8(off + 4);
        lsa.add(PREFIX_LENGTH, tvb, off + 4, 1);
        prefixOptions(tvb, off + 5, lsa);
        int refType = tvb.u16(off + 6);
        lsa.add(REFERENCED_LS_TYPE, tvb, off + 6, 2);
        int p = address(tvb, off + 8, plen, lsa);
        if ((flags & 0x02) != 0) {
            lsa.add(FORWARDING_ADDRESS, tvb, p, 16);
            p += 16;
        }
        if ((flags & 0x01) != 0) {
            lsa.add(EXTERNAL_ROUTE_TAG, tvb, p, 4);
            p += 4;
        }
        if (refType != 0) {
            lsa.add(REFERENCED_LINK_STATE_ID, tvb, p, 4);
        }
    }
}
