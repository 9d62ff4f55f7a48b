package dev.dorsal.shell.query;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.output.FieldFormat;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Zeek-style callbacks for batch queries ({@code on("http.request", r => ...)}): after the script's
 * top level, one pass per capture builds the events from dissected fields and calls the script's
 * callbacks in frame order. {@code tls.handshake} gathers a TLS session's hellos and certificate and
 * is called at the end of each capture, sessions in order of their ClientHello.
 */
final class Events {
    static final List<String> NAMES = List.of("packet", "dns.query", "dns.response", "http.request", "http.response",
            "tls.handshake", "end");

    private static final List<String> TLS_FIELDS = List.of("tcp.stream", "tcp.srcport", "tcp.dstport",
            "tls.handshake.type", "tls.handshake.extensions_server_name", "tls.handshake.ja3", "tls.handshake.ja4",
            "tls.handshake.ja3s", "tls.handshake.ciphersuite", "tls.handshake.version",
            "tls.handshake.extensions.supported_version", "tls.handshake.extensions_alpn_str");

    private Events() {}

    /** One TLS session's handshake as it is seen. */
    private static final class Tls {
        long stream;
        String client;
        String server;
        long clientHello;
        long serverHello;
        String sni = "";
        String ja3 = "";
        String ja4 = "";
        String ja3s = "";
        String alpnOffered = "";
        String alpnChosen = "";
        String version = "";
        String cipherSuite = "";
        String certSubject = "";
        String certNotAfter = "";
        long certificateFrame;
    }

    static void run(QueryHost host, LoadedCapture capture, int index, Map<String, List<String>> handlers, Session session)
            throws CaptureFileException {
        List<DisplayFilter> packetFilters = new ArrayList<>();
        for (String f : handlers.getOrDefault("packet", List.of())) {
            try {
                packetFilters.add(f.isEmpty() ? null : DisplayFilter.compile(f, session.registry().fields()));
            } catch (dev.dorsal.engine.filter.FilterException e) {
                throw new QueryHost.QueryError(e.getMessage());
            }
        }
        PacketCursor cursor = new PacketCursor(host, session.registry(), capture, null, session.scriptInterest());
        for (DisplayFilter f : packetFilters) {
            if (f != null) {
                cursor.learn(List.copyOf(f.fieldsUsed()));
            }
        }
        cursor.learn(defs(session, List.of("dns", "dns.flags.response", "dns.id", "dns.qry.name", "dns.qry.type",
                "dns.flags.rcode", "dns.a", "dns.aaaa", "dns.cname", "udp.srcport", "udp.dstport", "http.request",
                "http.response", "http.request.method", "http.host", "http.request.uri", "http.user_agent",
                "http.response.code", "http.response.phrase", "http.content_type", "http.request_in", "tls")));
        if (handlers.containsKey("tls.handshake")) {
            cursor.learn(defs(session, TLS_FIELDS));
        }
        Map<Long, Tls> sessions = new LinkedHashMap<>();
        for (PacketHandle p = cursor.next(); p != null; p = cursor.next()) {
            for (int k = 0; k < packetFilters.size(); k++) {
                DisplayFilter f = packetFilters.get(k);
                if (f == null || f.matches(p.lightPacket())) {
                    host.callback("packet", Integer.toString(k), p);
                }
            }
            if ((handlers.containsKey("dns.query") || handlers.containsKey("dns.response")) && p.has("dns")) {
                dns(host, handlers, p, index);
            }
            if (handlers.containsKey("http.request") && p.has("http.request")) {
                host.callback("http.request", json(new Object[] {"capture", index, "frame", p.number(), "time", p.time(),
                        "stream", p.get("tcp.stream"), "client", p.endpoint(true, "tcp"), "server", p.endpoint(false, "tcp"),
                        "method", p.get("http.request.method"), "host", p.get("http.host"), "uri", p.get("http.request.uri"),
                        "userAgent", p.get("http.user_agent")}), p);
            }
            if (handlers.containsKey("http.response") && p.has("http.response")) {
                host.callback("http.response", json(new Object[] {"capture", index, "frame", p.number(), "time", p.time(),
                        "stream", p.get("tcp.stream"), "client", p.endpoint(false, "tcp"), "server", p.endpoint(true, "tcp"),
                        "code", p.get("http.response.code"), "phrase", p.get("http.response.phrase"),
                        "contentType", p.get("http.content_type"), "requestFrame", p.get("http.request_in")}), p);
            }
            if (handlers.containsKey("tls.handshake") && p.has("tls.handshake.type")) {
                tls(sessions, p);
            }
        }
        for (Tls t : sessions.values()) {
            if (t.clientHello == 0) {
                continue;
            }
            host.callback("tls.handshake", json(new Object[] {"capture", index, "stream", t.stream, "client", t.client,
                    "server", t.server, "clientHelloFrame", t.clientHello, "serverHelloFrame", t.serverHello, "sni", t.sni,
                    "version", t.version, "versionName", versionName(t.version), "cipherSuite", t.cipherSuite,
                    "ja3", t.ja3, "ja4", t.ja4, "ja3s", t.ja3s, "alpnOffered", t.alpnOffered, "alpn", t.alpnChosen,
                    "certificateFrame", t.certificateFrame, "certSubject", t.certSubject, "certNotAfter", t.certNotAfter}), null);
        }
    }

