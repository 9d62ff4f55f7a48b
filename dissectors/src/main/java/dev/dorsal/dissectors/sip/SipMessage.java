package dev.dorsal.dissectors.sip;

import dev.dorsal.dissectors.text.TextLine;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.Locale;

/**
 * One SIP message as tshark 4.0.17 shows it: start line, header lines, body. Info is
 * {@code Request: INVITE sip:bob@example.com | } or {@code Status: 200 OK (INVITE) | } (the method of
 * a 200 answer, the bindings of a REGISTER exchange, then tshark's separator, which stays after the
 * last message of a packet); several messages of one TCP segment follow each other in Info.
 */
final class SipMessage {
    /** The methods tshark knows; a request of another is "Unknown request" in Info. */
    private static final java.util.Set<String> KNOWN_METHODS = java.util.Set.of("INVITE", "ACK", "OPTIONS", "BYE",
            "CANCEL", "REGISTER", "INFO", "PRACK", "SUBSCRIBE", "NOTIFY", "UPDATE", "MESSAGE", "REFER", "PUBLISH");

    private final Tvb tvb;
    private final int offset;
    private final int end;
    private final PacketInfo pinfo;
    private final ProtoItem tree;
    private final SipDissector.LineType type;
    private final TextLine first;
    private final int index;

    private String callId;
    private long cseq = -1;
    private String cseqMethod;
    private boolean cseqHeader;
    private String contentType;
    private long contentLength = -1;
    private int contacts;
    private boolean contactStar;
    private String method;
    private int status;

    SipMessage(Tvb tvb, int offset, int length, PacketInfo pinfo, ProtoItem tree, SipDissector.LineType type,
            TextLine first, int index) {
        this.tvb = tvb;
        this.offset = offset;
        this.end = offset + length;
        this.pinfo = pinfo;
        this.tree = tree;
        this.type = type;
        this.first = first;
        this.index = index;
    }

    /** Dissects the message; returns its length. */
    int dissect() {
        Columns cols = pinfo.columns();
        cols.setProtocol(SipDissector.PROTO.shortName());
        ProtoItem sip = tree.addProtocol(SipDissector.PROTO, tvb, offset, end - offset);
        ProtoItem startLine = type == SipDissector.LineType.REQUEST ? requestLine(sip, cols) : statusLine(sip, cols);
        int hdrStart = first.next();
        int reported = tvb.reportedLength() - hdrStart;
        if (reported > 0 && tvb.remaining(hdrStart) < reported) {
            tvb.bytes(hdrStart, reported); // cut by the snapshot length: tshark's Message Header item fails here
        }
        String all = reported > 0 ? tvb.utf8(hdrStart, Math.max(0, tvb.remaining(hdrStart))) : "";
        ProtoItem hdr = sip.addString(SipFields.MSG_HDR, tvb, hdrStart, Math.max(0, end - hdrStart), all);
        SipDissector.label(sip, hdr, "Message Header");
        int bodyStart = headers(hdr, hdrStart);
        if (bodyStart >= 0 && hdr != sip) {
            hdr.setLength(bodyStart - hdrStart);
        }
        if (status == 200) {
            cols.appendInfo(" (" + (cseqMethod != null ? cseqMethod : "") + ")");
        }
        bindings(cols);
        cols.appendInfo(" | ");
        tracking(startLine);
        sip.appendText(" (" + (method != null ? method : Integer.toString(status)) + ")");
        if (bodyStart >= 0 && bodyStart < end) {
            int n = end - bodyStart;
            if (contentLength >= 0 && contentLength < n) {
                n = (int) contentLength;
            }
            if (n > 0) {
                SipDissector.body(tvb, bodyStart, n, pinfo, sip, contentType, callId);
            }
        }
        return end - offset;
    }

    private ProtoItem requestLine(ProtoItem sip, Columns cols) {
        String line = tvb.ascii(offset, first.length());
        int sp = line.indexOf(' ');
        int sp2 = line.indexOf(' ', sp + 1);
        method = line.substring(0, sp);
        String info = (KNOWN_METHODS.contains(method) ? "Request: " : "Unknown request: ")
                + SipDissector.format(tvb, offset, sp2);
        setInfo(cols, info);
        ProtoItem rl = sip.addString(SipFields.REQUEST_LINE, tvb, offset, first.length(), line);
        SipDissector.label(sip, rl, "Request-Line: " + first.format(tvb));
        rl.addString(SipFields.METHOD, tvb, offset, sp, method);
        SipUri.addUri(rl, tvb, offset + sp + 1, offset + sp2, SipFields.R_URI, false);
        return rl;
    }

