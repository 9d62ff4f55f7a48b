package dev.dorsal.dissectors.ftp;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.dissectors.tcp.TcpConversationDissectors;
import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.TextLine;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads FTP control connections (RFC 959, 2228, 2428; filter prefix {@code ftp}; TCP port 21, see
 * {@link FtpProvider}) as tshark 4.0.17 does: each segment on its own (FTP is not reassembled), its
 * first line a request (toward the matched port) split into command and argument, or a reply with
 * its code; the other lines of the segment shown as text. PORT, EPRT and the 227 and 229 replies
 * announce the data connection to {@link FtpDataDissector}; CWD, CDUP and PWD replies track the
 * working directory ({@link FtpConversation}), shown after the FTP tree.
 *
 * <pre>
 *   USER anonymous\r\n            request: command, argument
 *   227 Entering Passive Mode (10,0,0,2,200,10)\r\n    reply: code, argument (address, port)
 * </pre>
 */
final class FtpDissector {
    static final ProtocolDef PROTO = new ProtocolDef("File Transfer Protocol (FTP)", "FTP", "ftp");

    static final FieldDef CWD = FieldDef.string("ftp.current-working-directory", "Current working directory");
    static final FieldDef RESPONSE = FieldDef.bool("ftp.response", "Response");
    static final FieldDef REQUEST = FieldDef.bool("ftp.request", "Request");
    static final FieldDef REQUEST_COMMAND = FieldDef.string("ftp.request.command", "Request command");
    static final FieldDef REQUEST_ARG = FieldDef.string("ftp.request.arg", "Request arg");
    static final FieldDef RESPONSE_CODE = FieldDef.uint32("ftp.response.code", "Response code")
            .vals(FtpValues.RESPONSE_CODES);
    static final FieldDef RESPONSE_ARG = FieldDef.string("ftp.response.arg", "Response arg");
    static final FieldDef PASV_IP = FieldDef.ipv4("ftp.passive.ip", "Passive IP address");
    static final FieldDef PASV_PORT = FieldDef.uint16("ftp.passive.port", "Passive port");
    static final FieldDef PASV_NAT = FieldDef.bool("ftp.passive.nat", "Passive IP NAT");
    static final FieldDef ACTIVE_IP = FieldDef.ipv4("ftp.active.cip", "Active IP address");
    static final FieldDef ACTIVE_PORT = FieldDef.uint16("ftp.active.port", "Active port");
    static final FieldDef ACTIVE_NAT = FieldDef.bool("ftp.active.nat", "Active IP NAT");
    static final FieldDef EPRT_AF = FieldDef.uint8("ftp.eprt.af", "Extended active address family")
            .vals(FtpValues.EPRT_FAMILIES);
    static final FieldDef EPRT_IP = FieldDef.ipv4("ftp.eprt.ip", "Extended active IP address");
    static final FieldDef EPRT_IPV6 = FieldDef.ipv6("ftp.eprt.ipv6", "Extended active IPv6 address");
    static final FieldDef EPRT_PORT = FieldDef.uint16("ftp.eprt.port", "Extended active port");
    static final FieldDef EPSV_IP = FieldDef.ipv4("ftp.epsv.ip", "Extended passive IPv4 address");
    static final FieldDef EPSV_IPV6 = FieldDef.ipv6("ftp.epsv.ipv6", "Extended passive IPv6 address");
    static final FieldDef EPSV_PORT = FieldDef.uint16("ftp.epsv.port", "Extended passive port");

