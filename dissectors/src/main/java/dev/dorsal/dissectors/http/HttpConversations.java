package dev.dorsal.dissectors.http;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-connection HTTP state, single pass as tshark runs: the requests and responses numbered in the
 * order they complete, each response matched with the latest request that has none yet (so a response
 * seen before its request, as with {@code Expect: 100-continue}, stands alone), the method and status
 * of the last messages (a HEAD response has no body), and the last request's full URI.
 *
 * <p>Bounded: only the newest two exchanges of a connection are kept (all single-pass output needs),
 * and at most {@value #MAX_CONVERSATIONS} connections, least recently used dropped first.
 */
final class HttpConversations {
    static final int MAX_CONVERSATIONS = 65_536;

    private static final Key<HttpConversations> KEY = Key.of("http.conversations");

    /** One request/response exchange. */
    static final class Exchange {
        final int number;
        long requestFrame;
        long responseFrame;
        long requestNanos;
        Exchange prev;

        Exchange(int number) {
            this.number = number;
        }
    }

    /** One connection's state. */
    static final class Conversation {
        /** Which connection of the capture this is (1 for the first seen): the key of what a first pass learns. */
        final long id;
        int count;
        Exchange tail;
        /** Method of the last request seen (even one still being reassembled), or null. */
        String requestMethod;
        /** Status code of the last response line seen, 0 before any. */
        int responseCode;
        /** Full URI of the last complete request that had a Host. */
        String fullUri;
        /** Set once the http_tcp heuristic accepted the connection. */
        boolean heuristicMatch;
        /** The http_tls heuristic matched decrypted data of this connection (kept apart from the TCP one). */
        boolean tlsHeuristicMatch;

        Conversation(long id) {
            this.id = id;
        }

        /** Records a complete request in {@code frame}. */
        Exchange request(long frame, long nanos) {
            Exchange e = new Exchange(++count);
            e.requestFrame = frame;
            e.requestNanos = nanos;
            link(e);
            return e;
        }

        /** Records a complete response: it answers the newest request without a response, if any. */
        Exchange response(long frame) {
            Exchange t = tail;
            if (t != null && t.responseFrame == 0 && t.requestFrame != 0) {
                t.responseFrame = frame;
                return t;
            }
            Exchange e = new Exchange(++count);
            e.responseFrame = frame;
            link(e);
            return e;
        }

        private void link(Exchange e) {
            if (tail != null) {
                tail.prev = null; // keep two exchanges only
            }
            e.prev = tail;
            tail = e;
        }
    }

    private record ConvKey(String transport, Address a, int portA, Address b, int portB) {}

    private long created;

    private final Map<ConvKey, Conversation> conversations = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ConvKey, Conversation> eldest) {
            return size() > MAX_CONVERSATIONS;
        }
    };

    /** The state of the connection the current packet belongs to, created on first use. */
    static Conversation of(PacketInfo pinfo) {
        HttpConversations all = pinfo.state(KEY, HttpConversations::new);
        return all.conversations.computeIfAbsent(key(pinfo), k -> new Conversation(++all.created));
    }

    /** The state of the current connection, or null when none was created yet. */
    static Conversation find(PacketInfo pinfo) {
        HttpConversations all = pinfo.state(KEY, HttpConversations::new);
        return all.conversations.get(key(pinfo));
    }

    private static ConvKey key(PacketInfo pinfo) {
        Address s = pinfo.src();
        Address d = pinfo.dst();
        int sp = pinfo.srcPort();
        int dp = pinfo.dstPort();
        int c = Arrays.compare(s.bytes(), d.bytes());
        if (c < 0 || c == 0 && sp <= dp) {
            return new ConvKey(pinfo.portType(), s, sp, d, dp);
        }
        return new ConvKey(pinfo.portType(), d, dp, s, sp);
    }
}
