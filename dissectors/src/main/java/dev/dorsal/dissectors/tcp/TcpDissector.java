package dev.dorsal.dissectors.tcp;

import dev.dorsal.dissectors.conversation.ConversationIndex;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Preference;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the TCP header (RFC 9293 §3.1), finds the connection ({@code tcp.stream}), shows relative
 * sequence numbers, flags, the scaled window, options, per-stream timestamps and the sequence
 * analysis, writes tshark's Info line, and hands the payload on (see {@link TcpPayload} for the
 * order and {@link TcpReassembly} for the desegmentation contract). Bound to IP protocol 6; filter
 * prefix {@code tcp}; declares the {@code tcp.port} table and the {@code tcp} heuristic list.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |          Source Port          |       Destination Port        |
 * |                        Sequence Number                        |
 * |                    Acknowledgment Number                      |
 * |  Data |       |A|C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |E|W|C|R|C|S|S|Y|I|            Window             |
 * |           Checksum            |         Urgent Pointer        |
 * |                    Options                    |    Padding    |
 * </pre>
 *
 * <p>Info: {@code 43334 → 18080 [SYN] Seq=0 Win=65495 Len=0 MSS=65495 SACK_PERM TSval=… TSecr=0 WS=1024},
 * with analysis prefixes such as {@code [TCP Retransmission] } fenced in front.
 */
public final class TcpDissector implements DissectorProvider {
    public static final ProtocolDef TCP = new ProtocolDef("Transmission Control Protocol", "TCP", "tcp");

    static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");

