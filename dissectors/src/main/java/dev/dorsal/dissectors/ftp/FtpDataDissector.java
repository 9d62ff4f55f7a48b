package dev.dorsal.dissectors.ftp;

import dev.dorsal.dissectors.conversation.AnnouncedConversations;
import dev.dorsal.dissectors.tcp.TcpConversationDissectors;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Shows a segment of an FTP data connection (filter name {@code ftp-data}) as tshark 4.0.17 does:
 * a protocol item with the byte count, then, beside it, the frame that set the connection up and,
 * when an FTP control connection announced it ({@link FtpDissector}), how (PORT, PASV, EPRT, EPASV),
 * the command it answers and the working directory then; data whose first 20 bytes are printable
 * text, CR or LF goes to {@code data-text-lines}, other data is not shown. TCP port 20 leads here
 * too; without an announcement the setup frame is the connection's first frame.
 */
final class FtpDataDissector {
    static final ProtocolDef PROTO = new ProtocolDef("FTP Data", "FTP-DATA", "ftp-data");

    static final FieldDef SETUP_FRAME = FieldDef.framenum("ftp-data.setup-frame", "Setup frame");
    static final FieldDef SETUP_METHOD = FieldDef.string("ftp-data.setup-method", "Setup method");
    static final FieldDef COMMAND = FieldDef.string("ftp-data.command", "Command");
    static final FieldDef COMMAND_FRAME = FieldDef.framenum("ftp-data.command-frame", "Command frame");
    static final FieldDef CWD = FieldDef.string("ftp-data.current-working-directory", "Current working directory");

    static final List<FieldDef> FIELDS = List.of(SETUP_FRAME, SETUP_METHOD, COMMAND, COMMAND_FRAME, CWD);

    /** tshark looks at this many bytes to tell text from binary data. */
    private static final int TEXT_CHECK = 20;

    private FtpDataDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int length = tvb.length();
        pinfo.columns().setProtocol("FTP-DATA");
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("FTP Data: " + tvb.reportedLength() + " bytes");
        }
        tree.addProtocol(PROTO, tvb, 0, length, "FTP Data (" + length + " bytes data)");
        long setup = TcpConversationDissectors.setupFrame(pinfo);
        if (setup >= 0) {
            tree.addUint(SETUP_FRAME, tvb, 0, 0, setup).setGenerated();
            AnnouncedConversations.Announced announced = TcpConversationDissectors.ANNOUNCED.current(pinfo);
            if (announced != null && announced.data() instanceof FtpConversation.DataConnection now) {
                // A second pass shows the connection as the first pass left it, as tshark's does.
                FtpConversation.DataConnection data = now;
                if (pinfo.links().secondPass()) {
                    if (pinfo.links().recallObject(FtpConversation.LINK, now.setupFrame)
                            instanceof FtpConversation.DataConnection learned) {
                        data = learned;
                    }
                } else {
                    data.saw(pinfo.number(), pinfo.frame().timestampNanos(), tvb.reportedLength());
                }
                if (data.setupMethod != null) {
                    tree.addString(SETUP_METHOD, tvb, 0, 0, data.setupMethod).setGenerated();
                    appendInfo(pinfo, data.setupMethod);
                }
                if (data.command != null) {
                    tree.addString(COMMAND, tvb, 0, 0, data.command).setGenerated();
                    appendInfo(pinfo, data.command);
                    // tshark marks the command item generated a second time, not this one.
                    tree.addUint(COMMAND_FRAME, tvb, 0, 0, data.commandFrame);
                }
                if (data.cwd != null) {
                    tree.addString(CWD, tvb, 0, 0, data.cwd.toString()).setGenerated();
                }
            }
        }
        if (text(tvb, Math.min(TEXT_CHECK, length))) {
            DissectorHandle lines = pinfo.tables().handle("data-text-lines");
            if (lines != null) {
                pinfo.call(lines, tvb, tree);
            }
        }
        return length;
    }

    private static void appendInfo(PacketInfo pinfo, String text) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfo(" (" + text + ")");
        }
    }

    private static boolean text(Tvb tvb, int n) {
        for (int i = 0; i < n; i++) {
            int c = tvb.u8(i);
            if (c != '\r' && c != '\n' && (c < 0x20 || c > 0x7e)) {
                return false;
            }
        }
        return true;
    }
}
