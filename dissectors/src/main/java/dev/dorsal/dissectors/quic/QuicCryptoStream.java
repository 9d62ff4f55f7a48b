package dev.dorsal.dissectors.quic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the CRYPTO frames of one direction and packet number space back in offset order, as tshark does
 * before TLS sees them: data at the next expected offset goes to TLS at once when nothing waits (TLS
 * itself joins a handshake message split over frames); once data arrived beyond a gap, everything waits
 * until no gap is left, and the frame that closes the last one hands over all of it as one reassembled
 * buffer, with the frames that made it in offset order.
 *
 * <p>Bounded: at most {@link #MAX_BUFFERED} bytes in {@link #MAX_PIECES} pieces wait for earlier data;
 * later pieces are dropped (their messages are then never shown).
 */
final class QuicCryptoStream {
    static final int MAX_BUFFERED = 1 << 20;
    static final int MAX_PIECES = 1_000;

    /** One frame's contribution to a reassembled buffer. */
    record Fragment(long frame, int length) {}

    /** What became of a CRYPTO frame. */
    sealed interface Result {}

    /** Nothing to dissect yet (out of order, or dropped by the bounds). */
    record Pending() implements Result {}

    /** Every byte was delivered before: a retransmission. */
    record Retransmission() implements Result {}

    /** New data in the frame's own bytes, {@code length} bytes from {@code start}. */
    record InPlace(int start, int length, long streamOffset) implements Result {}

    /** Data made of several frames. */
    record Reassembled(byte[] bytes, List<Fragment> fragments, long streamOffset) implements Result {}

    private record Piece(long frame, long offset, byte[] data) {}

    private long delivered;
    private final TreeMap<Long, Piece> pending = new TreeMap<>();
    private int buffered;

    /** Takes the {@code data} a CRYPTO frame of {@code frame} carries at stream offset {@code offset}. */
    Result receive(long frame, long offset, byte[] data) {
        long end = offset + data.length;
        if (end <= delivered) {
            return data.length == 0 ? new Pending() : new Retransmission();
        }
        long origin = offset;
        if (offset < delivered) {
            data = Arrays.copyOfRange(data, (int) (delivered - offset), data.length);
            offset = delivered;
        }
        if (offset == delivered && pending.isEmpty()) {
            delivered = end;
            return new InPlace((int) (offset - origin), data.length, offset);
        }
        if (buffered + data.length > MAX_BUFFERED || pending.size() >= MAX_PIECES) {
            return new Pending();
        }
        Piece mine = new Piece(frame, offset, data);
        Piece replaced = pending.put(offset, mine);
        buffered += data.length - (replaced == null ? 0 : replaced.data.length);
        if (!pending.containsKey(delivered)) {
            return new Pending();
        }
        List<Piece> used = new ArrayList<>();
        List<Integer> usedLengths = new ArrayList<>();
        byte[] contiguous = contiguous(used, usedLengths);
        Map.Entry<Long, Piece> last = pending.lastEntry();
        if (delivered + contiguous.length < last.getKey() + last.getValue().data.length) {
            return new Pending(); // a later gap is still open: tshark hands nothing over until all of it closes
        }
        List<Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            fragments.add(new Fragment(used.get(i).frame, usedLengths.get(i)));
        }
        long at = delivered;
        consume(contiguous.length);
        return new Reassembled(contiguous, fragments, at);
    }

    /** The bytes from {@link #delivered} on without a gap, noting the pieces and how much of each they use. */
    private byte[] contiguous(List<Piece> used, List<Integer> usedLengths) {
        byte[] out = new byte[Math.min(buffered, MAX_BUFFERED)];
        int size = 0;
        long at = delivered;
        for (Piece p : pending.values()) {
            if (p.offset > at) {
                break;
            }
            long pieceEnd = p.offset + p.data.length;
            if (pieceEnd <= at) {
                continue;
            }
            int skip = (int) (at - p.offset);
            int n = p.data.length - skip;
            if (size + n > out.length) {
                out = Arrays.copyOf(out, size + n);
            }
            System.arraycopy(p.data, skip, out, size, n);
            used.add(p);
            usedLengths.add(n);
            size += n;
            at = pieceEnd;
        }
        return Arrays.copyOf(out, size);
    }

    /** Drops the first {@code n} bytes after {@link #delivered}, keeping the rest of a piece cut by them. */
    private void consume(int n) {
        long upTo = delivered + n;
        Iterator<Map.Entry<Long, Piece>> it = pending.entrySet().iterator();
        List<Piece> rest = new ArrayList<>();
        while (it.hasNext()) {
            Piece p = it.next().getValue();
            if (p.offset >= upTo) {
                break;
            }
            it.remove();
            buffered -= p.data.length;
            long pieceEnd = p.offset + p.data.length;
            if (pieceEnd > upTo) {
                rest.add(new Piece(p.frame, upTo, Arrays.copyOfRange(p.data, (int) (upTo - p.offset), p.data.length)));
            }
        }
        for (Piece p : rest) {
            pending.putIfAbsent(p.offset, p);
            buffered += p.data.length;
        }
        delivered = upTo;
    }

}