    static final FieldDef SRCPORT = FieldDef.uint16("tcp.srcport", "Source Port").base(Base.PT_TCP);
    static final FieldDef DSTPORT = FieldDef.uint16("tcp.dstport", "Destination Port").base(Base.PT_TCP);
    static final FieldDef PORT = FieldDef.uint16("tcp.port", "Source or Destination Port").base(Base.PT_TCP);
    static final FieldDef STREAM = FieldDef.uint32("tcp.stream", "Stream index");
    static final FieldDef COMPLETENESS = FieldDef.uint8("tcp.completeness", "Conversation completeness")
            .custom(v -> TcpConversation.describe((int) v));
    static final FieldDef LEN = FieldDef.uint32("tcp.len", "TCP Segment Len");
    static final FieldDef SEQ = FieldDef.uint32("tcp.seq", "Sequence Number");
    static final FieldDef SEQ_RAW = FieldDef.uint32("tcp.seq_raw", "Sequence Number (raw)");
    static final FieldDef NXTSEQ = FieldDef.uint32("tcp.nxtseq", "Next Sequence Number");
    static final FieldDef ACK = FieldDef.uint32("tcp.ack", "Acknowledgment Number");
    static final FieldDef ACK_RAW = FieldDef.uint32("tcp.ack_raw", "Acknowledgment number (raw)");
    static final FieldDef HDR_LEN = FieldDef.uint8("tcp.hdr_len", "Header Length");
    static final FieldDef FLAGS = FieldDef.uint16("tcp.flags", "Flags").hex().mask(0xfff);
    static final FieldDef FLAG_RES = FieldDef.bool("tcp.flags.res", "Reserved", 12, 0xe00);
    static final FieldDef FLAG_AE = FieldDef.bool("tcp.flags.ae", "Accurate ECN", 12, 0x100);
    static final FieldDef FLAG_CWR = FieldDef.bool("tcp.flags.cwr", "Congestion Window Reduced", 12, 0x080);
    static final FieldDef FLAG_ECE = FieldDef.bool("tcp.flags.ece", "ECN-Echo", 12, 0x040);
    static final FieldDef FLAG_URG = FieldDef.bool("tcp.flags.urg", "Urgent", 12, 0x020);
    static final FieldDef FLAG_ACK = FieldDef.bool("tcp.flags.ack", "Acknowledgment", 12, 0x010);
    static final FieldDef FLAG_PUSH = FieldDef.bool("tcp.flags.push", "Push", 12, 0x008);
    static final FieldDef FLAG_RESET = FieldDef.bool("tcp.flags.reset", "Reset", 12, 0x004);
    static final FieldDef FLAG_SYN = FieldDef.bool("tcp.flags.syn", "Syn", 12, 0x002);
    static final FieldDef FLAG_FIN = FieldDef.bool("tcp.flags.fin", "Fin", 12, 0x001);
    static final FieldDef FLAGS_STR = FieldDef.string("tcp.flags.str", "TCP Flags");
    static final FieldDef WINDOW_SIZE_VALUE = FieldDef.uint16("tcp.window_size_value", "Window");
    static final FieldDef WINDOW_SIZE = FieldDef.uint32("tcp.window_size", "Calculated window size");
    static final FieldDef WINDOW_SCALEFACTOR = FieldDef.int32("tcp.window_size_scalefactor",
            "Window size scaling factor");
    static final FieldDef CHECKSUM = FieldDef.uint16("tcp.checksum", "Checksum").hex();
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("tcp.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef CHECKSUM_CALCULATED = FieldDef.uint16("tcp.checksum_calculated", "Calculated Checksum").hex();
    static final FieldDef URGENT_POINTER = FieldDef.uint16("tcp.urgent_pointer", "Urgent Pointer");
    static final FieldDef TIME_RELATIVE = FieldDef.relativeTime("tcp.time_relative",
            "Time since first frame in this TCP stream");
    static final FieldDef TIME_DELTA = FieldDef.relativeTime("tcp.time_delta",
            "Time since previous frame in this TCP stream");
    static final FieldDef PAYLOAD = FieldDef.bytes("tcp.payload", "TCP payload");
    static final FieldDef RESET_CAUSE = FieldDef.string("tcp.reset_cause", "Reset cause");

    static final List<FieldDef> FIELDS = List.of(SRCPORT, DSTPORT, PORT, STREAM, COMPLETENESS, LEN, SEQ, SEQ_RAW,
            NXTSEQ, ACK, ACK_RAW, HDR_LEN, FLAGS, FLAG_RES, FLAG_AE, FLAG_CWR, FLAG_ECE, FLAG_URG, FLAG_ACK, FLAG_PUSH,
            FLAG_RESET, FLAG_SYN, FLAG_FIN, FLAGS_STR, WINDOW_SIZE_VALUE, WINDOW_SIZE, WINDOW_SCALEFACTOR, CHECKSUM,
            CHECKSUM_STATUS_FIELD, CHECKSUM_CALCULATED, URGENT_POINTER, TIME_RELATIVE, TIME_DELTA, PAYLOAD, RESET_CAUSE);

    static final ExpertDef E_SYN = new ExpertDef("tcp.connection.syn", "Connection establish request (SYN)",
            Group.SEQUENCE, Severity.CHAT);
    static final ExpertDef E_SYNACK = new ExpertDef("tcp.connection.synack",
            "Connection establish acknowledge (SYN+ACK)", Group.SEQUENCE, Severity.CHAT);
    static final ExpertDef E_FIN = new ExpertDef("tcp.connection.fin", "Connection finish (FIN)",
            Group.SEQUENCE, Severity.CHAT);
    static final ExpertDef E_RST = new ExpertDef("tcp.connection.rst", "Connection reset (RST)",
            Group.SEQUENCE, Severity.WARN);
    static final ExpertDef E_FIN_ACTIVE = new ExpertDef("tcp.connection.fin_active",
            "This frame initiates the connection closing", Group.SEQUENCE, Severity.NOTE);
    static final ExpertDef E_FIN_PASSIVE = new ExpertDef("tcp.connection.fin_passive",
            "This frame undergoes the connection closing", Group.SEQUENCE, Severity.NOTE);
    static final ExpertDef E_SHORT_SEGMENT = new ExpertDef("tcp.short_segment", "Short segment",
            Group.MALFORMED, Severity.WARN);
    static final ExpertDef E_ACK_NONZERO = new ExpertDef("tcp.ack.nonzero",
            "The acknowledgment number field is nonzero while the ACK flag is not set", Group.PROTOCOL, Severity.NOTE);
    static final ExpertDef E_URGENT_NONZERO = new ExpertDef("tcp.urgent_pointer.non_zero",
            "The urgent pointer field is nonzero while the URG flag is not set", Group.PROTOCOL, Severity.NOTE);
    static final ExpertDef E_BOGUS_HEADER_LENGTH = new ExpertDef("tcp.bogus_header_length",
            "Bogus TCP Header length", Group.PROTOCOL, Severity.ERROR);

    static final ExpertDef E_TFO_ACK = new ExpertDef("tcp.analysis.tfo_ack", "TCP SYN-ACK accepting TFO data",
            Group.SEQUENCE, Severity.NOTE);
    static final ExpertDef E_TFO_IGNORED = new ExpertDef("tcp.analysis.tfo_ignored", "TCP SYN-ACK ignoring TFO data",
            Group.SEQUENCE, Severity.NOTE);

    static final List<ExpertDef> EXPERTS = List.of(E_SYN, E_SYNACK, E_FIN, E_RST, E_FIN_ACTIVE, E_FIN_PASSIVE,
            E_SHORT_SEGMENT, E_ACK_NONZERO, E_URGENT_NONZERO, E_BOGUS_HEADER_LENGTH, E_TFO_ACK, E_TFO_IGNORED);

    private static final String SHORT_SEGMENT_TEXT = "Short segment. Segment/fragment does not contain a full TCP"
            + " header (might be NMAP or someone else deliberately sending unusual packets)";
    private static final String RELATIVE_SEQ = "    (relative sequence number)";
    private static final String RELATIVE_ACK = "    (relative ack number)";
    static final Key<TcpConversations> CONVERSATIONS = Key.of("tcp.conversations");
    private static final Key<TcpMptcp.Connections> MPTCP_CONNECTIONS = Key.of("mptcp.connections");

    private DissectorHandle handle;
    private TcpPref desegmentPref;
    private TcpPref analyzePref;
    private TcpPref relativePref;
    private TcpPref timestampsPref;
    private TcpReassembly reassembly;
    private TcpPayload payload;
    /** Ids of every TCP field but the ports, for {@link #wanted}. */
    private final java.util.BitSet beyondPorts = new java.util.BitSet();
    /** Ids of every TCP field but the ports, the stream index and the protocol node, for {@link #wanted}. */
    private final java.util.BitSet beyondStream = new java.util.BitSet();
    private volatile WantedFor wantedFor;

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(TCP);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(TcpAnalysis.FIELDS);
        all.addAll(TcpOptions.FIELDS);
        all.addAll(TcpReassembly.FIELDS);
        all.addAll(TcpMptcp.TCP_FIELDS);
        r.fields(TCP, all);
        for (FieldDef f : all) {
            if (f != SRCPORT && f != DSTPORT && f != PORT) {
                beyondPorts.set(f.id());
            }
        }
        beyondStream.or(beyondPorts);
        beyondStream.clear(STREAM.id());
        // The protocol node's own length (len(tcp), tcp[…] slices) is the header length, read below.
        beyondPorts.set(TCP.field().id());
        List<ExpertDef> experts = new ArrayList<>(EXPERTS);
        experts.addAll(TcpAnalysis.EXPERTS);
        experts.addAll(TcpOptions.EXPERTS);
        r.experts(TCP, experts);
        // tshark's reassembly error belongs to its "Malformed Packet" pseudo-protocol.
        r.experts(CoreFields.MALFORMED_PROTO, List.of(TcpReassembly.E_REASSEMBLY));
        r.protocol(TcpMptcp.MPTCP);
        r.fields(TcpMptcp.MPTCP, TcpMptcp.MPTCP_FIELDS);
        handle = r.handle("tcp", TCP, this::dissect);
        r.flowShortcut("tcp", new TcpFlowShortcut());
        r.flowShortcut("udp", new TcpCarriesNoUdp());
        desegmentPref = new TcpPref(r.preference(TCP, "desegment_tcp_streams",
                "Allow subdissector to reassemble TCP streams", "TRUE"));
        analyzePref = new TcpPref(r.preference(TCP, "analyze_sequence_numbers",
                "Analyze TCP sequence numbers", "TRUE"));
        relativePref = new TcpPref(r.preference(TCP, "relative_sequence_numbers",
                "Relative sequence numbers", "TRUE"));
        timestampsPref = new TcpPref(r.preference(TCP, "calculate_timestamps",
                "Calculate conversation timestamps", "TRUE"));
        Preference heuristicFirst = r.preference(TCP, "try_heuristic_first", "Try heuristic sub-dissectors first", "FALSE");
        Preference noSubOnError = r.preference(TCP, "no_subdissector_on_error",
                "Do not call subdissectors for error packets", "TRUE");
        payload = new TcpPayload(r.newTable("tcp.port", "TCP port", FieldType.UINT16, Base.PT_TCP),
                r.newHeuristicList("tcp"), new TcpPref(heuristicFirst), new TcpPref(noSubOnError));
        reassembly = new TcpReassembly(payload);
    }

