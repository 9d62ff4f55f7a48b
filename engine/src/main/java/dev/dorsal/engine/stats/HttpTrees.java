package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The HTTP stats trees: {@code http,tree} (messages by kind, status class and code, method),
 * {@code http_req,tree} (requests by Host and URI) and {@code http_srv,tree} (requests and responses
 * by server). Each HTTP message a packet carries counts once; a segment that only continues a binary
 * body does not count. Every message moves the statistic's clock (rates divide by
 * the time from the first HTTP message to the last), including those a tree does not count.
 */
final class HttpTrees {
    private static final Set<String> FIELDS = Set.of("http", "http.request.method", "http.request.uri", "http.host",
            "http.response.code", "http.response.code.desc", "http.file_data", "data");

    private HttpTrees() {}

    /** One HTTP message as the trees read it: a request (method set), a response (code ≥ 0) or other. */
    record Message(String method, String uri, String host, int code, String codeText) {
        boolean request() {
            return method != null;
        }

        boolean response() {
            return code >= 0;
        }
    }

    /**
     * Calls {@code visitor} for each HTTP message of {@code p}, in packet order: every top-level HTTP
     * node, a truncated or malformed one too, except a body continuation that holds nothing but data.
     */
    static void messages(DissectedPacket p, Consumer<Message> visitor) {
        for (ProtoItem http = p.tree().root().firstChild(); http != null; http = http.next()) {
            FieldDef f = http.field();
            if (f == null || !f.abbrev().equals("http") || continuation(http)) {
                continue;
            }
            ProtoItem method = Layers.find(http, "http.request.method");
            ProtoItem uri = Layers.find(http, "http.request.uri");
            ProtoItem host = Layers.find(http, "http.host");
            ProtoItem code = Layers.find(http, "http.response.code");
            ProtoItem desc = Layers.find(http, "http.response.code.desc");
            visitor.accept(new Message(method == null ? null : method.stringValue(),
                    uri == null ? null : uri.stringValue(), host == null ? null : host.stringValue(),
                    method == null && code != null ? (int) code.num() : -1,
                    desc == null ? "" : desc.stringValue()));
        }
    }

    /**
     * True for an HTTP node that holds only a "Data" item: tshark does not count such continuations
     * (one with a "File Data" item, as text bodies have, counts as "Other").
     */
    private static boolean continuation(ProtoItem http) {
        for (ProtoItem c = http.firstChild(); c != null; c = c.next()) {
            FieldDef f = c.field();
            String abbrev = f == null ? "" : f.abbrev();
            if (!abbrev.equals("data") && !abbrev.startsWith("data.")) {
                return false;
            }
        }
        return true;
    }

    /** {@code -z http,tree}: "HTTP/Packet Counter". */
    static final class PacketCounter extends StatsTreeTap {
        private static final String[] CLASSES = {"???: broken", "1xx: Informational", "2xx: Success",
                "3xx: Redirection", "4xx: Client Error", "5xx: Server Error"};
        private final StatsTree.Node total;
        private final StatsTree.Node requests;
        private final StatsTree.Node responses;
        private final StatsTree.Node[] classes = new StatsTree.Node[CLASSES.length];
        private final StatsTree.Node other;

        PacketCounter(TapFilter filter) {
            super("HTTP/Packet Counter", filter, FIELDS);
            total = tree.root("Total HTTP Packets");
            requests = total.child("HTTP Request Packets");
            responses = total.child("HTTP Response Packets");
            for (int i = 0; i < CLASSES.length; i++) {
                classes[i] = responses.child(CLASSES[i]);
            }
            other = total.child("Other HTTP Packets");
        }

        @Override
        void count(DissectedPacket p) {
            messages(p, m -> {
                tree.tick(p);
                total.increment();
                if (m.request()) {
                    requests.increment();
                    inc(child(requests, m.method()));
                } else if (m.response()) {
                    responses.increment();
                    int c = m.code() / 100;
                    if (c >= 1 && c <= 5) {
                        classes[c].increment();
                        inc(child(classes[c], m.code() + " " + m.codeText()));
                    } else {
                        classes[0].increment();
                    }
                } else {
                    other.increment();
                }
            });
        }

        @Override
        public boolean needsDetailedTree() {
            return true;
        }
    }

    /** {@code -z http_req,tree}: "HTTP/Requests", by Host and URI. */
    static final class Requests extends StatsTreeTap {
        private final StatsTree.Node byHost;

        Requests(TapFilter filter) {
            super("HTTP/Requests", filter, FIELDS);
            byHost = tree.root("HTTP Requests by HTTP Host");
        }

        @Override
        void count(DissectedPacket p) {
            messages(p, m -> {
                tree.tick(p);
                if (!m.request()) {
                    return;
                }
                byHost.increment();
                if (m.host() != null) {
                    StatsTree.Node host = inc(byHost.child(m.host()));
                    if (m.uri() != null) {
                        inc(child(host, m.uri()));
                    }
                }
            });
        }

        @Override
        public boolean needsDetailedTree() {
            return true;
        }
    }

    /**
     * {@code -z http_srv,tree}: "HTTP/Load Distribution", requests by server address and Host, and
     * responses by server address: "OK" for 101 to 399, "KO" for the rest (100 Continue too, as tshark
     * counts it).
     */
    static final class LoadDistribution extends StatsTreeTap {
        private final StatsTree.Node requests;
        private final StatsTree.Node byAddress;
        private final StatsTree.Node byHost;
        private final StatsTree.Node responses;

        LoadDistribution(TapFilter filter) {
            super("HTTP/Load Distribution", filter, FIELDS);
            requests = tree.root("HTTP Requests by Server");
            byAddress = requests.child("HTTP Requests by Server Address");
            byHost = requests.child("HTTP Requests by HTTP Host");
            responses = tree.root("HTTP Responses by Server Address");
        }

        @Override
        void count(DissectedPacket p) {
            messages(p, m -> {
                tree.tick(p);
                if (m.request()) {
                    String ip = p.dst().toString();
                    requests.increment();
                    byAddress.increment();
                    StatsTree.Node a = inc(byAddress.child(ip));
                    byHost.increment();
                    if (m.host() != null) {
                        inc(child(a, m.host()));
                        inc(child(inc(byHost.child(m.host())), ip));
                    }
                } else if (m.response()) {
                    responses.increment();
                    String result = m.code() > 100 && m.code() < 400 ? "OK" : "KO";
                    inc(child(inc(responses.child(p.src().toString())), result));
                }
            });
        }

        @Override
        public boolean needsDetailedTree() {
            return true;
        }
    }
}
