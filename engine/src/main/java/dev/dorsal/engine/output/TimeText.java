package dev.dorsal.engine.output;

import java.time.LocalDate;

/**
 * Writes times as tshark does: absolute times as {@code Nov 27, 2026 05:36:41.942997000 UTC}
 * (Dorsal prints UTC; tshark prints the local zone, which is UTC in the oracle) and relative times
 * as seconds with nine decimals ({@code 0.000134000}, {@code -1.500000000}).
 */
public final class TimeText {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final long NANOS = 1_000_000_000L;

    private TimeText() {}

    /** {@code nanos} since the epoch as {@code Mon dd, yyyy HH:MM:SS.nnnnnnnnn UTC}, day padded with a space. */
    public static String absolute(long nanos) {
        long secs = Math.floorDiv(nanos, NANOS);
        int frac = (int) Math.floorMod(nanos, NANOS);
        long days = Math.floorDiv(secs, 86400);
        int sod = (int) Math.floorMod(secs, 86400);
        LocalDate d = LocalDate.ofEpochDay(days);
        StringBuilder sb = new StringBuilder(36);
        sb.append(MONTHS[d.getMonthValue() - 1]).append(' ');
        int day = d.getDayOfMonth();
        if (day < 10) {
            sb.append(' ');
        }
        sb.append(day).append(", ").append(d.getYear()).append(' ');
        two(sb, sod / 3600);
        sb.append(':');
        two(sb, sod / 60 % 60);
        sb.append(':');
        two(sb, sod % 60);
        sb.append('.');
        digits(sb, frac, 9);
        return sb.append(" UTC").toString();
    }

    /** {@code nanos} as seconds with nine decimals. */
    public static String relative(long nanos) {
        StringBuilder sb = new StringBuilder(24);
        appendSeconds(sb, nanos, 9);
        return sb.toString();
    }

    /**
     * Appends {@code nanos} as seconds with {@code decimals} digits (0 to 9), truncated rather than
     * rounded as tshark's column code does; a negative value gets a leading minus sign.
     */
    public static void appendSeconds(StringBuilder sb, long nanos, int decimals) {
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        sb.append(nanos / NANOS);
        if (decimals > 0) {
            sb.append('.');
            int frac = (int) (nanos % NANOS);
            digits(sb, frac / pow10(9 - decimals), decimals);
        }
    }

    static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    /** Appends {@code v} zero-padded to {@code n} digits. */
    static void digits(StringBuilder sb, int v, int n) {
        int p = pow10(n - 1);
        while (p > 1 && v < p) {
            sb.append('0');
            p /= 10;
        }
        sb.append(v);
    }
}
