package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Splits a SIP URI ({@code sip:user@host:port;params}, RFC 3261 §19.1) and a name-addr
 * ({@code "Display" <uri>;header-params}) into the items tshark 4.0.17 shows. Offsets are into the
 * message's tvb; {@code end} is exclusive.
 *
 * <p>tshark leaves out a user part or a port of a single character (its length test is off by one):
 * so does this class, for equal trees.
 */
final class SipUri {
    private SipUri() {}

    /** Where a name-addr's parts are: display name (or -1), URI, and where its header parameters start. */
    record NameAddr(int displayStart, int displayEnd, int uriStart, int uriEnd, int paramsStart, int end) {}

    /**
     * Parses the name-addr or addr-spec in {@code [start, end)}; for a list ({@code list}), it ends at
     * the first comma outside quotes and angle brackets. Null when there is no URI.
     */
    static NameAddr nameAddr(Tvb tvb, int start, int end, boolean list) {
        int p = skipSpace(tvb, start, end);
        if (p >= end) {
            return null;
        }
        int displayStart = -1;
        int displayEnd = -1;
        int lt;
        if (tvb.u8(p) == '"') {
            int q = p + 1;
            while (q < end && tvb.u8(q) != '"') {
                q += tvb.u8(q) == '\\' ? 2 : 1;
            }
            if (q >= end) {
                return null;
            }
            displayStart = p;
            displayEnd = q + 1;
            lt = indexOf(tvb, displayEnd, end, '<');
            if (lt < 0) {
                return null;
            }
        } else {
            lt = -1;
            for (int i = p; i < end; i++) {
                int c = tvb.u8(i);
                if (c == '<') {
                    lt = i;
                    break;
                }
                if (c == ';' || (list && c == ',')) {
                    break;
                }
            }
            if (lt > p) {
                displayStart = p;
                displayEnd = lt;
            }
        }
        int uriStart;
        int uriEnd;
        int after;
        if (lt >= 0) {
            uriStart = lt + 1;
            uriEnd = indexOf(tvb, uriStart, end, '>');
            if (uriEnd < 0) {
                return null;
            }
            after = uriEnd + 1;
        } else {
            uriStart = p;
            uriEnd = p;
            while (uriEnd < end && tvb.u8(uriEnd) != ';' && !(list && tvb.u8(uriEnd) == ',')
                    && tvb.u8(uriEnd) != ' ') {
                uriEnd++;
            }
            after = uriEnd;
        }
        int stop = after;
        while (stop < end && !(list && tvb.u8(stop) == ',')) {
            if (tvb.u8(stop) == '"') {
                int q = indexOf(tvb, stop + 1, end, '"');
                stop = q < 0 ? end : q + 1;
                continue;
            }
            stop++;
        }
        return new NameAddr(displayStart, displayEnd, uriStart, uriEnd, after, stop);
    }

    /** Adds the URI item {@code [start, end)} of kind {@code f} with its user, host, port and (optionally) parameters. */
    static ProtoItem addUri(ProtoItem parent, Tvb tvb, int start, int end, SipFields.UriFields f, boolean params) {
        ProtoItem uri = parent.addString(f.uri(), tvb, start, end - start, tvb.utf8(start, end - start));
        int colon = indexOf(tvb, start, end, ':');
        if (colon < 0) {
            return uri;
        }
        int p = colon + 1;
        int paramStart = indexOf(tvb, p, end, ';');
        int partEnd = paramStart < 0 ? end : paramStart;
        int at = lastIndexOf(tvb, p, partEnd, '@');
        if (at >= 0) {
            if (at - p > 1) {
                uri.addString(f.user(), tvb, p, at - p, tvb.utf8(p, at - p));
            }
            p = at + 1;
        }
        int hostEnd;
        int portStart = -1;
        if (p < partEnd && tvb.u8(p) == '[') {
            int close = indexOf(tvb, p, partEnd, ']');
            hostEnd = close < 0 ? partEnd : close + 1;
            if (hostEnd < partEnd && tvb.u8(hostEnd) == ':') {
                portStart = hostEnd + 1;
            }
        } else {
            int c = indexOf(tvb, p, partEnd, ':');
            hostEnd = c < 0 ? partEnd : c;
            if (c >= 0) {
                portStart = c + 1;
            }
        }
        uri.addString(f.host(), tvb, p, hostEnd - p, tvb.utf8(p, hostEnd - p));
        if (portStart >= 0 && partEnd - portStart > 1) {
            uri.addString(f.port(), tvb, portStart, partEnd - portStart, tvb.utf8(portStart, partEnd - portStart));
        }
        if (params && paramStart >= 0) {
            int q = paramStart + 1;
            while (q < end) {
                int next = indexOf(tvb, q, end, ';');
                int e = next < 0 ? end : next;
                uri.addString(f.param(), tvb, q, e - q, tvb.utf8(q, e - q));
                q = e + 1;
            }
        }
        return uri;
    }

    static int skipSpace(Tvb tvb, int p, int end) {
        while (p < end && (tvb.u8(p) == ' ' || tvb.u8(p) == '\t')) {
            p++;
        }
        return p;
    }

    static int indexOf(Tvb tvb, int from, int end, int c) {
        for (int i = from; i < end; i++) {
            if (tvb.u8(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(Tvb tvb, int from, int end, int c) {
        for (int i = end - 1; i >= from; i--) {
            if (tvb.u8(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