    @Override
    public void handoff(Tables t) {
        t.table("ip.proto").add(6, handle);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        TcpSegment seg = new TcpSegment();
        Columns cols = pinfo.columns();
        boolean info = cols.enabled();
        boolean detailed = tree.tree().detailed();
        int sport = tvb.u16(0);
        int dport = tvb.u16(2);
        seg.srcPort = sport;
        seg.dstPort = dport;
        cols.setProtocol("TCP");
        cols.clearInfo();
        if (info) {
            cols.appendInfo(sport + " \u2192 " + dport);
        }
        ProtoItem tcp = tree.addProtocol(TCP, tvb, 0, tvb.length(), detailed
                ? "Transmission Control Protocol, Src Port: " + sport + ", Dst Port: " + dport : null);
        pinfo.put(TcpPdus.TCP_TREE, tcp);
        tcp.add(SRCPORT, tvb, 0, 2);
        tcp.add(DSTPORT, tvb, 2, 2);
        hidden(tcp, tcp.add(PORT, tvb, 0, 2));
        hidden(tcp, tcp.add(PORT, tvb, 2, 2));
        pinfo.setPorts("tcp", sport, dport);
        Wanted wanted = info ? Wanted.ALL : wanted(pinfo, tree);
        if (wanted == Wanted.PORTS) {
            // Nothing else of TCP, and nothing above it, will be read: skip stream tracking altogether.
            return tvb.length();
        }

        boolean inError = insideIcmpError(pinfo);
        if (inError && !tvb.has(0, 20)) {
            // An ICMP error quotes only the first bytes of the segment: show what is there.
            if (tvb.has(4, 4)) {
                tcp.add(SEQ, tvb, 4, 4);
            }
            return tvb.length();
        }
        seg.rawSeq = tvb.s32(4);
        seg.rawAck = tvb.s32(8);
        seg.flags = tvb.u16(12) & TcpFlags.MASK;
        seg.rawWindow = tvb.u16(14);
        seg.window = seg.rawWindow;
        seg.headerLength = (tvb.u8(12) >> 4) * 4;
        seg.seq = seg.rawSeq;
        seg.ack = seg.rawAck;
        seg.frame = pinfo.number();
        seg.now = pinfo.frame().timestampNanos();
        int hlen = seg.headerLength;
        int reported = tvb.reportedLength();
        boolean knowLength = !inError && reported >= hlen;
        if (knowLength) {
            seg.segLen = reported - hlen;
        }

        TcpConversations table = pinfo.state(CONVERSATIONS, TcpConversations::new);
        TcpConversation conv = conversation(table, table.find(pinfo.netSrc(), sport, pinfo.netDst(), dport),
                pinfo.netSrc(), pinfo.netDst(), pinfo.number(), seg);
        TcpAnalysis.generated(tcp, tcp.addUint(STREAM, tvb, 0, 0, conv.index));
        pinfo.put(TcpPdus.STREAM, (long) conv.index);
        if (conv.globalIndex < 0) {
            conv.globalIndex = ConversationIndex.next(pinfo);
        }
        ConversationIndex.setCurrent(pinfo, conv.globalIndex);
        pinfo.put(TcpConversationDissectors.FIRST_FRAME, conv.firstFrame);
        if (wanted == Wanted.STREAM && !inError && hlen >= 20 && reported >= hlen && tvb.has(0, reported)) {
            // Only the stream index is read (-z conv,tcp) and the whole segment is there, so nothing
            // below can fail: keep the initial sequence numbers a reused port is recognised by and
            // skip the analysis. A short or cut segment takes the full path, which marks it malformed.
            TcpAnalysis.learnBaseSeq(seg.fwd, seg.rev, seg.rawSeq, seg.rawAck, seg.flags);
            tcp.setLength(hlen);
            return tvb.length();
        }
        boolean secondPass = pinfo.links().secondPass();
        if (secondPass && seg.freshConversation) {
            // tshark's second pass starts from the completeness the first pass ended with, and (the
            // connection being known by then) counts every segment again, its first one included.
            int learned = (int) pinfo.links().recall(COMPLETENESS.abbrev(), conv.index);
            conv.completeness = learned != 0 ? learned : conv.completeness;
        }
        TcpAnalysis.generated(tcp, tcp.addUint(COMPLETENESS, tvb, 0, 0, conv.completeness));
        boolean syn = (seg.flags & (TcpFlags.SYN | TcpFlags.ACK)) == TcpFlags.SYN;
        // The SYN of a connection another protocol announced (FTP's data connections) never counts:
        // tshark's conversation exists before it then.
        boolean announcedSyn = syn && TcpConversationDissectors.ANNOUNCED.find(pinfo, seg.srcPort, seg.dstPort) != null;
        if (announcedSyn) {
            // nothing counted
        } else if (!seg.freshConversation || secondPass) {
            conv.updateCompleteness(seg.flags, seg.segLen);
        } else if (syn && !seg.ta.has(TcpAnalysis.REUSED_PORTS)) {
            // The first segment of a connection counts only when it is a SYN (with its data, if any).
            conv.completeness |= TcpConversation.SYN | (seg.segLen > 0 ? TcpConversation.DATA : 0);
        }
        pinfo.links().learn(COMPLETENESS.abbrev(), conv.index, conv.completeness);
        long delta = seg.now - conv.prevNanos;
        conv.prevNanos = seg.now;

        if (!inError) {
            if (reported < hlen) {
                ProtoItem shortItem = tcp.addText(tvb, 0, 0, SHORT_SEGMENT_TEXT);
                shortItem.expert(E_SHORT_SEGMENT, SHORT_SEGMENT_TEXT);
            } else {
                seg.haveSegLen = true;
                TcpAnalysis.generated(tcp, tcp.addUint(LEN, tvb, 0, 0, seg.segLen)); // no bytes, at the header start (PDML shows both)
                if (analyzePref.on()) {
                    if (seg.has(TcpFlags.ACK) && !seg.has(TcpFlags.SYN) && conv.lastSynNanos != Long.MIN_VALUE
                            && conv.initialRttNanos == 0) {
                        conv.initialRttNanos = seg.now - conv.lastSynNanos;
                        pinfo.links().learn(TcpAnalysis.INITIAL_RTT.abbrev(), conv.index, conv.initialRttNanos);
                    }
                    TcpAnalysis.analyze(conv, seg.fwd, seg.rev, seg.rawSeq, seg.rawAck, seg.segLen, seg.flags,
                            seg.rawWindow, seg.frame, seg.now, seg.ta);
                    if (relativePref.on()) {
                        seg.seq = seg.rawSeq - seg.fwd.baseSeq;
                        if (seg.has(TcpFlags.ACK)) {
                            seg.ack = seg.rawAck - seg.rev.baseSeq;
                        }
                    }
                } else {
                    // Without the analysis the initial numbers are still learnt: a SYN reusing the ports
                    // with a new one starts a new stream either way, as in tshark.
                    TcpAnalysis.learnBaseSeq(seg.fwd, seg.rev, seg.rawSeq, seg.rawAck, seg.flags);
                }
                if (!seg.has(TcpFlags.SYN) && seg.fwd.winScale >= 0) {
                    seg.window = seg.rawWindow << seg.fwd.winScale;
                }
            }
        }

        long seqShown = seg.seq & 0xffffffffL;
        long ackShown = seg.ack & 0xffffffffL;
        // The labels and raw lines follow the preferences, even where a short segment kept absolute numbers.
        seg.relative = analyzePref.on() && relativePref.on();
        if (detailed) {
            tcp.appendText(", Seq: " + seqShown);
        }
        // Relative numbers need the analysis (tshark's preference says so); the raw ones are shown beside them.
        boolean relative = seg.relative;
        ProtoItem seqItem = tcp.addUint(SEQ, tvb, 4, 4, seqShown);
        if (detailed && relative) {
            seqItem.appendText(RELATIVE_SEQ);
        }
        ProtoItem seqRaw = tcp.add(SEQ_RAW, tvb, 4, 4);
        if (!relative && seqRaw != tcp) {
            seqRaw.setHidden(); // the number above is already the raw one
        }
        StringBuilder sb = info ? new StringBuilder(96) : null;
        if (sb != null) {
            sb.append(" [").append(TcpFlags.names(seg.flags)).append("] Seq=").append(seqShown);
            if (seg.has(TcpFlags.ACK)) {
                sb.append(" Ack=").append(ackShown);
            }
            sb.append(" Win=").append(seg.window & 0xffffffffL);
            // In Info before the rest of the header is read: a header cut short still shows these.
            cols.appendInfo(sb.toString());
            sb.setLength(0);
        }
        if (hlen < 20) {
            bogusHeader(tcp, tvb, hlen, cols);
            return tvb.length();
        }
        if (detailed) {
            if (seg.has(TcpFlags.ACK)) {
                tcp.appendText(", Ack: " + ackShown);
            }
            if (seg.haveSegLen) {
                tcp.appendText(", Len: " + seg.segLen);
            }
        }
        tcp.setLength(hlen);
        long nxtseq = seqShown + seg.segLen + (seg.has(TcpFlags.SYN | TcpFlags.FIN) ? 1 : 0);
        if (seg.haveSegLen) {
            ProtoItem next = tcp.addUint(NXTSEQ, tvb, 0, 0, nxtseq & 0xffffffffL);
            if (next != tcp) {
                next.setGenerated();
                if (detailed && relative) {
                    next.appendText(RELATIVE_SEQ);
                }
            }
        }
        addAck(tcp, tvb, seg, ackShown, detailed);
        addHeaderLength(tcp, tvb, hlen, detailed);
        addFlags(tcp, tvb, seg, conv, detailed);
        addWindow(tcp, tvb, seg, detailed);
        ProtoItem checksum = tcp.add(CHECKSUM, tvb, 16, 2);
        if (detailed && checksum != tcp) {
            checksum.appendText(" [unverified]");
        }
        TcpAnalysis.generated(tcp, tcp.addUint(CHECKSUM_STATUS_FIELD, tvb, 16, 0, 2));
        int urgent = tvb.u16(18);
        ProtoItem urgentItem = tcp.add(URGENT_POINTER, tvb, 18, 2);
        if (seg.has(TcpFlags.URG)) {
            if (sb != null) {
                sb.append(" Urg=").append(urgent);
            }
        } else if (urgent != 0) {
            urgentItem.expert(E_URGENT_NONZERO);
        }
        if (sb != null) {
            if (seg.haveSegLen) {
                sb.append(" Len=").append(seg.segLen);
            }
            if (!sb.isEmpty()) {
                cols.appendInfo(sb.toString());
            }
        }

        ProtoItem options = null;
        if (hlen > 20) {
            int optLen = hlen - 20;
            // tshark shows the option bytes that are there even when the header claims more.
            options = tvb.has(20, optLen) ? tcp.add(TcpOptions.OPTIONS, tvb, 20, optLen)
                    : tcp.addBytes(TcpOptions.OPTIONS, tvb, 20, optLen, tvb.bytes(20, tvb.remaining(20)));
            if (detailed && options != tcp) {
                options.setText("Options: (" + optLen + " bytes)");
            }
        }
        if (timestampsPref.on()) {
            addTimestamps(tcp, tvb, conv, seg.now - conv.firstNanos, delta, detailed);
        }
        if (options != null) {
            TcpOptions.dissect(tvb, 20, hlen - 20, options, seg, cols, detailed,
                    pinfo.state(MPTCP_CONNECTIONS, TcpMptcp.Connections::new));
        }
        if (seg.has(TcpFlags.SYN)) {
            verifyWindowScaling(seg);
        }
        TcpMptcp.analysis(tcp, tvb, conv, detailed);
        if (analyzePref.on()) {
            TcpAnalysis.print(tcp, tvb, conv, seg.ta, cols,
                    pinfo.links().recall(TcpAnalysis.INITIAL_RTT.abbrev(), conv.index));
        }
        if (seg.has(TcpFlags.FIN) && seg.fwd.reassembleUntilFin && seg.haveSegLen && !inError
                && desegmentPref.on() && tvb.has(0, tvb.reportedLength())
                && reassembly.finishAtFin(tvb, hlen, seqShown, seg.segLen, pinfo, tree, tcp, seg)) {
            return tvb.length();
        }
        if (tvb.remaining(hlen) > 0) {
            payload(tvb, pinfo, tree, tcp, seg, nxtseq, inError, detailed);
        }
        if (seg.has(TcpFlags.RST)) {
            // A reset connection sends nothing more: what it had waiting can never complete.
            for (TcpFlow f : new TcpFlow[] {seg.fwd, seg.rev}) {
                if (f.pdus != null) {
                    f.pdus.releaseAll();
                }
            }
        }
        seg.conversations.trimReassembly();
        return tvb.length();
    }

