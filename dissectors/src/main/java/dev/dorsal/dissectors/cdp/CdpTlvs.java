package dev.dorsal.dissectors.cdp;

import static dev.dorsal.dissectors.cdp.CdpDissector.*;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The TLVs of one CDP message, each a subtree labelled as tshark labels it ({@code Device ID: R1},
 * {@code IP Prefixes: 3}, {@code Type: Unknown (0x0099), length: 6}) holding its type, length and
 * value fields. Strings are ASCII; a length under 4 ends the list.
 */
final class CdpTlvs {
    private static final byte[] IPV6_SNAP = {(byte) 0xaa, (byte) 0xaa, 0x03, 0, 0, 0, (byte) 0x86, (byte) 0xdd};
    private static final int PROTO_TYPE_NLPID = 1;
    private static final int PROTO_TYPE_IEEE_802_2 = 2;
    private static final int NLPID_IP = 0xcc;
    private static final int NLPID_CLNP = 0x81;
    private static final int PID_CLUSTER = 0x0112;
    /** The access point TLVs, tshark's labels for them; their values go in the Platform field. */
    private static final Map<Integer, String> AP_LABELS = Map.ofEntries(Map.entry(0x1000, "BSSID"),
            Map.entry(0x1001, "Serial"), Map.entry(0x1002, "SSID"), Map.entry(0x1003, "Radio 1 channel"),
            Map.entry(0x1006, "SNMP port"), Map.entry(0x1007, "Web mgmt port"), Map.entry(0x1008, "Source MAC"),
            Map.entry(0x1009, "Radio 2 channel"), Map.entry(0x100a, "Radio 1 operating mode"),
            Map.entry(0x100b, "Radio 2 operating mode"), Map.entry(0x100c, "Radio 1 radio mode"),
            Map.entry(0x100d, "Radio 2 radio mode"));

    private final Tvb tvb;
    private final Columns cols;
    private final ProtoItem cdp;
    private final boolean detailed;

    CdpTlvs(Tvb tvb, Columns cols, ProtoItem cdp) {
        this.tvb = tvb;
        this.cols = cols;
        this.cdp = cdp;
        this.detailed = cdp.tree().detailed();
    }

    /** Every TLV from {@code off} to the end of the message. */
    void all(int off) {
        while (tvb.reportedLength() - off > 0) {
            int type = tvb.u16(off);
            int length = tvb.u16(off + 2);
            if (length < 4) {
                ProtoItem t = subtree(off, 4, "TLV with invalid length " + length + " (< 4)");
                t.add(TLV_TYPE, tvb, off, 2);
                t.add(TLV_LEN, tvb, off + 2, 2);
                break;
            }
            tlv(type, off, length);
            off += length;
        }
    }

    private ProtoItem subtree(int off, int len, String text) {
        return subtree(cdp, off, len, text);
    }

