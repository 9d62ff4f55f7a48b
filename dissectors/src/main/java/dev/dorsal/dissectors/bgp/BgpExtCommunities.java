package dev.dorsal.dissectors.bgp;

import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the EXTENDED_COMMUNITIES path attribute (RFC 4360, RFC 5668): 8-byte communities, with the
 * transitive two-octet-AS, IPv4-address and four-octet-AS route targets and route origins decoded.
 *
 * <pre>
 * | type (1: IANA authority, transitive, kind) | subtype (1) | global admin (2 or 4) | local admin (4 or 2) |
 * </pre>
 */
final class BgpExtCommunities {
    static final FieldDef COMMUNITIES = FieldDef.none("bgp.ext_communities", "Carried extended communities");
    static final FieldDef COMMUNITY = FieldDef.none("bgp.ext_community", "Community");
    static final FieldDef TYPE = FieldDef.uint8("bgp.ext_com.type", "Type").hex().vals(BgpValues.EXT_TYPES);
    static final FieldDef TYPE_AUTH = FieldDef.bool("bgp.ext_com.type.auth", "IANA Authority", 8, 0x80)
            .tfs(new TrueFalse("Allocated on Standard Action, Early Allocation or Experimental Basis",
                    "Allocated on First Come First Serve Basis"));
    static final FieldDef TYPE_TRAN = FieldDef.bool("bgp.ext_com.type.tran", "Transitive across ASes", 8, 0x40)
            .tfs(new TrueFalse("Non-transitive", "Transitive"));
    static final FieldDef STYPE_AS2 = FieldDef.uint8("bgp.ext_com.stype_tr_as2", "Subtype (AS2)").hex()
            .vals(BgpValues.EXT_AS2_SUBTYPES);
    static final FieldDef STYPE_AS4 = FieldDef.uint8("bgp.ext_com.stype_tr_as4", "Subtype (AS4)").hex()
            .vals(BgpValues.EXT_AS4_SUBTYPES);
    static final FieldDef STYPE_IP4 = FieldDef.uint8("bgp.ext_com.stype_tr_IP4", "Subtype (IPv4)").hex()
            .vals(BgpValues.EXT_IP4_SUBTYPES);
    static final FieldDef VALUE_AS2 = FieldDef.uint16("bgp.ext_com.value_as2", "2-Octet AS");
    static final FieldDef VALUE_AS4 = FieldDef.uint32("bgp.ext_com.value_as4", "4-Octet AS");
    static final FieldDef VALUE_IP4 = FieldDef.ipv4("bgp.ext_com.value_IP4", "IPv4 address");
    static final FieldDef VALUE_AN2 = FieldDef.uint16("bgp.ext_com.value_an2", "2-Octet AN");
    static final FieldDef VALUE_AN4 = FieldDef.uint32("bgp.ext_com.value_an4", "4-Octet AN");

    static final List<FieldDef> FIELDS = List.of(COMMUNITIES, COMMUNITY, TYPE, TYPE_AUTH, TYPE_TRAN, STYPE_AS2,
            STYPE_AS4, STYPE_IP4, VALUE_AS2, VALUE_AS4, VALUE_IP4, VALUE_AN2, VALUE_AN4);

    private static final int AS2 = 0x00;
    private static final int IP4 = 0x01;
    private static final int AS4 = 0x02;

    private BgpExtCommunities() {}

    static void dissect(Tvb tvb, int v, int len, ProtoItem attr) {
        int n = len / 8;
        ProtoItem list = attr.add(COMMUNITIES, tvb, v, len)
                .setText("Carried extended communities: (" + n + " communit" + (n == 1 ? "y" : "ies") + ")");
        for (int off = v; off + 8 <= v + len; off += 8) {
            int type = tvb.u8(off);
            int subtype = tvb.u8(off + 1);
            ProtoItem c = list.add(COMMUNITY, tvb, off, 8);
            ProtoItem t = c.add(TYPE, tvb, off, 1);
            t.add(TYPE_AUTH, tvb, off, 1);
            t.add(TYPE_TRAN, tvb, off, 1);
            String typeName = BgpValues.EXT_TYPES.nameOr(type, "Unknown");
            switch (type) {
                case AS2 -> {
                    c.add(STYPE_AS2, tvb, off + 1, 1);
                    c.add(VALUE_AS2, tvb, off + 2, 2);
                    c.add(VALUE_AN4, tvb, off + 4, 4);
                    c.setText(BgpValues.EXT_AS2_SUBTYPES.nameOr(subtype, "Unknown subtype") + ": " + tvb.u16(off + 2)
                            + ":" + tvb.u32(off + 4) + " [" + typeName + "]");
                }
                case IP4 -> {
                    c.add(STYPE_IP4, tvb, off + 1, 1);
                    c.add(VALUE_IP4, tvb, off + 2, 4);
                    c.add(VALUE_AN2, tvb, off + 6, 2);
                    c.setText(BgpValues.EXT_IP4_SUBTYPES.nameOr(subtype, "Unknown subtype") + ": "
                            + AddressFormat.ipv4(tvb.u32(off + 2)) + ":" + tvb.u16(off + 6) + " [" + typeName + "]");
                }
                case AS4 -> {
                    c.add(STYPE_AS4, tvb, off + 1, 1);
                    c.add(VALUE_AS4, tvb, off + 2, 4);
                    c.add(VALUE_AN2, tvb, off + 6, 2);
                    c.setText(BgpValues.EXT_AS4_SUBTYPES.nameOr(subtype, "Unknown subtype") + ": "
                            + asdot(tvb.u32(off + 2)) + ":" + tvb.u16(off + 6) + " [" + typeName + "]");
                }
                default -> { } // other kinds keep the plain "Community" label with their type (docs/compat.md)
            }
        }
    }

    /** A 4-octet AS as tshark writes it in a community: "high.low(plain)" (RFC 5396 asdot), even below 65536. */
    static String asdot(long as) {
        return (as >>> 16) + "." + (as & 0xffff) + "(" + as + ")";
    }
}
