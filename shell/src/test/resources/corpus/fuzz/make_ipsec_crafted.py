#!/usr/bin/env python3
"""Writes ipsec_crafted.pcap: IPsec as tshark shows it without keys. ESP (IP protocol 50) over IPv4
and IPv6 with payloads of every size from none to long, an ESP header cut short; AH (IP protocol 51)
over IPv4 and IPv6 carrying ICMP, TCP, UDP, ESP, IPv4-in-IPv4, ICMPv6, an unknown protocol and "no
next header", with ICV lengths from 0 to 32 bytes, a length running past the packet and a header cut
short; and UDP 4500 (NAT traversal): ESP in UDP, NAT keepalives and short payloads. (IKE behind the
non-ESP marker is left out: Dorsal has no ISAKMP dissector.) ESP sequence numbers of one SPI in
order, repeated, skipped, going back and wrapping.

usage: make_ipsec_crafted.py  (writes the file beside this script)
"""
import os
import struct

MACS = bytes.fromhex('020000000002' + '020000000001')
SRC4, DST4 = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])
SRC6 = bytes.fromhex('20010db8000000000000000000000001')
DST6 = bytes.fromhex('20010db8000000000000000000000002')


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('>%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def ip4(proto, payload, src=SRC4, dst=DST4, total=None):
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, total or 20 + len(payload), 7, 0, 64, proto, 0, src, dst)
    ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
    return ip + payload


def eth4(proto, payload, **kw):
    return MACS + b'\x08\x00' + ip4(proto, payload, **kw)


def eth6(nxt, payload):
    return MACS + b'\x86\xdd' + struct.pack('>IHBB', 0x60000000, len(payload), nxt, 64) + SRC6 + DST6 + payload


def udp(sport, dport, payload):
    return struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload


def esp(spi, seq, body=b''):
    return struct.pack('>II', spi, seq) + body


def ah(nxt, spi, seq, icv, payload=b'', length=None):
    if length is None:
        length = (12 + len(icv)) // 4 - 2
    return struct.pack('>BBHII', nxt, length, 0, spi, seq) + icv + payload


def icmp_echo(ident, seq, data=b'abcdefgh'):
    body = struct.pack('>BBHHH', 8, 0, 0, ident, seq) + data
    return body[:2] + struct.pack('>H', checksum(body)) + body[4:]


def tcp_syn(sport, dport):
    return struct.pack('>HHIIBBHHH', sport, dport, 1000, 0, 0x50, 0x02, 8192, 0, 0)


def icmpv6_echo(ident, seq):
    return struct.pack('>BBHHH', 128, 0, 0, ident, seq) + b'ping'


ICV12 = bytes.fromhex('00112233445566778899aabb')
ICV16 = bytes(range(16))
ICV32 = bytes(range(32))
BODY = bytes((i * 37 + 11) & 0xff for i in range(64))


