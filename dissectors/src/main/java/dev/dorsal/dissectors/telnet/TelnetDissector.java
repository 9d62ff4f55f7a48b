package dev.dorsal.dissectors.telnet;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Reads Telnet (RFC 854/855; filter prefix {@code telnet}; TCP port 23) as tshark 4.0.17 does, one
 * segment at a time: data runs (each up to a line feed or a command; {@code IAC IAC} stays in the
 * data) and commands after IAC, option negotiation (WILL, WON'T, DO, DON'T) with the option's name,
 * and suboptions (SB up to the next command, normally IAC SE; their {@code IAC IAC} undone) decoded for terminal type, X display
 * location, window size, remote flow control and authentication; other suboptions show their bytes.
 * Info is always "Telnet Data ...".
 *
 * <pre>
 *   IAC DO 24          → "Do Terminal Type"
 *   IAC SB 24 0 'VT100' IAC SE  → "Suboption Terminal Type" ("Here's my Terminal Type", Value) + "Suboption End"
 * </pre>
 */
public final class TelnetDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Telnet", "TELNET", "telnet");

    static final FieldDef CMD = FieldDef.uint8("telnet.cmd", "Command").vals(TelnetValues.COMMANDS);
    static final FieldDef SUBCMD = FieldDef.uint8("telnet.subcmd", "Subcommand");
    static final FieldDef AUTH_NAME = FieldDef.string("telnet.auth.name", "Name");
    static final FieldDef AUTH_CMD = FieldDef.uint8("telnet.auth.cmd", "Auth Cmd").vals(TelnetValues.AUTH_COMMANDS);
    static final FieldDef AUTH_TYPE = FieldDef.uint8("telnet.auth.type", "Auth Type").vals(TelnetValues.AUTH_TYPES);
    static final FieldDef AUTH_CRED_FWD = FieldDef.bool("telnet.auth.mod.cred_fwd", "Cred Fwd", 8, 0x08)
            .tfs(TelnetValues.CRED_FWD);
    static final FieldDef AUTH_WHO = FieldDef.bool("telnet.auth.mod.who", "Who", 8, 0x01).tfs(TelnetValues.WHO);
    static final FieldDef AUTH_HOW = FieldDef.bool("telnet.auth.mod.how", "How", 8, 0x02).tfs(TelnetValues.HOW);
    static final FieldDef AUTH_ENC = FieldDef.uint8("telnet.auth.mod.enc", "Encrypt").mask(0x14)
            .vals(TelnetValues.AUTH_ENCRYPT);
    static final FieldDef KRB5_CMD = FieldDef.uint8("telnet.auth.krb5.cmd", "Command").vals(TelnetValues.KRB5_COMMANDS);
    static final FieldDef STRING_VALUE = FieldDef.string("telnet.string_subopt.value", "Value");
    static final FieldDef NAWS_WIDTH = FieldDef.uint16("telnet.naws_subopt.width", "Width");
    static final FieldDef NAWS_HEIGHT = FieldDef.uint16("telnet.naws_subopt.height", "Height");
    static final FieldDef RFC_CMD = FieldDef.uint8("telnet.rfc_subopt.cmd", "Command").vals(TelnetValues.RFC_COMMANDS);
    static final FieldDef ENC_CMD = FieldDef.uint8("telnet.enc.cmd", "Enc Cmd").vals(TelnetValues.ENC_COMMANDS);
    static final FieldDef ENC_TYPE = FieldDef.uint8("telnet.enc.type", "Enc Type").vals(TelnetValues.ENC_TYPES);
    static final FieldDef ENC_TYPE_DATA = FieldDef.bytes("telnet.enc.type_data", "Type-specific data");
    static final FieldDef ENC_KEY_ID = FieldDef.bytes("telnet.enc.key_id", "Key ID");
    static final FieldDef STARTTLS = FieldDef.uint8("telnet.starttls", "Follows");
    static final FieldDef REGIME_CMD = FieldDef.uint8("telnet.regime_cmd", "Cmd");
    static final FieldDef REGIME_VALUE = FieldDef.string("telnet.tn3270.regime_subopt.value", "Value");
    static final FieldDef DATA = FieldDef.string("telnet.data", "Data");
    static final FieldDef OPTION_DATA = FieldDef.bytes("telnet.option_data", "Option data");
    static final FieldDef SUBCOMMAND_DATA = FieldDef.bytes("telnet.subcommand_data", "Subcommand data");

    static final List<FieldDef> FIELDS = List.of(CMD, SUBCMD, AUTH_NAME, AUTH_CMD, AUTH_TYPE, AUTH_CRED_FWD, AUTH_WHO,
            AUTH_HOW, AUTH_ENC, KRB5_CMD, STRING_VALUE, NAWS_WIDTH, NAWS_HEIGHT, RFC_CMD, ENC_CMD, ENC_TYPE,
            ENC_TYPE_DATA, ENC_KEY_ID, STARTTLS, REGIME_CMD, REGIME_VALUE, DATA, OPTION_DATA, SUBCOMMAND_DATA);

    static final ExpertDef INVALID_SUBCOMMAND = new ExpertDef("telnet.invalid_subcommand", "Invalid subcommand",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef ENC_CMD_UNKNOWN = new ExpertDef("telnet.enc.cmd.unknown", "Unknown encryption command",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef SUBOPTION_LENGTH = new ExpertDef("telnet.suboption_length.invalid", "Bogus suboption data",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    private DissectorHandle handle;

    @Override
    public String name() {
        return "telnet";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(INVALID_SUBCOMMAND, ENC_CMD_UNKNOWN, SUBOPTION_LENGTH));
        handle = r.handle("telnet", PROTO, TelnetDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(23, handle);
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("TELNET");
        pinfo.columns().setInfo("Telnet Data ...");
        ProtoItem telnet = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        int end = tvb.reportedLength();
        int offset = 0;
        while (offset < end) {
            if (tvb.u8(offset) == TelnetValues.IAC && !(offset + 1 < end && tvb.u8(offset + 1) == TelnetValues.IAC)) {
                offset = command(tvb, offset, end, telnet);
            } else {
                offset = data(tvb, offset, end, telnet);
            }
        }
        return tvb.length();
    }

    /** A data run: up to and including a line feed, or up to a command, or to the end. */
    private static int data(Tvb tvb, int offset, int end, ProtoItem telnet) {
        int i = offset;
        while (i < end) {
            int b = tvb.u8(i);
            if (b == '\n') {
                i++;
                break;
            }
            if (b == TelnetValues.IAC) {
                // Read even at the end of the data: tshark fails there before showing the run.
                if (tvb.u8(i + 1) == TelnetValues.IAC) {
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        int len = i - offset;
        ProtoItem item = telnet.addString(DATA, tvb, offset, len, AsciiText.of(tvb, offset, len));
        if (item != telnet && AsciiText.strayAfterNul(tvb, offset, len)) {
            item.expert(StringErrors.TRAILING_STRAY);
        }
        return i;
    }

    /** A command at {@code offset} (an IAC not doubled). */
    private static int command(Tvb tvb, int offset, int end, ProtoItem telnet) {
        int start = offset;
        int cmd = tvb.u8(offset + 1);
        ProtoItem item = telnet.addText(tvb, start, 2, "Command header");
        item.addUint(CMD, tvb, offset + 1, 1, cmd);
        offset += 2;
        switch (cmd) {
            case TelnetValues.WILL, TelnetValues.WONT, TelnetValues.DO, TelnetValues.DONT -> {
                int option = tvb.u8(offset);
                item.setLength(3);
                item.setText(TelnetValues.COMMANDS.name(cmd) + " " + TelnetValues.option(option));
                subcommand(item, tvb, offset, option);
                return offset + 1;
            }
            case TelnetValues.SB -> {
                int option = tvb.u8(offset);
                offset++;
                int dataStart = offset;
                int i = offset;
                boolean escaped = false;
                // The data ends at the next command (normally IAC SE); IAC IAC is an escaped 255.
                while (i < end) {
                    if (tvb.u8(i) == TelnetValues.IAC && i + 1 < end) {
                        if (tvb.u8(i + 1) != TelnetValues.IAC) {
                            break;
                        }
                        escaped = true;
                        i += 2;
                        continue;
                    }
                    i++;
                }
                int dataEnd = Math.min(i, end);
                item.setLength(dataEnd - start);
                item.setText("Suboption " + TelnetValues.option(option));
                ProtoItem sub = subcommand(item, tvb, dataStart - 1, option);
                if (escaped) {
                    // tshark's unescaped copy reports positions from the option byte on (one before its data).
                    byte[] plain = unescape(tvb, dataStart, dataEnd);
                    int at = tvb.start() + dataStart - 1;
                    byte[] placed = new byte[at + plain.length];
                    System.arraycopy(plain, 0, placed, at, plain.length);
                    Tvb un = Tvb.of(new DataSource("Frame", placed), placed.length).slice(at);
                    TelnetSuboptions.dissect(un, 0, plain.length, option, sub);
                } else {
                    TelnetSuboptions.dissect(tvb, dataStart, dataEnd - dataStart, option, sub);
                }
                return dataEnd;
            }
            default -> {
                String name = TelnetValues.COMMANDS.name(cmd);
                item.setText(name != null ? name : "Command header");
                return offset;
            }
        }
    }

    private static ProtoItem subcommand(ProtoItem item, Tvb tvb, int offset, int option) {
        ProtoItem sub = item.addUint(SUBCMD, tvb, offset, 1, option);
        if (sub != item) {
            sub.setText("Subcommand: " + TelnetValues.option(option));
        }
        return sub;
    }

    private static byte[] unescape(Tvb tvb, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            int b = tvb.u8(i);
            out.write(b);
            if (b == TelnetValues.IAC && i + 1 < to && tvb.u8(i + 1) == TelnetValues.IAC) {
                i++;
            }
        }
        return out.toByteArray();
    }
}
