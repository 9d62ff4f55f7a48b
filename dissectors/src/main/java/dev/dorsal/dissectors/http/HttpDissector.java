package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PassLinks;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads HTTP/1.x messages from a TCP stream (RFC 7230): for each message the first line and the
 * headers into a {@code Hypertext Transfer Protocol} subtree, the request/response bookkeeping
 * ({@code [HTTP request 2/2]}, {@code http.request_in}, {@code http.time}…), then the body
 * ({@link HttpBody}). Info is the first line and a space ({@code GET /index.html HTTP/1.1 });
 * several messages in one segment are fenced one after the other. An incomplete message makes the
 * dissector ask TCP for more ({@link HttpReassembly}) and stop.
 *
 * <p>Each message goes through the states of {@link State}. Filter prefix {@code http}; TCP ports 80,
 * 631, 1900, 2710, 2869, 3128, 3132, 3689, 5985, 8080, 8088, 11371 and the {@code http_tcp} heuristic.
 */
final class HttpDissector {
    static final ProtocolDef PROTO = new ProtocolDef("Hypertext Transfer Protocol", "HTTP", "http");
    /** SSDP (UPnP discovery) is HTTP over UDP port 1900: tshark runs HTTP's parser under this name. */
    static final ProtocolDef SSDP = new ProtocolDef("Simple Service Discovery Protocol", "SSDP", "ssdp");

    static final FieldDef REQUEST = FieldDef.bool("http.request", "Request");
    static final FieldDef RESPONSE = FieldDef.bool("http.response", "Response");
    static final FieldDef NOTIFICATION = FieldDef.bool("http.notification", "Notification");
    static final FieldDef FULL_URI = FieldDef.string("http.request.full_uri", "Full request URI");
    static final FieldDef REQUEST_NUMBER = FieldDef.uint32("http.request_number", "Request number");
    static final FieldDef RESPONSE_NUMBER = FieldDef.uint32("http.response_number", "Response number");
    static final FieldDef REQUEST_IN = FieldDef.framenum("http.request_in", "Request in frame");
    static final FieldDef RESPONSE_IN = FieldDef.framenum("http.response_in", "Response in frame");
    static final FieldDef NEXT_REQUEST_IN = FieldDef.framenum("http.next_request_in", "Next request in frame");
    static final FieldDef NEXT_RESPONSE_IN = FieldDef.framenum("http.next_response_in", "Next response in frame");
    static final FieldDef PREV_REQUEST_IN = FieldDef.framenum("http.prev_request_in", "Prev request in frame");
    static final FieldDef PREV_RESPONSE_IN = FieldDef.framenum("http.prev_response_in", "Prev response in frame");
    /** What a first pass learns of a connection: how many requests and responses it numbered (tshark -2's "1/4"). */
    private static final String MESSAGE_COUNT = "http.message_count";
    static final FieldDef TIME = FieldDef.relativeTime("http.time", "Time since request");
    static final FieldDef RESPONSE_FOR_URI = FieldDef.string("http.response_for.uri", "Request URI");

    static final List<FieldDef> FIELDS = List.of(REQUEST, RESPONSE, NOTIFICATION, FULL_URI, REQUEST_NUMBER,
            RESPONSE_NUMBER, REQUEST_IN, RESPONSE_IN, NEXT_REQUEST_IN, NEXT_RESPONSE_IN, PREV_REQUEST_IN,
            PREV_RESPONSE_IN, TIME, RESPONSE_FOR_URI);

    /** Where the reading of one message is. */
    enum State { FIRST_LINE, REASSEMBLY, HEADERS, BODY, DONE }

    private HttpDissector() {}

