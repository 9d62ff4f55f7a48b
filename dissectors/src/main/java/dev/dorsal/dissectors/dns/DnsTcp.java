package dev.dorsal.dissectors.dns;

import dev.dorsal.dissectors.tcp.TcpPdus;
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
        // TCP's PDU loop (tshark's tcp_dissect_pdus): it asks for the missing bytes of a split message
        // and writes [PDU Size: N] into the TCP tree for each message, as tshark shows.
        return TcpPdus.dissect(tvb, pinfo, tree, true, 2, (t, off, p) -> t.u16(off) + 2,
                (pdu, p, t) -> p.call(PDU, pdu, t));
    }
}