    static final FieldDef FIRST_FRAME = FieldDef.framenum("ftp.command-response.first-frame-num",
            "Command response first frame");
    static final FieldDef LAST_FRAME = FieldDef.framenum("ftp.command-response.last-frame-num",
            "Command response last frame");
    static final FieldDef DURATION = FieldDef.uint32("ftp.command-response.duration", "Response duration").unit("ms");
    static final FieldDef BITRATE = FieldDef.uint32("ftp.command-response.bitrate", "Response bitrate").unit("Kbps");
    static final FieldDef FRAMES = FieldDef.uint32("ftp.command-response.frames", "Command response frames");
    static final FieldDef BYTES = FieldDef.uint32("ftp.command-response.bytes", "Command response bytes");
    static final FieldDef SETUP_FRAME = FieldDef.framenum("ftp.setup-frame", "Setup frame");
    static final FieldDef COMMAND_FRAME = FieldDef.framenum("ftp.command-frame", "Command frame");
    static final FieldDef COMMAND = FieldDef.string("ftp.command", "Command");

    static final List<FieldDef> FIELDS = List.of(CWD, RESPONSE, REQUEST, REQUEST_COMMAND, REQUEST_ARG,
            RESPONSE_CODE, RESPONSE_ARG, PASV_IP, PASV_PORT, PASV_NAT, ACTIVE_IP, ACTIVE_PORT, ACTIVE_NAT, EPRT_AF,
            EPRT_IP, EPRT_IPV6, EPRT_PORT, EPSV_IP, EPSV_IPV6, EPSV_PORT, FIRST_FRAME, LAST_FRAME, DURATION, BITRATE,
            FRAMES, BYTES, SETUP_FRAME, COMMAND_FRAME, COMMAND);

    static final ExpertDef EPRT_INVALID = new ExpertDef("ftp.eprt.args_invalid",
            "EPRT arguments must have the form: |<family>|<addr>|<port>|", ExpertDef.Group.MALFORMED,
            ExpertDef.Severity.WARN);
    static final ExpertDef EPSV_INVALID = new ExpertDef("ftp.epsv.args_invalid",
            "EPSV arguments must have the form (|||<port>|)", ExpertDef.Group.MALFORMED, ExpertDef.Severity.WARN);
    static final ExpertDef CODE_INVALID = new ExpertDef("ftp.response.code.invalid", "Invalid response code",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef PWD_INVALID = new ExpertDef("ftp.response.pwd.invalid", "Invalid PWD response",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    static final List<ExpertDef> EXPERTS = List.of(EPRT_INVALID, EPSV_INVALID, CODE_INVALID, PWD_INVALID);

    private FtpDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        boolean request = TcpPdus.matchedPort(pinfo) == pinfo.dstPort();
        pinfo.columns().setProtocol("FTP");
        FtpConversation conv = FtpConversation.of(pinfo);
        TextLine first = TextLine.at(tvb, 0);
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo((request ? "Request: " : "Response: ") + first.format(tvb));
        }
        ProtoItem ftp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        ftp.addBool(REQUEST, tvb, 0, 0, request).setHidden();
        ftp.addBool(RESPONSE, tvb, 0, 0, !request).setHidden();
        ProtoItem line = ftp.addText(tvb, 0, first.next(), first.formatWithEnd(tvb));
        int linelen = first.length();
        if (request) {
            request(tvb, pinfo, conv, line, linelen);
        } else {
            response(tvb, pinfo, conv, line, linelen);
        }
        int offset = first.next();
        while (offset < tvb.length()) {
            TextLine next = TextLine.at(tvb, offset);
            ftp.addText(tvb, offset, next.next() - offset, next.formatWithEnd(tvb));
            offset = next.next();
        }
        tree.addString(CWD, tvb, 0, 0, conv.cwd.toString()).setGenerated();
        if (pinfo.links().secondPass()
                && pinfo.links().recallObject(FtpConversation.LINK, pinfo.number())
                        instanceof FtpConversation.DataConnection data) {
            dataSummary(tvb, pinfo.number(), tree, data);
        }
        return tvb.length();
    }