    /** Dissects every complete message in {@code tvb}; over TLS the full URI says https. */
    static int dissectStream(Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean tls) {
        int ownLayer = pinfo.layerNames().size() - 1;
        // As tshark: the http heuristics first (HTTP/2 by its preface, or a connection it already took).
        if (pinfo.tables().heuristics(HttpProvider.HEURISTICS).tryHeuristics(tvb, pinfo, tree)) {
            if (pinfo.desegmentLength() != 0 && pinfo.desegmentOffset() == 0) {
                pinfo.removeLayers(ownLayer); // nothing whole yet: neither HTTP nor what it called is listed
            }
            return tvb.length();
        }
        HttpConversations.Conversation conv = HttpConversations.of(pinfo);
        int offset = 0;
        while (tvb.reportedLength() - offset > 0) {
            int len = message(tvb, offset, pinfo, tree, conv, tls);
            if (len <= 0) {
                break;
            }
            offset += len;
            pinfo.columns().fenceInfo();
        }
        if (offset == 0 && pinfo.desegmentLength() != 0 && pinfo.desegmentOffset() == 0) {
            // Nothing of this segment was a whole message yet: tshark does not count HTTP among the
            // frame's protocols there (frame.protocols), though it did write the Info column.
            pinfo.removeLayers(ownLayer);
        }
        return tvb.length();
    }

    /** Dissects the message at {@code offset}; returns its length, or -1 when it needs more data or is not HTTP. */
    static int message(Tvb tvb, int offset, PacketInfo pinfo, ProtoItem parent, HttpConversations.Conversation conv,
            boolean tls) {
        Columns cols = pinfo.columns();
        HttpMessage m = new HttpMessage(tvb, pinfo, parent, conv, tls);
        State state = State.FIRST_LINE;
        if (!tvb.has(offset, 1)) {
            return -1;
        }
        if (!printable(tvb.u8(offset))) {
            // Binary after HTTP on this connection (a body whose headers the capture cut): tshark's
            // Continuation, shown as data without File Data. Before any HTTP it is not HTTP's: claimed
            // without a trace, and (as for text) not counted among the frame's protocols.
            if (offset == 0 && seenHttp(conv)) {
                return continuation(m, offset, parent, false);
            }
            if (offset == 0) {
                pinfo.removeLayers(pinfo.layerNames().size() - 1);
            }
            return -1;
        }
        long first = HttpText.lineEnd(tvb, offset, false);
        int firstLen;
        if (first < 0) {
            if (!HttpReassembly.complete(tvb, offset, pinfo, true, false)) {
                return -1;
            }
            firstLen = tvb.remaining(offset);
        } else {
            firstLen = HttpText.lineLength(first);
        }
        HttpRequestLine.Kind kind = HttpRequestLine.classify(tvb, offset, firstLen);
        int code = 0;
        if (kind == null) {
            // Not a message start: header lines (the rest of a message whose start was lost) are still
            // shown as HTTP; anything else is claimed without a trace, as tshark does on HTTP ports.
            if (colon(tvb, offset, firstLen) < 0) {
                return notHttp(m, offset, parent);
            }
        } else {
            m.type = kind.type();
            if (m.type == HttpMessageType.RESPONSE) {
                code = statusCode(tvb, offset, firstLen);
                conv.responseCode = code;
            } else {
                conv.requestMethod = tvb.ascii(kind.methodOffset(), kind.methodLength());
            }
            if (cols.enabled()) {
                cols.setInfo(HttpText.format(tvb, offset, firstLen) + " ");
            }
            state = State.REASSEMBLY;
            boolean body = m.type != HttpMessageType.RESPONSE || bodyExpected(conv.requestMethod, code);
            if (!HttpReassembly.complete(tvb, offset, pinfo, body, m.type == HttpMessageType.RESPONSE)) {
                return -1;
            }
        }
        if (kind != null) {
            cols.setProtocol(m.proto.shortName()); // header lines without their start leave the column to TCP
        }
        state = State.HEADERS;
        m.tree = parent.addProtocol(m.proto, tvb, offset, tvb.length() - offset);
        HttpHeaders.Parsed h = new HttpHeaders.Parsed();
        String[] request = null;
        int off = offset;
        boolean sawLine = false;
        while (state == State.HEADERS && tvb.remaining(off) > 0) {
            long le = HttpText.lineEnd(tvb, off, true);
            int lineLen = HttpText.lineLength(le);
            int next = HttpText.nextLine(le);
            HttpRequestLine.Kind k = lineLen > 0 ? HttpRequestLine.classify(tvb, off, lineLen) : null;
            if (k != null) {
                String[] r = firstLine(m, k, off, lineLen, next - off);
                if (k.type() == HttpMessageType.REQUEST || k.type() == HttpMessageType.NOTIFICATION) {
                    request = r;
                }
                sawLine = true;
            } else if (lineLen == 0) {
                m.tree.addText(tvb, off, next - off, HttpText.format(tvb, off, next - off));
                off = next;
                state = State.BODY;
                break;
            } else {
                int colon = colon(tvb, off, lineLen);
                if (colon < 0) {
                    if (sawLine && !tvb.has(off, lineLen + 1)) {
                        tvb.u8(off + lineLen); // an incomplete header at the end: as tshark, fail here
                    }
                    break;
                }
                HttpHeaders.add(m, off, lineLen, next - off, colon, h);
                sawLine = true;
            }
            off = next;
        }
        HttpConversations.Exchange ex = record(m, request, h, pinfo);
        if (state == State.HEADERS && off < tvb.reportedLength() && !tvb.has(off, 1)) {
            tvb.u8(off); // the headers go on past the captured bytes: as tshark, end here marked truncated
        }
        int datalen = bodyLength(tvb, off, m.type, code, h);
        int headersEnd = off;
        if (datalen > 0) {
            off += body(m, tvb, off, datalen, parent, h);
        }
        if (m.tree != parent) {
            m.tree.setLength((m.bodyOutsideItem ? headersEnd : off) - offset);
        }
        return off - offset;
    }

