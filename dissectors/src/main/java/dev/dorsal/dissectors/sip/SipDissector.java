package dev.dorsal.dissectors.sip;

import dev.dorsal.dissectors.http.HttpShared;
import dev.dorsal.dissectors.text.FormatText;
import dev.dorsal.dissectors.text.TextLine;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;

/**
 * Reads SIP (RFC 3261; filter prefix {@code sip}; UDP and TCP port 5060 and tshark's enabled
 * {@code sip_udp}/{@code sip_tcp} heuristics) as tshark 4.0.17 does: the request or status line, each
 * header line with the subtree of a structured header ({@link SipHeaderTrees}), and the body handed
 * to the dissector of its Content-Type through the {@code media_type} table (SDP, XML…). Over TCP a
 * segment may hold several messages, and a message cut at the segment end (headers, then
 * Content-Length bytes of body) is left to TCP to reassemble; data that is not SIP there is shown as
 * a continuation.
 *
 * <pre>
 *  INVITE sip:bob@example.com SIP/2.0      Request-Line (or SIP/2.0 200 OK: Status-Line)
 *  Via: SIP/2.0/UDP 10.0.0.1;branch=z9…    Message Header: one item per line, compact forms too
 *  …
 *  (blank line)
 *  v=0 …                                   Message Body: Content-Length bytes
 * </pre>
 */
final class SipDissector {
    static final ProtocolDef PROTO = new ProtocolDef("Session Initiation Protocol", "SIP", "sip");

    /** The Call-ID of the message whose body is being dissected (SDP shows it). */
    static final Key<String> CALL_ID = Key.of("sip.call_id");

    /** Longest data tshark asks TCP to complete before it has a whole first line (its safety limit). */
    private static final int FIRST_LINE_LIMIT = 1500;

    private static final String VERSION = "SIP/2.0";

    private SipDissector() {}

    enum LineType { REQUEST, STATUS, OTHER }

