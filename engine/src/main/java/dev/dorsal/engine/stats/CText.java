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
        long units = fastUnits(magnitude, decimals);
        if (units < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(24);
        appendUnits(sb, units, decimals, negative, 0);
        return sb.toString();
    }

    /** The value in units of 10^-decimals rounded as glibc would, or -1 where {@link #fixedFast} gives null. */
    private static long fastUnits(double magnitude, int decimals) {
        if (decimals >= POW10.length) {
            return -1;
        }
        double scaled = magnitude * POW10[decimals];
        if (!(scaled < 1e15)) {
            return -1;
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) <= 4 * Math.ulp(scaled)) {
            return -1;
        }
        return (long) floor + (fraction > 0.5 ? 1 : 0);
    }

    /** Appends {@code units} as a decimal with {@code decimals} places, right-aligned in {@code width}. */
    private static void appendUnits(StringBuilder sb, long units, int decimals, boolean negative, int width) {
        long whole = units / POW10[decimals];
        int length = (negative ? 1 : 0) + digits(whole) + (decimals > 0 ? 1 + decimals : 0);
        spaces(sb, width - length);
        if (negative) {
            sb.append('-');
        }
        sb.append(whole);
        if (decimals > 0) {
            long frac = units % POW10[decimals];
            sb.append('.');
            spaces0(sb, decimals - digits(frac));
            sb.append(frac);
        }
    }

    private static void spaces(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }

    private static void spaces0(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append('0');
        }
    }

    /** Decimal digits of a non-negative value ({@code Long.toString(v).length()}). */
    private static int digits(long v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
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

    // Appending forms of the above, for tables with a row per conversation or endpoint (tens of
    // thousands of rows on a large capture): no string per cell.

    /** Appends {@code %{width}.{decimals}f} of {@code v}. */
    static void appendFixed(StringBuilder sb, double v, int width, int decimals) {
        boolean negative = v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
        long units = Double.isNaN(v) || Double.isInfinite(v) ? -1 : fastUnits(Math.abs(v), decimals);
        if (units >= 0) {
            appendUnits(sb, units, decimals, negative, width);
        } else {
            appendLeft(sb, fixed(v, decimals), width);
        }
    }

    /** Appends {@code %{width}d} of {@code v}. */
    static void appendLeft(StringBuilder sb, long v, int width) {
        spaces(sb, width - (v >= 0 ? digits(v) : Long.toString(v).length()));
        sb.append(v);
    }

    /** Appends {@code %{width}s} of {@code s}. */
    static void appendLeft(StringBuilder sb, String s, int width) {
        spaces(sb, width - s.length());
        sb.append(s);
    }

    /** Pads what was appended since {@code start} with spaces after it to {@code width} ({@code %-Ns}). */
    static void padBack(StringBuilder sb, int start, int width) {
        spaces(sb, width - (sb.length() - start));
    }

    /** Appends {@link #size} of {@code bytes}, left-aligned in {@code width}. */
    static void appendSize(StringBuilder sb, long bytes, int width) {
        int start = sb.length();
        boolean scaled = false;
        for (int i = 0; i < SI_PREFIXES.length && !scaled; i++) {
            if (bytes / SI_DIVISORS[i] >= 10) {
                sb.append(bytes / SI_DIVISORS[i]).append(' ').append(SI_PREFIXES[i]).append('B');
                scaled = true;
            }
        }
        if (!scaled) {
            sb.append(bytes).append(" bytes");
        }
        padBack(sb, start, width);
    }

    /**
     * Prints a report in the stream's charset without going through its character writer, which
     * widens every Latin-1 string to UTF-16 and encodes it back: megabytes for a large table.
     */
    static void print(java.io.PrintStream out, CharSequence report) {
        byte[] bytes = report.toString().getBytes(out.charset());
        out.write(bytes, 0, bytes.length);
    }

    /**
     * A byte count as tshark's conversation tables write it: {@code 9999 bytes}, then whole SI units
     * once the count reaches ten of them ({@code 10 kB}, {@code 183 kB}, {@code 65 GB}, up to PB).
     */
    static String size(long bytes) {
        StringBuilder sb = new StringBuilder(16);
        appendSize(sb, bytes, 0);
        return sb.toString();
    }

    private static final String[] SI_PREFIXES = {"P", "T", "G", "M", "k"};
    private static final long[] SI_DIVISORS = {1_000_000_000_000_000L, 1_000_000_000_000L, 1_000_000_000L, 1_000_000L,
        1_000L};

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
