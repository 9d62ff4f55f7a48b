package dev.dorsal.dissectors.bgp;

import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the body of a BGP UPDATE message (RFC 4271 §4.3): withdrawn IPv4 routes, the path attributes
 * (ORIGIN, AS_PATH and AS4_PATH, NEXT_HOP, MULTI_EXIT_DISC, LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR,
 * COMMUNITIES, MP_REACH_NLRI and MP_UNREACH_NLRI for IPv4/IPv6 unicast and multicast) and the IPv4 NLRI.
 * AS_PATH numbers are read as 2 bytes when that reading ends exactly at the attribute's end with known
 * segment types and no AS 0, else as 4 bytes, as tshark decides by default.
 *
 * <pre>
 * | withdrawn len (2) | withdrawn | attr len (2) | attributes | NLRI |
 * attribute: | flags (1) | type (1) | length (1 or 2, flag 0x10) | value |
 * </pre>
 */
final class BgpUpdate {
    static final FieldDef WITHDRAWN_LENGTH = FieldDef.uint16("bgp.update.withdrawn_routes.length",
            "Withdrawn Routes Length");
    static final FieldDef WITHDRAWN = FieldDef.none("bgp.update.withdrawn_routes", "Withdrawn Routes");
    static final FieldDef ATTRS_LENGTH = FieldDef.uint16("bgp.update.path_attributes.length",
            "Total Path Attribute Length");
    static final FieldDef ATTRS = FieldDef.none("bgp.update.path_attributes", "Path attributes");
    static final FieldDef ATTR = FieldDef.none("bgp.update.path_attribute", "Path Attribute");
    static final FieldDef ATTR_UNKNOWN = FieldDef.none("bgp.update.path_attributes.unknown", "Unknown Path attributes");
    static final FieldDef FLAGS = FieldDef.uint8("bgp.update.path_attribute.flags", "Flags").hex();
    static final FieldDef FLAG_OPTIONAL = FieldDef.bool("bgp.update.path_attribute.flags.optional", "Optional",
            8, 0x80).tfs(TrueFalse.SET);
    static final FieldDef FLAG_TRANSITIVE = FieldDef.bool("bgp.update.path_attribute.flags.transitive",
            "Transitive", 8, 0x40).tfs(TrueFalse.SET);
    static final FieldDef FLAG_PARTIAL = FieldDef.bool("bgp.update.path_attribute.flags.partial", "Partial",
            8, 0x20).tfs(TrueFalse.SET);
    static final FieldDef FLAG_EXTENDED = FieldDef.bool("bgp.update.path_attribute.flags.extended_length",
            "Extended-Length", 8, 0x10).tfs(TrueFalse.SET);
    static final FieldDef FLAG_UNUSED = FieldDef.uint8("bgp.update.path_attribute.flags.unused", "Unused")
            .hex().mask(0x0f);
    static final FieldDef TYPE_CODE = FieldDef.uint8("bgp.update.path_attribute.type_code", "Type Code")
            .vals(BgpValues.ATTR_TYPES);
    static final FieldDef ATTR_LENGTH = FieldDef.uint16("bgp.update.path_attribute.length", "Length");
    static final FieldDef ORIGIN = FieldDef.uint8("bgp.update.path_attribute.origin", "Origin")
            .vals(BgpValues.ORIGINS);
    static final FieldDef SEGMENT = FieldDef.none("bgp.update.path_attribute.as_path_segment", "AS Path segment");
    static final FieldDef SEGMENT_TYPE = FieldDef.uint8("bgp.update.path_attribute.as_path_segment.type",
            "Segment type").vals(BgpValues.SEGMENT_TYPES);
    static final FieldDef SEGMENT_LENGTH = FieldDef.uint8("bgp.update.path_attribute.as_path_segment.length",
            "Segment length (number of ASN)");
    static final FieldDef AS2 = FieldDef.uint16("bgp.update.path_attribute.as_path_segment.as2", "AS2");
    static final FieldDef AS4 = FieldDef.uint32("bgp.update.path_attribute.as_path_segment.as4", "AS4");
    static final FieldDef NEXT_HOP = FieldDef.ipv4("bgp.update.path_attribute.next_hop", "Next hop");
    static final FieldDef MED = FieldDef.uint32("bgp.update.path_attribute.multi_exit_disc",
            "Multiple exit discriminator");
    static final FieldDef LOCAL_PREF = FieldDef.uint32("bgp.update.path_attribute.local_pref", "Local preference");
    static final FieldDef AGGREGATOR_AS = FieldDef.uint32("bgp.update.path_attribute.aggregator_as",
            "Aggregator AS");
    static final FieldDef AGGREGATOR_ORIGIN = FieldDef.ipv4("bgp.update.path_attribute.aggregator_origin",
            "Aggregator origin");
    static final FieldDef ORIGINATOR_ID = FieldDef.ipv4("bgp.update.path_attribute.originator_id",
            "Originator identifier");
    static final FieldDef CLUSTER_LIST = FieldDef.none("bgp.path_attribute.cluster_list", "Cluster List");
    static final FieldDef CLUSTER_ID = FieldDef.ipv4("bgp.path_attribute.cluster_id", "Cluster ID");
    static final FieldDef LARGE_COMMUNITIES = FieldDef.string("bgp.large_communities", "Large Communities");
    static final FieldDef LARGE_GA = FieldDef.uint32("bgp.large_communities.ga", "Global Administrator");
    static final FieldDef LARGE_LDP1 = FieldDef.uint32("bgp.large_communities.ldp1", "Local Data Part 1");
    static final FieldDef LARGE_LDP2 = FieldDef.uint32("bgp.large_communities.ldp2", "Local Data Part 2");
    static final FieldDef COMMUNITIES = FieldDef.none("bgp.update.path_attribute.communities", "Communities");
    static final FieldDef COMMUNITY = FieldDef.none("bgp.update.path_attribute.community", "Community");
    static final FieldDef COMMUNITY_WELL_KNOWN = FieldDef.uint32("bgp.update.path_attribute.community_wellknown",
            "Community Well-known").hex().vals(BgpValues.WELL_KNOWN_COMMUNITIES).blurb("Reserved");
    static final FieldDef COMMUNITY_AS = FieldDef.uint16("bgp.update.path_attribute.community_as", "Community AS");
    static final FieldDef COMMUNITY_VALUE = FieldDef.uint16("bgp.update.path_attribute.community_value",
            "Community value");
    static final FieldDef MP_REACH_AFI = FieldDef.uint16("bgp.update.path_attribute.mp_reach_nlri.afi",
            "Address family identifier (AFI)").vals(BgpValues.AFI);
    static final FieldDef MP_REACH_SAFI = FieldDef.uint8("bgp.update.path_attribute.mp_reach_nlri.safi",
            "Subsequent address family identifier (SAFI)").vals(BgpValues.SAFI);
    static final FieldDef MP_NEXT_HOP = FieldDef.bytes("bgp.update.path_attribute.mp_reach_nlri.next_hop",
            "Next hop");
    static final FieldDef MP_NEXT_HOP_IPV4 = FieldDef.ipv4("bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv4",
            "IPv4 Address");
    static final FieldDef MP_NEXT_HOP_IPV6 = FieldDef.ipv6("bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6",
            "IPv6 Address");
    static final FieldDef MP_NEXT_HOP_LINK_LOCAL = FieldDef.ipv6(
            "bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6.link_local", "Link-local Address");
    static final FieldDef MP_SNPA_COUNT = FieldDef.uint8("bgp.update.path_attribute.mp_reach_nlri.nbr_snpa",
            "Number of Subnetwork points of attachment (SNPA)");
    static final FieldDef MP_SNPA_LENGTH = FieldDef.uint8("bgp.update.path_attribute.mp_reach_nlri.snpa_length",
            "SNPA Length");
    static final FieldDef MP_SNPA = FieldDef.bytes("bgp.update.path_attribute.mp_reach_nlri.snpa", "SNPA");
    static final FieldDef MP_REACH_NLRI = FieldDef.none("bgp.update.path_attribute.mp_reach_nlri",
            "Network Layer Reachability Information (NLRI)");
    static final FieldDef MP_UNREACH_AFI = FieldDef.uint16("bgp.update.path_attribute.mp_unreach_nlri.afi",
            "Address family identifier (AFI)").vals(BgpValues.AFI);
    static final FieldDef MP_UNREACH_SAFI = FieldDef.uint8("bgp.update.path_attribute.mp_unreach_nlri.safi",
            "Subsequent address family identifier (SAFI)").vals(BgpValues.SAFI);
    static final FieldDef MP_UNREACH_NLRI = FieldDef.none("bgp.update.path_attribute.mp_unreach_nlri",
            "Withdrawn Routes");
    static final FieldDef NLRI = FieldDef.none("bgp.update.nlri", "Network Layer Reachability Information (NLRI)");
    static final FieldDef PREFIX_LENGTH = FieldDef.uint8("bgp.prefix_length", "Prefix Length");
    static final FieldDef WITHDRAWN_PREFIX = FieldDef.ipv4("bgp.withdrawn_prefix", "Withdrawn prefix");
    static final FieldDef NLRI_PREFIX = FieldDef.ipv4("bgp.nlri_prefix", "NLRI prefix");
    static final FieldDef MP_REACH_IPV4_PREFIX = FieldDef.ipv4("bgp.mp_reach_nlri_ipv4_prefix",
            "MP Reach NLRI IPv4 prefix");
    static final FieldDef MP_UNREACH_IPV4_PREFIX = FieldDef.ipv4("bgp.mp_unreach_nlri_ipv4_prefix",
            "MP Unreach NLRI IPv4 prefix");
    static final FieldDef MP_REACH_IPV6_PREFIX = FieldDef.ipv6("bgp.mp_reach_nlri_ipv6_prefix",
            "MP Reach NLRI IPv6 prefix");
    static final FieldDef MP_UNREACH_IPV6_PREFIX = FieldDef.ipv6("bgp.mp_unreach_nlri_ipv6_prefix",
            "MP Unreach NLRI IPv6 prefix");