    private ProtoItem statusLine(ProtoItem sip, Columns cols) {
        String line = tvb.ascii(offset, first.length());
        status = Integer.parseInt(line.substring(8, 11));
        setInfo(cols, "Status: " + SipDissector.format(tvb, offset + 8, first.length() - 8));
        ProtoItem sl = sip.addString(SipFields.STATUS_LINE, tvb, offset, first.length(), line);
        SipDissector.label(sip, sl, "Status-Line: " + first.format(tvb));
        sl.addUint(SipFields.STATUS_CODE, tvb, offset + 8, 3, status);
        return sl;
    }

    private void setInfo(Columns cols, String text) {
        if (index == 0) {
            cols.setInfo(text);
        } else {
            cols.appendInfo(text);
        }
    }

    /** The header lines; returns where the body starts, or -1 when no blank line ends them. */
    private int headers(ProtoItem hdr, int start) {
        int p = start;
        boolean any = false;
        while (p < end) {
            TextLine line = TextLine.at(tvb, p);
            int lineEnd = p + line.length();
            int next = line.next();
            boolean terminated = next > lineEnd;
            if (line.length() == 0 && terminated) {
                return next;
            }
            while (terminated && next < end && (tvb.u8(next) == ' ' || tvb.u8(next) == '\t')) {
                TextLine more = TextLine.at(tvb, next);
                lineEnd = next + more.length();
                terminated = more.next() > lineEnd;
                next = more.next();
            }
            any = true;
            header(hdr, p, lineEnd, next);
            if (!terminated) {
                tvb.u8(tvb.reportedLength()); // tshark looks past the last line for a continuation: malformed
            }
            p = next;
        }
        if (any) {
            ProtoItem t = hdr.addText(tvb, p, 0, "Header not terminated by empty line (CRLF)");
            t.expert(SipFields.HEADER_NOT_TERMINATED);
        }
        return -1;
    }

