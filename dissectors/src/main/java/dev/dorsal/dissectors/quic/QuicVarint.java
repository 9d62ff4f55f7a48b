package dev.dorsal.dissectors.quic;

import dev.dorsal.engine.spi.Tvb;

/**
 * QUIC's variable-length integers (RFC 9000 section 16): the two high bits of the first byte give the
 * length (1, 2, 4 or 8 bytes), the remaining bits the big-endian value.
 */
final class QuicVarint {
    private QuicVarint() {}

    /** The encoded length of the integer at {@code offset}; reads its first byte. */
    static int length(Tvb tvb, int offset) {
        return 1 << (tvb.u8(offset) >> 6);
    }

    /** The value of the integer at {@code offset}; throws the bounds errors when it runs past the data. */
    static long value(Tvb tvb, int offset) {
        int n = length(tvb, offset);
        long v = tvb.uint(offset, n);
        return v & (n == 8 ? 0x3fffffffffffffffL : (1L << (8 * n - 2)) - 1);
    }
}
