package dev.dorsal.dissectors.tcp;

import dev.dorsal.dissectors.ip.PlainIpFrame;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FlowShortcut;
import java.util.List;

/**
 * TCP's {@link FlowShortcut}: for the common frame (Ethernet II, then IPv4 without options and not a
 * fragment, or IPv6 with TCP as its first next header, then a whole TCP header and segment) it reads
 * the addresses, ports, flags and sequence numbers from the bytes and does what the TCP dissector
 * does when only the stream index is read: find or start the connection (a SYN with a new initial
 * sequence number starts a new one) and learn the initial sequence numbers. Every other frame (VLAN
 * tags, IP options, fragments, tunnels, ICMP errors, short or cut headers, other link types) is
 * declined and takes the full dissection, which shares the connection table.
 */
final class TcpFlowShortcut implements FlowShortcut {
    private static final int TCP_MIN_HEADER = 20;
    private static final int IP_PROTO_TCP = 6;

    private static final List<Binding> ASSUMES = PlainIpFrame.assumes(IP_PROTO_TCP, "tcp");

    /** The connection table of the capture seen last: one map lookup less per frame. One reference, as
     * several captures may be read at once. */
    private volatile TableOf last;

    private record TableOf(States states, TcpConversations table) {}

    @Override
    public List<Binding> assumes() {
        return ASSUMES;
    }

    @Override
    public Outcome flow(byte[] f, int capturedLength, int linkType, int reportedLength, long number,
            long timestampNanos, Run run, Flow out) {
        // Only the headers are read: from the bytes given, which may be fewer than the frame has.
        int tcp = PlainIpFrame.transport(f, Math.min(f.length, capturedLength), linkType, IP_PROTO_TCP, TCP_MIN_HEADER);
        if (tcp < 0) {
            return Outcome.DECLINED;
        }
        int segmentBytes = PlainIpFrame.transportLength(f, tcp); // the TCP header and payload
        if (segmentBytes < TCP_MIN_HEADER || tcp + segmentBytes > capturedLength) {
            return Outcome.DECLINED;
        }
        int headerLength = ((f[tcp + 12] & 0xff) >> 4) * 4;
        if (headerLength < TCP_MIN_HEADER || segmentBytes < headerLength) {
            return Outcome.DECLINED;
        }
        Address src = PlainIpFrame.source(f, tcp);
        Address dst = PlainIpFrame.destination(f, tcp);
        int srcPort = PlainIpFrame.u16(f, tcp);
        int dstPort = PlainIpFrame.u16(f, tcp + 2);
        int rawSeq = (int) PlainIpFrame.u32(f, tcp + 4);
        int rawAck = (int) PlainIpFrame.u32(f, tcp + 8);
        int flags = PlainIpFrame.u16(f, tcp + 12) & TcpFlags.MASK;
        TableOf cached = last;
        States states = run.states();
        if (cached == null || cached.states != states) {
            cached = new TableOf(states, states.state(TcpDissector.CONVERSATIONS, TcpConversations::new));
            last = cached;
        }
        TcpConversations table = cached.table;
        // Looked up once: each lookup moves the connection to the end of the table's recency order.
        TcpConversation found = table.find(src, srcPort, dst, dstPort);
        if (!run.take().test(TcpDissector.streamOf(table, found, src, srcPort, flags, rawSeq))) {
            return Outcome.DECLINED;
        }
        TcpSegment seg = table.scratchSegment();
        seg.srcPort = srcPort;
        seg.dstPort = dstPort;
        seg.rawSeq = rawSeq;
        seg.rawAck = rawAck;
        seg.flags = flags;
        seg.now = timestampNanos;
        TcpConversation conv = TcpDissector.conversation(table, found, src, dst, number, seg);
        TcpAnalysis.learnBaseSeq(seg.fwd, seg.rev, rawSeq, rawAck, flags);
        out.set(src, srcPort, dst, dstPort, conv.index);
        return Outcome.FLOW;
    }
}
