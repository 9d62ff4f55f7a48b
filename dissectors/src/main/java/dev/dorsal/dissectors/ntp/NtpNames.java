package dev.dorsal.dissectors.ntp;

import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The names tshark gives to NTP reference identifiers and extension field types. */
final class NtpNames {
    private NtpNames() {}

    /**
     * Reference clock codes of primary servers (RFC 5905 figure 12 and older ones), as the four bytes
     * of the field: shorter codes are padded with NUL bytes.
     */
    private static final Map<String, String> REFERENCE_CLOCKS = Map.ofEntries(
            Map.entry("GOES", "Geostationary Orbit Environment Satellite"),
            Map.entry("GPS\0", "Global Position System"),
            Map.entry("GAL\0", "Galileo Positioning System"),
            Map.entry("PPS\0", "Generic pulse-per-second"),
            Map.entry("IRIG", "Inter-Range Instrumentation Group"),
            Map.entry("WWVB", "LF Radio WWVB Ft. Collins, CO 60 kHz"),
            Map.entry("DCF\0", "LF Radio DCF77 Mainflingen, DE 77.5 kHz"),
            Map.entry("HBG\0", "LF Radio HBG Prangins, HB 75 kHz"),
            Map.entry("MSF\0", "LF Radio MSF Anthorn, UK 60 kHz"),
            Map.entry("JJY\0", "LF Radio JJY Fukushima, JP 40 kHz, Saga, JP 60 kHz"),
            Map.entry("LORC", "MF Radio LORAN C station, 100 kHz"),
            Map.entry("TDF\0", "MF Radio Allouis, FR 162 kHz"),
            Map.entry("CHU\0", "HF Radio CHU Ottawa, Ontario"),
            Map.entry("WWV\0", "HF Radio WWV Ft. Collins, CO"),
            Map.entry("WWVH", "HF Radio WWVH Kauai, HI"),
            Map.entry("NIST", "NIST telephone modem"),
            Map.entry("ACTS", "NIST telephone modem"),
            Map.entry("USNO", "USNO telephone modem"),
            Map.entry("PTB\0", "European telephone modem"),
            Map.entry("LOCL", "uncalibrated local clock"),
            Map.entry("CESM", "calibrated Cesium clock"),
            Map.entry("RBDM", "calibrated Rubidium clock"),
            Map.entry("OMEG", "OMEGA radionavigation system"),
            Map.entry("DCN\0", "DCN routing protocol"),
            Map.entry("TSP\0", "TSP time protocol"),
            Map.entry("DTS\0", "Digital Time Service"),
            Map.entry("ATOM", "Atomic clock (calibrated)"),
            Map.entry("VLF\0", "VLF radio (OMEGA,, etc.)"),
            Map.entry("FREE", "(Internal clock)"),
            Map.entry("INIT", "(Initialization)"),
            Map.entry("\0\0\0\0", "NULL"));

    /** Extension field types (RFC 5906 Autokey messages with their response/error bits, RFC 8915 NTS, RFC 7821). */
    static final ValueString EXTENSION_TYPES = extensionTypes();

    private static ValueString extensionTypes() {
        String[] autokey = {"No-Operation", "Association Message", "Certificate Message", "Cookie Message",
            "Autokey Message", "Leapseconds Message", "Sign Message", "IFF Identity Message", "GQ Identity Message",
            "MV Identity Message"};
        ValueString.Builder b = ValueString.builder();
        for (int i = 0; i < autokey.length; i++) {
            int code = (i << 8) | 0x02;
            b.add(code, autokey[i] + " Request");
            b.add(0x8000 | code, autokey[i] + " Response");
            b.add(0xc000 | code, autokey[i] + " Error Response");
        }
        return b.add(0x0104, "Unique Identifier").add(0x0204, "NTS Cookie").add(0x0304, "NTS Cookie Placeholder")
                .add(0x0404, "NTS Authenticator and Encrypted Extension Fields").add(0x2005, "Checksum Complement")
                .build();
    }

    /**
     * The reference ID as tshark labels it: for stratum 0 and 1 a clock code (named when known, else
     * "Unidentified reference source" with its text up to the first NUL), for the
     * other strata the IPv4 address of the server's reference (also over IPv6, as tshark shows it).
     */
    static String referenceId(Tvb tvb, int off, int stratum) {
        byte[] raw = tvb.bytes(off, 4);
        if (stratum > 1) {
            return AddressFormat.ipv4(tvb.u32(off));
        }
        String code = new String(raw, StandardCharsets.ISO_8859_1);
        String name = REFERENCE_CLOCKS.get(code);
        if (name != null) {
            return name;
        }
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        // Up to the first NUL, as UTF-8 (a bad byte is U+FFFD), control characters left in as tshark leaves them.
        return "Unidentified reference source '" + new String(raw, 0, end, StandardCharsets.UTF_8) + "'";
    }
}
