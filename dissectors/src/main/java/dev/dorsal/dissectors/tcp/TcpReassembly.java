package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wireshark's desegmentation contract for the protocols above TCP. Before calling one, TCP sets
 * {@code pinfo.setCanDesegment(true)}; a protocol that finds its PDU incomplete calls
 * {@code pinfo.setDesegment(offset, n)} (n more bytes, or {@link PacketInfo#ONE_MORE_SEGMENT}) and
 * returns. TCP then buffers the bytes from {@code offset} per direction and, in the frame whose
 * segment completes the PDU, calls the protocol again on the whole PDU, given as the data source
 * "Reassembled TCP", with a {@code [N Reassembled TCP Segments (X bytes): #6(185), #8(29)]} tree.
 * Earlier frames get {@code [TCP segment of a reassembled PDU]} in Info.
 *
 * <pre>
 *  segment:   |--- PDU 1 tail ---|--- PDU 2 ---|--- PDU 3 head ---|
 *  calls:      reassembled PDU 1   PDU 2 (in place)  (buffered, asks for more)
 * </pre>
 *
 * <p>Segments arriving in order are reassembled; a retransmission is never fed twice. Bounds (each a
 * documented limit, not a tshark preference): a PDU is only started when its first part is at most
 * {@link #MAX_FIRST_PART} bytes (tshark's rule); at most {@link #MAX_BUFFERED} bytes wait per
 * direction and at most {@link #MAX_PDUS} PDUs are remembered per direction (the oldest is dropped).
 */
final class TcpReassembly {
    /** Largest first part of a PDU TCP agrees to hold (tshark: 1 MiB). */
    static final int MAX_FIRST_PART = 1 << 20;
    /** Bytes buffered per direction before the oldest unfinished PDU is dropped. */
    static final long MAX_BUFFERED = 32L << 20;
    /** PDUs (finished or not) remembered per direction, for retransmission detection. */
    static final int MAX_PDUS = 4096;
    /**
     * Bytes buffered across all connections of a capture. Past it, the connections seen least
     * recently lose their unfinished PDUs first (see {@link TcpConversations#trimReassembly}), so
     * memory follows the streams still active, not the size of the file.
     */
    static final long MAX_TOTAL_BUFFERED = 64L << 20;
    private static final long UNTIL_FIN = 0x0ffffffeL;
    /** How far a PDU that lasts until FIN is allowed to grow (tshark: 1 GiB). */
    private static final long UNTIL_FIN_SPAN = 0x40000000L;

    static final FieldDef SEGMENT_DATA = FieldDef.bytes("tcp.segment_data", "TCP segment data");
    static final FieldDef SEGMENTS = FieldDef.none("tcp.segments", "Reassembled TCP Segments");
    static final FieldDef SEGMENT = FieldDef.framenum("tcp.segment", "TCP Segment");
    static final FieldDef SEGMENT_COUNT = FieldDef.uint32("tcp.segment.count", "Segment count");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("tcp.reassembled_in", "Reassembled PDU in frame");
    static final FieldDef REASSEMBLED_LENGTH = FieldDef.uint32("tcp.reassembled.length", "Reassembled TCP length");
    static final FieldDef REASSEMBLED_DATA = FieldDef.bytes("tcp.reassembled.data", "Reassembled TCP Data");
    static final FieldDef SEGMENT_OVERLAP = FieldDef.bool("tcp.segment.overlap", "Segment overlap");
    static final FieldDef SEGMENT_OVERLAP_CONFLICT = FieldDef.bool("tcp.segment.overlap.conflict",
            "Conflicting data in segment overlap");
    static final FieldDef SEGMENT_MULTIPLE_TAILS = FieldDef.bool("tcp.segment.multipletails",
            "Multiple tail segments found");
    static final FieldDef SEGMENT_TOO_LONG = FieldDef.bool("tcp.segment.toolongfragment", "Segment too long");
    static final FieldDef SEGMENT_ERROR = FieldDef.framenum("tcp.segment.error", "Reassembling error");
    static final FieldDef PDU_SIZE = FieldDef.uint32("tcp.pdu.size", "PDU Size");
    static final FieldDef PDU_TIME = FieldDef.relativeTime("tcp.pdu.time", "Time until the last segment of this PDU");
    static final FieldDef PDU_LAST_FRAME = FieldDef.framenum("tcp.pdu.last_frame", "Last frame of this PDU");
    static final FieldDef CONTINUATION_TO = FieldDef.framenum("tcp.continuation_to",
            "This is a continuation to the PDU in frame");

    static final List<FieldDef> FIELDS = List.of(SEGMENT_DATA, SEGMENTS, SEGMENT, SEGMENT_COUNT, REASSEMBLED_IN,
            REASSEMBLED_LENGTH, REASSEMBLED_DATA, SEGMENT_OVERLAP, SEGMENT_OVERLAP_CONFLICT, SEGMENT_MULTIPLE_TAILS,
            SEGMENT_TOO_LONG, SEGMENT_ERROR, PDU_SIZE, PDU_TIME, PDU_LAST_FRAME, CONTINUATION_TO);

    /** Reassembly error tshark reports when a segment falls inside a PDU already handed on. */
    static final ExpertDef E_REASSEMBLY = new ExpertDef("_ws.malformed.reassembly", "Reassembly error",
            Group.MALFORMED, Severity.ERROR);
    private static final String OVERLAPS_OLD_DATA = "New fragment overlaps old data (retransmission?)";
    private static final String REASSEMBLY_ERROR = "[Reassembly error, protocol TCP: " + OVERLAPS_OLD_DATA + "]";

    private static final int OVERLAP = 1;
    private static final int OVERLAP_CONFLICT = 2;

    /**
     * One piece of a PDU: the frame it came in and its bytes at {@code offset} within the PDU; {@code flags}
     * records, once assembled, whether it overlapped earlier bytes and whether it disagreed with them.
     */
    private static final class Fragment {
        final long frame;
        final int offset;
        final byte[] data;
        int flags;

        Fragment(long frame, int offset, byte[] data) {
            this.frame = frame;
            this.offset = offset;
            this.data = data;
        }
    }

    /** A PDU that spans segments (tshark's "multisegment PDU"): where it starts and ends in the stream. */
    static final class Pdu {
        final long seq;
        long nextPdu;
        final long firstFrame;
        long lastFrame;
        /** Its bytes were handed on (or dropped): only its boundaries are kept. */
        boolean released;
        /** It was reassembled and handed on (not merely dropped to respect the bounds). */
        boolean finished;
        /** Some fragment disagreed with bytes an earlier one had given (tshark's "Illegal Segments"). */
        boolean conflict;
        /** The next segment completes it whatever its length (the protocol asked for "one more segment"). */
        boolean wholeNextSegment;
        /** Length once the piece reaching the end arrived, -1 before (or after a partial reassembly). */
        int total = -1;
        /** It starts where its first segment's payload starts (not after another PDU in it). */
        boolean startsSegment;
        /** The last frame where it was complete and the protocol asked for more (0 before). */
        long reopenedIn;
        List<Fragment> fragments = new ArrayList<>(4);
        long buffered;

        Pdu(long seq, long nextPdu, long firstFrame) {
            this.seq = seq;
            this.nextPdu = nextPdu;
            this.firstFrame = firstFrame;
        }

        void add(Fragment f, boolean last) {
            fragments.add(f);
            buffered += f.data.length;
            if (last) {
                total = f.offset + f.data.length;
            }
        }

        boolean complete() {
            if (total < 0) {
                return false;
            }
            fragments.sort((a, b) -> Integer.compare(a.offset, b.offset));
            int covered = 0;
            for (Fragment f : fragments) {
                if (f.offset > covered) {
                    return false;
                }
                covered = Math.max(covered, f.offset + f.data.length);
            }
            return covered >= total;
        }

        /**
         * The PDU's bytes, fragments taken in offset order (as {@link #complete()} left them): where two
         * overlap, the earlier one's bytes stay and the later one is marked as overlapping (and
         * conflicting when its bytes differ).
         */
        byte[] assemble() {
            byte[] out = new byte[total];
            int end = 0;
            for (Fragment f : fragments) {
                int len = f.data.length;
                if (len == 0) {
                    continue;
                }
                f.flags = 0;
                if (f.offset < end) {
                    f.flags = OVERLAP;
                    int cmp = Math.min(len, Math.min(end, total) - f.offset);
                    if (cmp > 0 && !java.util.Arrays.equals(f.data, 0, cmp, out, f.offset, f.offset + cmp)) {
                        f.flags |= OVERLAP_CONFLICT;
                        conflict = true;
                    }
                }
                int from = Math.max(end, f.offset);
                int to = Math.min(f.offset + len, total);
                if (to > from) {
                    System.arraycopy(f.data, from - f.offset, out, from, to - from);
                }
                end = Math.max(end, f.offset + len);
            }
            return out;
        }
    }

    /** The PDUs of one direction, by starting sequence number (relative, as an unsigned 32-bit value). */
    static final class Pdus {
        final TreeMap<Long, Pdu> bySeq = new TreeMap<>();
        long buffered;
        /** Bytes buffered by every connection of the capture, shared by all their Pdus. */
        private final long[] total;

        Pdus(long[] total) {
            this.total = total;
        }

        long totalBuffered() {
            return total[0];
        }

        /** Forgets the bytes of every PDU still waiting (boundaries stay), e.g. to respect the budget. */
        void releaseAll() {
            if (buffered == 0) {
                return;
            }
            for (Pdu p : bySeq.values()) {
                if (!p.released) {
                    release(p);
                }
            }
        }

        Pdu exact(long seq) {
            return bySeq.get(seq);
        }

        Pdu before(long seq) {
            Map.Entry<Long, Pdu> e = bySeq.floorEntry(seq);
            return e == null ? null : e.getValue();
        }

        void store(Pdu p) {
            Pdu old = bySeq.put(p.seq, p);
            if (old != null) {
                release(old);
            }
            buffered += p.buffered;
            total[0] += p.buffered;
            while (bySeq.size() > MAX_PDUS || buffered > MAX_BUFFERED) {
                Pdu eldest = bySeq.pollFirstEntry().getValue();
                release(eldest);
                if (eldest == p) {
                    break;
                }
            }
        }

        void added(long bytes) {
            buffered += bytes;
            total[0] += bytes;
        }

        /** Forgets a PDU's bytes (its boundaries stay known for retransmission detection). */
        void release(Pdu p) {
            buffered -= p.buffered;
            total[0] -= p.buffered;
            p.buffered = 0;
            p.fragments = new ArrayList<>(0);
            p.released = true;
        }
    }

    private final TcpPayload payload;

    TcpReassembly(TcpPayload payload) {
        this.payload = payload;
    }

    /**
     * Dissects the payload at {@code offset} (sequence numbers {@code seq} to {@code nxtseq}, relative)
     * under the desegmentation contract, buffering and reassembling as the protocol above asks.
     */
    void desegment(Tvb tvb, int offset, long seq, long nxtseq, PacketInfo pinfo, ProtoItem tree, ProtoItem tcp,
            TcpSegment seg) {
        Pdus pdus = seg.fwd.pdus;
        if (pdus == null) {
            pdus = seg.fwd.pdus = new Pdus(seg.reassemblyTotal);
        }
        Columns cols = pinfo.columns();
        boolean detailed = tree.tree().detailed();
        boolean firstPdu = true;
        String protocol = null;
        while (true) {
            int desegOffset = offset;
            int another = 0;
            boolean called = false;
            boolean mustDesegment = false;
            // A PDU started again in a second pass only because the first pass started it: no trace of it here.
            boolean silent = false;
            int ask = 0;
            int lastFragmentLength = 0;
            Pdu done = null;
            pinfo.setDesegment(0, 0);

            Pdu pdu = pdus.exact(seq);
            if (pdu != null && nxtseq <= pdu.nextPdu && pdu.lastFrame != seg.frame) {
                // Seen before: either this segment started it, or it is a resend of that start.
                boolean first = pdu.firstFrame == seg.frame;
                if (first && firstPdu) {
                    segmentOfPdu(cols);
                }
                segmentData(tcp, tvb, offset, tvb.reportedLength() - offset, first ? "" : "Retransmitted ", detailed);
                return;
            }
            if (seg.ta.has(TcpAnalysis.SPURIOUS_RETRANSMISSION)) {
                return;
            }
            if (seg.ta.has(TcpAnalysis.RETRANSMISSION)) {
                segmentData(tcp, tvb, offset, tvb.reportedLength() - offset, "Retransmitted ", detailed);
                return;
            }
            if (pdu == null) {
                pdu = pdus.before(seq - 1);
            }
            if (pdu != null && pdu.finished && pdu.seq <= seq && pdu.nextPdu > seq && pdu.lastFrame != seg.frame) {
                // tshark adds the bytes to the finished reassembly, which its reassembly code refuses with
                // an exception: TCP stops there and the frame shows a reassembly error.
                reassemblyError(tree, tvb, cols);
                return;
            }
            if (pdu != null && !pdu.released && pdu.seq <= seq && pdu.nextPdu > seq) {
                pdu.lastFrame = seg.frame;
                int len = pdu.wholeNextSegment ? tvb.remaining(offset) : (int) (Math.min(nxtseq, pdu.nextPdu) - seq);
                lastFragmentLength = len;
                boolean last = !(nxtseq < pdu.nextPdu);
                pdu.add(new Fragment(seg.frame, (int) (seq - pdu.seq), tvb.bytes(offset, len)), last);
                pdus.added(len);
                if (pdu.wholeNextSegment) {
                    pdu.wholeNextSegment = false;
                    if (pdu.nextPdu < nxtseq) {
                        pdu.nextPdu = nxtseq;
                    }
                }
                if (pdu.nextPdu < nxtseq && pdu.nextPdu >= seq && len > 0) {
                    another = (int) (pdu.nextPdu - seq);
                }
                if (pdu.complete()) {
                    done = pdu;
                }
            } else {
                // tshark's second pass does not hand a segment whose PDU completes later to the protocol
                // above: Info stays TCP's. This dissection must (to learn where the PDU ends), then undoes it.
                boolean later = firstPdu && pinfo.links().recall(REASSEMBLED_IN.abbrev(), seg.frame) != 0;
                String info = later ? cols.info() : null;
                int fence = later ? cols.infoFence() : 0;
                int layers = later ? pinfo.layerNames().size() : 0;
                ProtoItem lastItem = later ? lastChild(tree) : null;
                payload.dispatch(tvb, offset, pinfo, tree, seg);
                called = true;
                if (pinfo.desegmentLength() != 0) {
                    mustDesegment = true;
                    desegOffset = offset + pinfo.desegmentOffset();
                    ask = pinfo.desegmentLength();
                    if (later && pinfo.desegmentOffset() == 0) {
                        cols.restoreInfo(info, fence);
                        pinfo.removeLayers(layers);
                        tree.removeChildrenAfter(lastItem);
                    }
                } else if (pinfo.links().secondPass()) {
                    // tshark keeps its reassembly table across passes: a PDU the first pass started in
                    // this segment is started again, even if the protocol above does not ask this time.
                    long learned = pinfo.links().recall(PDU_START, seg.frame);
                    if (learned != 0 && (int) (learned >>> 32) - 1 >= offset) {
                        mustDesegment = true;
                        silent = true;
                        desegOffset = (int) (learned >>> 32) - 1;
                        ask = (int) learned;
                    }
                }
            }

            if (done != null) {
                byte[] data = done.assemble();
                Tvb whole = pinfo.addDataSource("Reassembled TCP", data);
                pinfo.setDesegment(0, 0);
                // As for a segment that starts a PDU: tshark's second pass does not hand this one to the
                // protocol above when the PDU it adds to is only completed by a later frame.
                long completedIn = firstPdu ? pinfo.links().recall(REASSEMBLED_IN.abbrev(), seg.frame) : 0;
                boolean later = completedIn > seg.frame
                        || firstPdu && pinfo.links().recall(REOPENED_IN, seg.frame) > seg.frame;
                String info = later ? cols.info() : null;
                int fence = later ? cols.infoFence() : 0;
                int layers = later ? pinfo.layerNames().size() : 0;
                ProtoItem lastItem = later ? lastChild(tree) : null;
                payload.dispatch(whole, 0, pinfo, tree, seg);
                called = true;
                int more = pinfo.desegmentLength();
                if (more != 0) {
                    // The protocol wants more than the PDU we thought complete.
                    int at = pinfo.desegmentOffset();
                    if (later && at == 0) {
                        // nor, in a second pass, the protocol's empty tree and layer (IMAP adds its tree first)
                        cols.restoreInfo(info, fence);
                        pinfo.removeLayers(layers);
                        tree.removeChildrenAfter(lastItem);
                    }
                    Pdu grow = done;
                    if (at == 0 || done.seq + at <= seq) {
                        done.total = -1;
                        // tshark's reassembly counts as done here and is reopened: until a later frame
                        // completes it, the segment that started it shows this frame as where it was
                        // reassembled (the segments between show none)
                        // (when it started a segment); the frames that reopened it before this one are
                        // not handed to the protocol by a second pass
                        if (done.startsSegment && done.firstFrame != seg.frame) {
                            pinfo.links().learn(REASSEMBLED_IN.abbrev(), done.firstFrame, seg.frame);
                        }
                        if (done.reopenedIn != 0 && done.reopenedIn != seg.frame) {
                            pinfo.links().learn(REOPENED_IN, done.reopenedIn, seg.frame);
                        }
                        done.reopenedIn = seg.frame;
                    } else {
                        // A PDU ended inside this segment and the next one starts there: keep the finished
                        // part here and carry the rest on as a PDU of its own.
                        segmentsTree(tree, tcp, whole, done, data.length, at);
                        illegalSegments(done, cols);
                        learnReassembledIn(pinfo, done, seg.frame);
                        grow = split(pdus, done, at, data, seg.frame);
                    }
                    if (more == PacketInfo.ONE_MORE_SEGMENT) {
                        grow.nextPdu = Math.max(seq + tvb.reportedLength() - offset, grow.nextPdu) + 1;
                        grow.wholeNextSegment = true;
                    } else if ((more & 0xffffffffL) == UNTIL_FIN) {
                        seg.fwd.reassembleUntilFin = true;
                        grow.nextPdu = grow.seq + UNTIL_FIN_SPAN;
                    } else if (seq + lastFragmentLength >= grow.nextPdu) {
                        grow.nextPdu = plus32(seq + lastFragmentLength, more);
                    } else {
                        grow.nextPdu = plus32(grow.nextPdu, more);
                    }
                    another = 0;
                    offset += lastFragmentLength;
                    seq += lastFragmentLength;
                    if (tvb.remaining(offset) > 0) {
                        continue;
                    }
                } else {
                    int n = another > 0 ? another : tvb.reportedLength() - offset;
                    segmentData(tcp, tvb, offset, n, "", detailed);
                    learnReassembledIn(pinfo, done, seg.frame);
                    segmentsTree(tree, tcp, whole, done, data.length, data.length);
                    illegalSegments(done, cols);
                    done.finished = true;
                    pdus.release(done);
                }
            }

            if (mustDesegment) {
                long desegSeq = seq + (desegOffset - offset);
                if (nxtseq - desegSeq <= MAX_FIRST_PART) {
                    Pdu started;
                    if (ask == PacketInfo.ONE_MORE_SEGMENT) {
                        started = new Pdu(desegSeq, nxtseq + 1, seg.frame);
                        started.wholeNextSegment = true;
                    } else if ((ask & 0xffffffffL) == UNTIL_FIN) {
                        seg.fwd.reassembleUntilFin = true;
                        started = new Pdu(desegSeq, nxtseq + UNTIL_FIN_SPAN, seg.frame);
                    } else {
                        started = new Pdu(desegSeq, plus32(nxtseq, ask), seg.frame);
                    }
                    started.startsSegment = firstPdu && desegOffset == offset;
                    int n = (int) (nxtseq - desegSeq);
                    started.add(new Fragment(seg.frame, 0, tvb.bytes(desegOffset, n)), !(nxtseq < started.nextPdu));
                    started.lastFrame = seg.frame;
                    pdus.store(started);
                    pinfo.links().learn(PDU_START, seg.frame, ((long) (desegOffset + 1) << 32) | (ask & 0xffffffffL));
                    if (desegOffset == offset && firstPdu && started.nextPdu > desegSeq) {
                        // Until a later frame completes it, "started here" (tshark -2 keeps TCP's Info then too).
                        // A PDU whose asked length wrapped (see plus32) ends before it starts: tshark's second
                        // pass does not find the segment in it and hands it to the protocol again.
                        pinfo.links().learn(REASSEMBLED_IN.abbrev(), seg.frame, PDU_STARTED);
                    }
                }
            }

            if (!silent && (!called || pinfo.desegmentLength() != 0)) {
                if (pinfo.desegmentOffset() == 0) {
                    cols.setProtocol("TCP");
                    if (firstPdu) {
                        segmentOfPdu(cols);
                    }
                }
                int n = another > 0 ? another : tvb.reportedLength() - desegOffset;
                long in = reassembledLater(pinfo, seg.frame);
                if (in != 0) {
                    ProtoItem item = tcp.addUint(REASSEMBLED_IN, tvb, 0, 0, in);
                    if (item != tcp) {
                        item.setGenerated();
                    }
                }
                segmentData(tcp, tvb, desegOffset, n, "", detailed);
            }
            if (protocol != null) {
                // After the first PDU of a segment, the Protocol column stays what that PDU made it.
                cols.setProtocol(protocol);
            }
            pinfo.setCanDesegment(false);
            pinfo.setDesegment(0, 0);
            if (another > 0) {
                // Another PDU starts inside this segment: keep what the finished one wrote in Info.
                pinfo.setCanDesegment(true);
                cols.fenceInfo();
                protocol = cols.protocol();
                firstPdu = false;
                offset += another;
                seq += another;
                continue;
            }
            return;
        }
    }

    /**
     * At a FIN in a direction whose protocol asked to reassemble until the end (HTTP/1.0 bodies
     * without a length): completes the last PDU with this segment's payload, if any, and hands it
     * on. Returns false, leaving the segment to the usual path, when there is nothing to complete.
     */
    boolean finishAtFin(Tvb tvb, int offset, long seq, int length, PacketInfo pinfo, ProtoItem tree, ProtoItem tcp,
            TcpSegment seg) {
        Pdus pdus = seg.fwd.pdus;
        if (pdus == null || !seg.fwd.reassembleUntilFin) {
            return false;
        }
        Pdu pdu = pdus.before(seq + length);
        if (pdu == null || pdu.released || seq < pdu.seq) {
            return false;
        }
        byte[] bytes = length > 0 ? tvb.bytes(offset, Math.min(length, tvb.remaining(offset))) : new byte[0];
        pdu.add(new Fragment(seg.frame, (int) (seq - pdu.seq), bytes), true);
        pdus.added(bytes.length);
        if (!pdu.complete()) {
            return false;
        }
        seg.fwd.reassembleUntilFin = false;
        learnReassembledIn(pinfo, pdu, seg.frame);
        byte[] data = pdu.assemble();
        Tvb whole = pinfo.addDataSource("Reassembled TCP", data);
        segmentsTree(tree, tcp, whole, pdu, data.length, data.length);
        pdu.finished = true;
        pdus.release(pdu);
        pinfo.setCanDesegment(false);
        pinfo.setDesegment(0, 0);
        payload.dispatch(whole, 0, pinfo, tree, seg);
        illegalSegments(pdu, pinfo.columns());
        return true;
    }

    /**
     * Splits {@code pdu} at {@code at} bytes: the first part stays (finished, shown in this frame),
     * the rest, all from this segment, becomes a new PDU starting there.
     */
    private static Pdu split(Pdus pdus, Pdu pdu, int at, byte[] data, long frame) {
        Pdu rest = new Pdu(pdu.seq + at, pdu.nextPdu, frame);
        rest.add(new Fragment(frame, 0, java.util.Arrays.copyOfRange(data, at, data.length)), false);
        rest.lastFrame = frame;
        pdu.nextPdu = pdu.seq + at;
        pdu.finished = true;
        pdus.release(pdu);
        pdus.store(rest);
        return rest;
    }

    /**
     * {@code seq} plus the {@code ask}ed length as tshark adds them, in 32-bit sequence space: an ask
     * so large that the sum passes 2^32 (a "negative" length, such as SSH's for a version line without
     * its newline) wraps to before the PDU's start, so the next segment is not taken as part of it.
     */
    static long plus32(long seq, int ask) {
        long sum = seq + (ask & 0xffffffffL);
        return seq < (1L << 32) && sum >= (1L << 32) ? sum - (1L << 32) : sum;
    }

    /** What a first pass learns of the PDU a segment starts: its offset in the payload + 1 (high word) and the ask. */
    private static final String PDU_START = "tcp.pdu_start";
    /** A frame whose PDU was complete, then asked more of by the protocol, and reopened again later. */
    private static final String REOPENED_IN = "tcp.pdu_reopened_in";

    /** What a first pass learns of a segment that starts a PDU no later frame completed (yet). */
    private static final long PDU_STARTED = -1;

    /** Tells a second pass (tshark -2) that the earlier segments of {@code pdu} are reassembled in {@code frame}. */
    private static void learnReassembledIn(PacketInfo pinfo, Pdu pdu, long frame) {
        for (Fragment f : pdu.fragments) {
            if (f.frame != frame) {
                pinfo.links().learn(REASSEMBLED_IN.abbrev(), f.frame, frame);
            }
        }
    }

    private static ProtoItem lastChild(ProtoItem parent) {
        ProtoItem last = null;
        for (ProtoItem c = parent.firstChild(); c != null; c = c.next()) {
            last = c;
        }
        return last;
    }

    /** The later frame a first pass reassembled this segment's PDU in, or 0 (tshark -2's tcp.reassembled_in). */
    private static long reassembledLater(PacketInfo pinfo, long frame) {
        long in = pinfo.links().recall(REASSEMBLED_IN.abbrev(), frame);
        return in > frame ? in : 0;
    }

    private static void reassemblyError(ProtoItem tree, Tvb tvb, Columns cols) {
        ProtoItem error = tree.tree().root().addProtocol(CoreFields.MALFORMED_PROTO, tvb, 0, 0, REASSEMBLY_ERROR);
        error.expert(E_REASSEMBLY, OVERLAPS_OLD_DATA);
        cols.appendInfo(REASSEMBLY_ERROR);
    }

    private static void segmentOfPdu(Columns cols) {
        if (cols.enabled()) {
            cols.appendInfoSep(" ", "[TCP segment of a reassembled PDU]");
        }
    }

    private static void segmentData(ProtoItem tcp, Tvb tvb, int offset, int n, String prefix, boolean detailed) {
        ProtoItem item = tcp.add(SEGMENT_DATA, tvb, offset, Math.min(n, tvb.remaining(offset)));
        if (detailed && item != tcp) {
            item.setText(prefix + "TCP segment data (" + n + (n == 1 ? " byte)" : " bytes)"));
        }
    }

    /** Adds the "[N Reassembled TCP Segments …]" tree and moves it just after the TCP tree, as tshark shows it. */
    private static void segmentsTree(ProtoItem tree, ProtoItem tcp, Tvb whole, Pdu pdu, int length, int used) {
        // A PDU that ended inside the last segment lists only the bytes it used of it.
        List<Fragment> fragments = new ArrayList<>(pdu.fragments.size());
        for (Fragment f : pdu.fragments) {
            if (f.offset < used || (f.data.length == 0 && f.offset <= used)) {
                int n = Math.min(f.data.length, used - f.offset);
                Fragment shown = f;
                if (n != f.data.length) {
                    shown = new Fragment(f.frame, f.offset, java.util.Arrays.copyOf(f.data, n));
                    shown.flags = f.flags;
                }
                fragments.add(shown);
            }
        }
        ProtoItem top = tree.addUint(SEGMENTS, whole, 0, length, 0);
        if (top == tree) {
            // Only some fields are wanted: add them flat, without labels.
            for (Fragment f : fragments) {
                if ((f.flags & OVERLAP_CONFLICT) == 0) {
                    // tshark's -T fields leaves out tcp.segment for a conflicting fragment (-V shows it).
                    tree.addUint(SEGMENT, whole, f.offset, f.data.length, f.frame);
                }
                overlapFlags(tree, whole, f);
            }
            tree.addUint(SEGMENT_COUNT, whole, 0, 0, fragments.size());
            tree.addUint(REASSEMBLED_LENGTH, whole, 0, 0, length);
            tree.add(REASSEMBLED_DATA, whole, 0, length);
            return;
        }
        top.setGenerated();
        boolean detailed = tree.tree().detailed();
        StringBuilder label = detailed ? new StringBuilder(64) : null;
        if (label != null) {
            int n = fragments.size();
            top.setText(n + " Reassembled TCP Segment" + (n == 1 ? "" : "s") + " (" + length
                    + (n == 1 && length == 1 ? " byte" : " bytes") + "): ");
        }
        boolean firstOne = true;
        for (Fragment f : fragments) {
            int len = f.data.length;
            ProtoItem s = top.addUint(SEGMENT, whole, f.offset, len, f.frame);
            if (s != top) {
                s.setGenerated();
                if (detailed) {
                    s.setText(len == 0 ? "Frame: " + f.frame + " (no data)" : "Frame: " + f.frame + ", payload: "
                            + f.offset + "-" + (f.offset + len - 1) + " (" + len + (len == 1 ? " byte)" : " bytes)"));
                }
                overlapFlags(s, whole, f);
            }
            if (label != null) {
                label.append(firstOne ? "#" : ", #").append(f.frame).append('(').append(len).append(')');
            }
            firstOne = false;
        }
        TcpAnalysis.generated(top, top.addUint(SEGMENT_COUNT, whole, 0, 0, fragments.size()));
        TcpAnalysis.generated(top, top.addUint(REASSEMBLED_LENGTH, whole, 0, 0, length));
        TcpAnalysis.generated(top, top.add(REASSEMBLED_DATA, whole, 0, length));
        if (label != null) {
            // Appended, so a long list is cut at tshark's label size without a "[truncated]" mark.
            top.appendText(label.toString());
        }
        tree.moveAfter(tcp, top);
    }

    /** tshark replaces Info (after the fence) once a reassembly with conflicting overlaps is shown. */
    private static void illegalSegments(Pdu pdu, Columns cols) {
        if (pdu.conflict) {
            cols.setInfo("[Illegal Segments]");
        }
    }

    private static void overlapFlags(ProtoItem parent, Tvb whole, Fragment f) {
        if ((f.flags & OVERLAP) != 0) {
            TcpAnalysis.generated(parent, parent.addBool(SEGMENT_OVERLAP, whole, 0, 0, true));
            if ((f.flags & OVERLAP_CONFLICT) != 0) {
                TcpAnalysis.generated(parent, parent.addBool(SEGMENT_OVERLAP_CONFLICT, whole, 0, 0, true));
            }
        }
    }
}
