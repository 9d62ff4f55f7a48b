package dev.dorsal.dissectors.icmpv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the options that follow a Neighbor Discovery message (RFC 4861 section 4.6): link-layer
 * addresses, prefix information, MTU, and RFC 8106 recursive DNS servers; other kinds are shown by
 * type and length. Remembers the link-layer address for the Info text ("from …", "is at …").
 *
 * <pre>
 * | type (8) | length (8, in units of 8 bytes) | value … |
 * </pre>
 */
final class NdOptions {
    private NdOptions() {}

    static final FieldDef OPT = FieldDef.none("icmpv6.opt", "ICMPv6 Option");
    static final FieldDef TYPE = FieldDef.uint8("icmpv6.opt.type", "Type").vals(Icmpv6Values.OPTION_TYPES);
    static final FieldDef LENGTH = FieldDef.uint8("icmpv6.opt.length", "Length");
    static final FieldDef RESERVED = FieldDef.none("icmpv6.opt.reserved", "Reserved");
    static final FieldDef LINKADDR = FieldDef.bytes("icmpv6.opt.linkaddr", "Link-layer address");
    static final FieldDef SRC_LINKADDR = FieldDef.bytes("icmpv6.opt.src_linkaddr", "Source Link-layer address");
    static final FieldDef TARGET_LINKADDR = FieldDef.bytes("icmpv6.opt.target_linkaddr", "Target Link-layer address");
    static final FieldDef PREFIX_LENGTH = FieldDef.uint8("icmpv6.opt.prefix.length", "Prefix Length");
    static final FieldDef PREFIX_FLAG = FieldDef.uint8("icmpv6.opt.prefix.flag", "Flag").hex();
    static final FieldDef PREFIX_FLAG_L = FieldDef.bool("icmpv6.opt.prefix.flag.l", "On-link flag(L)", 8, 0x80);
    static final FieldDef PREFIX_FLAG_A = FieldDef.bool("icmpv6.opt.prefix.flag.a",
            "Autonomous address-configuration flag(A)", 8, 0x40);
    static final FieldDef PREFIX_FLAG_R = FieldDef.bool("icmpv6.opt.prefix.flag.r", "Router address flag(R)", 8, 0x20);
    static final FieldDef PREFIX_FLAG_RESERVED = FieldDef.uint8("icmpv6.opt.prefix.flag.reserved", "Reserved")
            .mask(0x1f);
    static final FieldDef VALID_LIFETIME = FieldDef.uint32("icmpv6.opt.prefix.valid_lifetime", "Valid Lifetime");
    static final FieldDef PREFERRED_LIFETIME = FieldDef.uint32("icmpv6.opt.prefix.preferred_lifetime",
            "Preferred Lifetime");
    static final FieldDef PREFIX = FieldDef.ipv6("icmpv6.opt.prefix", "Prefix");
    static final FieldDef MTU = FieldDef.uint32("icmpv6.opt.mtu", "MTU");
    static final FieldDef RDNSS_LIFETIME = FieldDef.uint32("icmpv6.opt.rdnss.lifetime", "Lifetime");
    static final FieldDef RDNSS = FieldDef.ipv6("icmpv6.opt.rdnss", "Recursive DNS Servers");

    static final List<FieldDef> FIELDS = List.of(OPT, TYPE, LENGTH, RESERVED, LINKADDR, SRC_LINKADDR, TARGET_LINKADDR,
            PREFIX_LENGTH, PREFIX_FLAG, PREFIX_FLAG_L, PREFIX_FLAG_A, PREFIX_FLAG_R, PREFIX_FLAG_RESERVED,
            VALID_LIFETIME, PREFERRED_LIFETIME, PREFIX, MTU, RDNSS_LIFETIME, RDNSS);

