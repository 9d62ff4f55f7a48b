package dev.dorsal.dissectors.text;

/**
 * A whole number of seconds as tshark words it in labels (DNS TTLs, DHCP lease times):
 * "1 day, 2 hours, 3 minutes, 4 seconds", zero parts left out, "0 seconds" for none, a minus sign in
 * front of a negative one.
 */
public final class Durations {
    private Durations() {}

    public static String seconds(long secs) {
        if (secs == 0) {
            return "0 seconds";
        }
        StringBuilder sb = new StringBuilder(40);
        long v = secs;
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        part(sb, v / 86400, "day");
        part(sb, v / 3600 % 24, "hour");
        part(sb, v / 60 % 60, "minute");
        part(sb, v % 60, "second");
        return sb.toString();
    }

    private static void part(StringBuilder sb, long n, String unit) {
        if (n == 0) {
            return;
        }
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
            sb.append(", ");
        }
        sb.append(n).append(' ').append(unit);
        if (n != 1) {
            sb.append('s');
        }
    }
}
