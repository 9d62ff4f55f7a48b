package dev.dorsal.dissectors.ntp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * The headers of NTP control messages (mode 6, RFC 1305 appendix B, as ntpq sends them) and of
 * ntpd's private messages (mode 7, as ntpdc sends them). Their payloads (control variables,
 * monitor lists, …) are not decoded: docs/compat.md.
 */
final class NtpControl {
    static final ValueString REQUEST_RESPONSE = ValueString.of(0, "Request", 1, "Response");
    static final ValueString OPCODES = ValueString.of(0, "reserved", 1, "read status", 2, "read variables",
            3, "write variables", 4, "read clock variables", 5, "write clock variables", 6, "set trap address/port",
            7, "asynchronous message", 8, "runtime configuration", 9, "save config to file",
            10, "retrieve MRU (mrulist)", 11, "retrieve ordered list", 12, "request a client nonce",
            31, "unset trap address/port");
    static final ValueString ERROR_STATUS = ValueString.of(0, "unspecified", 1, "authentication failure",
            2, "invalid message length or format", 3, "invalid opcode", 4, "unknown association identifier",
            5, "unknown variable name", 6, "invalid variable value", 7, "administratively prohibited");
    static final ValueString CLOCK_SOURCES = ValueString.of(0, "unspecified or unknown",
            1, "Calibrated atomic clock (e.g. HP 5061)", 2, "VLF (band 4) or LF (band 5) radio (e.g. OMEGA, WWVB)",
            3, "HF (band 7) radio (e.g. CHU, MSF, WWV/H)", 4, "UHF (band 9) satellite (e.g. GOES, GPS)",
            5, "local net (e.g. DCN, TSP, DTS)", 6, "UDP/NTP", 7, "UDP/TIME", 8, "eyeball-and-wristwatch",
            9, "telephone modem (e.g. NIST)");
    static final ValueString SYSTEM_EVENTS = ValueString.of(0, "unspecified",
            1, "frequency correction (drift) file not available", 2, "frequency correction started (frequency stepped)",
            3, "spike detected and ignored, starting stepout timer", 4, "frequency training started",
            5, "clock synchronized", 6, "system restart", 7, "panic stop (required step greater than panic threshold)",
            8, "no system peer", 9, "leap second insertion/deletion armed", 10, "leap second disarmed",
            11, "leap second inserted or deleted", 12, "clock stepped (stepout timer expired)",
            13, "kernel loop discipline status changed", 14, "leapseconds table loaded from file",
            15, "leapseconds table outdated, updated file needed");
    static final ValueString PEER_SELECTIONS = ValueString.of(0, "rejected",
            1, "passed sanity checks (tests 1 through 8 in Section 3.4.3)",
            2, "passed correctness checks (intersection algorithm in Section 4.2.1)",
            3, "passed candidate checks (if limit check implemented)",
            4, "passed outlier checks (clustering algorithm in Section 4.2.2)",
            5, "current synchronization source; max distance exceeded (if limit check implemented)",
            6, "current synchronization source; max distance okay", 7, "reserved");
    static final ValueString PEER_EVENTS = ValueString.of(0, "unspecified", 1, "association mobilized",
            2, "association demobilized", 3, "peer unreachable (peer.reach was nonzero now zero)",
            4, "peer reachable (peer.reach was zero now nonzero)", 5, "association restarted or timed out",
            6, "no server found (ntpdate mode)", 7, "rate exceeded (kiss code RATE)",
            8, "access denied (kiss code DENY)", 9, "leap armed from server LI code", 10, "become system peer",
            11, "reference clock event (see clock status word)", 12, "authentication failure",
            13, "popcorn spike suppressor", 14, "entering interleave mode", 15, "interleave error (recovered)");
    static final ValueString CLOCK_STATUS = ValueString.of(0, "clock operating within nominals", 1, "reply timeout",
            2, "bad reply format", 3, "hardware or software fault", 4, "propagation failure",
            5, "bad date format or value", 6, "bad time format or value");
    static final ValueString IMPLEMENTATIONS = ValueString.of(0, "UNIV", 2, "XNTPD_OLD (pre-IPv6)", 3, "XNTPD");
    static final ValueString REQUEST_CODES = ValueString.of(0, "PEER_LIST", 1, "PEER_LIST_SUM", 2, "PEER_INFO",
            3, "PEER_STATS", 4, "SYS_INFO", 5, "SYS_STATS", 6, "IO_STATS", 7, "MEM_STATS", 8, "LOOP_INFO",
            9, "TIMER_STATS", 10, "CONFIG", 11, "UNCONFIG", 12, "SET_SYS_FLAG", 13, "CLR_SYS_FLAG", 14, "MONITOR",
            15, "NOMONITOR", 16, "GET_RESTRICT", 17, "RESADDFLAGS", 18, "RESSUBFLAGS", 19, "UNRESTRICT",
            20, "MON_GETLIST", 21, "RESET_STATS", 22, "RESET_PEER", 23, "REREAD_KEYS", 24, "DO_DIRTY_HACK",
            25, "DONT_DIRTY_HACK", 26, "TRUSTKEY", 27, "UNTRUSTKEY", 28, "AUTHINFO", 29, "TRAPS", 30, "ADD_TRAP",
            31, "CLR_TRAP", 32, "REQUEST_KEY", 33, "CONTROL_KEY", 34, "GET_CTLSTATS", 35, "GET_LEAPINFO",
            36, "GET_CLOCKINFO", 37, "SET_CLKFUDGE", 38, "GET_KERNEL", 39, "GET_CLKBUGINFO", 41, "SET_PRECISION",
            42, "MON_GETLIST_1", 43, "HOSTNAME_ASSOCID", 44, "IF_STATS", 45, "IF_RELOAD");

