package dev.dorsal.dissectors.dns;

import dev.dorsal.dissectors.text.Durations;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads one resource record (RFC 1035 §4.1.3): owner name, type, class, TTL and RDATA length, into a
 * {@code name: type A, class IN, addr 10.0.0.7} subtree, then decodes the RDATA by type. Common types
 * are decoded here; DNSSEC types in {@link DnsSecRecords}, OPT in {@link DnsOpt}, SVCB/HTTPS in
 * {@link DnsSvcb}, CAA in {@link DnsCaa}. Types tshark does not decode get an expert note and the raw
 * bytes ({@code dns.data}). Each record appends its type (and a short form of its data) to Info.
 */
final class DnsRecords {
    static final FieldDef RESP_NAME = FieldDef.string("dns.resp.name", "Name");
    static final FieldDef RESP_TYPE = FieldDef.uint16("dns.resp.type", "Type").vals(DnsTypes.DESCRIPTIONS);
    static final FieldDef RESP_CLASS = FieldDef.uint16("dns.resp.class", "Class").hex().vals(DnsValues.CLASSES);
    static final FieldDef RESP_CLASS_MDNS = FieldDef.uint16("dns.resp.class", "Class").hex().vals(DnsValues.CLASSES)
            .mask(0x7fff);
    static final FieldDef CACHE_FLUSH = FieldDef.bool("dns.resp.cache_flush", "Cache flush", 16, 0x8000)
            .tfs(dev.dorsal.engine.spi.TrueFalse.TRUE_FALSE);
    static final FieldDef RESP_TTL = FieldDef.uint32("dns.resp.ttl", "Time to live");
    static final FieldDef RESP_LEN = FieldDef.uint16("dns.resp.len", "Data length");
    static final FieldDef SRV_SERVICE = FieldDef.string("dns.srv.service", "Service");
    static final FieldDef SRV_PROTO = FieldDef.string("dns.srv.proto", "Protocol");
    static final FieldDef SRV_NAME = FieldDef.string("dns.srv.name", "Name");
    static final FieldDef SRV_PRIORITY = FieldDef.uint16("dns.srv.priority", "Priority");
    static final FieldDef SRV_WEIGHT = FieldDef.uint16("dns.srv.weight", "Weight");
    static final FieldDef SRV_PORT = FieldDef.uint16("dns.srv.port", "Port");
    static final FieldDef SRV_TARGET = FieldDef.string("dns.srv.target", "Target");
    static final FieldDef A = FieldDef.ipv4("dns.a", "Address");
    static final FieldDef AAAA = FieldDef.ipv6("dns.aaaa", "AAAA Address");
    static final FieldDef NS = FieldDef.string("dns.ns", "Name Server");
    static final FieldDef MD = FieldDef.string("dns.md", "Mail Destination");
    static final FieldDef MF = FieldDef.string("dns.mf", "Mail Forwarder");
    static final FieldDef MB = FieldDef.string("dns.mb", "MailBox Domaine");
    static final FieldDef MG = FieldDef.string("dns.mg", "Mail Group member");
    static final FieldDef MR = FieldDef.string("dns.mr", "Mail Rename domaine");
    static final FieldDef NULL = FieldDef.bytes("dns.null", "Null (data)");
    static final FieldDef CNAME = FieldDef.string("dns.cname", "CNAME");
    static final FieldDef DNAME = FieldDef.string("dns.dname", "Dname");
    static final FieldDef PTR = FieldDef.string("dns.ptr.domain_name", "Domain Name");
    static final FieldDef SOA_MNAME = FieldDef.string("dns.soa.mname", "Primary name server");
    static final FieldDef SOA_RNAME = FieldDef.string("dns.soa.rname", "Responsible authority's mailbox");
    static final FieldDef SOA_SERIAL = FieldDef.uint32("dns.soa.serial_number", "Serial Number");
    static final FieldDef SOA_REFRESH = FieldDef.uint32("dns.soa.refresh_interval", "Refresh Interval");
    static final FieldDef SOA_RETRY = FieldDef.uint32("dns.soa.retry_interval", "Retry Interval");
    static final FieldDef SOA_EXPIRE = FieldDef.uint32("dns.soa.expire_limit", "Expire limit");
    static final FieldDef SOA_MINIMUM = FieldDef.uint32("dns.soa.minimum_ttl", "Minimum TTL");
    static final FieldDef HINFO_CPU_LENGTH = FieldDef.uint8("dns.hinfo.cpu_length", "CPU Length");
    static final FieldDef HINFO_CPU = FieldDef.string("dns.hinfo.cpu", "CPU");
    static final FieldDef HINFO_OS_LENGTH = FieldDef.uint8("dns.hinfo.os_length", "OS Length");
    static final FieldDef HINFO_OS = FieldDef.string("dns.hinfo.os", "OS");
    static final FieldDef MINFO_R = FieldDef.string("dns.minfo.r", "Responsible Mailbox");
    static final FieldDef MINFO_E = FieldDef.string("dns.minfo.e", "Error Mailbox");
    static final FieldDef MX_PREFERENCE = FieldDef.uint16("dns.mx.preference", "Preference");
    static final FieldDef MX_EXCHANGE = FieldDef.string("dns.mx.mail_exchange", "Mail Exchange");
    static final FieldDef TXT_LENGTH = FieldDef.uint8("dns.txt.length", "TXT Length");
    static final FieldDef TXT = FieldDef.string("dns.txt", "TXT");
    static final FieldDef SPF_LENGTH = FieldDef.uint8("dns.spf.length", "SPF Length");
    static final FieldDef SPF = FieldDef.string("dns.spf", "SPF");
    static final FieldDef NAPTR_ORDER = FieldDef.uint16("dns.naptr.order", "Order");
    static final FieldDef NAPTR_PREFERENCE = FieldDef.uint16("dns.naptr.preference", "Preference");
    static final FieldDef NAPTR_FLAGS_LENGTH = FieldDef.uint8("dns.naptr.flags_length", "Flags Length");
    static final FieldDef NAPTR_FLAGS = FieldDef.string("dns.naptr.flags", "Flags");
    static final FieldDef NAPTR_SERVICE_LENGTH = FieldDef.uint8("dns.naptr.service_length", "Service Length");
    static final FieldDef NAPTR_SERVICE = FieldDef.string("dns.naptr.service", "Service");
    static final FieldDef NAPTR_REGEX_LENGTH = FieldDef.uint8("dns.naptr.regex_length", "Regex Length");
    static final FieldDef NAPTR_REGEX = FieldDef.string("dns.naptr.regex", "Regex");
    static final FieldDef NAPTR_REPLACEMENT_LENGTH = FieldDef.uint8("dns.naptr.replacement_length",
            "Replacement Length");
    static final FieldDef NAPTR_REPLACEMENT = FieldDef.string("dns.naptr.replacement", "Replacement");
    static final FieldDef DATA = FieldDef.bytes("dns.data", "Data");

