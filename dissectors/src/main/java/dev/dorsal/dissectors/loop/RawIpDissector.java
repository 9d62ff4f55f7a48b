package dev.dorsal.dissectors.loop;

import dev.dorsal.dissectors.frame.AddressColumns;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Passes frames that start directly with an IP header to IPv4 or IPv6 by the version nibble: the
 * "Raw packet data" protocol of LINKTYPE_RAW (101, and the BSD raw codes 12 and 14). The typed raw
 * link types go straight to their protocol without this layer: LINKTYPE_IPV4 (228) to IPv4 and
 * LINKTYPE_IPV6 (229) to IPv6, as in tshark. Filter name {@code raw}.
 */
public final class RawIpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Raw packet data", "Raw", "raw");

    private DissectorHandle ip;
    private DissectorHandle ipv6;
    private DissectorHandle data;

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, List.of());
        r.handle("raw_ip", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        ip = t.handle("ip");
        ipv6 = t.handle("ipv6");
        data = t.handle("data");
        t.table("wtap_encap").add(WtapEncap.RAW_IP, t.handle("raw_ip"));
        t.table("wtap_encap").add(WtapEncap.RAW_IP4, ip);
        t.table("wtap_encap").add(WtapEncap.RAW_IP6, ipv6);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        AddressColumns.notApplicable(pinfo);
        pinfo.columns().setProtocol("N/A");
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("Raw packet data");
        }
        tree.addProtocol(PROTO, tvb, 0, tvb.length());
        // tshark looks at the first 8 bytes before choosing, so a shorter frame is this layer's error.
        tvb.u32(4);
        int version = tvb.u8(0) >>> 4;
        DissectorHandle next = version == 4 ? ip : version == 6 ? ipv6 : data;
        if (next != null) {
            pinfo.call(next, tvb, tree);
        }
        return tvb.length();
    }
}
