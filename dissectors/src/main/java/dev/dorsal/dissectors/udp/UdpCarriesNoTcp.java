package dev.dorsal.dissectors.udp;

import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.frame.FrameDissector;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
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
    private static final int ETHERNET_HEADER = 14;
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int UDP_HEADER = 8;
    private static final int IP_PROTO_UDP = 17;
    /** IPv4's MF flag and fragment offset: either set makes a fragment. */
    private static final int FRAGMENT_BITS = 0x3fff;

    private static final List<Binding> ASSUMES = List.of(
            new Binding(FrameDissector.ENCAP_TABLE, WtapEncap.ETHERNET, "eth"),
            new Binding(EthertypeDissector.NAME, EtherTypes.IPV4, Ipv4Dissector.V4_HANDLE),
            new Binding(EthertypeDissector.NAME, EtherTypes.IPV6, "ipv6"),
            new Binding(Ipv4Dissector.PROTO_TABLE, IP_PROTO_UDP, "udp"));

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
        int have = Math.min(f.length, capturedLength);
        if (run.transportPayloadWanted() || WtapEncap.fromLinkType(linkType) != WtapEncap.ETHERNET
                || have < ETHERNET_HEADER + IPV4_HEADER + UDP_HEADER) {
            return Outcome.DECLINED;
        }
        int etherType = u16(f, 12);
        int ip = ETHERNET_HEADER;
        int udp;
        if (etherType == EtherTypes.IPV4) {
            if ((f[ip] & 0xff) != 0x45 || (u16(f, ip + 6) & FRAGMENT_BITS) != 0 || (f[ip + 9] & 0xff) != IP_PROTO_UDP) {
                return Outcome.DECLINED;
            }
            udp = ip + IPV4_HEADER;
        } else if (etherType == EtherTypes.IPV6) {
            if ((f[ip] & 0xf0) != 0x60 || (f[ip + 6] & 0xff) != IP_PROTO_UDP
                    || have < ip + IPV6_HEADER + UDP_HEADER) {
                return Outcome.DECLINED;
            }
            udp = ip + IPV6_HEADER;
        } else {
            return Outcome.DECLINED;
        }
        return UdpDissector.toTunnel(ports, u16(f, udp), u16(f, udp + 2)) ? Outcome.DECLINED : Outcome.NO_FLOW;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