    /** How much of TCP the consumer reads, when it shows no Info column. */
    private enum Wanted {
        /** The ports and nothing above TCP ({@code -e tcp.srcport}, {@code -Y "tcp.port == 443"}). */
        PORTS,
        /** The ports and the stream index, nothing above TCP ({@code -z conv,tcp}). */
        STREAM,
        ALL
    }

    /** Decided once per interest set, which consumers reuse for every packet. */
    private Wanted wanted(PacketInfo pinfo, ProtoItem tree) {
        java.util.BitSet interest = tree.tree().interest();
        if (interest == null || pinfo.transportPayloadWanted()) {
            return Wanted.ALL;
        }
        WantedFor cached = wantedFor;
        if (cached == null || cached.interest != interest) {
            Wanted w = !interest.intersects(beyondPorts) ? Wanted.PORTS
                    : !interest.intersects(beyondStream) ? Wanted.STREAM : Wanted.ALL;
            cached = new WantedFor(interest, w);
            wantedFor = cached;
        }
        return cached.wanted;
    }

    private record WantedFor(java.util.BitSet interest, Wanted wanted) {}

    /**
     * Finds or starts the connection, handling ports reused by a SYN (or SYN/ACK) with a new ISN;
     * {@code found} is what {@code table.find} gave for the segment's endpoints (looked up once).
     */
    static TcpConversation conversation(TcpConversations table, TcpConversation found, Address src, Address dst,
            long frame, TcpSegment seg) {
        boolean fresh = false;
        TcpConversation conv = found;
        if (conv == null) {
            conv = table.startNew(src, seg.srcPort, dst, seg.dstPort, seg.now);
            fresh = true;
        }
        TcpFlow fwd = conv.forward(src, seg.srcPort);
        if (reusesPorts(fwd, seg.flags, seg.rawSeq)) {
            conv = table.startNew(src, seg.srcPort, dst, seg.dstPort, seg.now);
            fwd = conv.forward(src, seg.srcPort);
            seg.ta.flag(TcpAnalysis.REUSED_PORTS);
            // tshark counts the reusing SYN before showing the completeness.
            conv.completeness = TcpConversation.SYN;
            fresh = true;
        } else if ((seg.flags & (TcpFlags.SYN | TcpFlags.ACK)) == (TcpFlags.SYN | TcpFlags.ACK) && fwd.baseSeqSet
                && seg.rawSeq != fwd.baseSeq) {
            // Same connection, new ISN from the server: its relative numbers restart at this SYN/ACK.
            seg.ta.flag(TcpAnalysis.REUSED_PORTS);
            fwd.baseSeqSet = false;
        }
        if (fresh) {
            conv.firstFrame = frame;
        }
        seg.conv = conv;
        seg.fwd = fwd;
        seg.rev = conv.reverse(fwd);
        seg.freshConversation = fresh;
        seg.reassemblyTotal = table.reassemblyTotal;
        seg.conversations = table;
        return conv;
    }

