package dev.dorsal.dissectors.ppp;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;

/**
 * PPP's Compression Control Protocol (RFC 1962, PPP protocol 0x80fd): the shared packet format with
 * the Reset-Request and Reset-Ack codes; the compression options (MPPE/MPPC, Stac, BSD, Deflate, …)
 * are not decoded (docs/compat.md).
 */
public final class CcpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("PPP Compression Control Protocol", "PPP CCP", "ccp");

    static final ValueString OPTIONS = ValueString.builder().build();

    private static final NcpPackets.Options DECODER = new NcpPackets.Options() {
        @Override
        public boolean show(Tvb tvb, ProtoItem opts, int type, int offset, int len) {
            return false;
        }

        @Override
        public int fixedLength(int type) {
            return -1;
        }
    };

    @Override
    public String name() {
        return "ccp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.handle("ccp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(PppDissector.PROTO_TABLE).add(0x80fd, t.handle("ccp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return NcpPackets.dissect(tvb, pinfo, tree, PROTO, "PPP CCP", OPTIONS, DECODER, true);
    }
}
