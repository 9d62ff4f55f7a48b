package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the Domain Name System dissector (RFC 1035; filter prefix {@code dns}): handles
 * {@code dns} (a message per UDP datagram) and {@code dns.tcp} (length-prefixed messages over TCP),
 * bound to UDP port 53, TCP ports 53 and 5353, and the {@code udp} heuristic list ({@link DnsHeuristic}).
 */
public final class DnsProvider implements DissectorProvider {
    private DissectorHandle udpHandle;
    private DissectorHandle tcpHandle;
    private DissectorHandle mdnsHandle;
    private DissectorHandle llmnrHandle;

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(DnsDissector.PROTO);
        r.protocol(DnsDissector.MDNS);
        r.protocol(DnsDissector.LLMNR);
        List<FieldDef> fields = new ArrayList<>();
        fields.addAll(DnsDissector.FIELDS);
        fields.addAll(DnsRecords.FIELDS);
        fields.addAll(DnsSecRecords.FIELDS);
        fields.addAll(DnsOtherRecords.FIELDS);
        fields.addAll(DnsOpt.FIELDS);
        fields.addAll(DnsSvcb.FIELDS);
        fields.addAll(DnsCaa.FIELDS);
        fields.addAll(DnsTransactions.FIELDS);
        r.fields(DnsDissector.PROTO, fields);
        List<ExpertDef> experts = new ArrayList<>(DnsRecords.EXPERTS);
        experts.add(DnsTransactions.RETRANSMIT_REQUEST);
        experts.add(DnsTransactions.RETRANSMIT_RESPONSE);
        r.experts(DnsDissector.PROTO, experts);
        udpHandle = r.handle("dns", DnsDissector.PROTO, DnsProvider::dissectUdp);
        tcpHandle = r.handle("dns.tcp", DnsDissector.PROTO, DnsTcp::dissect);
        mdnsHandle = r.handle("mdns", DnsDissector.MDNS, (tvb, pinfo, tree) -> DnsDissector.dissect(tvb, 0, pinfo, tree, true));
        llmnrHandle = r.handle("llmnr", DnsDissector.LLMNR,
                (tvb, pinfo, tree) -> DnsDissector.dissect(tvb, 0, pinfo, tree, DnsDissector.LLMNR));
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(53, udpHandle);
        t.table("tcp.port").add(53, tcpHandle);
        t.table("tcp.port").add(5353, tcpHandle);
        t.table("udp.port").add(5353, mdnsHandle);
        t.table("udp.port").add(5355, llmnrHandle);
        t.heuristics("udp").add("dns", DnsDissector.PROTO, DnsHeuristic::dissect, true);
    }

    private static int dissectUdp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return DnsDissector.dissect(tvb, 0, pinfo, tree);
    }
}
