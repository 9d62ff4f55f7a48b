package dev.dorsal.engine.stats;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the top-level layers of a packet tree (the children of the root: frame, eth, ip, tcp, …) and
 * the values taps take from them. Taps count top-level layers only: a protocol nested inside another
 * one's subtree, such as the IP header quoted in an ICMP error, is not a layer of the packet, as in
 * tshark, whose taps ignore headers inside error packets.
 */
final class Layers {
    private Layers() {}

    /** A transport or network layer with the IP addresses in force when it was dissected. */
    record Hop(ProtoItem node, Address src, Address dst) {}

    /** Calls {@code visitor} for every complete top-level node named {@code proto}, in packet order. */
    static void each(DissectedPacket p, String proto, Consumer<ProtoItem> visitor) {
        ProtoItem broken = broken(p, proto);
        for (ProtoItem n = p.tree().root().firstChild(); n != null; n = n.next()) {
            FieldDef f = n.field();
            if (f != null && f.abbrev().equals(proto) && n != broken
                    && !(proto.equals("ipv6") && unreassembledFragment(n))) {
                visitor.accept(n);
            }
        }
    }

    /** Fields read by {@link #unreassembledFragment} and {@link #finalDestination}. */
    static final java.util.Set<String> IPV6_EXTRAS = java.util.Set.of("ipv6.fraghdr.offset", "ipv6.fraghdr.more",
            "ipv6.fragments", "ipv6.fragment.count", "ipv6.routing.segleft", "ipv6.routing.type",
            "ipv6.routing.src.addr", "ipv6.routing.mipv6.home_address", "ipv6.routing.srh.addr");

    /**
     * True for an IPv6 header carrying a fragment that was not reassembled here (not the last one):
     * tshark hands an IPv6 header to its taps only once it reaches the upper-layer payload.
     */
    static boolean unreassembledFragment(ProtoItem ipv6) {
        ProtoItem offset = find(ipv6, "ipv6.fraghdr.offset");
        if (offset == null) {
            return false;
        }
        ProtoItem more = find(ipv6, "ipv6.fraghdr.more");
        boolean fragment = offset.num() != 0 || (more != null && more.num() != 0);
        return fragment && find(ipv6, "ipv6.fragments") == null && find(ipv6, "ipv6.fragment.count") == null;
    }

    /**
     * The destination transport layers see above an IPv6 header: the header's, or with a routing
     * header that has segments left, the final hop it names (the last source-route address, the
     * mobile home address, or the first segment-routing address), as tshark's pinfo->dst.
     */
    static Address finalDestination(ProtoItem ipv6, Address headerDst) {
        if (Layers.num(ipv6, "ipv6.routing.segleft", 0) == 0) {
            return headerDst;
        }
        ProtoItem hop = switch ((int) Layers.num(ipv6, "ipv6.routing.type", -1)) {
            case 0 -> last(ipv6, "ipv6.routing.src.addr");
            case 2 -> find(ipv6, "ipv6.routing.mipv6.home_address");
            case 4 -> find(ipv6, "ipv6.routing.srh.addr");
            default -> null;
        };
        return hop == null ? headerDst : new Address(Address.Type.IPv6, hop.bytesValue());
    }

    private static ProtoItem last(ProtoItem top, String abbrev) {
        ProtoItem found = null;
        for (ProtoItem n = top.firstChild(); n != null; n = FieldValues.nextInOrder(top, n)) {
            if (n.field() != null && n.field().abbrev().equals(abbrev)) {
                found = n;
            }
        }
        return found;
    }

    /**
     * The layer of {@code proto} whose own dissection ended in an exception (malformed or cut short),
     * or null. tshark hands a layer to its taps only once its header is dissected, so such a layer is
     * not counted. It is the last {@code proto} node when the packet's layer list has the malformed
     * (or short) marker right after {@code proto}.
     */
    static ProtoItem broken(DissectedPacket p, String proto) {
        if (!p.malformed()) {
            return null;
        }
        List<String> layers = p.layers();
        boolean brokeHere = false;
        for (int i = 1; i < layers.size(); i++) {
            String l = layers.get(i);
            if ((l.equals("_ws.malformed") || l.equals("_ws.short")) && layers.get(i - 1).equals(proto)) {
                brokeHere = true;
            }
        }
        if (!brokeHere) {
            return null;
        }
        ProtoItem last = null;
        for (ProtoItem n = p.tree().root().firstChild(); n != null; n = n.next()) {
            if (n.field() != null && n.field().abbrev().equals(proto)) {
                last = n;
            }
        }
        return last;
    }

    /**
     * Calls {@code visitor} for every top-level {@code proto} node (tcp, udp) with the source and
     * destination of the closest ip or ipv6 layer before it; layers without one are skipped.
     */
    static void eachOverIp(DissectedPacket p, String proto, Consumer<Hop> visitor) {
        ProtoItem broken = broken(p, proto);
        Address src = null;
        Address dst = null;
        for (ProtoItem n = p.tree().root().firstChild(); n != null; n = n.next()) {
            FieldDef f = n.field();
            if (f == null) {
                continue;
            }
            String name = f.abbrev();
            if (name.equals("ip") || name.equals("ipv6")) {
                Address[] a = addresses(n, name);
                if (a != null) {
                    src = a[0];
                    dst = name.equals("ipv6") ? finalDestination(n, a[1]) : a[1];
                }
            } else if (name.equals(proto) && src != null && n != broken) {
                visitor.accept(new Hop(n, src, dst));
            }
        }
    }

    /** Source and destination of an ip, ipv6 or eth layer node, or null when either is missing. */
    static Address[] addresses(ProtoItem layer, String proto) {
        ProtoItem s = find(layer, proto + ".src");
        ProtoItem d = find(layer, proto + ".dst");
        if (s == null || d == null) {
            return null;
        }
        return new Address[] {address(s, proto), address(d, proto)};
    }

    private static Address address(ProtoItem item, String proto) {
        return switch (proto) {
            case "ip" -> Address.ipv4(item.num());
            case "eth" -> Address.ether(item.num());
            default -> new Address(Address.Type.IPv6, item.bytesValue());
        };
    }

    /** The first node named {@code abbrev} below {@code top} (depth first), or null. */
    static ProtoItem find(ProtoItem top, String abbrev) {
        for (ProtoItem n = top.firstChild(); n != null; n = FieldValues.nextInOrder(top, n)) {
            FieldDef f = n.field();
            if (f != null && f.abbrev().equals(abbrev)) {
                return n;
            }
        }
        return null;
    }

    /** The integer value of the first {@code abbrev} below {@code top}, or {@code missing}. */
    static long num(ProtoItem top, String abbrev, long missing) {
        ProtoItem n = find(top, abbrev);
        return n == null ? missing : n.num();
    }
}
