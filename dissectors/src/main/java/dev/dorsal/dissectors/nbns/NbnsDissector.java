package dev.dorsal.dissectors.nbns;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * Reads the NetBIOS Name Service (RFC 1002 §4.2, UDP port 137): the DNS-like header and flags, then
 * questions and resource records whose names are first-level encoded NetBIOS names. NB records
 * carry name flags and addresses, NBSTAT records the node status name list and statistics, and a
 * WACK response the flags of the request it acknowledges. Filter prefix {@code nbns.}.
 *
 * <pre>
 * | ID (16) | flags: R opcode(4) AA TC RD RA 0 0 B rcode(4) | QD | AN | NS | AR | questions | RRs |
 * </pre>
 */
public final class NbnsDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("NetBIOS Name Service", "NBNS", "nbns");
    static final int PORT = 137;

    static final int OPCODE_WACK = 7;
    static final int T_NB = 32;
    static final int T_NBSTAT = 33;

    static final ValueString OPCODES = ValueString.of(0, "Name query", 5, "Registration", 6, "Release",
            OPCODE_WACK, "Wait for acknowledgment", 8, "Refresh", 9, "Refresh (alternate opcode)",
            15, "Multi-homed registration");
    static final ValueString RCODES = ValueString.of(0, "No error", 1, "Request was invalidly formatted",
            2, "Server failure", 3, "Requested name does not exist", 4, "Request is not implemented",
            5, "Request was refused", 6, "Name is owned by another node", 7, "Name is in conflict");
    static final ValueString TYPES = ValueString.of(T_NB, "NB", T_NBSTAT, "NBSTAT");
    static final ValueString CLASSES = ValueString.of(1, "IN", 2, "CS", 3, "CH", 4, "HS", 254, "NONE", 255, "ANY");
    /** tshark's ONT names keyed by the unshifted bits, so only B-node (0) matches a shifted value. */
    static final ValueString NAME_ONT = ValueString.of(0, "B-node", 0x2000, "P-node", 0x4000, "M-node");
    static final ValueString NB_ONT = ValueString.of(0, "B-node", 0x2000, "P-node", 0x4000, "M-node",
            0x6000, "H-node");
    static final TrueFalse YES_NO = TrueFalse.YES_NO;
    static final TrueFalse GROUP = new TrueFalse("Group name", "Unique name");

    static final FieldDef FLAGS = FieldDef.uint16("nbns.flags", "Flags").hex();
    static final FieldDef F_RESPONSE = FieldDef.bool("nbns.flags.response", "Response", 16, 0x8000)
            .tfs(new TrueFalse("Message is a response", "Message is a query")).blurb("Is the message a response?");
    static final FieldDef F_OPCODE = FieldDef.uint16("nbns.flags.opcode", "Opcode").mask(0x7800).vals(OPCODES)
            .blurb("Operation code");
    static final FieldDef F_AUTHORITATIVE = FieldDef.bool("nbns.flags.authoritative", "Authoritative", 16, 0x400)
            .tfs(new TrueFalse("Server is an authority for domain", "Server is not an authority for domain"))
            .blurb("Is the server is an authority for the domain?");
    static final FieldDef F_TRUNCATED = FieldDef.bool("nbns.flags.truncated", "Truncated", 16, 0x200)
            .tfs(new TrueFalse("Message is truncated", "Message is not truncated")).blurb("Is the message truncated?");
    static final FieldDef F_RECDESIRED = FieldDef.bool("nbns.flags.recdesired", "Recursion desired", 16, 0x100)
            .tfs(new TrueFalse("Do query recursively", "Don't do query recursively")).blurb("Do query recursively?");
    static final FieldDef F_RECAVAIL = FieldDef.bool("nbns.flags.recavail", "Recursion available", 16, 0x80)
            .tfs(new TrueFalse("Server can do recursive queries", "Server can't do recursive queries"))
            .blurb("Can the server do recursive queries?");
    static final FieldDef F_BROADCAST = FieldDef.bool("nbns.flags.broadcast", "Broadcast", 16, 0x10)
            .tfs(new TrueFalse("Broadcast packet", "Not a broadcast packet")).blurb("Is this a broadcast packet?");
    static final FieldDef F_RCODE = FieldDef.uint16("nbns.flags.rcode", "Reply code").mask(0x000f).vals(RCODES);
    static final FieldDef ID = FieldDef.uint16("nbns.id", "Transaction ID").hex()
            .blurb("Identification of transaction");
    static final FieldDef COUNT_QUERIES = FieldDef.uint16("nbns.count.queries", "Questions")
            .blurb("Number of queries in packet");
    static final FieldDef COUNT_ANSWERS = FieldDef.uint16("nbns.count.answers", "Answer RRs")
            .blurb("Number of answers in packet");
    static final FieldDef COUNT_AUTH_RR = FieldDef.uint16("nbns.count.auth_rr", "Authority RRs")
            .blurb("Number of authoritative records in packet");
    static final FieldDef COUNT_ADD_RR = FieldDef.uint16("nbns.count.add_rr", "Additional RRs")
            .blurb("Number of additional records in packet");
    static final FieldDef NAME_FLAGS = FieldDef.uint16("nbns.name_flags", "Name flags").hex();
    static final FieldDef NAME_FLAGS_GROUP = FieldDef.bool("nbns.name_flags.group", "Name type", 16, 0x8000)
            .tfs(GROUP);
    static final FieldDef NAME_FLAGS_ONT = FieldDef.uint16("nbns.name_flags.ont", "ONT").mask(0x6000).vals(NAME_ONT);
    static final FieldDef NAME_FLAGS_DRG = FieldDef.bool("nbns.name_flags.drg", "Name is being deregistered", 16,
            0x1000).tfs(YES_NO);
    static final FieldDef NAME_FLAGS_CNF = FieldDef.bool("nbns.name_flags.cnf", "Name is in conflict", 16, 0x800)
            .tfs(YES_NO);
    static final FieldDef NAME_FLAGS_ACT = FieldDef.bool("nbns.name_flags.act", "Name is active", 16, 0x400)
            .tfs(YES_NO);
    static final FieldDef NAME_FLAGS_PRM = FieldDef.bool("nbns.name_flags.prm", "Permanent node name", 16, 0x200)
            .tfs(YES_NO);
    static final FieldDef NB_FLAGS = FieldDef.uint16("nbns.nb_flags", "Name flags").hex();
    static final FieldDef NB_FLAGS_GROUP = FieldDef.bool("nbns.nb_flags.group", "Name type", 16, 0x8000).tfs(GROUP);
    static final FieldDef NB_FLAGS_ONT = FieldDef.uint16("nbns.nb_flags.ont", "ONT").mask(0x6000).vals(NB_ONT);
    static final FieldDef TYPE = FieldDef.uint16("nbns.type", "Type").vals(TYPES);
    static final FieldDef CLASS = FieldDef.uint16("nbns.class", "Class").vals(CLASSES);
    static final FieldDef NAME = FieldDef.string("nbns.name", "Name");
    static final FieldDef ADDR = FieldDef.ipv4("nbns.addr", "Addr");
    static final FieldDef NUMBER_OF_NAMES = FieldDef.uint8("nbns.number_of_names", "Number of names");
    static final FieldDef UNIT_ID = FieldDef.ether("nbns.unit_id", "Unit ID");
    static final FieldDef JUMPERS = FieldDef.uint8("nbns.jumpers", "Jumpers").hex();
    static final FieldDef TEST_RESULT = FieldDef.uint8("nbns.test_result", "Test result").hex();
    static final FieldDef VERSION_NUMBER = FieldDef.uint16("nbns.version_number", "Version number").hex();
    static final FieldDef PERIOD = FieldDef.uint16("nbns.period_of_statistics", "Period of statistics").hex();
    static final FieldDef NUM_CRCS = FieldDef.uint16("nbns.num_crcs", "Number of CRCs");
    static final FieldDef NUM_ALIGNMENT_ERRORS = FieldDef.uint16("nbns.num_alignment_errors",
            "Number of alignment errors");
    static final FieldDef NUM_COLLISIONS = FieldDef.uint16("nbns.num_collisions", "Number of collisions");
    static final FieldDef NUM_SEND_ABORTS = FieldDef.uint16("nbns.num_send_aborts", "Number of send aborts");
    static final FieldDef NUM_GOOD_SENDS = FieldDef.uint32("nbns.num_good_sends", "Number of good sends");
    static final FieldDef NUM_GOOD_RECEIVES = FieldDef.uint32("nbns.num_good_receives", "Number of good receives");
    static final FieldDef NUM_RETRANSMITS = FieldDef.uint16("nbns.numretransmits", "Number of retransmits");
    static final FieldDef NUM_NO_RESOURCE = FieldDef.uint16("nbns.num_no_resource_conditions",
            "Number of no resource conditions");
    static final FieldDef NUM_COMMAND_BLOCKS = FieldDef.uint16("nbns.numcommand_blocks", "Number of command blocks");
    static final FieldDef NUM_PENDING_SESSIONS = FieldDef.uint16("nbns.numpending_sessions",
            "Number of pending sessions");
    static final FieldDef MAX_PENDING_SESSIONS = FieldDef.uint16("nbns.max_num_pending_sessions",
            "Max number of pending sessions");
    static final FieldDef MAX_TOTAL_SESSIONS = FieldDef.uint16("nbns.max_total_sessions_possible",
            "Max total sessions possible");
    static final FieldDef SESSION_DATA_PACKET_SIZE = FieldDef.uint16("nbns.session_data_packet_size",
            "Session data packet size");
    static final FieldDef DATA = FieldDef.bytes("nbns.data", "Data");
    static final FieldDef NETBIOS_NAME = FieldDef.string("nbns.netbios_name", "Name");
    static final FieldDef TTL = FieldDef.uint32("nbns.ttl", "Time to live");
    static final FieldDef DATA_LENGTH = FieldDef.uint16("nbns.data_length", "Data length");

    static final List<FieldDef> FIELDS = List.of(FLAGS, F_RESPONSE, F_OPCODE, F_AUTHORITATIVE, F_TRUNCATED,
            F_RECDESIRED, F_RECAVAIL, F_BROADCAST, F_RCODE, ID, COUNT_QUERIES, COUNT_ANSWERS, COUNT_AUTH_RR,
            COUNT_ADD_RR, NAME_FLAGS, NAME_FLAGS_GROUP, NAME_FLAGS_ONT, NAME_FLAGS_DRG, NAME_FLAGS_CNF, NAME_FLAGS_ACT,
            NAME_FLAGS_PRM, NB_FLAGS, NB_FLAGS_GROUP, NB_FLAGS_ONT, TYPE, CLASS, NAME, ADDR, NUMBER_OF_NAMES, UNIT_ID,
            JUMPERS, TEST_RESULT, VERSION_NUMBER, PERIOD, NUM_CRCS, NUM_ALIGNMENT_ERRORS, NUM_COLLISIONS,
            NUM_SEND_ABORTS, NUM_GOOD_SENDS, NUM_GOOD_RECEIVES, NUM_RETRANSMITS, NUM_NO_RESOURCE, NUM_COMMAND_BLOCKS,
            NUM_PENDING_SESSIONS, MAX_PENDING_SESSIONS, MAX_TOTAL_SESSIONS, SESSION_DATA_PACKET_SIZE, DATA,
            NETBIOS_NAME, TTL, DATA_LENGTH);

    static final ExpertDef INCOMPLETE_ENTRY = new ExpertDef("nbns.incomplete_entry", "incomplete entry",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    /** The flag fields a query's flags show, and a response's. */
    static final List<FieldDef> QUERY_FLAGS = List.of(F_RESPONSE, F_OPCODE, F_TRUNCATED, F_RECDESIRED, F_BROADCAST);
    static final List<FieldDef> RESPONSE_FLAGS = List.of(F_RESPONSE, F_OPCODE, F_AUTHORITATIVE, F_TRUNCATED,
            F_RECDESIRED, F_RECAVAIL, F_BROADCAST, F_RCODE);
    static final List<FieldDef> WACK_RESPONSE_FLAGS = List.of(F_RESPONSE, F_OPCODE, F_AUTHORITATIVE, F_TRUNCATED,
            F_RECDESIRED, F_RECAVAIL, F_BROADCAST);
    static final List<FieldDef> NB_FLAG_FIELDS = List.of(NB_FLAGS_GROUP, NB_FLAGS_ONT);
    static final List<FieldDef> NAME_FLAG_FIELDS = List.of(NAME_FLAGS_GROUP, NAME_FLAGS_ONT, NAME_FLAGS_DRG,
            NAME_FLAGS_CNF, NAME_FLAGS_ACT, NAME_FLAGS_PRM);
    private static final String[] ONT_NAMES = {"B-node", "P-node", "M-node", "H-node"};

    @Override
    public String name() {
        return "nbns";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(INCOMPLETE_ENTRY));
        r.handle("nbns", PROTO, NbnsDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("nbns"));
    }

    /** tshark's Info word for an opcode. */
    static String opcodeName(int opcode) {
        return OPCODES.nameOr(opcode, "Unknown operation (" + opcode + ")");
    }

    private static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("NBNS");
        cols.clearInfo();
        int flags = tvb.u16(2);
        int opcode = (flags >> 11) & 0x0f;
        boolean response = (flags & 0x8000) != 0;
        if (cols.enabled()) {
            StringBuilder info = new StringBuilder(opcodeName(opcode));
            if (response) {
                info.append(" response");
                if ((flags & 0x0f) != 0) {
                    info.append(", ").append(RCODES.nameOr(flags & 0x0f, "Unknown error"));
                }
            }
            cols.setInfo(info.toString());
        }
        ProtoItem nbns = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        nbns.add(ID, tvb, 0, 2);
        flags(tvb, 2, nbns, flags);
        int qd = tvb.u16(4);
        nbns.add(COUNT_QUERIES, tvb, 4, 2);
        int an = tvb.u16(6);
        nbns.add(COUNT_ANSWERS, tvb, 6, 2);
        int ns = tvb.u16(8);
        nbns.add(COUNT_AUTH_RR, tvb, 8, 2);
        int ar = tvb.u16(10);
        nbns.add(COUNT_ADD_RR, tvb, 10, 2);
        int off = 12;
        if (qd > 0) {
            off = questions(tvb, off, qd, pinfo, nbns, response);
        }
        NbnsRecords records = new NbnsRecords(tvb, pinfo, opcode);
        if (an > 0) {
            off = records.section(off, an, "Answers", nbns, true);
        }
        if (ns > 0) {
            off = records.section(off, ns, "Authoritative nameservers", nbns, false);
        }
        if (ar > 0) {
            records.section(off, ar, "Additional records", nbns, false);
        }
        return tvb.length();
    }

    /** The flags word as a bitmask item, with the query's or the response's fields. */
    static void flags(Tvb tvb, int off, ProtoItem parent, int flags) {
        List<FieldDef> fields = (flags & 0x8000) != 0 ? RESPONSE_FLAGS : QUERY_FLAGS;
        Bitmask.add(parent, FLAGS, fields, tvb, off, flags);
    }

    private static int questions(Tvb tvb, int start, int count, PacketInfo pinfo, ProtoItem nbns, boolean response) {
        ProtoItem section = NbnsRecords.subtree(nbns, tvb, start, tvb.length() - start, "Queries");
        int off = start;
        for (int i = 0; i < count; i++) {
            NetbiosNames.Name name = NetbiosNames.read(tvb, off, 0);
            int used = name.used();
            int type = tvb.u16(off + used);
            int cls = tvb.u16(off + used + 2);
            String typeName = TYPES.nameOr(type, "Unknown");
            if (!response && pinfo.columns().enabled()) {
                pinfo.columns().appendInfo(" " + typeName + " " + name.text());
            }
            ProtoItem q = NbnsRecords.subtree(section, tvb, off, used + 4,
                    name.text() + ": type " + typeName + ", class " + CLASSES.nameOr(cls, "Unknown"));
            ProtoItem n = q.addString(NAME, tvb, off, used, name.text());
            if (n != q && name.valid() && q.tree().detailed()) {
                n.setText("Name: " + name.text() + " (" + NetbiosNames.typeName(name.type()) + ")");
            }
            q.add(TYPE, tvb, off + used, 2);
            q.add(CLASS, tvb, off + used + 2, 2);
            off += used + 4;
        }
        if (section != nbns) {
            section.setLength(off - start);
        }
        return off;
    }

    /** tshark's note after an NB record's name flags: the owner node type and unique or group. */
    static String nbFlagsNote(int flags) {
        return "(" + ONT_NAMES[(flags >> 13) & 3] + ", " + ((flags & 0x8000) != 0 ? "group" : "unique") + ")";
    }

    static String hex4(int v) {
        return String.format(Locale.ROOT, "0x%04x", v);
    }
}