    /**
     * The stream {@link #conversation} will put a segment in, found without changing anything;
     * {@code found} is what {@code table.find} gave for its endpoints.
     */
    static long streamOf(TcpConversations table, TcpConversation found, Address src, int srcPort, int flags,
            int rawSeq) {
        TcpConversation conv = found;
        if (conv == null || reusesPorts(conv.forward(src, srcPort), flags, rawSeq)) {
            return table.nextIndex();
        }
        return conv.index;
    }

    /** A SYN whose initial sequence number differs from the one its side started with: the ports are reused. */
    private static boolean reusesPorts(TcpFlow fwd, int flags, int rawSeq) {
        return (flags & (TcpFlags.SYN | TcpFlags.ACK)) == TcpFlags.SYN && fwd.baseSeqSet && rawSeq != fwd.baseSeq;
    }

    private static void addAck(ProtoItem tcp, Tvb tvb, TcpSegment seg, long ackShown, boolean detailed) {
        if (seg.has(TcpFlags.ACK)) {
            ProtoItem ack = tcp.addUint(ACK, tvb, 8, 4, ackShown);
            if (detailed && ack != tcp && seg.relative) {
                ack.appendText(RELATIVE_ACK);
            }
            if (seg.has(TcpFlags.SYN) && seg.relative) {
                // A SYN/ACK acknowledging more than the SYN accepts its data (TCP Fast Open, RFC 7413).
                if (ackShown > 1) {
                    ack.expert(E_TFO_ACK);
                } else if (seg.conv.synData) {
                    ack.expert(E_TFO_IGNORED);
                }
            }
        } else {
            ProtoItem ack = tcp.add(ACK, tvb, 8, 4);
            if (seg.rawAck != 0) {
                ack.expert(E_ACK_NONZERO);
            }
        }
        ProtoItem ackRaw = tcp.add(ACK_RAW, tvb, 8, 4);
        if (!seg.relative && seg.has(TcpFlags.ACK) && ackRaw != tcp) {
            ackRaw.setHidden(); // the number above is already the raw one
        }
    }

