package dev.dorsal.dissectors.http;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Recognises and reads the first line of an HTTP message: a request line
 * ({@code GET /index.html?x=1 HTTP/1.1}: method, URI with its path, query and query parameters,
 * version) or a status line ({@code HTTP/1.1 200 OK}: version, status code with its description,
 * reason phrase). The methods recognised are tshark's (RFC 7231, WebDAV, MS-RPCH, SSDP/GENA).
 */
final class HttpRequestLine {
    static final FieldDef REQUEST_METHOD = FieldDef.string("http.request.method", "Request Method");
    static final FieldDef REQUEST_URI = FieldDef.string("http.request.uri", "Request URI");
    static final FieldDef URI_PATH = FieldDef.string("http.request.uri.path", "Request URI Path");
    static final FieldDef URI_QUERY = FieldDef.string("http.request.uri.query", "Request URI Query");
    static final FieldDef URI_QUERY_PARAMETER = FieldDef.string("http.request.uri.query.parameter",
            "Request URI Query Parameter");
    static final FieldDef REQUEST_VERSION = FieldDef.string("http.request.version", "Request Version");
    static final FieldDef RESPONSE_VERSION = FieldDef.string("http.response.version", "Response Version");
    static final FieldDef RESPONSE_CODE = FieldDef.uint16("http.response.code", "Status Code");
    static final FieldDef RESPONSE_CODE_DESC = FieldDef.string("http.response.code.desc", "Status Code Description");
    static final FieldDef RESPONSE_PHRASE = FieldDef.string("http.response.phrase", "Response Phrase");

    static final List<FieldDef> FIELDS = List.of(REQUEST_METHOD, REQUEST_URI, URI_PATH, URI_QUERY, URI_QUERY_PARAMETER,
            REQUEST_VERSION, RESPONSE_VERSION, RESPONSE_CODE, RESPONSE_CODE_DESC, RESPONSE_PHRASE);

    static final ExpertDef CHAT = new ExpertDef("http.chat", "Formatted text", ExpertDef.Group.SEQUENCE,
            ExpertDef.Severity.CHAT);

    private static final String[][] REQUEST_METHODS = {
        {}, {}, {},
        {"GET", "PUT"},
        {"COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST"},
        {"BCOPY", "BMOVE", "MKCOL", "TRACE", "PATCH", "LABEL", "MERGE"},
        {"DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE"},
        {"BDELETE", "CONNECT", "OPTIONS", "CHECKIN"},
        {"PROPFIND", "CHECKOUT", "CCM_POST"},
        {"PROPPATCH", "BPROPFIND"},
        {"BPROPPATCH", "UNCHECKOUT", "MKACTIVITY"},
        {"MKWORKSPACE", "RPC_CONNECT", "RPC_IN_DATA"},
        {"RPC_OUT_DATA"},
        {}, {},
        {"VERSION-CONTROL"},
        {"BASELINE-CONTROL"},
    };

    /** Result of {@link #classify}: the kind of line and, for requests, where the method is. */
    record Kind(HttpMessageType type, int methodOffset, int methodLength) {}

    private HttpRequestLine() {}

    /** Says whether the line of {@code len} bytes at {@code off} starts a request or response; null if not. */
    static Kind classify(Tvb tvb, int off, int len) {
        byte[] d = tvb.backingArray();
        int p = tvb.start() + off;
        if (len >= 2 && d[p] == 'M' && d[p + 1] == '-') {
            // RFC 2774's mandatory-extension prefix
            p += 2;
            off += 2;
            len -= 2;
        }
        if ((len >= 5 && d[p] == 'H' && d[p + 1] == 'T' && d[p + 2] == 'T' && d[p + 3] == 'P' && d[p + 4] == '/')
                || (len >= 3 && d[p] == 'I' && d[p + 1] == 'C' && d[p + 2] == 'Y')) {
            return new Kind(HttpMessageType.RESPONSE, off, 0);
        }
        int m = 0;
        while (m < len && d[p + m] != ' ') {
            m++;
        }
        if (m == 6 && same(d, p, "NOTIFY") || m == 9 && same(d, p, "SUBSCRIBE") || m == 11 && same(d, p, "UNSUBSCRIBE")) {
            return new Kind(HttpMessageType.NOTIFICATION, off, m);
        }
        if (m < REQUEST_METHODS.length) {
            for (String method : REQUEST_METHODS[m]) {
                if (same(d, p, method)) {
                    return new Kind(HttpMessageType.REQUEST, off, m);
                }
            }
        }
        return null;
    }

