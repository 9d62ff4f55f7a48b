package dev.dorsal.engine.filter.check;

import java.math.BigInteger;

/**
 * Reads integer literals like C's strtoull/strtoll with base 0 ({@code 0x1f}, {@code 017}, {@code 31})
 * plus {@code 0b1010}, and floats like strtod, reporting what tshark reports.
 */
final class Numbers {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Numbers() {}

    /** Thrown with the message to show (no location). */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    /** The magnitude of {@code s} (sign handled by the caller), or null when it is not a number. */
    private static BigInteger magnitude(String digits) {
        String d = digits;
        int radix = 10;
        if (d.length() > 2 && (d.startsWith("0x") || d.startsWith("0X"))) {
            radix = 16;
            d = d.substring(2);
        } else if (d.length() > 2 && (d.startsWith("0b") || d.startsWith("0B"))) {
            radix = 2;
            d = d.substring(2);
        } else if (d.length() > 1 && d.startsWith("0")) {
            radix = 8;
            d = d.substring(1);
        }
        if (d.isEmpty()) {
            return null;
        }
        for (int i = 0; i < d.length(); i++) {
            if (Character.digit(d.charAt(i), radix) < 0) {
                return null;
            }
        }
        return new BigInteger(d, radix);
    }

    /** An unsigned value no larger than {@code max} (an unsigned long; -1 means 2^64-1). */
    static long unsigned(String s, long max) throws Bad {
        String d = s.startsWith("+") ? s.substring(1) : s;
        boolean neg = d.startsWith("-");
        if (neg) {
            d = d.substring(1);
        }
        BigInteger v = magnitude(d);
        if (v == null) {
            throw new Bad("\"" + s + "\" is not a valid number.");
        }
        if (v.compareTo(U64_MAX) > 0) {
            throw new Bad("\"" + s + "\" causes an integer overflow.");
        }
        long value = neg ? -v.longValue() : v.longValue();
        if (Long.compareUnsigned(value, max) > 0) {
            throw new Bad("\"" + s + "\" too big for this field, maximum " + Long.toUnsignedString(max) + ".");
        }
        return value;
    }

    /** A signed value within [{@code min}, {@code max}]. */
    static long signed(String s, long min, long max) throws Bad {
        String d = s.startsWith("+") ? s.substring(1) : s;
        boolean neg = d.startsWith("-");
        if (neg) {
            d = d.substring(1);
        }
        BigInteger v = magnitude(d);
        if (v == null) {
            throw new Bad("\"" + s + "\" is not a valid number.");
        }
        if (neg) {
            v = v.negate();
        }
        if (v.bitLength() > 63) {
            throw new Bad("\"" + s + "\" causes an integer overflow.");
        }
        long value = v.longValue();
        if (value > max) {
            throw new Bad("\"" + s + "\" too big for this field, maximum " + max + ".");
        }
        if (value < min) {
            throw new Bad("\"" + s + "\" too small for this field, minimum " + min + ".");
        }
        return value;
    }

    private static final java.util.regex.Pattern DEC_FLOAT = java.util.regex.Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final java.util.regex.Pattern HEX_FLOAT = java.util.regex.Pattern.compile(
            "[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");

    /** A double the way strtod reads the whole string, or null. */
    static Double parseDouble(String s) {
        if (DEC_FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        if (HEX_FLOAT.matcher(s).matches()) {
            String h = s.matches(".*[pP].*") ? s : s + "p0";
            return Double.parseDouble(h);
        }
        String l = s.toLowerCase(java.util.Locale.ROOT);
        String body = l.startsWith("-") || l.startsWith("+") ? l.substring(1) : l;
        double sign = l.startsWith("-") ? -1 : 1;
        if (body.equals("inf") || body.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan") || body.matches("nan\\([0-9a-z_]*\\)")) {
            return Double.NaN;
        }
        return null;
    }
}
