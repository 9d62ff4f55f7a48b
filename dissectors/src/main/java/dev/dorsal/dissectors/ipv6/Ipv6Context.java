package dev.dorsal.dissectors.ipv6;

import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;

/**
 * What an IPv6 extension header needs from the IPv6 header it follows (Wireshark's ipv6_pinfo_t):
 * the IPv6 tree item its own item goes under, the payload length and hop limit. Extension headers
 * are reached through the {@code ip.proto} table, which carries no arguments, so the dissector that
 * dispatches arms this per-capture slot just before and the extension header takes it on entry; a
 * call through the table from IPv4 finds it unarmed and declines.
 */
final class Ipv6Context {
    private static final Key<Ipv6Context> KEY = Key.of("ipv6.context");

    ProtoItem ipv6Item;
    int payloadLength;
    int hopLimit;
    /** Bytes of IPv6 header and extension headers so far, for the IPv6 item's length. */
    int headerLength;
    boolean afterFirstHeader;
    boolean armed;

    static Ipv6Context of(PacketInfo pinfo) {
        return pinfo.state(KEY, Ipv6Context::new);
    }

    /** Arms the slot for the next extension header. */
    void arm() {
        armed = true;
    }

    /** The armed context, disarmed, or null when none was prepared. */
    static Ipv6Context take(PacketInfo pinfo) {
        Ipv6Context c = of(pinfo);
        if (!c.armed) {
            return null;
        }
        c.armed = false;
        return c;
    }

    /** Grows the IPv6 item over an extension header of {@code length} bytes. */
    void extend(int length) {
        headerLength += length;
        if (ipv6Item != null) {
            ipv6Item.setLength(headerLength);
        }
    }
}
