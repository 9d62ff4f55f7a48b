package dev.dorsal.dissectors.http;

import dev.dorsal.dissectors.dns.StringErrors;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one header line ({@code Name: value\r\n}) of an HTTP message into the tree and into the
 * message's {@link Parsed} state. Known headers (matched case-insensitively) get their own field whose
 * value is the header value and whose label is the whole line, plus a hidden {@code http.request.line}
 * or {@code http.response.line}; other headers only get the request/response line. Content-Length,
 * Content-Type, Transfer-Encoding, Content-Encoding, Host, Cookie and Basic authorization are also
 * interpreted (RFC 7230 §3.2, RFC 7231 §3.1, RFC 6265, RFC 7617).
 */
final class HttpHeaders {
    static final FieldDef REQUEST_LINE = FieldDef.string("http.request.line", "Request line");
    static final FieldDef RESPONSE_LINE = FieldDef.string("http.response.line", "Response line");
    /** A header line of a message whose start was not seen (neither request nor response). */
    static final FieldDef UNKNOWN_HEADER = FieldDef.string("http.unknown_header", "Unknown header");
    static final FieldDef AUTHORIZATION = FieldDef.string("http.authorization", "Authorization");
    static final FieldDef AUTHBASIC = FieldDef.string("http.authbasic", "Credentials");
    static final FieldDef PROXY_AUTHENTICATE = FieldDef.string("http.proxy_authenticate", "Proxy-Authenticate");
    static final FieldDef PROXY_AUTHORIZATION = FieldDef.string("http.proxy_authorization", "Proxy-Authorization");
    static final FieldDef WWW_AUTHENTICATE = FieldDef.string("http.www_authenticate", "WWW-Authenticate");
    static final FieldDef CONTENT_TYPE = FieldDef.string("http.content_type", "Content-Type");
    static final FieldDef CONTENT_LENGTH_HEADER = FieldDef.string("http.content_length_header", "Content-Length");
    static final FieldDef CONTENT_LENGTH = FieldDef.uint64("http.content_length", "Content length");
    static final FieldDef CONTENT_ENCODING = FieldDef.string("http.content_encoding", "Content-Encoding");
    static final FieldDef TRANSFER_ENCODING = FieldDef.string("http.transfer_encoding", "Transfer-Encoding");
    static final FieldDef UPGRADE = FieldDef.string("http.upgrade", "Upgrade");
    static final FieldDef USER_AGENT = FieldDef.string("http.user_agent", "User-Agent");
    static final FieldDef HOST = FieldDef.string("http.host", "Host");
    static final FieldDef CONNECTION = FieldDef.string("http.connection", "Connection");
    static final FieldDef COOKIE = FieldDef.string("http.cookie", "Cookie");
    static final FieldDef COOKIE_PAIR = FieldDef.string("http.cookie_pair", "Cookie pair");
    static final FieldDef ACCEPT = FieldDef.string("http.accept", "Accept");
    static final FieldDef REFERER = FieldDef.string("http.referer", "Referer");
    static final FieldDef ACCEPT_LANGUAGE = FieldDef.string("http.accept_language", "Accept-Language");
    static final FieldDef ACCEPT_ENCODING = FieldDef.string("http.accept_encoding", "Accept Encoding");
    static final FieldDef DATE = FieldDef.string("http.date", "Date");
    static final FieldDef CACHE_CONTROL = FieldDef.string("http.cache_control", "Cache-Control");
    static final FieldDef SERVER = FieldDef.string("http.server", "Server");
    static final FieldDef LOCATION = FieldDef.string("http.location", "Location");
    static final FieldDef SEC_WEBSOCKET_ACCEPT = FieldDef.string("http.sec_websocket_accept", "Sec-WebSocket-Accept");
    static final FieldDef SEC_WEBSOCKET_EXTENSIONS = FieldDef.string("http.sec_websocket_extensions",
            "Sec-WebSocket-Extensions");
    static final FieldDef SEC_WEBSOCKET_KEY = FieldDef.string("http.sec_websocket_key", "Sec-WebSocket-Key");
    static final FieldDef SEC_WEBSOCKET_PROTOCOL = FieldDef.string("http.sec_websocket_protocol",
            "Sec-WebSocket-Protocol");
    static final FieldDef SEC_WEBSOCKET_VERSION = FieldDef.string("http.sec_websocket_version",
            "Sec-WebSocket-Version");
    static final FieldDef SET_COOKIE = FieldDef.string("http.set_cookie", "Set-Cookie");
    static final FieldDef LAST_MODIFIED = FieldDef.string("http.last_modified", "Last-Modified");
    static final FieldDef X_FORWARDED_FOR = FieldDef.string("http.x_forwarded_for", "X-Forwarded-For");
    static final FieldDef HTTP2_SETTINGS = FieldDef.string("http.http2_settings", "HTTP2-Settings");

