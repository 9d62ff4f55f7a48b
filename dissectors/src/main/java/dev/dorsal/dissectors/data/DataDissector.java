package dev.dorsal.dissectors.data;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Shows bytes no dissector understood as one opaque block, {@code Data (48 bytes)} with the bytes
 * ({@code data.data}) and their count ({@code data.len}). Every table lookup that finds nothing ends
 * here; the handle is named "data". Filter prefix {@code data.}.
 */
public final class DataDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Data", "Data", "data");

    static final FieldDef DATA = FieldDef.bytes("data.data", "Data");
    static final FieldDef LEN = FieldDef.of("data.len", "Length", FieldType.INT32, Base.DEC);

    static final List<FieldDef> FIELDS = List.of(DATA, LEN);

    @Override
    public String name() {
        return "data";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("data", PROTO, DataDissector::dissect);
    }

    private static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        // Only the captured bytes are shown: a snaplen cut is not an error for opaque data.
        int n = tvb.length();
        if (n <= 0) {
            return 0;
        }
        ProtoItem ti = tree.addProtocol(PROTO, tvb, 0, n);
        if (tree.tree().detailed()) {
            ti.setText("Data (" + n + (n == 1 ? " byte)" : " bytes)"));
        }
        Items.add(ti, DATA, tvb, 0, n);
        ProtoItem len = ti.addUint(LEN, tvb, 0, 0, n);
        if (len != ti) {
            len.setGenerated();
        }
        return n;
    }
}
