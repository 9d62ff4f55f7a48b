package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.filter.check.Typed.Cmp;
import dev.dorsal.engine.spi.FieldType;
import java.util.Arrays;

/**
 * How two values of a type compare, each predicate true only when the comparison holds (false when
 * it fails): integers as signed 64-bit numbers (a negative value is the result of negation or
 * subtraction; 64-bit unsigned values above 2^63 are not told apart from those), IPv4 and IPv6 under the
 * shorter of the two prefixes (so {@code ip.src == 10.0.0.0/8} is a subnet test), floats as C does
 * (NaN equals nothing), strings by UTF-8 bytes, byte strings by length and then by unsigned byte.
 */
public final class Comparisons {
    /** Answers one comparison operator for two values. */
    public interface Predicate {
        boolean test(Object a, Object b);
    }

    private Comparisons() {}

    /** The predicate for {@code left OP right}; byte comparison when either side is a byte string. */
    public static Predicate of(Cmp op, FieldType left, FieldType right) {
        if (left != right && (left == FieldType.BYTES || right == FieldType.BYTES)) {
            return ordered(op, (a, b) -> bytes(Values.toBytes(left, a), Values.toBytes(right, b)));
        }
        return switch (left) {
            case FLOAT, DOUBLE -> doubles(op);
            case ABSOLUTE_TIME, RELATIVE_TIME -> ordered(op, (a, b) -> nstime((Long) a, (Long) b));
            case IPv4 -> ordered(op, Comparisons::ipv4);
            case IPv6 -> ordered(op, Comparisons::ipv6);
            case STRING, STRINGZ, STRINGZPAD, UINT_STRING -> op == Cmp.EQ ? (a, b) -> a.equals(b)
                    : op == Cmp.NE ? (a, b) -> !a.equals(b)
                    : ordered(op, (a, b) -> Arrays.compareUnsigned(Values.toBytes(left, a), Values.toBytes(left, b)));
            default -> {
                if (left.isUnsigned() || left == FieldType.BOOLEAN) {
                    yield unsignedLeft(op);
                }
                if (ValueReader.isLongType(left)) {
                    yield longs(op);
                }
                yield ordered(op, (a, b) -> bytes(Values.toBytes(left, a), Values.toBytes(left, b)));
            }
        };
    }

    /**
     * Times (nanoseconds) compare as tshark 4.0's nstime_cmp does: seconds and nanoseconds apart (both
     * with the sign of the value), and when the seconds differ, the sign of their difference cut to a
     * C int. So two times more than 2^31 seconds (68 years) apart compare the wrong way round, e.g. a
     * TLS random_time in 2096 is less than "Jan 1, 1970"; filters must select the same frames as tshark.
     */
    static int nstime(long x, long y) {
        long xs = x / 1_000_000_000L;
        long ys = y / 1_000_000_000L;
        if (xs == ys) {
            return Long.compare(x % 1_000_000_000L, y % 1_000_000_000L);
        }
        return (int) (xs - ys);
    }

    /** Byte strings order by length first, then by content (tshark 4.0's rule, so {@code 48:54 > 00:00:00} is false). */
    static int bytes(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return a.length < b.length ? -1 : 1;
        }
        return Arrays.compareUnsigned(a, b);
    }

    /**
     * The operator that holds exactly when {@code op} does not: an "all" test is "no pair satisfies
     * the complement" in tshark 4.0, so a pair whose comparison fails counts for it.
     */
    public static Cmp complement(Cmp op) {
        return switch (op) {
            case EQ -> Cmp.NE;
            case NE -> Cmp.EQ;
            case GT -> Cmp.LE;
            case GE -> Cmp.LT;
            case LT -> Cmp.GE;
            case LE -> Cmp.GT;
        };
    }

    /**
     * An unsigned left value cannot be compared with a negative (signed) right value: tshark 4.0
     * fails such a comparison, so no operator holds for the pair. A left value that is itself negative
     * (the result of negation or subtraction) compares as signed.
     */
    private static Predicate unsignedLeft(Cmp op) {
        Predicate p = longs(op);
        return (a, b) -> ((Long) b >= 0 || (Long) a < 0) && p.test(a, b);
    }

    private interface Order {
        int compare(Object a, Object b);
    }

    private static Predicate ordered(Cmp op, Order o) {
        return switch (op) {
            case EQ -> (a, b) -> o.compare(a, b) == 0;
            case NE -> (a, b) -> o.compare(a, b) != 0;
            case GT -> (a, b) -> o.compare(a, b) > 0;
            case GE -> (a, b) -> o.compare(a, b) >= 0;
            case LT -> (a, b) -> o.compare(a, b) < 0;
            case LE -> (a, b) -> o.compare(a, b) <= 0;
        };
    }

    private static Predicate longs(Cmp op) {
        return switch (op) {
            case EQ -> (a, b) -> ((Long) a).longValue() == (Long) b;
            case NE -> (a, b) -> ((Long) a).longValue() != (Long) b;
            case GT -> (a, b) -> (Long) a > (Long) b;
            case GE -> (a, b) -> (Long) a >= (Long) b;
            case LT -> (a, b) -> (Long) a < (Long) b;
            case LE -> (a, b) -> (Long) a <= (Long) b;
        };
    }

    private static Predicate doubles(Cmp op) {
        return switch (op) {
            case EQ -> (a, b) -> ((Double) a).doubleValue() == (Double) b;
            case NE -> (a, b) -> ((Double) a).doubleValue() != (Double) b;
            case GT -> (a, b) -> (Double) a > (Double) b;
            case GE -> (a, b) -> (Double) a >= (Double) b;
            case LT -> (a, b) -> (Double) a < (Double) b;
            case LE -> (a, b) -> (Double) a <= (Double) b;
        };
    }

    /** IPv4 values carry their prefix length above the 32 address bits. */
    static int ipv4(Object a, Object b) {
        long x = (Long) a;
        long y = (Long) b;
        int bits = (int) Math.min(x >>> 32, y >>> 32);
        long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
        return Long.compare(x & mask, y & mask);
    }

    static int ipv6(Object a, Object b) {
        byte[] x = a instanceof Ipv6Net n ? n.address() : (byte[]) a;
        byte[] y = b instanceof Ipv6Net n ? n.address() : (byte[]) b;
        int bits = Math.min(a instanceof Ipv6Net n ? n.prefix() : 128, b instanceof Ipv6Net n ? n.prefix() : 128);
        for (int i = 0; i < 16; i++) {
            int m = bits >= 8 ? 0xff : bits <= 0 ? 0 : (0xff << (8 - bits)) & 0xff;
            bits -= 8;
            int c = Integer.compare(x[i] & m, y[i] & m);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Whether {@code hay} contains {@code needle} (an empty needle is found everywhere). */
    public static boolean containsBytes(byte[] hay, byte[] needle) {
        if (needle.length == 0) {
            return true;
        }
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