    /** What a second pass shows of the data connection a command (or setup reply) led to. */
    private static void dataSummary(Tvb tvb, long frame, ProtoItem tree, FtpConversation.DataConnection data) {
        if (frame == data.commandFrame) {
            tree.addUint(FRAMES, tvb, 0, 0, data.frames).setGenerated();
            tree.addUint(BYTES, tvb, 0, 0, data.bytes & 0xffffffffL).setGenerated();
            tree.addUint(FIRST_FRAME, tvb, 0, 0, data.firstFrame).setGenerated();
            tree.addUint(LAST_FRAME, tvb, 0, 0, data.lastFrame).setGenerated();
            if (data.frames > 1) {
                long secs = Math.floorDiv(data.lastNanos, 1_000_000_000L) - Math.floorDiv(data.firstNanos, 1_000_000_000L);
                long nsecs = Math.floorMod(data.lastNanos, 1_000_000_000L) - Math.floorMod(data.firstNanos, 1_000_000_000L);
                int gapMs = (int) (secs * 1000 + (nsecs + 500_000) / 1_000_000);
                tree.addUint(DURATION, tvb, 0, 0, gapMs & 0xffffffffL).setGenerated();
                double kbps = ((data.bytes * 8.0) / (gapMs / 1000.0)) / 1000;
                tree.addUint(BITRATE, tvb, 0, 0, (long) kbps & 0xffffffffL).setGenerated();
            }
            tree.addUint(SETUP_FRAME, tvb, 0, 0, data.seenSetupFrame).setGenerated();
        }
        if (frame == data.seenSetupFrame && data.command != null) {
            tree.addString(COMMAND, tvb, 0, 0, data.command).setGenerated();
            tree.addUint(COMMAND_FRAME, tvb, 0, 0, data.commandFrame).setGenerated();
        }
    }

    private static void request(Tvb tvb, PacketInfo pinfo, FtpConversation conv, ProtoItem line, int linelen) {
        byte[] d = tvb.backingArray();
        int base = tvb.start();
        int tokenlen = 0;
        while (tokenlen < linelen && d[base + tokenlen] != ' ') {
            tokenlen++;
        }
        int argStart = tokenlen;
        while (argStart < linelen && d[base + argStart] == ' ') {
            argStart++;
        }
        String token = new String(d, base, tokenlen, StandardCharsets.ISO_8859_1);
        if (tokenlen != 0) {
            string(line, REQUEST_COMMAND, tvb, 0, tokenlen);
        }
        String full = AsciiText.of(tvb, 0, linelen);
        conv.lastCommand = full;
        if (linelen == 8 && full.equals("AUTH TLS")) {
            conv.tlsRequested = true;
        }
        FtpConversation.DataConnection data = conv.currentData;
        if (data != null && !pinfo.visited()) {
            // tshark 4.0.17 keeps the first request after the announcement, whatever comes later.
            if (data.command == null) {
                data.command = full;
                data.commandFrame = pinfo.number();
                pinfo.links().learnObject(FtpConversation.LINK, pinfo.number(), data);
                pinfo.links().learnObject(FtpConversation.LINK, data.setupFrame, data);
            }
        }
        int argLen = linelen - argStart;
        if (argLen > 0) {
            string(line, REQUEST_ARG, tvb, argStart, argLen);
        }
        String args = argLen > 0 ? raw(tvb, argStart, argLen) : "";
        if (isKeyword(token, "PORT")) {
            FtpAddresses.HostPort hp = FtpAddresses.hostPort(args);
            if (hp != null) {
                line.addUint(ACTIVE_IP, tvb, hp.offset() + tokenlen + 1, hp.ipLength(), hp.ip());
                line.addUint(ACTIVE_PORT, tvb, hp.offset() + 1 + tokenlen + 1 + hp.ipLength(), hp.portLength(),
                        hp.port());
                Address ip = Address.ipv4(hp.ip());
                if (!ip.equals(pinfo.netSrc())) {
                    line.addBool(ACTIVE_NAT, tvb, 0, 0, true);
                }
                announce(pinfo, conv, pinfo.netDst(), 20, ip, hp.port(), "PORT");
            }
        } else if (isKeyword(token, "EPRT")) {
            FtpAddresses.Eprt e = argLen > 0 ? FtpAddresses.eprt(args) : null;
            if (e != null) {
                int off = tokenlen + 2;
                line.addUint(EPRT_AF, tvb, off, 1, e.family());
                off += 2;
                Address ip;
                if (e.family() == 1) {
                    ip = Address.ipv4(((e.address()[0] & 0xffL) << 24) | ((e.address()[1] & 0xff) << 16)
                            | ((e.address()[2] & 0xff) << 8) | (e.address()[3] & 0xff));
                    line.addUint(EPRT_IP, tvb, off, e.ipLength(), ((e.address()[0] & 0xffL) << 24)
                            | ((e.address()[1] & 0xff) << 16) | ((e.address()[2] & 0xff) << 8) | (e.address()[3] & 0xff));
                } else {
                    ip = Address.ipv6(e.address());
                    line.addBytes(EPRT_IPV6, tvb, off, e.ipLength(), e.address());
                }
                off += e.ipLength() + 1;
                line.addUint(EPRT_PORT, tvb, off, e.portLength(), e.port());
                announce(pinfo, conv, pinfo.netSrc(), e.port(), ip, TcpConversationDissectors.ANY_PORT, "EPRT");
            } else {
                expertText(line, tvb, EPRT_INVALID, argStart + 1, argLen);
            }
        }
    }