    static final List<FieldDef> FIELDS = List.of(RESP_NAME, RESP_TYPE, RESP_CLASS, RESP_CLASS_MDNS, CACHE_FLUSH, RESP_TTL, RESP_LEN, SRV_SERVICE,
            SRV_PROTO, SRV_NAME, SRV_PRIORITY, SRV_WEIGHT, SRV_PORT, SRV_TARGET, A, AAAA, NS, MD, MF, MB, MG, MR, NULL,
            CNAME, DNAME, PTR, SOA_MNAME, SOA_RNAME, SOA_SERIAL, SOA_REFRESH, SOA_RETRY, SOA_EXPIRE, SOA_MINIMUM,
            HINFO_CPU_LENGTH, HINFO_CPU, HINFO_OS_LENGTH, HINFO_OS, MINFO_R, MINFO_E, MX_PREFERENCE, MX_EXCHANGE,
            TXT_LENGTH, TXT, SPF_LENGTH, SPF, NAPTR_ORDER, NAPTR_PREFERENCE, NAPTR_FLAGS_LENGTH, NAPTR_FLAGS,
            NAPTR_SERVICE_LENGTH, NAPTR_SERVICE, NAPTR_REGEX_LENGTH, NAPTR_REGEX, NAPTR_REPLACEMENT_LENGTH,
            NAPTR_REPLACEMENT, DATA);

