package dev.dorsal.engine.filter.check;

/** Parses the textual IPv4 and IPv6 forms filters accept (no host names: tshark 4.0 resolves none here). */
final class Addresses {
    private Addresses() {}

    /** A strict dotted quad as an unsigned 32-bit value, or -1. */
    static long ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return -1;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    return -1;
                }
            }
            int o = Integer.parseInt(p);
            if (o > 255) {
                return -1;
            }
            v = (v << 8) | o;
        }
        return v;
    }

    /** The 16 bytes of a textual IPv6 address, or null. */
    static byte[] ipv6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        int[] head;
        int[] tail;
        if (dbl >= 0) {
            head = groups(s.substring(0, dbl), false);
            tail = groups(s.substring(dbl + 2), true);
            if (head == null || tail == null || head.length + tail.length > 7) {
                return null;
            }
        } else {
            head = groups(s, true);
            tail = new int[0];
            if (head == null || head.length != 8) {
                return null;
            }
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            out[2 * i] = (byte) (head[i] >> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tail.length; i++) {
            int g = 8 - tail.length + i;
            out[2 * g] = (byte) (tail[i] >> 8);
            out[2 * g + 1] = (byte) tail[i];
        }
        return out;
    }

    private static int[] groups(String list, boolean ipv4Tail) {
        if (list.isEmpty()) {
            return new int[0];
        }
        String[] parts = list.split(":", -1);
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            if (k == parts.length - 1 && ipv4Tail && p.indexOf('.') >= 0) {
                long v4 = ipv4(p);
                if (v4 < 0) {
                    return null;
                }
                out.add((int) (v4 >>> 16));
                out.add((int) (v4 & 0xffff));
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int i = 0; i < p.length(); i++) {
                int d = Character.digit(p.charAt(i), 16);
                if (d < 0) {
                    return null;
                }
                v = (v << 4) | d;
            }
            out.add(v);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * hex_str_to_bytes as tshark uses it for byte literals: pairs of hex digits, optionally separated by
     * {@code : . -}; a lone digit before a separator or at the end is one byte. Null when malformed.
     */
    static byte[] hexBytes(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int p = 0;
        int n = s.length();
        while (p < n) {
            boolean h0 = hex(s, p);
            boolean h1 = hex(s, p + 1);
            if (h0 && h1 && hex(s, p + 2) && hex(s, p + 3)) {
                out.write(Integer.parseInt(s.substring(p, p + 2), 16));
                out.write(Integer.parseInt(s.substring(p + 2, p + 4), 16));
                p = afterGroup(s, p + 4);
            } else if (h0 && h1) {
                out.write(Integer.parseInt(s.substring(p, p + 2), 16));
                p = afterGroup(s, p + 2);
            } else if (h0 && p + 1 < n && isSep(s.charAt(p + 1))) {
                out.write(Character.digit(s.charAt(p), 16));
                p += 2;
            } else if (h0 && p + 1 == n) {
                out.write(Character.digit(s.charAt(p), 16));
                p++;
            } else {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static int afterGroup(String s, int p) {
        return p < s.length() && isSep(s.charAt(p)) ? p + 1 : p;
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80;
    }

    private static boolean isSep(char c) {
        return c == ':' || c == '.' || c == '-';
    }
}