    /** A text node; whenever a tree is built its bytes must exist, as tshark checks its text items. */
    private ProtoItem subtree(ProtoItem parent, int off, int len, String text) {
        if (!cdp.tree().treeless() && !tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        return parent.addText(tvb, off, len, text);
    }

    private ProtoItem header(int off, int length, String text) {
        ProtoItem t = subtree(off, length, text);
        t.add(TLV_TYPE, tvb, off, 2);
        t.add(TLV_LEN, tvb, off + 2, 2);
        return t;
    }

    private void tlv(int type, int off, int length) {
        int v = off + 4;
        int n = length - 4;
        // Without a tree tshark reads only the IDs for Info, the address lists and the IP prefixes
        if (cdp.tree().treeless() && type != 0x01 && type != 0x03 && type != 0x02 && type != 0x16 && type != 0x07) {
            return;
        }
        switch (type) {
            case 0x01 -> {
                String s = displayz(v, n);
                if (cols.enabled()) {
                    cols.appendInfo("Device ID: " + s + "  ");
                }
                string(header(off, length, "Device ID: " + s), DEVICE_ID, v, n);
            }
            case 0x03 -> {
                if (cols.enabled()) {
                    cols.appendInfo("Port ID: " + displayz(v, n) + "  ");
                }
                string(header(off, length, "Port ID: " + display(v, n)), PORT_ID, v, n);
            }
            case 0x02 -> addresses(header(off, length, "Addresses"), v, off + length);
            case 0x16 -> addresses(header(off, length, "Management Addresses"), v, off + length);
            case 0x04 -> {
                ProtoItem t = header(off, length, "Capabilities");
                if (length >= 8) {
                    ProtoItem c = t.add(CAPABILITIES, tvb, v, 4);
                    for (FieldDef f : CAPABILITY_BITS) {
                        c.add(f, tvb, v, 4);
                    }
                }
            }
            case 0x05 -> softwareVersion(header(off, length, "Software Version"), v, n);
            case 0x06 -> string(header(off, length, "Platform: " + display(v, n)), PLATFORM, v, n);
            case 0x07 -> prefixes(off, length, v, n);
            case 0x08 -> hello(off, length, v, n);
            case 0x09 -> string(header(off, length, "VTP Management Domain: " + display(v, n)),
                    VTP_MANAGEMENT_DOMAIN, v, n);
            case 0x0a -> {
                int vlan = tvb.u16(v);
                header(off, length, "Native VLAN: " + vlan).add(NATIVE_VLAN, tvb, v, 2);
            }
            case 0x0b -> {
                int d = tvb.u8(v);
                header(off, length, "Duplex: " + (d != 0 ? "Full" : "Half")).add(DUPLEX, tvb, v, 1);
            }
            case 0x0e, 0x0f -> {
                ProtoItem t = header(off, length, type == 0x0e ? "VoIP VLAN Reply" : "VoIP VLAN Query");
                t.add(DATA, tvb, v, 1);
                t.add(VOICE_VLAN, tvb, v + 1, 2);
                if (detailed) {
                    t.appendText(": VLAN " + tvb.u16(v + 1));
                }
            }
            case 0x10 -> {
                int mw = tvb.u16(v);
                header(off, length, "Power Consumption: " + mw + " mW").add(POWER_CONSUMPTION, tvb, v, 2);
            }
            case 0x11 -> header(off, length, "MTU: " + tvb.u32(v)).add(MTU, tvb, v, 4);
            case 0x12 -> header(off, length, String.format(Locale.ROOT, "Trust Bitmap: 0x%02x", tvb.u8(v)))
                    .add(TRUST_BITMAP, tvb, v, 1);
            case 0x13 -> header(off, length, String.format(Locale.ROOT, "Untrusted port CoS: 0x%02x", tvb.u8(v)))
                    .add(UNTRUSTED_PORT_COS, tvb, v, 1);
            case 0x14 -> string(header(off, length, "System Name: " + display(v, n)), SYSTEM_NAME, v, n);
            case 0x15 -> header(off, length, "System Object Identifier").add(SYSTEM_OBJECT_IDENTIFIER, tvb, v, n);
            case 0x17 -> {
                tvb.u8(v);
                ProtoItem t = header(off, length, "Location: " + display(v + 1, n - 1));
                t.add(LOCATION_UNKNOWN, tvb, v, 1);
                string(t, LOCATION, v + 1, n - 1);
            }
            case 0x19 -> power(off, length, v, n, "Power Request", POWER_REQUESTED);
            case 0x1a -> power(off, length, v, n, "Power Available", POWER_AVAILABLE);
            case 0x1f -> {
                ProtoItem t = header(off, length, "Spare Pair PoE");
                if (n > 0) {
                    ProtoItem p = t.add(SPARE_POE, tvb, v, 1);
                    p.add(SPARE_POE_POE, tvb, v, 1);
                    p.add(SPARE_POE_ARCH, tvb, v, 1);
                    p.add(SPARE_POE_REQ, tvb, v, 1);
                    p.add(SPARE_POE_PSE, tvb, v, 1);
                }
            }
            case 0x1d -> CdpEnergyWise.dissect(tvb, header(off, length, "EnergyWise"), v, n);
            default -> {
                String ap = AP_LABELS.get(type);
                if (type == 0x1002 && n == 0) {
                    header(off, length, ap + ": [Empty]");
                } else if (ap != null) {
                    string(header(off, length, ap + ": " + display(v, n)), PLATFORM, v, n);
                } else {
                    ProtoItem t = header(off, length, String.format(Locale.ROOT, "Type: %s, length: %d",
                            TLV_TYPES.nameOr(type, String.format(Locale.ROOT, "Unknown (0x%04x)", type)), length));
                    if (n > 0) {
                        t.add(DATA, tvb, v, n);
                    }
                }
            }
        }
    }

    /** An ASCII string field, flagged when bytes follow a NUL inside it. */
    private void string(ProtoItem parent, FieldDef f, int off, int len) {
        ProtoItem item = parent.addString(f, tvb, off, Math.max(0, len), AsciiText.of(tvb, off, len));
        if (item != parent && len > 0 && AsciiText.strayAfterNul(tvb, off, len)) {
            item.expert(StringErrors.TRAILING_STRAY);
        }
    }

    /** {@link #display} of the bytes before the first NUL. */
    private String displayz(int off, int len) {
        if (len <= 0) {
            return "";
        }
        byte[] raw = tvb.bytes(off, len);
        int end = 0;
        while (end < len && raw[end] != 0) {
            end++;
        }
        return display(off, end);
    }

    /** The bytes as tshark shows an ASCII string in a label: each byte from 0x80 as U+FFFD, controls escaped. */
    private String display(int off, int len) {
        if (len <= 0) {
            return "";
        }
        byte[] raw = tvb.bytes(off, len);
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 8);
        for (byte b : raw) {
            if (b >= 0) {
                out.write(b);
            } else {
                out.write(0xef);
                out.write(0xbf);
                out.write(0xbd);
            }
        }
        byte[] utf8 = out.toByteArray();
        return FormatText.format(utf8, 0, utf8.length);
    }

