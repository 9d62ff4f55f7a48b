package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers SIP ({@code sip}) as tshark 4.0.17 does by default: UDP and TCP port 5060, and its
 * heuristics on UDP ({@code sip_udp}) and TCP ({@code sip_tcp}), both enabled.
 */
public final class SipProvider implements DissectorProvider {
    /** tshark 4.0.17's udp.port and tcp.port entry for SIP ({@code tshark -G decodes}). */
    static final int PORT = 5060;

    private DissectorHandle udp;
    private DissectorHandle tcp;

    @Override
    public String name() {
        return "sip";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(SipDissector.PROTO);
        List<FieldDef> fields = new ArrayList<>(SipHeaders.FIELDS);
        fields.addAll(SipFields.all());
        fields.addAll(SipImsHeaders.FIELDS);
        r.fields(SipDissector.PROTO, fields);
        r.experts(SipDissector.PROTO, SipFields.EXPERTS);
        udp = r.handle("sip", SipDissector.PROTO, SipDissector::dissectUdp);
        tcp = r.handle("sip.tcp", SipDissector.PROTO, SipDissector::dissectTcp);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, udp);
        t.table("tcp.port").add(PORT, tcp);
        t.heuristics("udp").add("sip_udp", SipDissector.PROTO, SipDissector::heuristicUdp, true);
        t.heuristics("tcp").add("sip_tcp", SipDissector.PROTO, SipDissector::heuristicTcp, true);
    }
}
