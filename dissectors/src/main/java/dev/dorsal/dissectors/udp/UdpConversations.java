package dev.dorsal.dissectors.udp;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.EndpointPair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers UDP conversations (one per address/port pair, either direction) in order of first
 * appearance, the way tshark's {@code udp.stream} does, and keeps each one's first and previous
 * timestamps for {@code udp.time_relative} and {@code udp.time_delta}.
 *
 * <p>Bounded: at most {@link #MAX_TRACKED} conversations are remembered; the least recently seen
 * one is forgotten first (a forgotten conversation that comes back gets a new index).
 */
final class UdpConversations {
    /** Conversations remembered at once. */
    static final int MAX_TRACKED = 1 << 20;

    /** One conversation: its index and timing. */
    static final class Conversation {
        final int index;
        final long firstNanos;
        long prevNanos;

        Conversation(int index, long nowNanos) {
            this.index = index;
            this.firstNanos = nowNanos;
            this.prevNanos = nowNanos;
        }
    }

    private final Map<EndpointPair, Conversation> byEndpoints = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EndpointPair, Conversation> eldest) {
            return size() > MAX_TRACKED;
        }
    };
    private int nextIndex;

    /** The conversation of these endpoints, created (with the next index) when new. */
    Conversation find(Address src, int srcPort, Address dst, int dstPort, long nowNanos) {
        EndpointPair key = EndpointPair.of(src, srcPort, dst, dstPort);
        Conversation c = byEndpoints.get(key);
        if (c == null) {
            c = new Conversation(nextIndex++, nowNanos);
            byEndpoints.put(key, c);
        }
        return c;
    }
}
