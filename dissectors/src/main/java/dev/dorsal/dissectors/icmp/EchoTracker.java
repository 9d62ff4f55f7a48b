package dev.dorsal.dissectors.icmp;

import dev.dorsal.engine.spi.Address;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pairs echo requests with their replies within one capture, in file order (tshark's single pass):
 * a reply finds the latest request with the same addresses, identifier and sequence number that
 * has not been answered by another frame yet, and whose checksum fits: as in tshark, a request is
 * filed under the checksum its reply must carry (the request's, corrected for the changed type
 * byte), so a damaged or unrelated message is not paired. Shared by ICMP and ICMPv6.
 *
 * <p>Bounded: at most {@link #MAX_EXCHANGES} exchanges are remembered; the oldest are forgotten.
 */
public final class EchoTracker {
    /** Exchanges kept per capture and protocol. */
    public static final int MAX_EXCHANGES = 65536;

    /** One request and, once seen, the frame that answered it. */
    public static final class Exchange {
        final long requestFrame;
        final long requestNanos;
        long responseFrame;

        Exchange(long requestFrame, long requestNanos) {
            this.requestFrame = requestFrame;
            this.requestNanos = requestNanos;
        }

        public long requestFrame() { return requestFrame; }
        public long requestNanos() { return requestNanos; }
    }

    private record Key(byte[] low, byte[] high, int ident, int seq, int checksum) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ident == ident && k.seq == seq && k.checksum == checksum
                    && Arrays.equals(k.low, low) && Arrays.equals(k.high, high);
        }

        @Override
        public int hashCode() {
            return ((Arrays.hashCode(low) * 31 + Arrays.hashCode(high)) * 31 + ident * 65537 + seq) * 31 + checksum;
        }
    }

    private final Map<Key, Exchange> exchanges = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Exchange> eldest) {
            return size() > MAX_EXCHANGES;
        }
    };

    private static Key key(Address a, Address b, int ident, int seq, int checksum) {
        byte[] x = a.bytes();
        byte[] y = b.bytes();
        // The pair is unordered so a request and its reply meet under one key.
        return Arrays.compareUnsigned(x, y) <= 0 ? new Key(x, y, ident, seq, checksum)
                : new Key(y, x, ident, seq, checksum);
    }

    /**
     * The checksum a reply to a request with {@code checksum} carries when only the type changed by
     * {@code typeWordDelta} (one's complement arithmetic; 0x0800 for ICMP 8 → 0, 0xfeff, that is
     * minus 0x0100, for ICMPv6 128 → 129).
     */
    public static int replyChecksum(int checksum, int typeWordDelta) {
        int s = checksum + typeWordDelta;
        return ((s & 0xffff) + (s >>> 16)) & 0xffff;
    }

    /** Records a request whose reply must carry {@code replyChecksum}; a later one for the same key replaces it. */
    public void request(Address src, Address dst, int ident, int seq, int replyChecksum, long frame, long nanos) {
        exchanges.put(key(src, dst, ident, seq, replyChecksum), new Exchange(frame, nanos));
    }

    /** The request this reply answers, or null (none seen, or already answered by another frame). */
    public Exchange reply(Address src, Address dst, int ident, int seq, int checksum, long frame) {
        Exchange e = exchanges.get(key(src, dst, ident, seq, checksum));
        if (e == null || (e.responseFrame != 0 && e.responseFrame != frame)) {
            return null;
        }
        e.responseFrame = frame;
        return e;
    }
}
