package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.HeuristicList;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Hands TCP payload to the protocol above, in tshark 4.0's order: the dissector of an announced
 * connection ({@link TcpConversationDissectors}) first; heuristics first only when
 * {@code tcp.try_heuristic_first} is on; then the {@code tcp.port} table with the server port learned
 * from the SYN (or SYN/ACK), then the lower port, then the higher (port 0 is never looked up), then
 * the {@code tcp} heuristic list, then {@code data}.
 *
 * <p>Keep-alive payload goes straight to {@code data}. With {@code tcp.no_subdissector_on_error}
 * (default on), retransmitted or out-of-order payload goes nowhere at all (tshark 4.0.17 shows only
 * {@code TCP payload} for it): feeding it to a protocol would garble that protocol's state.
 */
final class TcpPayload {
    private final DissectorTable ports;
    private final HeuristicList heuristics;
    private final TcpPref tryHeuristicFirst;
    private final TcpPref noSubdissectorOnError;

    TcpPayload(DissectorTable ports, HeuristicList heuristics, TcpPref tryHeuristicFirst,
            TcpPref noSubdissectorOnError) {
        this.ports = ports;
        this.heuristics = heuristics;
        this.tryHeuristicFirst = tryHeuristicFirst;
        this.noSubdissectorOnError = noSubdissectorOnError;
    }

    /** Offers {@code tvb} from {@code offset} to the protocols above TCP. */
    void dispatch(Tvb tvb, int offset, PacketInfo pinfo, ProtoItem tree, TcpSegment seg) {
        Tvb next = offset == 0 ? tvb : tvb.slice(offset);
        TcpAcked ta = seg.ta;
        if (ta.has(TcpAnalysis.KEEP_ALIVE)) {
            data(next, pinfo, tree);
            return;
        }
        if (ta.has(TcpAnalysis.RETRANSMISSION | TcpAnalysis.OUT_OF_ORDER) && noSubdissectorOnError.on()) {
            return;
        }
        if (TcpConversationDissectors.ANNOUNCED.tryDissect(pinfo, seg.srcPort, seg.dstPort, next, tree)) {
            return;
        }
        boolean heuristicFirst = tryHeuristicFirst.on();
        if (heuristicFirst && heuristics.tryHeuristics(next, pinfo, tree)) {
            return;
        }
        int server = seg.conv != null ? seg.conv.serverPort : 0;
        if (server != 0 && tryPort(server, next, pinfo, tree)) {
            return;
        }
        int low = Math.min(seg.srcPort, seg.dstPort);
        int high = Math.max(seg.srcPort, seg.dstPort);
        if (low != 0 && tryPort(low, next, pinfo, tree)) {
            return;
        }
        if (high != 0 && tryPort(high, next, pinfo, tree)) {
            return;
        }
        if (!heuristicFirst && heuristics.tryHeuristics(next, pinfo, tree)) {
            return;
        }
        if (pinfo.desegmentLength() != 0) {
            // tshark asserts here too: asking for more data while refusing the bytes is a dissector bug.
            throw new IllegalStateException("a TCP subdissector declined the payload but asked for more data");
        }
        data(next, pinfo, tree);
    }

    /** Offers the payload to the {@code tcp.port} entry of {@code port}, telling the callee which port matched. */
    private boolean tryPort(int port, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (ports.lookup(port) == null) {
            return false;
        }
        pinfo.put(TcpPdus.MATCHED_PORT, port);
        return ports.tryDissect(port, tvb, pinfo, tree) > 0;
    }

    private static void data(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        DissectorHandle data = pinfo.tables().handle("data");
        if (data != null) {
            pinfo.call(data, tvb, tree);
        }
    }
}
