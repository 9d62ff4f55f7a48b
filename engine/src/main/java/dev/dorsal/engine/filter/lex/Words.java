package dev.dorsal.engine.filter.lex;

/**
 * Measures the word-shaped tokens of the scanner at a position: each method returns how many chars
 * of {@code s} starting at {@code i} its pattern matches (longest match), or 0.
 */
final class Words {
    private Words() {}

    /** {@code [A-Za-z0-9_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*}: field names, numbers and plain words. */
    static int identifier(String s, int i) {
        if (i >= s.length() || !isWordStart(s.charAt(i))) {
            return 0;
        }
        int p = i + 1;
        while (p < s.length() && isWordChar(s.charAt(p))) {
            p++;
        }
        while (p + 1 < s.length() && s.charAt(p) == '.' && isWordChar(s.charAt(p + 1))) {
            p += 2;
            while (p < s.length() && isWordChar(s.charAt(p))) {
                p++;
            }
        }
        return p - i;
    }

    /** Six hex pairs joined by one of {@code : - .}, or three hex quads joined by dots. */
    static int mac(String s, int i) {
        for (char sep : new char[] {':', '-', '.'}) {
            if (groups(s, i, 2, 6, sep)) {
                return 17;
            }
        }
        return groups(s, i, 4, 3, '.') ? 14 : 0;
    }

    private static boolean groups(String s, int i, int width, int count, char sep) {
        int p = i;
        for (int g = 0; g < count; g++) {
            if (g > 0) {
                if (p >= s.length() || s.charAt(p) != sep) {
                    return false;
                }
                p++;
            }
            for (int k = 0; k < width; k++) {
                if (p >= s.length() || !Lexer.isHex(s.charAt(p))) {
                    return false;
                }
                p++;
            }
        }
        return true;
    }

    /** A dotted quad of decimal octets without leading zeros, with an optional {@code /N} or {@code /NN}. */
    static int ipv4(String s, int i) {
        int end = quadEnd(s, i, 0);
        if (end < 0) {
            return 0;
        }
        return end - i + cidr(s, end, 2);
    }

    /** The furthest end of a valid quad whose octet number {@code octet} starts at {@code p}, or -1. */
    private static int quadEnd(String s, int p, int octet) {
        int best = -1;
        for (int len = 1; len <= 3 && p + len <= s.length(); len++) {
            if (!isDecOctet(s.substring(p, p + len))) {
                continue;
            }
            int end = p + len;
            if (octet == 3) {
                best = Math.max(best, end);
            } else if (end < s.length() && s.charAt(end) == '.') {
                best = Math.max(best, quadEnd(s, end + 1, octet + 1));
            }
        }
        return best;
    }

    private static boolean isDecOctet(String d) {
        for (int k = 0; k < d.length(); k++) {
            if (!Lexer.isDigit(d.charAt(k))) {
                return false;
            }
        }
        if (d.length() > 1 && d.charAt(0) == '0') {
            return false;
        }
        return Integer.parseInt(d) <= 255;
    }

    private static int cidr(String s, int p, int maxDigits) {
        if (p >= s.length() || s.charAt(p) != '/') {
            return 0;
        }
        int q = p + 1;
        while (q < s.length() && q - p - 1 < maxDigits && Lexer.isDigit(s.charAt(q))) {
            q++;
        }
        return q - p - 1 > 0 ? q - p : 0;
    }

    /** The longest valid textual IPv6 address (RFC 4291, embedded IPv4 allowed), with optional {@code /NNN}. */
    static int ipv6(String s, int i) {
        int max = i;
        while (max < s.length() && (Lexer.isHex(s.charAt(max)) || s.charAt(max) == ':' || s.charAt(max) == '.')) {
            max++;
        }
        for (int end = max; end > i + 1; end--) {
            if (isIpv6(s.substring(i, end))) {
                return end - i + cidr(s, end, 3);
            }
        }
        return 0;
    }

    static boolean isIpv6(String a) {
        int dbl = a.indexOf("::");
        if (dbl >= 0 && a.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        if (dbl >= 0) {
            String head = a.substring(0, dbl);
            String tail = a.substring(dbl + 2);
            int h = countGroups(head, false);
            int t = countGroups(tail, true);
            if (h < 0 || t < 0) {
                return false;
            }
            return h + t <= 7;
        }
        return countGroups(a, true) == 8;
    }

    /** Number of 16-bit groups in a colon list (an IPv4 tail counts 2), or -1 if malformed. */
    private static int countGroups(String list, boolean ipv4TailAllowed) {
        if (list.isEmpty()) {
            return 0;
        }
        String[] parts = list.split(":", -1);
        int n = 0;
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            boolean last = k == parts.length - 1;
            if (last && ipv4TailAllowed && p.indexOf('.') >= 0) {
                if (ipv4Exact(p)) {
                    n += 2;
                    continue;
                }
                return -1;
            }
            if (p.isEmpty() || p.length() > 4) {
                return -1;
            }
            for (int c = 0; c < p.length(); c++) {
                if (!Lexer.isHex(p.charAt(c))) {
                    return -1;
                }
            }
            n++;
        }
        return n;
    }

    private static boolean ipv4Exact(String p) {
        String[] o = p.split("\\.", -1);
        if (o.length != 4) {
            return false;
        }
        for (String d : o) {
            if (d.isEmpty() || d.length() > 3 || !isDecOctet(d)) {
                return false;
            }
        }
        return true;
    }

    /** {@code :?hh(:hh)+} or {@code :h+}: byte strings written with colons, or forced with a leading colon. */
    static int colonBytes(String s, int i) {
        int best = 0;
        int p = i;
        if (p < s.length() && s.charAt(p) == ':') {
            int q = p + 1;
            while (q < s.length() && Lexer.isHex(s.charAt(q))) {
                q++;
            }
            if (q > p + 1) {
                best = q - i;
            }
            p++;
        }
        int q = p;
        int pairs = 0;
        while (q + 1 < s.length() && Lexer.isHex(s.charAt(q)) && Lexer.isHex(s.charAt(q + 1))) {
            pairs++;
            int after = q + 2;
            if (pairs >= 2) {
                best = Math.max(best, after - i);
            }
            if (after < s.length() && s.charAt(after) == ':') {
                q = after + 1;
            } else {
                break;
            }
        }
        return best;
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isWordChar(char c) {
        return isWordStart(c) || c == '-';
    }
}
