package dev.dorsal.dissectors.gre;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;

/**
 * Cisco's Encapsulated Remote Switch Port Analyzer, type I (GRE protocol type 0x88be with no
 * sequence number): no header of its own, the mirrored Ethernet frame right after GRE's. The
 * headers of types II and III (with a sequence number, or type 0x22eb) are not read: GRE shows
 * those payloads as data (docs/compat.md). Filter name {@code erspan}.
 */
public final class ErspanDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Encapsulated Remote Switch Packet ANalysis", "ERSPAN",
            "erspan");

    private DissectorHandle eth;

    @Override
    public String name() {
        return "erspan";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.handle("erspan", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        eth = t.handle("eth_withoutfcs");
        t.table(GreDissector.PROTO_TABLE).add(GreDissector.ERSPAN, t.handle("erspan"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Integer flags = pinfo.get(GreDissector.FLAGS_KEY);
        if (flags == null || (flags & GreDissector.FLAG_SEQUENCE) != 0) {
            return 0;
        }
        pinfo.columns().setProtocol("ERSPAN");
        tree.addProtocol(PROTO, tvb, 0, 0, "Encapsulated Remote Switch Packet ANalysis Type I");
        pinfo.call(eth, tvb, tree);
        return tvb.length();
    }
}
