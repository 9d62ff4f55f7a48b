package dev.dorsal.dissectors.radius;

import dev.dorsal.dissectors.radius.RadiusDictionary.Attribute;
import dev.dorsal.dissectors.radius.RadiusDictionary.Kind;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the attribute value pairs after the RADIUS header: each one's "AVP: t=Name(type) l=length
 * val=value" line with its type, length and value items, the value read as its dictionary kind says
 * ({@link RadiusDictionary}), tags of the tunnel attributes, Vendor-Specific attributes split into
 * their vendor's sub-attributes (shown as unknown: Dorsal has no vendor dictionaries), and consecutive
 * EAP-Message attributes joined and handed to {@code eap} on the last one. A length that cannot hold
 * an attribute ends the list with tshark's malformed-length line.
 */
final class RadiusAttributes {
    static final FieldDef AVP = FieldDef.bytes("radius.avp", "AVP");
    static final FieldDef AVP_TYPE = FieldDef.uint8("radius.avp.type", "Type");
    static final FieldDef AVP_LENGTH = FieldDef.uint8("radius.avp.length", "Length");
    static final FieldDef VENDOR_ID = FieldDef.uint32("radius.avp.vendor_id", "Vendor ID")
            .custom(v -> "Unknown (" + v + ")");
    static final FieldDef VENDOR_TYPE = FieldDef.uint8("radius.avp.vendor_type", "Type");
    static final FieldDef VENDOR_LEN = FieldDef.uint8("radius.avp.vendor_len", "Length");
    static final FieldDef EAP_FRAGMENT = FieldDef.bytes("radius.eap_fragment", "EAP fragment");
    static final FieldDef EXTENDED_TYPE = FieldDef.uint8("radius.avp.extended_type", "Extended Type");
    static final FieldDef EXTENDED_MORE = FieldDef.bool("radius.avp.extended_more", "Extended More", 8, 0x80)
            .tfs(dev.dorsal.engine.spi.TrueFalse.TRUE_FALSE);
    static final FieldDef UNKNOWN = FieldDef.bytes("radius.Unknown_Attribute", "Unknown-Attribute");
    static final FieldDef USER_PASSWORD_ENCRYPTED = FieldDef.bytes("radius.User_Password_encrypted",
            "User-Password (encrypted)");
    static final FieldDef TUNNEL_PASSWORD_ENCRYPTED = FieldDef.bytes("radius.Tunnel_Password_encrypted",
            "Tunnel-Password (encrypted)");
    static final FieldDef CHAP_IDENT = FieldDef.uint8("radius.CHAP_Ident", "CHAP Ident").hex();
    static final FieldDef CHAP_STRING = FieldDef.bytes("radius.CHAP_String", "CHAP String");
    static final ValueString EGRESS_TAGS = ValueString.of(0x31, "Tagged", 0x32, "Untagged");
    static final FieldDef EGRESS_VLANID_TAG = FieldDef.uint32("radius.egress_vlanid_tag", "Tag").hex()
            .mask(0xff000000L).vals(EGRESS_TAGS);
    static final FieldDef EGRESS_VLANID_PAD = FieldDef.uint32("radius.egress_vlanid_pad", "Pad").hex().mask(0xfff000);
    static final FieldDef EGRESS_VLANID = FieldDef.uint32("radius.egress_vlanid", "Vlan ID").mask(0xfff);
    static final FieldDef EGRESS_VLAN_NAME_TAG = FieldDef.uint8("radius.egress_vlan_name_tag", "Tag").hex()
            .vals(EGRESS_TAGS);
    static final FieldDef EGRESS_VLAN_NAME = FieldDef.string("radius.egress_vlan_name", "Vlan Name");

    /** The tag field of each attribute that may carry one ({@code radius.<Name>.tag}). */
    private static final Map<Integer, FieldDef> TAGS = new HashMap<>();

    static final List<FieldDef> FIELDS;

