package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the {@link TlsSession} of a packet by its TCP conversation (network addresses and ports, in
 * either direction), creating it on first use. Per capture, via {@link PacketInfo#state}.
 *
 * <p>Bounded: at most {@link #MAX_SESSIONS} conversations are kept; when a new one would exceed the
 * bound the least recently used is dropped (a dropped conversation that resumes starts afresh, as if
 * the capture began there). The first {@link #MAX_FLOWS} sessions also go to the capture's
 * {@link TlsFlow} for the ladder.
 */
final class TlsSessions {
    /** Per-capture key of this state. */
    static final Key<TlsSessions> KEY = Key.of("tls.sessions");
    /** Most conversations tracked at once. */
    static final int MAX_SESSIONS = 100_000;
    /** Most sessions remembered for {@code -z tls,flow}. */
    static final int MAX_FLOWS = 10_000;

    /** A conversation, with the endpoints in a fixed order so both directions find it. */
    private record ConversationKey(Address a, int portA, Address b, int portB) {
        static ConversationKey of(Address src, int srcPort, Address dst, int dstPort) {
            int c = compare(src, srcPort, dst, dstPort);
            return c <= 0 ? new ConversationKey(src, srcPort, dst, dstPort) : new ConversationKey(dst, dstPort, src, srcPort);
        }

        private static int compare(Address x, int px, Address y, int py) {
            int c = Arrays.compareUnsigned(x.bytes(), y.bytes());
            return c != 0 ? c : Integer.compare(px, py);
        }
    }

    /** What a first pass learns of a session: the version it ended with, draft number in bits 16 and up. */
    static final String LEARNED_VERSION = "tls.session_version";

    private long created;

    private final Map<ConversationKey, TlsSession> sessions = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ConversationKey, TlsSession> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    static TlsSessions of(PacketInfo pinfo) {
        return pinfo.state(KEY, TlsSessions::new);
    }

    /** The session of the packet's conversation; created when {@code create} is set, else null if unknown. */
    TlsSession find(PacketInfo pinfo, boolean create) {
        ConversationKey key = ConversationKey.of(pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(), pinfo.dstPort());
        TlsSession s = sessions.get(key);
        if (s == null && create) {
            s = new TlsSession();
            s.id = ++created;
            // tshark's second pass (-2) knows the version the session negotiated from its first frame on.
            long learned = pinfo.links().recall(LEARNED_VERSION, s.id);
            if (learned != 0) {
                s.version = (int) (learned & 0xffff);
                s.tls13Draft = (int) (learned >>> 16);
            }
            // Until a hello names the server, the ladder takes sides by the same port rule as fromServer().
            String src = endpoint(pinfo.netSrc(), pinfo.srcPort());
            String dst = endpoint(pinfo.netDst(), pinfo.dstPort());
            if (s.fromServer(pinfo.netSrc(), pinfo.srcPort())) {
                s.flow.setEndpoints(dst, src);
            } else {
                s.flow.setEndpoints(src, dst);
            }
            sessions.put(key, s);
            pinfo.state(TlsFlow.KEY, TlsFlow::new).add(s.flow);
        }
        return s;
    }

    /** "addr:port", with IPv6 addresses in brackets. */
    static String endpoint(Address address, int port) {
        String a = address.toString();
        return address.type() == Address.Type.IPv6 ? "[" + a + "]:" + port : a + ":" + port;
    }
}
