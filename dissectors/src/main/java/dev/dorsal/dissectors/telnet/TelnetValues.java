package dev.dorsal.dissectors.telnet;

import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.ValueString;

/** Telnet's command and option names (RFC 854, 855 and the option RFCs) as tshark 4.0.17 prints them. */
final class TelnetValues {
    private TelnetValues() {}

    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;

    static final ValueString COMMANDS = ValueString.of(
            236, "End of File",
            237, "Suspend Current Process",
            238, "Abort Process",
            239, "End of Record",
            240, "Suboption End",
            241, "No Operation",
            242, "Data Mark",
            243, "Break",
            244, "Interrupt Process",
            245, "Abort Output",
            246, "Are You There?",
            247, "Escape Character",
            248, "Erase Line",
            249, "Go Ahead",
            250, "Suboption",
            251, "Will",
            252, "Won't",
            253, "Do",
            254, "Don't");

    private static final String[] OPTIONS = {
        "Binary Transmission", "Echo", "Reconnection", "Suppress Go Ahead", "Approx Message Size Negotiation",
        "Status", "Timing Mark", "Remote Controlled Trans and Echo", "Output Line Width", "Output Page Size",
        "Output Carriage-Return Disposition", "Output Horizontal Tab Stops", "Output Horizontal Tab Disposition",
        "Output Formfeed Disposition", "Output Vertical Tabstops", "Output Vertical Tab Disposition",
        "Output Linefeed Disposition", "Extended ASCII", "Logout", "Byte Macro", "Data Entry Terminal", "SUPDUP",
        "SUPDUP Output", "Send Location", "Terminal Type", "End of Record", "TACACS User Identification",
        "Output Marking", "Terminal Location Number", "Telnet 3270 Regime", "X.3 PAD",
        "Negotiate About Window Size", "Terminal Speed", "Remote Flow Control", "Linemode", "X Display Location",
        "Environment Option", "Authentication Option", "Encryption Option", "New Environment Option", "TN3270E",
        "XAUTH", "CHARSET", "Remote Serial Port", "COM Port Control", "Suppress Local Echo", "Start TLS", "KERMIT",
        "SEND-URL", "FORWARD_X",
    };

    /** The option's name, or "<unknown option>". */
    static String option(int code) {
        return code < OPTIONS.length ? OPTIONS[code] : "<unknown option>";
    }

    static final ValueString RFC_COMMANDS = ValueString.of(0, "OFF", 1, "ON", 2, "RESTART-ANY", 3, "RESTART-XON");

    static final ValueString AUTH_COMMANDS = ValueString.of(0, "IS", 1, "SEND", 2, "REPLY", 3, "NAME");

    static final ValueString AUTH_TYPES = ValueString.of(0, "NULL", 1, "Kerberos v4", 2, "Kerberos v5", 3, "SPX",
            4, "MINK", 5, "SRP", 6, "RSA", 7, "SSL", 10, "LOKI", 11, "SSA", 12, "KEA_SJ", 13, "KEA_SJ_INTEG",
            14, "DSS", 15, "NTLM");

    static final ValueString AUTH_ENCRYPT = ValueString.of(0, "Off");

    static final ValueString KRB5_COMMANDS = ValueString.of(0, "Auth", 1, "Reject", 2, "Accept", 3, "Response",
            4, "Forward", 5, "Forward Accept", 6, "Forward Reject");

    static final ValueString ENC_COMMANDS = ValueString.of(0, "IS", 1, "SUPPORT", 2, "REPLY", 3, "START", 4, "END",
            5, "REQUEST-START", 6, "REQUEST-END", 7, "ENC_KEYID", 8, "DEC_KEYID");

    static final ValueString ENC_TYPES = ValueString.of(0, "NULL", 1, "DES_CFB64", 2, "DES_OFB64", 3, "DES3_CFB64",
            4, "DES3_OFB64", 8, "CAST5_40_CFB64", 9, "CAST5_40_OFB64", 10, "CAST128_CFB64", 11, "CAST128_OFB64");

    static final TrueFalse CRED_FWD = new TrueFalse("Client WILL forward auth creds",
            "Client will NOT forward auth creds");
    static final TrueFalse HOW = new TrueFalse("MUTUAL authentication", "One Way authentication");
    static final TrueFalse WHO = new TrueFalse("Mask server to client", "Mask client to server");
}
