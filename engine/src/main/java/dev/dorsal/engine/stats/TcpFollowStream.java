package dev.dorsal.engine.stats;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts the payload of one TCP stream in sequence order per direction, as tshark 4.0's follow does:
 * data already delivered is not repeated (a retransmission adds only its new tail), a segment beyond
 * the expected sequence number waits until the gap is filled, and when the other side acknowledges
 * data past a gap that never arrived, a {@code [N bytes missing in capture file]} marker (with its
 * terminating NUL) stands in for it. Data still waiting behind an unacknowledged gap at the end is
 * not shown. Consecutive segments of one direction stay separate chunks.
 *
 * <p>Sequence numbers are compared modulo 2^32. The expected sequence number of a direction starts
 * at the first segment seen from it (a SYN counts one), with or without data.
 *
 * <p>Bounded state: at most {@value #MAX_WAITING} segments and {@value #MAX_WAITING_BYTES} bytes wait
 * for a gap per direction; segments past that are dropped and counted in {@link #droppedSegments()}.
 */
final class TcpFollowStream {
    static final int MAX_WAITING = 10_000;
    static final int MAX_WAITING_BYTES = 64 << 20;

    private final Consumer<FollowRecord> out;
    private final int[] next = new int[2];
    private final boolean[] started = new boolean[2];
    private final long[] waitingBytes = new long[2];
    private final List<List<Waiting>> waiting = List.of(new ArrayList<>(), new ArrayList<>());
    private long droppedSegments;

    private record Waiting(int seq, FollowRecord record) {}

    TcpFollowStream(Consumer<FollowRecord> out) {
        this.out = out;
    }

    /**
     * Adds one segment.
     *
     * @param server   true when it comes from node 1
     * @param seq      its sequence number
     * @param ack      its acknowledgment number (0 when absent)
     * @param syn      whether the SYN flag is set
     * @param length   segment length on the wire (tcp.len)
     * @param data     the captured payload (may be shorter than {@code length})
     */
    void segment(boolean server, int seq, int ack, boolean syn, int length, byte[] data, long frame, long epochNanos) {
        int dir = server ? 1 : 0;
        int other = 1 - dir;
        int sequence = syn ? seq + 1 : seq;
        if (!waiting.get(other).isEmpty()) {
            while (drain(other, ack, frame, true)) {
                // each pass delivers one waiting segment or one marker
            }
        }
        if (!started[dir]) {
            next[dir] = sequence;
            started[dir] = true;
        }
        int offset = 0;
        int available = data.length;
        if (sequence - next[dir] < 0) {
            int end = sequence + length;
            if (end - next[dir] > 0) {
                offset = next[dir] - sequence;
                available = available <= offset ? 0 : available - offset;
                sequence = next[dir];
                length = end - next[dir];
            }
        }
        if (available == 0 || sequence - next[dir] < 0) {
            return;
        }
        byte[] bytes = offset == 0 && available == data.length ? data
                : java.util.Arrays.copyOfRange(data, offset, offset + available);
        FollowRecord r = new FollowRecord(server, frame, epochNanos, bytes);
        if (sequence == next[dir]) {
            next[dir] += length;
            out.accept(r);
            while (drain(dir, 0, frame, false)) {
                // deliver what the new data made contiguous
            }
        } else if (waiting.get(dir).size() < MAX_WAITING && waitingBytes[dir] + bytes.length <= MAX_WAITING_BYTES) {
            waiting.get(dir).add(new Waiting(sequence, r));
            waitingBytes[dir] += bytes.length;
        } else {
            droppedSegments++;
        }
    }

    /**
     * Delivers at most one waiting segment of direction {@code dir} that now fits, or, with
     * {@code useAck}, a marker for bytes acknowledged but never captured; true when it did something.
     */
    private boolean drain(int dir, int ack, long frame, boolean useAck) {
        List<Waiting> list = waiting.get(dir);
        if (list.isEmpty()) {
            return false;
        }
        int lowest = list.get(0).seq();
        for (Iterator<Waiting> it = list.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (lowest - w.seq() > 0) {
                lowest = w.seq();
            }
            byte[] d = w.record().data();
            if (w.seq() - next[dir] < 0) {
                int end = w.seq() + d.length;
                if (end - next[dir] > 0) {
                    int skip = next[dir] - w.seq();
                    if (d.length > skip) {
                        FollowRecord r = w.record();
                        out.accept(new FollowRecord(r.server(), r.frame(), r.epochNanos(),
                                java.util.Arrays.copyOfRange(d, skip, d.length)));
                    }
                    next[dir] += d.length - skip;
                }
                it.remove();
                waitingBytes[dir] -= d.length;
                return true;
            }
            if (w.seq() == next[dir]) {
                if (d.length > 0) {
                    out.accept(w.record());
                }
                next[dir] += d.length;
                it.remove();
                waitingBytes[dir] -= d.length;
                return true;
            }
        }
        if (useAck && ack - lowest > 0) {
            String marker = "[" + (lowest - next[dir]) + " bytes missing in capture file]";
            byte[] text = marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            out.accept(new FollowRecord(dir == 1, frame, 0, java.util.Arrays.copyOf(text, text.length + 1)));
            next[dir] = lowest;
            return true;
        }
        return false;
    }

    long droppedSegments() {
        return droppedSegments;
    }
}
