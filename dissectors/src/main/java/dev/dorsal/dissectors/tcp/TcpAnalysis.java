package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * TCP sequence-number analysis: classifies each segment against what its connection has shown
 * so far (retransmission, lost segment, duplicate ACK, zero window, keep-alive…), finds the segment
 * it acknowledges, counts bytes in flight, and prints the {@code [SEQ/ACK analysis]} tree with the
 * Info prefixes tshark fences before the ports.
 *
 * <p>The rules are tshark's, applied in its order; "next expected sequence number" is the highest
 * sequence number seen so far in a direction. Sequence numbers are compared modulo 2^32.
 */
final class TcpAnalysis {
    static final int RETRANSMISSION = 0x0001;
    static final int LOST_PACKET = 0x0002;
    static final int ACK_LOST_PACKET = 0x0004;
    static final int KEEP_ALIVE = 0x0008;
    static final int DUPLICATE_ACK = 0x0010;
    static final int ZERO_WINDOW = 0x0020;
    static final int ZERO_WINDOW_PROBE = 0x0040;
    static final int ZERO_WINDOW_PROBE_ACK = 0x0080;
    static final int KEEP_ALIVE_ACK = 0x0100;
    static final int OUT_OF_ORDER = 0x0200;
    static final int FAST_RETRANSMISSION = 0x0400;
    static final int WINDOW_UPDATE = 0x0800;
    static final int WINDOW_FULL = 0x1000;
    static final int REUSED_PORTS = 0x2000;
    static final int SPURIOUS_RETRANSMISSION = 0x4000;

    /** A retransmission is "fast" when it follows two duplicate ACKs within this time. */
    private static final long FAST_RETRANSMISSION_WINDOW_NANOS = 20_000_000L;
    /** Out-of-order threshold when the handshake RTT is unknown. */
    private static final long DEFAULT_OUT_OF_ORDER_NANOS = 3_000_000L;

    static final FieldDef ANALYSIS = FieldDef.none("tcp.analysis", "SEQ/ACK analysis");
    static final FieldDef FLAGS = FieldDef.none("tcp.analysis.flags", "TCP Analysis Flags");
    static final FieldDef DUPLICATE_ACK_FIELD = FieldDef.none("tcp.analysis.duplicate_ack", "Duplicate ACK");
    static final FieldDef DUPLICATE_ACK_NUM = FieldDef.uint32("tcp.analysis.duplicate_ack_num", "Duplicate ACK #");
    static final FieldDef DUPLICATE_ACK_FRAME = FieldDef.framenum("tcp.analysis.duplicate_ack_frame",
            "Duplicate to the ACK in frame");
    static final FieldDef ACKS_FRAME = FieldDef.framenum("tcp.analysis.acks_frame",
            "This is an ACK to the segment in frame");
    static final FieldDef BYTES_IN_FLIGHT = FieldDef.uint32("tcp.analysis.bytes_in_flight", "Bytes in flight");
    static final FieldDef PUSH_BYTES_SENT = FieldDef.uint32("tcp.analysis.push_bytes_sent",
            "Bytes sent since last PSH flag");
    static final FieldDef ACK_RTT = FieldDef.relativeTime("tcp.analysis.ack_rtt", "The RTT to ACK the segment was");
    static final FieldDef INITIAL_RTT = FieldDef.relativeTime("tcp.analysis.initial_rtt", "iRTT");
    static final FieldDef RTO = FieldDef.relativeTime("tcp.analysis.rto", "The RTO for this segment was");
    static final FieldDef RTO_FRAME = FieldDef.framenum("tcp.analysis.rto_frame", "RTO based on delta from frame");

    static final List<FieldDef> FIELDS = List.of(ANALYSIS, FLAGS, DUPLICATE_ACK_FIELD, DUPLICATE_ACK_NUM,
            DUPLICATE_ACK_FRAME, ACKS_FRAME, BYTES_IN_FLIGHT, PUSH_BYTES_SENT, ACK_RTT, INITIAL_RTT, RTO, RTO_FRAME);

