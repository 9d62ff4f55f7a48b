package dev.dorsal.dissectors.icmp;

/**
 * Spells a duration the way tshark does in ICMP labels: {@code 1 hour, 1 minute, 1 second},
 * {@code 4 hours, 28 minutes, 51.171 seconds}, {@code 0 seconds}. Zero parts are left out.
 */
public final class TimeText {
    private TimeText() {}

    /** A duration in whole seconds. */
    public static String seconds(long secs) {
        return millis(secs * 1000);
    }

    /** A duration in milliseconds; a fraction is shown with three digits. */
    public static String millis(long ms) {
        long secs = ms / 1000;
        int frac = (int) (ms % 1000);
        long days = secs / 86400;
        long hours = secs / 3600 % 24;
        long minutes = secs / 60 % 60;
        long s = secs % 60;
        StringBuilder sb = new StringBuilder(48);
        part(sb, days, "day");
        part(sb, hours, "hour");
        part(sb, minutes, "minute");
        if (s != 0 || frac != 0 || sb.length() == 0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s);
            if (frac != 0) {
                sb.append('.').append(frac < 100 ? (frac < 10 ? "00" : "0") : "").append(frac);
            }
            sb.append(s == 1 && frac == 0 ? " second" : " seconds");
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, long n, String unit) {
        if (n != 0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
        }
    }
}
