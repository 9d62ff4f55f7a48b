package dev.dorsal.engine.filter.function;

import dev.dorsal.engine.filter.eval.Operand;
import dev.dorsal.engine.filter.eval.PacketView;
import dev.dorsal.engine.spi.FieldType;

/**
 * {@code string(f)}: each value as the text a filter would use for it: integers in decimal whatever
 * the field's display base, addresses in their usual notation.
 */
public record ToText(Operand field, FieldType type) implements Operand {
    @Override
    public Object[] values(PacketView p) {
        Object[] in = field.values(p);
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = text(in[i]);
        }
        return out;
    }

    private String text(Object v) {
        if (v instanceof Long l) {
            if (type == FieldType.IPv4) {
                long a = l & 0xffffffffL;
                return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
            }
            return type == FieldType.UINT64 ? Long.toUnsignedString(l) : Long.toString(l);
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        byte[] b = (byte[]) v;
        if (type == FieldType.IPv6 && b.length == 16) {
            return ipv6(b);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                s.append(':');
            }
            s.append(String.format("%02x", b[i] & 0xff));
        }
        return s.toString();
    }

    /** RFC 5952 text: lowercase, longest run of zero groups (two or more) as {@code ::}. */
    static String ipv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }
}
