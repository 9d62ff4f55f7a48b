package dev.dorsal.dissectors.ipv6;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * For an IPv6 extension header dissected outside this package (the IPsec Authentication Header,
 * which tshark shows inside the IPv6 tree when it follows IPv6): where its item goes, and the
 * continuation with its next header as the other extension headers do it.
 */
public final class Ipv6Extensions {
    /** The IPv6 header an extension header follows. */
    public static final class Outer {
        private final Ipv6Context ctx;

        private Outer(Ipv6Context ctx) {
            this.ctx = ctx;
        }

        /** The IPv6 item the extension header's item goes under. */
        public ProtoItem item() {
            return ctx.ipv6Item;
        }
    }

    private Ipv6Extensions() {}

    /** The IPv6 header this packet's current header follows directly, or null when it follows no IPv6 header. */
    public static Outer take(PacketInfo pinfo) {
        Ipv6Context ctx = Ipv6Context.take(pinfo);
        return ctx == null || ctx.ipv6Item == null ? null : new Outer(ctx);
    }

    /**
     * Grows the IPv6 item over an extension header of {@code length} bytes and passes what follows it
     * to {@code nxt}'s dissector in {@code protoTable}, or to {@code data}.
     */
    public static void next(Outer outer, int nxt, Tvb tvb, int length, PacketInfo pinfo, ProtoItem tree,
            DissectorTable protoTable, DissectorHandle data) {
        outer.ctx.extend(length);
        Ipv6Dissector.nextHeader(nxt, tvb.slice(length), pinfo, tree, outer.ctx, protoTable, data);
    }
}