    /** SIP over UDP port 5060: one message; 0 when the datagram is not SIP. */
    static int dissectUdp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int n = message(tvb, 0, pinfo, tree, false, false, 0);
        return Math.max(n, 0);
    }

    static boolean heuristicUdp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return message(tvb, 0, pinfo, tree, false, false, 0) > 0;
    }

    /** SIP over TCP port 5060: every message of the data; what is not SIP is a continuation. */
    static int dissectTcp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return tcp(tvb, pinfo, tree, true);
    }

    static boolean heuristicTcp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (firstLine(tvb, 0) == LineType.OTHER) {
            return false;
        }
        return tcp(tvb, pinfo, tree, false) > 0;
    }

    private static int tcp(Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean continuation) {
        int ownLayer = pinfo.layerNames().size() - 1;
        int offset = 0;
        int index = 0;
        int remaining = tvb.reportedLength();
        while (remaining > 0) {
            if (remaining < FIRST_LINE_LIMIT && pinfo.canDesegment() && !hasLineEnd(tvb, offset)) {
                pinfo.setDesegment(offset, PacketInfo.ONE_MORE_SEGMENT);
                break;
            }
            int n = message(tvb, offset, pinfo, tree, continuation || index > 0, true, index);
            if (n <= 0) {
                if (index == 0 && n == -2) {
                    return 0;
                }
                break;
            }
            offset += n;
            remaining -= n;
            index++;
        }
        if (index == 0 && pinfo.desegmentLength() > 0) {
            // nothing whole yet: tshark does not list SIP among the frame's protocols
            pinfo.removeLayers(ownLayer);
        }
        return tvb.length();
    }

    private static boolean hasLineEnd(Tvb tvb, int offset) {
        for (int i = offset; i < tvb.length(); i++) {
            int c = tvb.u8(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The kind of the line starting at {@code offset} (tshark's sip_parse_line). */
    static LineType firstLine(Tvb tvb, int offset) {
        TextLine line = TextLine.at(tvb, offset);
        return classify(tvb.ascii(offset, line.length()));
    }

    static LineType classify(String line) {
        if (line.startsWith(VERSION + " ")) {
            String rest = line.substring(VERSION.length() + 1);
            if (rest.length() >= 3 && Character.isDigit(rest.charAt(0)) && Character.isDigit(rest.charAt(1))
                    && Character.isDigit(rest.charAt(2)) && (rest.length() == 3 || rest.charAt(3) == ' ')) {
                return LineType.STATUS;
            }
            return LineType.OTHER;
        }
        // tshark takes any method up to the first space, and a URI with a scheme (a colon)
        int sp = line.indexOf(' ');
        if (sp <= 0) {
            return LineType.OTHER;
        }
        int sp2 = line.indexOf(' ', sp + 1);
        if (sp2 <= sp + 1 || !line.substring(sp2 + 1).equals(VERSION) || line.indexOf(':', sp + 1) >= sp2
                || line.indexOf(':', sp + 1) < 0) {
            return LineType.OTHER;
        }
        return LineType.REQUEST;
    }

    /**
     * Dissects the message at {@code offset}: its length, -2 when it is not SIP (and {@code other} does not
     * make it a continuation), -1 after asking TCP for more.
     */
    private static int message(Tvb tvb, int offset, PacketInfo pinfo, ProtoItem tree, boolean other,
            boolean reassemble, int index) {
        int remaining = tvb.reportedLength() - offset;
        if (remaining <= 0 || tvb.remaining(offset) <= 0) {
            return -2;
        }
        TextLine first = TextLine.at(tvb, offset);
        if (first.length() == 0 || tvb.indexOf(offset, (byte) 0) >= 0
                && tvb.indexOf(offset, (byte) 0) < offset + first.length()) {
            return -2;
        }
        LineType type = classify(tvb.ascii(offset, first.length()));
        if (type == LineType.OTHER) {
            if (!other) {
                return -2;
            }
            return continuation(tvb, offset, pinfo, tree, first, index);
        }
        int length = remaining;
        if (reassemble) {
            length = SipReassembly.messageLength(tvb, offset, pinfo);
            if (length < 0) {
                return -1;
            }
        }
        return new SipMessage(tvb, offset, length, pinfo, tree, type, first, index).dissect();
    }

    private static int continuation(Tvb tvb, int offset, PacketInfo pinfo, ProtoItem tree, TextLine first,
            int index) {
        pinfo.columns().setProtocol(PROTO.shortName());
        int n = tvb.reportedLength() - offset;
        if (index > 0) {
            // after a message, tshark's continuation item fails while it builds a tree (not without one)
            pinfo.columns().appendInfo("Continuation");
            tree.addProtocol(PROTO, tvb, offset, n);
            if (!tree.tree().treeless()) {
                tvb.u8(tvb.reportedLength());
            }
            return n;
        }
        pinfo.columns().setInfo("Continuation");
        ProtoItem sip = tree.addProtocol(PROTO, tvb, offset, n);
        ProtoItem line = sip.addText(tvb, offset, first.length(), "Continuation line: " + first.format(tvb));
        line.add(SipFields.CONTINUATION, tvb, offset, n);
        return n;
    }

    static String format(Tvb tvb, int off, int len) {
        return FormatText.format(tvb.backingArray(), tvb.start() + off, len);
    }

    /** Sets {@code label} on {@code item} unless the item was not created (a tree without labels). */
    static void label(ProtoItem parent, ProtoItem item, String label) {
        if (item != parent) {
            item.setText(label);
        }
    }

    /** The body handed to the media type's dissector, under a "Message Body" item. */
    static void body(Tvb tvb, int offset, int length, PacketInfo pinfo, ProtoItem sip, String contentType,
            String callId) {
        ProtoItem body = sip.add(SipFields.MSG_BODY, tvb, offset, length);
        String[] split = contentType == null ? null : HttpShared.split(contentType);
        if (split == null || pinfo.tables().table("media_type").lookup(split[0]) == null
                && !split[0].startsWith("multipart/")) {
            // without a type, or one no dissector takes, tshark shows the body's lines as text
            int p = offset;
            int end = Math.min(offset + length, tvb.length());
            while (p < end) {
                TextLine line = TextLine.at(tvb.slice(0, end), p);
                body.addText(tvb, p, line.next() - p, line.formatWithEnd(tvb));
                p = line.next() > p ? line.next() : end;
            }
            return;
        }
        Tvb entity = tvb.slice(offset, length);
        pinfo.put(CALL_ID, callId != null ? callId : ""); // tshark sets up media for a message without one too
        HttpShared.dissect(pinfo, entity, body, split[0], split[1]);
    }

    /** A field whose header line tshark shows raw as its label. */
    static ProtoItem rawHeader(ProtoItem hdr, FieldDef f, Tvb tvb, int off, int len, String label, String value) {
        ProtoItem item = hdr.addString(f, tvb, off, len, value);
        label(hdr, item, label);
        return item;
    }
}
