package dev.dorsal.engine.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The few C printf conversions the reports use, with glibc's results: {@code %.Nf} rounds the exact
 * binary value of the double (ties to even), unlike {@link String#format}, which rounds a shortest
 * decimal form first and so differs on values such as 2.675.
 */
final class CText {
    private CText() {}

    /** {@code %.{decimals}f}. */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        boolean negative = v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
        String fast = fixedFast(Math.abs(v), decimals, negative);
        if (fast != null) {
            return fast;
        }
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    /**
     * {@code %.Nf} of a non-negative value without BigDecimal (tables print tens of thousands of
     * these), or null when the scaled value lies so close to a rounding tie that only the exact
     * binary expansion can decide; the error of {@code v * 10^N} is at most half an ulp of the product.
     */
    private static String fixedFast(double magnitude, int decimals, boolean negative) {
        if (decimals >= POW10.length) {
            return null;
        }
        double scaled = magnitude * POW10[decimals];
        if (!(scaled < 1e15)) {
            return null;
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) <= 4 * Math.ulp(scaled)) {
            return null;
        }
        long units = (long) floor + (fraction > 0.5 ? 1 : 0);
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        sb.append(units / POW10[decimals]);
        if (decimals > 0) {
            String frac = Long.toString(units % POW10[decimals]);
            sb.append('.');
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    /** {@code %{width}.{decimals}f}. */
    static String fixed(double v, int width, int decimals) {
        return left(fixed(v, decimals), width);
    }

    /** Right-aligned in {@code width} ({@code %Ns}, {@code %Nd}); longer text is kept whole. */
    static String left(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    static String left(long v, int width) {
        return left(Long.toString(v), width);
    }

    /** Left-aligned in {@code width} ({@code %-Ns}). */
    static String right(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * A byte count as tshark's conversation tables write it: {@code 9999 bytes}, then whole SI units
     * once the count reaches ten of them ({@code 10 kB}, {@code 183 kB}, {@code 65 GB}, up to PB).
     */
    static String size(long bytes) {
        String[] prefixes = {"P", "T", "G", "M", "k"};
        long[] divisors = {1_000_000_000_000_000L, 1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < prefixes.length; i++) {
            if (bytes / divisors[i] >= 10) {
                return bytes / divisors[i] + " " + prefixes[i] + "B";
            }
        }
        return bytes + " bytes";
    }

    /**
     * Seconds as a double, the way Wireshark converts an nstime ({@code secs + nsecs / 1e9}, both parts
     * with the sign of the whole, as {@code nstime_delta} leaves them).
     */
    static double seconds(long nanos) {
        long secs = nanos / 1_000_000_000L;
        long nsecs = nanos % 1_000_000_000L;
        return (double) secs + (double) nsecs / 1_000_000_000.0;
    }
}