    static {
        List<FieldDef> all = new java.util.ArrayList<>(List.of(AVP, AVP_TYPE, AVP_LENGTH, VENDOR_ID, VENDOR_TYPE,
                VENDOR_LEN, EAP_FRAGMENT, EXTENDED_TYPE, EXTENDED_MORE, UNKNOWN, USER_PASSWORD_ENCRYPTED, TUNNEL_PASSWORD_ENCRYPTED, CHAP_IDENT,
                CHAP_STRING, EGRESS_VLANID_TAG, EGRESS_VLANID_PAD, EGRESS_VLANID, EGRESS_VLAN_NAME_TAG,
                EGRESS_VLAN_NAME));
        for (int code = 0; code < 256; code++) {
            Attribute a = RadiusDictionary.attribute(code);
            if (a != null && a.tagged()) {
                FieldDef tag = FieldDef.uint8(a.field().abbrev() + ".tag", "Tag").hex();
                TAGS.put(code, tag);
                all.add(tag);
            }
        }
        FIELDS = List.copyOf(all);
    }

    private static final int EAP_MESSAGE = 79;
    /** RFC 6929's extended types, and from which one on the "long" form with a flags byte. */
    private static final int FIRST_EXTENDED = 241;
    private static final int FIRST_LONG_EXTENDED = 245;
    private static final int LAST_EXTENDED = 246;
    private static final int VENDOR_SPECIFIC = 26;
    /** A tag is a first value byte up to 0x1f (RFC 2868); a greater one is part of the value. */
    private static final int MAX_TAG = 0x1f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss", Locale.US)
            .withZone(ZoneOffset.UTC);

    private RadiusAttributes() {}

    /** Reads the attributes of {@code tvb} (cut to the RADIUS length) from {@code off} under {@code avps}. */
    static void dissect(Tvb tvb, PacketInfo pinfo, ProtoItem avps, int off) {
        int end = tvb.reportedLength();
        ByteArrayOutputStream eap = null;
        int segment = 0;
        while (off < end) {
            if (end - off < 2) {
                invalid(avps, tvb, off, "Not enough room in packet for AVP header");
                return;
            }
            int type = tvb.u8(off);
            int length = tvb.u8(off + 1);
            if (length < 2) {
                invalid(avps, tvb, off, "AVP too short: length " + length + " < 2");
                return;
            }
            if (length > end - off) {
                invalid(avps, tvb, off, "Not enough room in packet for AVP");
                return;
            }
            if (type >= FIRST_EXTENDED && type <= LAST_EXTENDED) {
                if (length < 3) {
                    invalid(avps, tvb, off, "Extended AVP too short: length " + length + " < 3");
                    return;
                }
                extended(tvb, avps, off, type, length);
                off += length;
                continue;
            }
            ProtoItem avp = avps.add(AVP, tvb, off, length);
            Attribute a = RadiusDictionary.attribute(type);
            String name = a != null ? a.name() : "Unknown-Attribute";
            String head = "AVP: t=" + name + "(" + type + ") l=" + length;
            if (type == VENDOR_SPECIFIC && length < 6) {
                // tshark shows neither type nor length here, only the mark.
                label(avp, head);
                if (avp != avps) {
                    avp.expert(RadiusDissector.INVALID_LENGTH, "AVP too short; no room for vendor ID");
                }
                off += length;
                continue;
            }
            avp.add(AVP_TYPE, tvb, off, 1);
            avp.add(AVP_LENGTH, tvb, off + 1, 1);
            String suffix;
            if (a != null && a.kind() == Kind.EAP && length == 2) {
                // An empty fragment: tshark counts it but neither ends nor hands on the message.
                avp.add(EAP_FRAGMENT, tvb, off + 2, 0);
                segment = eap == null ? 1 : segment + 1;
                if (eap == null) {
                    eap = new ByteArrayOutputStream();
                }
                suffix = " Segment[" + segment + "]";
            } else if (a != null && a.kind() == Kind.EAP) {
                if (eap == null) {
                    eap = new ByteArrayOutputStream();
                    segment = 0;
                }
                segment++;
                avp.add(EAP_FRAGMENT, tvb, off + 2, length - 2);
                eap.write(tvb.bytes(off + 2, length - 2), 0, length - 2);
                boolean last = off + length + 2 > end || tvb.u8(off + length) != EAP_MESSAGE;
                suffix = (last ? " Last Segment[" : " Segment[") + segment + "]";
                if (last) {
                    label(avp, head + suffix);
                    callEap(pinfo, avp, eap.toByteArray());
                    eap = null;
                    off += length;
                    continue;
                }
            } else if (a != null && a.kind() == Kind.VENDOR) {
                label(avp, head + " vnd=Unknown(" + tvb.u32(off + 2) + ")");
                off = vendor(tvb, avps, avp, off + 2, length - 2);
                continue;
            } else {
                suffix = RadiusValues.value(a, TAGS.get(type), tvb, avp, off + 2, length - 2);
            }
            label(avp, head + suffix);
            off += length;
        }
    }