    private static void response(Tvb tvb, PacketInfo pinfo, FtpConversation conv, ProtoItem line, int linelen) {
        int argStart = 0;
        int code = -1;
        if (linelen >= 3 && digit(tvb, 0) && digit(tvb, 1) && digit(tvb, 2)) {
            code = (tvb.u8(0) - '0') * 100 + (tvb.u8(1) - '0') * 10 + (tvb.u8(2) - '0');
            ProtoItem codeItem = line.addUint(RESPONSE_CODE, tvb, 0, 3, code);
            if (code == 234 && conv.tlsRequested) {
                // AUTH TLS accepted: the frames after this one are TLS (tshark's ssl_starttls_ack).
                DissectorHandle tls = pinfo.tables().handle("tls");
                if (tls != null && !pinfo.visited()) {
                    TcpConversationDissectors.ANNOUNCED.announceAfter(pinfo, tls);
                }
                conv.tlsRequested = false;
            }
            if (code == 250 && !pinfo.visited() && conv.lastCommand != null) {
                if (conv.lastCommand.startsWith("CWD ")) {
                    conv.changedDirectory(conv.lastCommand.substring(4));
                } else if (conv.lastCommand.startsWith("CDUP")) {
                    conv.changedDirectory("..");
                }
            }
            if (code == 257 && !pinfo.visited() && linelen >= 4) {
                String dir = quotedDirectory(tvb, 4, linelen - 4);
                if (dir == null) {
                    if (!pinfo.links().secondPass()) {
                        // tshark's second pass does not look at the reply again
                        (codeItem == line ? line : codeItem).expert(PWD_INVALID);
                    }
                } else {
                    conv.cwd = new StringBuilder(dir);
                }
            }
            argStart = Math.min(4, linelen);
        }
        int argLen = linelen - argStart;
        if (argLen > 0) {
            string(line, RESPONSE_ARG, tvb, argStart, argLen);
        }
        if (argLen == 0) {
            return;
        }
        String args = raw(tvb, argStart, argLen);
        if (code == 227) {
            FtpAddresses.HostPort hp = FtpAddresses.hostPort(args);
            if (hp != null) {
                line.addUint(PASV_IP, tvb, hp.offset() + 4, hp.ipLength(), hp.ip());
                line.addUint(PASV_PORT, tvb, hp.offset() + 4 + 1 + hp.ipLength(), hp.portLength(), hp.port());
                Address ip = Address.ipv4(hp.ip());
                if (!ip.equals(pinfo.netSrc())) {
                    line.addBool(PASV_NAT, tvb, 0, 0, true);
                }
                announce(pinfo, conv, ip, hp.port(), pinfo.netDst(), TcpConversationDissectors.ANY_PORT, "PASV");
            }
        } else if (code == 229) {
            FtpAddresses.Epsv e = FtpAddresses.epsv(args);
            if (e != null) {
                Address server = pinfo.netSrc();
                if (server.type() == Address.Type.IPv4) {
                    line.addUint(EPSV_IP, tvb, 0, 0, ipv4Value(server)).setGenerated();
                } else if (server.type() == Address.Type.IPv6) {
                    line.addBytes(EPSV_IPV6, tvb, 0, 0, server.bytes()).setGenerated();
                }
                line.addUint(EPSV_PORT, tvb, e.offset() + 4, e.portLength(), e.port());
                announce(pinfo, conv, server, e.port(), pinfo.netDst(), TcpConversationDissectors.ANY_PORT, "EPASV");
            } else {
                expertText(line, tvb, EPSV_INVALID, argStart + 1, argLen);
            }
        }
    }

