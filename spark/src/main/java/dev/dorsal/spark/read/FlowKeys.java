package dev.dorsal.spark.read;

import dev.dorsal.engine.capture.RawFrame;

/**
 * Which flow group a frame belongs to at {@code level = "flow"}: a hash of its conversation, read
 * straight from the headers (no dissection), the same for both directions.
 *
 * <p>TCP, UDP and SCTP packets hash their two (address, port) ends; other IP packets and IP fragments
 * hash the address pair alone (a fragment after the first carries no ports, and all fragments must
 * meet in one group to be reassembled); non-IP frames hash their frame number, since no dissector
 * keeps state across them. Ethernet (with VLAN tags), Linux cooked (v1, v2), raw IP and BSD loopback
 * are understood; frames of other link types go by frame number.
 */
final class FlowKeys {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int SCTP = 132;

    private FlowKeys() {}

    /** The frame's group among {@code groups}. */
    static int group(RawFrame raw, int groups) {
        long h = key(raw);
        h *= 0x9E3779B97F4A7C15L;
        return (int) Long.remainderUnsigned(h ^ (h >>> 29), groups);
    }

    static long key(RawFrame raw) {
        byte[] d = raw.data();
        long ip = switch (raw.linkType()) {
            case 1 -> ethernet(d, 12);
            case 113 -> d.length >= 16 ? network(d, 16, u16(d, 14)) : -1; // Linux cooked capture v1
            case 276 -> d.length >= 20 ? network(d, 20, u16(d, 0)) : -1; // Linux cooked capture v2
            case 101, 12, 14 -> rawIp(d, 0);
            case 228 -> ipv4(d, 0);
            case 229 -> ipv6(d, 0);
            case 0, 108 -> rawIp(d, 4); // BSD loopback: a 4-byte address family, then IP
            default -> -1;
        };
        return ip != -1 ? ip : Long.MIN_VALUE ^ raw.number();
    }

    private static long ethernet(byte[] d, int typeAt) {
        int at = typeAt;
        while (at + 2 <= d.length) {
            int type = u16(d, at);
            if (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) {
                at += 4;
                continue;
            }
            return network(d, at + 2, type);
        }
        return -1;
    }

    private static long network(byte[] d, int at, int ethertype) {
        return switch (ethertype) {
            case ETHERTYPE_IPV4 -> ipv4(d, at);
            case ETHERTYPE_IPV6 -> ipv6(d, at);
            default -> -1;
        };
    }

    private static long rawIp(byte[] d, int at) {
        if (at >= d.length) {
            return -1;
        }
        return switch ((d[at] & 0xff) >> 4) {
            case 4 -> ipv4(d, at);
            case 6 -> ipv6(d, at);
            default -> -1;
        };
    }

    private static long ipv4(byte[] d, int at) {
        if (at + 20 > d.length || (d[at] & 0xff) >> 4 != 4) {
            return -1;
        }
        int ihl = (d[at] & 0x0f) * 4;
        int proto = d[at + 9] & 0xff;
        long a = u32(d, at + 12) & 0xFFFF_FFFFL;
        long b = u32(d, at + 16) & 0xFFFF_FFFFL;
        int fragment = u16(d, at + 6);
        boolean fragmented = (fragment & 0x2000) != 0 || (fragment & 0x1FFF) != 0;
        return ends(a, b, proto, d, at + ihl, fragmented);
    }

    private static long ipv6(byte[] d, int at) {
        if (at + 40 > d.length || (d[at] & 0xff) >> 4 != 6) {
            return -1;
        }
        long a = mix(d, at + 8, 16);
        long b = mix(d, at + 24, 16);
        int next = d[at + 6] & 0xff;
        int pos = at + 40;
        boolean fragmented = false;
        // Hop-by-hop, routing and destination options come before the transport header.
        while ((next == 0 || next == 43 || next == 60 || next == 44) && pos + 8 <= d.length) {
            if (next == 44) {
                fragmented = true;
                next = d[pos] & 0xff;
                pos += 8;
                continue;
            }
            int len = ((d[pos + 1] & 0xff) + 1) * 8;
            next = d[pos] & 0xff;
            pos += len;
        }
        return ends(a, b, next, d, pos, fragmented);
    }

    /** The conversation key of two addresses and, for unfragmented transport packets, their ports. */
    private static long ends(long a, long b, int proto, byte[] d, int transportAt, boolean fragmented) {
        if (!fragmented && (proto == TCP || proto == UDP || proto == SCTP) && transportAt + 4 <= d.length) {
            long pa = u16(d, transportAt);
            long pb = u16(d, transportAt + 2);
            long endA = a * 65_537 + pa;
            long endB = b * 65_537 + pb;
            return symmetric(endA, endB) * 31 + proto;
        }
        return symmetric(a, b) * 31 + 255;
    }

    private static long symmetric(long x, long y) {
        long lo = Math.min(x, y);
        long hi = Math.max(x, y);
        return lo * 0x9E3779B97F4A7C15L + hi;
    }

    private static long mix(byte[] d, int at, int n) {
        long h = 1125899906842597L;
        for (int i = 0; i < n; i++) {
            h = 31 * h + (d[at + i] & 0xff);
        }
        return h;
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xff) << 8 | (d[at + 1] & 0xff);
    }

    private static int u32(byte[] d, int at) {
        return (d[at] & 0xff) << 24 | (d[at + 1] & 0xff) << 16 | (d[at + 2] & 0xff) << 8 | (d[at + 3] & 0xff);
    }
}
