package dev.dorsal.dissectors.smtp;

import dev.dorsal.dissectors.tcp.TcpConversationDissectors;
import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.dissectors.text.MessageFragments;
import dev.dorsal.dissectors.text.TextLine;
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
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * Reads SMTP (RFC 5321; filter prefix {@code smtp}; TCP ports 25 and 587) as tshark 4.0.17 does: client
 * lines are commands (command, parameter), AUTH LOGIN/PLAIN exchanges (username, password, shown
 * base64 as tshark does by default), message data after DATA ("DATA fragment", its lines through
 * {@code data-text-lines}) up to the end-of-message line; server lines are replies, a multi-line
 * reply one item with a parameter per line. A line cut by the segment end is left to TCP to
 * reassemble. The message, joined from its data frames, goes to IMF in the frame that ends it. After a
 * 220 reply to STARTTLS the connection is TLS.
 */
public final class SmtpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Simple Mail Transfer Protocol", "SMTP", "smtp");

    static final ValueString CODES = ValueString.of(211, "System status, or system help reply", 214, "Help message",
            220, "<domain> Service ready", 221, "<domain> Service closing transmission channel",
            235, "Authentication successful", 250, "Requested mail action okay, completed",
            251, "User not local; will forward to <forward-path>",
            252, "Cannot VRFY user, but will accept message and attempt delivery", 334, "AUTH input",
            354, "Start mail input; end with <CRLF>.<CRLF>",
            421, "<domain> Service not available, closing transmission channel",
            432, "A password transition is needed", 450, "Requested mail action not taken: mailbox unavailable",
            451, "Requested action aborted: local error in processing",
            452, "Requested action not taken: insufficient system storage", 454, "Temporary authentication failed",
            500, "Syntax error, command unrecognized", 501, "Syntax error in parameters or arguments",
            502, "Command not implemented", 503, "Bad sequence of commands", 504, "Command parameter not implemented",
            530, "Authentication required", 534, "Authentication mechanism is too weak",
            535, "Authentication credentials invalid",
            538, "Encryption required for requested authentication mechanism",
            550, "Requested action not taken: mailbox unavailable", 551, "User not local; please try <forward-path>",
            552, "Requested mail action aborted: exceeded storage allocation",
            553, "Requested action not taken: mailbox name not allowed", 554, "Transaction failed");

    static final FieldDef REQ = FieldDef.bool("smtp.req", "Request");
    static final FieldDef RSP = FieldDef.bool("smtp.rsp", "Response");
    static final FieldDef COMMAND_LINE = FieldDef.string("smtp.command_line", "Command Line");
    static final FieldDef REQ_COMMAND = FieldDef.string("smtp.req.command", "Command");
    static final FieldDef REQ_PARAMETER = FieldDef.string("smtp.req.parameter", "Request parameter");
    static final FieldDef RESPONSE = FieldDef.string("smtp.response", "Response");
    static final FieldDef RSP_CODE = FieldDef.uint32("smtp.response.code", "Response code").vals(CODES);
    static final FieldDef RSP_PARAMETER = FieldDef.string("smtp.rsp.parameter", "Response parameter");
    static final FieldDef USERNAME = FieldDef.string("smtp.auth.username", "Username");
    static final FieldDef PASSWORD = FieldDef.string("smtp.auth.password", "Password");
    static final FieldDef USERNAME_PASSWORD = FieldDef.string("smtp.auth.username_password", "Username/Password");
    static final FieldDef EOM = FieldDef.none("smtp.eom", "EOM");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("smtp.data.reassembled.in", "Reassembled DATA in frame");
    static final FieldDef FRAGMENTS = FieldDef.none("smtp.data.fragments", "DATA fragments");
    static final FieldDef FRAGMENT = FieldDef.framenum("smtp.data.fragment", "DATA fragment");
    static final FieldDef FRAGMENT_COUNT = FieldDef.uint32("smtp.data.fragment.count", "DATA fragment count");
    static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint32("smtp.data.reassembled.length",
            "Reassembled DATA length");

    static final List<FieldDef> FIELDS = List.of(REQ, RSP, COMMAND_LINE, REQ_COMMAND, REQ_PARAMETER, RESPONSE,
            RSP_CODE, RSP_PARAMETER, USERNAME, PASSWORD, USERNAME_PASSWORD, EOM, REASSEMBLED_IN, FRAGMENTS, FRAGMENT,
            FRAGMENT_COUNT, REASSEMBLED_LENGTH);

    static final ExpertDef BASE64_DECODE = new ExpertDef("smtp.base64_decode",
            "base64 decode failed or is not enabled (check SMTP preferences)", ExpertDef.Group.PROTOCOL,
            ExpertDef.Severity.WARN);

    static final ExpertDef UNEXPECTED_CODE = new ExpertDef("smtp.response.code.unexpected",
            "Unexpected response code in multiline response", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    private static final String[] LONG_COMMANDS = {"STARTTLS", "X-EXPS", "X-LINK2STATE", "XEXCH50"};

    private DissectorHandle handle;

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(BASE64_DECODE, UNEXPECTED_CODE));
        handle = r.handle("smtp", PROTO, SmtpDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(25, handle);
        t.table("tcp.port").add(587, handle);
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        SmtpSession s = SmtpSession.of(pinfo);
        long frame = pinfo.number();
        boolean request = pinfo.dstPort() == TcpPdus.matchedPort(pinfo);
        SmtpSession.Pdu pdu = request ? s.frames.get(frame) : null;
        int eomLineLength = 0;
        if (pdu == null) {
            if (request) {
                s.frames.put(frame, SmtpSession.Pdu.CMD);
            }
            int ownLayer = pinfo.layerNames().size() - 1;
            int r = classify(tvb, pinfo, s, request, frame);
            if (r == NEED_MORE) {
                // Nothing whole yet: tshark does not list SMTP among the frame's protocols.
                pinfo.removeLayers(ownLayer);
                return tvb.length();
            }
            eomLineLength = r;
            pdu = request ? s.frames.get(frame) : null;
        }
        pinfo.columns().setProtocol("SMTP");
        pinfo.columns().clearInfo();
        ProtoItem smtp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        if (request) {
            switch (pdu) {
                case MESSAGE -> {
                    int n = tvb.reportedLength();
                    info(pinfo, "C: DATA fragment, " + n + " byte" + (n == 1 ? "" : "s"));
                    DissectorHandle lines = pinfo.tables().handle("data-text-lines");
                    if (lines != null) {
                        pinfo.call(lines, tvb, smtp);
                    }
                    fragment(tvb, pinfo, s, frame);
                    long in = pinfo.links().recall(REASSEMBLED_IN.abbrev(), frame);
                    if (in == 0 && s.messages.containsKey(frame)) {
                        in = frame; // the last data frame of a BDAT LAST message completes it itself
                    }
                    if (in != 0) {
                        smtp.addUint(REASSEMBLED_IN, tvb, 0, 0, in).setGenerated();
                    }
                }
                case EOM -> {
                    info(pinfo, "C: .");
                    ProtoItem eom = smtp.add(EOM, tvb, 0, eomLineLength);
                    if (eom != smtp) {
                        eom.setText("C: .");
                    }
                    reassembled(pinfo, s, frame);
                    message(tvb, pinfo, s, smtp, tree, frame);
                }
                case CMD -> {
                    commands(tvb, pinfo, s, smtp, frame);
                    if (s.lastFragment.remove(frame)) {
                        reassembled(pinfo, s, frame);
                    }
                    message(tvb, pinfo, s, smtp, tree, frame);
                }
            }
        } else {
            responses(tvb, pinfo, s, smtp, frame);
        }
        return tvb.length();
    }

    private static final int NEED_MORE = -1;

    /** Counts a frame of message data and keeps its bytes; the last one of a BDAT LAST message completes it. */
    private static void fragment(Tvb tvb, PacketInfo pinfo, SmtpSession s, long frame) {
        if (pinfo.visited() || s.fragments.contains(frame)) {
            return;
        }
        if (s.fragments.size() < SmtpSession.MAX_FRAMES) {
            byte[] bytes = s.fragmentByteCount + tvb.length() <= SmtpSession.MAX_MESSAGE_BYTES
                    ? tvb.bytes(0, tvb.length()) : new byte[0];
            s.fragmentByteCount += bytes.length;
            s.fragments.add(frame);
            s.fragmentBytes.add(bytes);
            s.fragmentLengths.add(tvb.reportedLength());
        }
        if (s.lastFragment.remove(frame)) {
            reassembled(pinfo, s, frame);
        }
    }

    /**
     * The message is complete in {@code frame}: it is joined from the data frames for IMF, and a
     * second pass shows "Reassembled DATA in frame" in its earlier data frames. When the last data
     * frame completes it (BDAT ... LAST), tshark shows that frame as its own reassembly frame and does
     * not call IMF.
     */
    private static void reassembled(PacketInfo pinfo, SmtpSession s, long frame) {
        if (pinfo.visited() || s.fragments.isEmpty()) {
            return;
        }
        List<MessageFragments.Fragment> frags = new java.util.ArrayList<>(s.fragments.size());
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.fragments.size(); i++) {
            long f = s.fragments.get(i);
            frags.add(new MessageFragments.Fragment(f, s.fragmentLengths.get(i)));
            joined.writeBytes(s.fragmentBytes.get(i));
            pinfo.links().learn(REASSEMBLED_IN.abbrev(), f, frame);
        }
        s.messages.put(frame, new SmtpSession.Message(List.copyOf(frags), joined.toByteArray()));
        s.fragments.clear();
        s.fragmentBytes.clear();
        s.fragmentLengths.clear();
        s.fragmentByteCount = 0;
    }

    private static final MessageFragments.Fields FRAGMENT_FIELDS = new MessageFragments.Fields(FRAGMENTS, FRAGMENT,
            FRAGMENT_COUNT, REASSEMBLED_LENGTH);

    /** The message completed in this frame, if any: its fragment list, then the message through IMF. */
    private static void message(Tvb tvb, PacketInfo pinfo, SmtpSession s, ProtoItem smtp, ProtoItem tree, long frame) {
        SmtpSession.Message m = s.messages.get(frame);
        if (m == null) {
            return;
        }
        MessageFragments.show(smtp, FRAGMENT_FIELDS, m.fragments(), tvb);
        DissectorHandle imf = pinfo.tables().handle("imf");
        if (imf != null) {
            pinfo.call(imf, pinfo.addDataSource("Reassembled SMTP", m.bytes()), tree);
        }
    }

    /**
     * tshark's first look at the lines of a segment: asks for more when the first line has no end,
     * watches for the end of message data, and classifies a client frame (command, data, end of
     * message) while following DATA, BDAT, AUTH and STARTTLS. Returns the last line's length.
     */
    private static int classify(Tvb tvb, PacketInfo pinfo, SmtpSession s, boolean request, long frame) {
        boolean desegment = pinfo.canDesegment();
        boolean eomSeen = false;
        int linelen = 0;
        int loffset = 0;
        while (loffset < tvb.length()) {
            TextLine line = TextLine.at(tvb, loffset);
            boolean ended = line.next() > loffset + line.length()
                    && !(line.next() == tvb.length() && tvb.u8(line.next() - 1) == '\r');
            if (desegment && !ended) {
                if (loffset == 0) {
                    pinfo.setDesegment(0, PacketInfo.ONE_MORE_SEGMENT);
                    return NEED_MORE;
                }
            }
            linelen = desegment && !ended ? tvb.length() - loffset : line.length();
            int next = desegment && !ended ? tvb.length() : line.next();
            if (s.state == SmtpSession.State.READING_DATA) {
                if ((s.crlfSeen && startsWith(tvb, loffset, ".\r\n")) || startsWith(tvb, loffset, "\r\n.\r\n")) {
                    eomSeen = true;
                }
                int remaining = tvb.length() - loffset;
                s.crlfSeen = remaining == tvb.reportedLength() - loffset && remaining >= 2
                        && tvb.u8(loffset + remaining - 2) == '\r' && tvb.u8(loffset + remaining - 1) == '\n';
            }
            if (request) {
                if (s.state == SmtpSession.State.READING_DATA) {
                    if (eomSeen) {
                        s.frames.put(frame, SmtpSession.Pdu.EOM);
                        s.state = SmtpSession.State.READING_CMDS;
                        break;
                    }
                    s.frames.put(frame, SmtpSession.Pdu.MESSAGE);
                    if (s.msgTotLen > 0) {
                        s.msgReadLen += tvb.reportedLength() - loffset;
                        if (s.msgReadLen == s.msgTotLen) {
                            s.state = SmtpSession.State.READING_CMDS;
                            if (s.msgLast) {
                                s.lastFragment.add(frame);
                            }
                        }
                    }
                    // tshark 4.0.17 looks only at a data segment's first line for the end of message.
                    break;
                } else {
                    command(tvb, s, frame, loffset, linelen);
                }
            }
            loffset = next;
        }
        return linelen;
    }

    /** Classifies one client line read while commands are expected. */
    private static void command(Tvb tvb, SmtpSession s, long frame, int off, int linelen) {
        String line = tvb.ascii(off, linelen);
        int cmdlen = line.indexOf(' ');
        if (cmdlen < 0) {
            cmdlen = linelen;
        }
        String upper = line.toUpperCase(Locale.ROOT);
        if (isCommand(line, cmdlen)) {
            SmtpSession.Pdu pdu = SmtpSession.Pdu.CMD;
            if (upper.startsWith("DATA")) {
                s.state = SmtpSession.State.READING_DATA;
                s.dataSeen = true;
            } else if (upper.startsWith("BDAT")) {
                long len = leadingNumber(line, 5);
                s.dataSeen = true;
                s.msgTotLen += len;
                s.state = len == 0 ? SmtpSession.State.READING_CMDS : SmtpSession.State.READING_DATA;
                s.msgLast = linelen >= 4 && upper.endsWith("LAST");
                if (s.msgLast && len == 0) {
                    s.lastFragment.add(frame);
                }
            } else if (upper.startsWith("AUTH LOGIN")) {
                s.state = SmtpSession.State.READING_CMDS;
                s.firstAuthFrame = frame;
                if (linelen <= 11) {
                    s.auth = SmtpSession.Auth.START;
                } else {
                    s.auth = SmtpSession.Auth.USERNAME_RSP;
                    s.usernameCmdFrame = frame;
                }
            } else if (upper.startsWith("AUTH PLAIN")) {
                s.state = SmtpSession.State.READING_CMDS;
                s.firstAuthFrame = frame;
                if (linelen <= 11) {
                    s.auth = SmtpSession.Auth.PLAIN_START_REQ;
                } else {
                    s.auth = SmtpSession.Auth.PLAIN_CRED_REQ;
                    s.userPassCmdFrame = frame;
                }
            } else if (upper.startsWith("AUTH NTLM") && linelen > 10) {
                s.state = SmtpSession.State.READING_CMDS;
                s.auth = SmtpSession.Auth.NTLM_REQ;
                s.ntlmReqFrame = frame;
            } else if (upper.startsWith("STARTTLS")) {
                s.state = SmtpSession.State.AWAITING_STARTTLS_RESPONSE;
            }
            s.frames.put(frame, pdu);
        } else if (s.auth == SmtpSession.Auth.USERNAME_REQ) {
            s.auth = SmtpSession.Auth.USERNAME_RSP;
            s.usernameFrame = frame;
        } else if (s.auth == SmtpSession.Auth.PASSWORD_REQ) {
            s.auth = SmtpSession.Auth.PASSWORD_RSP;
            s.passwordFrame = frame;
        } else if (s.auth == SmtpSession.Auth.PLAIN_REQ) {
            s.auth = SmtpSession.Auth.PLAIN_RSP;
            s.userPassFrame = frame;
        } else if (s.auth == SmtpSession.Auth.NTLM_CHALLENGE) {
            s.auth = SmtpSession.Auth.NTLM_RSP;
            s.ntlmRspFrame = frame;
        } else {
            s.frames.put(frame, s.dataSeen ? SmtpSession.Pdu.MESSAGE : SmtpSession.Pdu.CMD);
        }
    }

    private static boolean isCommand(String line, int cmdlen) {
        if (cmdlen == 4 && Character.isLetter(line.charAt(0)) && line.chars().limit(4).allMatch(SmtpDissector::alpha)) {
            return true;
        }
        for (String c : LONG_COMMANDS) {
            if (cmdlen == c.length() && line.regionMatches(true, 0, c, 0, cmdlen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean alpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static long leadingNumber(String s, int from) {
        long v = 0;
        for (int i = from; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            v = Math.min(v * 10 + (s.charAt(i) - '0'), 0xffffffffL);
        }
        return v;
    }

    private static void commands(Tvb tvb, PacketInfo pinfo, SmtpSession s, ProtoItem smtp, long frame) {
        int loffset = 0;
        while (loffset < tvb.length()) {
            TextLine line = TextLine.at(tvb, loffset);
            int linelen = line.length();
            int next = line.next();
            info(pinfo, loffset == 0 ? "C: " : " | ");
            smtp.addBool(REQ, tvb, 0, 0, true).setHidden();
            if (s.usernameFrame == frame) {
                String user = AsciiText.of(tvb, loffset, linelen);
                smtp.addString(USERNAME, tvb, loffset, linelen, user);
                info(pinfo, "User: " + format(user));
            } else if (s.passwordFrame == frame) {
                String pass = AsciiText.of(tvb, loffset, linelen);
                smtp.addString(PASSWORD, tvb, loffset, linelen, pass);
                info(pinfo, "Pass: " + format(pass));
            } else if (s.ntlmRspFrame == frame) {
                info(pinfo, format(AsciiText.of(tvb, loffset, linelen)));
                smtp.addString(COMMAND_LINE, tvb, loffset, linelen, AsciiText.of(tvb, loffset, linelen));
            } else if (s.userPassFrame == frame) {
                plainAuth(tvb, pinfo, smtp, loffset, linelen);
            } else {
                int cmdlen = Math.min(4, linelen);
                ProtoItem cl = smtp.addString(COMMAND_LINE, tvb, loffset, next - loffset,
                        AsciiText.of(tvb, loffset, next - loffset));
                cl.addString(REQ_COMMAND, tvb, loffset, cmdlen, AsciiText.of(tvb, loffset, cmdlen));
                if (linelen > 5 && s.usernameCmdFrame == frame) {
                    cl.addString(REQ_PARAMETER, tvb, loffset + 5, linelen - 5, AsciiText.of(tvb, loffset + 5, linelen - 5));
                    if (linelen >= 11) {
                        String user = AsciiText.of(tvb, loffset + 11, linelen - 11);
                        cl.addString(USERNAME, tvb, loffset + 11, linelen - 11, user);
                        info(pinfo, format(AsciiText.of(tvb, loffset, 11)) + "User: " + format(user));
                    }
                } else if (linelen > 5 && s.userPassCmdFrame == frame) {
                    cl.addString(REQ_PARAMETER, tvb, loffset + 5, linelen - 5, AsciiText.of(tvb, loffset + 5, linelen - 5));
                    info(pinfo, format(AsciiText.of(tvb, loffset, 11)));
                    plainAuth(tvb, pinfo, cl, loffset + 11, linelen - 11);
                } else if (linelen > 5) {
                    cl.addString(REQ_PARAMETER, tvb, loffset + 5, linelen - 5, AsciiText.of(tvb, loffset + 5, linelen - 5));
                    info(pinfo, format(AsciiText.of(tvb, loffset, linelen)));
                } else {
                    info(pinfo, format(AsciiText.of(tvb, loffset, linelen)));
                }
            }
            loffset = next;
        }
    }

    /** AUTH PLAIN credentials, shown base64 with tshark's warning (it decodes them only on request). */
    private static void plainAuth(Tvb tvb, PacketInfo pinfo, ProtoItem tree, int off, int len) {
        String text = AsciiText.of(tvb, off, len);
        ProtoItem item = tree.addString(USERNAME_PASSWORD, tvb, off, len, text);
        item.expert(BASE64_DECODE);
        info(pinfo, format(text));
    }

    private static void responses(Tvb tvb, PacketInfo pinfo, SmtpSession s, ProtoItem smtp, long frame) {
        smtp.addBool(RSP, tvb, 0, 0, true).setHidden();
        int offset = 0;
        ProtoItem current = null;
        ProtoItem codeItem = null;
        int multilineCode = -1;
        boolean continuing = false;
        while (offset < tvb.length()) {
            TextLine line = TextLine.at(tvb, offset);
            int linelen = line.length();
            int next = line.next();
            info(pinfo, offset == 0 ? "S: " : " | ");
            if (linelen >= 3 && digit(tvb, offset) && digit(tvb, offset + 1) && digit(tvb, offset + 2)) {
                int code = (tvb.u8(offset) - '0') * 100 + (tvb.u8(offset + 1) - '0') * 10 + (tvb.u8(offset + 2) - '0');
                boolean more = linelen >= 4 && tvb.u8(offset + 3) == '-';
                if (continuing && current != null) {
                    if (code != multilineCode && codeItem != null) {
                        codeItem.expert(UNEXPECTED_CODE, "Unexpected response code " + code
                                + " in multiline response. Expected " + multilineCode);
                    }
                    if (linelen >= 4) {
                        current.addString(RSP_PARAMETER, tvb, offset + 4, linelen - 4,
                                AsciiText.of(tvb, offset + 4, linelen - 4));
                        info(pinfo, format(AsciiText.of(tvb, offset + 4, linelen - 4)));
                    }
                } else {
                    replyState(pinfo, s, code, frame);
                    current = smtp.addString(RESPONSE, tvb, offset, next - offset, AsciiText.of(tvb, offset, next - offset));
                    codeItem = current.addUint(RSP_CODE, tvb, offset, 3, code);
                    multilineCode = code;
                    if (linelen >= 4) {
                        current.addString(RSP_PARAMETER, tvb, offset + 4, linelen - 4,
                                AsciiText.of(tvb, offset + 4, linelen - 4));
                    }
                    info(pinfo, format(AsciiText.of(tvb, offset, linelen)));
                }
                continuing = more;
            }
            offset = next;
        }
    }

    /** What a reply code does to the session: STARTTLS accepted, AUTH prompts and results. */
    private static void replyState(PacketInfo pinfo, SmtpSession s, int code, long frame) {
        if (s.state == SmtpSession.State.AWAITING_STARTTLS_RESPONSE) {
            if (code == 220) {
                // The frames after this one are TLS (tshark's ssl_starttls_ack): TCP hands them to TLS.
                DissectorHandle tls = pinfo.tables().handle("tls");
                if (tls != null && !pinfo.visited()) {
                    TcpConversationDissectors.ANNOUNCED.announceAfter(pinfo, tls);
                }
            }
            s.state = SmtpSession.State.READING_CMDS;
        }
        if (code == 334) {
            s.auth = switch (s.auth) {
                case START -> SmtpSession.Auth.USERNAME_REQ;
                case USERNAME_RSP -> SmtpSession.Auth.PASSWORD_REQ;
                case PLAIN_REQ -> SmtpSession.Auth.PLAIN_RSP;
                case PLAIN_START_REQ -> SmtpSession.Auth.PLAIN_REQ;
                case NTLM_REQ -> SmtpSession.Auth.NTLM_CHALLENGE;
                default -> s.auth;
            };
        } else if (s.auth == SmtpSession.Auth.PASSWORD_RSP || s.auth == SmtpSession.Auth.PLAIN_RSP
                || s.auth == SmtpSession.Auth.NTLM_RSP || s.auth == SmtpSession.Auth.PLAIN_CRED_REQ) {
            s.auth = code == 235 ? SmtpSession.Auth.SUCCESS : SmtpSession.Auth.FAILED;
            s.lastAuthFrame = frame;
        }
    }

    private static boolean digit(Tvb tvb, int off) {
        int c = tvb.u8(off);
        return c >= '0' && c <= '9';
    }

    private static boolean startsWith(Tvb tvb, int off, String prefix) {
        if (!tvb.has(off, prefix.length())) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (tvb.u8(off + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String format(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return FormatText.format(b, 0, b.length);
    }

    private static void info(PacketInfo pinfo, String text) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfo(text);
        }
    }
}