    private void softwareVersion(ProtoItem t, int off, int len) {
        int end = off + len;
        while (off < end) {
            int nl = off;
            while (nl < end && tvb.u8(nl) != '\n') {
                nl++;
            }
            // tshark's value is the line's display text (escapes included), up to a NUL
            // the item spans the newline too
            t.addString(SOFTWARE_VERSION, tvb, off, nl < end ? nl - off + 1 : nl - off, displayz(off, nl - off));
            off = nl + 1;
        }
    }

    private void prefixes(int off, int length, int v, int n) {
        if (length == 8) {
            header(off, length, "ODR Default gateway: " + ip(v)).add(ODR_DEFAULT_GATEWAY, tvb, v, 4);
            return;
        }
        ProtoItem t = header(off, length, "IP Prefixes: " + length / 5);
        int end = v + n;
        for (int p = v; p < end; p += 5) {
            tvb.bytes(p, 5);
            // tshark reads the address little-endian for the value, and labels it in network order
            long le = tvb.u32le(p);
            ProtoItem item = t.addUint(IP_PREFIX, tvb, p, 5, le);
            if (item != t && detailed) {
                item.setText("IP Prefix: " + ip(p) + "/" + tvb.u8(p + 4));
            }
        }
    }

    private void hello(int off, int length, int v, int n) {
        int pid = tvb.u16(v + 3);
        ProtoItem t = header(off, length, "Protocol Hello: "
                + HELLO_PIDS.nameOr(pid, String.format(Locale.ROOT, "Unknown (0x%04x)", pid)));
        t.add(OUI, tvb, v, 3);
        t.add(PROTOCOL_ID, tvb, v + 3, 2);
        int p = v + 5;
        if (pid == PID_CLUSTER) {
            t.add(CLUSTER_MASTER_IP, tvb, p, 4);
            t.add(CLUSTER_IP, tvb, p + 4, 4);
            t.add(CLUSTER_VERSION, tvb, p + 8, 1);
            t.add(CLUSTER_SUB_VERSION, tvb, p + 9, 1);
            t.add(CLUSTER_STATUS, tvb, p + 10, 1);
            t.add(CLUSTER_UNKNOWN, tvb, p + 11, 1);
            t.add(CLUSTER_COMMANDER_MAC, tvb, p + 12, 6);
            t.add(CLUSTER_SWITCH_MAC, tvb, p + 18, 6);
            t.add(CLUSTER_UNKNOWN, tvb, p + 24, 1);
            t.add(CLUSTER_MANAGEMENT_VLAN, tvb, p + 25, 2);
        } else {
            t.add(HELLO_UNKNOWN, tvb, p, Math.max(0, n - 5));
        }
    }