    private static void addHeaderLength(ProtoItem tcp, Tvb tvb, int hlen, boolean detailed) {
        ProtoItem item = tcp.addUint(HDR_LEN, tvb, 12, 1, hlen);
        if (detailed && item != tcp) {
            item.setText(nibble(hlen >> 2) + " .... = Header Length: " + hlen + " bytes (" + (hlen >> 2) + ")");
        }
    }

    private static String nibble(int v) {
        return new String(new char[] {bit(v, 8), bit(v, 4), bit(v, 2), bit(v, 1)});
    }

    private static char bit(int v, int b) {
        return (v & b) != 0 ? '1' : '0';
    }

    private static void bogusHeader(ProtoItem tcp, Tvb tvb, int hlen, Columns cols) {
        if (cols.enabled()) {
            cols.appendInfo(", bogus TCP header length (" + hlen + ", must be at least 20)");
        }
        ProtoItem item = tcp.addUint(HDR_LEN, tvb, 12, 1, hlen);
        if (tcp.tree().detailed() && item != tcp) {
            item.setText(nibble(hlen >> 2) + " .... = Header Length: " + hlen + " bytes (" + (hlen >> 2) + ")");
        }
        item.expert(E_BOGUS_HEADER_LENGTH, "Bogus TCP header length (" + hlen + ", must be at least 20)");
    }

