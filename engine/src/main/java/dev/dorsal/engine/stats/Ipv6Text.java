package dev.dorsal.engine.stats;

/** Parses IPv6 text (RFC 4291 section 2.2: groups, one "::", an optional dotted IPv4 tail) as inet_pton does. */
final class Ipv6Text {
    private Ipv6Text() {}

    /** The 16 bytes of {@code s}, or null when it is not an IPv6 address. */
    static byte[] parse(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap >= 0 ? s.substring(0, gap) : s);
        int[] tail = gap >= 0 ? groups(s.substring(gap + 2)) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int n = head.length + tail.length;
        if (gap < 0 ? n != 8 : n > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            out[2 * i] = (byte) (head[i] >> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tail.length; i++) {
            int at = 8 - tail.length + i;
            out[2 * at] = (byte) (tail[i] >> 8);
            out[2 * at + 1] = (byte) tail[i];
        }
        return out;
    }

    /** 16-bit groups of a colon-separated run (a dotted IPv4 last part counts as two); null when bad. */
    private static int[] groups(String run) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] parts = run.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                long v4 = ipv4(p);
                if (v4 < 0) {
                    return null;
                }
                out[n++] = (int) (v4 >>> 16);
                out[n++] = (int) (v4 & 0xffff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (char ch : p.toCharArray()) {
                int d = Character.digit(ch, 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[n++] = v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static long ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return -1;
            }
            int n = Integer.parseInt(p);
            if (n > 255) {
                return -1;
            }
            v = (v << 8) | n;
        }
        return v;
    }
}