    static final ExpertDef INVALID_LENGTH = new ExpertDef("icmpv6.invalid_option_length", "Invalid Option Length",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef UNDECODED = new ExpertDef("icmpv6.undecoded.option", "Undecoded option",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.NOTE);

    static final List<ExpertDef> EXPERTS = List.of(INVALID_LENGTH, UNDECODED);

    /**
     * Dissects the options from {@code off} to the end. A source or target link-layer address adds
     * " from MAC" or " is at MAC" to Info as it is read, as in tshark.
     */
    static void dissect(Tvb tvb, int off, ProtoItem icmp, PacketInfo pinfo) {
        boolean detailed = icmp.tree().detailed();
        int end = tvb.reportedLength();
        while (off < end) {
            // As tshark: length first (for the item), then the type and the name in the label, whose
            // ")" only comes once the option is read.
            int len8 = tvb.u8(off + 1);
            int len = len8 * 8;
            ProtoItem opt = Items.add(icmp, OPT, tvb, off, Math.max(len, 2));
            int type = tvb.u8(off);
            Items.add(opt, TYPE, tvb, off, 1);
            String name = Icmpv6Values.OPTION_TYPES.nameOr(type, "Unknown");
            if (detailed && opt != icmp) {
                opt.setText("ICMPv6 Option (" + name);
            }
            ProtoItem lenItem = Items.add(opt, LENGTH, tvb, off + 1, 1);
            if (detailed) {
                lenItem.setText("Length: " + len8 + " (" + len + " bytes)");
            }
            if (len == 0) {
                lenItem.expert(INVALID_LENGTH);
                return;
            }
            int v = off + 2;
            String summary = "";
            switch (type) {
                case 1, 2 -> {
                    if (len == 8) {
                        long mac = tvb.u48(v);
                        if (pinfo.columns().enabled()) {
                            pinfo.columns().appendInfo((type == 1 ? " from " : " is at ") + AddressFormat.ether(mac));
                        }
                        ProtoItem la = Items.add(opt, LINKADDR, tvb, v, 6);
                        if (detailed && la != opt) {
                            la.setText("Link-layer address: " + EtherNames.withRaw(mac));
                        }
                        ProtoItem dir = Items.add(opt, type == 1 ? SRC_LINKADDR : TARGET_LINKADDR, tvb, v, 6);
                        if (dir != opt) {
                            dir.setHidden();
                        }
                        summary = " : " + AddressFormat.ether(mac);
                    } else {
                        Items.add(opt, LINKADDR, tvb, v, len - 2);
                    }
                }
                case 3 -> {
                    int plen = tvb.u8(v);
                    Items.add(opt, PREFIX_LENGTH, tvb, v, 1);
                    int flags = tvb.u8(v + 1);
                    ProtoItem fl = Items.add(opt, PREFIX_FLAG, tvb, v + 1, 1);
                    if (detailed) {
                        fl.appendText(flagNames(flags, new FieldDef[] {PREFIX_FLAG_L, PREFIX_FLAG_A, PREFIX_FLAG_R}));
                    }
                    Items.add(fl, PREFIX_FLAG_L, tvb, v + 1, 1);
                    Items.add(fl, PREFIX_FLAG_A, tvb, v + 1, 1);
                    Items.add(fl, PREFIX_FLAG_R, tvb, v + 1, 1);
                    Items.add(fl, PREFIX_FLAG_RESERVED, tvb, v + 1, 1);
                    lifetime(tvb, v + 2, opt, VALID_LIFETIME);
                    lifetime(tvb, v + 6, opt, PREFERRED_LIFETIME);
                    Items.add(opt, RESERVED, tvb, v + 10, 4);
                    Items.add(opt, PREFIX, tvb, v + 14, 16);
                    summary = " : " + AddressFormat.ipv6(tvb.bytes(v + 14, 16)) + "/" + plen;
                }
                case 5 -> {
                    Items.add(opt, RESERVED, tvb, v, 2);
                    Items.add(opt, MTU, tvb, v + 2, 4);
                    summary = " : " + tvb.u32(v + 2);
                }
                case 25 -> {
                    Items.add(opt, RESERVED, tvb, v, 2);
                    lifetime(tvb, v + 2, opt, RDNSS_LIFETIME);
                    StringBuilder sb = new StringBuilder();
                    for (int a = v + 6; a + 16 <= off + len; a += 16) {
                        Items.add(opt, RDNSS, tvb, a, 16);
                        sb.append(' ').append(AddressFormat.ipv6(tvb.bytes(a, 16)));
                    }
                    summary = sb.toString();
                }
                default -> opt.expert(UNDECODED, "Dissector for ICMPv6 Option (" + type
                        + ") code not implemented, Contact Wireshark developers if you want this supported");
            }
            if (detailed && opt != icmp) {
                opt.appendText(summary + ")");
            }
            off += len;
        }
    }

    /** A lifetime in seconds; all ones means infinity. */
    private static void lifetime(Tvb tvb, int off, ProtoItem opt, FieldDef field) {
        long v = tvb.u32(off);
        ProtoItem ti = Items.add(opt, field, tvb, off, 4);
        if (v == 0xffffffffL && opt.tree().detailed() && ti != opt) {
            ti.setText(field.name() + ": Infinity (" + v + ")");
        }
    }

    /** ", Name" for every set boolean among {@code flags}, as bit-mask summaries show them. */
    static String flagNames(long value, FieldDef[] flags) {
        StringBuilder sb = new StringBuilder();
        for (FieldDef f : flags) {
            if ((value & f.mask()) != 0) {
                sb.append(", ").append(f.name());
            }
        }
        return sb.toString();
    }
}
