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
        /** Number among all conversations of the capture ({@code ConversationIndex}), -1 until given. */
        long globalIndex = -1;
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

    /** The index {@link #find} would give these endpoints, found without changing anything. */
    int streamOf(Address src, int srcPort, Address dst, int dstPort) {
        Conversation c = byEndpoints.get(EndpointPair.of(src, srcPort, dst, dstPort));
        return c != null ? c.index : nextIndex;
    }

    /** The conversation of these endpoints, created (with the next index) when new. */
    Conversation find(Address src, int srcPort, Address dst, int dstPort, long nowNanos) {
        return find(src, srcPort, dst, dstPort, nowNanos, null, null);
    }

    /**
     * As {@link #find(Address, int, Address, int, long)}, but when the exact pair has no conversation
     * yet, an endpoint another protocol announced ({@link UdpSetup}: the sender's, then the
     * receiver's) gives its own, numbered at its first datagram; {@code announced[0]} is set to it.
     */
    Conversation find(Address src, int srcPort, Address dst, int dstPort, long nowNanos,
            Map<UdpSetup.Endpoint, UdpSetup.Announced> table, UdpSetup.Announced[] announced) {
        EndpointPair key = EndpointPair.of(src, srcPort, dst, dstPort);
        Conversation c = byEndpoints.get(key);
        if (c != null) {
            return c;
        }
        if (table != null && !table.isEmpty()) {
            UdpSetup.Announced a = table.get(new UdpSetup.Endpoint(src, srcPort));
            if (a == null) {
                a = table.get(new UdpSetup.Endpoint(dst, dstPort));
            }
            if (a != null) {
                if (a.conversation == null) {
                    a.conversation = new Conversation(nextIndex++, nowNanos);
                }
                announced[0] = a;
                return a.conversation;
            }
        }
        c = new Conversation(nextIndex++, nowNanos);
        byEndpoints.put(key, c);
        return c;
    }

}
