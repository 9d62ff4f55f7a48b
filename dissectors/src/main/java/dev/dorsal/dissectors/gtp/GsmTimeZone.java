package dev.dorsal.dissectors.gtp;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import java.util.List;

/**
 * The one field of GSM A-I/F DTAP (3GPP TS 24.008) that GTPv2 borrows: the UE time zone, in quarter
 * hours, as tshark shows it inside GTPv2's UE Time Zone IE. Dorsal has no DTAP dissector; filter
 * prefix {@code gsm_a.dtap}.
 */
public final class GsmTimeZone implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("GSM A-I/F DTAP", "GSM DTAP", "gsm_a.dtap");

    static final FieldDef TIMEZONE = FieldDef.uint8("gsm_a.dtap.timezone", "Timezone").hex();

    @Override
    public String name() {
        return "gsm_a.dtap";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, List.of(TIMEZONE));
    }

    @Override
    public void handoff(Tables t) {}
}
