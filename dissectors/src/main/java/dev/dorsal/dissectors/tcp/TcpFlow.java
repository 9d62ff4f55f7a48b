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

    /** SACK blocks kept of the last SACK option this direction sent. */
    static final int MAX_SACK_BLOCKS = 4;
    /** Empty until the first SACK: most connections never send one, and a capture may hold many connections. */
    private static final int[] NO_BLOCKS = new int[0];
    private static final long[] NO_FRAMES = new long[0];

    /** SACK blocks of the last SACK option this direction sent (relative to the other side's ISN). */
    int[] sackLeft = NO_BLOCKS;
    int[] sackRight = NO_BLOCKS;
    int sackCount;

    // Unacknowledged segments, oldest first: start, next sequence number, frame and time. Allocated
    // with the first segment, so that a connection only counted (-z conv,tcp) costs no more than its
    // counters.
    private static final int FIRST_UNACKED_CAPACITY = 8;
    private int[] ualSeq = NO_BLOCKS;
    private int[] ualNext = NO_BLOCKS;
    private long[] ualFrame = NO_FRAMES;
    private long[] ualTime = NO_FRAMES;
    private int ualCount;

    /** The protocol above asked for everything until the FIN (DESEGMENT_UNTIL_FIN). */
    boolean reassembleUntilFin;

    /** PDUs that span segments, and their buffered bytes (null until a subdissector asks). */
    TcpReassembly.Pdus pdus;

    /** Forgets the SACK blocks of this direction's previous SACK option. */
    void clearSacks() {
        sackCount = 0;
    }

    /** Keeps a SACK block of the option being read (the first {@link #MAX_SACK_BLOCKS} of it). */
    void addSack(int left, int right) {
        if (sackCount == MAX_SACK_BLOCKS) {
            return;
        }
        if (sackLeft.length == 0) {
            sackLeft = new int[MAX_SACK_BLOCKS];
            sackRight = new int[MAX_SACK_BLOCKS];
        }
        sackLeft[sackCount] = left;
        sackRight[sackCount] = right;
        sackCount++;
    }

    /** Relative form of a raw sequence number of this direction. */
    int relative(int raw) {
        return raw - baseSeq;
    }

    int unackedCount() {
        return ualCount;
    }

    void addUnacked(int seq, int next, long frame, long time) {
        if (ualCount == ualSeq.length) {
            int n = Math.max(FIRST_UNACKED_CAPACITY, ualCount * 2);
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