    /** The directory between the first pair of quotes of a 257 reply ("" inside for one quote), or null. */
    private static String quotedDirectory(Tvb tvb, int off, int len) {
        byte[] d = tvb.backingArray();
        int base = tvb.start() + off;
        if (len < 2 || d[base] != '"') {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean started = false;
        int i = 0;
        for (; i < len && d[base + i] != '\r' && d[base + i] != '\n'; i++) {
            if (d[base + i] == '"') {
                if (i + 1 < len && d[base + i + 1] == '"') {
                    out.write('"');
                    i++;
                } else {
                    if (started) {
                        break;
                    }
                    started = true;
                }
            } else {
                out.write(d[base + i]);
            }
        }
        if (i >= len || d[base + i] != '"') {
            return null;
        }
        byte[] b = out.toByteArray();
        int nul = 0;
        while (nul < b.length && b[nul] != 0) {
            nul++;
        }
        return new String(b, 0, nul, StandardCharsets.UTF_8);
    }

    private static void announce(PacketInfo pinfo, FtpConversation conv, Address a, int portA, Address b, int portB,
            String method) {
        if (pinfo.visited()) {
            return;
        }
        DissectorHandle handle = pinfo.tables().handle("ftp-data");
        if (handle == null) {
            return;
        }
        FtpConversation.DataConnection data = new FtpConversation.DataConnection(method, conv.cwd,
                pinfo.number());
        TcpConversationDissectors.ANNOUNCED.announce(pinfo, a, portA, b, portB, handle, data);
        conv.currentData = data;
    }

    /** tshark's proto_tree_add_expert: a text item with the expert's summary and the expert under it. */
    private static void expertText(ProtoItem line, Tvb tvb, ExpertDef e, int off, int len) {
        if (len > 0 && !tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        ProtoItem item = line.addText(tvb, off, len, e.summary());
        item.expert(e);
    }

    /** True when {@code token} matches {@code keyword} as tshark's length-limited compare does (a prefix counts). */
    private static boolean isKeyword(String token, String keyword) {
        return token.length() <= keyword.length() && keyword.startsWith(token);
    }

    private static boolean digit(Tvb tvb, int off) {
        int c = tvb.u8(off);
        return c >= '0' && c <= '9';
    }

    /** The bytes as a Java string, one char per byte, up to a NUL (C's view of them). */
    private static String raw(Tvb tvb, int off, int len) {
        byte[] d = tvb.backingArray();
        int base = tvb.start() + off;
        int n = 0;
        while (n < len && d[base + n] != 0) {
            n++;
        }
        return new String(d, base, n, StandardCharsets.ISO_8859_1);
    }

    private static long ipv4Value(Address a) {
        byte[] b = a.bytes();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** Adds an ASCII string item (tshark 4.0.17 reads FTP's strings so), flagged when text follows a NUL. */
    static ProtoItem string(ProtoItem tree, FieldDef field, Tvb tvb, int off, int len) {
        ProtoItem item = tree.addString(field, tvb, off, len, AsciiText.of(tvb, off, len));
        if (item != tree && AsciiText.strayAfterNul(tvb, off, len)) {
            item.expert(StringErrors.TRAILING_STRAY);
        }
        return item;
    }
}
