package dev.dorsal.dissectors.ppp;

import dev.dorsal.engine.spi.Base;
import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PPP Link Control Protocol (RFC 1661, PPP protocol 0xc021): the code/identifier/length header
 * tshark files under {@code ppp.}, the configuration options MRU, ACCM, authentication protocol, magic
 * number, PFC and ACFC (each a subtree named by an {@code lcp.opt.*} protocol item, as tshark shows
 * them), and the bodies of the terminate, echo, discard, identification and time-remaining packets.
 */
public final class LcpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("PPP Link Control Protocol", "PPP LCP", "lcp");

    static final ValueString CODES = ValueString.builder()
            .add(1, "Configuration Request")
            .add(2, "Configuration Ack")
            .add(3, "Configuration Nak")
            .add(4, "Configuration Reject")
            .add(5, "Termination Request")
            .add(6, "Termination Ack")
            .add(7, "Code Reject")
            .add(8, "Protocol Reject")
            .add(9, "Echo Request")
            .add(10, "Echo Reply")
            .add(11, "Discard Request")
            .add(12, "Identification")
            .add(13, "Time Remaining")
            .build();

    static final ValueString OPTIONS = ValueString.builder()
            .add(1, "Maximum Receive Unit")
            .add(2, "Async Control Character Map")
            .add(3, "Authentication Protocol")
            .add(5, "Magic Number")
            .add(7, "Protocol Field Compression")
            .add(8, "Address and Control Field Compression")
            .add(13, "Callback")
            .add(17, "Multilink MRRU")
            .add(18, "Multilink Short Sequence Number Header")
            .build();

    /** RFC 1570's callback operations. */
    static final ValueString CALLBACK_OPS = ValueString.builder()
            .add(0, "Location is determined by user authentication")
            .add(1, "Message is dialing string")
            .add(2, "Message is location identifier")
            .add(3, "Message is E.164")
            .add(4, "Message is distinguished name")
            .add(5, "unassigned")
            .add(6, "Location is determined during CBCP negotiation")
            .build();

    static final ValueString ALGORITHMS = ValueString.builder()
            .add(5, "CHAP with MD5")
            .add(0x80, "MS-CHAP")
            .add(0x81, "MS-CHAP-2")
            .build();

    static final FieldDef PPP_DATA = PppDissector.DATA;
    static final FieldDef REJ_PROTO = FieldDef.uint16("lcp.rej_proto", "Rejected Protocol").hex()
            .vals(PppDissector.PROTOCOLS);
    static final ExpertDef LEN_INVALID = new ExpertDef("ppp.opt.len.invalid", "Invalid length for option",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    /** tshark files the control protocols' common header under {@code ppp.}; LCP names its codes. */
    static final FieldDef CODE = PppDissector.CODE;
    static final FieldDef IDENTIFIER = PppDissector.IDENTIFIER;
    static final FieldDef LENGTH = PppDissector.LENGTH;
    static final FieldDef MAGIC = FieldDef.uint32("lcp.magic_number", "Magic Number").hex();
    static final FieldDef DATA = FieldDef.bytes("lcp.data", "Data");
    static final FieldDef MESSAGE = FieldDef.string("lcp.message", "Message");
    static final FieldDef SECS = FieldDef.uint32("lcp.secs_remaining", "Seconds Remaining").unit(" seconds");
    static final FieldDef OPT_TYPE = FieldDef.uint8("lcp.opt.type", "Type").vals(OPTIONS);
    static final FieldDef OPT_LENGTH = FieldDef.uint8("lcp.opt.length", "Length");
    static final FieldDef MRU = FieldDef.uint16("lcp.opt.mru", "Maximum Receive Unit");
    static final FieldDef ASYNCMAP = FieldDef.uint32("lcp.opt.asyncmap", "Async Control Character Map").hex();
    static final FieldDef AUTH_PROTOCOL = FieldDef.uint16("lcp.opt.auth_protocol", "Authentication Protocol").hex()
            .vals(PppDissector.PROTOCOLS);
    static final FieldDef ALGORITHM = FieldDef.uint8("lcp.opt.algorithm", "Algorithm").vals(ALGORITHMS);
    static final FieldDef OPT_MAGIC = FieldDef.uint32("lcp.opt.magic_number", "Magic Number").hex();

    static final FieldDef OPERATION = FieldDef.uint8("lcp.opt.operation", "Operation").vals(CALLBACK_OPS);
    static final FieldDef OPT_MESSAGE = FieldDef.bytes("lcp.opt.message", "Message");
    static final FieldDef MRRU = FieldDef.uint16("lcp.opt.mrru", "MRRU");
    static final FieldDef CALLBACK_ITEM = item("lcp.opt.callback", "Callback");
    static final FieldDef MRRU_ITEM = item("lcp.opt.multilink_mrru", "Multilink MRRU");
    static final FieldDef SSNH_ITEM = item("lcp.opt.multilink_ssnh", "Multilink Short Sequence Number Header");
    static final FieldDef MRU_ITEM = item("lcp.opt.mtu_bytes", "Maximum Receive Unit");
    static final FieldDef ASYNCMAP_ITEM = item("lcp.opt.asyncmap_bytes", "Async Control Character Map");
    static final FieldDef AUTH_ITEM = item("lcp.opt.auth_protocol_bytes", "Authentication Protocol");
    static final FieldDef MAGIC_ITEM = item("lcp.opt.magic_number_bytes", "Magic Number");
    static final FieldDef PFC_ITEM = item("lcp.opt.field_compress", "Protocol Field Compression");
    static final FieldDef ACFC_ITEM = item("lcp.opt.addr_field_compress", "Address and Control Field Compression");

    /** The 32 control characters of the ACCM, bit 0 first (RFC 1662 section 7.1). */
    private static final String[][] CHARS = {{"nul", "NUL"}, {"soh", "SOH"}, {"stx", "STX"}, {"etx", "ETX"},
        {"eot", "EOT"}, {"enq", "ENQ"}, {"ack", "ACK"}, {"bel", "BEL"}, {"bs", "BS"}, {"ht", "HT"}, {"lf", "LF"},
        {"vt", "VT"}, {"ff", "FF"}, {"cr", "CR"}, {"so", "SO"}, {"si", "SI"}, {"dle", "DLE"}, {"dc1", "DC1 (XON)"},
        {"dc2", "DC2"}, {"dc3", "DC3 (XOFF)"}, {"dc4", "DC4"}, {"nak", "NAK"}, {"syn", "SYN"}, {"etb", "ETB"},
        {"can", "CAN"}, {"em", "EM"}, {"sub", "SUB"}, {"esc", "ESC"}, {"fs", "FS"}, {"gs", "GS"}, {"rs", "RS"},
        {"us", "US"}};
    static final FieldDef[] ACCM_BITS = new FieldDef[32];

    static {
        for (int i = 0; i < 32; i++) {
            ACCM_BITS[i] = FieldDef.bool("lcp.opt.asyncmap." + CHARS[i][0], CHARS[i][1], 32, 1L << i)
                    .tfs(TrueFalse.TRUE_FALSE);
        }
    }

    static final List<FieldDef> FIELDS;

    static {
        List<FieldDef> all = new ArrayList<>(List.of(REJ_PROTO, MAGIC, DATA, MESSAGE, SECS, OPT_TYPE, OPT_LENGTH, MRU,
                ASYNCMAP, AUTH_PROTOCOL, ALGORITHM, OPT_MAGIC, MRU_ITEM, ASYNCMAP_ITEM, AUTH_ITEM, MAGIC_ITEM,
                PFC_ITEM, ACFC_ITEM, OPERATION, OPT_MESSAGE, MRRU, CALLBACK_ITEM, MRRU_ITEM,
                SSNH_ITEM));
        all.addAll(List.of(ACCM_BITS));
        FIELDS = List.copyOf(all);
    }

    /**
     * tshark shows each option as a protocol item of its own, nested in the LCP tree, whose value in
     * JSON is the option's bytes: a bytes field gives the same output (the glossary kind differs).
     */
    private static FieldDef item(String abbrev, String name) {
        return FieldDef.of(abbrev, name, FieldType.BYTES, Base.NONE);
    }

    @Override
    public String name() {
        return "lcp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("lcp", PROTO, this::dissect);
        r.experts(PROTO, List.of(LEN_INVALID));
    }

    private DissectorTable pppTable;

    @Override
    public void handoff(Tables t) {
        pppTable = t.table(PppDissector.PROTO_TABLE);
        pppTable.add(0xc021, t.handle("lcp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int code = tvb.u8(0);
        // a header cut short leaves the columns to the layer below, as in tshark
        int length = tvb.u16(2);
        pinfo.columns().setProtocol("PPP LCP");
        pinfo.columns().setInfo(CODES.nameOr(code, "Unknown"));
        ProtoItem lcp = tree.addProtocol(PROTO, tvb, 0, length);
        // ppp.code is one field for every control protocol, each naming its codes in the label
        lcp.add(CODE, tvb, 0, 1).setText("Code: " + CODES.nameOr(code, "Unknown") + " (" + code + ")");
        lcp.add(IDENTIFIER, tvb, 1, 1);
        lcp.add(LENGTH, tvb, 2, 2);
        int body = length - 4;
        switch (code) {
            case 1, 2, 3, 4 -> {
                if (body > 0) {
                    options(tvb, lcp, body);
                }
            }
            case 7 -> {
                if (body > 0) {
                    lcp.add(PPP_DATA, tvb, 4, body).setText("Rejected Packet (" + body + " byte"
                            + (body == 1 ? "" : "s") + "): " + hex(tvb, 4, body));
                }
            }
            case 8 -> {
                lcp.add(REJ_PROTO, tvb, 4, 2);
                if (body > 2) {
                    // the rejected packet is shown by its own protocol's dissector, inside LCP's tree;
                    // tshark shows nothing of it when no dissector takes that protocol
                    // tshark keeps LCP's columns: what the inner dissector writes there is undone
                    String protocol = pinfo.columns().protocol();
                    String info = pinfo.columns().info();
                    int fence = pinfo.columns().infoFence();
                    Dispatch.tryDissect(pppTable, tvb.u16(4), tvb.slice(6, body - 2), pinfo, lcp);
                    pinfo.columns().setProtocol(protocol);
                    pinfo.columns().restoreInfo(info, fence);
                }
            }
            case 5, 6 -> {
                if (body > 0) {
                    lcp.add(PPP_DATA, tvb, 4, body);
                }
            }
            case 9, 10, 11, 12, 13 -> {
                lcp.add(MAGIC, tvb, 4, 4);
                int rest = body - 4;
                if (code == 12 && rest > 0) {
                    lcp.add(MESSAGE, tvb, 8, rest);
                } else if (code == 13) {
                    lcp.add(SECS, tvb, 8, 4);
                } else if (rest > 0) {
                    lcp.add(DATA, tvb, 8, rest);
                }
            }
            default -> {
                if (body > 0) {
                    lcp.add(PPP_DATA, tvb, 4, body);
                }
            }
        }
        return tvb.length();
    }

    private void options(Tvb tvb, ProtoItem lcp, int body) {
        ProtoItem opts = NcpPackets.optionsNode(tvb, lcp, body, OPTIONS);
        int end = 4 + body;
        int offset = 4;
        while (offset < end) {
            int type = tvb.u8(offset);
            String name = OPTIONS.nameOr(type, "Unknown");
            if (offset + 1 >= end) {
                break;
            }
            int len = tvb.u8(offset + 1);
            if (len < 2) {
                warn(opts, tvb, offset, 2, name + " (with too-short option length = " + len + " byte"
                        + (len == 1 ? "" : "s") + ")");
                return;
            }
            if (offset + len > end) {
                warn(opts, tvb, offset, end - offset, name + " (option length = " + len
                        + " bytes says option goes past end of options)");
                return;
            }
            int fixed = fixedLength(type);
            if (fixed >= 0 && len != fixed) {
                warn(opts, tvb, offset, len, name + " (with option length = " + len + " byte" + (len == 1 ? "" : "s")
                        + "; should be " + fixed + ")");
            } else {
                option(tvb, opts, type, offset, len);
            }
            offset += len;
        }
    }

    /**
     * The character map: tshark names "None" and "All" and otherwise lists the set characters; its
     * option line then lacks the separator and opening bracket, as tshark prints it.
     */
    private static void accm(Tvb tvb, ProtoItem o, int value) {
        long map = tvb.u32(value);
        String hex = String.format(Locale.ROOT, "0x%08x", map);
        StringBuilder set = new StringBuilder();
        for (int i = 31; i >= 0; i--) {
            if ((map & (1L << i)) != 0) {
                set.append(set.isEmpty() ? "" : ", ").append(CHARS[i][1]);
            }
        }
        String inner;
        String outer;
        if (map == 0) {
            inner = hex + " (None)";
            outer = inner;
        } else if (map == 0xffffffffL) {
            inner = hex + ", " + set + " (All)";
            outer = hex + " (All)";
        } else {
            inner = hex + ", " + set;
            outer = hex + set + ")";
        }
        o.setText("Async Control Character Map: " + outer);
        ProtoItem m = o.add(ASYNCMAP, tvb, value, 4).setText("Async Control Character Map: " + inner);
        for (int i = 31; i >= 0; i--) {
            m.add(ACCM_BITS[i], tvb, value, 4);
        }
    }

    private static void warn(ProtoItem opts, Tvb tvb, int offset, int length, String text) {
        opts.addText(tvb, offset, length, text).expert(LEN_INVALID, text);
    }

    private static String hex(Tvb tvb, int offset, int length) {
        return java.util.HexFormat.of().formatHex(tvb.bytes(offset, length));
    }

    /** The fixed length RFC 1661 gives each option, or -1 where it varies. */
    private static int fixedLength(int type) {
        return switch (type) {
            case 1, 17 -> 4;
            case 2, 5 -> 6;
            case 7, 8, 18 -> 2;
            default -> -1;
        };
    }

    private void option(Tvb tvb, ProtoItem opts, int type, int offset, int len) {
        FieldDef item = switch (type) {
            case 1 -> MRU_ITEM;
            case 2 -> ASYNCMAP_ITEM;
            case 3 -> AUTH_ITEM;
            case 5 -> MAGIC_ITEM;
            case 7 -> PFC_ITEM;
            case 8 -> ACFC_ITEM;
            case 13 -> CALLBACK_ITEM;
            case 17 -> MRRU_ITEM;
            case 18 -> SSNH_ITEM;
            default -> null;
        };
        if (item == null) {
            opts.addText(tvb, offset, len, String.format(Locale.ROOT, "Unknown (0x%02x) (%d byte%s)", type, len,
                    len == 1 ? "" : "s"));
            return;
        }
        ProtoItem o = opts.add(item, tvb, offset, len);
        o.add(OPT_TYPE, tvb, offset, 1);
        o.add(OPT_LENGTH, tvb, offset + 1, 1);
        int value = offset + 2;
        switch (type) {
            case 1 -> {
                o.setText("Maximum Receive Unit: " + tvb.u16(value));
                o.add(MRU, tvb, value, 2);
            }
            case 2 -> accm(tvb, o, value);
            case 13 -> {
                int op = tvb.u8(value);
                o.setText("Callback: " + CALLBACK_OPS.nameOr(op, "Unknown"));
                o.add(OPERATION, tvb, value, 1);
                if (len > 3) {
                    o.add(OPT_MESSAGE, tvb, value + 1, len - 3);
                }
            }
            case 17 -> {
                o.setText("Multilink MRRU: " + tvb.u16(value));
                o.add(MRRU, tvb, value, 2);
            }
            case 3 -> {
                int proto = tvb.u16(value);
                o.setText("Authentication Protocol: " + PppDissector.PROTOCOLS.nameOr(proto, "Unknown")
                        + String.format(Locale.ROOT, " (0x%04x)", proto));
                o.add(AUTH_PROTOCOL, tvb, value, 2);
                if (len > 4) {
                    o.add(ALGORITHM, tvb, value + 2, 1);
                }
            }
            case 5 -> {
                o.setText(String.format(Locale.ROOT, "Magic Number: 0x%08x", tvb.u32(value)));
                o.add(OPT_MAGIC, tvb, value, 4);
            }
            default -> o.setText(OPTIONS.nameOr(type, "Unknown"));
        }
    }
}
