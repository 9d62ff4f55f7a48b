package dev.dorsal.dissectors.tcp;

/**
 * What TCP remembers about one direction of a connection: its initial sequence number, window
 * scaling, the sequence analysis counters, the segments not yet acknowledged and the PDUs being
 * reassembled. Sequence numbers are raw 32-bit values compared modulo 2^32.
 *
 * <p>Bounded: at most {@link #MAX_UNACKED} unacknowledged segments are remembered (tshark's limit
 * too); later ones are not tracked until ACKs free room.
 */
final class TcpFlow {
    /** Unacknowledged segments remembered per direction. */
    static final int MAX_UNACKED = 10_000;

    /** Window scale not known (no SYN seen). */
    static final int SCALE_UNKNOWN = -1;
    /** The handshake said the window is not scaled. */
    static final int SCALE_NONE = -2;

    boolean baseSeqSet;
    int baseSeq;
    int winScale = SCALE_UNKNOWN;
    /** Last raw window advertised, or -1 before any. */
    int window = -1;

    int nextSeq;
    long nextSeqFrame;
    long nextSeqTime;
    int maxSeqToBeAcked;
    int lastAck;
    long lastAckTime;
    long lastNonDupAck;
    int dupAckNum;
    int lastSegmentFlags;
    boolean validBytesInFlight = true;
    long pushBytesSent;
    boolean pushSetLast;
    boolean closingInitiator;

    /** SACK blocks of the last SACK option this direction sent (relative to the other side's ISN). */
    final int[] sackLeft = new int[4];
    final int[] sackRight = new int[4];
    int sackCount;

    // Unacknowledged segments, oldest first: start, next sequence number, frame and time.
    private int[] ualSeq = new int[8];
    private int[] ualNext = new int[8];
    private long[] ualFrame = new long[8];
    private long[] ualTime = new long[8];
    private int ualCount;

    /** The protocol above asked for everything until the FIN (DESEGMENT_UNTIL_FIN). */
    boolean reassembleUntilFin;

    /** PDUs that span segments, and their buffered bytes (null until a subdissector asks). */
    TcpReassembly.Pdus pdus;

    /** Relative form of a raw sequence number of this direction. */
    int relative(int raw) {
        return raw - baseSeq;
    }

    int unackedCount() {
        return ualCount;
    }

    void addUnacked(int seq, int next, long frame, long time) {
        if (ualCount == ualSeq.length) {
            int n = ualCount * 2;
            ualSeq = java.util.Arrays.copyOf(ualSeq, n);
            ualNext = java.util.Arrays.copyOf(ualNext, n);
            ualFrame = java.util.Arrays.copyOf(ualFrame, n);
            ualTime = java.util.Arrays.copyOf(ualTime, n);
        }
        ualSeq[ualCount] = seq;
        ualNext[ualCount] = next;
        ualFrame[ualCount] = frame;
        ualTime[ualCount] = time;
        ualCount++;
    }

    /**
     * Applies an acknowledgment to this direction's unacknowledged segments: drops what it covers,
     * trims what it covers in part, and reports the segment it acknowledges exactly to {@code acked}.
     */
    void acknowledge(int ack, TcpAcked acked, long now) {
        // Newest first, as tshark walks its list: with several exact matches the oldest one wins.
        for (int i = ualCount - 1; i >= 0; i--) {
            if (ack == ualNext[i]) {
                acked.frameAcked = ualFrame[i];
                acked.ackRttNanos = now - ualTime[i];
                acked.present = true;
                ualFrame[i] = -1;
            } else if (ack - ualSeq[i] > 0 && ack - ualNext[i] <= 0) {
                ualSeq[i] = ack;
            } else if (ualNext[i] - ack <= 0) {
                ualFrame[i] = -1;
            }
        }
        int kept = 0;
        for (int i = 0; i < ualCount; i++) {
            if (ualFrame[i] < 0) {
                continue;
            }
            ualSeq[kept] = ualSeq[i];
            ualNext[kept] = ualNext[i];
            ualFrame[kept] = ualFrame[i];
            ualTime[kept] = ualTime[i];
            kept++;
        }
        ualCount = kept;
    }

    long oldestUnackedTime() {
        return ualTime[0];
    }

    long oldestUnackedFrame() {
        return ualFrame[0];
    }

    /** Bytes from the lowest unacknowledged sequence number to the highest next one, relative to the ISN. */
    int inFlight() {
        int first = ualSeq[ualCount - 1] - baseSeq;
        int last = ualNext[ualCount - 1] - baseSeq;
        for (int i = 0; i < ualCount; i++) {
            int n = ualNext[i] - baseSeq;
            int s = ualSeq[i] - baseSeq;
            if (Integer.compareUnsigned(n, last) > 0) {
                last = n;
            }
            if (Integer.compareUnsigned(s, first) < 0) {
                first = s;
            }
        }
        return last - first;
    }
}
