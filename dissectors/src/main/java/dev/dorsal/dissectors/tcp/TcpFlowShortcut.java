package dev.dorsal.dissectors.tcp;

import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.frame.FrameDissector;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FlowShortcut;
import java.util.Arrays;
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
    private static final int ETHERNET_HEADER = 14;
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int TCP_MIN_HEADER = 20;
    private static final int IP_PROTO_TCP = 6;
    /** IPv4's MF flag and fragment offset: either set makes a fragment. */
    private static final int FRAGMENT_BITS = 0x3fff;

    private static final List<Binding> ASSUMES = List.of(
            new Binding(FrameDissector.ENCAP_TABLE, WtapEncap.ETHERNET, "eth"),
            new Binding(EthertypeDissector.NAME, EtherTypes.IPV4, Ipv4Dissector.V4_HANDLE),
            new Binding(EthertypeDissector.NAME, EtherTypes.IPV6, "ipv6"),
            new Binding(Ipv4Dissector.PROTO_TABLE, IP_PROTO_TCP, "tcp"));

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
        int have = Math.min(f.length, capturedLength);
        if (WtapEncap.fromLinkType(linkType) != WtapEncap.ETHERNET || have < ETHERNET_HEADER + IPV4_HEADER
                + TCP_MIN_HEADER) {
            return Outcome.DECLINED;
        }
        int etherType = u16(f, 12);
        Address src;
        Address dst;
        int tcp;
        int segmentBytes; // the TCP header and payload, as the IP header gives them
        if (etherType == EtherTypes.IPV4) {
            int ip = ETHERNET_HEADER;
            int totalLength = u16(f, ip + 2);
            if ((f[ip] & 0xff) != 0x45 || (u16(f, ip + 6) & FRAGMENT_BITS) != 0 || (f[ip + 9] & 0xff) != IP_PROTO_TCP
                    || totalLength < IPV4_HEADER + TCP_MIN_HEADER || ip + totalLength > capturedLength) {
                return Outcome.DECLINED;
            }
            src = Address.ipv4(u32(f, ip + 12));
            dst = Address.ipv4(u32(f, ip + 16));
            tcp = ip + IPV4_HEADER;
            segmentBytes = totalLength - IPV4_HEADER;
        } else if (etherType == EtherTypes.IPV6) {
            int ip = ETHERNET_HEADER;
            int payloadLength = u16(f, ip + 4);
            if ((f[ip] & 0xf0) != 0x60 || (f[ip + 6] & 0xff) != IP_PROTO_TCP || payloadLength < TCP_MIN_HEADER
                    || ip + IPV6_HEADER + payloadLength > capturedLength || have < ip + IPV6_HEADER + TCP_MIN_HEADER) {
                return Outcome.DECLINED;
            }
            src = new Address(Address.Type.IPv6, Arrays.copyOfRange(f, ip + 8, ip + 24));
            dst = new Address(Address.Type.IPv6, Arrays.copyOfRange(f, ip + 24, ip + 40));
            tcp = ip + IPV6_HEADER;
            segmentBytes = payloadLength;
        } else {
            return Outcome.DECLINED;
        }
        int headerLength = ((f[tcp + 12] & 0xff) >> 4) * 4;
        if (headerLength < TCP_MIN_HEADER || segmentBytes < headerLength) {
            return Outcome.DECLINED;
        }
        int srcPort = u16(f, tcp);
        int dstPort = u16(f, tcp + 2);
        int rawSeq = (int) u32(f, tcp + 4);
        int rawAck = (int) u32(f, tcp + 8);
        int flags = u16(f, tcp + 12) & TcpFlags.MASK;
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

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
