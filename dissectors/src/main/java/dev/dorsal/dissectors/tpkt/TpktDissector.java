package dev.dorsal.dissectors.tpkt;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
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
 * Reads TPKT (RFC 1006, ISO transport over TCP) on TCP port 102: the 4-byte header of each packet in
 * a segment, then hands the rest to COTP. A packet cut at the end of a segment is reassembled through
 * TCP; bytes that do not start with version 3 are shown as continuation data. Filter prefix
 * {@code tpkt.}.
 *
 * <pre>
 * | version = 3 (1) | reserved (1) | length, header included (2) | X.224 TPDU (length - 4) |
 * </pre>
 */
public final class TpktDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("TPKT - ISO on TCP - RFC1006", "TPKT", "tpkt");
    static final int PORT = 102;
    static final int HEADER = 4;
    private static final int VERSION_3 = 3;

    static final FieldDef VERSION = FieldDef.uint8("tpkt.version", "Version")
            .blurb("Version, only version 3 is defined");
    static final FieldDef RESERVED = FieldDef.uint8("tpkt.reserved", "Reserved").blurb("Reserved, should be 0");
    static final FieldDef LENGTH = FieldDef.uint16("tpkt.length", "Length")
            .blurb("Length of data unit, including this header");
    static final FieldDef CONTINUATION = FieldDef.bytes("tpkt.continuation_data", "Continuation data");

    static final List<FieldDef> FIELDS = List.of(VERSION, RESERVED, LENGTH, CONTINUATION);

    private static DissectorHandle cotp;
    private static DissectorHandle data;

    @Override
    public String name() {
        return "tpkt";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("tpkt", PROTO, TpktDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(PORT, t.handle("tpkt"));
        cotp = t.handle("cotp");
        data = t.handle("data");
    }

    /** Walks the TPKT packets of a segment; each one clears the Info column, as in tshark. */
    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        boolean desegment = pinfo.canDesegment();
        int off = 0;
        int total = tvb.reportedLength();
        while (off < total) {
            if (tvb.u8(off) != VERSION_3) {
                cols.setProtocol("TPKT");
                cols.setInfo("Continuation");
                ProtoItem t = tree.addProtocol(PROTO, tvb, off, -1);
                t.add(CONTINUATION, tvb, off, tvb.length() - off);
                return tvb.length();
            }
            int captured = tvb.length() - off;
            if (desegment && captured < HEADER) {
                pinfo.setDesegment(off, PacketInfo.ONE_MORE_SEGMENT);
                return tvb.length();
            }
            int length = tvb.u16(off + 2);
            if (desegment && captured < length) {
                pinfo.setDesegment(off, length - captured);
                return tvb.length();
            }
            cols.setProtocol("TPKT");
            cols.clearInfo();
            int pdu = Math.max(Math.min(length, total - off), HEADER);
            ProtoItem t = tree.addProtocol(PROTO, tvb, off, Math.min(pdu, captured),
                    "TPKT, Version: " + VERSION_3 + ", Length: " + length);
            t.add(VERSION, tvb, off, 1);
            t.add(RESERVED, tvb, off + 1, 1);
            t.add(LENGTH, tvb, off + 2, 2);
            if (length > HEADER) {
                Tvb next = tvb.slice(off + HEADER, Math.min(length, total - off) - HEADER);
                if (pinfo.call(cotp, next, tree) == 0) {
                    pinfo.call(data, next, tree);
                }
            }
            if (length > captured) {
                tvb.bytes(off, length); // a packet cut by the snap length: TPKT's own "truncated" mark, as in tshark
            }
            off += Math.max(length, HEADER);
        }
        return tvb.length();
    }
}
