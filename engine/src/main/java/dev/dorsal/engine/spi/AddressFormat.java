package dev.dorsal.engine.spi;

/** Text forms of addresses as Wireshark prints them (RFC 5952 for IPv6, lower-case colon MACs). */
public final class AddressFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AddressFormat() {}

    public static String ipv4(long v) {
        return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }

    public static String ether(long v) {
        char[] out = new char[17];
        for (int i = 0; i < 6; i++) {
            int b = (int) (v >>> (40 - 8 * i)) & 0xff;
            out[i * 3] = HEX[b >>> 4];
            out[i * 3 + 1] = HEX[b & 15];
            if (i < 5) {
                out[i * 3 + 2] = ':';
            }
        }
        return new String(out);
    }

    public static String ether(byte[] b) {
        return hexJoined(b, ':');
    }

    /** Bytes as lower-case hex pairs joined by {@code sep} (or contiguous when sep is 0). */
    public static String hexJoined(byte[] b, char sep) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0 && sep != 0) {
                sb.append(sep);
            }
            sb.append(HEX[(b[i] >>> 4) & 15]).append(HEX[b[i] & 15]);
        }
        return sb.toString();
    }

    /** RFC 5952 text: lower case, longest run (≥ 2) of zero groups as "::", leftmost on ties, IPv4-mapped tail. */
    public static String ipv6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms keep a dotted tail, as inet_ntop does.
        boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
        if (mapped) {
            return "::ffff:" + (a[12] & 0xff) + "." + (a[13] & 0xff) + "." + (a[14] & 0xff) + "." + (a[15] & 0xff);
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
