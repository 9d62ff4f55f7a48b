package dev.dorsal.engine.filter.check;

import dev.dorsal.engine.spi.FieldType;

/**
 * What each field type can take part in (tshark 4.0's ftype_can_* and compatible_ftypes), and the
 * names its messages use for a type ({@code Unsigned integer (2 bytes)}, {@code FT_UINT16}).
 */
public final class Types {
    private Types() {}

    /** The ftype enum name tshark prints in some messages, e.g. {@code FT_IPv4}. */
    public static String ftName(FieldType t) {
        return "FT_" + t.name();
    }

    /** The pretty name, e.g. {@code Unsigned integer (2 bytes)}. */
    public static String pretty(FieldType t) {
        return t.displayName();
    }

    public static boolean isStringType(FieldType t) {
        return t == FieldType.STRING || t == FieldType.STRINGZ || t == FieldType.STRINGZPAD || t == FieldType.UINT_STRING;
    }


    /** Byte-sequence types, which slices and byte literals compare with directly. */
    public static boolean isBytesType(FieldType t) {
        return switch (t) {
            case ETHER, BYTES, UINT_BYTES, IPv6, GUID, OID -> true;
            default -> false;
        };
    }

    private static boolean isByteFamily(FieldType t) {
        return switch (t) {
            case ETHER, BYTES, UINT_BYTES, GUID, OID -> true;
            default -> false;
        };
    }

    /**
     * Whether values of {@code a} (left) and {@code b} (right) may be compared or combined. As in tshark
     * 4.0 any integer type meets any other and a boolean, but a boolean on the left meets only booleans.
     */
    public static boolean compatible(FieldType a, FieldType b) {
        if (isByteFamily(a)) {
            return isByteFamily(b);
        }
        if (a.isInteger()) {
            return b.isInteger() || b == FieldType.BOOLEAN;
        }
        if (isStringType(a)) {
            return isStringType(b);
        }
        return a == b;
    }

    public static boolean canEq(FieldType t) {
        return t != FieldType.NONE;
    }

    public static boolean canOrder(FieldType t) {
        return t != FieldType.NONE;
    }

    public static boolean canContains(FieldType t) {
        return switch (t) {
            case PROTOCOL, BYTES, UINT_BYTES, ETHER, GUID, OID, STRING, STRINGZ, STRINGZPAD, UINT_STRING -> true;
            default -> false;
        };
    }

    /** An object identifier compares and slices as bytes but, as in tshark 4.0, has no regex match. */
    public static boolean canMatches(FieldType t) {
        return switch (t) {
            case PROTOCOL, BYTES, UINT_BYTES, ETHER, GUID, STRING, STRINGZ, STRINGZPAD, UINT_STRING -> true;
            default -> false;
        };
    }

    public static boolean canSlice(FieldType t) {
        return switch (t) {
            case PROTOCOL, BYTES, UINT_BYTES, ETHER, GUID, OID, EUI64, IPv4, IPv6, STRING, STRINGZ, STRINGZPAD, UINT_STRING -> true;
            default -> false;
        };
    }

    public static boolean canAddSubtract(FieldType t) {
        return t.isInteger() || t == FieldType.FLOAT || t == FieldType.DOUBLE || t == FieldType.RELATIVE_TIME;
    }

    public static boolean canMultiplyDivide(FieldType t) {
        return t.isInteger() || t == FieldType.FLOAT || t == FieldType.DOUBLE;
    }

    public static boolean canModulo(FieldType t) {
        return t.isInteger() || t == FieldType.FLOAT || t == FieldType.DOUBLE;
    }

    public static boolean canBitwiseAnd(FieldType t) {
        return t.isInteger() || t == FieldType.IPv4 || t == FieldType.IPv6 || isByteFamily(t);
    }

    public static boolean canNegate(FieldType t) {
        return t.isInteger() || t == FieldType.FLOAT || t == FieldType.DOUBLE || t == FieldType.RELATIVE_TIME;
    }
}