    private static void addFlags(ProtoItem tcp, Tvb tvb, TcpSegment seg, TcpConversation conv, boolean detailed) {
        int flags = seg.flags;
        ProtoItem item = tcp.addUint(FLAGS, tvb, 12, 2, flags);
        if (detailed && item != tcp) {
            item.setText("Flags: 0x" + Integer.toHexString(0x1000 | flags).substring(1) + " (" + TcpFlags.names(flags) + ")");
        }
        ProtoItem res = item.addBool(FLAG_RES, tvb, 12, 1, (flags & TcpFlags.RESERVED) != 0);
        if (detailed && res != item && (flags & TcpFlags.RESERVED) != 0) {
            // Show which reserved bits are set, not just that some are.
            res.setText(bit(flags >> 8, 8) + "" + bit(flags >> 8, 4) + bit(flags >> 8, 2) + ". .... .... = Reserved: Set");
        }
        item.addBool(FLAG_AE, tvb, 12, 1, (flags & TcpFlags.AE) != 0);
        item.addBool(FLAG_CWR, tvb, 13, 1, (flags & TcpFlags.CWR) != 0);
        item.addBool(FLAG_ECE, tvb, 13, 1, (flags & TcpFlags.ECE) != 0);
        item.addBool(FLAG_URG, tvb, 13, 1, (flags & TcpFlags.URG) != 0);
        item.addBool(FLAG_ACK, tvb, 13, 1, (flags & TcpFlags.ACK) != 0);
        item.addBool(FLAG_PUSH, tvb, 13, 1, (flags & TcpFlags.PSH) != 0);
        ProtoItem rst = item.addBool(FLAG_RESET, tvb, 13, 1, (flags & TcpFlags.RST) != 0);
        ProtoItem syn = item.addBool(FLAG_SYN, tvb, 13, 1, (flags & TcpFlags.SYN) != 0);
        ProtoItem fin = item.addBool(FLAG_FIN, tvb, 13, 1, (flags & TcpFlags.FIN) != 0);
        ProtoItem letters = item.addString(FLAGS_STR, tvb, 12, 2, TcpFlags.letters(flags));
        TcpAnalysis.generated(item, letters);
        if (seg.has(TcpFlags.SYN)) {
            if (seg.has(TcpFlags.ACK)) {
                syn.expert(E_SYNACK, "Connection establish acknowledge (SYN+ACK): server port " + seg.srcPort);
                conv.serverPort = seg.srcPort;
            } else {
                syn.expert(E_SYN, "Connection establish request (SYN): server port " + seg.dstPort);
                conv.serverPort = seg.dstPort;
                conv.lastSynNanos = seg.now;
                if (seg.segLen > 0) {
                    conv.synData = true;
                }
            }
        }
        if (seg.has(TcpFlags.FIN)) {
            fin.expert(E_FIN);
            // tshark hangs who-closed-first under the flags string, not under the FIN bit.
            if (!seg.rev.closingInitiator) {
                seg.fwd.closingInitiator = true;
                letters.expert(E_FIN_ACTIVE);
            } else {
                letters.expert(E_FIN_PASSIVE);
            }
        }
        if (seg.has(TcpFlags.RST)) {
            rst.expert(E_RST);
        }
    }

