package dev.dorsal.dissectors.lisp;

import dev.dorsal.dissectors.ip.AddressFamilies;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * The parts LISP control messages share (RFC 6830 section 6.1.4): mapping records with their locator
 * records, and AFI-prefixed addresses. Only the IPv4 (1), IPv6 (2) and, where the message allows it,
 * unset (0) AFIs are decoded; any other stops the message (docs/compat.md).
 *
 * <pre>
 * mapping: | TTL (4) | loc count (1) | mask len (1) | act:3 A:1 res:12 (2) | res:4 version:12 (2) | AFI + EID |
 * locator: | priority | weight | m priority | m weight | unused:13 L p R (2) | AFI + locator |
 * </pre>
 */
final class LispRecords {
    /** IANA address family numbers, as tshark names them. */
    static final ValueString AFI = AddressFamilies.IANA;
    static final ValueString ACTIONS = ValueString.of(0, "No-Action", 1, "Natively-Forward", 2, "Send-Map-Request",
            3, "Drop/No-Reason", 4, "Drop/Policy-Denied", 5, "Drop/Authentication-Failure",
            6, "Forward-For-Unknown-Address");

    static final FieldDef MAPPING = FieldDef.none("lisp.mapping", "Mapping Record");
    static final FieldDef TTL = FieldDef.uint32("lisp.mapping.ttl", "Record TTL");
    static final FieldDef LOC_COUNT = FieldDef.uint8("lisp.mapping.loccnt", "Locator Count");
    static final FieldDef MASK_LEN = FieldDef.uint8("lisp.mapping.eid.masklen", "EID Mask Length");
    static final FieldDef ACTION = FieldDef.uint16("lisp.mapping.act", "Action").mask(0xe000).vals(ACTIONS);
    static final FieldDef AUTH = FieldDef.bool("lisp.mapping.auth", "Authoritative bit", 16, 0x1000);
    static final FieldDef RES1 = FieldDef.uint16("lisp.mapping.res1", "Reserved").hex().mask(0x7ff);
    static final FieldDef RES2 = FieldDef.uint16("lisp.mapping.res2", "Reserved").hex().mask(0xf000);
    static final FieldDef VERSION = FieldDef.uint16("lisp.mapping.ver", "Mapping Version").mask(0xfff);
    static final FieldDef EID_AFI = FieldDef.uint16("lisp.mapping.eid.afi", "EID Prefix AFI").vals(AFI);
    static final FieldDef EID_IPV4 = FieldDef.ipv4("lisp.mapping.eid.ipv4", "EID Prefix");
    static final FieldDef EID_IPV6 = FieldDef.ipv6("lisp.mapping.eid.ipv6", "EID Prefix");

    static final FieldDef LOC = FieldDef.none("lisp.loc", "Locator Record");
    static final FieldDef PRIORITY = FieldDef.uint8("lisp.loc.priority", "Priority");
    static final FieldDef WEIGHT = FieldDef.uint8("lisp.loc.weight", "Weight");
    static final FieldDef M_PRIORITY = FieldDef.uint8("lisp.loc.multicast_priority", "Multicast Priority");
    static final FieldDef M_WEIGHT = FieldDef.uint8("lisp.loc.multicast_weight", "Multicast Weight");
    static final FieldDef LOC_FLAGS = FieldDef.uint16("lisp.loc.flags", "Flags").hex();
    static final FieldDef LOC_RES = FieldDef.uint16("lisp.loc.flags.res", "Reserved").hex().mask(0xfff8)
            .blurb("Must be zero");
    static final FieldDef LOC_LOCAL = FieldDef.bool("lisp.loc.flags.local", "Local", 16, 0x4);
    static final FieldDef LOC_PROBE = FieldDef.bool("lisp.loc.flags.probe", "Probe", 16, 0x2);
    static final FieldDef LOC_REACH = FieldDef.bool("lisp.loc.flags.reach", "Reachable", 16, 0x1);
    static final FieldDef LOC_AFI = FieldDef.uint16("lisp.loc.afi", "AFI").vals(AFI);
    static final FieldDef LOCATOR = FieldDef.string("lisp.loc.locator", "Locator");

    static final List<FieldDef> FIELDS = List.of(MAPPING, TTL, LOC_COUNT, MASK_LEN, ACTION, AUTH, RES1, RES2, VERSION,
            EID_AFI, EID_IPV4, EID_IPV6, LOC, PRIORITY, WEIGHT, M_PRIORITY, M_WEIGHT, LOC_FLAGS, LOC_RES, LOC_LOCAL,
            LOC_PROBE, LOC_REACH, LOC_AFI, LOCATOR);

    static final int AFI_NONE = 0;
    static final int AFI_IPV4 = 1;
    static final int AFI_IPV6 = 2;
    static final long TTL_UNLIMITED = 0xffffffffL;

    private LispRecords() {}

    /** Signals an address family this dissector does not decode; the message stops there. */
    static final class UnsupportedAfi extends RuntimeException {
        UnsupportedAfi() {
            super(null, null, false, false);
        }
    }

    /** Bytes an address of {@code afi} takes; throws {@link UnsupportedAfi} for one not decoded. */
    static int addressLength(int afi) {
        return switch (afi) {
            case AFI_NONE -> 0;
            case AFI_IPV4 -> 4;
            case AFI_IPV6 -> 16;
            default -> throw new UnsupportedAfi();
        };
    }

