package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.EndpointPair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the connection a segment belongs to and numbers connections in order of first appearance
 * ({@code tcp.stream}). When ports are reused (a SYN with a new initial sequence number on a known
 * address/port pair) the caller starts a new connection with {@link #startNew}, which from then on
 * is the one found.
 *
 * <p>Bounded: at most {@link #MAX_TRACKED} connections are remembered; the least recently seen one
 * is forgotten first (if it comes back it gets a new index, and its analysis starts over).
 */
final class TcpConversations {
    /** Connections remembered at once. */
    static final int MAX_TRACKED = 1 << 18;

    private final Map<EndpointPair, TcpConversation> byEndpoints = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EndpointPair, TcpConversation> eldest) {
            return size() > MAX_TRACKED;
        }
    };
    private int nextIndex;
    /**
     * The segment {@link TcpFlowShortcut} fills frame after frame, one per capture as this table is:
     * the shortcut reads back only the connection, so nothing older in it matters.
     */
    private final TcpSegment scratch = new TcpSegment();
    /** Bytes all connections' reassembly buffers hold (one cell, shared with their {@code Pdus}). */
    final long[] reassemblyTotal = new long[1];

    /**
     * Keeps reassembly within {@link TcpReassembly#MAX_TOTAL_BUFFERED}: releases the waiting PDUs of
     * the connections seen least recently until the total is back under half the budget (so the walk
     * is rare). A released PDU that gets more segments later is shown as not reassembled.
     */
    void trimReassembly() {
        if (reassemblyTotal[0] <= TcpReassembly.MAX_TOTAL_BUFFERED) {
            return;
        }
        for (TcpConversation c : byEndpoints.values()) {
            for (TcpFlow f : new TcpFlow[] {c.flow1, c.flow2}) {
                if (f.pdus != null) {
                    f.pdus.releaseAll();
                }
            }
            if (reassemblyTotal[0] <= TcpReassembly.MAX_TOTAL_BUFFERED / 2) {
                return;
            }
        }
    }

    /**
     * The connection looked up or started last, with its endpoints: segments come in bursts of one
     * connection, and the one used last is already the newest in the recency order, so finding it
     * again needs no key, hash or relinking.
     */
    private TcpConversation last;
    private Address lastA;
    private int lastPortA;
    private Address lastB;
    private int lastPortB;

    /** The current connection of these endpoints, or null when there is none. */
    TcpConversation find(Address src, int srcPort, Address dst, int dstPort) {
        TcpConversation l = last;
        if (l != null && ((srcPort == lastPortA && dstPort == lastPortB && src.equals(lastA) && dst.equals(lastB))
                || (srcPort == lastPortB && dstPort == lastPortA && src.equals(lastB) && dst.equals(lastA)))) {
            return l;
        }
        TcpConversation c = byEndpoints.get(EndpointPair.of(src, srcPort, dst, dstPort));
        if (c != null) {
            remember(c, src, srcPort, dst, dstPort);
        }
        return c;
    }

    private void remember(TcpConversation c, Address a, int portA, Address b, int portB) {
        last = c;
        lastA = a;
        lastPortA = portA;
        lastB = b;
        lastPortB = portB;
    }

    TcpSegment scratchSegment() {
        return scratch;
    }

    /** The index the next connection started will get. */
    int nextIndex() {
        return nextIndex;
    }

    /** Starts a connection (the next index) for these endpoints; it replaces any earlier one. */
    TcpConversation startNew(Address src, int srcPort, Address dst, int dstPort, long nowNanos) {
        TcpConversation c = new TcpConversation(nextIndex++, src, srcPort, nowNanos);
        byEndpoints.put(EndpointPair.of(src, srcPort, dst, dstPort), c);
        remember(c, src, srcPort, dst, dstPort);
        return c;
    }
}