    /**
     * Data that does not start an HTTP message. Before any HTTP on the connection it is claimed but not
     * shown, as tshark does on HTTP ports; after some, it is the "Continuation" of what came before
     * (a body whose headers the capture cut, say), shown as the body's data.
     */
    private static int notHttp(HttpMessage m, int offset, ProtoItem parent) {
        int length = m.tvb.reportedLength() - offset;
        if (!seenHttp(m.conv)) {
            if (offset == 0) {
                // tshark does not count HTTP among the frame's protocols for it either.
                m.pinfo.removeLayers(m.pinfo.layerNames().size() - 1);
            }
            return length;
        }
        return continuation(m, offset, parent, true);
    }

    /** Whether the connection has carried an HTTP request or response line. */
    private static boolean seenHttp(HttpConversations.Conversation conv) {
        return conv.requestMethod != null || conv.responseCode != 0;
    }

    /** The rest of the segment as the continuation of an earlier message: its data, with File Data when it is text. */
    private static int continuation(HttpMessage m, int offset, ProtoItem parent, boolean text) {
        int length = m.tvb.reportedLength() - offset;
        Columns cols = m.pinfo.columns();
        cols.setProtocol(m.proto.shortName());
        cols.setInfo("Continuation");
        m.tree = parent.addProtocol(m.proto, m.tvb, offset, m.tvb.length() - offset);
        Tvb entity = m.tvb.slice(offset, length);
        if (text) {
            HttpBody.fileData(m, entity, false);
        }
        HttpBody.dispatch(m, entity, parent, new HttpHeaders.Parsed());
        if (text && entity.length() < entity.reportedLength()) {
            // Text cut by the capture is marked truncated after its data, as tshark does (binary is not).
            entity.bytes(0, entity.reportedLength());
        }
        return length;
    }

    private static boolean printable(int c) {
        return c >= 0x20 && c < 0x7f;
    }

    /** Bodies of responses to HEAD, 1xx, 204 and 304 responses are never waited for (RFC 7230 §3.3.3). */
    private static boolean bodyExpected(String method, int code) {
        if ("HEAD".equals(method)) {
            return false;
        }
        if ("CONNECT".equals(method) && code / 100 == 2) {
            return false;
        }
        return !(code / 100 == 1 || code == 204 || code == 304);
    }

    /** The status code of a status line, 0 when it has none. */
    private static int statusCode(Tvb tvb, int off, int len) {
        int[] next = new int[1];
        int end = off + len;
        if (HttpRequestLine.token(tvb, off, end, next) == 0) {
            return 0;
        }
        int c = next[0];
        if (HttpRequestLine.token(tvb, c, end, next) < 3) {
            return 0;
        }
        return HttpRequestLine.parseCode(tvb, c);
    }

