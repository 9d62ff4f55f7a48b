package dev.dorsal.dissectors.ipv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Shows what IPv6 addresses carry inside them, as generated items after the two addresses, kind by
 * kind and source before destination: 6to4 gateway and SLA ID (RFC 3056, 2002::/16), Teredo server,
 * port and client (RFC 4380, 2001::/32), the MAC an EUI-64 interface ID was made from (SLAAC), ISATAP
 * IPv4 (RFC 5214) and IPv4 in the well-known translation prefix 64:ff9b::/96 (RFC 6052). Each
 * direction-specific item is followed by a hidden direction-less copy for filters such as
 * {@code ipv6.slaac_mac}.
 */
final class Ipv6Addresses {
    private Ipv6Addresses() {}

    static final FieldDef SRC_SLAAC_MAC = FieldDef.ether("ipv6.src_slaac_mac", "Source SLAAC MAC");
    static final FieldDef DST_SLAAC_MAC = FieldDef.ether("ipv6.dst_slaac_mac", "Destination SLAAC MAC");
    static final FieldDef SLAAC_MAC = FieldDef.ether("ipv6.slaac_mac", "SLAAC MAC");
    static final FieldDef SRC_ISATAP = FieldDef.ipv4("ipv6.src_isatap_ipv4", "Source ISATAP IPv4");
    static final FieldDef DST_ISATAP = FieldDef.ipv4("ipv6.dst_isatap_ipv4", "Destination ISATAP IPv4");
    static final FieldDef ISATAP = FieldDef.ipv4("ipv6.isatap_ipv4", "ISATAP IPv4");
    static final FieldDef SRC_6TO4_GW = FieldDef.ipv4("ipv6.src_6to4_gw_ipv4", "Source 6to4 Gateway IPv4");
    static final FieldDef DST_6TO4_GW = FieldDef.ipv4("ipv6.dst_6to4_gw_ipv4", "Destination 6to4 Gateway IPv4");
    static final FieldDef GW_6TO4 = FieldDef.ipv4("ipv6.6to4_gw_ipv4", "6to4 Gateway IPv4");
    static final FieldDef SRC_6TO4_SLA = FieldDef.uint16("ipv6.src_6to4_sla_id", "Source 6to4 SLA ID");
    static final FieldDef DST_6TO4_SLA = FieldDef.uint16("ipv6.dst_6to4_sla_id", "Destination 6to4 SLA ID");
    static final FieldDef SLA_6TO4 = FieldDef.uint16("ipv6.6to4_sla_id", "6to4 SLA ID");
    static final FieldDef SRC_TS = FieldDef.ipv4("ipv6.src_ts_ipv4", "Source Teredo Server IPv4");
    static final FieldDef DST_TS = FieldDef.ipv4("ipv6.dst_ts_ipv4", "Destination Teredo Server IPv4");
    static final FieldDef TS = FieldDef.ipv4("ipv6.ts_ipv4", "Teredo Server IPv4");
    static final FieldDef SRC_TC_PORT = FieldDef.uint16("ipv6.src_tc_port", "Source Teredo Port");
    static final FieldDef DST_TC_PORT = FieldDef.uint16("ipv6.dst_tc_port", "Destination Teredo Port");
    static final FieldDef TC_PORT = FieldDef.uint16("ipv6.tc_port", "Teredo Port");
    static final FieldDef SRC_TC = FieldDef.ipv4("ipv6.src_tc_ipv4", "Source Teredo Client IPv4");
    static final FieldDef DST_TC = FieldDef.ipv4("ipv6.dst_tc_ipv4", "Destination Teredo Client IPv4");
    static final FieldDef TC = FieldDef.ipv4("ipv6.tc_ipv4", "Teredo Client IPv4");
    static final FieldDef EMBED_PREFIX = FieldDef.bytes("ipv6.embed_ipv4_prefix", "Embedded IPv4 Prefix");
    static final FieldDef SRC_EMBED = FieldDef.ipv4("ipv6.src_embed_ipv4", "Source Embedded IPv4");
    static final FieldDef DST_EMBED = FieldDef.ipv4("ipv6.dst_embed_ipv4", "Destination Embedded IPv4");
    static final FieldDef EMBED = FieldDef.ipv4("ipv6.embed_ipv4", "Embedded IPv4");

    static final List<FieldDef> FIELDS = List.of(SRC_SLAAC_MAC, DST_SLAAC_MAC, SLAAC_MAC, SRC_ISATAP, DST_ISATAP,
            ISATAP, SRC_6TO4_GW, DST_6TO4_GW, GW_6TO4, SRC_6TO4_SLA, DST_6TO4_SLA, SLA_6TO4, SRC_TS, DST_TS, TS,
            SRC_TC_PORT, DST_TC_PORT, TC_PORT, SRC_TC, DST_TC, TC, EMBED_PREFIX, SRC_EMBED, DST_EMBED, EMBED);

