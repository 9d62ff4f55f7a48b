#!/usr/bin/env python3
"""Writes lisp_crafted.pcap: LISP control messages (RFC 6830/6833) on UDP 4342 that the corpus lacks.

Map-Requests with every flag, IPv4/IPv6/unset source EIDs, several ITR-RLOCs and records and an embedded
Map-Reply record; Map-Replies with negative and multi-locator records; Map-Register with an xTR-ID;
Map-Notify (one with the I bit but no xTR-ID, malformed as in tshark); ECMs carrying IPv6; an unknown
type; messages cut short; then the LISP data header on UDP 4341 in each layout around inner ICMP and
ICMPv6 echoes, and one datagram shorter than the header. Run from this directory."""
import socket
import struct

from textproto_pcap import Pcap, csum, udp4

V4A = socket.inet_aton('192.0.2.1')
V4B = socket.inet_aton('198.51.100.7')
V6A = socket.inet_pton(socket.AF_INET6, '2001:db8::1')
V6B = socket.inet_pton(socket.AF_INET6, '2001:db8:1:2::abcd')


def addr(afi):
    return {0: b'', 1: V4A, 2: V6A}[afi]


def afi_addr(afi, a=None):
    return struct.pack('!H', afi) + (addr(afi) if a is None else a)


def locator(prio, weight, flags, afi, a=None):
    return struct.pack('!BBBBH', prio, weight, 255, 0, flags) + afi_addr(afi, a)


def record(ttl, masklen, act, auth, ver, afi, a, locs):
    w = (act << 13) | (0x1000 if auth else 0)
    return struct.pack('!IBBHH', ttl, len(locs), masklen, w, ver & 0xfff) + afi_addr(afi, a) + b''.join(locs)


def map_request(flags, src_afi, itrs, recs, reply=None):
    """flags: 6-bit A M P S p s; itrs: list of (afi, addr); recs: list of (masklen, afi, addr)."""
    m = 1 if reply is not None else 0
    w = (1 << 20) | ((flags | (m << 4)) << 14) | ((len(itrs) - 1) & 0x1f)
    out = struct.pack('!I', w)[1:] + bytes([len(recs)]) + struct.pack('!Q', 0x1122334455667788)
    out += afi_addr(src_afi)
    for afi, a in itrs:
        out += afi_addr(afi, a)
    for ml, afi, a in recs:
        out += bytes([0, ml]) + afi_addr(afi, a)
    if reply is not None:
        out += reply
    return out


def map_reply(p, e, s, recs, nonce=0xa1b2c3d4e5f60718):
    w = (2 << 20) | (p << 19) | (e << 18) | (s << 17)
    return struct.pack('!I', w)[1:] + bytes([len(recs)]) + struct.pack('!Q', nonce) + b''.join(recs)


def map_register(bits, recs, xtr=False):
    w = (3 << 20) | bits
    auth = bytes(range(20))
    out = struct.pack('!I', w)[1:] + bytes([len(recs)]) + struct.pack('!QHH', 0, 1, len(auth)) + auth + b''.join(recs)
    if xtr:
        out += bytes(range(0x10, 0x20)) + bytes(range(0xa0, 0xa8))
    return out


def map_notify(bits, recs):
    w = (4 << 20) | bits
    auth = bytes(range(32))
    return struct.pack('!I', w)[1:] + bytes([len(recs)]) + struct.pack('!QHH', 7, 2, len(auth)) + auth + b''.join(recs)


def ecm6(bits, inner):
    udp = struct.pack('!HHHH', 4342, 4342, 8 + len(inner), 0) + inner
    ip6 = struct.pack('!IHBB', 0x60000000, len(udp), 17, 64) + V6A + V6B
    return struct.pack('!I', (8 << 28) | bits) + ip6 + udp


