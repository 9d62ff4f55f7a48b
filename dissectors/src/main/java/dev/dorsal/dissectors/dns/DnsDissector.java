package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads one DNS message (RFC 1035 §4.1): the 12-byte header with its flags, then the question,
 * answer, authority and additional sections, into a {@code Domain Name System (query|response)}
 * subtree, and sets Protocol {@code DNS} and Info {@code Standard query response 0x2b6f A www.example.com
 * A 10.0.0.7}. Over TCP the message follows a 2-byte length ({@link DnsTcp}).
 *
 * <pre>
 *  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * |                      ID                       |
 * |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 * |                    QDCOUNT                    |
 * |                    ANCOUNT                    |
 * |                    NSCOUNT                    |
 * |                    ARCOUNT                    |
 * </pre>
 *
 * <p>Filter prefix {@code dns}; UDP and TCP port 53 (and TCP 5353), plus the {@code udp} heuristic.
 */
final class DnsDissector {
    static final ProtocolDef PROTO = new ProtocolDef("Domain Name System", "DNS", "dns");
    /** Multicast DNS (RFC 6762) on UDP 5353: DNS's messages and fields, the class's top bit a flag. */
    static final ProtocolDef MDNS = new ProtocolDef("Multicast Domain Name System", "mDNS", "mdns");
    /** Link-local Multicast Name Resolution (RFC 4795) on UDP 5355: DNS's messages, its own flag bits. */
    static final ProtocolDef LLMNR = new ProtocolDef("Link-local Multicast Name Resolution", "LLMNR", "llmnr");

    static final int OPCODE_UPDATE = 5;
    private static final int HEADER_LEN = 12;
    private static final int F_RESPONSE = 0x8000;
    private static final int F_AUTHENTIC = 0x20;

