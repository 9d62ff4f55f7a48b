package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Splits a TCP payload into DNS messages, each prefixed by its 2-byte length (RFC 1035 §4.2.2), and
 * dissects every complete one. An incomplete message at the end is asked for through TCP's
 * desegmentation contract: {@code setDesegment(start, missing)} (or one more segment when not even
 * the length is there), and TCP calls again with the reassembled bytes.
 *
 * <pre>
 *   | len=26 | 26-byte message | len=24 | 24-byte message | len=46 | 10 bytes… (ask for 36 more)
 * </pre>
 *
 * <p>Each message is dissected through a protocol-less handle, so a malformed one is marked
 * {@code [Malformed Packet: DNS]} and the next one is still read, and {@code dns} appears once in
 * the frame's protocols.
 */
final class DnsTcp {
    private static final DissectorHandle PDU = new DissectorHandle("dns.tcp.pdu", null,
            (tvb, pinfo, tree) -> DnsDissector.dissect(tvb, 2, pinfo, tree));

    private DnsTcp() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int off = 0;
        int reported = tvb.reportedLength();
        while (off < reported) {
            int captured = tvb.remaining(off);
            if (captured < 2 && pinfo.canDesegment()) {
                pinfo.setDesegment(off, PacketInfo.ONE_MORE_SEGMENT);
                return tvb.length();
            }
            int pduLen = tvb.u16(off) + 2;
            if (captured < pduLen && pinfo.canDesegment()) {
                pinfo.setDesegment(off, pduLen - captured);
                return tvb.length();
            }
            Tvb pdu = pduLen <= reported - off ? tvb.slice(off, pduLen) : tvb.slice(off).withReportedLength(pduLen);
            pinfo.call(PDU, pdu, tree);
            off += pduLen;
        }
        return tvb.length();
    }
}