def echo4():
    """An IPv4 ICMP echo request, checksummed."""
    icmp = struct.pack('!BBHHH', 8, 0, 0, 1, 7) + b'lisp data'
    icmp = icmp[:2] + struct.pack('!H', csum(icmp)) + icmp[4:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(icmp), 9, 0, 63, 1, 0, V4A, V4B)
    return ip[:10] + struct.pack('!H', csum(ip)) + ip[12:] + icmp


def echo6():
    """An IPv6 ICMPv6 echo request, checksummed."""
    icmp = struct.pack('!BBHHH', 128, 0, 0, 1, 8) + b'lisp data'
    pseudo = V6A + V6B + struct.pack('!IxxxB', len(icmp), 58)
    icmp = icmp[:2] + struct.pack('!H', csum(pseudo + icmp)) + icmp[4:]
    return struct.pack('!IHBB', 0x60000000, len(icmp), 58, 63) + V6A + V6B + icmp


def main():
    loc_local = locator(1, 100, 0x5, 1)
    loc_remote = locator(2, 50, 0x0, 2, V6B)
    loc_probed = locator(3, 10, 0x3, 1, V4B)
    rec4 = record(1440, 24, 0, True, 5, 1, V4A, [loc_local])
    rec6 = record(0xffffffff, 48, 3, False, 4095, 2, V6B, [loc_remote, loc_probed])
    neg = record(15, 16, 1, True, 0, 1, V4B, [])
    msgs = [
        map_request(0, 1, [(1, V4B)], [(24, 1, V4A)]),
        map_request(0b001000, 2, [(1, V4B), (2, V6B)], [(24, 1, V4A), (48, 2, V6B)]),
        map_request(0b000100, 1, [(2, V6B)], [(32, 1, V4B)]),
        map_request(0b100011, 0, [(1, V4A)], [(128, 2, V6A)]),
        map_request(0b010100, 1, [(1, V4A)], [(24, 1, V4A)], reply=rec6),
        map_reply(0, 0, 0, [rec4, rec6]),
        map_reply(1, 1, 1, [neg]),
        map_reply(0, 0, 0, []),
        map_register(0x80001, [rec4]),
        map_register(0x70000, [rec6, neg], xtr=True),
        map_notify(0, [rec4]),
        map_notify(0xc0000, [rec6], ),
        ecm6(0x8000000, map_request(0, 1, [(1, V4B)], [(24, 1, V4A)])),
        ecm6(0, map_reply(0, 0, 0, [neg])),
        bytes([0x50, 0, 0, 1]) + bytes(12),
        map_request(0, 1, [(1, V4B)], [(24, 1, V4A)])[:20],
        map_reply(0, 0, 0, [rec6])[:40],
        map_register(0x80001, [rec4])[:30],
        map_reply(0, 0, 0, [rec6])[:20],
        map_request(0b010000, 1, [(1, V4B)], [(24, 1, V4A)], reply=rec6)[:60],
        bytes([0x10, 0, 0]),
    ]
    pcap = Pcap()
    for i, m in enumerate(msgs):
        pcap.add(udp4(m, 4342 if i % 2 else 61000, 4342, hosts=(i % 2, 1 - i % 2)))
    # the data plane on UDP 4341: every header layout around an inner IPv4 and IPv6 UDP datagram
    inner4, inner6 = echo4(), echo6()
    for flags, rest, inner in [(0x00, b'\0' * 7, inner4), (0xc0, b'\x12\x34\x56\x00\x00\x00\x03', inner4),
                               (0xa0, b'\x00\x00\x01\x00\x00\x00\x01', inner6),
                               (0x18, b'\x00\x10\x02\x00\x01\x00\x00', inner4),
                               (0x48, b'\x00\x00\x00\x00\x2a\x00\x05', inner6), (0x07, b'\0' * 7, b'\x00\x01')]:
        pcap.add(udp4(bytes([flags]) + rest + inner, 61001, 4341))
    pcap.add(udp4(b'\x80\x00', 61001, 4341))
    pcap.write('lisp_crafted.pcap')


if __name__ == '__main__':
    main()
