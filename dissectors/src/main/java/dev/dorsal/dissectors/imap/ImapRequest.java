package dev.dorsal.dissectors.imap;

import dev.dorsal.dissectors.tcp.TcpConversationDissectors;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.Locale;

/**
 * One request or response line split as tshark 4.0.17 splits it. Words end at a single blank (a
 * second blank makes an empty word, which ends the split). A request is tag, command ({@code UID}
 * and any abbreviation of it marks the next word as the command) and, when the command is an
 * abbreviation of one of these (checked in this order):
 *
 * <ul>
 *   <li>LOGIN: the user name (next word) and the password, read one byte into the word after it and
 *       two bytes shorter than it ({@code "secret pass"} gives {@code secre}; one byte is an error);
 *   <li>SELECT, EXAMINE, CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, STATUS, APPEND: the folder
 *       (next word, quotes and all);
 *   <li>COPY: the folder (the word after the next).
 * </ul>
 *
 * A response is tag, status and command; a tagged one points back at the last request under its tag
 * (any case), with the time between them. An OK answer to STARTTLS makes the connection TLS from the
 * next frame.
 */
final class ImapRequest {
    private ImapRequest() {}

    private static final String[] FOLDER_COMMANDS = {
        "select", "examine", "create", "delete", "rename", "subscribe", "unsubscribe", "status", "append",
    };

    /** A word: where it starts, its length and where the next one starts. */
    private record Word(int offset, int length, int next) {}

    private static Word word(Tvb tvb, int offset, int end) {
        for (int i = offset; i < end; i++) {
            if (tvb.u8(i) == ' ') {
                return new Word(offset, i - offset, i + 1);
            }
        }
        return new Word(offset, Math.max(0, end - offset), Math.max(offset, end));
    }

    private static String text(Tvb tvb, Word w) {
        return AsciiText.of(tvb, w.offset(), w.length());
    }

    static void line(Tvb tvb, PacketInfo pinfo, ImapSession s, ProtoItem line, int offset, int linelen,
            boolean request, int index) {
        int end = offset + linelen;
        line.addString(request ? ImapDissector.REQUEST : ImapDissector.RESPONSE, tvb, offset, linelen,
                AsciiText.of(tvb, offset, linelen));
        Word tag = word(tvb, offset, end);
        if (tag.length() == 0) {
            return;
        }
        String tagText = text(tvb, tag);
        line.addString(request ? ImapDissector.REQUEST_TAG : ImapDissector.RESPONSE_TAG, tvb, tag.offset(),
                tag.length(), tagText);
        line.addString(ImapDissector.TAG, tvb, tag.offset(), tag.length(), tagText).setHidden();
        if (request) {
            request(tvb, pinfo, s, line, tag, end, index);
        } else {
            response(tvb, pinfo, s, line, tag, end, index);
        }
    }

    private static void request(Tvb tvb, PacketInfo pinfo, ImapSession s, ProtoItem line, Word tag, int end,
            int index) {
        long frame = pinfo.number();
        if (!pinfo.visited()) {
            s.tags.put(text(tvb, tag).toLowerCase(Locale.ROOT),
                    new ImapSession.Request(frame, index, pinfo.frame().timestampNanos()));
        }
        Word first = word(tvb, tag.next(), end);
        Word cmd = first;
        if (cmd.length() > 0 && "uid".startsWith(text(tvb, cmd).toLowerCase(Locale.ROOT))) {
            line.addBool(ImapDissector.UID, tvb, cmd.offset(), cmd.length(), true);
            cmd = word(tvb, cmd.next(), end);
        }
        if (cmd.length() > 0) {
            String command = text(tvb, cmd);
            line.addString(ImapDissector.REQUEST_COMMAND, tvb, cmd.offset(), cmd.length(), command);
            line.addString(ImapDissector.COMMAND, tvb, first.offset(), first.length(), text(tvb, first)).setHidden();
            arguments(tvb, line, command.toLowerCase(Locale.ROOT), cmd, end);
            if (!pinfo.visited() && command.equalsIgnoreCase("STARTTLS")) {
                s.startTlsTag = text(tvb, tag).toLowerCase(Locale.ROOT);
            }
        }
        long in = pinfo.links().recall(ImapDissector.RESPONSE_IN.abbrev(), ImapSession.lineKey(frame, index));
        if (in != 0) {
            line.addUint(ImapDissector.RESPONSE_IN, tvb, 0, 0, in).setGenerated();
        }
    }