def packets():
    # ESP over IPv4 and IPv6, bodies of several sizes
    yield eth4(50, esp(0x48dac2e4, 1, BODY))
    yield eth4(50, esp(0x00000001, 0xffffffff, BODY[:16]))
    yield eth4(50, esp(0, 0))
    yield eth4(50, esp(0xffffffff, 2, b'\x01'))
    yield eth6(50, esp(0x49507636, 3, BODY[:40]))
    yield eth6(50, esp(0x12345678, 4))
    # ESP header cut short
    yield eth4(50, bytes.fromhex('48dac2e40000'))
    yield eth4(50, bytes.fromhex('48'))
    yield eth4(50, b'')
    yield eth6(50, bytes.fromhex('4950763620'))
    # AH carrying ICMP, TCP, UDP, ESP, IPv4, an unknown protocol, "no next header"
    yield eth4(51, ah(1, 0x646adc80, 8, ICV12, icmp_echo(12, 3)))
    yield eth4(51, ah(6, 0x100, 9, ICV12, tcp_syn(40000, 80)))
    yield eth4(51, ah(17, 0x101, 10, ICV16, udp(5000, 5001, b'hello udp')))
    yield eth4(51, ah(17, 0x102, 11, ICV12, udp(33000, 53, bytes.fromhex('abcd01000001000000000000') +
                                                    b'\x07example\x03com\x00\x00\x01\x00\x01')))
    yield eth4(51, ah(50, 0x8179b705, 3, ICV12, esp(0x48dac2e4, 3, BODY[:32])))
    yield eth4(51, ah(4, 0x103, 12, ICV12, ip4(1, icmp_echo(1, 1))))
    yield eth4(51, ah(200, 0x104, 13, ICV12, b'unknown payload'))
    yield eth4(51, ah(59, 0x105, 14, ICV12))
    yield eth4(51, ah(59, 0x106, 15, ICV12, b'after no next'))
    # ICV lengths: none, 32 bytes; a length running past the packet; odd lengths
    yield eth4(51, ah(1, 0x107, 16, b'', icmp_echo(2, 2), length=1))
    yield eth4(51, ah(1, 0x108, 17, ICV32, icmp_echo(3, 3)))
    yield eth4(51, ah(1, 0x109, 18, ICV12, b'', length=20))
    yield eth4(51, ah(1, 0x10a, 19, ICV12[:10], icmp_echo(4, 4), length=4))
    yield eth4(51, ah(1, 0x10b, 20, b'', b'', length=0))
    yield eth4(51, ah(1, 0x10c, 21, b'\x00' * 4, icmp_echo(5, 5), length=2))
    # AH cut short
    yield eth4(51, bytes.fromhex('0104000000000001'))
    yield eth4(51, bytes.fromhex('01'))
    yield eth4(51, b'')
    yield eth4(51, ah(1, 0x10d, 22, ICV12)[:16])
    # AH over IPv6, carrying ICMPv6, UDP and ESP
    yield eth6(51, ah(58, 0x200, 1, ICV12, icmpv6_echo(7, 1)))
    yield eth6(51, ah(17, 0x201, 2, ICV12, udp(6000, 6001, b'v6 udp')))
    yield eth6(51, ah(50, 0x202, 3, ICV12, esp(0x300, 4, BODY[:24])))
    yield eth6(51, ah(6, 0x203, 4, ICV16, tcp_syn(40001, 443)))
    yield eth6(51, ah(200, 0x204, 5, ICV12, b'unknown v6'))
    yield eth6(51, ah(59, 0x205, 6, ICV12))
    yield eth6(51, ah(59, 0x206, 7, ICV12, b'after no next'))
    yield eth6(51, ah(58, 0x207, 8, ICV12, b'', length=30))
    yield eth6(51, bytes.fromhex('3a04000000000001'))
    yield eth6(51, ah(58, 0x208, 9, b'', icmpv6_echo(8, 2), length=0))
    # ESP sequence numbers per SPI: in order, repeated, skipped, going back, wrapping
    for spi, seq in ((0xa1, 1), (0xa1, 2), (0xa1, 2), (0xa1, 5), (0xa1, 3), (0xa2, 0xffffffff), (0xa2, 0),
                     (0xa1, 0), (0xa2, 9)):
        yield eth4(50, esp(spi, seq, BODY[:12]))
    # UDP 4500: ESP in UDP, NAT keepalive, IKE behind the non-ESP marker, short ones
    yield eth4(17, udp(4500, 4500, esp(0xc0ffee01, 5, BODY[:48])))
    yield eth4(17, udp(4500, 4500, b'\xff'))
    yield eth4(17, udp(4500, 4500, b'\x01\x02'))
    yield eth4(17, udp(4500, 4500, b''))
    yield eth4(17, udp(40000, 4500, esp(0xc0ffee02, 6, BODY[:8])))


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ipsec_crafted.pcap')
    recs = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
    for i, p in enumerate(packets()):
        recs.append(struct.pack('<IIII', 1700000000 + i, 0, len(p), len(p)) + p)
    with open(out, 'wb') as f:
        f.write(b''.join(recs))


if __name__ == '__main__':
    main()
