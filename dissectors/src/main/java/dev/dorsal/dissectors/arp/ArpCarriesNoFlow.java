package dev.dorsal.dissectors.arp;

import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.frame.FrameDissector;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.engine.spi.FlowShortcut;
import java.util.List;

/**
 * ARP's part of a transport's {@link FlowShortcut}: an Ethernet II frame with the ARP EtherType goes
 * to the ARP dissector, which hands nothing on, so it carries no flow of any transport. A run that
 * reads only TCP flows (-z conv,tcp) takes it without dissecting it.
 */
final class ArpCarriesNoFlow implements FlowShortcut {
    private static final int ETHERNET_HEADER = 14;

    private static final List<Binding> ASSUMES = List.of(
            new Binding(FrameDissector.ENCAP_TABLE, WtapEncap.ETHERNET, "eth"),
            new Binding(EthertypeDissector.NAME, EtherTypes.ARP, "arp"));

    @Override
    public List<Binding> assumes() {
        return ASSUMES;
    }

    @Override
    public Outcome flow(byte[] f, int capturedLength, int linkType, int reportedLength, long number,
            long timestampNanos, Run run, Flow out) {
        if (WtapEncap.fromLinkType(linkType) != WtapEncap.ETHERNET || Math.min(f.length, capturedLength) < ETHERNET_HEADER
                || (((f[12] & 0xff) << 8) | (f[13] & 0xff)) != EtherTypes.ARP) {
            return Outcome.DECLINED;
        }
        return Outcome.NO_FLOW;
    }
}
