package dev.dorsal.dissectors.ipv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.ip.BitLabel;
import dev.dorsal.dissectors.ip.IpProtocols;
import dev.dorsal.dissectors.ip.Reassembler;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads an IPv6 Fragment header (RFC 8200 section 4.5) and reassembles the fragments of a datagram
 * (source, destination, identification); the frame that completes it dissects the whole payload,
 * the others show "IPv6 fragment (…)" and data. IP protocol 44. Filter prefix {@code ipv6.fraghdr.}.
 *
 * <pre>
 * | next header (8) | reserved (8) | fragment offset (13) | res (2) | M (1) | identification (32) |
 * </pre>
 */
public final class Ipv6FragmentDissector extends ExtensionHeader implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Fragment Header for IPv6", "IPv6 Fragment", "ipv6.fraghdr");

    static final FieldDef NXT = nxtField("ipv6.fraghdr", "Next header");
    static final FieldDef RESERVED_OCTET = FieldDef.uint8("ipv6.fraghdr.reserved_octet", "Reserved octet").hex();
    static final FieldDef OFFSET = FieldDef.uint16("ipv6.fraghdr.offset", "Offset").mask(0xfff8);
    static final FieldDef RESERVED_BITS = FieldDef.uint16("ipv6.fraghdr.reserved_bits", "Reserved bits").mask(0x0006);
    static final FieldDef MORE = FieldDef.bool("ipv6.fraghdr.more", "More Fragments", 16, 0x0001)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef IDENT = FieldDef.uint32("ipv6.fraghdr.ident", "Identification").hex();

    static final List<FieldDef> FIELDS = List.of(NXT, RESERVED_OCTET, OFFSET, RESERVED_BITS, MORE, IDENT);

    private static final int HEADER = 8;

    public Ipv6FragmentDissector() {
        super(PROTO, NXT, null, null);
    }

    @Override
    public String name() {
        return "ipv6.fraghdr";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("ipv6.fraghdr", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        handoff(t, IpProtocols.FRAGMENT, "ipv6.fraghdr");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Ipv6Context ctx = Ipv6Context.take(pinfo);
        if (ctx == null) {
            return 0;
        }
        int nxt = tvb.u8(0);
        int word = tvb.u16(2);
        int offset = (word >>> 3) * 8;
        boolean more = (word & 1) != 0;
        long ident = tvb.u32(4);
        ProtoItem frag = ctx.ipv6Item.addProtocol(PROTO, tvb, 0, HEADER);
        Items.add(frag, NXT, tvb, 0, 1);
        Items.add(frag, RESERVED_OCTET, tvb, 1, 1);
        ProtoItem off = frag.addUint(OFFSET, tvb, 2, 2, word >>> 3);
        if (frag.tree().detailed() && off != frag) {
            off.setText(BitLabel.of(word, 0xfff8, 16) + " = Offset: " + (word >>> 3) + " (" + offset + " bytes)");
        }
        Items.add(frag, RESERVED_BITS, tvb, 2, 2);
        Items.add(frag, MORE, tvb, 2, 2);
        Items.add(frag, IDENT, tvb, 4, 4);
        ctx.extend(HEADER);

        Tvb payload = tvb.slice(HEADER);
        if (offset == 0 && !more) {
            Ipv6Dissector.nextHeader(nxt, payload, pinfo, tree, ctx, protoTable, dataHandle);
            return tvb.length();
        }
        Tvb whole = null;
        if (payload.length() >= payload.reportedLength()) {
            whole = Ipv6Dissector.reassemble(pinfo, ident, payload, offset, more, ctx.ipv6Item);
        }
        if (whole == null) {
            if (pinfo.columns().enabled()) {
                pinfo.columns().setInfo("IPv6 fragment (off=" + offset + " more=" + (more ? "y" : "n") + " ident=0x"
                        + hex8(ident) + " nxt=" + nxt + ")");
            }
            long in = Reassembler.reassembledLater(pinfo, Ipv6Dissector.FRAGMENT_FIELDS);
            if (in != 0) {
                ProtoItem item = ctx.ipv6Item.addUint(Ipv6Dissector.REASSEMBLED_IN, tvb, 0, 0, in);
                if (item != ctx.ipv6Item) {
                    item.setGenerated();
                }
            }
            pinfo.call(dataHandle, payload, tree);
            return tvb.length();
        }
        Ipv6Dissector.nextHeader(nxt, whole, pinfo, tree, ctx, protoTable, dataHandle);
        return tvb.length();
    }

    private static String hex8(long v) {
        String s = Long.toHexString(v);
        return "00000000".substring(Math.min(8, s.length())) + s;
    }
}
