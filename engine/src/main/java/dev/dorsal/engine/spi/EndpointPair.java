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

    /**
     * Mixed, not a plain polynomial: the two addresses of a conversation usually share most of their
     * bytes (hosts of one subnet), and {@code 31 * hash(a) + hash(b)} then cancels what they share
     * into the high bits, leaving the low bits a hash table indexes by nearly constant (on the
     * 1M-packet benchmark file whole bins turned into trees).
     */
    @Override
    public int hashCode() {
        return hash(a, portA, b, portB);
    }

    /** The hash of a pair of endpoints as this key computes it, for other keys made of one. */
    public static int hash(Address a, int portA, Address b, int portB) {
        int h = mix(a.hashCode());
        h = mix(h * 31 + b.hashCode());
        return mix(h * 31 + (portA << 16 ^ portB));
    }

    /** MurmurHash3's 32-bit finalizer: every input bit moves about half of the output bits. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ h >>> 16;
    }
}
