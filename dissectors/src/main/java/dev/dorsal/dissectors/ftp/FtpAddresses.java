package dev.dorsal.dissectors.ftp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses the address arguments of FTP: PORT and the 227 reply ({@code h1,h2,h3,h4,p1,p2}, found
 * anywhere in the text as tshark finds it), EPRT ({@code |af|addr|port|}, RFC 2428 section 2) and the
 * 229 reply ({@code (|||port|)}, section 3). Offsets are within the argument text.
 */
final class FtpAddresses {
    private FtpAddresses() {}

    /** Six numbers of PORT/PASV: where they start, the address and port, and the lengths tshark gives their items. */
    record HostPort(int offset, long ip, int port, int ipLength, int portLength) {}

    /** EPRT's parts: family, address (4 or 16 bytes), port, and the lengths of the address and port texts. */
    record Eprt(int family, byte[] address, int port, int ipLength, int portLength) {}

    /** EPSV's port, where it starts, and the length tshark gives its item. */
    record Epsv(int offset, int port, int portLength) {}

    /**
     * Finds the first digit from which six comma-separated numbers can be read (each as C's
     * {@code %d}: optional blanks and sign), trying again after each run of digits.
     */
    static HostPort hostPort(String args) {
        int p = 0;
        int n = args.length();
        while (true) {
            while (p < n && !isDigit(args.charAt(p))) {
                p++;
            }
            if (p >= n) {
                return null;
            }
            long[] v = new long[6];
            int pos = p;
            int read = 0;
            while (read < 6) {
                int[] res = scanInt(args, pos);
                if (res == null) {
                    break;
                }
                v[read++] = res[0];
                pos = res[1];
                if (read < 6) {
                    if (pos < n && args.charAt(pos) == ',') {
                        pos++;
                    } else {
                        break;
                    }
                }
            }
            if (read == 6) {
                int port = (int) (((v[4] & 0xff) << 8) | (v[5] & 0xff));
                long ip = ((v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3]) & 0xffffffffL;
                int portLength = digits(v[4]) + 1 + digits(v[5]);
                int ipLength = digits(v[0]) + 1 + digits(v[1]) + 1 + digits(v[2]) + 1 + digits(v[3]);
                return new HostPort(p, ip, port, ipLength, portLength);
            }
            while (p < n && isDigit(args.charAt(p))) {
                p++;
            }
        }
    }

    /** tshark's length of a number's text: 1 below 10 (negatives too), 2 below 100, else 3. */
    private static int digits(long v) {
        return v < 10 ? 1 : v < 100 ? 2 : 3;
    }

