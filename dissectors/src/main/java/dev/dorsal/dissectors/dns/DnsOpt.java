package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the EDNS(0) OPT pseudo-record (RFC 6891): the class field is the UDP payload size and the
 * TTL holds the extended RCODE, version and the DO bit; the RDATA is a list of {@code Option: NAME}
 * items (code, length, data) with client subnet, cookies, keepalive, padding, extended errors and the
 * algorithm lists decoded.
 */
final class DnsOpt {
    static final FieldDef UDP_PAYLOAD_SIZE = FieldDef.uint16("dns.rr.udp_payload_size", "UDP payload size");
    /** In mDNS the top bit of the class is the cache-flush flag, so tshark shows the size as a 15-bit field. */
    static final FieldDef UDP_PAYLOAD_SIZE_MDNS = FieldDef.uint16("dns.rr.udp_payload_size", "UDP payload size")
            .hex().mask(0x7fff);
    static final FieldDef EXT_RCODE = FieldDef.uint8("dns.resp.ext_rcode", "Higher bits in extended RCODE").hex();
    static final FieldDef EDNS0_VERSION = FieldDef.uint8("dns.resp.edns0_version", "EDNS0 version");
    static final FieldDef Z = FieldDef.uint16("dns.resp.z", "Z").hex();
    static final FieldDef Z_DO = FieldDef.bool("dns.resp.z.do", "DO bit", 16, 0x8000)
            .tfs(new TrueFalse("Accepts DNSSEC security RRs", "Cannot handle DNSSEC security RRs"));
    static final FieldDef Z_RESERVED = FieldDef.uint16("dns.resp.z.reserved", "Reserved").hex().mask(0x7fff);
    static final FieldDef OPT = FieldDef.none("dns.opt", "Option");
    static final FieldDef OPT_CODE = FieldDef.uint16("dns.opt.code", "Option Code").vals(DnsValues.OPT_CODES);
    static final FieldDef OPT_LEN = FieldDef.uint16("dns.opt.len", "Option Length");
    static final FieldDef OPT_DATA = FieldDef.bytes("dns.opt.data", "Option Data");
    static final FieldDef OPT_DAU = FieldDef.uint8("dns.opt.dau", "DAU").vals(DnsValues.ALGORITHMS);
    static final FieldDef OPT_DHU = FieldDef.uint8("dns.opt.dhu", "DHU").vals(DnsValues.DHU);
    static final FieldDef OPT_N3U = FieldDef.uint8("dns.opt.n3u", "N3U").vals(DnsValues.N3U);
    static final FieldDef CLIENT_FAMILY = FieldDef.uint16("dns.opt.client.family", "Family")
            .vals(DnsValues.CLIENT_FAMILIES);
    static final FieldDef CLIENT_NETMASK = FieldDef.uint8("dns.opt.client.netmask", "Source Netmask");
    static final FieldDef CLIENT_SCOPE = FieldDef.uint8("dns.opt.client.scope", "Scope Netmask");
    static final FieldDef CLIENT_ADDR = FieldDef.bytes("dns.opt.client.addr", "Client Subnet");
    static final FieldDef CLIENT_ADDR4 = FieldDef.ipv4("dns.opt.client.addr4", "Client Subnet");
    static final FieldDef CLIENT_ADDR6 = FieldDef.ipv6("dns.opt.client.addr6", "Client Subnet");
    static final FieldDef COOKIE_CLIENT = FieldDef.bytes("dns.opt.cookie.client", "Client Cookie");
    static final FieldDef COOKIE_SERVER = FieldDef.bytes("dns.opt.cookie.server", "Server Cookie");
    static final FieldDef KEEPALIVE_TIMEOUT = FieldDef.uint16("dns.opt.edns_tcp_keepalive.timeout", "Timeout");
    static final FieldDef PADDING = FieldDef.bytes("dns.opt.padding", "Padding");
    static final FieldDef CHAIN_FQDN = FieldDef.string("dns.opt.chain.fqdn", "Closest Trust Point");
    static final FieldDef EXT_ERROR_CODE = FieldDef.uint16("dns.opt.ext_error.info_code", "Info Code")
            .vals(DnsValues.EXT_ERRORS);
    static final FieldDef EXT_ERROR_TEXT = FieldDef.string("dns.opt.ext_error.extra_text", "Extra Text");

    static final List<FieldDef> FIELDS = List.of(UDP_PAYLOAD_SIZE, UDP_PAYLOAD_SIZE_MDNS, EXT_RCODE, EDNS0_VERSION, Z, Z_DO, Z_RESERVED, OPT,
            OPT_CODE, OPT_LEN, OPT_DATA, OPT_DAU, OPT_DHU, OPT_N3U, CLIENT_FAMILY, CLIENT_NETMASK, CLIENT_SCOPE,
            CLIENT_ADDR, CLIENT_ADDR4, CLIENT_ADDR6, COOKIE_CLIENT, COOKIE_SERVER, KEEPALIVE_TIMEOUT, PADDING,
            CHAIN_FQDN, EXT_ERROR_CODE, EXT_ERROR_TEXT);

    private static final int CODE_NSID = 3;
    private static final int CODE_DAU = 5;
    private static final int CODE_DHU = 6;
    private static final int CODE_N3U = 7;
    private static final int CODE_CSUBNET = 8;
    private static final int CODE_CSUBNET_EXPERIMENTAL = 20730;
    private static final int CODE_COOKIE = 10;
    private static final int CODE_KEEPALIVE = 11;
    private static final int CODE_PADDING = 12;
    private static final int CODE_CHAIN = 13;
    private static final int CODE_EXT_ERROR = 15;

