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
import java.util.ArrayList;
import java.util.List;

/**
 * A length-prefixed test protocol on TCP port 60000 (a 16-bit length, then that many bytes), written
 * the way a TCP-borne protocol uses the desegmentation contract; the same protocol as
 * {@code captures/tcp/dlpp.lua}, which gave tshark's expected output. Every PDU it decodes is also
 * recorded in {@link #pdus}, in order, so tests can check what reassembly delivered.
 */
final class DlppTestDissector implements DissectorProvider {
    static final ProtocolDef DLPP = new ProtocolDef("Dorsal Length Prefix Probe", "dlpp", "dlpp");
    static final FieldDef LEN = FieldDef.uint16("dlpp.len", "Length");
    static final FieldDef DATA = FieldDef.bytes("dlpp.data", "Data");
    static final int PORT = 60000;

    /** Payloads of the PDUs decoded so far. */
    final List<byte[]> pdus = new ArrayList<>();
    private DissectorHandle handle;

    @Override
    public String name() {
        return "dlpp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(DLPP);
        r.fields(DLPP, List.of(LEN, DATA));
        handle = r.handle("dlpp", DLPP, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(PORT, handle);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int n = tvb.length();
        int off = 0;
        boolean first = true;
        while (off < n) {
            int rem = n - off;
            if (rem < 2) {
                pinfo.setDesegment(off, PacketInfo.ONE_MORE_SEGMENT);
                return n;
            }
            int plen = tvb.u16(off) + 2;
            if (rem < plen) {
                pinfo.setDesegment(off, plen - rem);
                return n;
            }
            pinfo.columns().setProtocol("DLPP");
            if (first) {
                pinfo.columns().setInfo("DLPP len=" + (plen - 2));
                first = false;
            } else {
                pinfo.columns().appendInfo(", DLPP len=" + (plen - 2));
            }
            ProtoItem t = tree.addProtocol(DLPP, tvb, off, plen);
            t.add(LEN, tvb, off, 2);
            if (plen > 2) {
                t.add(DATA, tvb, off + 2, plen - 2);
            }
            pdus.add(tvb.bytes(off + 2, plen - 2));
            off += plen;
        }
        return n;
    }
}