    static final FieldDef LENGTH = FieldDef.uint16("dns.length", "Length");
    static final FieldDef ID = FieldDef.uint16("dns.id", "Transaction ID").hex();
    static final FieldDef FLAGS = FieldDef.uint16("dns.flags", "Flags").hex();
    static final FieldDef F_QR = FieldDef.bool("dns.flags.response", "Response", 16, 0x8000)
            .tfs(new TrueFalse("Message is a response", "Message is a query"));
    static final FieldDef F_OPCODE = FieldDef.uint16("dns.flags.opcode", "Opcode").mask(0x7800)
            .vals(DnsValues.OPCODES);
    static final FieldDef F_AA = FieldDef.bool("dns.flags.authoritative", "Authoritative", 16, 0x400)
            .tfs(new TrueFalse("Server is an authority for domain", "Server is not an authority for domain"));
    static final FieldDef F_TC = FieldDef.bool("dns.flags.truncated", "Truncated", 16, 0x200)
            .tfs(new TrueFalse("Message is truncated", "Message is not truncated"));
    static final FieldDef F_RD = FieldDef.bool("dns.flags.recdesired", "Recursion desired", 16, 0x100)
            .tfs(new TrueFalse("Do query recursively", "Don't do query recursively"));
    static final FieldDef F_RA = FieldDef.bool("dns.flags.recavail", "Recursion available", 16, 0x80)
            .tfs(new TrueFalse("Server can do recursive queries", "Server can't do recursive queries"));
    static final FieldDef F_Z = FieldDef.bool("dns.flags.z", "Z", 16, 0x40)
            .tfs(new TrueFalse("reserved - incorrect!", "reserved (0)"));
    static final FieldDef F_AUTHENTICATED = FieldDef.bool("dns.flags.authenticated", "Answer authenticated", 16, 0x20)
            .tfs(new TrueFalse("Answer/authority portion was authenticated by the server",
                    "Answer/authority portion was not authenticated by the server"));
    /** The AD bit as a query shows it (same filter name as in responses). */
    static final FieldDef F_AD = FieldDef.bool("dns.flags.authenticated", "AD bit", 16, 0x20);
    static final FieldDef F_CD = FieldDef.bool("dns.flags.checkdisable", "Non-authenticated data", 16, 0x10)
            .tfs(new TrueFalse("Acceptable", "Unacceptable"));
    /** LLMNR's C bit: in a query, that the sender saw several answers; in a response, that the name is not unique. */
    static final FieldDef F_CONFLICT_QUERY = FieldDef.bool("dns.flags.conflict", "Conflict", 16, 0x400)
            .tfs(new TrueFalse("The sender received multiple responses", "None"));
    static final FieldDef F_CONFLICT_RESPONSE = FieldDef.bool("dns.flags.conflict", "Conflict", 16, 0x400)
            .tfs(new TrueFalse("The name is not considered unique", "The name is considered unique"));
    /** LLMNR's T bit. */
    static final FieldDef F_TENTATIVE = FieldDef.bool("dns.flags.tentative", "Tentative", 16, 0x100)
            .tfs(new TrueFalse("Tentative", "Not tentative"));
    static final FieldDef F_RCODE = FieldDef.uint16("dns.flags.rcode", "Reply code").mask(0xf)
            .vals(DnsValues.RCODES);
    static final FieldDef COUNT_QUERIES = FieldDef.uint16("dns.count.queries", "Questions");
    static final FieldDef COUNT_ZONES = FieldDef.uint16("dns.count.zones", "Zones");
    static final FieldDef COUNT_ANSWERS = FieldDef.uint16("dns.count.answers", "Answer RRs");
    static final FieldDef COUNT_PREREQ = FieldDef.uint16("dns.count.prerequisites", "Prerequisites");
    static final FieldDef COUNT_AUTH = FieldDef.uint16("dns.count.auth_rr", "Authority RRs");
    static final FieldDef COUNT_UPDATES = FieldDef.uint16("dns.count.updates", "Updates");
    static final FieldDef COUNT_ADD = FieldDef.uint16("dns.count.add_rr", "Additional RRs");
    static final FieldDef QRY_NAME = FieldDef.string("dns.qry.name", "Name");
    static final FieldDef QRY_NAME_LEN = FieldDef.uint16("dns.qry.name.len", "Name Length");
    static final FieldDef COUNT_LABELS = FieldDef.uint16("dns.count.labels", "Label Count");
    static final FieldDef QRY_TYPE = FieldDef.uint16("dns.qry.type", "Type").vals(DnsTypes.DESCRIPTIONS);
    static final FieldDef QRY_CLASS = FieldDef.uint16("dns.qry.class", "Class").hex().vals(DnsValues.CLASSES);
    static final FieldDef QRY_CLASS_MDNS = FieldDef.uint16("dns.qry.class", "Class").hex().vals(DnsValues.CLASSES)
            .mask(0x7fff);
    static final FieldDef QRY_QU = FieldDef.bool("dns.qry.qu", "\"QU\" question", 16, 0x8000)
            .tfs(dev.dorsal.engine.spi.TrueFalse.TRUE_FALSE);
    static final FieldDef EXTRANEOUS_DATA = FieldDef.bytes("dns.extraneous.data", "Extraneous Data Bytes");
    static final FieldDef EXTRANEOUS_LENGTH = FieldDef.int32("dns.extraneous.length", "Extraneous Data Length");

    static final List<FieldDef> FIELDS = List.of(LENGTH, ID, FLAGS, F_QR, F_OPCODE, F_AA, F_TC, F_RD, F_RA, F_Z,
            F_AUTHENTICATED, F_AD, F_CD, F_RCODE, F_CONFLICT_QUERY, F_CONFLICT_RESPONSE, F_TENTATIVE, COUNT_QUERIES,
            COUNT_ZONES, COUNT_ANSWERS, COUNT_PREREQ,
            COUNT_AUTH, COUNT_UPDATES, COUNT_ADD, QRY_NAME, QRY_NAME_LEN, COUNT_LABELS, QRY_TYPE, QRY_CLASS, QRY_CLASS_MDNS, QRY_QU,
            EXTRANEOUS_DATA, EXTRANEOUS_LENGTH);

    private DnsDissector() {}

