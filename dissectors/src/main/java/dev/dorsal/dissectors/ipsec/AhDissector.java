package dev.dorsal.dissectors.ipsec;

import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.ip.ErrorPacket;
import dev.dorsal.dissectors.ip.IpProtocols;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.dissectors.ipv6.Ipv6Extensions;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.Locale;

/**
 * Reads the IP Authentication Header (RFC 4302, IP protocol 51) and hands what it protects to the
 * {@code ip.proto} table by its next header, as tshark does: after IPv4 as a protocol of its own,
 * after IPv6 inside the IPv6 tree like the other extension headers. Filter prefix {@code ah.}.
 *
 * <pre>
 * | next header (8) | payload length (8), in 32-bit words minus 2 | reserved (16) |
 * | SPI (32) | sequence number (32) | ICV … |
 * </pre>
 */
public final class AhDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Authentication Header", "AH", "ah");
    static final String HANDLE = "ah";
    static final int IP_PROTO = 51;

    static final FieldDef NEXT_HEADER = FieldDef.uint8("ah.next_header", "Next header").vals(IpProtocols.NAMES);
    static final FieldDef LENGTH = FieldDef.uint8("ah.length", "Length");
    static final FieldDef RESERVED = FieldDef.bytes("ah.reserved", "Reserved");
    static final FieldDef SPI = FieldDef.uint32("ah.spi", "AH SPI").hex()
            .blurb("IP Authentication Header Security Parameters Index");
    static final FieldDef SEQUENCE = FieldDef.uint32("ah.sequence", "AH Sequence")
            .blurb("IP Authentication Header Sequence Number");
    static final FieldDef ICV = FieldDef.bytes("ah.icv", "AH ICV")
            .blurb("IP Authentication Header Integrity Check Value");

    static final List<FieldDef> FIELDS = List.of(NEXT_HEADER, LENGTH, RESERVED, SPI, ICV, SEQUENCE);

    /** Bytes before the ICV. */
    static final int FIXED = 12;

    private DissectorTable protoTable;
    private DissectorHandle dataHandle;

    @Override
    public String name() {
        return "ah";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle(HANDLE, PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        protoTable = t.table(Ipv4Dissector.PROTO_TABLE);
        dataHandle = t.handle("data");
        protoTable.add(IP_PROTO, t.handle(HANDLE));
    }

    /** The header's length in bytes from its length field (RFC 4302 section 2.2). */
    static int headerLength(int lengthField) {
        return (lengthField + 2) * 4;
    }

    /** The ICV's length in bytes: what the header holds after its fixed 12 bytes, none when it holds less. */
    static int icvLength(int lengthField) {
        return lengthField == 0 ? 0 : (lengthField - 1) * 4;
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Ipv6Extensions.Outer outer = Ipv6Extensions.take(pinfo);
        Columns cols = pinfo.columns();
        cols.setProtocol("AH");
        cols.clearInfo();
        int nxt = tvb.u8(0);
        int lengthField = tvb.u8(1);
        int headerLength = headerLength(lengthField);
        ProtoItem parent = outer == null ? tree : outer.item();
        ProtoItem ah = parent.addProtocol(PROTO, tvb, 0, Math.min(headerLength, tvb.length()));
        ah.add(NEXT_HEADER, tvb, 0, 1);
        ProtoItem len = ah.add(LENGTH, tvb, 1, 1);
        if (len != ah && len.tree().detailed()) {
            len.appendText(" (" + headerLength + " bytes)");
        }
        ah.add(RESERVED, tvb, 2, 2);
        ah.add(SPI, tvb, 4, 4);
        long spi = tvb.u32(4) & 0xffffffffL;
        if (cols.enabled()) {
            cols.setInfo(String.format(Locale.ROOT, "AH (SPI=0x%08x)", spi));
        }
        ah.add(SEQUENCE, tvb, 8, 4);
        ah.add(ICV, tvb, FIXED, icvLength(lengthField));
        if (outer != null) {
            Ipv6Extensions.next(outer, nxt, tvb, headerLength, pinfo, tree, protoTable, dataHandle);
            return tvb.length();
        }
        Tvb next = tvb.slice(headerLength);
        Ipv4Dissector.forgetTtl(pinfo); // tshark passes the next header no IP header
        if (Dispatch.tryDissect(protoTable, nxt, next, pinfo, tree, ErrorPacket.inside(pinfo)) == Dispatch.DECLINED
                && next.reportedLength() > 0) {
            pinfo.call(dataHandle, next, tree);
        }
        return tvb.length();
    }
}
