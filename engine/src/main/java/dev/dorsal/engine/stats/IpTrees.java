package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The IPv4 and IPv6 stats trees, counted once per IP header the packet carries (a tunnel's inner
 * header too, not one quoted by an ICMP error): {@code ip_hosts,tree} / {@code ipv6_hosts,tree}
 * ("All Addresses": each header counts its source and its destination), {@code ip_srcdst,tree} /
 * {@code ipv6_srcdst,tree} (sources and destinations apart), {@code ptype,tree} /
 * {@code ipv6_ptype,tree} (by the packet's transport: TCP, UDP, or NONE) and {@code dests,tree} /
 * {@code ipv6_dests,tree} (by destination, transport and destination port, 0 without one).
 */
final class IpTrees {
    private IpTrees() {}

    /** Which statistic of the family. */
    enum Kind { HOSTS, SRCDST, PTYPE, DESTS }

    /** The tap for {@code kind} over {@code proto} ("ip" or "ipv6"). */
    static StatsTreeTap of(Kind kind, String proto, TapFilter filter) {
        boolean v6 = proto.equals("ipv6");
        String family = v6 ? "IPv6" : "IPv4";
        Set<String> fields = new HashSet<>(Set.of(proto, proto + ".src", proto + ".dst"));
        if (v6) {
            fields.addAll(Layers.IPV6_EXTRAS);
        }
        return switch (kind) {
            case HOSTS -> new Hosts(family, proto, filter, fields);
            case SRCDST -> new SrcDst(family, proto, filter, fields);
            case PTYPE -> {
                fields.addAll(Set.of("tcp", "udp", "udp.length"));
                yield new PortTypes(family, proto, filter, fields);
            }
            case DESTS -> {
                fields.addAll(Set.of("tcp", "udp", "udp.length", "tcp.dstport", "udp.dstport"));
                yield new Destinations(family, proto, filter, fields);
            }
        };
    }

    /** Called once per IP header with the packet's network source and destination. */
    interface HeaderVisitor {
        void header(Address src, Address dst);
    }

    /**
     * Calls {@code visitor} once per {@code proto} header of {@code p}, always with the packet's
     * final network addresses (an IPv4 header carrying IPv6 counts the IPv6 addresses, as tshark's
     * trees read them after the whole packet is dissected). An IPv6 packet whose extension headers
     * are malformed is not counted: tshark reports IPv6 to its taps only past them.
     */
    static void headers(DissectedPacket p, String proto, HeaderVisitor visitor) {
        if (proto.equals("ipv6") && brokenExtension(p)) {
            return;
        }
        Layers.each(p, proto, node -> {
            if (Layers.addresses(node, proto) != null) {
                visitor.header(p.netSrc(), p.netDst());
            }
        });
    }

    private static boolean brokenExtension(DissectedPacket p) {
        if (!p.malformed()) {
            return false;
        }
        List<String> layers = p.layers();
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).equals("_ws.malformed") && layers.get(i - 1).startsWith("ipv6.")) {
                return true;
            }
        }
        return false;
    }

    private static final class Hosts extends StatsTreeTap {
        private final String proto;
        private final StatsTree.Node root;

        Hosts(String family, String proto, TapFilter filter, Set<String> fields) {
            super(family + " Statistics/All Addresses", filter, fields);
            this.proto = proto;
            root = tree.root("All Addresses");
        }

        @Override
        void count(DissectedPacket p) {
            headers(p, proto, (src, dst) -> {
                tree.tick(p);
                root.increment();
                inc(root.child(src.toString()));
                inc(root.child(dst.toString()));
            });
        }
    }

    private static final class SrcDst extends StatsTreeTap {
        private final String proto;
        private final StatsTree.Node sources;
        private final StatsTree.Node destinations;

        SrcDst(String family, String proto, TapFilter filter, Set<String> fields) {
            super(family + " Statistics/Source and Destination Addresses", filter, fields);
            this.proto = proto;
            sources = tree.root("Source " + family + " Addresses");
            destinations = tree.root("Destination " + family + " Addresses");
        }

        @Override
        void count(DissectedPacket p) {
            headers(p, proto, (src, dst) -> {
                tree.tick(p);
                inc(sources.increment().child(src.toString()));
                inc(destinations.increment().child(dst.toString()));
            });
        }
    }

    private static final class PortTypes extends StatsTreeTap {
        private final String proto;
        private final StatsTree.Node root;

        PortTypes(String family, String proto, TapFilter filter, Set<String> fields) {
            super(family + " Statistics/IP Protocol Types", filter, fields);
            this.proto = proto;
            root = tree.root("IP Protocol Types");
        }

        @Override
        void count(DissectedPacket p) {
            String type = portType(transport(p));
            headers(p, proto, (src, dst) -> {
                tree.tick(p);
                inc(root.increment().child(type));
            });
        }
    }

    /** {@code dests,tree}: by destination address, then port type, then destination port. */
    private static final class Destinations extends StatsTreeTap {
        private final String proto;
        private final StatsTree.Node root;

        Destinations(String family, String proto, TapFilter filter, Set<String> fields) {
            super(family + " Statistics/Destinations and Ports", filter, fields);
            this.proto = proto;
            root = tree.root("Destinations and Ports");
        }

        @Override
        void count(DissectedPacket p) {
            ProtoItem transport = transport(p);
            String type = portType(transport);
            String port = transport == null ? "0"
                    : Long.toString(Layers.num(transport, transport.field().abbrev() + ".dstport", 0));
            headers(p, proto, (src, dst) -> {
                tree.tick(p);
                StatsTree.Node host = inc(root.increment().child(dst.toString()));
                inc(child(inc(child(host, type)), port));
            });
        }
    }

    /**
     * The packet's last TCP or UDP header in tree order, which gives tshark's port type and ports: one
     * quoted by an ICMP error counts too; a UDP header with a length below 8 does not (tshark stops
     * before). Null when there is none (port type NONE).
     */
    static ProtoItem transport(DissectedPacket p) {
        ProtoItem found = null;
        ProtoItem root = p.tree().root();
        for (ProtoItem n = root.firstChild(); n != null; n = FieldValues.nextInOrder(root, n)) {
            FieldDef f = n.field();
            if (f != null && (f.abbrev().equals("tcp")
                    || f.abbrev().equals("udp") && Layers.num(n, "udp.length", 8) >= 8)) {
                found = n;
            }
        }
        return found;
    }

    static String portType(ProtoItem transport) {
        return transport == null ? "NONE" : transport.field().abbrev().toUpperCase(java.util.Locale.ROOT);
    }
}
