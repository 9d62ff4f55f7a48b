package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * The DLPP framing on TCP port 60001, cut into PDUs by {@link TcpPdus} (Wireshark's
 * tcp_dissect_pdus); its twin in {@code captures/tcp/dlpp.lua} gave tshark's expected output.
 */
final class DlpqTestDissector implements DissectorProvider {
    static final ProtocolDef DLPQ = new ProtocolDef("Dorsal Length Prefix PDUs", "dlpq", "dlpq");
    static final FieldDef LEN = FieldDef.uint16("dlpq.len", "Length");
    static final int PORT = 60001;

    private DissectorHandle handle;

    @Override
    public String name() {
        return "dlpq";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(DLPQ);
        r.fields(DLPQ, List.of(LEN));
        handle = r.handle("dlpq", DLPQ, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(PORT, handle);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return TcpPdus.dissect(tvb, pinfo, tree, true, 2, (t, off, p) -> t.u16(off) + 2, (pdu, p, t) -> {
            p.columns().setProtocol("DLPQ");
            p.columns().appendInfo(" DLPQ len=" + (pdu.length() - 2));
            ProtoItem item = t.addProtocol(DLPQ, pdu, 0, pdu.length());
            item.add(LEN, pdu, 0, 2);
            return pdu.length();
        });
    }
}
