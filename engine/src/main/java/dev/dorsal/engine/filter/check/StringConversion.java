package dev.dorsal.engine.filter.check;

import dev.dorsal.engine.spi.FieldType;

/** Which field types {@code string()} converts (tshark 4.0 refuses strings, bytes, booleans, times and protocols). */
final class StringConversion {
    private StringConversion() {}

    static boolean supported(FieldType t) {
        return t.isInteger() || switch (t) {
            case IPv4, IPv6, ETHER, FLOAT, DOUBLE, GUID, EUI64, OID -> true;
            default -> false;
        };
    }
}
