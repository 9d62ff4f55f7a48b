package dev.dorsal.dissectors.http2;

import dev.dorsal.dissectors.http.HttpShared;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header fields tshark 4.0.17 gives a filter name of their own ({@code http2.headers.method}, …):
 * a decoded header whose name matches one exactly (names are lower case in HTTP/2) is added again as
 * that field. {@code :status}, {@code content-length}, {@code age} and {@code max-forwards} are numbers
 * and are added only when the value is one. {@code :path} with a query shows its parts as
 * {@code http.path_segment} and {@code http.path_sub_segment}. Also the percent-decoding tshark shows
 * as {@code [Unescaped: …]}.
 */
final class Http2HeaderFields {
    private static final String[][] NAMES = {
        {":authority", "authority"}, {":status", "status"}, {":path", "path"}, {":method", "method"},
        {":scheme", "scheme"}, {"accept", "accept"}, {"accept-charset", "accept_charset"},
        {"accept-encoding", "accept_encoding"}, {"accept-language", "accept_language"},
        {"accept-ranges", "accept_ranges"}, {"access-control-allow-origin", "access_control_allow_origin"},
        {"age", "age"}, {"allow", "allow"}, {"authorization", "authorization"}, {"cache-control", "cache_control"},
        {"content-disposition", "content_disposition"}, {"content-encoding", "content_encoding"},
        {"content-language", "content_language"}, {"content-length", "content_length"},
        {"content-location", "content_location"}, {"content-range", "content_range"},
        {"content-type", "content_type"}, {"cookie", "cookie"}, {"date", "date"}, {"etag", "etag"},
        {"expect", "expect"}, {"expires", "expires"}, {"from", "from"}, {"if-match", "if_match"},
        {"if-modified-since", "if_modified_since"}, {"if-none-match", "if_none_match"}, {"if-range", "if_range"},
        {"if-unmodified-since", "if_unmodified_since"}, {"last-modified", "last_modified"}, {"link", "link"},
        {"location", "location"}, {"max-forwards", "max_forwards"}, {"proxy-authenticate", "proxy_authenticate"},
        {"proxy-authorization", "proxy_authorization"}, {"range", "range"}, {"referer", "referer"},
        {"refresh", "refresh"}, {"retry-after", "retry_after"}, {"server", "server"}, {"set-cookie", "set_cookie"},
        {"strict-transport-security", "strict_transport_security"}, {"user-agent", "user_agent"},
        {"vary", "vary"}, {"via", "via"}, {"www-authenticate", "www_authenticate"},
    };

    private static final Map<String, FieldDef> BY_NAME = new HashMap<>();
    static final List<FieldDef> FIELDS;

    static {
        List<FieldDef> fields = new ArrayList<>();
        for (String[] n : NAMES) {
            String abbrev = "http2.headers." + n[1];
            FieldDef f = switch (n[0]) {
                case ":status" -> FieldDef.uint16(abbrev, n[0]);
                case "age", "content-length", "max-forwards" -> FieldDef.uint64(abbrev, n[0]);
                default -> FieldDef.string(abbrev, n[0]);
            };
            BY_NAME.put(n[0], f);
            fields.add(f);
        }
        FIELDS = List.copyOf(fields);
    }

    private Http2HeaderFields() {}

    /** Adds the field of header {@code name} (value at {@code off} in {@code ds}) under {@code header}, if it has one. */
    static void add(ProtoItem header, Tvb ds, int off, int len, String name, String value) {
        FieldDef f = BY_NAME.get(name);
        if (f == null) {
            return;
        }
        if (f.type() == FieldType.STRING) {
            ProtoItem item = header.addString(f, ds, off, len, value);
            if (name.equals(":path") && value.indexOf('?') >= 0) {
                pathParts(item == header ? header : item, ds, off, value);
            }
            return;
        }
        Long v = number(value, f.type() == FieldType.UINT16 ? 0xffff : -1L);
        if (v != null) {
            header.addUint(f, ds, off, len, v);
        }
    }

    /**
     * The decimal number {@code text} holds, as tshark's strict parser reads it: leading white space, then
     * digits to the end, at most {@code max} (unsigned; -1 for any 64-bit number); else null.
     */
    static Long number(String text, long max) {
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return null;
        }
        long v = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            int d = c - '0';
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                return null; // beyond 64 bits
            }
            v = v * 10 + d;
        }
        return Long.compareUnsigned(v, max) > 0 ? null : v;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 11 || c == 12;
    }

    /**
     * The parts of a path with a query: the path before the first {@code ?}, then the query's parameters
     * (split at {@code &} and {@code ;}; a last empty one is not shown).
     */
    private static void pathParts(ProtoItem item, Tvb ds, int off, String value) {
        int q = value.indexOf('?');
        item.addString(HttpShared.PATH_SEGMENT, ds, off, q, value.substring(0, q));
        int start = q + 1;
        for (int i = start; i <= value.length(); i++) {
            boolean end = i == value.length();
            if (end || value.charAt(i) == '&' || value.charAt(i) == ';') {
                if (end && i == start) {
                    break;
                }
                item.addString(HttpShared.PATH_SUB_SEGMENT, ds, off + start, i - start, value.substring(start, i));
                start = i + 1;
            }
        }
    }

    /** The percent-decoded {@code value} (UTF-8), or null when a {@code %} is not followed by two hex digits. */
    static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                int hi = hex(value.charAt(i + 1));
                int lo = hex(value.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