    /** Fields whose value is a domain name: when one is wanted, names must be decoded to text. */
    static final List<FieldDef> NAME_FIELDS = List.of(DnsDissector.QRY_NAME, RESP_NAME, SRV_SERVICE, SRV_PROTO,
            SRV_NAME, SRV_TARGET, NS, MD, MF, MB, MG, MR, CNAME, DNAME, PTR, SOA_MNAME, SOA_RNAME, MINFO_R, MINFO_E,
            MX_EXCHANGE, NAPTR_REPLACEMENT, DnsSecRecords.RRSIG_SIGNER, DnsSecRecords.NSEC_NEXT, DnsSvcb.TARGET);

    static final ExpertDef TTL_HIGH_BIT = new ExpertDef("dns.ttl.high_bit_set",
            "The uppermost bit of the TTL is set (RFC 2181, section 8)", ExpertDef.Group.PROTOCOL,
            ExpertDef.Severity.WARN);
    static final ExpertDef UNDECODED = new ExpertDef("dns.undecoded.type", "Undecoded option",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.NOTE);

    static final List<ExpertDef> EXPERTS = List.of(TTL_HIGH_BIT, UNDECODED);

    private DnsRecords() {}

    /** What a type decoder needs about the record it is reading. */
    static final class Rr {
        final DnsMessage msg;
        final ProtoItem item;
        final String owner;
        final int type;
        final int dnsClass;
        /** Offset of the RDATA and its length. */
        final int data;
        final int len;

        Rr(DnsMessage msg, ProtoItem item, String owner, int type, int dnsClass, int data, int len) {
            this.msg = msg;
            this.item = item;
            this.owner = owner;
            this.type = type;
            this.dnsClass = dnsClass;
            this.data = data;
            this.len = len;
        }

        Tvb tvb() {
            return msg.tvb;
        }

        boolean detailed() {
            return msg.detailed;
        }

        /** True when Info or labels will be shown, so text for them is worth building. */
        boolean textual() {
            return msg.info || msg.detailed;
        }

        /** Appends {@code text} to the record's label (only when labels are built). */
        void label(String text) {
            if (msg.detailed) {
                item.appendText(text);
            }
        }

        /** Appends {@code text} to Info (only when columns are wanted). */
        void info(String text) {
            if (msg.info) {
                msg.cols.appendInfo(text);
            }
        }
    }

    /** Dissects the record at {@code off}; returns its length. */
    static int dissect(DnsMessage msg, int off, ProtoItem section) {
        Tvb tvb = msg.tvb;
        DnsNameReader n = msg.name(off);
        String owner = n.name;
        int nameUsed = n.used;
        int type = tvb.u16(off + nameUsed);
        int rawClass = tvb.u16(off + nameUsed + 2);
        boolean opt = type == DnsTypes.OPT;
        // mDNS: the top bit of a record's class tells caches to flush what they hold for the name.
        boolean mdnsClass = msg.mdns && !opt;
        int dnsClass = mdnsClass ? rawClass & 0x7fff : rawClass;
        String flush = mdnsClass && (rawClass & 0x8000) != 0 ? ", cache flush" : "";
        int dataLen = tvb.u16(off + nameUsed + 8);
        int data = off + nameUsed + 10;
        int total = nameUsed + 10 + dataLen;
        String typeName = msg.wantText ? DnsTypes.shortName(type) : null;
        if (msg.info) {
            msg.cols.appendInfo(" " + typeName + flush);
        }
        msg.ensure(off, total);
        String label = null;
        if (msg.detailed) {
            label = opt ? owner + ": type " + typeName
                    : owner + ": type " + typeName + ", class " + DnsValues.className(dnsClass) + flush;
        }
        ProtoItem rr = section.addText(tvb, off, total, label);
        if (opt) {
            DnsOpt.header(msg, rr, off, nameUsed, owner);
        } else {
            header(msg, rr, off, nameUsed, owner, type);
        }
        if (dataLen == 0) {
            return total;
        }
        rdata(new Rr(msg, rr, owner, type, dnsClass, data, dataLen));
        return total;
    }