    static final ExpertDef E_RETRANSMISSION = note("tcp.analysis.retransmission",
            "This frame is a (suspected) retransmission");
    static final ExpertDef E_FAST_RETRANSMISSION = note("tcp.analysis.fast_retransmission",
            "This frame is a (suspected) fast retransmission");
    static final ExpertDef E_SPURIOUS_RETRANSMISSION = note("tcp.analysis.spurious_retransmission",
            "This frame is a (suspected) spurious retransmission");
    static final ExpertDef E_OUT_OF_ORDER = warn("tcp.analysis.out_of_order",
            "This frame is a (suspected) out-of-order segment");
    static final ExpertDef E_REUSED_PORTS = note("tcp.analysis.reused_ports",
            "A new tcp session is started with the same ports as an earlier session in this trace");
    static final ExpertDef E_LOST_PACKET = warn("tcp.analysis.lost_segment",
            "Previous segment(s) not captured (common at capture start)");
    static final ExpertDef E_ACK_LOST_PACKET = warn("tcp.analysis.ack_lost_segment",
            "ACKed segment that wasn't captured (common at capture start)");
    static final ExpertDef E_WINDOW_UPDATE = chat("tcp.analysis.window_update", "TCP window update");
    static final ExpertDef E_WINDOW_FULL = warn("tcp.analysis.window_full",
            "TCP window specified by the receiver is now completely full");
    static final ExpertDef E_KEEP_ALIVE = note("tcp.analysis.keep_alive", "TCP keep-alive segment");
    static final ExpertDef E_KEEP_ALIVE_ACK = note("tcp.analysis.keep_alive_ack", "ACK to a TCP keep-alive segment");
    static final ExpertDef E_DUPLICATE_ACK = note("tcp.analysis.duplicate_ack", "Duplicate ACK");
    static final ExpertDef E_ZERO_WINDOW_PROBE = note("tcp.analysis.zero_window_probe", "TCP Zero Window Probe");
    static final ExpertDef E_ZERO_WINDOW = warn("tcp.analysis.zero_window", "TCP Zero Window segment");
    static final ExpertDef E_ZERO_WINDOW_PROBE_ACK = note("tcp.analysis.zero_window_probe_ack",
            "ACK to a TCP Zero Window Probe");

    static final List<ExpertDef> EXPERTS = List.of(E_RETRANSMISSION, E_FAST_RETRANSMISSION,
            E_SPURIOUS_RETRANSMISSION, E_OUT_OF_ORDER, E_REUSED_PORTS, E_LOST_PACKET, E_ACK_LOST_PACKET,
            E_WINDOW_UPDATE, E_WINDOW_FULL, E_KEEP_ALIVE, E_KEEP_ALIVE_ACK, E_DUPLICATE_ACK, E_ZERO_WINDOW_PROBE,
            E_ZERO_WINDOW, E_ZERO_WINDOW_PROBE_ACK);

    private static ExpertDef note(String abbrev, String summary) {
        return new ExpertDef(abbrev, summary, Group.SEQUENCE, Severity.NOTE);
    }

    private static ExpertDef warn(String abbrev, String summary) {
        return new ExpertDef(abbrev, summary, Group.SEQUENCE, Severity.WARN);
    }

    private static ExpertDef chat(String abbrev, String summary) {
        return new ExpertDef(abbrev, summary, Group.SEQUENCE, Severity.CHAT);
    }

    private TcpAnalysis() {}

    /**
     * Learns each side's initial sequence number, which relative numbers count from and a SYN reusing
     * the ports is told apart by.
     */
    static void learnBaseSeq(TcpFlow fwd, TcpFlow rev, int seq, int ack, int flags) {
        // Relative numbers start at 1 when the SYN was not seen, so they read right without it.
        if (!fwd.baseSeqSet) {
            fwd.baseSeq = (flags & TcpFlags.SYN) != 0 ? seq : seq - 1;
            fwd.baseSeqSet = true;
        }
        // The SYN's ACK field may be garbage: learn the other side's ISN from the first real ACK.
        if (!rev.baseSeqSet && (flags & TcpFlags.ACK) != 0) {
            rev.baseSeq = ack - 1;
            rev.baseSeqSet = true;
        }
    }

    /**
     * Classifies one segment and updates its connection: {@code fwd} is the sender's direction,
     * {@code window} the raw (unscaled) window, times in nanoseconds since the epoch.
     */
    static void analyze(TcpConversation conv, TcpFlow fwd, TcpFlow rev, int seq, int ack, int segLen, int flags,
            int window, long frame, long now, TcpAcked ta) {
        boolean hasAck = (flags & TcpFlags.ACK) != 0;
        boolean synFinRst = (flags & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)) != 0;
        learnBaseSeq(fwd, rev, seq, ack, flags);
        if (hasAck) {
            rev.validBytesInFlight = true;
        }
        // SACK blocks count for bytes in flight only until this side's next segment (its option, if any, is read later).
        fwd.clearSacks();

        classifyForward(conv, fwd, rev, seq, ack, segLen, flags, window, now, synFinRst, ta);