    /**
     * Dissects the message that starts at {@code msgStart} of {@code tvb} (0 over UDP, 2 over TCP,
     * where the length prefix is shown first); the protocol item covers all of {@code tvb}.
     */
    static int dissect(Tvb tvb, int msgStart, PacketInfo pinfo, ProtoItem parent) {
        return dissect(tvb, msgStart, pinfo, parent, false);
    }

    /** As {@link #dissect(Tvb, int, PacketInfo, ProtoItem)}; {@code mdns} for Multicast DNS (RFC 6762). */
    static int dissect(Tvb tvb, int msgStart, PacketInfo pinfo, ProtoItem parent, boolean mdns) {
        return dissect(tvb, msgStart, pinfo, parent, mdns ? MDNS : PROTO);
    }

    /** As {@link #dissect(Tvb, int, PacketInfo, ProtoItem)} for DNS or one of its variants (MDNS, LLMNR). */
    static int dissect(Tvb tvb, int msgStart, PacketInfo pinfo, ProtoItem parent, ProtocolDef variant) {
        boolean mdns = variant == MDNS;
        boolean llmnr = variant == LLMNR;
        boolean tcp = msgStart > 0;
        Columns cols = pinfo.columns();
        boolean detailed = parent.tree().detailed();
        // The columns are DNS's before the first read: a message too short for its ID is "DNS [Malformed]".
        cols.setProtocol(mdns ? "MDNS" : llmnr ? "LLMNR" : "DNS");
        cols.clearInfo();
        int id = tvb.u16(msgStart);
        int flags = tvb.u16(msgStart + 2);
        boolean response = (flags & F_RESPONSE) != 0;
        int opcode = (flags >> 11) & 0xf;
        int rcode = flags & 0xf;

        if (cols.enabled()) {
            StringBuilder info = new StringBuilder(64);
            info.append(opcodeName(opcode));
            if (response) {
                info.append(" response");
            }
            info.append(" 0x");
            hex4(info, id);
            if (response && rcode != 0) {
                info.append(' ').append(rcodeName(rcode));
            }
            cols.setInfo(info.toString());
        }

        ProtoItem dns = parent.addProtocol(variant, tvb, 0, tvb.length(), detailed
                ? variant.name() + " (" + (response ? "response" : "query") + ")" : null);
        DnsTransactions.Match match = DnsTransactions.track(pinfo, id, response);

        if (tcp) {
            dns.add(LENGTH, tvb, msgStart - 2, 2);
        }
        ProtoItem idItem = dns.add(ID, tvb, msgStart, 2);
        addFlags(dns, tvb, msgStart + 2, flags, detailed, llmnr);

        boolean update = opcode == OPCODE_UPDATE;
        // Each count is shown before the next is read, so a header cut short keeps the counts it has.
        dns.add(update ? COUNT_ZONES : COUNT_QUERIES, tvb, msgStart + 4, 2);
        int quest = tvb.u16(msgStart + 4);
        dns.add(update ? COUNT_PREREQ : COUNT_ANSWERS, tvb, msgStart + 6, 2);
        int ans = tvb.u16(msgStart + 6);
        dns.add(update ? COUNT_UPDATES : COUNT_AUTH, tvb, msgStart + 8, 2);
        int auth = tvb.u16(msgStart + 8);
        dns.add(COUNT_ADD, tvb, msgStart + 10, 2);
        int add = tvb.u16(msgStart + 10);

        DnsMessage msg = new DnsMessage(tvb, msgStart, pinfo, dns, mdns);
        int off = msgStart + HEADER_LEN;
        if (quest > 0) {
            off = section(msg, off, quest, update ? "Zone" : "Queries", true);
        }
        if (ans > 0) {
            off = section(msg, off, ans, update ? "Prerequisites" : "Answers", false);
        }
        if (auth > 0) {
            off = section(msg, off, auth, update ? "Updates" : "Authoritative nameservers", false);
        }
        if (add > 0) {
            off = section(msg, off, add, "Additional records", false);
        }
        int extra = tvb.reportedLength() - off;
        if (extra > 0) {
            addExtraneous(dns, tvb, off, extra, detailed);
        }
        DnsTransactions.addItems(match, dns, idItem, tvb, pinfo, response);
        return tvb.length();
    }

