package dev.dorsal.engine.spi;

/** Wireshark's field types (ftypes), with the names its error messages and glossaries use. */
public enum FieldType {
    NONE("Label", 0),
    PROTOCOL("Protocol", 0),
    BOOLEAN("Boolean", 0),
    CHAR("Character (1 byte)", 1),
    UINT8("Unsigned integer (1 byte)", 1),
    UINT16("Unsigned integer (2 bytes)", 2),
    UINT24("Unsigned integer (3 bytes)", 3),
    UINT32("Unsigned integer (4 bytes)", 4),
    UINT40("Unsigned integer (5 bytes)", 5),
    UINT48("Unsigned integer (6 bytes)", 6),
    UINT56("Unsigned integer (7 bytes)", 7),
    UINT64("Unsigned integer (8 bytes)", 8),
    INT8("Signed integer (1 byte)", 1),
    INT16("Signed integer (2 bytes)", 2),
    INT24("Signed integer (3 bytes)", 3),
    INT32("Signed integer (4 bytes)", 4),
    INT40("Signed integer (5 bytes)", 5),
    INT48("Signed integer (6 bytes)", 6),
    INT56("Signed integer (7 bytes)", 7),
    INT64("Signed integer (8 bytes)", 8),
    FLOAT("Floating point (single-precision)", 4),
    DOUBLE("Floating point (double-precision)", 8),
    ABSOLUTE_TIME("Date and time", 0),
    RELATIVE_TIME("Time offset", 0),
    STRING("Character string", 0),
    STRINGZ("Character string", 0),
    STRINGZPAD("Character string", 0),
    UINT_STRING("Character string", 0),
    ETHER("Ethernet or other MAC address", 6),
    BYTES("Byte sequence", 0),
    UINT_BYTES("Byte sequence", 0),
    IPv4("IPv4 address", 4),
    IPv6("IPv6 address", 16),
    FRAMENUM("Frame number", 4),
    GUID("Globally Unique Identifier", 16),
    OID("ASN.1 object identifier", 0),
    EUI64("EUI64 address", 8);

    private final String displayName;
    private final int wireSize;

    FieldType(String displayName, int wireSize) {
        this.displayName = displayName;
        this.wireSize = wireSize;
    }

    /** The name tshark uses in messages, e.g. "Unsigned integer (2 bytes)". */
    public String displayName() {
        return displayName;
    }

    /** Fixed size on the wire in bytes, or 0 when the size varies. */
    public int wireSize() {
        return wireSize;
    }

    public boolean isUnsigned() {
        return switch (this) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, FRAMENUM -> true;
            default -> false;
        };
    }

    public boolean isSigned() {
        return switch (this) {
            case INT8, INT16, INT24, INT32, INT40, INT48, INT56, INT64 -> true;
            default -> false;
        };
    }

    /** Integer-valued types (unsigned, signed, char, frame number); booleans excluded. */
    public boolean isInteger() {
        return isUnsigned() || isSigned();
    }

    public boolean isString() {
        return this == STRING || this == STRINGZ || this == STRINGZPAD || this == UINT_STRING;
    }

    public boolean isBytesLike() {
        return this == BYTES || this == UINT_BYTES || this == PROTOCOL || this == ETHER || this == GUID
                || this == OID || this == EUI64;
    }

    /** Largest unsigned value the type holds (for "too big for this field" checks). */
    public long maxUnsigned() {
        int size = wireSize;
        return size >= 8 ? -1L : (1L << (size * 8)) - 1;
    }
}