    /** The folder or the LOGIN credentials after the command. */
    private static void arguments(Tvb tvb, ProtoItem line, String command, Word cmd, int end) {
        if ("login".startsWith(command)) {
            Word user = word(tvb, cmd.next(), end);
            line.addString(ImapDissector.USERNAME, tvb, user.offset(), user.length(), text(tvb, user));
            Word pass = word(tvb, user.next(), end);
            int off = pass.offset() + 1;
            int len = pass.length() - 2;
            if (len == -1) {
                // a string field "to its NUL": tshark fails when the data has none
                len = nulLength(tvb, off);
            } else if (len < -1) {
                throw new MalformedException("password length " + len);
            }
            if (!tvb.has(off, len)) {
                tvb.bytes(off, len);
            }
            line.addString(ImapDissector.PASSWORD, tvb, off, len, AsciiText.of(tvb, off, len));
            return;
        }
        for (String c : FOLDER_COMMANDS) {
            if (c.startsWith(command)) {
                folder(tvb, line, word(tvb, cmd.next(), end));
                return;
            }
        }
        if ("copy".startsWith(command)) {
            Word set = word(tvb, cmd.next(), end);
            folder(tvb, line, word(tvb, set.next(), end));
        }
    }

    private static void folder(Tvb tvb, ProtoItem line, Word w) {
        if (w.length() > 0) {
            line.addString(ImapDissector.FOLDER, tvb, w.offset(), w.length(), text(tvb, w));
        }
    }

    private static int nulLength(Tvb tvb, int off) {
        for (int i = off; i < tvb.length(); i++) {
            if (tvb.u8(i) == 0) {
                return i - off + 1;
            }
        }
        throw new MalformedException("no NUL ends the string at " + off);
    }

    private static void response(Tvb tvb, PacketInfo pinfo, ImapSession s, ProtoItem line, Word tag, int end,
            int index) {
        Word status = word(tvb, tag.next(), end);
        if (status.length() > 0) {
            line.addString(ImapDissector.RESPONSE_STATUS, tvb, status.offset(), status.length(), text(tvb, status));
            Word cmd = word(tvb, status.next(), end);
            if (cmd.length() > 0) {
                String command = text(tvb, cmd);
                line.addString(ImapDissector.RESPONSE_COMMAND, tvb, cmd.offset(), cmd.length(), command);
                line.addString(ImapDissector.COMMAND, tvb, cmd.offset(), cmd.length(), command).setHidden();
            }
        }
        String tagText = text(tvb, tag).toLowerCase(Locale.ROOT);
        if (!pinfo.visited() && tagText.equals(s.startTlsTag)) {
            if (status.length() > 0 && text(tvb, status).equalsIgnoreCase("OK")) {
                // The frames after this one are TLS (tshark's ssl_starttls_ack): TCP hands them to TLS.
                DissectorHandle tls = pinfo.tables().handle("tls");
                if (tls != null) {
                    TcpConversationDissectors.ANNOUNCED.announceAfter(pinfo, tls);
                }
            }
            s.startTlsTag = null;
        }
        long frame = pinfo.number();
        long key = ImapSession.lineKey(frame, index);
        ImapSession.Request r = s.matches.get(key);
        if (r == null) {
            r = s.tags.get(tagText);
            if (r == null) {
                r = ImapSession.NONE;
            }
            s.matches.put(key, r);
            if (r != ImapSession.NONE) {
                pinfo.links().learn(ImapDissector.RESPONSE_IN.abbrev(), ImapSession.lineKey(r.frame(), r.line()), frame);
            }
        }
        if (r != ImapSession.NONE) {
            line.addUint(ImapDissector.RESPONSE_TO, tvb, 0, 0, r.frame()).setGenerated();
            line.addTime(ImapDissector.TIME, tvb, 0, 0, pinfo.frame().timestampNanos() - r.nanos()).setGenerated();
        }
    }
}
