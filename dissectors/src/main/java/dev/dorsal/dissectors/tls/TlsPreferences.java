package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Preference;
import dev.dorsal.engine.spi.Registrar;

/**
 * Declares TLS's preferences with tshark's names and defaults ({@code -o tls.name:value}) and reads
 * them while dissecting, from the registry the packet is dissected with.
 */
final class TlsPreferences {
    private TlsPreferences() {}

    static final String DESEGMENT_RECORDS = "tls.desegment_ssl_records";

    static void register(Registrar r) {
        r.preference(TlsRecordDissector.PROTO, "desegment_ssl_records",
                "Reassemble TLS records spanning multiple TCP segments", "TRUE");
        r.preference(TlsRecordDissector.PROTO, "desegment_ssl_application_data",
                "Reassemble TLS Application Data spanning multiple TLS records", "TRUE");
        r.preference(TlsRecordDissector.PROTO, "keylog_file", "(Pre)-Master-Secret log filename", "");
    }

    /** Whether TLS may ask TCP for more data: the preference is on and TCP can reassemble. */
    static boolean canDesegment(PacketInfo pinfo) {
        if (!pinfo.canDesegment()) {
            return false;
        }
        Preference p = pinfo.tables().preference(DESEGMENT_RECORDS);
        return p == null || p.boolValue();
    }
}