    static final FieldDef FLAGS2 = FieldDef.uint8("ntp.ctrl.flags2", "Flags 2").hex();
    static final FieldDef FLAGS2_R = FieldDef.uint8("ntp.ctrl.flags2.r", "Response bit").mask(0x80).vals(REQUEST_RESPONSE);
    static final FieldDef FLAGS2_ERROR = FieldDef.uint8("ntp.ctrl.flags2.error", "Error bit").mask(0x40);
    static final FieldDef FLAGS2_MORE = FieldDef.uint8("ntp.ctrl.flags2.more", "More bit").mask(0x20);
    static final FieldDef FLAGS2_OPCODE = FieldDef.uint8("ntp.ctrl.flags2.opcode", "Opcode").mask(0x1f).vals(OPCODES);
    static final FieldDef SEQUENCE = FieldDef.uint16("ntp.ctrl.sequence", "Sequence");
    static final FieldDef STATUS = FieldDef.uint16("ntp.ctrl.status", "Status").hex();
    static final FieldDef ERR_STATUS = FieldDef.uint16("ntp.ctrl.err_status", "Error Status Word").mask(0xff00)
            .vals(ERROR_STATUS);
    static final FieldDef SYS_LI = FieldDef.uint16("ntp.ctrl.sys_status.li", "Leap Indicator").mask(0xc000)
            .vals(NtpDissector.LEAP);
    static final FieldDef SYS_CLKSRC = FieldDef.uint16("ntp.ctrl.sys_status.clksrc", "Clock Source").mask(0x3f00)
            .vals(CLOCK_SOURCES);
    static final FieldDef SYS_COUNT = FieldDef.uint16("ntp.ctrl.sys_status.count", "System Event Counter").mask(0xf0);
    static final FieldDef SYS_CODE = FieldDef.uint16("ntp.ctrl.sys_status.code", "System Event Code").mask(0xf)
            .vals(SYSTEM_EVENTS);
    static final FieldDef PEER_CONFIG = FieldDef.bool("ntp.ctrl.peer_status.config", "Peer Status", 16, 0x8000)
            .tfs(new TrueFalse("configured (peer.config)", "not configured (peer.config)"));
    static final FieldDef PEER_AUTHENABLE = FieldDef.bool("ntp.ctrl.peer_status.authenable", "Peer Status", 16, 0x4000)
            .tfs(new TrueFalse("authentication enabled (peer.authenable)", "authentication disabled (peer.authenable)"));
    static final FieldDef PEER_AUTHENTIC = FieldDef.bool("ntp.ctrl.peer_status.authentic", "Peer Status", 16, 0x2000)
            .tfs(new TrueFalse("authentication okay (peer.authentic)", "authentication not okay (peer.authentic)"));
    static final FieldDef PEER_REACH = FieldDef.bool("ntp.ctrl.peer_status.reach", "Peer Status", 16, 0x1000)
            .tfs(new TrueFalse("reachability okay (peer.reach != 0)", "reachability not okay (peer.reach != 0)"));
    static final FieldDef PEER_BCAST = FieldDef.bool("ntp.ctrl.peer_status.bcast",
            "Peer Status broadcast association", 16, 0x0800).tfs(TrueFalse.SET);
    static final FieldDef PEER_SELECTION = FieldDef.uint16("ntp.ctrl.peer_status.selection", "Peer Selection")
            .mask(0x0700).vals(PEER_SELECTIONS);
    static final FieldDef PEER_COUNT = FieldDef.uint16("ntp.ctrl.peer_status.count", "Peer Event Counter").mask(0xf0);
    static final FieldDef PEER_CODE = FieldDef.uint16("ntp.ctrl.peer_status.code", "Peer Event Code").mask(0xf)
            .vals(PEER_EVENTS);
    static final FieldDef CLOCK_STATUS_FIELD = FieldDef.uint16("ntp.ctrl.clock_status.status", "Clock Status")
            .mask(0xff00).vals(CLOCK_STATUS);
    static final FieldDef CLOCK_CODE = FieldDef.uint16("ntp.ctrl.clock_status.code", "Clock Event Code").mask(0xff);
    static final FieldDef ASSOCID = FieldDef.uint16("ntp.ctrl.associd", "AssociationID");
    static final FieldDef OFFSET = FieldDef.uint16("ntp.ctrl.offset", "Offset");
    static final FieldDef COUNT = FieldDef.uint16("ntp.ctrl.count", "Count");
    static final FieldDef DATA = FieldDef.none("ntp.ctrl.data", "Data");

