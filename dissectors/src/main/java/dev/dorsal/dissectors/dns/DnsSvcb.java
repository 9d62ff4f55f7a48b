package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.Base64;
import java.util.List;

/**
 * Reads SVCB and HTTPS records (RFC 9460): priority, target name, then each SvcParam as a
 * {@code SvcParam: alpn=h2,http/1.1} subtree with its key, value length and decoded value (mandatory
 * keys, ALPN ids, port, address hints; ECH config shown in base64; unknown keys as raw bytes).
 */
final class DnsSvcb {
    static final FieldDef PRIORITY = FieldDef.uint16("dns.svcb.svcpriority", "SvcPriority");
    static final FieldDef TARGET = FieldDef.string("dns.svcb.targetname", "TargetName");
    static final FieldDef PARAM = FieldDef.none("dns.svcb.svcparam", "SvcParam");
    static final FieldDef KEY = FieldDef.uint16("dns.svcb.svcparam.key", "SvcParamKey").vals(DnsValues.SVC_KEYS);
    static final FieldDef VALUE_LENGTH = FieldDef.uint16("dns.svcb.svcparam.value.length", "SvcParamValue length");
    static final FieldDef VALUE = FieldDef.bytes("dns.svcb.svcparam.value", "SvcParamValue");
    static final FieldDef MANDATORY_KEY = FieldDef.uint16("dns.svcb.svcparam.mandatory.key", "Mandatory key")
            .vals(DnsValues.SVC_KEYS);
    static final FieldDef ALPN_LENGTH = FieldDef.uint8("dns.svcb.svcparam.alpn.length", "ALPN length");
    static final FieldDef ALPN = FieldDef.string("dns.svcb.svcparam.alpn", "ALPN");
    static final FieldDef PORT = FieldDef.uint16("dns.svcb.svcparam.port", "Port");
    static final FieldDef IPV4HINT = FieldDef.ipv4("dns.svcb.svcparam.ipv4hint.ip", "IP");
    static final FieldDef ECHCONFIG = FieldDef.bytes("dns.svcb.svcparam.echconfig", "ECHConfig");
    static final FieldDef IPV6HINT = FieldDef.ipv6("dns.svcb.svcparam.ipv6hint.ip", "IP");
    static final FieldDef ODOHCONFIG = FieldDef.bytes("dns.svcb.svcparam.odohconfig", "ODoHConfig");

    static final List<FieldDef> FIELDS = List.of(PRIORITY, TARGET, PARAM, KEY, VALUE_LENGTH, VALUE, MANDATORY_KEY,
            ALPN_LENGTH, ALPN, PORT, IPV4HINT, ECHCONFIG, IPV6HINT, ODOHCONFIG);

    private static final int MANDATORY = 0;
    private static final int ALPN_KEY = 1;
    private static final int NO_DEFAULT_ALPN = 2;
    private static final int PORT_KEY = 3;
    private static final int IPV4HINT_KEY = 4;
    private static final int ECH = 5;
    private static final int IPV6HINT_KEY = 6;
    private static final int ODOH = 32769;

    private DnsSvcb() {}

    static void dissect(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        int end = r.data + r.len;
        r.item.add(PRIORITY, tvb, off, 2);
        DnsNameReader n = r.msg.name(off + 2);
        r.item.addString(TARGET, tvb, off + 2, n.used, n.name);
        off += 2 + n.used;
        while (off < end) {
            int key = tvb.u16(off);
            int len = tvb.u16(off + 2);
            ProtoItem p = r.item.add(PARAM, tvb, off, 4 + len);
            p.add(KEY, tvb, off, 2);
            p.add(VALUE_LENGTH, tvb, off + 2, 2);
            StringBuilder text = r.detailed() ? new StringBuilder() : null;
            // Like tshark, continue after the bytes the value parser consumed, not after the stated length.
            off = value(p, tvb, key, off + 4, len, text);
            if (text != null) {
                String keyName = DnsValues.SVC_KEYS.nameOr(key, "key" + key);
                p.setText("SvcParam: " + keyName + (key == NO_DEFAULT_ALPN ? "" : "=" + text));
            }
        }
    }

    /** Adds the decoded value of one parameter, its text to {@code sb} if not null; returns the offset after it. */
    private static int value(ProtoItem p, Tvb tvb, int key, int off, int len, StringBuilder sb) {
        int end = off + len;
        switch (key) {
            case MANDATORY -> {
                int o = off;
                for (; o < end; o += 2) {
                    int k = tvb.u16(o);
                    p.add(MANDATORY_KEY, tvb, o, 2);
                    join(sb, DnsValues.SVC_KEYS.nameOr(k, "key" + k));
                }
                return o;
            }
            case ALPN_KEY -> {
                int o = off;
                while (o < end) {
                    int l = tvb.u8(o);
                    p.add(ALPN_LENGTH, tvb, o, 1);
                    join(sb, DnsRecords.asciiItem(p, ALPN, tvb, o + 1, l));
                    o += 1 + l;
                }
                return o;
            }
            case NO_DEFAULT_ALPN -> { }
            case PORT_KEY -> {
                p.add(PORT, tvb, off, 2);
                if (sb != null) {
                    sb.append(tvb.u16(off));
                }
                return off + 2;
            }
            case IPV4HINT_KEY -> {
                int o = off;
                for (; o < end; o += 4) {
                    p.add(IPV4HINT, tvb, o, 4);
                    join(sb, sb != null ? AddressFormat.ipv4(tvb.u32(o)) : null);
                }
                return o;
            }
            case IPV6HINT_KEY -> {
                int o = off;
                for (; o < end; o += 16) {
                    p.add(IPV6HINT, tvb, o, 16);
                    join(sb, sb != null ? AddressFormat.ipv6(tvb.bytes(o, 16)) : null);
                }
                return o;
            }
            case ECH, ODOH -> {
                ProtoItem it = p.add(key == ECH ? ECHCONFIG : ODOHCONFIG, tvb, off, len);
                if (sb != null) {
                    String b64 = Base64.getEncoder().encodeToString(tvb.bytes(off, len));
                    sb.append(b64);
                    it.setText((key == ECH ? "ECHConfig: " : "ODoHConfig: ") + b64);
                }
            }
            default -> {
                p.add(VALUE, tvb, off, len);
                if (sb != null) {
                    sb.append(DnsRecords.text(tvb, off, len));
                }
            }
        }
        return end;
    }

    private static void join(StringBuilder sb, String s) {
        if (sb == null) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(',');
        }
        sb.append(s);
    }
}
