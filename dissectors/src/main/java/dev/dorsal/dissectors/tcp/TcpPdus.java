package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.Dissector;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Splits TCP payload into length-prefixed PDUs for a protocol above TCP, asking TCP for more data
 * when a PDU is cut (Wireshark's tcp_dissect_pdus): DNS over TCP, the TLS record layer and their like
 * need no loop of their own.
 *
 * <pre>{@code
 * return TcpPdus.dissect(tvb, pinfo, tree, true, 2, (t, off, p) -> t.u16(off) + 2, this::dissectMessage);
 * }</pre>
 *
 * <p>Each PDU found adds {@code [PDU Size: N]} ({@code tcp.pdu.size}) to the TCP tree of the packet,
 * as tshark does.
 */
public final class TcpPdus {
    /** The TCP tree of the packet being dissected, for the PDU sizes written on TCP's behalf. */
    static final Key<ProtoItem> TCP_TREE = Key.of("tcp.tree");
    /** The {@code tcp.stream} index of the segment being dissected. */
    static final Key<Long> STREAM = Key.of("tcp.stream.index");
    /** The port whose {@code tcp.port} entry called the protocol above (Wireshark's match_uint). */
    static final Key<Integer> MATCHED_PORT = Key.of("tcp.port.matched");

    /** Length of the PDU starting at {@code offset}, header included; 0 when more bytes are needed to tell. */
    @FunctionalInterface
    public interface PduLength {
        int length(Tvb tvb, int offset, PacketInfo pinfo);
    }

    private TcpPdus() {}

    /** The {@code tcp.stream} index of the segment whose payload is being dissected, or -1 outside TCP. */
    public static long stream(PacketInfo pinfo) {
        Long s = pinfo.get(STREAM);
        return s == null ? -1 : s;
    }

    /**
     * The port under which the {@code tcp.port} table called the protocol being dissected (the server
     * port learned from the SYN, else the lower port, else the higher, or a Decode-As port), or -1
     * when the protocol was not called through that table. A protocol tells the sides apart with it
     * as tshark does with {@code pinfo->match_uint}: the side sending from that port is the server.
     */
    public static int matchedPort(PacketInfo pinfo) {
        Integer p = pinfo.get(MATCHED_PORT);
        return p == null ? -1 : p;
    }

    /**
     * Dissects every whole PDU of {@code tvb} with {@code pdu}; for a PDU cut at the end, asks TCP for
     * the missing bytes (when {@code reassemble} and TCP can desegment) and stops. {@code fixedLength}
     * is how many bytes {@code length} needs to read. Returns the bytes handled (all of them).
     */
    public static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree, boolean reassemble, int fixedLength,
            PduLength length, Dissector pdu) {
        boolean desegment = reassemble && pinfo.canDesegment();
        int offset = 0;
        while (tvb.reportedLength() - offset > 0) {
            int captured = tvb.remaining(offset);
            if (captured <= 0) {
                tvb.u8(offset); // beyond the captured bytes: the usual bounds exception
            }
            if (desegment && captured < fixedLength) {
                pinfo.setDesegment(offset, PacketInfo.ONE_MORE_SEGMENT);
                return tvb.length();
            }
            int plen = length.length(tvb, offset, pinfo);
            if (plen == 0) {
                if (!desegment) {
                    throw new MalformedException("PDU length unknown and TCP cannot reassemble");
                }
                pinfo.setDesegment(offset, PacketInfo.ONE_MORE_SEGMENT);
                return tvb.length();
            }
            if (plen < fixedLength) {
                throw new MalformedException("PDU length " + plen + " shorter than its header " + fixedLength);
            }
            if (desegment && captured < plen) {
                pinfo.setDesegment(offset, plen - captured);
                return tvb.length();
            }
            ProtoItem tcp = pinfo.get(TCP_TREE);
            if (tcp != null) {
                TcpAnalysis.generated(tcp, tcp.addUint(TcpReassembly.PDU_SIZE, tvb, offset, plen, plen));
            }
            // A PDU longer than what is left (no reassembly) gets the bytes there are.
            pdu.dissect(tvb.slice(offset, Math.min(plen, tvb.reportedLength() - offset)), pinfo, tree);
            int before = offset;
            offset += plen;
            if (offset <= before) {
                break;
            }
        }
        return tvb.length();
    }
}
