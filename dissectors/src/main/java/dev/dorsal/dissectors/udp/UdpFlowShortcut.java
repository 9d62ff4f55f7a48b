package dev.dorsal.dissectors.udp;

import dev.dorsal.dissectors.ip.PlainIpFrame;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FlowShortcut;
import java.util.List;

/**
 * UDP's {@link FlowShortcut}s. A whole datagram in a plain Ethernet/IP frame (see {@link PlainIpFrame}),
 * in a run that does not dissect UDP payloads, to ports that lead to no tunnel, stops at the UDP
 * header ({@link UdpDissector}'s rule): for consumers of UDP flows ({@code -z conv,udp},
 * {@code -z endpoints,udp}) it gets its conversation ({@code udp.stream}) as the dissector gives it
 * and nothing else happens to it; for consumers of TCP flows it carries none. Everything else is
 * declined: tunnels (their inner layers count too), bad lengths, cut datagrams, conversations
 * another protocol announced.
 */
final class UdpFlowShortcut implements FlowShortcut {
    private static final int UDP_HEADER = 8;
    private static final int IP_PROTO_UDP = 17;
    private static final List<Binding> ASSUMES = PlainIpFrame.assumes(IP_PROTO_UDP, "udp");

    private final DissectorTable ports;
    private final boolean udpFlows;

    private UdpFlowShortcut(DissectorTable ports, boolean udpFlows) {
        this.ports = ports;
        this.udpFlows = udpFlows;
    }

    /** The shortcut for UDP's own flows; {@code ports} is the {@code udp.port} table, read at each datagram. */
    static UdpFlowShortcut ofUdp(DissectorTable ports) {
        return new UdpFlowShortcut(ports, true);
    }

    /** UDP's part of TCP's shortcut: the datagrams it takes carry no TCP flow. */
    static UdpFlowShortcut besideTcp(DissectorTable ports) {
        return new UdpFlowShortcut(ports, false);
    }

    @Override
    public List<Binding> assumes() {
        return ASSUMES;
    }

    @Override
    public Outcome flow(byte[] f, int capturedLength, int linkType, int reportedLength, long number,
            long timestampNanos, Run run, Flow out) {
        int udp = run.transportPayloadWanted() ? -1
                : PlainIpFrame.transport(f, Math.min(f.length, capturedLength), linkType, IP_PROTO_UDP, UDP_HEADER);
        if (udp < 0) {
            return Outcome.DECLINED;
        }
        int datagram = PlainIpFrame.transportLength(f, udp);
        int length = PlainIpFrame.u16(f, udp + 4);
        int srcPort = PlainIpFrame.u16(f, udp);
        int dstPort = PlainIpFrame.u16(f, udp + 2);
        if (datagram < UDP_HEADER || udp + datagram > capturedLength || length < UDP_HEADER
                || UdpDissector.toTunnel(ports, srcPort, dstPort) || !UdpSetup.table(run.states()).isEmpty()) {
            return Outcome.DECLINED;
        }
        if (!udpFlows) {
            return Outcome.NO_FLOW;
        }
        Address src = PlainIpFrame.source(f, udp);
        Address dst = PlainIpFrame.destination(f, udp);
        UdpConversations table = run.states().state(UdpDissector.CONVERSATIONS, UdpConversations::new);
        if (!run.take().test(table.streamOf(src, srcPort, dst, dstPort))) {
            return Outcome.DECLINED;
        }
        UdpConversations.Conversation conv = table.find(src, srcPort, dst, dstPort, timestampNanos);
        if (length != UDP_HEADER) {
            conv.prevNanos = timestampNanos; // as the dissector's timestamps do for a datagram with payload
        }
        out.set(src, srcPort, dst, dstPort, conv.index);
        return Outcome.FLOW;
    }
}
