package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.spi.FieldType;
import java.nio.charset.StandardCharsets;

/** Conversions between the value representations: to bytes (for slices and byte comparisons), zero tests. */
public final class Values {
    private Values() {}

    /** The bytes a value stands for: byte strings as they are, strings in UTF-8, addresses in network order. */
    public static byte[] toBytes(FieldType t, Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof Ipv6Net n) {
            return n.address();
        }
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof Long l && t == FieldType.IPv4) {
            long a = l & 0xffffffffL;
            return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        }
        if (v instanceof Long l) {
            int n = Math.max(1, t.wireSize());
            byte[] out = new byte[n];
            long x = l;
            for (int i = n - 1; i >= 0; i--) {
                out[i] = (byte) x;
                x >>>= 8;
            }
            return out;
        }
        return new byte[0];
    }

    /** Whether a value counts as zero for a bare arithmetic test. */
    public static boolean isZero(FieldType t, Object v) {
        if (v instanceof Long l) {
            return t == FieldType.IPv4 ? (l & 0xffffffffL) == 0 : l == 0;
        }
        if (v instanceof Double d) {
            return d == 0.0;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        byte[] b = toBytes(t, v);
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