    static final List<FieldDef> FIELDS = List.of(WITHDRAWN_LENGTH, WITHDRAWN, ATTRS_LENGTH, ATTRS, ATTR, ATTR_UNKNOWN, FLAGS,
            FLAG_OPTIONAL, FLAG_TRANSITIVE, FLAG_PARTIAL, FLAG_EXTENDED, FLAG_UNUSED, TYPE_CODE, ATTR_LENGTH, ORIGIN,
            SEGMENT, SEGMENT_TYPE, SEGMENT_LENGTH, AS2, AS4, NEXT_HOP, MED, LOCAL_PREF, AGGREGATOR_AS,
            AGGREGATOR_ORIGIN, ORIGINATOR_ID, CLUSTER_LIST, CLUSTER_ID, LARGE_COMMUNITIES, LARGE_GA, LARGE_LDP1,
            LARGE_LDP2, COMMUNITIES, COMMUNITY, COMMUNITY_WELL_KNOWN, COMMUNITY_AS, COMMUNITY_VALUE,
            MP_REACH_AFI, MP_REACH_SAFI, MP_NEXT_HOP, MP_NEXT_HOP_IPV4, MP_NEXT_HOP_IPV6, MP_NEXT_HOP_LINK_LOCAL,
            MP_SNPA_COUNT, MP_SNPA_LENGTH, MP_SNPA, MP_REACH_NLRI, MP_UNREACH_AFI, MP_UNREACH_SAFI, MP_UNREACH_NLRI,
            NLRI, PREFIX_LENGTH, WITHDRAWN_PREFIX, NLRI_PREFIX, MP_REACH_IPV4_PREFIX, MP_UNREACH_IPV4_PREFIX,
            MP_REACH_IPV6_PREFIX, MP_UNREACH_IPV6_PREFIX);