        if (ack != fwd.lastAck) {
            fwd.lastNonDupAck = frame;
            fwd.dupAckNum = 0;
        }
        if (rev.maxSeqToBeAcked != 0 && ack - rev.maxSeqToBeAcked > 0 && hasAck) {
            ta.present = true;
            if (Integer.compareUnsigned(rev.maxSeqToBeAcked, rev.nextSeq) < 0) {
                // Move the mark up to what the other side has sent, so the same gap is reported once.
                rev.maxSeqToBeAcked = rev.nextSeq;
                ta.flag(ACK_LOST_PACKET);
            } else {
                // Nothing new from the other side: report once until it sends another ACK.
                if (rev.dupAckNum == 0) {
                    ta.flag(ACK_LOST_PACKET);
                }
                rev.dupAckNum = -1;
            }
        }
        if (segLen > 0 || (flags & (TcpFlags.SYN | TcpFlags.FIN)) != 0) {
            classifyRetransmission(conv, fwd, rev, seq, segLen, flags, now, ta);
        }

        int nextSeq = seq + segLen;
        if ((flags & (TcpFlags.SYN | TcpFlags.FIN)) != 0) {
            nextSeq += 1;
        }
        if ((segLen > 0 || (flags & (TcpFlags.SYN | TcpFlags.FIN)) != 0) && fwd.unackedCount() < TcpFlow.MAX_UNACKED) {
            fwd.addUnacked(seq, nextSeq, frame, now);
        }
        boolean probe = ta.has(ZERO_WINDOW_PROBE);
        // A zero-window probe does not move the expected sequence number.
        if ((nextSeq - fwd.nextSeq > 0 || fwd.nextSeq == 0) && !probe) {
            fwd.nextSeq = nextSeq;
            fwd.nextSeqFrame = frame;
            fwd.nextSeqTime = now;
        }
        if ((seq == fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked == 0) && !probe) {
            fwd.maxSeqToBeAcked = fwd.nextSeq;
        }
        fwd.window = window;
        fwd.lastAck = ack;
        fwd.lastAckTime = now;
        fwd.lastSegmentFlags = ta.flags;

        rev.acknowledge(ack, ta, now);

