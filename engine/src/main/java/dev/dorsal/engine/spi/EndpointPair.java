package dev.dorsal.engine.spi;

import java.util.Arrays;

/**
 * Two address/port endpoints in a canonical order (the smaller address first, then the smaller
 * port), so either direction of a conversation makes an equal key: what TCP and UDP find their
 * streams by.
 *
 * <p>{@code equals} and {@code hashCode} are written out: a record's generated ones go through
 * method-handle chains that cost more than the rest of a lookup on every frame.
 */
public record EndpointPair(Address a, int portA, Address b, int portB) {
    /** The key of a packet from {@code src:srcPort} to {@code dst:dstPort}, in either direction. */
    public static EndpointPair of(Address src, int srcPort, Address dst, int dstPort) {
        int c = compare(src, dst);
        if (c < 0 || (c == 0 && srcPort <= dstPort)) {
            return new EndpointPair(src, srcPort, dst, dstPort);
        }
        return new EndpointPair(dst, dstPort, src, srcPort);
    }

    /** Orders addresses by type, then by their bytes as unsigned numbers. */
    public static int compare(Address x, Address y) {
        int c = x.type().compareTo(y.type());
        return c != 0 ? c : Arrays.compareUnsigned(x.bytes(), y.bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointPair p && p.portA == portA && p.portB == portB && p.a.equals(a) && p.b.equals(b);
    }

    @Override
    public int hashCode() {
        return (a.hashCode() * 31 + b.hashCode()) * 31 + (portA << 16 ^ portB);
    }
}
