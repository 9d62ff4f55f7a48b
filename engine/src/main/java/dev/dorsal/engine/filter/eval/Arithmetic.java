package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.filter.check.Typed.ArithOp;
import dev.dorsal.engine.spi.FieldType;

/**
 * Arithmetic on filter values, as tshark 4.0 does it: signed integers up to 32 bits wrap at 32 bits,
 * 64-bit ones at 64; unsigned ones are checked (overflow gives no value) and a difference or a
 * negation may make them negative, i.e. signed. Division by zero gives no value at all, so the
 * comparison using it is false.
 */
public final class Arithmetic {
    private Arithmetic() {}

    /** {@code a OP b} for values of type {@code t}, or null when there is no result. */
    public static Object apply(ArithOp op, FieldType t, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (t == FieldType.IPv4) {
                return (32L << 32) | ((x & y) & 0xffffffffL);
            }
            return integer(op, t, x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> y == 0 ? null : x / y;
                case MODULO -> y == 0 ? null : x % y;
                case BITWISE_AND -> null;
            };
        }
        if (op == ArithOp.BITWISE_AND) {
            byte[] x = Values.toBytes(t, a);
            byte[] y = Values.toBytes(t, b);
            byte[] out = new byte[Math.min(x.length, y.length)];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (x[i] & y[i]);
            }
            return out;
        }
        return null;
    }

    private static Long integer(ArithOp op, FieldType t, long x, long y) {
        boolean timeOr64 = t.wireSize() > 4 || t == FieldType.RELATIVE_TIME || t == FieldType.ABSOLUTE_TIME;
        if (timeOr64 || !t.isUnsigned() || x < 0) {
            Long r = signed(op, x, y);
            return r == null || timeOr64 ? r : (long) (int) (long) r;
        }
        // An unsigned 32-bit left value, as tshark 4.0 computes it: a negative right value is taken by
        // its 32-bit pattern, overflow gives no value, and a difference may go below zero (it is then
        // a signed value).
        long v = y < 0 ? y & 0xffffffffL : y;
        return switch (op) {
            case ADD -> checkedUnsigned(x + v);
            case SUBTRACT -> x - v < Integer.MIN_VALUE ? null : x - v;
            case MULTIPLY -> v != 0 && x > 0xffffffffL / v ? null : x * v;
            case DIVIDE -> v == 0 ? null : x / v;
            case MODULO -> v == 0 ? null : x % v;
            case BITWISE_AND -> x & v;
        };
    }

    private static Long checkedUnsigned(long r) {
        return r > 0xffffffffL ? null : r;
    }

    private static Long signed(ArithOp op, long x, long y) {
        return switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> y == 0 ? null : x / y;
            case MODULO -> y == 0 ? null : x % y;
            case BITWISE_AND -> x & y;
        };
    }

    /** {@code -v}; a negated unsigned value is a signed one (no value past the 32-bit signed range). */
    public static Object negate(FieldType t, Object v) {
        if (v instanceof Double d) {
            return -d;
        }
        if (v instanceof Long l) {
            if (t.wireSize() > 4 || t == FieldType.RELATIVE_TIME || t == FieldType.ABSOLUTE_TIME) {
                return -l;
            }
            return -l < Integer.MIN_VALUE || -l > 0xffffffffL ? null : -l;
        }
        return null;
    }
}