        if (segLen != 0 && fwd.unackedCount() > 0 && fwd.validBytesInFlight) {
            int inFlight = fwd.inFlight();
            for (int i = 0; i < rev.sackCount; i++) {
                inFlight -= rev.sackRight[i] - rev.sackLeft[i];
            }
            if (inFlight > 0 && inFlight < 2_000_000_000) {
                // A SYN or FIN takes a sequence number but is not data.
                ta.bytesInFlight = (flags & (TcpFlags.SYN | TcpFlags.FIN)) != 0 ? inFlight - 1 : inFlight;
                ta.present = true;
            }
            boolean push = (flags & TcpFlags.PSH) != 0;
            if (push && !fwd.pushSetLast) {
                fwd.pushBytesSent += segLen;
                fwd.pushSetLast = true;
            } else if (push) {
                fwd.pushBytesSent = segLen;
            } else if (fwd.pushSetLast) {
                fwd.pushBytesSent = segLen;
                fwd.pushSetLast = false;
            } else {
                fwd.pushBytesSent += segLen;
            }
            ta.pushBytesSent = fwd.pushBytesSent;
            ta.present = true;
        }
    }

    /** The checks on this direction's own numbers; stops early where tshark does. */
    private static void classifyForward(TcpConversation conv, TcpFlow fwd, TcpFlow rev, int seq, int ack,
            int segLen, int flags, int window, long now, boolean synFinRst, TcpAcked ta) {
        if (segLen == 1 && seq == fwd.nextSeq && rev.window == 0) {
            ta.flag(ZERO_WINDOW_PROBE);
            return;
        }
        if (window == 0 && !synFinRst) {
            ta.flag(ZERO_WINDOW);
        }
        if (fwd.nextSeq != 0 && seq - fwd.nextSeq > 0 && (flags & TcpFlags.RST) == 0) {
            ta.flag(LOST_PACKET);
            // Bytes in flight mean nothing until the other side ACKs again.
            fwd.validBytesInFlight = false;
        }
        if ((segLen == 0 || segLen == 1) && seq == fwd.nextSeq - 1 && !synFinRst) {
            ta.flag(KEEP_ALIVE);
        }
        if (segLen == 0 && window != 0 && window != fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck
                && !synFinRst) {
            ta.flag(WINDOW_UPDATE);
        }
        if (segLen > 0 && rev.winScale != TcpFlow.SCALE_UNKNOWN && rev.window >= 0 && !synFinRst
                && seq + segLen == rev.lastAck + (rev.window << (rev.winScale == TcpFlow.SCALE_NONE ? 0 : rev.winScale))) {
            ta.flag(WINDOW_FULL);
        }
        boolean sameAsLast = segLen == 0 && window == fwd.window && seq == fwd.nextSeq && !synFinRst;
        if (sameAsLast && window != 0 && ack == fwd.lastAck && (rev.lastSegmentFlags & KEEP_ALIVE) != 0) {
            ta.flag(KEEP_ALIVE_ACK);
            return;
        }
        if (sameAsLast && window == 0 && ack == fwd.lastAck && (rev.lastSegmentFlags & ZERO_WINDOW_PROBE) != 0) {
            ta.flag(ZERO_WINDOW_PROBE_ACK);
            return;
        }
        if (sameAsLast && window != 0 && ack == fwd.lastAck) {
            // -1 marks an "ACKed unseen segment" already reported: the duplicates count from 1 again.
            fwd.dupAckNum = fwd.dupAckNum == -1 ? 1 : fwd.dupAckNum + 1;
            ta.flag(DUPLICATE_ACK);
            ta.dupAckNum = fwd.dupAckNum;
            ta.dupAckFrame = fwd.lastNonDupAck;
        }
    }

    /** Data (or SYN/FIN) that does not advance the sequence number: which kind of resend is it? */
    private static void classifyRetransmission(TcpConversation conv, TcpFlow fwd, TcpFlow rev, int seq, int segLen,
            int flags, long now, TcpAcked ta) {
        boolean notAdvanced = fwd.nextSeq != 0 && seq - fwd.nextSeq < 0;
        if (ta.has(KEEP_ALIVE)) {
            return;
        }
        // Data the other side has already acknowledged was sent for nothing.
        if (segLen > 0 && rev.lastAck != 0 && seq + segLen - rev.lastAck <= 0) {
            ta.flag(SPURIOUS_RETRANSMISSION);
            return;
        }
        if (notAdvanced && rev.dupAckNum >= 2 && rev.lastAck == seq
                && now - rev.lastAckTime < FAST_RETRANSMISSION_WINDOW_NANOS) {
            ta.flag(FAST_RETRANSMISSION);
            return;
        }
        long threshold = conv.initialRttNanos != 0 ? conv.initialRttNanos : DEFAULT_OUT_OF_ORDER_NANOS;
        int end = seq + segLen + ((flags & (TcpFlags.SYN | TcpFlags.FIN)) != 0 ? 1 : 0);
        if (notAdvanced && now - fwd.nextSeqTime < threshold && fwd.nextSeq != end) {
            ta.flag(OUT_OF_ORDER);
            return;
        }
        if (notAdvanced) {
            ta.flag(RETRANSMISSION);
            ta.rtoNanos = now - fwd.nextSeqTime;
            ta.rtoFrame = fwd.nextSeqFrame;
            // Better: time since the oldest segment still unacknowledged, likely the one resent here.
            if (fwd.unackedCount() > 0) {
                ta.rtoNanos = now - fwd.oldestUnackedTime();
                ta.rtoFrame = fwd.oldestUnackedFrame();
            }
        }
    }

    /**
     * Adds the {@code [SEQ/ACK analysis]} tree (only when the analysis concluded something) and
     * fences the Info prefixes, in tshark's order so that the last prefixed ends up first. The iRTT a
     * first pass learned ({@code learnedIrttNanos}, 0 for none) shows before the handshake completes.
     */
    static void print(ProtoItem tcp, Tvb tvb, TcpConversation conv, TcpAcked ta, Columns cols, long learnedIrttNanos) {
        if (!ta.present) {
            return;
        }
        ProtoItem tree = tcp.addUint(ANALYSIS, tvb, 0, 0, 0);
        generated(tcp, tree);
        if (ta.frameAcked != 0) {
            generated(tree, tree.addUint(ACKS_FRAME, tvb, 0, 0, ta.frameAcked));
            if (ta.ackRttNanos != 0) {
                generated(tree, tree.addTime(ACK_RTT, tvb, 0, 0, ta.ackRttNanos));
            }
        }
        long irtt = conv.initialRttNanos != 0 ? conv.initialRttNanos : learnedIrttNanos;
        if (irtt != 0) {
            generated(tree, tree.addTime(INITIAL_RTT, tvb, 0, 0, irtt));
        }
        if (ta.bytesInFlight != 0) {
            generated(tree, tree.addUint(BYTES_IN_FLIGHT, tvb, 0, 0, ta.bytesInFlight));
        }
        if (ta.pushBytesSent != 0) {
            generated(tree, tree.addUint(PUSH_BYTES_SENT, tvb, 0, 0, ta.pushBytesSent));
        }
        if (ta.flags == 0) {
            return;
        }
        ProtoItem flags = tree.addUint(FLAGS, tvb, 0, 0, 0);
        generated(tree, flags);
        boolean info = cols.enabled();
        if (ta.has(REUSED_PORTS)) {
            flags.expert(E_REUSED_PORTS);
            prefix(cols, info, "[TCP Port numbers reused] ");
        }
        if (ta.has(RETRANSMISSION)) {
            flags.expert(E_RETRANSMISSION);
            prefix(cols, info, "[TCP Retransmission] ");
            if (ta.rtoNanos != 0) {
                generated(flags, flags.addTime(RTO, tvb, 0, 0, ta.rtoNanos));
                generated(flags, flags.addUint(RTO_FRAME, tvb, 0, 0, ta.rtoFrame));
            }
        }
        if (ta.has(FAST_RETRANSMISSION)) {
            flags.expert(E_FAST_RETRANSMISSION);
            flags.expert(E_RETRANSMISSION);
            prefix(cols, info, "[TCP Fast Retransmission] ");
        }
        if (ta.has(SPURIOUS_RETRANSMISSION)) {
            flags.expert(E_SPURIOUS_RETRANSMISSION);
            flags.expert(E_RETRANSMISSION);
            prefix(cols, info, "[TCP Spurious Retransmission] ");
        }
        if (ta.has(OUT_OF_ORDER)) {
            flags.expert(E_OUT_OF_ORDER);
            prefix(cols, info, "[TCP Out-Of-Order] ");
        }
        if (ta.has(LOST_PACKET)) {
            flags.expert(E_LOST_PACKET);
            prefix(cols, info, "[TCP Previous segment not captured] ");
        }
        if (ta.has(ACK_LOST_PACKET)) {
            flags.expert(E_ACK_LOST_PACKET);
            prefix(cols, info, "[TCP ACKed unseen segment] ");
        }
        if (ta.has(WINDOW_UPDATE)) {
            flags.expert(E_WINDOW_UPDATE);
            prefix(cols, info, "[TCP Window Update] ");
        }
        if (ta.has(WINDOW_FULL)) {
            flags.expert(E_WINDOW_FULL);
            prefix(cols, info, "[TCP Window Full] ");
        }
        if (ta.has(KEEP_ALIVE)) {
            flags.expert(E_KEEP_ALIVE);
            prefix(cols, info, "[TCP Keep-Alive] ");
        }
        if (ta.has(KEEP_ALIVE_ACK)) {
            flags.expert(E_KEEP_ALIVE_ACK);
            prefix(cols, info, "[TCP Keep-Alive ACK] ");
        }
        if (ta.dupAckNum != 0) {
            if (ta.has(DUPLICATE_ACK)) {
                ProtoItem dup = flags.addUint(DUPLICATE_ACK_FIELD, tvb, 0, 0, 0);
                if (dup != flags) {
                    dup.setGenerated();
                    dup.setText("This is a TCP duplicate ack");
                }
                if (info) {
                    cols.prependInfoFenced("[TCP Dup ACK " + ta.dupAckFrame + "#" + ta.dupAckNum + "] ");
                }
            }
            generated(tree, tree.addUint(DUPLICATE_ACK_NUM, tvb, 0, 0, ta.dupAckNum));
            ProtoItem frame = tree.addUint(DUPLICATE_ACK_FRAME, tvb, 0, 0, ta.dupAckFrame);
            generated(tree, frame);
            frame.expert(E_DUPLICATE_ACK, "Duplicate ACK (#" + ta.dupAckNum + ")");
        }
        if (ta.has(ZERO_WINDOW_PROBE)) {
            flags.expert(E_ZERO_WINDOW_PROBE);
            prefix(cols, info, "[TCP ZeroWindowProbe] ");
        }
        if (ta.has(ZERO_WINDOW)) {
            flags.expert(E_ZERO_WINDOW);
            prefix(cols, info, "[TCP ZeroWindow] ");
        }
        if (ta.has(ZERO_WINDOW_PROBE_ACK)) {
            flags.expert(E_ZERO_WINDOW_PROBE_ACK);
            prefix(cols, info, "[TCP ZeroWindowProbeAck] ");
        }
    }

    private static void prefix(Columns cols, boolean enabled, String text) {
        if (enabled) {
            cols.prependInfoFenced(text);
        }
    }

    static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
