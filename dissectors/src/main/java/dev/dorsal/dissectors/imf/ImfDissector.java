package dev.dorsal.dissectors.imf;

import dev.dorsal.dissectors.http.HttpShared;
import dev.dorsal.dissectors.http.MediaTypeTable;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.dissectors.text.TextLine;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.Locale;

/**
 * Reads an Internet message (RFC 5322; filter prefix {@code imf}; handle {@code imf}, media type
 * {@code message/rfc822}) as tshark 4.0.17 does: the header fields up to the blank line, known ones
 * as their own fields (address lists split by {@link ImfAddresses}, the content type into type and
 * parameters), others as "Unknown-Extension"; then the body, handed to the dissector of its content
 * type (base64 decoded first when the transfer encoding says so) or shown line by line as
 * "Message-Text". SMTP, POP and IMAP call it with the messages they carry; it adds "/IMF" to the
 * Protocol column and writes Info from the From and Subject fields and the text lines.
 *
 * <p>tshark's quirks are kept: the header search ends at the first line without a colon anywhere
 * after it (the whole message is then the body), a value's last two bytes are dropped as its line end
 * even when the message ends without one, and an empty last field is a malformed packet.
 */
public final class ImfDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Internet Message Format", "IMF", "imf");

    /** The name SMTP, POP and IMAP find this dissector by. */
    public static final String HANDLE = "imf";

    private DissectorHandle handle;

    @Override
    public String name() {
        return "imf";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, ImfFields.FIELDS);
        handle = r.handle(HANDLE, PROTO, ImfDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        MediaTypeTable.add(t, handle, List.of("message/rfc822"));
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol(pinfo.columns().protocol() + "/IMF");
        pinfo.columns().clearInfo();
        ProtoItem imf = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        int max = tvb.length();
        int start = 0;
        int end = 0;
        boolean[] last = {false};
        String contentType = null;
        String parameters = null;
        String encoding = null;
        while (!last[0]) {
            end = ImfText.find(tvb, start, max - start, ':');
            if (end == -1) {
                break; // no colon: taken as the start of the body
            }
            String key = tvb.ascii(start, end - start).toLowerCase(Locale.ROOT);
            ImfFields.Header h = ImfFields.HEADERS.get(key);
            int nameStart = start;
            start = end + 1;
            end = fieldEnd(tvb, start, max, last);
            if (end == -1) {
                break;
            }
            int value = start;
            while (value < end && ImfText.space(tvb.u8(value))) {
                value++;
            }
            if (value == end) {
                value = start;
            }
            if (h == null) {
                ProtoItem ext = ImfText.string(imf, ImfFields.EXTENSION, tvb, nameStart, end - nameStart - 2);
                ext.appendText(" (Contact Wireshark developers if you want this supported.)");
                ImfText.string(ext, ImfFields.EXTENSION_TYPE, tvb, nameStart, start - 1 - nameStart);
                ImfText.string(ext, ImfFields.EXTENSION_VALUE, tvb, value, end - value - 2);
            } else {
                ProtoItem item = ImfText.string(imf, h.field(), tvb, value, end - value - 2);
                if (h.info() && pinfo.columns().enabled()) {
                    pinfo.columns().appendInfo(h.key() + ": " + ImfText.format(tvb, value, end - value - 2) + ", ");
                }
                switch (h.kind()) {
                    case CONTENT_TYPE -> {
                        String[] ct = contentType(tvb, start, end - start, item);
                        if (ct != null) {
                            contentType = ct[0];
                            parameters = ct[1];
                        }
                    }
                    case TRANSFER_ENCODING -> encoding = AsciiText.of(tvb, value, end - value - 2);
                    case MAILBOX -> ImfAddresses.mailbox(tvb, value, end - value, item);
                    case MAILBOX_LIST -> ImfAddresses.mailboxList(tvb, value, end - value, item);
                    case ADDRESS_LIST -> ImfAddresses.addressList(tvb, value, end - value, item);
                    case TEXT -> { }
                }
            }
            start = end;
        }
        if (last[0]) {
            end += 2; // the blank line after the fields
        }
        if (end == -1) {
            end = 0;
        }
        if (contentType != null) {
            body(tvb, pinfo, imf, end, contentType, parameters, encoding);
        } else {
            messageText(tvb, pinfo, imf, end);
        }
        return tvb.length();
    }

    /**
     * Where the field starting at {@code offset} ends: after the CRLF not followed by a blank or tab
     * (a folded line goes on). Sets {@code last} when a blank line or the end of the data follows; at
     * the very end the offset returned is that of the final CRLF, as tshark's. -1 when no CRLF ends it.
     */
    static int fieldEnd(Tvb tvb, int offset, int max, boolean[] last) {
        while (offset < max) {
            offset = ImfText.find(tvb, offset, max - offset, '\r');
            if (offset == -1) {
                break;
            }
            if (offset + 1 >= tvb.length()) {
                break; // a CR ending the data: tshark would look at it again and again
            }
            if (tvb.u8(++offset) != '\n') {
                continue;
            }
            if (++offset == max) {
                if (last != null) {
                    last[0] = true;
                }
                return offset - 2;
            }
            int c = tvb.u8(offset);
            if (c == '\r') {
                if (offset + 1 < tvb.length() && tvb.u8(offset + 1) == '\n' && last != null) {
                    last[0] = true;
                }
                return offset;
            }
            if (c != ' ' && c != '\t') {
                return offset;
            }
        }
        return -1;
    }

    /** Splits the Content-Type value below its item; returns {type, parameters} when a ';' is there. */
    private static String[] contentType(Tvb tvb, int offset, int length, ProtoItem item) {
        for (int i = 0; i < length; i++) {
            if (!ImfText.space(tvb.u8(offset + i))) {
                offset += i;
                break;
            }
        }
        int semi = ImfText.find(tvb, offset, length, ';');
        if (semi == -1) {
            return null;
        }
        String type = AsciiText.of(tvb, offset, ImfText.length(tvb, offset, semi - offset));
        ImfText.string(item, ImfFields.CONTENT_TYPE_TYPE, tvb, offset, semi - offset);
        int end = fieldEnd(tvb, semi + 1, offset + length, null);
        if (end == -1) {
            return new String[] {type, null};
        }
        int len = end - (semi + 1) - 2;
        ImfText.string(item, ImfFields.CONTENT_TYPE_PARAMETERS, tvb, semi + 1, len);
        return new String[] {type, AsciiText.of(tvb, semi + 1, len)};
    }

    /** The body after the fields, given to its media type's dissector (base64 decoded if so encoded). */
    private static void body(Tvb tvb, PacketInfo pinfo, ProtoItem imf, int offset, String type, String parameters,
            String encoding) {
        pinfo.columns().fenceInfo();
        Tvb next;
        if (encoding != null && encoding.equalsIgnoreCase("base64")) {
            byte[] raw = tvb.bytes(offset, ImfText.length(tvb, offset, -1));
            next = pinfo.addDataSource(encoding, ImfText.base64(raw));
        } else {
            next = tvb.slice(offset);
        }
        String before = pinfo.columns().info();
        int layers = pinfo.layerNames().size();
        HttpShared.dissect(pinfo, next, imf, type.toLowerCase(Locale.ROOT), parameters);
        if (next.reportedLength() == 0 && pinfo.layerNames().size() > layers) {
            // tshark drops a layer that took no bytes from the frame's protocols (its tree stays)
            pinfo.removeLayers(layers);
        }
        String after = pinfo.columns().info();
        if (before.endsWith(" ") && after.length() > before.length() && after.startsWith(before)
                && after.charAt(before.length()) == '(') {
            // tshark's col_append_sep puts " (text/plain)" after any non-empty Info, its ", " included
            pinfo.columns().restoreInfo(before + " " + after.substring(before.length()), pinfo.columns().infoFence());
        }
    }

    /** The body as "Message-Text", one item per line, each line also appended to Info. */
    private static void messageText(Tvb tvb, PacketInfo pinfo, ProtoItem imf, int offset) {
        ProtoItem text = imf.add(ImfFields.MESSAGE_TEXT, tvb, offset, ImfText.length(tvb, offset, -1));
        int p = offset;
        while (p < tvb.length()) {
            TextLine line = TextLine.at(tvb, p);
            String s = ImfText.formatWsp(tvb, p, line.next() - p);
            if (text != imf) {
                text.addText(tvb, p, line.next() - p, s);
            }
            if (pinfo.columns().enabled()) {
                pinfo.columns().appendInfoSep(", ", s);
            }
            p = line.next();
        }
    }
}