    /** C's %d at {@code pos}: {value, end}, or null when no number is there. */
    private static int[] scanInt(String s, int pos) {
        int n = s.length();
        while (pos < n && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        boolean neg = false;
        if (pos < n && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            neg = s.charAt(pos) == '-';
            pos++;
        }
        int start = pos;
        long v = 0;
        while (pos < n && isDigit(s.charAt(pos))) {
            v = Math.min(v * 10 + (s.charAt(pos) - '0'), 1L << 40);
            pos++;
        }
        if (pos == start) {
            return null;
        }
        return new int[] {(int) (neg ? -v : v), pos};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 2428's delimiter rule: printable, not a hex digit, '.' or ':'. */
    private static boolean validDelimiter(char c) {
        return c > 0x20 && c < 0x7f && "0123456789abcdef.:".indexOf(Character.toLowerCase(c)) < 0;
    }

    /** EPRT's argument, or null when it does not have the form |af|addr|port|. */
    static Eprt eprt(String args) {
        int nul = args.indexOf('\0');
        String s = nul >= 0 ? args.substring(0, nul) : args;
        if (args.length() < 4 || s.isEmpty() || !validDelimiter(s.charAt(0))) {
            return null;
        }
        char d = s.charAt(0);
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == d) {
                count++;
            }
        }
        if (count != 4) {
            return null;
        }
        int seen = 1;
        int last = 0;
        long family = -1;
        byte[] addr = null;
        int ipLength = 0;
        int port = -1;
        int portLength = 0;
        boolean ok = true;
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != d) {
                continue;
            }
            seen++;
            int len = i - last - 1;
            if (len <= 0) {
                return null;
            }
            String field = s.substring(last + 1, i);
            if (seen == 2) {
                family = parseUnsigned(field, 0xffffffffL);
                if (family < 0) {
                    return null;
                }
            } else if (seen == 3) {
                if (family == 1) {
                    addr = ipv4(field);
                } else if (family == 2) {
                    addr = ipv6(field);
                } else {
                    return null;
                }
                ok = addr != null;
                ipLength = len;
            } else if (seen == 4) {
                long p = parseUnsigned(field, 0xffff);
                if (p < 0) {
                    return null;
                }
                port = (int) p;
                portLength = len;
            }
            last = i;
        }
        if (!ok || port < 0) {
            return null;
        }
        return new Eprt((int) family, addr, port, ipLength, portLength);
    }

    /** A whole decimal number up to {@code max}, or -1. */
    private static long parseUnsigned(String s, long max) {
        if (s.isEmpty() || s.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > max ? -1 : v;
    }

    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            long v = parts[i].length() > 3 ? -1 : parseUnsigned(parts[i], 255);
            if (v < 0) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] ipv6(String s) {
        if (s.indexOf(':') < 0 || !s.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (a instanceof Inet6Address) {
                return a.getAddress();
            }
            if (a instanceof Inet4Address v4) {
                byte[] b = new byte[16];
                b[10] = (byte) 0xff;
                b[11] = (byte) 0xff;
                System.arraycopy(v4.getAddress(), 0, b, 12, 4);
                return b;
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The 229 reply's port: after the first '(' and up to three equal delimiters, a number (tshark
     * takes one too large as 65535 when '|' follows it, and no number at all as 0 when '|' is there),
     * with a ')' somewhere after it. Null otherwise.
     */
    static Epsv epsv(String args) {
        int nul = args.indexOf('\0');
        String s = nul >= 0 ? args.substring(0, nul) : args;
        int p = s.indexOf('(');
        if (p < 0) {
            return null;
        }
        p++;
        char delimiter = 0;
        for (int n = 0; n < 3 && p < s.length(); n++) {
            char c = s.charAt(p);
            if (delimiter == 0 && validDelimiter(c)) {
                delimiter = c;
            }
            if (c != delimiter) {
                break;
            }
            p++;
        }
        if (p >= s.length()) {
            return null;
        }
        int start = p;
        int q = p;
        while (q < s.length() && Character.isWhitespace(s.charAt(q))) {
            q++;
        }
        boolean neg = q < s.length() && s.charAt(q) == '-';
        if (q < s.length() && (s.charAt(q) == '-' || s.charAt(q) == '+')) {
            q++;
        }
        int digitsStart = q;
        long v = 0;
        while (q < s.length() && isDigit(s.charAt(q))) {
            v = Math.min(v * 10 + (s.charAt(q) - '0'), 1L << 40);
            q++;
        }
        boolean valid;
        int port;
        if (q == digitsStart || neg || start != digitsStart) {
            // ws_strtou16 refuses blanks, signs and no digits; the '|' rescue needs the end pointer there.
            valid = q == digitsStart ? start < s.length() && s.charAt(start) == '|' : false;
            port = 0;
        } else {
            if (v > 0xffff) {
                valid = q < s.length() && s.charAt(q) == '|';
                port = 0xffff;
            } else {
                valid = true;
                port = (int) v;
            }
        }
        if (!valid) {
            return null;
        }
        int close = s.indexOf(')', start);
        if (close < 0) {
            return null;
        }
        return new Epsv(start, port, close - 1 - start);
    }
}