    static final ExpertDef ATTR_INVALID = new ExpertDef("bgp.length.invalid", "Length is invalid",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    private static final int AFI_IPV4 = 1;
    private static final int AFI_IPV6 = 2;

    /** How a prefix list is labelled: its prefix field and the text before the prefix length. */
    record PrefixKind(String lengthLabel, FieldDef v4, FieldDef v6) {}

    static final PrefixKind WITHDRAWN_KIND = new PrefixKind("Withdrawn route prefix length", WITHDRAWN_PREFIX, null);
    static final PrefixKind NLRI_KIND = new PrefixKind("NLRI prefix length", NLRI_PREFIX, null);
    static final PrefixKind MP_REACH_KIND = new PrefixKind("MP Reach NLRI prefix length", MP_REACH_IPV4_PREFIX,
            MP_REACH_IPV6_PREFIX);
    static final PrefixKind MP_UNREACH_KIND = new PrefixKind("MP Unreach NLRI prefix length",
            MP_UNREACH_IPV4_PREFIX, MP_UNREACH_IPV6_PREFIX);

    private BgpUpdate() {}

    static void dissect(Tvb tvb, ProtoItem bgp) {
        int off = BgpDissector.HEADER_SIZE;
        int wlen = tvb.u16(off);
        bgp.add(WITHDRAWN_LENGTH, tvb, off, 2);
        off += 2;
        if (wlen > 0) {
            ProtoItem w = bgp.add(WITHDRAWN, tvb, off, BgpDissector.clamp(tvb, off, wlen));
            prefixes(tvb, off, off + wlen, AFI_IPV4, WITHDRAWN_KIND, w);
            off += wlen;
        }
        int alen = tvb.u16(off);
        ProtoItem last = bgp.add(ATTRS_LENGTH, tvb, off, 2);
        off += 2;
        if (alen > 0) {
            ProtoItem attrs = bgp.add(ATTRS, tvb, off, BgpDissector.clamp(tvb, off, alen));
            last = attrs;
            int end = off + alen;
            while (off < end) {
                off += attribute(tvb, off, attrs);
            }
        }
        if (off < tvb.length()) {
            ProtoItem nlri = bgp.add(NLRI, tvb, off, tvb.length() - off);
            if (!prefixes(tvb, off, tvb.length(), AFI_IPV4, NLRI_KIND, nlri)) {
                bgp.removeChildrenAfter(last); // tshark drops the NLRI list at a bad prefix length
            }
        }
    }

    /** Adds the prefixes between {@code off} and {@code end}; false at a prefix length too long for the family. */
    static boolean prefixes(Tvb tvb, int off, int end, int afi, PrefixKind kind, ProtoItem parent) {
        int size = afi == AFI_IPV6 ? 16 : 4;
        FieldDef field = afi == AFI_IPV6 ? kind.v6() : kind.v4();
        while (off < end) {
            int plen = tvb.u8(off);
            if (plen > size * 8) {
                return false;
            }
            int n = (plen + 7) / 8;
            byte[] addr = new byte[size];
            for (int i = 0; i < n; i++) {
                addr[i] = (byte) tvb.u8(off + 1 + i);
            }
            if (plen % 8 != 0) {
                addr[n - 1] &= (byte) (0xff << (8 - plen % 8));
            }
            String text = size == 16 ? AddressFormat.ipv6(addr) : AddressFormat.ipv4(ipv4Value(addr));
            ProtoItem p = parent.addText(tvb, off, 1 + n, text + "/" + plen);
            p.add(PREFIX_LENGTH, tvb, off, 1).setText(kind.lengthLabel() + ": " + plen);
            if (size == 16) {
                p.addBytes(field, tvb, off + 1, n, addr);
            } else {
                p.addUint(field, tvb, off + 1, n, ipv4Value(addr));
            }
            off += 1 + n;
        }
        return true;
    }

    private static long ipv4Value(byte[] a) {
        return ((a[0] & 0xffL) << 24) | ((a[1] & 0xff) << 16) | ((a[2] & 0xff) << 8) | (a[3] & 0xff);
    }

    /** Adds the attribute at {@code off}; returns its size. */
    private static int attribute(Tvb tvb, int off, ProtoItem attrs) {
        int flags = tvb.u8(off);
        int code = tvb.u8(off + 1);
        boolean extended = (flags & 0x10) != 0;
        int hlen = extended ? 4 : 3;
        int len = extended ? tvb.u16(off + 2) : tvb.u8(off + 2);
        String name = BgpValues.ATTR_TYPES.nameOr(code, "Unknown (" + code + ")");
        ProtoItem attr = attrs.add(ATTR, tvb, off, BgpDissector.clamp(tvb, off, hlen + len)).setText("Path Attribute - " + name);
        ProtoItem f = attr.add(FLAGS, tvb, off, 1);
        f.appendText(flagText(flags));
        f.add(FLAG_OPTIONAL, tvb, off, 1);
        f.add(FLAG_TRANSITIVE, tvb, off, 1);
        f.add(FLAG_PARTIAL, tvb, off, 1);
        f.add(FLAG_EXTENDED, tvb, off, 1);
        f.add(FLAG_UNUSED, tvb, off, 1);
        attr.add(TYPE_CODE, tvb, off + 1, 1);
        attr.addUint(ATTR_LENGTH, tvb, off + 2, extended ? 2 : 1, len);
        int v = off + hlen;
        switch (code) {
            case 1 -> fixed(tvb, v, len, 1, ORIGIN, attr, "Origin",
                    () -> ": " + BgpValues.ORIGINS.nameOr(tvb.u8(v), "Unknown"));
            case 2, 17 -> asPath(tvb, v, len, code == 17 ? 4 : asnLength(tvb, v, len), attr);
            case 3 -> fixed(tvb, v, len, 4, NEXT_HOP, attr, "Next hop",
                    () -> ": " + AddressFormat.ipv4(tvb.u32(v)) + " ");
            case 4 -> fixed(tvb, v, len, 4, MED, attr, "Multiple exit discriminator", () -> ": " + tvb.u32(v));
            case 5 -> fixed(tvb, v, len, 4, LOCAL_PREF, attr, "Local preference", () -> ": " + tvb.u32(v));
            case 7 -> aggregator(tvb, v, len, attr);
            case 8 -> communities(tvb, v, len, attr);
            case 9 -> fixed(tvb, v, len, 4, ORIGINATOR_ID, attr, "Originator identifier",
                    () -> ": " + AddressFormat.ipv4(tvb.u32(v)) + " ");
            case 10 -> clusterList(tvb, v, len, attr);
            case 18 -> {
                if (len == 8) {
                    aggregator(tvb, v, len, attr);
                }
            }
            case 32 -> largeCommunities(tvb, v, len, attr);
            case 16 -> BgpExtCommunities.dissect(tvb, v, len, attr);
            case 14 -> mpReach(tvb, v, len, attr);
            case 15 -> mpUnreach(tvb, v, len, attr);
            default -> {
                if (BgpValues.ATTR_TYPES.name(code) == null) {
                    attr.add(ATTR_UNKNOWN, tvb, v, len);
                }
            }
        }
        return hlen + len;
    }

    /** tshark's flag summary: the set flags, then the names of the clear ones. */
    static String flagText(int flags) {
        StringBuilder sb = new StringBuilder();
        if ((flags & 0x80) != 0) {
            sb.append(", Optional");
        }
        if ((flags & 0x40) != 0) {
            sb.append(", Transitive");
        }
        if ((flags & 0x20) != 0) {
            sb.append(", Partial");
        }
        if ((flags & 0x10) != 0) {
            sb.append(", Extended-Length");
        }
        if ((flags & 0x80) == 0) {
            sb.append(", Well-known");
        }
        if ((flags & 0x40) == 0) {
            sb.append(", Non-transitive");
        }
        if ((flags & 0x20) == 0) {
            sb.append(", Complete");
        }
        return sb.toString();
    }

    private static void fixed(Tvb tvb, int v, int len, int want, FieldDef field, ProtoItem attr, String label,
            java.util.function.Supplier<String> summary) {
        if (len != want) {
            String msg = label + " (invalid): " + len + " byte" + (len == 1 ? "" : "s");
            attr.addText(tvb, v, len, msg).expert(ATTR_INVALID, msg);
            return;
        }
        attr.appendText(summary.get());
        attr.add(field, tvb, v, want);
    }

    /**
     * Whether AS numbers in this AS_PATH are 2 bytes: reading them so must end exactly at the end, with
     * segment types 1-4 and no AS 0; otherwise they are 4 bytes.
     */
    static int asnLength(Tvb tvb, int v, int len) {
        int k = v;
        int end = v + len;
        while (k < end) {
            if (k + 2 > end) {
                return 4;
            }
            int type = tvb.u8(k);
            int count = tvb.u8(k + 1);
            if (type < 1 || type > 4) {
                return 4;
            }
            k += 2;
            for (int i = 0; i < count; i++) {
                if (k + 2 > end || tvb.u16(k) == 0) {
                    return 4;
                }
                k += 2;
            }
        }
        return k == end ? 2 : 4;
    }

    private static void asPath(Tvb tvb, int v, int len, int asn, ProtoItem attr) {
        if (len == 0) {
            attr.appendText(": empty");
            return;
        }
        StringBuilder all = new StringBuilder(": ");
        int k = v;
        int end = v + len;
        while (k < end) {
            int type = tvb.u8(k);
            int count = tvb.u8(k + 1);
            String text = segmentText(tvb, k + 2, count, asn, type);
            ProtoItem seg = attr.add(SEGMENT, tvb, k, 2 + count * asn).setText("AS Path segment: " + text);
            seg.add(SEGMENT_TYPE, tvb, k, 1);
            seg.add(SEGMENT_LENGTH, tvb, k + 1, 1);
            for (int i = 0; i < count; i++) {
                seg.add(asn == 2 ? AS2 : AS4, tvb, k + 2 + i * asn, asn);
            }
            all.append(text).append(' ');
            k += 2 + count * asn;
        }
        attr.appendText(all.toString());
    }

    /** One segment as tshark writes it: a sequence space-separated, a set in braces with commas. */
    static String segmentText(Tvb tvb, int off, int count, int asn, int type) {
        boolean set = type == 1 || type == 4;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(set ? ", " : " ");
            }
            sb.append(asn == 2 ? tvb.u16(off + i * 2) : tvb.u32(off + i * 4));
        }
        return switch (type) {
            case 1 -> "{" + sb + "}";
            case 3 -> "(" + sb + ")";
            case 4 -> "[" + sb + "]";
            default -> sb.toString();
        };
    }

    private static void aggregator(Tvb tvb, int v, int len, ProtoItem attr) {
        if (len != 6 && len != 8) {
            String msg = "Aggregator (invalid): " + len + " byte" + (len == 1 ? "" : "s");
            attr.addText(tvb, v, len, msg).expert(ATTR_INVALID, msg);
            return;
        }
        int asn = len - 4;
        long as = asn == 2 ? tvb.u16(v) : tvb.u32(v);
        attr.appendText(": AS: " + as + " origin: " + AddressFormat.ipv4(tvb.u32(v + asn)));
        attr.addUint(AGGREGATOR_AS, tvb, v, asn, as);
        attr.add(AGGREGATOR_ORIGIN, tvb, v + asn, 4);
    }

    private static void communities(Tvb tvb, int v, int len, ProtoItem attr) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 4 <= len; i += 4) {
            long c = tvb.u32(v + i);
            String name = BgpValues.WELL_KNOWN_COMMUNITIES.name(c);
            text.append(name != null ? name : (c >>> 16) + ":" + (c & 0xffff)).append(' ');
        }
        attr.appendText(": " + text);
        ProtoItem list = attr.add(COMMUNITIES, tvb, v, len).setText("Communities: " + text);
        for (int i = 0; i + 4 <= len; i += 4) {
            long c = tvb.u32(v + i);
            if (BgpValues.WELL_KNOWN_COMMUNITIES.name(c) != null) {
                list.add(COMMUNITY_WELL_KNOWN, tvb, v + i, 4);
            } else {
                ProtoItem one = list.add(COMMUNITY, tvb, v + i, 4)
                        .setText("Community: " + (c >>> 16) + ":" + (c & 0xffff) + " ");
                one.add(COMMUNITY_AS, tvb, v + i, 2);
                one.add(COMMUNITY_VALUE, tvb, v + i + 2, 2);
            }
        }
    }

    /** RFC 4456 §8: the cluster IDs a reflected route passed, shown space-separated. */
    private static void clusterList(Tvb tvb, int v, int len, ProtoItem attr) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i + 4 <= len; i += 4) {
            ids.append(i == 0 ? "" : " ").append(AddressFormat.ipv4(tvb.u32(v + i)));
        }
        attr.appendText(": " + ids);
        ProtoItem list = attr.add(CLUSTER_LIST, tvb, v, len).setText("Cluster List: " + ids);
        for (int i = 0; i + 4 <= len; i += 4) {
            list.add(CLUSTER_ID, tvb, v + i, 4);
        }
    }

    /** RFC 8092: 12-byte communities, global administrator and two local parts. */
    private static void largeCommunities(Tvb tvb, int v, int len, ProtoItem attr) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i + 12 <= len; i += 12) {
            String one = tvb.u32(v + i) + ":" + tvb.u32(v + i + 4) + ":" + tvb.u32(v + i + 8);
            all.append(i == 0 ? "" : " ").append(one);
            // tshark registers the item as a string and gives it no value ("[ Null ]" in every output)
            ProtoItem c = attr.addString(LARGE_COMMUNITIES, tvb, v + i, 12, "[ Null ]")
                    .setText("Large communities: " + one);
            c.add(LARGE_GA, tvb, v + i, 4);
            c.add(LARGE_LDP1, tvb, v + i + 4, 4);
            c.add(LARGE_LDP2, tvb, v + i + 8, 4);
        }
        attr.appendText(": " + all);
    }

    /** RFC 4760 §3: AFI, SAFI, next hop, SNPAs, NLRI; IPv4 and IPv6 unicast/multicast prefixes decoded. */
    private static void mpReach(Tvb tvb, int v, int len, ProtoItem attr) {
        int afi = tvb.u16(v);
        int safi = tvb.u8(v + 2);
        attr.add(MP_REACH_AFI, tvb, v, 2);
        attr.add(MP_REACH_SAFI, tvb, v + 2, 1);
        int nhLen = tvb.u8(v + 3);
        int nh = v + 4;
        ProtoItem hop = attr.add(MP_NEXT_HOP, tvb, v + 3, 1 + nhLen); // tshark counts the length byte in
        if (afi == AFI_IPV6 && (nhLen == 16 || nhLen == 32)) {
            String a = AddressFormat.ipv6(tvb.bytes(nh, 16));
            if (nhLen == 32) {
                String ll = AddressFormat.ipv6(tvb.bytes(nh + 16, 16));
                hop.setText("Next hop: IPv6=" + a + " Link-local=" + ll);
                hop.add(MP_NEXT_HOP_IPV6, tvb, nh, 16);
                hop.add(MP_NEXT_HOP_LINK_LOCAL, tvb, nh + 16, 16);
            } else {
                hop.setText("Next hop: " + a);
                hop.add(MP_NEXT_HOP_IPV6, tvb, nh, 16);
            }
        } else if (afi == AFI_IPV4 && nhLen == 4) {
            hop.setText("Next hop: " + AddressFormat.ipv4(tvb.u32(nh)));
            hop.add(MP_NEXT_HOP_IPV4, tvb, nh, 4);
        }
        int off = nh + nhLen;
        int snpas = tvb.u8(off);
        attr.add(MP_SNPA_COUNT, tvb, off, 1);
        off++;
        for (int i = 0; i < snpas; i++) {
            int slen = tvb.u8(off);
            attr.add(MP_SNPA_LENGTH, tvb, off, 1);
            attr.add(MP_SNPA, tvb, off + 1, (slen + 1) / 2);
            off += 1 + (slen + 1) / 2;
        }
        int end = v + len;
        if (end > off && (afi == AFI_IPV4 || afi == AFI_IPV6) && (safi == 1 || safi == 2)) {
            ProtoItem nlri = attr.add(MP_REACH_NLRI, tvb, off, end - off);
            prefixes(tvb, off, end, afi, MP_REACH_KIND, nlri);
        }
    }

    private static void mpUnreach(Tvb tvb, int v, int len, ProtoItem attr) {
        int afi = tvb.u16(v);
        int safi = tvb.u8(v + 2);
        attr.add(MP_UNREACH_AFI, tvb, v, 2);
        attr.add(MP_UNREACH_SAFI, tvb, v + 2, 1);
        int off = v + 3;
        int end = v + len;
        if (end > off && (afi == AFI_IPV4 || afi == AFI_IPV6) && (safi == 1 || safi == 2)) {
            ProtoItem w = attr.add(MP_UNREACH_NLRI, tvb, off, end - off);
            prefixes(tvb, off, end, afi, MP_UNREACH_KIND, w);
        }
    }
}