    private static final int SRC = 8;
    private static final int DST = 24;

    /** Adds the embedded-address items for the header's source (offset 8) and destination (24). */
    static void details(Tvb tvb, ProtoItem ip6) {
        sixToFour(tvb, SRC, ip6, SRC_6TO4_GW, SRC_6TO4_SLA);
        sixToFour(tvb, DST, ip6, DST_6TO4_GW, DST_6TO4_SLA);
        teredo(tvb, SRC, ip6, SRC_TS, SRC_TC_PORT, SRC_TC);
        teredo(tvb, DST, ip6, DST_TS, DST_TC_PORT, DST_TC);
        slaac(tvb, SRC, ip6, SRC_SLAAC_MAC);
        slaac(tvb, DST, ip6, DST_SLAAC_MAC);
        isatap(tvb, SRC, ip6, SRC_ISATAP);
        isatap(tvb, DST, ip6, DST_ISATAP);
        embedded(tvb, SRC, ip6, SRC_EMBED);
        embedded(tvb, DST, ip6, DST_EMBED);
    }

    private static void sixToFour(Tvb tvb, int off, ProtoItem ip6, FieldDef gw, FieldDef sla) {
        if (tvb.u16(off) != 0x2002) {
            return;
        }
        generated(ip6, Items.add(ip6, gw, tvb, off + 2, 4));
        generated(ip6, Items.add(ip6, sla, tvb, off + 6, 2));
        hidden(ip6, Items.add(ip6, GW_6TO4, tvb, off + 2, 4));
        hidden(ip6, Items.add(ip6, SLA_6TO4, tvb, off + 6, 2));
    }

    private static void teredo(Tvb tvb, int off, ProtoItem ip6, FieldDef server, FieldDef port, FieldDef client) {
        if (tvb.u32(off) != 0x20010000L) {
            return;
        }
        int mappedPort = tvb.u16(off + 10) ^ 0xffff;
        long mappedClient = tvb.u32(off + 12) ^ 0xffffffffL;
        generated(ip6, Items.add(ip6, server, tvb, off + 4, 4));
        generated(ip6, ip6.addUint(port, tvb, off + 10, 2, mappedPort));
        generated(ip6, ip6.addUint(client, tvb, off + 12, 4, mappedClient));
        hidden(ip6, Items.add(ip6, TS, tvb, off + 4, 4));
        hidden(ip6, ip6.addUint(TC_PORT, tvb, off + 10, 2, mappedPort));
        hidden(ip6, ip6.addUint(TC, tvb, off + 12, 4, mappedClient));
    }

    /** An EUI-64 interface ID (ff:fe in the middle, universal bit set) gives back the MAC it was made from. */
    private static void slaac(Tvb tvb, int off, ProtoItem ip6, FieldDef field) {
        if (tvb.u16(off + 11) != 0xfffe || (tvb.u8(off + 8) & 0x02) == 0) {
            return;
        }
        long mac = ((long) (tvb.u8(off + 8) ^ 0x02) << 40) | ((long) tvb.u16(off + 9) << 24) | tvb.u24(off + 13);
        generated(ip6, ip6.addUint(field, tvb, off + 8, 8, mac));
        hidden(ip6, ip6.addUint(SLAAC_MAC, tvb, off + 8, 8, mac));
    }

    private static void isatap(Tvb tvb, int off, ProtoItem ip6, FieldDef field) {
        if ((tvb.u32(off + 8) & 0xfdffffffL) != 0x00005efeL) {
            return;
        }
        generated(ip6, Items.add(ip6, field, tvb, off + 12, 4));
        hidden(ip6, Items.add(ip6, ISATAP, tvb, off + 12, 4));
    }

    /** The RFC 6052 well-known prefix 64:ff9b::/96 carries an IPv4 address in its last 32 bits. */
    private static void embedded(Tvb tvb, int off, ProtoItem ip6, FieldDef field) {
        if (tvb.u32(off) != 0x0064ff9bL || tvb.u32(off + 4) != 0 || tvb.u32(off + 8) != 0) {
            return;
        }
        generated(ip6, Items.add(ip6, EMBED_PREFIX, tvb, off, 12));
        generated(ip6, Items.add(ip6, field, tvb, off + 12, 4));
        generated(ip6, Items.add(ip6, EMBED, tvb, off + 12, 4));
    }

    private static void generated(ProtoItem parent, ProtoItem child) {
        if (child != parent) {
            child.setGenerated();
        }
    }

    private static void hidden(ProtoItem parent, ProtoItem child) {
        if (child != parent) {
            child.setGenerated().setHidden();
        }
    }

    /** RFC 5952 text of the 16 bytes at {@code off}. */
    static String text(Tvb tvb, int off) {
        return AddressFormat.ipv6(tvb.bytes(off, 16));
    }
}