    private void power(int off, int length, int v, int n, String title, FieldDef value) {
        StringBuilder text = new StringBuilder(title);
        int end = v + n;
        for (int p = v + 4; p + 4 <= end; p += 4) {
            text.append(p == v + 4 ? ": " : ", ").append(tvb.u32(p)).append(" mW");
        }
        ProtoItem t = header(off, length, text.toString());
        t.add(REQUEST_ID, tvb, v, 2);
        t.add(MANAGEMENT_ID, tvb, v + 2, 2);
        for (int p = v + 4; p + 4 <= end; p += 4) {
            t.add(value, tvb, p, 4);
        }
    }

    private void addresses(ProtoItem t, int off, int end) {
        long count = tvb.u32(off);
        t.add(NUMBER_OF_ADDRESSES, tvb, off, 4);
        off += 4;
        for (long i = 0; i < count && off < end; i++) {
            off = address(t, off, end);
        }
    }

    private int address(ProtoItem t, int off, int end) {
        int left = end - off;
        if (left < 2 || left < 4 + tvb.u8(off + 1) || left < 4 + tvb.u8(off + 1) + tvb.u16(off + 2 + tvb.u8(off + 1))) {
            truncated(t, off, left);
            return end;
        }
        int ptype = tvb.u8(off);
        int plen = tvb.u8(off + 1);
        byte[] proto = tvb.bytes(off + 2, plen);
        int alen = tvb.u16(off + 2 + plen);
        int a = off + 4 + plen;
        String protoName = null;
        FieldDef addrField = ADDRESS;
        String kind = "Address";
        if (ptype == PROTO_TYPE_NLPID && plen == 1) {
            if ((proto[0] & 0xff) == NLPID_IP) {
                protoName = "IP";
                if (alen == 4) {
                    addrField = NRGYZ_IP_ADDRESS;
                    kind = "IP address";
                }
            } else if ((proto[0] & 0xff) == NLPID_CLNP) {
                protoName = "CLNP";
            }
        } else if (ptype == PROTO_TYPE_IEEE_802_2 && plen == 8 && Arrays.equals(proto, IPV6_SNAP)) {
            protoName = "IPv6";
            if (alen == 16) {
                addrField = NRGYZ_IPV6_ADDRESS;
                kind = "IPv6 address";
            }
        }
        String value;
        if (addrField == NRGYZ_IP_ADDRESS) {
            value = ip(a);
        } else if (addrField == NRGYZ_IPV6_ADDRESS) {
            value = dev.dorsal.engine.spi.AddressFormat.ipv6(tvb.bytes(a, 16));
        } else {
            value = hex(tvb.bytes(a, alen));
        }
        // tshark's entry node runs to the end of the TLV
        ProtoItem e = subtree(t, off, end - off, kind + ": " + value);
        e.add(PROTOCOL_TYPE, tvb, off, 1);
        e.add(PROTOCOL_LENGTH, tvb, off + 1, 1);
        ProtoItem p = e.add(PROTOCOL, tvb, off + 2, plen);
        if (p != e && detailed && protoName != null) {
            p.setText("Protocol: " + protoName);
        }
        e.add(ADDRESS_LENGTH, tvb, off + 2 + plen, 2);
        e.add(addrField, tvb, a, alen);
        return a + alen;
    }

    /** tshark's "Truncated address": the entry's fields that fit in the TLV, then the list ends. */
    private void truncated(ProtoItem t, int off, int left) {
        ProtoItem e = subtree(t, off, left, "Truncated address");
        e.add(PROTOCOL_TYPE, tvb, off, 1);
        if (left < 2) {
            return;
        }
        int plen = tvb.u8(off + 1);
        e.add(PROTOCOL_LENGTH, tvb, off + 1, 1);
        if (left < 2 + plen) {
            return;
        }
        e.add(PROTOCOL, tvb, off + 2, plen);
        if (left < 4 + plen) {
            return;
        }
        e.add(ADDRESS_LENGTH, tvb, off + 2 + plen, 2);
    }

    private String ip(int off) {
        return tvb.u8(off) + "." + tvb.u8(off + 1) + "." + tvb.u8(off + 2) + "." + tvb.u8(off + 3);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(String.format(Locale.ROOT, "%02x", x & 0xff));
        }
        return sb.toString();
    }
}