    static final List<FieldDef> FIELDS = List.of(REQUEST_LINE, RESPONSE_LINE, UNKNOWN_HEADER, AUTHORIZATION, AUTHBASIC,
            PROXY_AUTHENTICATE, PROXY_AUTHORIZATION, WWW_AUTHENTICATE, CONTENT_TYPE, CONTENT_LENGTH_HEADER,
            CONTENT_LENGTH, CONTENT_ENCODING, TRANSFER_ENCODING, UPGRADE, USER_AGENT, HOST, CONNECTION, COOKIE,
            COOKIE_PAIR, ACCEPT, REFERER, ACCEPT_LANGUAGE, ACCEPT_ENCODING, DATE, CACHE_CONTROL, SERVER, LOCATION,
            SEC_WEBSOCKET_ACCEPT, SEC_WEBSOCKET_EXTENSIONS, SEC_WEBSOCKET_KEY, SEC_WEBSOCKET_PROTOCOL,
            SEC_WEBSOCKET_VERSION, SET_COOKIE, LAST_MODIFIED, X_FORWARDED_FOR, HTTP2_SETTINGS);

    static final ExpertDef BAD_HEADER_NAME = new ExpertDef("http.bad_header_name",
            "Illegal characters found in header name", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef TE_AND_LENGTH = new ExpertDef("http.te_and_length",
            "The Content-Length and Transfer-Encoding header must not be set together", ExpertDef.Group.PROTOCOL,
            ExpertDef.Severity.WARN);
    static final ExpertDef TE_UNKNOWN = new ExpertDef("http.te_unknown",
            "Unknown transfer coding name in Transfer-Encoding header", ExpertDef.Group.PROTOCOL,
            ExpertDef.Severity.WARN);

    static final List<ExpertDef> EXPERTS = List.of(BAD_HEADER_NAME, TE_AND_LENGTH, TE_UNKNOWN);

    /** What a header needs beyond being shown. */
    private enum Special { NONE, AUTHORIZATION, CONTENT_TYPE, CONTENT_LENGTH, CONTENT_ENCODING, TRANSFER_ENCODING,
        HOST, UPGRADE, COOKIE }

    private record Known(FieldDef field, Special special) {}

    private static final Map<String, Known> KNOWN = new HashMap<>();

    static {
        known("Authorization", AUTHORIZATION, Special.AUTHORIZATION);
        known("Proxy-Authorization", PROXY_AUTHORIZATION, Special.AUTHORIZATION);
        known("Proxy-Authenticate", PROXY_AUTHENTICATE, Special.NONE);
        known("WWW-Authenticate", WWW_AUTHENTICATE, Special.NONE);
        known("Content-Type", CONTENT_TYPE, Special.CONTENT_TYPE);
        known("Content-Length", CONTENT_LENGTH_HEADER, Special.CONTENT_LENGTH);
        known("Content-Encoding", CONTENT_ENCODING, Special.CONTENT_ENCODING);
        known("Transfer-Encoding", TRANSFER_ENCODING, Special.TRANSFER_ENCODING);
        known("Upgrade", UPGRADE, Special.UPGRADE);
        known("User-Agent", USER_AGENT, Special.NONE);
        known("Host", HOST, Special.HOST);
        known("Connection", CONNECTION, Special.NONE);
        known("Cookie", COOKIE, Special.COOKIE);
        known("Accept", ACCEPT, Special.NONE);
        known("Referer", REFERER, Special.NONE);
        known("Accept-Language", ACCEPT_LANGUAGE, Special.NONE);
        known("Accept-Encoding", ACCEPT_ENCODING, Special.NONE);
        known("Date", DATE, Special.NONE);
        known("Cache-Control", CACHE_CONTROL, Special.NONE);
        known("Server", SERVER, Special.NONE);
        known("Location", LOCATION, Special.NONE);
        known("Sec-WebSocket-Accept", SEC_WEBSOCKET_ACCEPT, Special.NONE);
        known("Sec-WebSocket-Extensions", SEC_WEBSOCKET_EXTENSIONS, Special.NONE);
        known("Sec-WebSocket-Key", SEC_WEBSOCKET_KEY, Special.NONE);
        known("Sec-WebSocket-Protocol", SEC_WEBSOCKET_PROTOCOL, Special.NONE);
        known("Sec-WebSocket-Version", SEC_WEBSOCKET_VERSION, Special.NONE);
        known("Set-Cookie", SET_COOKIE, Special.NONE);
        known("Last-Modified", LAST_MODIFIED, Special.NONE);
        known("X-Forwarded-For", X_FORWARDED_FOR, Special.NONE);
        known("HTTP2-Settings", HTTP2_SETTINGS, Special.NONE);
    }

    private static void known(String name, FieldDef field, Special special) {
        KNOWN.put(name.toLowerCase(Locale.ROOT), new Known(field, special));
    }

    /** Transfer codings other than chunked, as tshark tells them apart. */
    enum TransferCoding { NONE, IDENTITY, CHUNKED_ONLY, GZIP, DEFLATE, COMPRESS, UNKNOWN }

    /** What the headers of one message say about its body. */
    static final class Parsed {
        /** Media type: lower case, without parameters; null without Content-Type. */
        String contentType;
        String contentTypeParameters;
        long contentLength = -1;
        boolean haveContentLength;
        String contentEncoding;
        TransferCoding transferEncoding = TransferCoding.NONE;
        boolean chunked;
        String host;
    }

    private HttpHeaders() {}

    /**
     * Adds the header line at {@code off} ({@code lineLen} bytes, {@code len} with its end of line; the
     * colon at {@code colon}) to {@code tree} and records what it means in {@code parsed}.
     */
    static void add(HttpMessage m, int off, int lineLen, int len, int colon, Parsed parsed) {
        Tvb tvb = m.tvb;
        ProtoItem tree = m.tree;
        boolean lineWanted = m.detailed || tree.tree().wants(m.lineField());
        int nameLen = colon - off;
        if (!validName(tvb, off, nameLen)) {
            ProtoItem it = visibleLine(m, tvb, off, len, lineWanted);
            it.expert(BAD_HEADER_NAME);
            return;
        }
        Known k = KNOWN.get(tvb.ascii(off, nameLen).toLowerCase(Locale.ROOT));
        int end = off + lineLen;
        int v = colon + 1;
        while (v < end) {
            int c = tvb.u8(v);
            if (c != ' ' && c != '\t') {
                break;
            }
            v++;
        }
        // tshark has no line field for notifications (NOTIFY, SUBSCRIBE…) either: they read as unknown here
        boolean unknownType = m.type == HttpMessageType.OTHER || m.type == HttpMessageType.NOTIFICATION;
        if (k == null) {
            if (unknownType) {
                // tshark keeps the line as shown (escaped) as the value here, not the raw line.
                ProtoItem it = tree.addString(UNKNOWN_HEADER, tvb, off, len,
                        lineWanted ? HttpText.format(tvb, off, len) : null);
                if (m.detailed) {
                    it.setText(HttpText.label(HttpText.format(tvb, off, len)));
                }
                return;
            }
            visibleLine(m, tvb, off, len, lineWanted);
            return;
        }
        String value = HttpText.ascii(tvb, v, end - v);
        ProtoItem item = tree.addString(k.field, tvb, off, len, value);
        if (m.detailed) {
            item.setText(HttpText.label(HttpText.format(tvb, off, len)));
        }
        if (!unknownType) { // a known header of a message of unknown type has no line field in tshark
            ProtoItem line = tree.addString(m.lineField(), tvb, off, len, lineWanted ? lineText(tvb, off, len) : null);
            if (line != tree) {
                line.setHidden();
                if (m.detailed) {
                    line.setText(HttpText.label(HttpText.format(tvb, off, len))); // PDML shows hidden labels
                }
            }
        }
        switch (k.special) {
            case AUTHORIZATION -> basicAuth(item, tvb, value);
            case CONTENT_TYPE -> contentType(value, parsed);
            case CONTENT_LENGTH -> contentLength(item, tvb, off, len, value, parsed);
            case CONTENT_ENCODING -> parsed.contentEncoding = value;
            case TRANSFER_ENCODING -> transferEncoding(item, value, parsed);
            case HOST -> parsed.host = HttpText.utf8UpToNul(tvb, v, end - v); // the full URI copies it raw
            case COOKIE -> cookies(item, tvb, v, end - v);
            case UPGRADE, NONE -> { }
        }
    }

    /** Adds a header line shown as itself (not a known header): flagged when a NUL cuts its value. */
    private static ProtoItem visibleLine(HttpMessage m, Tvb tvb, int off, int len, boolean lineWanted) {
        ProtoItem it = m.tree.addString(m.lineField(), tvb, off, len, lineWanted ? lineText(tvb, off, len) : null);
        if (m.detailed) {
            it.setText(HttpText.label(HttpText.format(tvb, off, len)));
        }
        if (lineWanted && HttpText.strayAfterNul(tvb, off, len)) {
            it.expert(StringErrors.TRAILING_STRAY);
        }
        return it;
    }

    /** The line as a string value, end of line included (an ASCII string, see {@link HttpText#ascii}). */
    private static String lineText(Tvb tvb, int off, int len) {
        return HttpText.ascii(tvb, off, len);
    }

    /** A header name must be a token (RFC 7230 §3.2.6). */
    private static boolean validName(Tvb tvb, int off, int len) {
        if (len <= 0) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = tvb.u8(off + i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void contentType(String value, Parsed parsed) {
        int i = 0;
        int n = value.length();
        StringBuilder type = new StringBuilder(n);
        while (i < n) {
            char c = value.charAt(i);
            if (c == ';' || Character.isWhitespace(c) && c < 128) {
                break;
            }
            type.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            i++;
        }
        parsed.contentType = type.toString();
        i++;
        while (i < n) {
            char c = value.charAt(i);
            if (c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 11 || c == 12) {
                i++;
            } else {
                break;
            }
        }
        parsed.contentTypeParameters = i < n ? value.substring(i) : null;
    }

    private static void contentLength(ProtoItem item, Tvb tvb, int off, int len, String value, Parsed parsed) {
        int i = 0;
        int n = value.length();
        while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        boolean negative = false;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            negative = value.charAt(i) == '-';
            i++;
        }
        int digits = 0;
        long v = 0;
        boolean overflow = false;
        while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            int d = value.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
            } else {
                v = v * 10 + d;
            }
            digits++;
            i++;
        }
        boolean trailingOk = i >= n || Character.isWhitespace(value.charAt(i));
        if (digits == 0 || negative && v > 0 || overflow || !trailingOk) {
            parsed.haveContentLength = false;
            return;
        }
        parsed.haveContentLength = true;
        parsed.contentLength = v;
        ProtoItem cl = item.addUint(CONTENT_LENGTH, tvb, off, len, v);
        if (cl != item) {
            cl.setGenerated();
        }
        if (parsed.transferEncoding != TransferCoding.NONE) {
            item.expert(TE_AND_LENGTH);
        }
    }