    /** Owner name (split into service, protocol and name for SRV), type, class, TTL and length. */
    private static void header(DnsMessage msg, ProtoItem rr, int off, int nameUsed, String owner, int type) {
        Tvb tvb = msg.tvb;
        if (type == DnsTypes.SRV && owner != null && !owner.isEmpty()) {
            srvOwner(rr, tvb, off, nameUsed, owner);
        } else if (type == DnsTypes.SRV && owner == null) {
            // Names were not decoded: nobody wants the owner parts.
        } else {
            rr.addString(RESP_NAME, tvb, off, nameUsed, owner);
        }
        int p = off + nameUsed;
        rr.add(RESP_TYPE, tvb, p, 2);
        if (msg.mdns) {
            rr.add(RESP_CLASS_MDNS, tvb, p + 2, 2);
            rr.add(CACHE_FLUSH, tvb, p + 2, 2);
        } else {
            rr.add(RESP_CLASS, tvb, p + 2, 2);
        }
        long ttl = tvb.u32(p + 4);
        ProtoItem ttlItem = rr.add(RESP_TTL, tvb, p + 4, 4);
        if (msg.detailed) {
            ttlItem.appendText(" (" + Durations.seconds(ttl) + ")");
        }
        if ((ttl & 0x80000000L) != 0) {
            ttlItem.expert(TTL_HIGH_BIT);
        }
        rr.add(RESP_LEN, tvb, p + 8, 2);
    }

    /** An SRV owner {@code _service._proto.name} shown as its three parts. */
    private static void srvOwner(ProtoItem rr, Tvb tvb, int off, int nameUsed, String owner) {
        int d1 = owner.indexOf('.');
        if (d1 < 0) {
            rr.addString(SRV_SERVICE, tvb, off, owner.length() + 1, owner);
            return;
        }
        String service = owner.substring(0, d1);
        rr.addString(SRV_SERVICE, tvb, off, d1 + 1, service);
        int d2 = owner.indexOf('.', d1 + 1);
        if (d2 < 0) {
            String proto = owner.substring(d1 + 1);
            rr.addString(SRV_PROTO, tvb, off + d1 + 1, proto.length() + 1, proto);
            return;
        }
        String proto = owner.substring(d1 + 1, d2);
        rr.addString(SRV_PROTO, tvb, off + d1 + 1, proto.length() + 1, proto);
        String rest = owner.substring(d2 + 1);
        rr.addString(SRV_NAME, tvb, off + d2 + 1, rest.length(), rest);
    }

    private static void rdata(Rr r) {
        switch (r.type) {
            case DnsTypes.A -> a(r);
            case DnsTypes.NS -> name(r, NS, ", ns ");
            case DnsTypes.CNAME -> name(r, CNAME, ", cname ");
            case DnsTypes.SOA -> soa(r);
            case DnsTypes.PTR -> name(r, PTR, ", ");
            case DnsTypes.HINFO -> hinfo(r);
            case DnsTypes.MX -> mx(r);
            case DnsTypes.TXT -> strings(r, TXT_LENGTH, TXT);
            case DnsTypes.SPF -> strings(r, SPF_LENGTH, SPF);
            case DnsTypes.AAAA -> aaaa(r);
            case DnsTypes.SRV -> srv(r);
            case DnsTypes.NAPTR -> naptr(r);
            case DnsTypes.DNAME -> name(r, DNAME, ", dname ");
            case DnsTypes.OPT -> DnsOpt.options(r);
            case DnsTypes.DS, DnsTypes.CDS -> DnsSecRecords.ds(r);
            case DnsTypes.SSHFP -> DnsSecRecords.sshfp(r);
            case DnsTypes.RRSIG -> DnsSecRecords.rrsig(r);
            case DnsTypes.NSEC -> DnsSecRecords.nsec(r);
            case DnsTypes.DNSKEY, DnsTypes.CDNSKEY -> DnsSecRecords.dnskey(r);
            case DnsTypes.NSEC3 -> DnsSecRecords.nsec3(r);
            case DnsTypes.NSEC3PARAM -> DnsSecRecords.nsec3param(r);
            case DnsTypes.TLSA -> DnsSecRecords.tlsa(r);
            case DnsTypes.SVCB, DnsTypes.HTTPS -> DnsSvcb.dissect(r);
            case DnsTypes.CAA -> DnsCaa.dissect(r);
            default -> {
                if (!DnsOtherRecords.dissect(r)) {
                    undecoded(r);
                }
            }
        }
    }

    private static void a(Rr r) {
        long addr = r.tvb().u32(r.data);
        if (r.textual()) {
            String text = AddressFormat.ipv4(addr);
            r.info(" " + text);
            r.label(", addr " + text);
        }
        r.item.add(A, r.tvb(), r.data, 4);
    }

