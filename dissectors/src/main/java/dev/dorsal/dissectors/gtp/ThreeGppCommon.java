package dev.dorsal.dissectors.gtp;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.List;

/**
 * The field of tshark's "3GPP COMMON" protocol that GTP adds: every TMSI kind under one hidden name,
 * so {@code 3gpp.tmsi} finds a P-TMSI in GTP as in NAS. Filter prefix {@code 3gpp}.
 */
public final class ThreeGppCommon implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("3GPP COMMON", "3GPP COMMON", "3gpp");

    static final FieldDef TMSI = FieldDef.uint32("3gpp.tmsi", "TMSI/P-TMSI/M-TMSI/5G-TMSI").decHex();

    @Override
    public String name() {
        return "3gpp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, List.of(TMSI));
    }

    @Override
    public void handoff(Tables t) {}
}
