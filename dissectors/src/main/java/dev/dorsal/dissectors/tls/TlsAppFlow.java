package dev.dorsal.dissectors.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decrypted application data of one direction of a TLS session, seen as a byte stream: each
 * record's plaintext gets the next sequence numbers, and PDUs of the protocol above that span records
 * are collected here until complete (tshark's per-flow "multisegment PDUs", see {@link TlsAppData}).
 *
 * <p>Bounded: at most {@link #MAX_PDUS} PDUs are remembered and {@link #MAX_BUFFERED} bytes buffered
 * per direction (the oldest PDU is dropped first), and a PDU is only started when its first part is
 * at most {@link #MAX_FIRST_PART} bytes (tshark's rule).
 */
final class TlsAppFlow {
    static final int MAX_FIRST_PART = 1 << 20;
    static final int MAX_PDUS = 4096;
    static final long MAX_BUFFERED = 32L << 20;

    /** One piece of a PDU: the frame it came in and its bytes at {@code offset} within the PDU. */
    record Fragment(long frame, int offset, byte[] data) {}

    /** A PDU that spans records: where it starts and (for now) ends in the stream, and its pieces. */
    static final class Pdu {
        final long seq;
        long nextPdu;
        final long firstFrame;
        /** The next record completes it whatever its length (the protocol asked for "one more segment"). */
        boolean entireSegment;
        /** Length once the piece reaching the end arrived; -1 before, and again after a partial reassembly. */
        int total = -1;
        long reassembledIn;
        boolean partial;
        List<Fragment> fragments = new ArrayList<>(4);
        long buffered;

        Pdu(long seq, long nextPdu, long firstFrame) {
            this.seq = seq;
            this.nextPdu = nextPdu;
            this.firstFrame = firstFrame;
        }

        /** Adds a piece (tshark's fragment_add); returns whether the PDU is now complete. */
        boolean add(long frame, int offset, byte[] data, boolean more) {
            fragments.add(new Fragment(frame, offset, data));
            buffered += data.length;
            if (!more) {
                total = offset + data.length;
            }
            if (total < 0) {
                return false;
            }
            fragments.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
            int covered = 0;
            for (Fragment f : fragments) {
                if (f.offset() > covered) {
                    return false;
                }
                covered = Math.max(covered, f.offset() + f.data().length);
            }
            if (covered < total) {
                return false;
            }
            reassembledIn = frame;
            partial = false;
            return true;
        }

        byte[] assemble() {
            byte[] out = new byte[total];
            for (Fragment f : fragments) {
                int n = Math.min(f.data().length, total - f.offset());
                if (n > 0) {
                    System.arraycopy(f.data(), 0, out, f.offset(), n);
                }
            }
            return out;
        }

        /** The protocol wants more than this PDU had: keep the pieces and wait for a new end. */
        void setPartial() {
            total = -1;
            reassembledIn = 0;
            partial = true;
        }
    }

    /** Sequence number of the next decrypted application byte in this direction. */
    long byteSeq;
    private final TreeMap<Long, Pdu> pdus = new TreeMap<>();
    private long buffered;

    /** The PDU starting exactly at {@code seq}, or null. */
    Pdu exact(long seq) {
        return pdus.get(seq);
    }

    /** The last PDU starting at or before {@code seq}, or null. */
    Pdu floor(long seq) {
        Map.Entry<Long, Pdu> e = pdus.floorEntry(seq);
        return e == null ? null : e.getValue();
    }

    /** Starts a PDU at {@code seq} that needs bytes up to {@code nextPdu}, dropping the oldest beyond the bounds. */
    Pdu start(long seq, long nextPdu, long frame) {
        Pdu p = new Pdu(seq, nextPdu, frame);
        Pdu old = pdus.put(seq, p);
        if (old != null) {
            buffered -= old.buffered;
        }
        return p;
    }

    /** Accounts bytes added to a PDU and enforces the bounds. */
    void added(Pdu p, long bytes) {
        buffered += bytes;
        while (pdus.size() > MAX_PDUS || buffered > MAX_BUFFERED) {
            Pdu eldest = pdus.pollFirstEntry().getValue();
            buffered -= eldest.buffered;
            eldest.buffered = 0;
            eldest.fragments = new ArrayList<>(0);
            if (eldest == p) {
                break;
            }
        }
    }
}
