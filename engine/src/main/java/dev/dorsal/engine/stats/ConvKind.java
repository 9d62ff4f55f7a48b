package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.Set;

/**
 * The layers conversation and endpoint tables can be built from ({@code conv,<kind>},
 * {@code endpoints,<kind>}), and how each finds its addresses, ports and stream in a packet.
 */
enum ConvKind {
    ETH("eth", "Ethernet", false),
    IP("ip", "IPv4", false),
    IPV6("ipv6", "IPv6", false),
    TCP("tcp", "TCP", true),
    UDP("udp", "UDP", true);

    /** One packet's contribution: a layer going from src to dst (ports 0 and stream -1 when unused). */
    interface FlowSink {
        void flow(Address src, int srcPort, Address dst, int dstPort, long stream);
    }

    final String name;
    final String title;
    final boolean ports;

    /** The transport whose flow shortcut a tap of this kind may use (see {@code Tap#flowTransport}); null when none. */
    String flowTransport() {
        return this == TCP || this == UDP ? name : null;
    }
    // Field names read per packet, built once.
    private final String srcPortField;
    private final String dstPortField;
    private final String streamField;

    ConvKind(String name, String title, boolean ports) {
        this.name = name;
        this.title = title;
        this.ports = ports;
        this.srcPortField = name + ".srcport";
        this.dstPortField = name + ".dstport";
        this.streamField = name + ".stream";
    }

    static ConvKind of(String name) {
        for (ConvKind k : values()) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** Field abbreviations read by {@link #flows}. */
    Set<String> fields() {
        Set<String> s = new java.util.HashSet<>(switch (this) {
            case ETH -> Set.of("eth", "eth.src", "eth.dst");
            case IP -> Set.of("ip", "ip.src", "ip.dst");
            case IPV6 -> Set.of("ipv6", "ipv6.src", "ipv6.dst");
            case TCP, UDP -> Set.of("ip", "ip.src", "ip.dst", "ipv6", "ipv6.src", "ipv6.dst", name,
                    name + ".srcport", name + ".dstport", name + ".stream");
        });
        if (this != ETH && this != IP) {
            s.addAll(Layers.IPV6_EXTRAS);
        }
        return s;
    }

    /** Reports each top-level layer of this kind in {@code p}, in packet order. */
    void flows(DissectedPacket p, FlowSink sink) {
        switch (this) {
            case ETH, IP, IPV6 -> Layers.each(p, name, node -> {
                Address[] a = Layers.addresses(node, name);
                if (a != null) {
                    sink.flow(a[0], 0, a[1], 0, -1);
                }
            });
            case TCP, UDP -> Layers.eachOverIp(p, name, hop -> {
                ProtoItem n = hop.node();
                long sport = Layers.num(n, srcPortField, -1);
                long dport = Layers.num(n, dstPortField, -1);
                if (sport >= 0 && dport >= 0) {
                    sink.flow(hop.src(), (int) sport, hop.dst(), (int) dport, Layers.num(n, streamField, -1));
                }
            });
        }
    }

    /** An address as the tables print it: MAC names resolved (or not, with {@code -n}), IPs as numbers. */
    /** Appends {@link #text}: IPv4 addresses digit by digit, the rest as their text. */
    static void appendText(StringBuilder sb, Address a, boolean macNames) {
        if (a.type() == Address.Type.IPv4) {
            byte[] b = a.bytes();
            sb.append(b[0] & 0xff).append('.').append(b[1] & 0xff).append('.').append(b[2] & 0xff).append('.')
                    .append(b[3] & 0xff);
        } else {
            sb.append(text(a, macNames));
        }
    }

    static String text(Address a, boolean macNames) {
        return switch (a.type()) {
            case ETHER -> {
                long mac = 0;
                for (byte b : a.bytes()) {
                    mac = (mac << 8) | (b & 0xff);
                }
                yield macNames ? EtherNames.resolve(mac) : AddressFormat.ether(mac);
            }
            case IPv6 -> AddressFormat.ipv6(a.bytes());
            default -> a.toString();
        };
    }
}