    private static void aaaa(Rr r) {
        if (r.textual()) {
            String text = AddressFormat.ipv6(r.tvb().bytes(r.data, 16));
            r.info(" " + text);
            r.label(", addr " + text);
        }
        r.item.add(AAAA, r.tvb(), r.data, 16);
    }

    /** A record whose RDATA is one domain name: Info gets the name, the label {@code prefix + name}. */
    private static void name(Rr r, FieldDef field, String prefix) {
        DnsNameReader n = r.msg.name(r.data);
        String name = n.name;
        if (r.textual()) {
            r.info(" " + name);
            r.label(prefix + name);
        }
        r.item.addString(field, r.tvb(), r.data, n.used, name);
    }

    private static void soa(Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        DnsNameReader n = r.msg.name(off);
        String mname = n.name;
        if (r.textual()) {
            r.info(" " + mname);
            r.label(", mname " + mname);
        }
        r.item.addString(SOA_MNAME, tvb, off, n.used, mname);
        off += n.used;
        n = r.msg.name(off);
        r.item.addString(SOA_RNAME, tvb, off, n.used, n.name);
        off += n.used;
        r.item.add(SOA_SERIAL, tvb, off, 4);
        seconds(r, SOA_REFRESH, off + 4);
        seconds(r, SOA_RETRY, off + 8);
        seconds(r, SOA_EXPIRE, off + 12);
        seconds(r, SOA_MINIMUM, off + 16);
    }

    /** A 32-bit count of seconds, labelled with its spelled-out duration. */
    static void seconds(Rr r, FieldDef field, int off) {
        long v = r.tvb().u32(off);
        ProtoItem it = r.item.add(field, r.tvb(), off, 4);
        if (r.detailed()) {
            it.appendText(" (" + Durations.seconds(v) + ")");
        }
    }

    private static void hinfo(Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        int cpuLen = tvb.u8(off);
        r.item.add(HINFO_CPU_LENGTH, tvb, off, 1);
        asciiItem(r.item, HINFO_CPU, tvb, off + 1, cpuLen);
        int cpuOff = off + 1;
        off += 1 + cpuLen;
        int osLen = tvb.u8(off);
        r.item.add(HINFO_OS_LENGTH, tvb, off, 1);
        asciiItem(r.item, HINFO_OS, tvb, off + 1, osLen);
        if (r.textual()) {
            // here tshark prints at most the length's bytes of the decoded text, unescaped
            String cpu = DnsText.asciiPrefix(tvb.backingArray(), tvb.start() + cpuOff, cpuLen);
            String os = DnsText.asciiPrefix(tvb.backingArray(), tvb.start() + off + 1, osLen);
            r.info(" " + cpu + " " + os);
            r.label(", CPU " + cpu + ", OS " + os);
        }
    }

    private static void mx(Rr r) {
        Tvb tvb = r.tvb();
        int pref = tvb.u16(r.data);
        DnsNameReader n = r.msg.name(r.data + 2);
        String mx = n.name;
        if (r.textual()) {
            r.info(" " + pref + " " + mx);
            r.label(", preference " + pref + ", mx " + mx);
        }
        r.item.add(MX_PREFERENCE, tvb, r.data, 2);
        r.item.addString(MX_EXCHANGE, tvb, r.data + 2, n.used, mx);
    }

    /** TXT/SPF: length-prefixed character strings filling the RDATA. */
    private static void strings(Rr r, FieldDef lenField, FieldDef textField) {
        Tvb tvb = r.tvb();
        int off = r.data;
        int end = r.data + r.len;
        while (off < end) {
            int l = tvb.u8(off);
            r.item.add(lenField, tvb, off, 1);
            off++;
            asciiItem(r.item, textField, tvb, off, l);
            off += l;
        }
    }