    /** Reads a comma-separated list of transfer codings; chunked last means the body is chunked. */
    private static void transferEncoding(ProtoItem item, String value, Parsed parsed) {
        if (parsed.haveContentLength) {
            item.expert(TE_AND_LENGTH);
        }
        boolean known = true;
        for (String part : value.split(",")) {
            String coding = part.trim();
            int semi = coding.indexOf(';');
            if (semi >= 0) {
                coding = coding.substring(0, semi).trim();
            }
            switch (coding.toLowerCase(Locale.ROOT)) {
                case "chunked" -> {
                    parsed.chunked = true;
                    if (parsed.transferEncoding == TransferCoding.NONE) {
                        parsed.transferEncoding = TransferCoding.CHUNKED_ONLY;
                    }
                }
                case "identity" -> parsed.transferEncoding = TransferCoding.IDENTITY;
                case "gzip", "x-gzip" -> parsed.transferEncoding = TransferCoding.GZIP;
                case "deflate" -> parsed.transferEncoding = TransferCoding.DEFLATE;
                case "compress", "x-compress" -> parsed.transferEncoding = TransferCoding.COMPRESS;
                case "" -> { }
                default -> known = false;
            }
        }
        if (!known) {
            parsed.transferEncoding = TransferCoding.UNKNOWN;
            item.expert(TE_UNKNOWN);
        }
    }

