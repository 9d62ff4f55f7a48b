#!/usr/bin/env python3
"""Writes pppoe_crafted.pcap: PPPoE discovery (every code of RFC 2516 and its extensions, every tag,
tags cut short or overrunning the payload) and PPPoE sessions carrying PPP LCP packets (every code,
the common options: MRU, ACCM, authentication protocol, magic number, PFC, ACFC, callback,
multilink MRRU and short sequence numbers, an unknown option, and options with a
wrong length), PAP and CHAP exchanges and IPCP/IPv6CP/CCP packets, so the PPPoE and PPP dissectors meet what access concentrators and clients send.

Every Ethernet address is locally administered (02:...), so no vendor name applies.

usage: make_pppoe_crafted.py  (writes the file beside this script)
"""
import os
import struct


def mac(n):
    return bytes([2, 0, 0, 0, 0, n])


def eth(etype, payload, dst=2, src=1):
    frame = mac(dst) + mac(src) + struct.pack('>H', etype) + payload
    return frame + b'\0' * max(0, 60 - len(frame))


def tag(t, v):
    return struct.pack('>HH', t, len(v)) + v


def pppoed(code, tags, sid=0, length=None):
    return eth(0x8863, struct.pack('>BBHH', 0x11, code, sid, len(tags) if length is None else length) + tags)


def pppoes(ppp, sid=0x11, length=None):
    return eth(0x8864, struct.pack('>BBHH', 0x11, 0, sid, len(ppp) if length is None else length) + ppp)


def cp(proto, code, ident, data):
    return struct.pack('>HBBH', proto, code, ident, 4 + len(data)) + data


def opt(t, v):
    return bytes([t, 2 + len(v)]) + v


LCP = 0xc021
packets = []
d = packets.append
# Discovery: each code with typical tags.
d(pppoed(0x09, tag(0x0101, b'') + tag(0x0103, b'\x01\x02\x03\x04')))
d(pppoed(0x07, tag(0x0102, b'BRAS-1') + tag(0x0101, b'internet') + tag(0x0104, bytes(range(16)))
         + tag(0x0103, b'\x01\x02\x03\x04')))
d(pppoed(0x19, tag(0x0101, b'internet') + tag(0x0103, b'\x01\x02\x03\x04') + tag(0x0104, bytes(range(16)))))
d(pppoed(0x65, tag(0x0101, b'internet') + tag(0x0103, b'\x01\x02\x03\x04'), sid=0x1234))
d(pppoed(0xa7, tag(0x0203, b'session closed'), sid=0x1234))
d(pppoed(0xa7, b'', sid=0x1234))
for code in (0x0a, 0x0b, 0x0c, 0xd3, 0xd4, 0x42):
    d(pppoed(code, tag(0x0103, b'\xaa\xbb')))
# Every tag.
d(pppoed(0x07, tag(0x0201, b'no such service') + tag(0x0202, b'busy') + tag(0x0110, b'\x00\x01\x02\x03')
         + tag(0x0111, b'http://x/') + tag(0x0112, b'hello') + tag(0x0120, b'\x05\xd4') + tag(0x0121, bytes(16))))
d(pppoed(0x07, tag(0x0106, b'\x00\x10\x00\x20') + tag(0x0108, b'\x00\x07') + tag(0x0109, b'\x00\x40')))
d(pppoed(0x07, tag(0x0107, b'\x00\x03\x10\x20\x00\x05\x01\x00\x02\x00')))
d(pppoed(0x07, tag(0x0105, b'\x00\x00\x0d\xe9\x01\x03abc\x02\x02xy')))
d(pppoed(0x07, tag(0x0105, b'\x00\x00\x00\x09\x01\x02')))
d(pppoed(0x07, tag(0x0999, b'\x01\x02\x03') + tag(0x0000, b'')))
# Tags cut short, overrunning, payload length wrong.
d(pppoed(0x09, tag(0x0103, b'\x01\x02\x03\x04')[:6], length=6))
d(pppoed(0x09, struct.pack('>HH', 0x0103, 40) + b'\x01\x02'))
d(pppoed(0x09, tag(0x0103, b'\x01\x02'), length=100))
d(pppoed(0x09, b'\x01'))
d(eth(0x8863, b'\x11\x09\x00'))
# Sessions with LCP.
req = opt(1, b'\x05\xd4') + opt(2, b'\x00\x00\x00\x00') + opt(3, b'\xc0\x23') + opt(5, b'\x12\x34\x56\x78') \
    + opt(7, b'') + opt(8, b'')
