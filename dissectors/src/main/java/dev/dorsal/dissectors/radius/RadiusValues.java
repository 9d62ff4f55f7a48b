package dev.dorsal.dissectors.radius;

import dev.dorsal.dissectors.radius.RadiusDictionary.Attribute;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.nio.charset.StandardCharsets;

/**
 * Adds one attribute value's item(s) and returns what its AVP line shows after the length
 * ({@code " val=…"}, with {@code " Tag=0x01"} first for a tagged one), for every dictionary kind, with
 * tshark's texts for lengths a kind cannot hold.
 */
final class RadiusValues {
    private RadiusValues() {}

    /**
     * Shows the {@code n} value bytes at {@code off} of attribute {@code a} (null: an attribute the
     * dictionary lacks) under {@code avp}; {@code tagField} is the attribute's tag field, if it has one.
     */
    static String value(Attribute a, FieldDef tagField, Tvb tvb, ProtoItem avp, int off, int n) {
        if (a == null) {
            if (n == 0) {
                return " val=[wrong length]";
            }
            avp.add(RadiusAttributes.UNKNOWN, tvb, off, n);
            return " val=" + RadiusAttributes.hex(tvb.bytes(off, n));
        }
        String tag = "";
        if (a.tagged()) {
            if (n == 0) {
                String message = "AVP too short for tag";
                avp.addText(tvb, off, 0, message).expert(RadiusDissector.INVALID_LENGTH, message);
                return "";
            }
            int t = tvb.u8(off);
            if (t <= 0x1f) {
                avp.add(tagField, tvb, off, 1);
                tag = String.format(" Tag=0x%02x", t);
                off++;
                n--;
            }
        }
        FieldDef field = a.field();
        return tag + switch (a.kind()) {
            case STRING -> " val=" + string(field, tvb, avp, off, n);
            case OCTETS, TLV -> {
                if (n == 0) {
                    yield " val=[wrong length]";
                }
                avp.add(field, tvb, off, n);
                yield " val=" + RadiusAttributes.hex(tvb.bytes(off, n));
            }
            case IFID -> {
                avp.add(field, tvb, off, n);
                yield " val=" + RadiusAttributes.hex(tvb.bytes(off, n));
            }
            case INTEGER -> integer(a, tvb, avp, off, n);
            case IPADDR, IPV6ADDR -> address(field, tvb, avp, off, n);
            case FRAMED_IP, LOGIN_IP -> {
                if (n != 4) {
                    yield " val=[wrong length for IP address]";
                }
                long v = tvb.u32(off);
                String special = a.kind() == RadiusDictionary.Kind.FRAMED_IP
                        ? (v == 0xffffffffL ? "Negotiated" : v == 0xfffffffeL ? "Assigned" : null)
                        : (v == 0xffffffffL ? "User-selected" : v == 0 ? "NAS-selected" : null);
                ProtoItem item = avp.add(field, tvb, off, 4);
                if (special == null) {
                    yield " val=" + RadiusAttributes.ipv4(v);
                }
                if (item != avp) {
                    RadiusAttributes.label(item, a.name() + ": " + special);
                }
                yield " val=" + special;
            }
            case IPV6PREFIX -> prefix(field, tvb, avp, off, n);
            case IPXNET -> {
                if (n != 4) {
                    yield " val=[wrong length for IPX network]";
                }
                String number = String.format("0x%08x", tvb.u32(off));
                RadiusAttributes.label(avp.add(field, tvb, off, 4), a.name() + ": " + a.name() + ": " + number);
                yield " val=" + number;
            }
            case DATE -> {
                if (n != 4) {
                    yield " val=[wrong length for timestamp]";
                }
                long seconds = tvb.u32(off);
                avp.addTime(field, tvb, off, 4, seconds * 1_000_000_000L);
                yield " val=" + RadiusAttributes.date(seconds);
            }
            case USER_PASSWORD -> {
                avp.add(RadiusAttributes.USER_PASSWORD_ENCRYPTED, tvb, off, n);
                yield " val=Encrypted";
            }
            case TUNNEL_PASSWORD -> {
                avp.add(RadiusAttributes.TUNNEL_PASSWORD_ENCRYPTED, tvb, off, n);
                yield " val=Encrypted";
            }
            case CHAP_PASSWORD -> {
                if (n != 17) {
                    yield " val=[wrong length for CHAP-Password]";
                }
                ProtoItem item = avp.add(field, tvb, off, n);
                item.add(RadiusAttributes.CHAP_IDENT, tvb, off, 1);
                item.add(RadiusAttributes.CHAP_STRING, tvb, off + 1, 16);
                yield " val=" + RadiusAttributes.hex(tvb.bytes(off, n));
            }
            case EGRESS_VLANID -> {
                if (n != 4) {
                    yield " val=[wrong length for Egress-VLANID ]";
                }
                long v = tvb.u32(off);
                avp.add(RadiusAttributes.EGRESS_VLANID_TAG, tvb, off, 4);
                avp.add(RadiusAttributes.EGRESS_VLANID_PAD, tvb, off, 4);
                avp.add(RadiusAttributes.EGRESS_VLANID, tvb, off, 4);
                yield " val=" + RadiusAttributes.EGRESS_TAGS.nameOr(v >>> 24, "Unknown") + ", Vlan ID: " + (v & 0xfff);
            }
            case EGRESS_VLAN_NAME -> {
                if (n < 2) {
                    yield " val=[wrong length for Egress-VLAN-Name ]";
                }
                int t = tvb.u8(off);
                avp.add(RadiusAttributes.EGRESS_VLAN_NAME_TAG, tvb, off, 1);
                byte[] raw = tvb.bytes(off + 1, n - 1);
                String name = RadiusAttributes.text(raw);
                RadiusAttributes.label(avp.addString(RadiusAttributes.EGRESS_VLAN_NAME, tvb, off + 1, n - 1,
                        new String(raw, StandardCharsets.UTF_8)), "Vlan Name: " + name);
                yield " val=" + RadiusAttributes.EGRESS_TAGS.nameOr(t, "Unknown") + ", Vlan Name: " + name;
            }
            case VENDOR, EAP -> throw new IllegalStateException("read by RadiusAttributes: " + a.name());
        };
    }

