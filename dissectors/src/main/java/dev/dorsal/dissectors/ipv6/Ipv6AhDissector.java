package dev.dorsal.dissectors.ipv6;

import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.ip.ErrorPacket;
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
 * Reads an IP Authentication Header (RFC 4302, IP protocol 51): after IPv6 inside the IPv6 tree, after
 * IPv4 as a protocol of its own, as tshark shows it, and continues with its next header (OSPFv3 sends
 * its packets so protected). The integrity check value is shown, not verified.
 * Filter prefix {@code ah.}.
 *
 * <pre>
 * | next header (8) | payload len (8, 4-byte units - 2) | reserved (16) | SPI (32) | sequence (32) | ICV |
 * </pre>
 */
public final class Ipv6AhDissector extends ExtensionHeader implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Authentication Header", "AH", "ah");

    static final FieldDef NXT = FieldDef.uint8("ah.next_header", "Next header").vals(IpProtocols.NAMES);
    static final FieldDef LEN = FieldDef.uint8("ah.length", "Length");
    static final FieldDef RESERVED = FieldDef.bytes("ah.reserved", "Reserved");
    static final FieldDef SPI = FieldDef.uint32("ah.spi", "AH SPI").hex()
            .blurb("IP Authentication Header Security Parameters Index");
    static final FieldDef SEQUENCE = FieldDef.uint32("ah.sequence", "AH Sequence")
            .blurb("IP Authentication Header Sequence Number");
    static final FieldDef ICV = FieldDef.bytes("ah.icv", "AH ICV")
            .blurb("IP Authentication Header Integrity Check Value");

    static final List<FieldDef> FIELDS = List.of(NXT, LEN, RESERVED, SPI, SEQUENCE, ICV);

    private static final int FIXED = 12;

    public Ipv6AhDissector() {
        super(PROTO, NXT, LEN, null);
    }

    @Override
    public String name() {
        return "ah";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("ah", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        handoff(t, 51, "ah");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Ipv6Context ctx = Ipv6Context.take(pinfo);
        int plen = tvb.u8(1);
        int length = (plen + 2) * 4;
        // after IPv6 inside its tree, after IPv4 a protocol of its own
        ProtoItem ah = (ctx == null ? tree : ctx.ipv6Item).addProtocol(PROTO, tvb, 0, length);
        ah.add(NXT, tvb, 0, 1);
        ProtoItem l = ah.add(LEN, tvb, 1, 1);
        if (l != ah) {
            l.setText("Length: " + plen + " (" + length + " bytes)");
        }
        ah.add(RESERVED, tvb, 2, 2);
        ah.add(SPI, tvb, 4, 4);
        ah.add(SEQUENCE, tvb, 8, 4);
        if (length > FIXED) {
            ah.add(ICV, tvb, FIXED, length - FIXED);
        }
        if (ctx != null) {
            next(tvb, length, pinfo, tree, ctx);
            return tvb.length();
        }
        Tvb payload = tvb.slice(length);
        int used = Dispatch.tryDissect(protoTable, tvb.u8(0), payload, pinfo, tree, ErrorPacket.inside(pinfo));
        if (used == Dispatch.DECLINED && payload.reportedLength() > 0) {
            pinfo.call(dataHandle, payload, tree);
        }
        return tvb.length();
    }
}