    /** Adds one section as a text subtree ("Queries", "Answers"…) and returns the offset after it. */
    private static int section(DnsMessage msg, int off, int count, String title, boolean questions) {
        // tshark's section item runs to the end of the message: it cannot start past it
        msg.ensure(off, 1);
        // to the end of the captured bytes until its records are read (what a malformed one keeps)
        ProtoItem sub = msg.root.addText(msg.tvb, off, Math.max(0, msg.tvb.remaining(off)), title);
        int start = off;
        for (int i = 0; i < count; i++) {
            off += questions ? DnsQuestion.dissect(msg, off, sub) : DnsRecords.dissect(msg, off, sub);
        }
        if (sub != msg.root) {
            sub.setLength(off - start);
        }
        return off;
    }

    /** Adds the flags word with the bits tshark shows for a query or a response. */
    private static void addFlags(ProtoItem dns, Tvb tvb, int off, int flags, boolean detailed, boolean llmnr) {
        boolean response = (flags & F_RESPONSE) != 0;
        ProtoItem f = dns.add(FLAGS, tvb, off, 2);
        if (detailed) {
            StringBuilder sb = new StringBuilder(48).append("Flags: 0x");
            hex4(sb, flags);
            // Unlike Info, the flags summary names unknown codes without their number.
            String op = DnsValues.OPCODES.name((flags >> 11) & 0xf);
            sb.append(' ').append(op != null ? op : "Unknown operation");
            if (response) {
                String rc = DnsValues.RCODES.name(flags & 0xf);
                sb.append(" response, ").append(rc != null ? rc : "Unknown error");
            }
            f.setText(sb.toString());
        }
        f.add(F_QR, tvb, off, 2);
        f.add(F_OPCODE, tvb, off, 2);
        if (llmnr) {
            f.add(response ? F_CONFLICT_RESPONSE : F_CONFLICT_QUERY, tvb, off, 2);
            f.add(F_TC, tvb, off, 2);
            f.add(F_TENTATIVE, tvb, off, 2);
            if (response) {
                f.add(F_RCODE, tvb, off, 2);
            }
            return;
        }
        if (response) {
            f.add(F_AA, tvb, off, 2);
        }
        f.add(F_TC, tvb, off, 2);
        f.add(F_RD, tvb, off, 2);
        if (response) {
            f.add(F_RA, tvb, off, 2);
        }
        f.add(F_Z, tvb, off, 2);
        if (response) {
            f.add(F_AUTHENTICATED, tvb, off, 2);
        } else if ((flags & F_AUTHENTIC) != 0) {
            f.add(F_AD, tvb, off, 2);
        }
        f.add(F_CD, tvb, off, 2);
        if (response) {
            f.add(F_RCODE, tvb, off, 2);
        }
    }

    private static void addExtraneous(ProtoItem dns, Tvb tvb, int off, int extra, boolean detailed) {
        ProtoItem sub = dns.addText(tvb, off, extra, "Extraneous Data (" + extra + " bytes)");
        ProtoItem parent = detailed ? sub : dns;
        parent.add(EXTRANEOUS_DATA, tvb, off, extra);
        ProtoItem len = parent.addUint(EXTRANEOUS_LENGTH, tvb, off, extra, extra);
        if (len != parent) {
            len.setGenerated();
        }
    }

    static String opcodeName(int opcode) {
        String s = DnsValues.OPCODES.name(opcode);
        return s != null ? s : "Unknown operation (" + opcode + ")";
    }

    static String rcodeName(int rcode) {
        String s = DnsValues.RCODES.name(rcode);
        return s != null ? s : "Unknown error (" + rcode + ")";
    }

    static void hex4(StringBuilder sb, int v) {
        String h = Integer.toHexString(v & 0xffff);
        for (int i = h.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(h);
    }
}
