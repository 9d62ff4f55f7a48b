package dev.dorsal.dissectors.ipv6;

import dev.dorsal.dissectors.ip.IpProtocols;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads an IPv6 Hop-by-Hop Options header (RFC 8200 section 4.3) inside the IPv6 tree and continues
 * with its next header. IP protocol 0. Filter prefix {@code ipv6.hopopts.}; the options themselves
 * are {@code ipv6.opt.*}.
 *
 * <pre>
 * | next header (8) | length (8) | options … (padded to a multiple of 8 bytes) |
 * </pre>
 */
public final class Ipv6HopOptsDissector extends ExtensionHeader implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("IPv6 Hop-by-Hop Option", "IPv6 Hop-by-Hop",
            "ipv6.hopopts");

    static final FieldDef NXT = nxtField("ipv6.hopopts", "Next Header");
    static final FieldDef LEN = FieldDef.uint8("ipv6.hopopts.len", "Length");
    static final FieldDef LEN_OCT = FieldDef.uint16("ipv6.hopopts.len_oct", "Length");

    static final List<FieldDef> FIELDS = List.of(NXT, LEN, LEN_OCT);

    public Ipv6HopOptsDissector() {
        super(PROTO, NXT, LEN, LEN_OCT);
    }

    @Override
    public String name() {
        return "ipv6.hopopts";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("ipv6.hopopts", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        handoff(t, IpProtocols.HOPOPTS, "ipv6.hopopts");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Ipv6Context ctx = Ipv6Context.take(pinfo);
        if (ctx == null) {
            return 0;
        }
        info(pinfo, "IPv6 hop-by-hop options");
        ProtoItem[] item = new ProtoItem[1];
        int length = start(tvb, item, ctx, null);
        Ipv6Options.dissect(tvb, 2, length, item[0], ctx);
        next(tvb, length, pinfo, tree, ctx);
        return tvb.length();
    }
}