    static final FieldDef PRIV_R = FieldDef.uint8("ntp.priv.flags.r", "Response bit").mask(0x80).vals(REQUEST_RESPONSE);
    static final FieldDef PRIV_MORE = FieldDef.uint8("ntp.priv.flags.more", "More bit").mask(0x40);
    static final FieldDef AUTH_SEQ = FieldDef.uint8("ntp.priv.auth_seq", "Auth, sequence");
    static final FieldDef AUTH = FieldDef.uint8("ntp.priv.auth", "Auth bit").mask(0x80);
    static final FieldDef SEQ = FieldDef.uint8("ntp.priv.seq", "Sequence number").mask(0x7f);
    static final FieldDef IMPL = FieldDef.uint8("ntp.priv.impl", "Implementation").vals(IMPLEMENTATIONS);
    static final FieldDef REQCODE = FieldDef.uint8("ntp.priv.reqcode", "Request code").vals(REQUEST_CODES);
    static final FieldDef ERR = FieldDef.uint8("ntp.priv.err", "Err").hex();
    static final FieldDef NUMITEMS = FieldDef.uint16("ntp.priv.numitems", "Number of data items");
    static final FieldDef RESERVED = FieldDef.uint8("ntp.priv.reserved", "Reserved").hex();
    static final FieldDef ITEMSIZE = FieldDef.uint16("ntp.priv.itemsize", "Size of data item");

    static final List<FieldDef> FIELDS = List.of(FLAGS2, FLAGS2_R, FLAGS2_ERROR, FLAGS2_MORE, FLAGS2_OPCODE, SEQUENCE,
            STATUS, ERR_STATUS, SYS_LI, SYS_CLKSRC, SYS_COUNT, SYS_CODE, PEER_CONFIG, PEER_AUTHENABLE, PEER_AUTHENTIC,
            PEER_REACH, PEER_BCAST, PEER_SELECTION, PEER_COUNT, PEER_CODE, CLOCK_STATUS_FIELD, CLOCK_CODE, ASSOCID,
            OFFSET, COUNT, DATA, PRIV_R, PRIV_MORE, AUTH_SEQ, AUTH, SEQ, IMPL, REQCODE, ERR, NUMITEMS, RESERVED,
            ITEMSIZE);

    /** Control opcodes whose status word is a clock status. */
    private static final int READ_CLOCK = 4;
    private static final int WRITE_CLOCK = 5;
    private static final int CONTROL_HEADER = 12;
    private static final int PRIVATE_HEADER = 8;

