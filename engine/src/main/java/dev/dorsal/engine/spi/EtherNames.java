package dev.dorsal.engine.spi;

/**
 * Names tshark shows for MAC addresses with its default name resolution (-N m): well-known
 * addresses by name, and "OUI-name_xx:xx:xx" for vendor prefixes Dorsal knows. Dorsal ships no
 * vendor database (see docs/compat.md), so most unicast addresses print as plain hex.
 */
public final class EtherNames {
    private EtherNames() {}

    /** The resolved name of {@code mac} (48 bits), or its plain colon-hex text when there is none. */
    public static String resolve(long mac) {
        if (mac == 0xffffffffffffL) {
            return "Broadcast";
        }
        int oui = (int) (mac >>> 24);
        if (oui == 0) {
            // Wireshark's vendor table names the all-zero OUI "00:00:00".
            return "00:00:00_" + AddressFormat.ether(mac).substring(9);
        }
        return AddressFormat.ether(mac);
    }

    /** {@code resolved (raw)}, the form tree labels use: {@code Broadcast (ff:ff:ff:ff:ff:ff)}. */
    public static String withRaw(long mac) {
        return resolve(mac) + " (" + AddressFormat.ether(mac) + ")";
    }
}