    private DnsOpt() {}

    /** The OPT record's fixed part, in place of the usual class/TTL fields. */
    static void header(DnsMessage msg, ProtoItem rr, int off, int nameUsed, String owner) {
        Tvb tvb = msg.tvb;
        rr.addString(DnsRecords.RESP_NAME, tvb, off, nameUsed, owner);
        int p = off + nameUsed;
        rr.add(DnsRecords.RESP_TYPE, tvb, p, 2);
        if (msg.mdns) {
            rr.add(UDP_PAYLOAD_SIZE_MDNS, tvb, p + 2, 2);
            rr.add(DnsRecords.CACHE_FLUSH, tvb, p + 2, 2);
        } else {
            rr.add(UDP_PAYLOAD_SIZE, tvb, p + 2, 2);
        }
        rr.add(EXT_RCODE, tvb, p + 4, 1);
        rr.add(EDNS0_VERSION, tvb, p + 5, 1);
        ProtoItem z = rr.add(Z, tvb, p + 6, 2);
        z.add(Z_DO, tvb, p + 6, 2);
        z.add(Z_RESERVED, tvb, p + 6, 2);
        rr.add(DnsRecords.RESP_LEN, tvb, p + 8, 2);
    }

    /** The options in the RDATA. */
    static void options(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        int end = r.data + r.len;
        while (off < end) {
            int code = tvb.u16(off);
            int len = tvb.u16(off + 2);
            ProtoItem opt = r.item.add(OPT, tvb, off, 4 + len);
            if (r.detailed()) {
                opt.setText("Option: " + DnsValues.OPT_CODES.nameOr(code, "Unknown (" + code + ")"));
            }
            opt.add(OPT_CODE, tvb, off, 2);
            opt.add(OPT_LEN, tvb, off + 2, 2);
            int data = off + 4;
            opt.add(OPT_DATA, tvb, data, len);
            option(r, opt, code, data, len);
            off = data + len;
        }
    }

    private static void option(DnsRecords.Rr r, ProtoItem opt, int code, int off, int len) {
        Tvb tvb = r.tvb();
        switch (code) {
            case CODE_DAU -> list(opt, tvb, OPT_DAU, off, len);
            case CODE_DHU -> list(opt, tvb, OPT_DHU, off, len);
            case CODE_N3U -> list(opt, tvb, OPT_N3U, off, len);
            case CODE_CSUBNET, CODE_CSUBNET_EXPERIMENTAL -> clientSubnet(opt, tvb, off, len);
            case CODE_COOKIE -> {
                // The client cookie is read even when the option is shorter, as tshark does
                opt.add(COOKIE_CLIENT, tvb, off, 8);
                if (len < 8) {
                    throw new MalformedException("DNS cookie option of " + len + " bytes");
                }
                opt.add(COOKIE_SERVER, tvb, off + 8, len - 8);
            }
            case CODE_KEEPALIVE -> {
                if (len == 2) {
                    opt.add(KEEPALIVE_TIMEOUT, tvb, off, 2);
                }
            }
            case CODE_PADDING -> opt.add(PADDING, tvb, off, len);
            case CODE_CHAIN -> {
                if (len > 0) {
                    DnsNameReader n = r.msg.name(off);
                    opt.addString(CHAIN_FQDN, tvb, off, n.used, n.name);
                }
            }
            case CODE_EXT_ERROR -> {
                if (len >= 2) {
                    opt.add(EXT_ERROR_CODE, tvb, off, 2);
                    if (len > 2) {
                        DnsRecords.utf8Item(opt, EXT_ERROR_TEXT, tvb, off + 2, len - 2);
                    }
                }
            }
            case CODE_NSID -> { /* shown as data only */ }
            default -> { /* unknown options show their data only */ }
        }
    }

    private static void list(ProtoItem opt, Tvb tvb, FieldDef f, int off, int len) {
        for (int i = 0; i < len; i++) {
            opt.add(f, tvb, off + i, 1);
        }
    }

    /** Client subnet (RFC 7871): family, prefix lengths, then the address truncated to the prefix. */
    private static void clientSubnet(ProtoItem opt, Tvb tvb, int off, int len) {
        int family = tvb.u16(off);
        opt.add(CLIENT_FAMILY, tvb, off, 2);
        opt.add(CLIENT_NETMASK, tvb, off + 2, 1);
        opt.add(CLIENT_SCOPE, tvb, off + 3, 1);
        int addrLen = len - 4;
        int a = off + 4;
        if (family == 1 && addrLen <= 4) {
            byte[] b = new byte[4];
            System.arraycopy(tvb.bytes(a, addrLen), 0, b, 0, addrLen);
            long v = ((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            opt.addUint(CLIENT_ADDR4, tvb, a, addrLen, v);
        } else if (family == 2 && addrLen <= 16) {
            byte[] b = new byte[16];
            System.arraycopy(tvb.bytes(a, addrLen), 0, b, 0, addrLen);
            opt.addBytes(CLIENT_ADDR6, tvb, a, addrLen, b);
        } else {
            opt.add(CLIENT_ADDR, tvb, a, addrLen);
        }
    }
}
