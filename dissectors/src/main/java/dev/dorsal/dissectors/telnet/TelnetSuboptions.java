package dev.dorsal.dissectors.telnet;

import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * The suboptions tshark 4.0.17 decodes that Dorsal decodes too: terminal type and X display location
 * (RFC 1091, 1096: IS with a value, or SEND), window size (RFC 1073), remote flow control (RFC 1372),
 * authentication (RFC 2941), encryption (RFC 2946), START_TLS and the TN3270 regime (RFC 1041). An
 * empty suboption shows nothing; a fixed-length one of another length only tshark's length warning.
 * Any other option's data is shown as {@code telnet.option_data}.
 */
final class TelnetSuboptions {
    private TelnetSuboptions() {}

    private static final int TERMINAL_TYPE = 24;
    private static final int NAWS = 31;
    private static final int REMOTE_FLOW_CONTROL = 33;
    private static final int X_DISPLAY_LOCATION = 35;
    private static final int AUTHENTICATION = 37;
    private static final int ENCRYPTION = 38;
    private static final int START_TLS = 46;
    private static final int TN3270_REGIME = 29;

    static void dissect(Tvb tvb, int offset, int len, int option, ProtoItem sub) {
        if (len == 0) {
            return;
        }
        int fixed = switch (option) {
            case NAWS -> 4;
            case REMOTE_FLOW_CONTROL, START_TLS -> 1;
            default -> -1;
        };
        if (fixed >= 0 && len != fixed) {
            sub.expert(TelnetDissector.SUBOPTION_LENGTH,
                    "Suboption parameter length is " + len + ", should be " + fixed);
            return;
        }
        switch (option) {
            case TERMINAL_TYPE, X_DISPLAY_LOCATION -> string(tvb, offset, len, TelnetValues.option(option), sub);
            case NAWS -> {
                sub.add(TelnetDissector.NAWS_WIDTH, tvb, offset, 2);
                sub.add(TelnetDissector.NAWS_HEIGHT, tvb, offset + 2, 2);
            }
            case REMOTE_FLOW_CONTROL -> sub.add(TelnetDissector.RFC_CMD, tvb, offset, 1);
            case START_TLS -> sub.add(TelnetDissector.STARTTLS, tvb, offset, 1);
            case AUTHENTICATION -> auth(tvb, offset, len, sub);
            case ENCRYPTION -> encryption(tvb, offset, len, sub);
            case TN3270_REGIME -> regime(tvb, offset, len, sub);
            default -> {
                if (len > 0) {
                    sub.add(TelnetDissector.OPTION_DATA, tvb, offset, len);
                }
            }
        }
    }

    private static void string(Tvb tvb, int offset, int len, String name, ProtoItem sub) {
        int cmd = tvb.u8(offset);
        switch (cmd) {
            case 0 -> {
                label(sub.addUint(TelnetDissector.SUBCMD, tvb, offset, 1, cmd), sub, "Here's my " + name);
                if (len > 1) {
                    sub.addString(TelnetDissector.STRING_VALUE, tvb, offset + 1, len - 1,
                            AsciiText.of(tvb, offset + 1, len - 1));
                }
            }
            case 1 -> {
                label(sub.addUint(TelnetDissector.SUBCMD, tvb, offset, 1, cmd), sub, "Send your " + name);
                if (len > 1) {
                    label(sub.add(TelnetDissector.SUBCOMMAND_DATA, tvb, offset + 1, len - 1), sub, "Extra data");
                }
            }
            default -> {
                sub.expert(TelnetDissector.INVALID_SUBCOMMAND, "Invalid " + name + " subcommand " + cmd);
                if (len > 1) {
                    sub.add(TelnetDissector.SUBCOMMAND_DATA, tvb, offset + 1, len - 1);
                }
            }
        }
    }

    private static void label(ProtoItem item, ProtoItem parent, String text) {
        if (item != parent) {
            item.setText(text);
        }
    }

    private static void auth(Tvb tvb, int offset, int len, ProtoItem sub) {
        int cmd = tvb.u8(offset);
        sub.add(TelnetDissector.AUTH_CMD, tvb, offset, 1);
        offset++;
        len--;
        switch (cmd) {
            case 0, 2 -> {
                sub.add(TelnetDissector.AUTH_TYPE, tvb, offset, 1);
                modifiers(tvb, offset + 1, sub);
                // tshark reads the Kerberos v5 command byte whatever the type, even past the suboption.
                sub.add(TelnetDissector.KRB5_CMD, tvb, offset + 2, 1);
            }
            case 1 -> {
                while (len > 0) {
                    sub.add(TelnetDissector.AUTH_TYPE, tvb, offset, 1);
                    modifiers(tvb, offset + 1, sub);
                    offset += 2;
                    len -= 2;
                }
            }
            case 3 -> {
                if (len > 0) {
                    sub.addString(TelnetDissector.AUTH_NAME, tvb, offset, len, AsciiText.of(tvb, offset, len));
                }
            }
            default -> { }
        }
    }

    private static void modifiers(Tvb tvb, int offset, ProtoItem sub) {
        sub.add(TelnetDissector.AUTH_ENC, tvb, offset, 1);
        sub.add(TelnetDissector.AUTH_CRED_FWD, tvb, offset, 1);
        sub.add(TelnetDissector.AUTH_HOW, tvb, offset, 1);
        sub.add(TelnetDissector.AUTH_WHO, tvb, offset, 1);
    }

    private static void encryption(Tvb tvb, int offset, int len, ProtoItem sub) {
        int cmd = tvb.u8(offset);
        sub.add(TelnetDissector.ENC_CMD, tvb, offset, 1);
        offset++;
        len--;
        switch (cmd) {
            case 0, 2 -> {
                if (len > 0) {
                    sub.add(TelnetDissector.ENC_TYPE, tvb, offset, 1);
                    sub.add(TelnetDissector.ENC_TYPE_DATA, tvb, offset + 1, len - 1);
                }
            }
            case 1 -> {
                for (; len > 0; offset++, len--) {
                    sub.add(TelnetDissector.ENC_TYPE, tvb, offset, 1);
                }
            }
            case 3, 4, 5, 6 -> { }
            case 7, 8 -> {
                if (len > 0) {
                    sub.add(TelnetDissector.ENC_KEY_ID, tvb, offset, len);
                }
            }
            default -> sub.expert(TelnetDissector.ENC_CMD_UNKNOWN);
        }
    }

    private static void regime(Tvb tvb, int offset, int len, ProtoItem sub) {
        int cmd = tvb.u8(offset);
        if (cmd == 0 || cmd == 1) {
            label(sub.addUint(TelnetDissector.REGIME_CMD, tvb, offset, 1, cmd), sub, cmd == 0 ? "IS" : "ARE");
            sub.addString(TelnetDissector.REGIME_VALUE, tvb, offset + 1, len - 1, AsciiText.of(tvb, offset + 1, len - 1));
            return;
        }
        for (int i = 0; i < len; i++) {
            int v = tvb.u8(offset + i);
            label(sub.addUint(TelnetDissector.REGIME_CMD, tvb, offset + i, 1, v), sub, "Bogus value: " + v);
        }
    }
}