    private static void addWindow(ProtoItem tcp, Tvb tvb, TcpSegment seg, boolean detailed) {
        tcp.add(WINDOW_SIZE_VALUE, tvb, 14, 2);
        TcpAnalysis.generated(tcp, tcp.addUint(WINDOW_SIZE, tvb, 14, 2, seg.window & 0xffffffffL));
        if (seg.has(TcpFlags.SYN)) {
            return;
        }
        int scale = seg.fwd.winScale;
        long shown = scale >= 0 ? 1L << scale : scale;
        ProtoItem f = tcp.addUint(WINDOW_SCALEFACTOR, tvb, 14, 2, shown);
        if (f != tcp) {
            f.setGenerated();
            if (detailed && scale < 0) {
                f.setText("Window size scaling factor: " + scale
                        + (scale == TcpFlow.SCALE_UNKNOWN ? " (unknown)" : " (no window scaling used)"));
            }
        }
    }

    /** After a SYN's options: no window-scale option means the connection will not scale (RFC 7323 §2.2). */
    private static void verifyWindowScaling(TcpSegment seg) {
        TcpFlow fwd = seg.fwd;
        TcpFlow rev = seg.rev;
        if (fwd.winScale == TcpFlow.SCALE_UNKNOWN) {
            fwd.winScale = TcpFlow.SCALE_NONE;
            rev.winScale = TcpFlow.SCALE_NONE;
        } else if (seg.has(TcpFlags.ACK) && rev.winScale == TcpFlow.SCALE_NONE) {
            fwd.winScale = TcpFlow.SCALE_NONE;
        }
    }

    private static void addTimestamps(ProtoItem tcp, Tvb tvb, TcpConversation conv, long relative, long delta,
            boolean detailed) {
        ProtoItem parent = tcp;
        if (detailed) {
            parent = tcp.addText(tvb, 0, 0, "Timestamps").setGenerated();
        }
        TcpAnalysis.generated(parent, parent.addTime(TIME_RELATIVE, tvb, 0, 0, relative));
        TcpAnalysis.generated(parent, parent.addTime(TIME_DELTA, tvb, 0, 0, delta));
    }

    /** Shows the payload and hands it on, through reassembly when the segment allows it. */
    private void payload(Tvb tvb, PacketInfo pinfo, ProtoItem tree, ProtoItem tcp, TcpSegment seg, long nxtseq,
            boolean inError, boolean detailed) {
        int hlen = seg.headerLength;
        if (seg.has(TcpFlags.RST)) {
            // RFC 1122 §4.2.2.12: a RST may carry text explaining it.
            int n = tvb.remaining(hlen);
            tcp.addString(RESET_CAUSE, tvb, hlen, n, tvb.ascii(hlen, n));
            return;
        }
        int n = tvb.reportedLength() - hlen;
        ProtoItem item = tcp.add(PAYLOAD, tvb, hlen, tvb.remaining(hlen));
        if (detailed && item != tcp) {
            item.setText("TCP payload (" + n + (n == 1 ? " byte)" : " bytes)"));
        }
        if (!pinfo.transportPayloadWanted()) {
            return; // no consumer reads the layers above: no reassembly, no dispatch
        }
        long seqShown = seg.seq & 0xffffffffL;
        if (seg.has(TcpFlags.SYN | TcpFlags.FIN) && seg.segLen > 0) {
            nxtseq -= 1;
        }
        boolean canDesegment = desegmentPref.on() && seg.haveSegLen && !inError
                && tvb.has(0, tvb.reportedLength()) && analyzePref.on();
        if (canDesegment) {
            pinfo.setCanDesegment(true);
            try {
                reassembly.desegment(tvb, hlen, seqShown, nxtseq, pinfo, tree, tcp, seg);
            } finally {
                pinfo.setCanDesegment(false);
                pinfo.setDesegment(0, 0);
            }
        } else {
            pinfo.setCanDesegment(false);
            payload.dispatch(tvb, hlen, pinfo, tree, seg);
        }
    }

    /** True inside the copy of an offending packet that an ICMP or ICMPv6 error carries. */
    static boolean insideIcmpError(PacketInfo pinfo) {
        List<String> layers = pinfo.layerNames();
        for (int i = layers.size() - 2; i >= 0; i--) {
            String l = layers.get(i);
            if (l.equals("icmp") || l.equals("icmpv6")) {
                return true;
            }
        }
        return false;
    }

    private static void hidden(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setHidden();
        }
    }
}