    /** "Basic" credentials, base64-decoded, as {@code http.authbasic}. */
    private static void basicAuth(ProtoItem item, Tvb tvb, String value) {
        if (!value.startsWith("Basic ")) {
            return;
        }
        String creds;
        try {
            byte[] raw = Base64.getMimeDecoder().decode(value.substring(6).trim());
            int n = 0;
            while (n < raw.length && raw[n] != 0) {
                n++;
            }
            creds = new String(raw, 0, n, StandardCharsets.UTF_8); // tshark shows the bytes raw, up to a NUL
        } catch (IllegalArgumentException e) {
            creds = "";
        }
        item.addString(AUTHBASIC, tvb, 0, 0, creds);
    }

    /** Cookie pairs ({@code a=1; b=2}) of the value's raw bytes, one ASCII string item each. */
    private static void cookies(ProtoItem item, Tvb tvb, int valueOff, int valueLen) {
        String value = tvb.ascii(valueOff, valueLen);
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && (value.charAt(i) == ';' || Character.isWhitespace(value.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int semi = value.indexOf(';', i);
            int partLen = semi >= 0 ? semi - i : n - i;
            ProtoItem pair = item.addString(COOKIE_PAIR, tvb, valueOff + i, partLen,
                    HttpText.ascii(tvb, valueOff + i, partLen));
            if (pair != item && HttpText.strayAfterNul(tvb, valueOff + i, partLen)) {
                pair.expert(StringErrors.TRAILING_STRAY);
            }
            i += partLen;
        }
    }
}
