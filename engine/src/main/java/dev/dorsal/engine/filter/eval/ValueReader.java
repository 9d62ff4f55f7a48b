package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;

/** Reads the typed value of a tree node in the representation filters compare (see {@code Literals}). */
public final class ValueReader {
    private static final byte[] EMPTY = new byte[0];

    private ValueReader() {}

    /** The value of {@code item} as a field of type {@code t}; {@code tail}: a protocol's data to the end. */
    public static Object read(FieldType t, ProtoItem item, boolean tail) {
        switch (t) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, INT8, INT16, INT24, INT32,
                    INT40, INT48, INT56, INT64, FRAMENUM, ABSOLUTE_TIME, RELATIVE_TIME, BOOLEAN, IPv4:
                return readLong(t, item);
            case FLOAT, DOUBLE:
                return item.doubleValue();
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING: {
                String s = item.stringValue();
                return s != null ? s : new String(item.bytesValue(), StandardCharsets.UTF_8);
            }
            case ETHER:
                return ether(item);
            case PROTOCOL:
                return tail ? tail(item) : item.bytesValue();
            case NONE:
                return EMPTY;
            default:
                return item.bytesValue();
        }
    }

    /** The value of a long-represented type, unboxed: integers, booleans (0/1), times, IPv4 (prefix 32). */
    public static long readLong(FieldType t, ProtoItem item) {
        long v = item.num();
        return switch (t) {
            case BOOLEAN -> v != 0 ? 1 : 0;
            case IPv4 -> (32L << 32) | (v & 0xffffffffL);
            default -> v;
        };
    }

    static boolean isLongType(FieldType t) {
        return switch (t) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, INT8, INT16, INT24, INT32,
                    INT40, INT48, INT56, INT64, FRAMENUM, ABSOLUTE_TIME, RELATIVE_TIME, BOOLEAN, IPv4 -> true;
            default -> false;
        };
    }

    private static byte[] ether(ProtoItem item) {
        if (item.obj() instanceof byte[] b) {
            return b;
        }
        long v = item.num();
        byte[] out = new byte[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }

    /** The bytes from the protocol's start to the end of its data, which contains/matches search. */
    private static byte[] tail(ProtoItem item) {
        Tvb tvb = item.tvb();
        if (tvb == null || item.obj() instanceof byte[]) {
            return item.bytesValue();
        }
        int n = tvb.remaining(item.offset());
        return n <= 0 ? EMPTY : tvb.bytes(item.offset(), n);
    }
}
