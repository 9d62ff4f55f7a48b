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
    static final String DESEGMENT_APP_DATA = "tls.desegment_ssl_application_data";
    /** The NSS key log file decryption reads (see {@link TlsSecrets}). */
    static final String KEYLOG_FILE = "tls.keylog_file";
    static final String IGNORE_MAC_FAILED = "tls.ignore_ssl_mac_failed";

    static void register(Registrar r) {
        r.preference(TlsRecordDissector.PROTO, "desegment_ssl_records",
                "Reassemble TLS records spanning multiple TCP segments", "TRUE");
        r.preference(TlsRecordDissector.PROTO, "desegment_ssl_application_data",
                "Reassemble TLS Application Data spanning multiple TLS records", "TRUE");
        r.preference(TlsRecordDissector.PROTO, "keylog_file", "(Pre)-Master-Secret log filename", "");
        r.preference(TlsRecordDissector.PROTO, "ignore_ssl_mac_failed",
                "Message Authentication Code (MAC), ignore \"mac failed\"", "FALSE");
    }

    /** Whether decrypted application data spanning records is reassembled for the protocol above. */
    static boolean desegmentAppData(PacketInfo pinfo) {
        return on(pinfo, DESEGMENT_APP_DATA, true);
    }

    /** Whether records whose MAC or AEAD tag does not verify are still shown decrypted. */
    static boolean ignoreMacFailed(PacketInfo pinfo) {
        return on(pinfo, IGNORE_MAC_FAILED, false);
    }

    private static boolean on(PacketInfo pinfo, String name, boolean dflt) {
        Preference p = pinfo.tables().preference(name);
        return p == null ? dflt : p.boolValue();
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