    private void header(ProtoItem hdr, int p, int lineEnd, int next) {
        int colon = SipUri.indexOf(tvb, p, lineEnd, ':');
        if (colon < 0) {
            hdr.expert(SipFields.HEADER_NO_COLON);
            return;
        }
        String name = tvb.ascii(p, colon - p).trim();
        int vs = SipUri.skipSpace(tvb, colon + 1, lineEnd);
        String value = tvb.utf8(vs, lineEnd - vs);
        String label = SipDissector.format(tvb, p, lineEnd - p);
        int len = next - p;
        FieldDef f = SipHeaders.lookup(name);
        if (f == null) {
            ProtoItem t = hdr.addText(tvb, p, len, label);
            t.expert(SipFields.UNRECOGNIZED_HEADER,
                    "Unrecognised SIP header (" + name.toLowerCase(Locale.ROOT) + ")");
            return;
        }
        if (f == SipHeaders.EXPIRES || f == SipHeaders.RSEQ || f == SipHeaders.MAX_FORWARDS
                || f == SipHeaders.MAX_BREADTH) {
            hdr.addUint(f, tvb, p, len, leadingNumber(value));
            return;
        }
        if (f == SipHeaders.RETRY_AFTER) {
            boolean digits = !value.isEmpty() && value.chars().allMatch(Character::isDigit);
            ProtoItem item = hdr.addUint(f, tvb, p, len, digits ? leadingNumber(value) : 0);
            if (!digits) {
                item.expert(SipFields.RETRY_AFTER_INVALID);
            }
            return;
        }
        if (f == SipHeaders.CONTENT_LENGTH) {
            contentLength = leadingNumber(value);
            ProtoItem cl = hdr.addUint(f, tvb, p, len, contentLength);
            SipDissector.label(hdr, cl, label);
            String digits = value.trim();
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
                cl.expert(SipFields.CONTENT_LENGTH_INVALID);
            }
            return;
        }
        ProtoItem h = SipDissector.rawHeader(hdr, f, tvb, p, len, label, value);
        if (f == SipHeaders.FROM) {
            SipHeaderTrees.fromTo(h, tvb, vs, lineEnd, SipFields.FROM, SipFields.FROM_TAG);
        } else if (f == SipHeaders.TO) {
            SipHeaderTrees.fromTo(h, tvb, vs, lineEnd, SipFields.TO, SipFields.TO_TAG);
        } else if (f == SipHeaders.CONTACT) {
            if (value.trim().equals("*")) {
                contactStar = true;
            } else {
                contacts += countContacts(value);
                SipHeaderTrees.contact(h, tvb, vs, lineEnd);
            }
        } else if (f == SipHeaders.VIA) {
            SipHeaderTrees.via(h, tvb, vs, lineEnd);
        } else if (f == SipHeaders.CSEQ) {
            cseqHeader = true;
            long[] c = SipHeaderTrees.cseq(h, tvb, vs, lineEnd);
            if (c != null) {
                cseq = c[0];
                cseqMethod = tvb.ascii((int) c[1], (int) (c[2] - c[1]));
            }
        } else if (f == SipHeaders.CALL_ID) {
            callId = value;
            hdr.addString(SipFields.CALL_ID_GENERATED, tvb, p, len, value).setGenerated();
        } else if (f == SipHeaders.RECORD_ROUTE) {
            SipHeaderTrees.addressList(h, tvb, vs, lineEnd, SipFields.RECORD_ROUTE);
        } else if (f == SipHeaders.ROUTE) {
            SipHeaderTrees.addressList(h, tvb, vs, lineEnd, SipFields.ROUTE);
        } else if (f == SipHeaders.PATH) {
            SipHeaderTrees.addressList(h, tvb, vs, lineEnd, SipFields.PATH);
        } else if (f == SipHeaders.SERVICE_ROUTE) {
            SipHeaderTrees.addressList(h, tvb, vs, lineEnd, SipFields.SERVICE_ROUTE);
        } else if (f == SipHeaders.P_ASSERTED_IDENTITY) {
            SipHeaderTrees.addressList(h, tvb, vs, lineEnd, SipFields.PAI);
        } else if (f == SipHeaders.P_PREFERRED_IDENTITY) {
            SipHeaderTrees.addressList(h, tvb, vs, lineEnd, SipFields.PPI);
        } else if (f == SipHeaders.WWW_AUTHENTICATE || f == SipHeaders.PROXY_AUTHENTICATE
                || f == SipHeaders.AUTHORIZATION || f == SipHeaders.PROXY_AUTHORIZATION) {
            SipHeaderTrees.credentials(h, tvb, vs, lineEnd);
            hdr.addString(SipFields.AUTH, tvb, p, len, tvb.utf8(p, Math.min(len, tvb.remaining(p)))).setHidden();
        } else if (f == SipHeaders.REASON) {
            SipHeaderTrees.reason(h, tvb, vs, lineEnd);
        } else if (f == SipHeaders.RACK) {
            SipHeaderTrees.rack(h, tvb, vs, lineEnd);
        } else if (f == SipHeaders.P_ACCESS_NETWORK_INFO) {
            SipImsHeaders.accessNetworkInfo(h, tvb, vs, lineEnd);
        } else if (f == SipHeaders.SECURITY_CLIENT || f == SipHeaders.SECURITY_SERVER
                || f == SipHeaders.SECURITY_VERIFY) {
            SipImsHeaders.security(h, tvb, vs, lineEnd);
        } else if (f == SipHeaders.P_CHARGING_VECTOR) {
            SipImsHeaders.chargingVector(h, tvb, vs, lineEnd);
        } else if (f == SipHeaders.SESSION_ID) {
            SipImsHeaders.sessionId(h, tvb, vs, lineEnd);
        } else if (f == SipHeaders.CONTENT_TYPE) {
            contentType = value;
        }
    }

    /** REGISTER requests and 200 answers to them name the bindings in Info, as tshark does. */
    private void bindings(Columns cols) {
        boolean register = "REGISTER".equals(method) || status == 200 && "REGISTER".equals(cseqMethod);
        if (!register) {
            return;
        }
        if (contactStar) {
            cols.appendInfo("  (remove all bindings)");
        } else if (contacts == 0) {
            if (method != null) {
                cols.appendInfo("  (fetch bindings)");
            }
        } else {
            cols.appendInfo("  (" + contacts + (contacts == 1 ? " binding)" : " bindings)"));
        }
    }

    private void tracking(ProtoItem startLine) {
        if (callId != null && cseqHeader && cseqMethod == null) {
            // with a CSeq it cannot read, tshark starts its table entry over (as CSeq 0) and shows no resend item
            SipTransactions.track(pinfo, index, callId, 0, "", status);
            return;
        }
        SipTransactions.Result r = callId == null || cseqMethod == null
                ? new SipTransactions.Result(false, 0, 0, 0, false)
                : SipTransactions.track(pinfo, index, callId, cseq, cseqMethod, status);
        int at = startLine.offset();
        startLine.addBool(SipFields.RESEND, tvb, at, 0, r.resend()).setGenerated();
        if (r.resend() && r.original() != 0) {
            startLine.addUint(SipFields.RESEND_ORIGINAL, tvb, at, 0, r.original()).setGenerated();
        }
        if (r.requestFrame() != 0) {
            startLine.addUint(SipFields.RESPONSE_REQUEST, tvb, at, 0, r.requestFrame()).setGenerated();
            startLine.addUint(SipFields.RESPONSE_TIME, tvb, at, 0, r.responseMillis()).setGenerated();
            if (r.release()) {
                startLine.addUint(SipFields.RELEASE_TIME, tvb, at, 0, r.responseMillis()).setGenerated();
            }
        }
    }

    private static int countContacts(String value) {
        int n = 1;
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                n++;
            }
        }
        return n;
    }

    /** The number a header value starts with (strtoul: 0 when it starts with none). */
    static long leadingNumber(String value) {
        long v = 0;
        for (int i = 0; i < value.length() && Character.isDigit(value.charAt(i)); i++) {
            v = Math.min(v * 10 + value.charAt(i) - '0', 0xffffffffL);
        }
        return v;
    }
}
