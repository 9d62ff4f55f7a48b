package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Walks the TCP options (RFC 9293 §3.1, kind/length/value) into one subtree per option, appends
 * their Info items ({@code MSS=1460 SACK_PERM TSval=… TSecr=… WS=128 SLE=… SRE=…}) and records what
 * the connection must remember: the window scale shift and the SACK blocks.
 *
 * <p>Options tshark decodes in full here: EOL, NOP, MSS, window scale, SACK permitted, SACK (edges
 * relative to the peer's ISN, D-SACK detection), timestamps, echo, CC, MD5, user timeout, TCP AO,
 * TCP Fast Open (kind 34 and the experimental kinds with its magic), and the MPTCP subtype. Other
 * kinds show their kind and length only.
 */
final class TcpOptions {
    static final int EOL = 0;
    static final int NOP = 1;
    static final int MSS = 2;
    static final int WSCALE = 3;
    static final int SACK_PERM = 4;
    static final int SACK = 5;
    static final int ECHO = 6;
    static final int ECHO_REPLY = 7;
    static final int TIMESTAMP = 8;
    static final int CC = 11;
    static final int CC_NEW = 12;
    static final int CC_ECHO = 13;
    static final int MD5 = 19;
    static final int USER_TO = 28;
    static final int AO = 29;
    static final int MPTCP = 30;
    static final int TFO = 34;
    static final int EXP1 = 253;
    static final int EXP2 = 254;
    private static final int TFO_MAGIC = 0xf989;

    static final ValueString KINDS = ValueString.builder()
            .add(0, "End of Option List").add(1, "No-Operation").add(2, "Maximum Segment Size")
            .add(3, "Window Scale").add(4, "SACK Permitted").add(5, "SACK").add(6, "Echo").add(7, "Echo Reply")
            .add(8, "Time Stamp Option").add(9, "Partial Order Connection Permitted")
            .add(10, "Partial Order Service Profile").add(11, "CC").add(12, "CC.NEW").add(13, "CC.ECHO")
            .add(14, "TCP Alternate Checksum Request").add(15, "TCP Alternate Checksum Data").add(16, "Skeeter")
            .add(17, "Bubba").add(18, "Trailer Checksum Option").add(19, "MD5 Signature Option")
            .add(20, "SCPS Capabilities").add(21, "Selective Negative Acknowledgements").add(22, "Record Boundaries")
            .add(23, "Corruption experienced").add(24, "SNAP").add(25, "Unassigned")
            .add(26, "TCP Compression Filter").add(27, "Quick-Start Response").add(28, "User Timeout Option")
            .add(29, "The TCP Authentication Option").add(30, "Multipath TCP").add(34, "TCP Fast Open Cookie")
            .add(76, "Riverbed Probe").add(78, "Riverbed Transparency").add(172, "Accurate ECN Order 0")
            .add(174, "Accurate ECN Order 1").add(253, "RFC3692-style Experiment 1")
            .add(254, "RFC3692-style Experiment 2").build();
    static final ValueString EXPERIMENT_IDS = ValueString.builder()
            .add(0xac, "TCP ACK Rate Request").add(0x348, "Host ID").add(0xa0d, "Autonomous System Compensation")
            .add(0xca0, "Capability Option").add(0xed0, "Extended Data Offset").add(0x454e, "Encryption Negotiation")
            .add(0x5323, "Service Number").add(0x75ec, "Timestamp Interval").add(0xacc0, "Accurate ECN - Order 0")
            .add(0xacc1, "Accurate ECN - Order 1").add(0xacce, "Accurate ECN")
            .add(0xe2d4, "Shared Memory communications over RMDA protocol").add(0xf989, "Fast Open")
            .add(0xf990, "Low Latency").build();

    static final FieldDef OPTIONS = FieldDef.bytes("tcp.options", "TCP Options");
    static final FieldDef KIND = FieldDef.uint8("tcp.option_kind", "Kind").vals(KINDS);
    static final FieldDef LEN = FieldDef.uint8("tcp.option_len", "Length");
    static final FieldDef OPT_EOL = option("eol", "End of Option List (EOL)");
    static final FieldDef OPT_NOP = option("nop", "No-Operation (NOP)");
    static final FieldDef OPT_MSS = option("mss", "Maximum segment size");
    static final FieldDef OPT_WSCALE = option("wscale", "Window scale");
    static final FieldDef OPT_SACK_PERM = option("sack_perm", "SACK permitted");
    static final FieldDef OPT_SACK = option("sack", "SACK");
    static final FieldDef OPT_ECHO = option("echo", "Echo");
    static final FieldDef OPT_ECHO_REPLY = option("echoreply", "Echo reply");
    static final FieldDef OPT_TIMESTAMP = option("timestamp", "Timestamps");
    static final FieldDef OPT_CC = option("cc", "CC");
    static final FieldDef OPT_CC_NEW = option("ccnew", "CC.NEW");
    static final FieldDef OPT_CC_ECHO = option("ccecho", "CC.ECHO");
    static final FieldDef OPT_MD5 = option("md5", "TCP MD5 signature");
    static final FieldDef OPT_USER_TO = option("user_to", "User Timeout");
    static final FieldDef OPT_AO = option("ao", "TCP AO");
    static final FieldDef OPT_TFO = option("tfo", "TCP Fast Open");
    static final FieldDef OPT_EXPERIMENTAL = option("experimental", "Experimental");
    static final FieldDef OPT_UNKNOWN = option("unknown", "Unknown");
    static final FieldDef MSS_VAL = FieldDef.uint16("tcp.options.mss_val", "MSS Value");
    static final FieldDef WSCALE_SHIFT = FieldDef.uint8("tcp.options.wscale.shift", "Shift count");
    static final FieldDef WSCALE_MULTIPLIER = FieldDef.uint16("tcp.options.wscale.multiplier", "Multiplier");
    static final FieldDef SACK_LE = FieldDef.uint32("tcp.options.sack_le", "TCP SACK Left Edge");
    static final FieldDef SACK_RE = FieldDef.uint32("tcp.options.sack_re", "TCP SACK Right Edge");
    static final FieldDef SACK_COUNT = FieldDef.uint8("tcp.options.sack.count", "TCP SACK Count");
    static final FieldDef DSACK_LE = FieldDef.uint32("tcp.options.sack.dsack_le", "TCP D-SACK Left Edge");
    static final FieldDef DSACK_RE = FieldDef.uint32("tcp.options.sack.dsack_re", "TCP D-SACK Right Edge");
    static final FieldDef ECHO_VALUE = FieldDef.uint32("tcp.options.echo_value", "TCP Echo Option");
    static final FieldDef TSVAL = FieldDef.uint32("tcp.options.timestamp.tsval", "Timestamp value");
    static final FieldDef TSECR = FieldDef.uint32("tcp.options.timestamp.tsecr", "Timestamp echo reply");
    static final FieldDef CC_VALUE = FieldDef.uint32("tcp.options.cc_value", "TCP CC Option");
    static final FieldDef MD5_DIGEST = FieldDef.bytes("tcp.options.md5.digest", "MD5 digest");
    static final FieldDef USER_TO_GRANULARITY = FieldDef.bool("tcp.options.user_to_granularity", "Granularity",
            16, 0x8000).tfs(new TrueFalse("Minutes", "Seconds"));
    static final FieldDef USER_TO_VAL = FieldDef.uint16("tcp.options.user_to_val", "User Timeout").mask(0x7fff);
    static final FieldDef AO_KEYID = FieldDef.uint8("tcp.options.ao.keyid", "AO KeyID");
    static final FieldDef AO_RNEXTKEYID = FieldDef.uint8("tcp.options.ao.rnextkeyid", "AO RNextKeyID");
    static final FieldDef AO_MAC = FieldDef.bytes("tcp.options.ao.mac", "AO MAC");
    static final FieldDef TFO_REQUEST = FieldDef.none("tcp.options.tfo.request", "Fast Open Cookie Request");
    static final FieldDef TFO_COOKIE = FieldDef.bytes("tcp.options.tfo.cookie", "Fast Open Cookie");
    static final FieldDef EXP_EXID = FieldDef.uint16("tcp.options.experimental.exid", "Experiment Identifier")
            .hex().vals(EXPERIMENT_IDS);
    static final FieldDef EXP_DATA = FieldDef.bytes("tcp.options.experimental.data", "Data");
    static final FieldDef UNKNOWN_PAYLOAD = FieldDef.bytes("tcp.options.unknown.payload", "Payload");

    static final List<FieldDef> FIELDS = List.of(OPTIONS, KIND, LEN, OPT_EOL, OPT_NOP, OPT_MSS, OPT_WSCALE,
            OPT_SACK_PERM, OPT_SACK, OPT_ECHO, OPT_ECHO_REPLY, OPT_TIMESTAMP, OPT_CC, OPT_CC_NEW, OPT_CC_ECHO,
            OPT_MD5, OPT_USER_TO, OPT_AO, OPT_TFO, OPT_EXPERIMENTAL, OPT_UNKNOWN, MSS_VAL, WSCALE_SHIFT,
            WSCALE_MULTIPLIER, SACK_LE, SACK_RE, SACK_COUNT, DSACK_LE, DSACK_RE, ECHO_VALUE, TSVAL, TSECR, CC_VALUE,
            MD5_DIGEST, USER_TO_GRANULARITY, USER_TO_VAL, AO_KEYID, AO_RNEXTKEYID, AO_MAC, TFO_REQUEST, TFO_COOKIE,
            EXP_EXID, EXP_DATA, UNKNOWN_PAYLOAD);

    static final ExpertDef E_LEN_INVALID = new ExpertDef("tcp.option.len.invalid", "Invalid length for option",
            Group.SEQUENCE, Severity.NOTE);
    static final ExpertDef E_NOP = new ExpertDef("tcp.nop", "4 NOP in a row - a router may have removed some options",
            Group.PROTOCOL, Severity.WARN);
    static final ExpertDef E_NONZERO_AFTER_EOL = new ExpertDef("tcp.non_zero_bytes_after_eol",
            "Non zero bytes in option space after EOL option", Group.PROTOCOL, Severity.ERROR);
    static final ExpertDef E_MSS_ABSENT = new ExpertDef("tcp.options.mss.absent",
            "The SYN packet does not contain a MSS option", Group.PROTOCOL, Severity.NOTE);
    static final ExpertDef E_MSS_PRESENT = new ExpertDef("tcp.options.mss.present",
            "The non-SYN packet does contain a MSS option", Group.PROTOCOL, Severity.WARN);
    static final ExpertDef E_WSCALE_INVALID = new ExpertDef("tcp.options.wscale.shift.invalid",
            "Window scale shift exceeds 14", Group.PROTOCOL, Severity.WARN);
    static final ExpertDef E_SUBOPTION_MALFORMED = new ExpertDef("tcp.suboption_malformed",
            "suboption would go past end of option", Group.MALFORMED, Severity.ERROR);
    static final ExpertDef E_DSACK = new ExpertDef("tcp.options.sack.dsack", "D-SACK Sequence",
            Group.SEQUENCE, Severity.WARN);
    static final ExpertDef E_TFO_SYN = new ExpertDef("tcp.analysis.tfo_syn", "TCP SYN with TFO Cookie",
            Group.SEQUENCE, Severity.NOTE);

    static final List<ExpertDef> EXPERTS = List.of(E_LEN_INVALID, E_NOP, E_NONZERO_AFTER_EOL, E_MSS_ABSENT,
            E_MSS_PRESENT, E_WSCALE_INVALID, E_SUBOPTION_MALFORMED, E_DSACK, E_TFO_SYN);

    private static FieldDef option(String abbrev, String name) {
        return FieldDef.bytes("tcp.options." + abbrev, "TCP Option - " + name);
    }

    private TcpOptions() {}

    /** Everything one option's decoder needs. */
    private record Ctx(Tvb tvb, ProtoItem options, TcpSegment seg, Columns cols, boolean detailed,
            TcpMptcp.Connections mptcp, boolean listNames) {
        /** For an option cut by the capture: tshark lists an option's name only once it was read whole. */
        Ctx unlisted() {
            return new Ctx(tvb, options, seg, cols, detailed, mptcp, false);
        }

        boolean info() {
            return cols.enabled();
        }

        void info(String text) {
            if (cols.enabled()) {
                cols.appendInfo(text);
            }
        }

        /** Appends ", name" to the Options line. */
        void listed(String name) {
            if (detailed && listNames) {
                options.appendText(", " + name);
            }
        }
    }

    /**
     * Decodes the {@code length} option bytes at {@code start} into {@code options} (the
     * "Options: (N bytes)" node). Throws the usual bounds exceptions when the bytes are missing.
     */
    static void dissect(Tvb tvb, int start, int length, ProtoItem options, TcpSegment seg, Columns cols,
            boolean detailed, TcpMptcp.Connections mptcp) {
        Ctx c = new Ctx(tvb, options, seg, cols, detailed, mptcp, true);
        int end = start + length;
        int off = start;
        int nops = 0;
        while (off < end) {
            int kind = tvb.u8(off);
            if (kind == EOL) {
                simple(c, OPT_EOL, off, "End of Option List (EOL)");
                off++;
                if (!zeroUntil(tvb, off, end)) {
                    ProtoItem pad = options.addText(tvb, off, end - off, "Non-zero header padding");
                    pad.expert(E_NONZERO_AFTER_EOL, "Non-zero header padding");
                    break;
                }
                continue;
            }
            if (kind == NOP) {
                if (++nops == 4) {
                    options.expert(E_NOP);
                }
                simple(c, OPT_NOP, off, "No-Operation (NOP)");
                off++;
                continue;
            }
            nops = 0;
            String name = listName(kind);
            if (off + 1 >= end) {
                tooLong(c, off, end - off, name + " (length byte past end of options)");
                break;
            }
            int len = tvb.u8(off + 1);
            if (len < 2) {
                tooLong(c, off, 2, name + " (with too-short option length = " + len + " byte"
                        + (len == 1 ? "" : "s") + ")");
                break;
            }
            if (off + len > end) {
                tooLong(c, off, end - off, name + " (option length = " + len
                        + " bytes says option goes past end of options)");
                break;
            }
            decode(tvb.has(off, len) ? c : c.unlisted(), kind, off, len);
            off += len;
        }
        if (seg.has(TcpFlags.SYN) && !seg.sawMss) {
            options.expert(E_MSS_ABSENT);
        }
    }

    private static boolean zeroUntil(Tvb tvb, int off, int end) {
        for (int i = off; i < end; i++) {
            if (tvb.u8(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void tooLong(Ctx c, int off, int len, String text) {
        ProtoItem item = c.options.addText(c.tvb, off, len, text);
        item.expert(E_LEN_INVALID, text);
    }

    private static String listName(int kind) {
        return switch (kind) {
            case MSS -> "Maximum segment size";
            case WSCALE -> "Window scale";
            case SACK_PERM -> "SACK permitted";
            case SACK -> "SACK";
            case ECHO -> "Echo";
            case ECHO_REPLY -> "Echo reply";
            case TIMESTAMP -> "Timestamps";
            case CC -> "CC";
            case CC_NEW -> "CC.NEW";
            case CC_ECHO -> "CC.ECHO";
            case MD5 -> "TCP MD5 signature";
            case USER_TO -> "User Timeout";
            case AO -> "TCP AO";
            case MPTCP -> "MPTCP";
            case TFO -> "TCP Fast Open";
            case EXP1, EXP2 -> "Experimental";
            case 20 -> "SCPS capabilities";
            case 21 -> "Selective Negative Acknowledgment";
            case 22 -> "SCPS record boundary";
            case 23 -> "SCPS corruption experienced";
            case 27 -> "Quick-Start";
            case 76 -> "Riverbed Probe";
            case 78 -> "Riverbed Transparency";
            case 172, 174 -> "Accurate ECN";
            default -> "Unknown (0x" + Integer.toHexString(kind | 0x100).substring(1) + ")";
        };
    }

    /**
     * An option's own node. tshark registers each option as a protocol, whose node may run past the
     * captured bytes: a cut option still shows its Kind and Length before the read that fails.
     */
    static ProtoItem node(ProtoItem options, FieldDef f, Tvb tvb, int off, int len) {
        if (tvb.has(off, len)) {
            return options.add(f, tvb, off, len);
        }
        return options.addBytes(f, tvb, off, len, tvb.bytes(off, tvb.remaining(off)));
    }

    /** A one-byte option (EOL, NOP): the item and its kind. */
    private static void simple(Ctx c, FieldDef f, int off, String name) {
        ProtoItem item = node(c.options, f, c.tvb, off, 1);
        label(c, item, f.name());
        item.add(KIND, c.tvb, off, 1);
        c.listed(name);
    }

    /** The option's node with its Kind and Length children. */
    private static ProtoItem header(Ctx c, FieldDef f, int off, int len) {
        ProtoItem item = node(c.options, f, c.tvb, off, len);
        label(c, item, f.name());
        item.add(KIND, c.tvb, off, 1);
        item.add(LEN, c.tvb, off + 1, 1);
        return item;
    }

    /** True when {@code len} is what the option needs; otherwise flags the Length item (tshark stops there). */
    private static boolean lengthOk(Ctx c, ProtoItem item, int off, int len, int expected) {
        if (len == expected) {
            return true;
        }
        ProtoItem lenItem = item.add(LEN, c.tvb, off + 1, 1);
        lenItem.expert(E_LEN_INVALID, "option length should be " + expected);
        return false;
    }

    private static void decode(Ctx c, int kind, int off, int len) {
        switch (kind) {
            case MSS -> mss(c, off, len);
            case WSCALE -> wscale(c, off, len);
            case SACK_PERM -> {
                ProtoItem item = fixed(c, OPT_SACK_PERM, off, len, 2, "SACK permitted");
                if (item != null) {
                    c.info(" SACK_PERM");
                }
            }
            case SACK -> TcpSack.dissect(c.tvb, off, len, c.options, c.seg, c.cols, c.detailed);
            case ECHO, ECHO_REPLY -> {
                ProtoItem item = fixed(c, kind == ECHO ? OPT_ECHO : OPT_ECHO_REPLY, off, len, 6,
                        kind == ECHO ? "Echo" : "Echo reply");
                if (item != null) {
                    long v = c.tvb.u32(off + 2);
                    if (c.detailed) {
                        label(c, item, "TCP Option - Echo: " + v);
                    }
                    item.add(ECHO_VALUE, c.tvb, off + 2, 4);
                    if (c.cols.enabled()) {
                        c.info(" ECHO=" + v);
                    }
                }
            }
            case TIMESTAMP -> timestamp(c, off, len);
            case CC, CC_NEW, CC_ECHO -> {
                FieldDef f = kind == CC ? OPT_CC : kind == CC_NEW ? OPT_CC_NEW : OPT_CC_ECHO;
                ProtoItem item = fixed(c, f, off, len, 6, listName(kind));
                if (item != null) {
                    item.add(CC_VALUE, c.tvb, off + 2, 4);
                    if (c.cols.enabled()) {
                        c.info(" " + listName(kind) + "=" + c.tvb.u32(off + 2));
                    }
                }
            }
            case MD5 -> {
                ProtoItem item = fixed(c, OPT_MD5, off, len, 18, "TCP MD5 signature");
                if (item != null) {
                    item.add(MD5_DIGEST, c.tvb, off + 2, 16);
                    c.info(" MD5");
                }
            }
            case USER_TO -> {
                ProtoItem item = fixed(c, OPT_USER_TO, off, len, 4, "User Timeout");
                if (item != null) {
                    item.add(USER_TO_GRANULARITY, c.tvb, off + 2, 2);
                    item.add(USER_TO_VAL, c.tvb, off + 2, 2);
                    if (c.cols.enabled()) {
                        c.info(" USER_TO=" + (c.tvb.u16(off + 2) & 0x7fff));
                    }
                }
            }
            case AO -> {
                ProtoItem item = header(c, OPT_AO, off, len);
                c.listed("TCP AO");
                if (len >= 4) {
                    item.add(AO_KEYID, c.tvb, off + 2, 1);
                    item.add(AO_RNEXTKEYID, c.tvb, off + 3, 1);
                    if (len > 4) {
                        item.add(AO_MAC, c.tvb, off + 4, len - 4);
                    }
                }
                // tshark appends this one without a separating space.
                c.info("TCP AO");
            }
            case MPTCP -> mptcp(c, off, len);
            case TFO -> {
                ProtoItem item = header(c, OPT_TFO, off, len);
                c.listed("TCP Fast Open");
                fastOpen(c, item, off, len);
            }
            case EXP1, EXP2 -> experimental(c, off, len);
            default -> {
                boolean unknown = KINDS.name(kind) == null;
                // Options tshark names but Dorsal does not decode (SCPS, Quick-Start, Riverbed, AccECN) share
                // the generic node: their kind and length only.
                ProtoItem item = header(c, OPT_UNKNOWN, off, len);
                String name = listName(kind);
                label(c, item, unknown ? "TCP Option - Unknown" : "TCP Option - " + name);
                if (unknown && len > 2) {
                    item.add(UNKNOWN_PAYLOAD, c.tvb, off + 2, len - 2);
                }
                c.listed(name);
            }
        }
    }

    /** A fixed-length option: its node, Kind, Length; null when the length is wrong (then nothing more is read). */
    private static ProtoItem fixed(Ctx c, FieldDef f, int off, int len, int expected, String name) {
        ProtoItem item = node(c.options, f, c.tvb, off, len);
        label(c, item, f.name());
        item.add(KIND, c.tvb, off, 1);
        c.listed(name);
        if (!lengthOk(c, item, off, len, expected)) {
            return null;
        }
        item.add(LEN, c.tvb, off + 1, 1);
        return item;
    }

    private static void label(Ctx c, ProtoItem item, String text) {
        if (c.detailed && item != c.options) {
            item.setText(text);
        }
    }

    private static void mss(Ctx c, int off, int len) {
        c.seg.sawMss = true;
        ProtoItem item = node(c.options, OPT_MSS, c.tvb, off, len);
        label(c, item, OPT_MSS.name());
        if (!c.seg.has(TcpFlags.SYN)) {
            item.expert(E_MSS_PRESENT);
        }
        item.add(KIND, c.tvb, off, 1);
        c.listed("Maximum segment size");
        if (!lengthOk(c, item, off, len, 4)) {
            return;
        }
        item.add(LEN, c.tvb, off + 1, 1);
        int mss = c.tvb.u16(off + 2);
        if (c.detailed) {
            label(c, item, "TCP Option - Maximum segment size: " + mss + " bytes");
        }
        item.add(MSS_VAL, c.tvb, off + 2, 2);
        if (c.cols.enabled()) {
            c.info(" MSS=" + mss);
        }
    }

    private static void wscale(Ctx c, int off, int len) {
        ProtoItem item = fixed(c, OPT_WSCALE, off, len, 3, "Window scale");
        if (item == null) {
            return;
        }
        int raw = c.tvb.u8(off + 2);
        int shift = raw;
        ProtoItem shiftItem = item.add(WSCALE_SHIFT, c.tvb, off + 2, 1);
        if (shift > 14) {
            // RFC 7323 §2.3: log it and use 14.
            shift = 14;
            shiftItem.expert(E_WSCALE_INVALID);
        }
        int multiplier = 1 << shift;
        TcpAnalysis.generated(item, item.addUint(WSCALE_MULTIPLIER, c.tvb, off + 2, 1, multiplier));
        if (c.detailed) {
            label(c, item, "TCP Option - Window scale: " + raw + " (multiply by " + multiplier + ")");
        }
        if (c.cols.enabled()) {
            c.info(" WS=" + multiplier);
        }
        if (c.seg.fwd != null) {
            c.seg.fwd.winScale = shift;
        }
    }

    private static void timestamp(Ctx c, int off, int len) {
        ProtoItem item = fixed(c, OPT_TIMESTAMP, off, len, 10, "Timestamps");
        if (item == null) {
            return;
        }
        long tsval = c.tvb.u32(off + 2);
        long tsecr = c.tvb.u32(off + 6);
        item.add(TSVAL, c.tvb, off + 2, 4);
        item.add(TSECR, c.tvb, off + 6, 4);
        if (c.detailed) {
            label(c, item, "TCP Option - Timestamps: TSval " + tsval + ", TSecr " + tsecr);
        }
        if (c.cols.enabled()) {
            c.info(" TSval=" + tsval + " TSecr=" + tsecr);
        }
    }

    /** TCP Fast Open (RFC 7413): an empty cookie asks for one, a non-empty one carries it. */
    private static void fastOpen(Ctx c, ProtoItem item, int off, int len) {
        if (len == 2) {
            item.add(TFO_REQUEST, c.tvb, off, 2);
            c.info(" TFO=R");
        } else if (len > 2) {
            ProtoItem cookie = item.add(TFO_COOKIE, c.tvb, off + 2, len - 2);
            c.info(" TFO=C");
            if (c.seg.has(TcpFlags.SYN) && !c.seg.has(TcpFlags.ACK)) {
                cookie.expert(E_TFO_SYN);
            }
        }
    }

    private static void experimental(Ctx c, int off, int len) {
        ProtoItem item = header(c, OPT_EXPERIMENTAL, off, len);
        c.listed("Experimental");
        if (len < 4) {
            return;
        }
        int exid = c.tvb.u16(off + 2);
        item.add(EXP_EXID, c.tvb, off + 2, 2);
        String exName = EXPERIMENT_IDS.name(exid);
        if (c.detailed) {
            label(c, item, "TCP Option - Experimental: " + (exName != null ? exName : "Unknown"));
        }
        if (exid == TFO_MAGIC) {
            fastOpen(c, item, off + 2, len - 2);
        } else {
            if (len > 4) {
                item.add(EXP_DATA, c.tvb, off + 4, len - 4);
            }
            if (c.cols.enabled()) {
                c.info(" ExID=" + Integer.toHexString(exid));
            }
        }
    }

    /** Multipath TCP (RFC 8684): its own protocol node, decoded by {@link TcpMptcp}. */
    private static void mptcp(Ctx c, int off, int len) {
        ProtoItem item = c.options.addProtocol(TcpMptcp.MPTCP, c.tvb, off, len);
        c.listed("MPTCP");
        c.cols.setProtocol("MPTCP");
        TcpMptcp.option(item, c.tvb, off, len, c.seg, c.mptcp, c.detailed);
    }
}