    private static void srv(Rr r) {
        Tvb tvb = r.tvb();
        int prio = tvb.u16(r.data);
        int weight = tvb.u16(r.data + 2);
        int port = tvb.u16(r.data + 4);
        r.item.add(SRV_PRIORITY, tvb, r.data, 2);
        r.item.add(SRV_WEIGHT, tvb, r.data + 2, 2);
        r.item.add(SRV_PORT, tvb, r.data + 4, 2);
        DnsNameReader n = r.msg.name(r.data + 6);
        String target = n.name;
        r.item.addString(SRV_TARGET, tvb, r.data + 6, n.used, target);
        if (r.textual()) {
            r.info(" " + prio + " " + weight + " " + port + " " + target);
            r.label(", priority " + prio + ", weight " + weight + ", port " + port + ", target " + target);
        }
    }

    private static void naptr(Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        int order = tvb.u16(off);
        int pref = tvb.u16(off + 2);
        r.item.add(NAPTR_ORDER, tvb, off, 2);
        r.item.add(NAPTR_PREFERENCE, tvb, off + 2, 2);
        off += 4;
        int flagsLen = tvb.u8(off);
        r.item.add(NAPTR_FLAGS_LENGTH, tvb, off, 1);
        String flags = asciiItem(r.item, NAPTR_FLAGS, tvb, off + 1, flagsLen);
        off += 1 + flagsLen;
        int serviceLen = tvb.u8(off);
        r.item.add(NAPTR_SERVICE_LENGTH, tvb, off, 1);
        asciiItem(r.item, NAPTR_SERVICE, tvb, off + 1, serviceLen);
        off += 1 + serviceLen;
        int regexLen = tvb.u8(off);
        r.item.add(NAPTR_REGEX_LENGTH, tvb, off, 1);
        asciiItem(r.item, NAPTR_REGEX, tvb, off + 1, regexLen);
        off += 1 + regexLen;
        DnsNameReader n = r.msg.name(off);
        ProtoItem len = r.item.addUint(NAPTR_REPLACEMENT_LENGTH, tvb, off, 0, n.nameLength);
        if (len != r.item) {
            len.setGenerated();
        }
        r.item.addString(NAPTR_REPLACEMENT, tvb, off, n.used, n.name);
        if (r.textual()) {
            r.info(" " + order + " " + pref + " " + flags);
            r.label(", order " + order + ", preference " + pref + ", flags " + flags);
        }
    }

    /** A type tshark does not decode: an expert note on the record and the raw RDATA. */
    static void undecoded(Rr r) {
        r.item.expert(UNDECODED, "Dissector for DNS Type (" + r.type
                + ") code not implemented, Contact Wireshark developers if you want this supported");
        r.item.add(DATA, r.tvb(), r.data, r.len);
    }

    /**
     * Adds {@code len} bytes at {@code off} as an ASCII character-string item, as tshark adds one: the
     * text up to a NUL (bytes from 0x80 up as U+FFFD), flagged when other bytes follow the NUL.
     * Returns the text.
     */
    static String asciiItem(ProtoItem parent, FieldDef field, Tvb tvb, int off, int len) {
        String s = ascii(tvb, off, len);
        ProtoItem it = parent.addString(field, tvb, off, len, s);
        if (s.length() < len && DnsText.strayAfterNul(tvb.backingArray(), tvb.start() + off, len)) {
            it.expert(StringErrors.TRAILING_STRAY);
        }
        return s;
    }

    /** As {@link #asciiItem}, for a UTF-8 string (invalid sequences as U+FFFD). */
    static void utf8Item(ProtoItem parent, FieldDef field, Tvb tvb, int off, int len) {
        byte[] b = tvb.bytes(off, len);
        String s = DnsText.utf8(b, 0, len);
        ProtoItem it = parent.addString(field, tvb, off, len, s);
        int nul = 0;
        while (nul < len && b[nul] != 0) {
            nul++;
        }
        for (int i = nul; i < len; i++) {
            if (b[i] != 0) {
                it.expert(StringErrors.TRAILING_STRAY);
                return;
            }
        }
    }

    /** {@code len} bytes at {@code off} as tshark decodes an ASCII string (see {@link DnsText#ascii}). */
    static String ascii(Tvb tvb, int off, int len) {
        if (len == 0) {
            return "";
        }
        if (!tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        return DnsText.ascii(tvb.backingArray(), tvb.start() + off, len);
    }

    /** {@code len} bytes at {@code off} as display text (escaped). */
    static String text(Tvb tvb, int off, int len) {
        if (len == 0) {
            return "";
        }
        if (!tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        return FormatText.format(tvb.backingArray(), tvb.start() + off, len);
    }
}