    private static boolean same(byte[] d, int p, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (d[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Length of the token at {@code off} (up to a space, CR or LF); {@code next[0]} gets the start of the next one. */
    static int token(Tvb tvb, int off, int end, int[] next) {
        byte[] d = tvb.backingArray();
        int base = tvb.start();
        int i = off;
        while (i < end && d[base + i] != ' ' && d[base + i] != '\r' && d[base + i] != '\n') {
            i++;
        }
        int len = i - off;
        while (i < end && d[base + i] == ' ') {
            i++;
        }
        next[0] = i;
        return len;
    }

    /** Adds method, URI (path, query, parameters) and version; returns the method, URI and version read. */
    static String[] request(ProtoItem tree, Tvb tvb, int off, int end) {
        int[] next = new int[1];
        int len = token(tvb, off, end, next);
        if (len == 0) {
            return null;
        }
        String method = HttpText.ascii(tvb, off, len);
        tree.addString(REQUEST_METHOD, tvb, off, len, method);
        int n = next[0];
        if (n - off > 2 && byteAt(tvb, n - 1) == ' ' && byteAt(tvb, n - 2) == ' ') {
            n--; // two spaces after the method: an empty URI
        }
        off = n;
        len = token(tvb, off, end, next);
        String uri = HttpText.ascii(tvb, off, len);
        ProtoItem uriItem = tree.addString(REQUEST_URI, tvb, off, len, uri);
        int q = uri.indexOf('?');
        if (q >= 0) {
            uriParts(uriItem, tvb, off, uri, q);
        }
        off = next[0];
        String version = HttpText.ascii(tvb, off, end - off);
        tree.addString(REQUEST_VERSION, tvb, off, end - off, version);
        return new String[] {method, uri, version};
    }

    private static void uriParts(ProtoItem uriItem, Tvb tvb, int off, String uri, int q) {
        uriItem.addString(URI_PATH, tvb, off, q, uri.substring(0, q));
        String query = uri.substring(q + 1);
        ProtoItem qItem = uriItem.addString(URI_QUERY, tvb, off + q + 1, query.length(), query);
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int stop = amp < 0 ? query.length() : amp;
            if (stop > start) {
                qItem.addString(URI_QUERY_PARAMETER, tvb, off + q + 1 + start, stop - start,
                        query.substring(start, stop));
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }

    /** Adds version, status code (with description) and phrase; returns the status code, or -1. */
    static int response(ProtoItem tree, Tvb tvb, int off, int end) {
        int[] next = new int[1];
        int len = token(tvb, off, end, next);
        if (len == 0) {
            return -1;
        }
        tree.addString(RESPONSE_VERSION, tvb, off, len, HttpText.ascii(tvb, off, len));
        off = next[0];
        len = token(tvb, off, end, next);
        if (len < 3) {
            return -1;
        }
        int code = parseCode(tvb, off);
        tree.addUint(RESPONSE_CODE, tvb, off, 3, code);
        ProtoItem desc = tree.addString(RESPONSE_CODE_DESC, tvb, off, 3, HttpStatus.description(code));
        if (desc != tree) {
            desc.setGenerated();
        }
        off = next[0];
        if (end - off < 1) {
            return code;
        }
        ProtoItem phrase = tree.addString(RESPONSE_PHRASE, tvb, off, end - off, HttpText.ascii(tvb, off, end - off));
        if (phrase != tree && HttpText.strayAfterNul(tvb, off, end - off)) {
            phrase.expert(StringErrors.TRAILING_STRAY);
        }
        return code;
    }

    /** The leading decimal digits of the 3-character status code, as strtoul reads them. */
    static int parseCode(Tvb tvb, int off) {
        int code = 0;
        for (int i = 0; i < 3; i++) {
            int c = byteAt(tvb, off + i);
            if (c < '0' || c > '9') {
                break;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    private static int byteAt(Tvb tvb, int off) {
        return tvb.u8(off);
    }
}
