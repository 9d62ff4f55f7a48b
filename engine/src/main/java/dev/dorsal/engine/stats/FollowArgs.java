package dev.dorsal.engine.stats;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.AddressFormat;

/**
 * The parsed {@code -z follow,<proto>,<mode>,<filter>[,<range>]} argument, with tshark's messages for
 * each way it can be wrong. The filter is a stream index ({@code 0}) or an address pair
 * ({@code 10.0.0.1:80,10.0.0.2:5000}, IPv6 in brackets); the range picks chunks {@code N} or
 * {@code N-M} (1-based).
 */
record FollowArgs(String proto, Mode mode, long stream, Address[] addr, int[] port, long chunkMin, long chunkMax) {
    /** Output modes, with the name tshark prints on the "Follow:" line. */
    enum Mode {
        ASCII("ascii"), EBCDIC("ebcdic"), HEX("hex"), RAW("raw"), YAML("yaml");

        final String text;

        Mode(String text) {
            this.text = text;
        }
    }

    /** Parses everything after {@code follow,<proto>} ({@code rest} starts with the comma before the mode). */
    static FollowArgs parse(String proto, String rest) throws StatsException {
        Cursor c = new Cursor(rest);
        Mode mode = null;
        for (Mode m : Mode.values()) {
            if (c.startsWith("," + m.text)) {
                mode = m;
                c.pos += m.text.length() + 1;
                break;
            }
        }
        if (mode == null) {
            throw fail("Invalid display mode.");
        }
        long stream = -1;
        Address[] addr = null;
        int[] port = null;
        Long index = c.unsignedAfterComma(true);
        if (index != null && (c.atEnd() || c.peek() == ',')) {
            stream = (int) (long) index;
        } else {
            c.pos = c.mark;
            addr = new Address[2];
            port = new int[2];
            for (int i = 0; i < 2; i++) {
                boolean v6 = c.startsWith(",[");
                String host;
                if (v6) {
                    int close = c.text.indexOf(']', c.pos + 2);
                    if (close < 0 || close == c.pos + 2 || !c.text.startsWith(":", close + 1)) {
                        throw fail("Invalid address.");
                    }
                    host = c.text.substring(c.pos + 2, close);
                    c.pos = close + 2;
                } else {
                    int colon = c.text.indexOf(':', c.pos + 1);
                    if (!c.startsWith(",") || colon < 0 || colon == c.pos + 1) {
                        throw fail("Invalid address.");
                    }
                    host = c.text.substring(c.pos + 1, colon);
                    c.pos = colon + 1;
                }
                Long p = c.signedInt();
                if (p == null) {
                    throw fail("Invalid address.");
                }
                if (p <= 0 || p > 65535) {
                    throw fail("Invalid port.");
                }
                port[i] = (int) (long) p;
                addr[i] = v6 ? ipv6(host) : ipv4(host);
            }
            if (addr[0].type() != addr[1].type()) {
                throw fail("Mismatched IP address types.");
            }
        }
        long min = 1;
        long max = 0xffffffffL;
        if (!c.atEnd()) {
            Long a = c.unsignedAfterComma(false);
            if (a == null) {
                throw fail("Invalid range.");
            }
            min = a;
            max = a;
            int afterFirst = c.pos;
            if (c.startsWith("-")) {
                c.pos++;
                Long b = c.unsignedNoComma();
                if (b != null) {
                    max = b;
                } else {
                    c.pos = afterFirst;
                }
            }
            if (min < 1 || min > max) {
                throw fail("Invalid range value.");
            }
        }
        if (!c.atEnd()) {
            throw fail("Invalid parameter.");
        }
        if (stream < 0 && addr == null) {
            throw fail("Error registering tap listener.");
        }
        return new FollowArgs(proto, mode, stream, addr, port, min, max);
    }

    /** The transport whose stream or ports select the packets: TCP for TLS, else the protocol itself. */
    String transport() {
        return proto.equals("tls") ? "tcp" : proto;
    }

    /** The "Filter:" line's text, which is also what selects the packets. */
    String filterText() {
        String proto = transport();
        if (addr == null) {
            return proto + ".stream eq " + stream;
        }
        String ip = addr[0].type() == Address.Type.IPv6 ? "ipv6" : "ip";
        String a = addr[0].toString();
        String b = addr[1].toString();
        return "((" + ip + ".src eq " + a + " and " + proto + ".srcport eq " + port[0] + ") and (" + ip + ".dst eq "
                + b + " and " + proto + ".dstport eq " + port[1] + ")) or ((" + ip + ".src eq " + b + " and " + proto
                + ".srcport eq " + port[1] + ") and (" + ip + ".dst eq " + a + " and " + proto + ".dstport eq "
                + port[0] + "))";
    }

    private static StatsException fail(String why) {
        return new StatsException("tshark: follow - " + why);
    }

    private static Address ipv4(String s) throws StatsException {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw fail("Can't get IPv4 address");
        }
        long v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                throw fail("Can't get IPv4 address");
            }
            int n = Integer.parseInt(part);
            if (n > 255) {
                throw fail("Can't get IPv4 address");
            }
            v = (v << 8) | n;
        }
        return Address.ipv4(v);
    }

    private static Address ipv6(String s) throws StatsException {
        byte[] b = Ipv6Text.parse(s);
        if (b == null) {
            throw fail("Can't get IPv6 address");
        }
        return Address.ipv6(b);
    }

    /** Reads numbers the way sscanf's %u and %d do (leading blanks, optional sign, wrap modulo 2^32). */
    private static final class Cursor {
        final String text;
        int pos;
        int mark;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() { return pos >= text.length(); }
        char peek() { return text.charAt(pos); }
        boolean startsWith(String s) { return text.startsWith(s, pos); }

        /** {@code ,%u}: the number (mod 2^32, as a signed int when {@code signed}) or null; moves past it. */
        Long unsignedAfterComma(boolean signed) {
            mark = pos;
            if (!startsWith(",")) {
                return null;
            }
            pos++;
            Long v = number();
            if (v == null) {
                pos = mark;
                return null;
            }
            long u = v & 0xffffffffL;
            return signed ? (long) (int) u : u;
        }

        Long unsignedNoComma() {
            Long v = number();
            return v == null ? null : v & 0xffffffffL;
        }

        Long signedInt() {
            Long v = number();
            return v == null ? null : (long) (int) (long) v;
        }

        private Long number() {
            int p = pos;
            while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                p++;
            }
            boolean neg = false;
            if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
                neg = text.charAt(p) == '-';
                p++;
            }
            int digits = p;
            long v = 0;
            while (p < text.length() && Character.isDigit(text.charAt(p))) {
                v = v * 10 + (text.charAt(p) - '0');
                if (v > 0xffffffffffL) {
                    v = 0xffffffffffL;
                }
                p++;
            }
            if (p == digits) {
                return null;
            }
            pos = p;
            return neg ? -v : v;
        }
    }

    static String addressText(Address a) {
        return a.type() == Address.Type.IPv6 ? AddressFormat.ipv6(a.bytes()) : a.toString();
    }
}