    /** A text value: the AVP line shows every byte escaped, the item stops at a NUL (tshark's stray-character mark). */
    private static String string(FieldDef field, Tvb tvb, ProtoItem avp, int off, int n) {
        byte[] b = tvb.bytes(off, n);
        int nul = -1;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                nul = i;
                break;
            }
        }
        byte[] kept = nul < 0 ? b : java.util.Arrays.copyOf(b, nul);
        ProtoItem item = avp.addString(field, tvb, off, n, new String(kept, StandardCharsets.UTF_8));
        if (item != avp) {
            RadiusAttributes.label(item, field.name() + ": " + RadiusAttributes.text(kept));
            boolean stray = false;
            for (int i = Math.max(nul, 0); nul >= 0 && i < b.length; i++) {
                stray |= b[i] != 0; // only bytes other than NUL after the first NUL are "stray"
            }
            if (stray) {
                item.expert(CoreFields.TRAILING_STRAY);
            }
        }
        return RadiusAttributes.text(b);
    }

    private static String integer(Attribute a, Tvb tvb, ProtoItem avp, int off, int n) {
        if (n == 0 || (n > 4 && n != 8)) {
            return " val=[unhandled integer length(" + n + ")]";
        }
        long v = tvb.uint(off, n);
        avp.addUint(a.field(), tvb, off, n, v);
        ValueString values = a.values();
        String number = Long.toUnsignedString(v);
        return values == null ? " val=" + number : " val=" + values.nameOr(v, "Unknown") + "(" + number + ")";
    }

    private static String address(FieldDef field, Tvb tvb, ProtoItem avp, int off, int n) {
        boolean v4 = field.type() == dev.dorsal.engine.spi.FieldType.IPv4;
        if (n != (v4 ? 4 : 16)) {
            return v4 ? " val=[wrong length for IP address]" : " val=[wrong length for IPv6 address]";
        }
        avp.add(field, tvb, off, n);
        return " val=" + (v4 ? RadiusAttributes.ipv4(tvb.u32(off)) : RadiusAttributes.ipv6(tvb.bytes(off, 16)));
    }

    /** An IPv6 prefix: a reserved byte, the prefix length and up to 16 bytes of prefix (RFC 3162). */
    private static String prefix(FieldDef field, Tvb tvb, ProtoItem avp, int off, int n) {
        if (n < 2 || n > 18) {
            return " val=[wrong length for IPv6 prefix]";
        }
        int bits = tvb.u8(off + 1);
        if (bits > 128) {
            return " val=[invalid IPv6 prefix length]";
        }
        byte[] address = new byte[16];
        System.arraycopy(tvb.bytes(off + 2, n - 2), 0, address, 0, n - 2);
        avp.add(field, tvb, off, n);
        return " val=" + RadiusAttributes.ipv6(address) + "/" + bits;
    }
}
