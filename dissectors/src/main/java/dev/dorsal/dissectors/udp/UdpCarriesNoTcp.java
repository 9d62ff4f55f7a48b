package dev.dorsal.dissectors.udp;

import dev.dorsal.dissectors.ip.PlainIpFrame;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FlowShortcut;
import java.util.List;

/**
 * UDP's part of TCP's {@link FlowShortcut}: a datagram in a plain Ethernet II frame (IPv4 without
 * options and not a fragment, or IPv6 with UDP as its first next header) can only reach TCP through a
 * tunnel behind its ports. When the run's full dissection would not hand UDP payloads on (a consumer
 * of TCP flows alone reads nothing above the transport) and neither port leads to a tunnel, UDP stops
 * at its own header ({@link UdpDissector}'s rule, used here as is), so the datagram carries no TCP
 * flow: it is taken without dissecting it. Anything else is declined.
 */
final class UdpCarriesNoTcp implements FlowShortcut {
    private static final int UDP_HEADER = 8;
    private static final int IP_PROTO_UDP = 17;
    private static final List<Binding> ASSUMES = PlainIpFrame.assumes(IP_PROTO_UDP, "udp");

    private final DissectorTable ports;

    /** @param ports the {@code udp.port} table, read at each datagram (a Decode As changes it) */
    UdpCarriesNoTcp(DissectorTable ports) {
        this.ports = ports;
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
        if (udp < 0 || UdpDissector.toTunnel(ports, PlainIpFrame.u16(f, udp), PlainIpFrame.u16(f, udp + 2))) {
            return Outcome.DECLINED;
        }
        return Outcome.NO_FLOW;
    }
}