    /** Offset of the first ':' of a header line, or -1 when a CR or LF or the end comes first. */
    private static int colon(Tvb tvb, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int c = tvb.u8(i);
            if (c == ':') {
                return i;
            }
            if (c == '\r' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** Adds the request or status line with its chat expert and parts; returns method, URI, version. */
    private static String[] firstLine(HttpMessage m, HttpRequestLine.Kind k, int off, int lineLen, int len) {
        Tvb tvb = m.tvb;
        String text = HttpText.format(tvb, off, len);
        ProtoItem line = m.tree.addText(tvb, off, len, m.detailed ? HttpText.label(text) : null);
        line.expert(HttpRequestLine.CHAT, HttpText.message(text));
        ProtoItem parent = m.detailed ? line : m.tree;
        if (k.type() == HttpMessageType.RESPONSE) {
            HttpRequestLine.response(parent, tvb, off, off + lineLen);
            return null;
        }
        return HttpRequestLine.request(parent, tvb, off, off + lineLen);
    }

    /** Numbers the message, matches responses, and adds the generated bookkeeping items. */
    private static HttpConversations.Exchange record(HttpMessage m, String[] request, HttpHeaders.Parsed h,
            PacketInfo pinfo) {
        HttpConversations.Conversation conv = m.conv;
        ProtoItem t = m.tree;
        Tvb tvb = m.tvb;
        long frame = pinfo.number();
        boolean requestLike = m.type == HttpMessageType.REQUEST || m.type == HttpMessageType.NOTIFICATION;
        if (requestLike && request != null && h.host != null) {
            String uri = request[1];
            String full = uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8)
                    || "CONNECT".equalsIgnoreCase(request[0])
                    ? uri : (m.tls ? "https://" : "http://") + h.host.strip() + uri;
            generated(t, t.addString(FULL_URI, tvb, 0, 0, full));
            conv.fullUri = full;
        }
        switch (m.type) {
            case NOTIFICATION -> hidden(t, t.addBool(NOTIFICATION, tvb, 0, 0, true));
            case RESPONSE -> {
                hidden(t, t.addBool(RESPONSE, tvb, 0, 0, true));
                HttpConversations.Exchange e = conv.response(frame);
                PassLinks links = pinfo.links();
                if (e.requestFrame != 0) {
                    links.learn(RESPONSE_IN.abbrev(), e.requestFrame, frame);
                }
                if (e.prev != null && e.prev.responseFrame != 0) {
                    links.learn(NEXT_RESPONSE_IN.abbrev(), e.prev.responseFrame, frame);
                }
                links.learn(MESSAGE_COUNT, conv.id, conv.count);
                ProtoItem n = t.addUint(RESPONSE_NUMBER, tvb, 0, 0, e.number);
                if (m.detailed) {
                    // A second pass (tshark -2) counts the messages the whole connection carries.
                    long all = Math.max(conv.count, links.recall(MESSAGE_COUNT, conv.id));
                    n.setText("HTTP response " + e.number + "/" + all);
                }
                generated(t, n);
                if (e.requestFrame != 0) {
                    generated(t, t.addTime(TIME, tvb, 0, 0, pinfo.frame().timestampNanos() - e.requestNanos));
                }
                HttpConversations.Exchange prev = e.prev;
                if (prev != null && prev.requestFrame != 0) {
                    generated(t, t.addUint(PREV_REQUEST_IN, tvb, 0, 0, prev.requestFrame));
                }
                if (prev != null && prev.responseFrame != 0) {
                    generated(t, t.addUint(PREV_RESPONSE_IN, tvb, 0, 0, prev.responseFrame));
                }
                if (e.requestFrame != 0) {
                    generated(t, t.addUint(REQUEST_IN, tvb, 0, 0, e.requestFrame));
                }
                addLearned(t, tvb, links, NEXT_REQUEST_IN, frame);
                addLearned(t, tvb, links, NEXT_RESPONSE_IN, frame);
                if (conv.fullUri != null) {
                    generated(t, t.addString(RESPONSE_FOR_URI, tvb, 0, 0, conv.fullUri));
                }
                return e;
            }
            case REQUEST -> {
                hidden(t, t.addBool(REQUEST, tvb, 0, 0, true));
                HttpConversations.Exchange e = conv.request(frame, pinfo.frame().timestampNanos());
                PassLinks links = pinfo.links();
                HttpConversations.Exchange prev = e.prev;
                if (prev != null && prev.requestFrame != 0) {
                    links.learn(NEXT_REQUEST_IN.abbrev(), prev.requestFrame, frame);
                }
                if (prev != null && prev.responseFrame != 0) {
                    links.learn(NEXT_REQUEST_IN.abbrev(), prev.responseFrame, frame);
                }
                links.learn(MESSAGE_COUNT, conv.id, conv.count);
                ProtoItem n = t.addUint(REQUEST_NUMBER, tvb, 0, 0, e.number);
                if (m.detailed) {
                    long all = Math.max(conv.count, links.recall(MESSAGE_COUNT, conv.id));
                    n.setText("HTTP request " + e.number + "/" + all);
                }
                generated(t, n);
                if (prev != null && prev.requestFrame != 0) {
                    generated(t, t.addUint(PREV_REQUEST_IN, tvb, 0, 0, prev.requestFrame));
                }
                addLearned(t, tvb, links, RESPONSE_IN, frame);
                addLearned(t, tvb, links, NEXT_REQUEST_IN, frame);
                return e;
            }
            default -> { }
        }
        return null;
    }

    /** Adds {@code field} with what the first pass of two learned for {@code frame} (tshark -2); nothing otherwise. */
    private static void addLearned(ProtoItem t, Tvb tvb, PassLinks links, FieldDef field, long frame) {
        long target = links.recall(field.abbrev(), frame);
        if (target != 0) {
            generated(t, t.addUint(field, tvb, 0, 0, target));
        }
    }

    /** How many body bytes follow the headers at {@code off} (tshark's rules for requests and responses). */
    private static int bodyLength(Tvb tvb, int off, HttpMessageType type, int code, HttpHeaders.Parsed h) {
        int remaining = tvb.reportedLength() - off;
        if (remaining <= 0) {
            return 0;
        }
        if (h.haveContentLength && !h.chunked) {
            return (int) Math.min(remaining, h.contentLength);
        }
        if (type == HttpMessageType.REQUEST) {
            return h.transferEncoding == HttpHeaders.TransferCoding.NONE && !h.chunked ? 0 : remaining;
        }
        if (type == HttpMessageType.RESPONSE && (code / 100 == 1 || code == 204 || code == 304)) {
            return 0;
        }
        return remaining;
    }

    /** Dissects {@code datalen} body bytes at {@code off}; returns how many were consumed. */
    private static int body(HttpMessage m, Tvb tvb, int off, int datalen, ProtoItem root, HttpHeaders.Parsed h) {
        int reported = Math.min(datalen, tvb.reportedLength() - off);
        Tvb entity = tvb.slice(off, reported);
        int consumed = datalen;
        if (h.chunked) {
            int[] used = new int[1];
            entity = HttpBody.dechunk(m, entity, used);
            if (used[0] == 0) {
                return 0;
            }
            consumed = used[0];
        }
        switch (h.transferEncoding) {
            case GZIP, DEFLATE, COMPRESS -> {
                HttpBody.data(m, entity, m.tree);
                return consumed;
            }
            default -> { }
        }
        if (h.contentEncoding != null && !h.contentEncoding.equalsIgnoreCase("identity")) {
            ProtoItem e = m.tree.addText(entity, 0, entity.length(), "Content-encoded entity body ("
                    + h.contentEncoding + "): " + entity.length() + " bytes");
            String enc = h.contentEncoding.toLowerCase(java.util.Locale.ROOT);
            byte[] inflated = null;
            if (enc.equals("gzip") || enc.equals("deflate") || enc.equals("x-gzip") || enc.equals("x-deflate")) {
                inflated = HttpBody.inflate(entity);
            }
            if (inflated == null) {
                e.expert(HttpBody.DECOMPRESSION_FAILED);
                HttpBody.data(m, entity, e);
                return consumed;
            }
            e.appendText(" -> " + inflated.length + " bytes");
            entity = m.pinfo.addDataSource("Uncompressed entity body", inflated);
        }
        HttpBody.fileData(m, entity);
        if (entity.reportedLength() > 0) {
            HttpBody.dispatch(m, entity, root, h);
        }
        return consumed;
    }

    private static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }

    private static void hidden(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setHidden();
        }
    }
}