    private static void dns(QueryHost host, Map<String, List<String>> handlers, PacketHandle p, int index) {
        boolean response = Boolean.TRUE.equals(p.get("dns.flags.response"));
        String event = response ? "dns.response" : "dns.query";
        if (!handlers.containsKey(event)) {
            return;
        }
        List<Object> answers = new ArrayList<>();
        for (String f : List.of("dns.a", "dns.aaaa", "dns.cname")) {
            for (Object v : p.all(f)) {
                answers.add(v);
            }
        }
        String proto = p.has("udp.srcport") ? "udp" : "tcp";
        host.callback(event, json(new Object[] {"capture", index, "frame", p.number(), "time", p.time(),
                "id", p.get("dns.id"), "name", p.get("dns.qry.name"), "type", p.get("dns.qry.type"),
                "rcode", response ? p.get("dns.flags.rcode") : null,
                "client", p.endpoint(!response, proto), "server", p.endpoint(response, proto),
                "answers", answers.toArray()}), p);
    }

    private static void tls(Map<Long, Tls> sessions, PacketHandle p) {
        Object streamValue = p.get("tcp.stream");
        if (streamValue == null) {
            return;
        }
        long stream = ((Number) streamValue).longValue();
        List<Object> types = List.of(p.all("tls.handshake.type"));
        Tls t = sessions.get(stream);
        if (types.contains(1.0) && (t == null || t.clientHello == 0)) {
            if (t == null) {
                t = new Tls();
                t.stream = stream;
                sessions.put(stream, t);
            }
            t.clientHello = p.number();
            t.client = p.endpoint(true, "tcp");
            t.server = p.endpoint(false, "tcp");
            t.sni = p.text("tls.handshake.extensions_server_name");
            t.ja3 = p.text("tls.handshake.ja3");
            t.ja4 = p.text("tls.handshake.ja4");
            t.alpnOffered = p.text("tls.handshake.extensions_alpn_str");
            return;
        }
        if (t == null) {
            return;
        }
        if (types.contains(2.0) && t.serverHello == 0) {
            t.serverHello = p.number();
            String supported = p.text("tls.handshake.extensions.supported_version");
            t.version = !supported.isEmpty() ? supported : first(p.text("tls.handshake.version"));
            t.cipherSuite = first(p.text("tls.handshake.ciphersuite"));
            t.ja3s = p.text("tls.handshake.ja3s");
            t.alpnChosen = p.text("tls.handshake.extensions_alpn_str");
        }
        if (types.contains(11.0) && t.certificateFrame == 0 && p.endpoint(true, "tcp").equals(t.server)) {
            t.certificateFrame = p.number();
            ProtoItem subject = FieldValues.first(p.fullTree(), "x509af.subject");
            if (subject != null && subject.firstChild() != null) {
                String label = FieldFormat.label(subject.firstChild());
                int open = label.indexOf('(');
                // "rdnSequence: 3 items (id-at-commonName=…)"; a long label is cut and may have lost its ")".
                String names = open >= 0 ? label.substring(open + 1) : label;
                t.certSubject = names.endsWith(")") ? names.substring(0, names.length() - 1) : names;
            }
            ProtoItem notAfter = FieldValues.first(p.fullTree(), "x509af.notAfter");
            if (notAfter != null && notAfter.firstChild() != null) {
                t.certNotAfter = FieldFormat.showText(notAfter.firstChild());
            }
        }
    }

    private static String first(String commaList) {
        int c = commaList.indexOf(',');
        return c < 0 ? commaList : commaList.substring(0, c);
    }

    static String versionName(String hex) {
        return switch (hex.toLowerCase(Locale.ROOT)) {
            case "0x0300" -> "SSL 3.0";
            case "0x0301" -> "TLS 1.0";
            case "0x0302" -> "TLS 1.1";
            case "0x0303" -> "TLS 1.2";
            case "0x0304" -> "TLS 1.3";
            default -> hex;
        };
    }

    private static List<dev.dorsal.engine.spi.FieldDef> defs(Session session, List<String> names) {
        List<dev.dorsal.engine.spi.FieldDef> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(session.registry().fields().lookup(n));
        }
        return out;
    }

    /** A JSON object from alternating keys and values (strings, numbers, booleans, arrays, null). */
    static String json(Object[] kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(PacketHandle.json((String) kv[i])).append(':');
            value(sb, kv[i + 1]);
        }
        return sb.append('}').toString();
    }

    private static void value(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> sb.append(d.longValue());
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            case Object[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    value(sb, a[i]);
                }
                sb.append(']');
            }
            default -> sb.append(PacketHandle.json(v.toString()));
        }
    }
}