d(pppoes(cp(LCP, 1, 1, req)))
d(pppoes(cp(LCP, 2, 1, req)))
d(pppoes(cp(LCP, 3, 2, opt(1, b'\x05\xc8') + opt(3, b'\xc2\x23\x05'))))
d(pppoes(cp(LCP, 4, 3, opt(13, b'\x06') + opt(17, b'\x05\xd4'))))
d(pppoes(cp(LCP, 5, 4, b'User request')))
d(pppoes(cp(LCP, 6, 4, b'')))
d(pppoes(cp(LCP, 7, 5, b'\x0c\x01\x00\x04')))
d(pppoes(cp(LCP, 8, 6, b'\x00\x2b\x01\x01\x00\x04')))
d(pppoes(cp(LCP, 9, 7, b'\x12\x34\x56\x78')))
d(pppoes(cp(LCP, 10, 7, b'\x12\x34\x56\x78extra')))
d(pppoes(cp(LCP, 11, 8, b'\x12\x34\x56\x78' + b'\x00' * 4)))
d(pppoes(cp(LCP, 12, 9, b'\x12\x34\x56\x78MSRASV5.20')))
d(pppoes(cp(LCP, 13, 10, b'\x12\x34\x56\x78\x00\x00\x0e\x10')))
d(pppoes(cp(LCP, 14, 11, b'\x01\x02')))
d(pppoes(cp(LCP, 99, 11, b'\x01\x02')))
# Options with wrong lengths and cut short.
d(pppoes(cp(LCP, 1, 12, opt(1, b'\x05') + opt(5, b'\x12\x34\x56\x78'))))
d(pppoes(cp(LCP, 1, 13, b'\x01\x00\x05\xd4')))
d(pppoes(cp(LCP, 1, 14, b'\x05\x0a\x12\x34')))
d(pppoes(cp(LCP, 1, 15, opt(3, b'\xc0\x27') + opt(3, b'\xc2\x27') + opt(99, b'\x01\x02'))))
for op in range(8):
    d(pppoes(cp(LCP, 1, 20 + op, opt(13, bytes([op]) + (b'12' if op in (1, 2, 3, 4) else b'')))))
d(pppoes(cp(LCP, 1, 31, opt(2, b'\x00\x0a\x00\x00') + opt(2, b'\x80\x00\x00\x01'))))
d(pppoes(cp(LCP, 1, 30, opt(2, b'\xff\xff\xff\xff') + opt(3, b'\xc2\x23\x80') + opt(3, b'\xc2\x23\x81')
                  + opt(18, b''))))
d(pppoes(struct.pack('>HBBH', LCP, 1, 16, 40) + opt(1, b'\x05\xd4')))
d(pppoes(struct.pack('>HBB', LCP, 1, 16)))
d(pppoes(cp(LCP, 1, 17, b''), length=50))
d(pppoes(b'\xff\x03' + cp(LCP, 9, 18, b'\x00\x00\x00\x01')))
d(pppoes(cp(0x0021, 0, 0, b'')[:2] + bytes.fromhex('450000140001000040ff0000c0a80001c0a80002')))
# PAP and CHAP exchanges.
PAP, CHAP = 0xc023, 0xc223
d(pppoes(cp(PAP, 1, 1, b'\x04user\x04pass')))
d(pppoes(cp(PAP, 2, 1, b'\x07Welcome')))
d(pppoes(cp(PAP, 3, 1, b'\x00')))
d(pppoes(cp(PAP, 3, 2, b'')))
d(pppoes(cp(CHAP, 1, 1, b'\x04\x01\x02\x03\x04BRAS')))
d(pppoes(cp(CHAP, 2, 1, b'\x10' + bytes(range(16)) + b'user')))
d(pppoes(cp(CHAP, 2, 2, b'\x02\xaa\xbb')))
d(pppoes(cp(CHAP, 3, 1, b'OK')))
d(pppoes(cp(CHAP, 4, 1, b'')))
d(pppoes(cp(CHAP, 4, 2, b'E=691 R=0')))
# IPCP, IPv6CP and CCP, and LCP Protocol-Rejects of them.
IPCP, IPV6CP, CCP = 0x8021, 0x8057, 0x80fd
ip = bytes([10, 0, 0, 1])
d(pppoes(cp(IPCP, 1, 1, opt(3, ip) + opt(129, ip) + opt(131, bytes([10, 0, 0, 2])) + opt(130, ip) + opt(132, ip))))
d(pppoes(cp(IPCP, 3, 1, opt(3, bytes([100, 64, 0, 7])) + opt(129, bytes(4)))))
d(pppoes(cp(IPCP, 2, 2, opt(3, bytes([100, 64, 0, 7])))))
d(pppoes(cp(IPCP, 4, 3, opt(130, bytes(4)) + opt(132, bytes(4)))))
d(pppoes(cp(IPCP, 1, 4, opt(3, b'\x0a\x00'))))
d(pppoes(cp(IPCP, 5, 5, b'')))
d(pppoes(cp(IPCP, 6, 5, b'')))
d(pppoes(cp(IPCP, 7, 6, b'\x01\x02')))
d(pppoes(cp(IPV6CP, 1, 1, opt(1, bytes([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0])))))
d(pppoes(cp(IPV6CP, 2, 1, opt(1, bytes(8)))))
d(pppoes(cp(IPV6CP, 6, 2, b'')))
for bits in (b'\x01\x00\x00\x40', b'\xff\xff\xff\xff', b'\x00\x00\x00\x00', b'\x00\x00\x00\x01'):
    d(pppoes(cp(CCP, 1, 3, opt(18, bits))))
d(pppoes(cp(CCP, 4, 3, opt(18, b'\x00\x00') + opt(99, b'\x01'))))
d(pppoes(cp(IPCP, 4, 3, opt(99, b'\x01\x02'))))
d(pppoes(cp(CCP, 5, 1, b'')))
d(pppoes(cp(CCP, 6, 1, b'')))
d(pppoes(cp(CCP, 14, 2, b'')))
d(pppoes(cp(CCP, 15, 2, b'')))
d(pppoes(cp(LCP, 8, 31, struct.pack('>H', IPV6CP) + b'\x01\x01\x00\x04')))
d(pppoes(cp(LCP, 8, 32, struct.pack('>H', IPCP) + cp(IPCP, 1, 1, opt(3, ip))[2:])))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pppoe_crafted.pcap'), 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, p in enumerate(packets):
        f.write(struct.pack('<IIII', 1700000000 + i, 0, len(p), len(p)) + p)