    /**
     * An extended attribute (RFC 6929): its extended type, for the long form the More flag, then the
     * value as the dictionary's {@code type.extended} attribute or as an unknown one.
     */
    private static void extended(Tvb tvb, ProtoItem avps, int off, int type, int length) {
        ProtoItem avp = avps.add(AVP, tvb, off, length);
        avp.add(AVP_TYPE, tvb, off, 1);
        avp.add(AVP_LENGTH, tvb, off + 1, 1);
        int ext = tvb.u8(off + 2);
        avp.add(EXTENDED_TYPE, tvb, off + 2, 1);
        int header = 3;
        if (type >= FIRST_LONG_EXTENDED) {
            avp.add(EXTENDED_MORE, tvb, off + 3, 1); // a long attribute without its flags byte is malformed here
            header = 4;
        }
        if (length < header) {
            // tshark trips an assertion here ("Dissector bug"); Dorsal marks the packet malformed.
            throw new dev.dorsal.engine.spi.MalformedException("long extended attribute without its flags byte");
        }
        Attribute a = RadiusDictionary.extended(type, ext);
        String name = a != null ? a.name() : "Unknown-Attribute";
        String value = RadiusValues.value(a, null, tvb, avp, off + header, length - header);
        label(avp, "AVP: t=" + name + "(" + type + "." + ext + ") l=" + length + value);
    }

    /**
     * The Vendor-Specific attribute: vendor ID, then its sub-attributes as a vendor without a dictionary.
     * Returns where the next attribute starts: after a sub-attribute too short for its header tshark
     * resumes two bytes after that sub-attribute's start, which may be inside or past the attribute.
     */
    private static int vendor(Tvb tvb, ProtoItem avps, ProtoItem avp, int off, int length) {
        avp.add(VENDOR_ID, tvb, off, 4);
        int end = off + length;
        int at = off + 4;
        while (at < end) {
            int len = end - at >= 2 ? tvb.u8(at + 1) : 0;
            if (len < 2) {
                avps.addText(tvb, at, 0, "VSA too short").expert(RadiusDissector.INVALID_LENGTH, "VSA too short");
                return at + 2;
            }
            if (len > end - at) {
                tvb.bytes(at, len); // malformed when past the packet, as in tshark
                return end; // tshark reads on into the next attribute here (docs/compat.md)
            }
            int type = tvb.u8(at);
            ProtoItem vsa = avp.addText(tvb, at, len, "");
            vsa.add(VENDOR_TYPE, tvb, at, 1);
            vsa.add(VENDOR_LEN, tvb, at + 1, 1);
            String value = RadiusValues.value(null, null, tvb, vsa, at + 2, len - 2);
            label(vsa, "VSA: t=Unknown-Attribute(" + type + ") l=" + len + value);
            at += len;
        }
        return at;
    }

    private static void callEap(PacketInfo pinfo, ProtoItem avp, byte[] message) {
        DissectorHandle handle = pinfo.tables().handle("eap");
        if (handle == null) {
            return;
        }
        Tvb eap = pinfo.addDataSource("Reassembled EAP", message);
        // tshark's RADIUS keeps its own columns while EAP runs.
        Columns cols = pinfo.columns();
        String protocol = cols.protocol();
        String info = cols.info();
        int fence = cols.infoFence();
        pinfo.call(handle, eap, avp);
        cols.setProtocol(protocol);
        if (cols.enabled()) {
            cols.restoreInfo(info, fence);
        }
    }

    private static void invalid(ProtoItem avps, Tvb tvb, int off, String message) {
        avps.addText(tvb, off, 0, message).expert(RadiusDissector.INVALID_LENGTH, message);
    }

    static void label(ProtoItem item, String text) {
        if (item.tree().detailed()) {
            item.setText(text);
        }
    }

    /** An absolute time of whole seconds since 1970 as tshark prints it. */
    static String date(long seconds) {
        return DATE.format(Instant.ofEpochSecond(seconds)) + ".000000000 UTC";
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    static String text(byte[] b) {
        return FormatText.format(b, 0, b.length);
    }

    static String ipv4(long v) {
        return AddressFormat.ipv4(v);
    }

    static String ipv6(byte[] b) {
        return AddressFormat.ipv6(b);
    }
}