    private NtpControl() {}

    static void dissect(Tvb tvb, PacketInfo pinfo, ProtoItem ntp, int mode, Columns cols) {
        if (mode == NtpDissector.MODE_CONTROL) {
            control(tvb, pinfo, ntp);
        } else {
            priv(tvb, pinfo, ntp, cols);
        }
    }

    private static void control(Tvb tvb, PacketInfo pinfo, ProtoItem ntp) {
        int flags = tvb.u8(0);
        ProtoItem flagsItem = ntp.add(NtpDissector.FLAGS, tvb, 0, 1);
        NtpDissector.label(flagsItem, String.format("Flags: 0x%02x, Leap Indicator: %s, Version number: %s, Mode: %s",
                flags, NtpDissector.LEAP.name(flags >> 6), NtpDissector.VERSIONS.name((flags >> 3) & 7),
                NtpDissector.MODES.name(flags & 7)));
        flagsItem.add(NtpDissector.LI, tvb, 0, 1);
        flagsItem.add(NtpDissector.VN, tvb, 0, 1);
        flagsItem.add(NtpDissector.MODE, tvb, 0, 1);
        int flags2 = tvb.u8(1);
        boolean response = (flags2 & 0x80) != 0;
        int opcode = flags2 & 0x1f;
        ProtoItem f2 = ntp.add(FLAGS2, tvb, 1, 1);
        NtpDissector.label(f2, String.format("Flags 2: 0x%02x, Response bit: %s, Opcode: %s", flags2,
                REQUEST_RESPONSE.name(response ? 1 : 0), OPCODES.nameOr(opcode, "Unknown")));
        f2.add(FLAGS2_R, tvb, 1, 1);
        f2.add(FLAGS2_ERROR, tvb, 1, 1);
        f2.add(FLAGS2_MORE, tvb, 1, 1);
        f2.add(FLAGS2_OPCODE, tvb, 1, 1);
        int sequence = tvb.u16(2);
        ntp.add(SEQUENCE, tvb, 2, 2);
        NtpTransactions.show(pinfo, ntp, tvb, response);
        int status = tvb.u16(4);
        int associd = tvb.u16(6);
        ProtoItem statusItem = ntp.add(STATUS, tvb, 4, 2);
        if (response) {
            statusWord(tvb, statusItem, status, (flags2 & 0x40) != 0, associd, opcode);
        }
        ntp.add(ASSOCID, tvb, 6, 2);
        ntp.add(OFFSET, tvb, 8, 2);
        int count = tvb.u16(10);
        ntp.add(COUNT, tvb, 10, 2);
        NtpTransactions.track(pinfo, sequence, response);
        if (count > 0) {
            ntp.add(DATA, tvb, CONTROL_HEADER, Math.min(count, tvb.length() - CONTROL_HEADER));
            tvb.bytes(CONTROL_HEADER, count); // a count past the end of the packet makes it malformed
        }
    }

    /** A response's status word: error status, system status (association 0), clock status or peer status. */
    private static void statusWord(Tvb tvb, ProtoItem item, int status, boolean error, int associd, int opcode) {
        StringBuilder label = new StringBuilder(String.format("Status: 0x%04x", status));
        List<FieldDef> fields;
        if (error) {
            fields = List.of(ERR_STATUS);
        } else if (associd == 0) {
            fields = List.of(SYS_LI, SYS_CLKSRC, SYS_COUNT, SYS_CODE);
        } else if (opcode == READ_CLOCK || opcode == WRITE_CLOCK) {
            fields = List.of(CLOCK_STATUS_FIELD, CLOCK_CODE);
        } else {
            fields = List.of(PEER_CONFIG, PEER_AUTHENABLE, PEER_AUTHENTIC, PEER_REACH, PEER_BCAST, PEER_SELECTION,
                    PEER_COUNT, PEER_CODE);
        }
        for (FieldDef f : fields) {
            long value = (status & f.mask()) >> Long.numberOfTrailingZeros(f.mask());
            if (f.trueFalse() != null) {
                if (value != 0) {
                    label.append(", ").append(f.name());
                }
            } else if (f.values() != null) {
                label.append(", ").append(f.name()).append(": ").append(f.values().nameOr(value, "Unknown"));
            }
            item.add(f, tvb, 4, 2);
        }
        NtpDissector.label(item, label.toString());
    }

