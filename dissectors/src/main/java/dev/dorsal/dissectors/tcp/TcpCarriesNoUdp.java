package dev.dorsal.dissectors.tcp;

import dev.dorsal.dissectors.ip.PlainIpFrame;
import dev.dorsal.engine.spi.FlowShortcut;
import java.util.List;

/**
 * TCP's part of UDP's {@link FlowShortcut}: in a run that does not dissect transport payloads and
 * reads nothing of TCP, the TCP dissector stops after the ports and hands nothing on, so a segment
 * in a plain Ethernet/IP frame (see {@link PlainIpFrame}) carries no UDP flow.
 */
final class TcpCarriesNoUdp implements FlowShortcut {
    private static final int TCP_MIN_HEADER = 20;
    private static final int IP_PROTO_TCP = 6;
    private static final List<Binding> ASSUMES = PlainIpFrame.assumes(IP_PROTO_TCP, "tcp");

    @Override
    public List<Binding> assumes() {
        return ASSUMES;
    }

    @Override
    public Outcome flow(byte[] f, int capturedLength, int linkType, int reportedLength, long number,
            long timestampNanos, Run run, Flow out) {
        return !run.transportPayloadWanted()
                && PlainIpFrame.transport(f, Math.min(f.length, capturedLength), linkType, IP_PROTO_TCP, TCP_MIN_HEADER) >= 0
                ? Outcome.NO_FLOW : Outcome.DECLINED;
    }
}
