package dev.dorsal.engine.spi;

/**
 * Names tshark shows for MAC addresses with its default name resolution (-N m): well-known
 * addresses and ranges by name, and "Vendor_xx:xx:xx" for vendor prefixes, from the Wireshark
 * installation's data files when there is one ({@link MacNameTable}). Without them, only
 * {@code Broadcast} and the all-zero prefix ({@code 00:00:00_…}) are named (see docs/compat.md).
 */
public final class EtherNames {
    private static final long BROADCAST = 0xffffffffffffL;
    /** MAC name resolution (tshark's -N m): off under {@code -n}, for the whole process. */
    private static volatile boolean resolving = true;

    private EtherNames() {}

    /**
     * Turns MAC name resolution on or off for everything the dissectors write: with it off (tshark -n)
     * {@code *_resolved} fields hold the plain address and labels show it once, without a name.
     */
    public static void resolving(boolean on) {
        resolving = on;
    }

    /** The resolved name of {@code mac} (48 bits), or its plain colon-hex text when there is none. */
    public static String resolve(long mac) {
        if (!resolving) {
            return AddressFormat.ether(mac);
        }
        // The two addresses of every loopback capture: named without loading the tables.
        if (mac == BROADCAST) {
            return "Broadcast";
        }
        if (mac == 0) {
            return "00:00:00_00:00:00";
        }
        MacNameTable table = MacNameTable.get();
        if (!table.isEmpty()) {
            String name = table.name(mac);
            return name != null ? name : AddressFormat.ether(mac);
        }
        if ((mac >>> 24) == 0) {
            // Wireshark's vendor table names the all-zero OUI "00:00:00".
            return "00:00:00_" + AddressFormat.ether(mac).substring(9);
        }
        return AddressFormat.ether(mac);
    }

    /** {@code resolved (raw)}, the form tree labels use: {@code Broadcast (ff:ff:ff:ff:ff:ff)}. */
    public static String withRaw(long mac) {
        if (!resolving) {
            return AddressFormat.ether(mac); // tshark -n: "Src: 6c:f0:49:b2:de:6e", not the address twice
        }
        return resolve(mac) + " (" + AddressFormat.ether(mac) + ")";
    }

    /** The full name of the vendor owning the 24-bit prefix {@code oui}, or null when unknown. */
    public static String vendor(int oui) {
        return MacNameTable.get().vendor(oui);
    }
}