    /** The text of an address of {@code afi} at {@code off} ({@code not set} for AFI 0). */
    static String addressText(Tvb tvb, int off, int afi) {
        return switch (afi) {
            case AFI_IPV4 -> AddressFormat.ipv4(tvb.u32(off));
            case AFI_IPV6 -> AddressFormat.ipv6(tvb.bytes(off, 16));
            case AFI_NONE -> "not set";
            default -> throw new UnsupportedAfi();
        };
    }

    /** Adds an IPv4 or IPv6 address with the field matching its AFI; returns its text. */
    static String addAddress(ProtoItem parent, Tvb tvb, int off, int afi, FieldDef v4, FieldDef v6) {
        String text = addressText(tvb, off, afi);
        if (afi == AFI_IPV4) {
            parent.add(v4, tvb, off, 4);
        } else if (afi == AFI_IPV6) {
            parent.add(v6, tvb, off, 16);
        }
        return text;
    }

    /**
     * Adds mapping record {@code n} at {@code off}; returns the offset after it. {@code prefix[0]} receives
     * the EID prefix text ({@code addr/len}) as soon as it is read, for the Info column.
     */
    static int mapping(ProtoItem tree, Tvb tvb, int off, int n, String[] prefix) {
        return mapping(tree, tvb, off, n, prefix, null);
    }

    /** As above; {@code wrapper}, when not null, gets the record item's length (a Map-Reply Record). */
    static int mapping(ProtoItem tree, Tvb tvb, int off, int n, String[] prefix, ProtoItem wrapper) {
        int start = off;
        // tshark reads the EID prefix before it adds anything of the record
        String eidText = addressText(tvb, off + 12, tvb.u16(off + 10));
        ProtoItem rec = tree.add(MAPPING, tvb, off, 0);
        rec.setText("Mapping Record " + n);
        long ttl = tvb.u32(off);
        rec.add(TTL, tvb, off, 4);
        int locCount = tvb.u8(off + 4);
        rec.add(LOC_COUNT, tvb, off + 4, 1);
        int maskLen = tvb.u8(off + 5);
        rec.add(MASK_LEN, tvb, off + 5, 1);
        int w = tvb.u16(off + 6);
        rec.add(ACTION, tvb, off + 6, 2);
        rec.add(AUTH, tvb, off + 6, 2);
        rec.add(RES1, tvb, off + 6, 2);
        rec.add(RES2, tvb, off + 8, 2);
        rec.add(VERSION, tvb, off + 8, 2);
        int afi = tvb.u16(off + 10);
        rec.add(EID_AFI, tvb, off + 10, 2);
        off += 12;
        int len = addressLength(afi);
        addAddress(rec, tvb, off, afi, EID_IPV4, EID_IPV6);
        String eid = eidText + "/" + maskLen;
        off += len;
        prefix[0] = eid;
        rec.setText("Mapping Record " + n + ", EID Prefix: " + eid + ", TTL: "
                + (ttl == TTL_UNLIMITED ? "Unlimited" : Long.toString(ttl)) + ", Action: "
                + ACTIONS.nameOr((w >> 13) & 7, "Unknown") + ", "
                + ((w & 0x1000) != 0 ? "Authoritative" : "Not Authoritative"));
        // the record's item covers its header and EID prefix, not its locators
        rec.setLength(off - start);
        if (wrapper != null) {
            wrapper.setLength(off - start);
        }
        for (int i = 1; i <= locCount; i++) {
            off = locator(rec, tvb, off, i);
        }
        return off;
    }

    private static int locator(ProtoItem tree, Tvb tvb, int off, int n) {
        int start = off;
        ProtoItem loc = tree.add(LOC, tvb, off, 0);
        loc.setText("Locator Record");
        int prio = tvb.u8(off);
        loc.add(PRIORITY, tvb, off, 1);
        loc.setLength(1);
        int weight = tvb.u8(off + 1);
        loc.add(WEIGHT, tvb, off + 1, 1);
        loc.setLength(2);
        int mprio = tvb.u8(off + 2);
        loc.add(M_PRIORITY, tvb, off + 2, 1);
        loc.setLength(3);
        int mweight = tvb.u8(off + 3);
        loc.add(M_WEIGHT, tvb, off + 3, 1);
        loc.setLength(4);
        int flags = tvb.u16(off + 4);
        ProtoItem f = loc.add(LOC_FLAGS, tvb, off + 4, 2);
        f.add(LOC_RES, tvb, off + 4, 2);
        f.add(LOC_LOCAL, tvb, off + 4, 2);
        f.add(LOC_PROBE, tvb, off + 4, 2);
        f.add(LOC_REACH, tvb, off + 4, 2);
        loc.setLength(6);
        int afi = tvb.u16(off + 6);
        loc.add(LOC_AFI, tvb, off + 6, 2);
        loc.setLength(8);
        off += 8;
        int len = addressLength(afi);
        String text = addressText(tvb, off, afi);
        loc.addString(LOCATOR, tvb, off, len, text);
        off += len;
        loc.setText(locatorLabel(n, text, flags, prio, weight, mprio, mweight));
        loc.setLength(off - start);
        return off;
    }

    /** tshark's summary line of a locator record. */
    static String locatorLabel(int n, String addr, int flags, int prio, int weight, int mprio, int mweight) {
        return "Locator Record " + n + ", " + ((flags & 4) != 0 ? "Local RLOC: " : "RLOC: ") + addr
                + ((flags & 2) != 0 ? " (probed)" : "") + ", " + ((flags & 1) != 0 ? "Reachable" : "Unreachable")
                + ", Priority/Weight: " + prio + "/" + weight + ", Multicast Priority/Weight: " + mprio + "/" + mweight;
    }
}