    private static void priv(Tvb tvb, PacketInfo pinfo, ProtoItem ntp, Columns cols) {
        int flags = tvb.u8(0);
        boolean authenticated = tvb.length() > 1 && (tvb.u8(1) & 0x80) != 0;
        boolean response = (flags & 0x80) != 0;
        ProtoItem flagsItem = ntp.add(NtpDissector.FLAGS, tvb, 0, 1);
        NtpDissector.label(flagsItem, String.format("Flags: 0x%02x, Response bit: %s, Version number: %s, Mode: %s",
                flags, REQUEST_RESPONSE.name(response ? 1 : 0), NtpDissector.VERSIONS.name((flags >> 3) & 7),
                NtpDissector.MODES.name(flags & 7)));
        flagsItem.add(PRIV_R, tvb, 0, 1);
        flagsItem.add(PRIV_MORE, tvb, 0, 1);
        flagsItem.add(NtpDissector.VN, tvb, 0, 1);
        flagsItem.add(NtpDissector.MODE, tvb, 0, 1);
        ProtoItem authSeq = ntp.add(AUTH_SEQ, tvb, 1, 1);
        authSeq.add(AUTH, tvb, 1, 1);
        authSeq.add(SEQ, tvb, 1, 1);
        ntp.add(IMPL, tvb, 2, 1);
        int reqcode = tvb.u8(3);
        ntp.add(REQCODE, tvb, 3, 1);
        cols.appendInfo(", " + REQUEST_RESPONSE.name(response ? 1 : 0) + ", "
                + REQUEST_CODES.nameOr(reqcode, "Unknown"));
        NtpTransactions.show(pinfo, ntp, tvb, response);
        if (!response && authenticated) {
            // An authenticated request carries its key ID and MAC after the header; none here is malformed.
            tvb.u8(PRIVATE_HEADER);
        }
        // Two 4-bit fields each share their 16-bit word with a 12-bit count; tshark draws them as below.
        if (IMPLEMENTATIONS.name(tvb.u8(2)) == null) {
            return; // tshark reads no further into a message of an implementation it does not know
        }
        int err = tvb.u8(4) >> 4;
        NtpDissector.label(ntp.addUint(ERR, tvb, 4, 1, err),
                String.format("%s = Err: %s (0x%02x)", nibble(err), err == 0 ? "No error" : "Unknown", err));
        int errItems = tvb.u16(4);
        NtpDissector.label(ntp.addUint(NUMITEMS, tvb, 4, 2, errItems & 0xfff),
                twelveBits(errItems & 0xfff) + " = Number of data items: " + (errItems & 0xfff));
        int mbzSize = tvb.u16(6);
        NtpDissector.label(ntp.addUint(RESERVED, tvb, 6, 1, mbzSize >> 12),
                String.format("%s = Reserved: 0x%02x", nibble(mbzSize >> 12), mbzSize >> 12));
        NtpDissector.label(ntp.addUint(ITEMSIZE, tvb, 6, 2, mbzSize & 0xfff),
                twelveBits(mbzSize & 0xfff) + " = Size of data item: " + (mbzSize & 0xfff));
        NtpTransactions.track(pinfo, NtpTransactions.PRIVATE, response);
        int dataLength = (errItems & 0xfff) * (mbzSize & 0xfff);
        if (response && dataLength > 0) {
            tvb.bytes(PRIVATE_HEADER, dataLength); // items past the end of the packet make it malformed
        }
    }

    /** "0101 ....": a value in the high nibble of a byte. */
    private static String nibble(int v) {
        String bits = String.format("%4s", Integer.toBinaryString(v & 0xf)).replace(' ', '0');
        return bits + " ....";
    }

    /** ".... 0000  0000 0101": a value in the low 12 bits of a 16-bit word. */
    private static String twelveBits(int v) {
        String bits = String.format("%12s", Integer.toBinaryString(v & 0xfff)).replace(' ', '0');
        return ".... " + bits.substring(0, 4) + "  " + bits.substring(4, 8) + " " + bits.substring(8);
    }
}
