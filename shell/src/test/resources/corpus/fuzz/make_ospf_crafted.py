#!/usr/bin/env python3
"""Writes ospf_crafted.pcap: OSPF (IP protocol 89) as routers send it. OSPFv2 over IPv4: Hello with
and without neighbours, DB Description with LSA headers, LS Request, LS Update with router, network,
summary, ASBR-summary, AS-external and NSSA LSAs, LS Acknowledge; null, simple and cryptographic
authentication; a bad checksum; LLS data blocks (extended options, cryptographic
authentication, an unknown TLV, a cut block, a missing one) after Hellos and a DB Description. OSPFv3 over IPv6: the same packet types with router, network,
inter-area prefix and router, AS-external (with and without forwarding address, tag and referenced
LSA), NSSA, link and intra-area prefix LSAs. Then an unknown packet
type, an unknown version, a length past the end and packets cut short.

usage: make_ospf_crafted.py  (writes the file beside this script)
"""
import os
import struct


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('>%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def ip4(payload, src=(10, 0, 0, 1), dst=(224, 0, 0, 5)):
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0xc0, 20 + len(payload), 1, 0, 1, 89, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
    return bytes.fromhex('01005e000005' + '020000000001') + b'\x08\x00' + ip + payload


SRC6 = bytes.fromhex('fe800000000000000000000000000001')
DST6 = bytes.fromhex('ff020000000000000000000000000005')


def ip6(payload):
    return bytes.fromhex('333300000005' + '020000000001') + b'\x86\xdd' + \
        struct.pack('>IHBB', 0x6e000000, len(payload), 89, 1) + SRC6 + DST6 + payload


def v2(kind, body, auth_type=0, auth=b'\0' * 8, router=(1, 1, 1, 1), area=(0, 0, 0, 0), length=None, good=True):
    n = 24 + len(body) if length is None else length
    hdr = struct.pack('>BBH4s4sHH', 2, kind, n, bytes(router), bytes(area), 0, auth_type)
    pkt = hdr + auth + body
    if auth_type != 2:
        ck = checksum(hdr + body)
        if not good:
            ck ^= 0x1111
        pkt = pkt[:12] + struct.pack('>H', ck) + pkt[14:]
    return pkt


def v3(kind, body, router=(2, 2, 2, 2), area=(0, 0, 0, 0), instance=0, good=True):
    pkt = struct.pack('>BBH4s4sHBB', 3, kind, 16 + len(body), bytes(router), bytes(area), 0, instance, 0) + body
    pseudo = SRC6 + DST6 + struct.pack('>I', len(pkt)) + b'\0\0\0\x59'
    ck = checksum(pseudo + pkt)
    if not good:
        ck ^= 0x1111
    return pkt[:12] + struct.pack('>H', ck) + pkt[14:]


def lsa2(ls_type, lsid, body=b'', age=1, opts=0x22, adv=(1, 1, 1, 1), seq=0x80000001, length=None):
    n = 20 + len(body) if length is None else length
    return struct.pack('>HBB4s4sIHH', age, opts, ls_type, bytes(lsid), bytes(adv), seq, 0x1234, n) + body


def lsa3(ls_type, lsid, body=b'', age=1, adv=(2, 2, 2, 2), seq=0x80000001):
    return struct.pack('>HH4s4sIHH', age, ls_type, bytes(lsid), bytes(adv), seq, 0xabcd, 20 + len(body)) + body


def hdr_only(lsa):
    return lsa[:20]


ip = bytes
router_lsa = lsa2(1, (1, 1, 1, 1), struct.pack('>BBH', 0x03, 0, 3)
                  + struct.pack('>4s4sBBH', ip((10, 0, 0, 0)), ip((255, 255, 255, 0)), 3, 0, 10)
                  + struct.pack('>4s4sBBH', ip((10, 0, 1, 2)), ip((10, 0, 1, 1)), 2, 0, 1)
                  + struct.pack('>4s4sBBH', ip((2, 2, 2, 2)), ip((10, 0, 2, 1)), 1, 1, 5) + struct.pack('>BBH', 8, 0, 20))
network_lsa = lsa2(2, (10, 0, 1, 2), struct.pack('>4s4s4s', ip((255, 255, 255, 0)), ip((1, 1, 1, 1)), ip((2, 2, 2, 2))))
summary_lsa = lsa2(3, (192, 168, 0, 0), struct.pack('>4sI', ip((255, 255, 0, 0)), 20), opts=0x02)
asbr_lsa = lsa2(4, (3, 3, 3, 3), struct.pack('>4sI', ip((0, 0, 0, 0)), 30))
ext_lsa = lsa2(5, (172, 16, 0, 0), struct.pack('>4sI4sI', ip((255, 240, 0, 0)), 0x80000064, ip((10, 0, 0, 9)), 77))
ext1_lsa = lsa2(5, (0, 0, 0, 0), struct.pack('>4sI4sI', ip((0, 0, 0, 0)), 1, ip((0, 0, 0, 0)), 0), age=0x8e10)
nssa_lsa = lsa2(7, (172, 17, 0, 0), struct.pack('>4sI4sI', ip((255, 255, 0, 0)), 0x80000014, ip((10, 0, 0, 9)), 0), opts=0x08)
unknown_lsa = lsa2(99, (9, 9, 9, 9), b'\x01\x02\x03\x04')
all_v2 = [router_lsa, network_lsa, summary_lsa, asbr_lsa, ext_lsa, ext1_lsa, nssa_lsa]

hello2 = struct.pack('>4sHBBI4s4s', ip((255, 255, 255, 0)), 10, 0x02, 1, 40, ip((10, 0, 0, 1)), ip((10, 0, 0, 2)))
frames = [
    ip4(v2(1, hello2)),
    ip4(v2(1, hello2 + ip((2, 2, 2, 2)) + ip((3, 3, 3, 3)))),
    ip4(v2(1, hello2, auth_type=1, auth=b'secret\0\0')),
    ip4(v2(1, hello2, auth_type=2, auth=struct.pack('>HBBI', 0, 1, 16, 123456)) + bytes(range(16))),
    ip4(v2(1, hello2, auth_type=7, auth=b'\x01' * 8)),
    ip4(v2(1, hello2, good=False)),
    ip4(v2(1, hello2[:6] + b'\xd3' + hello2[7:], area=(0, 0, 0, 7))),
    ip4(v2(1, hello2[:6] + b'\x12' + hello2[7:]) + struct.pack('>HHHHI', 0, 3, 1, 4, 3)),
    ip4(v2(1, hello2[:6] + b'\x12' + hello2[7:]) + struct.pack('>HHHHIHHI', 0, 6, 1, 4, 1, 2, 8, 0x01020304) + b'\x05\x06\x07\x08'),
    ip4(v2(1, hello2[:6] + b'\x12' + hello2[7:]) + struct.pack('>HHHHI', 0, 4, 9, 4, 1)),
    ip4(v2(1, hello2[:6] + b'\x12' + hello2[7:]) + b'\x00\x00'),
    ip4(v2(2, struct.pack('>HBBI', 1500, 0x52, 0x07, 4242)) + struct.pack('>HHHHI', 0, 3, 1, 4, 2)),
    ip4(v2(2, struct.pack('>HBBI', 1500, 0x42, 0x07, 4242))),
    ip4(v2(2, struct.pack('>HBBI', 1500, 0x02, 0x02, 4243) + b''.join(hdr_only(x) for x in all_v2))),
    ip4(v2(3, struct.pack('>I4s4s', 1, ip((1, 1, 1, 1)), ip((1, 1, 1, 1))) + struct.pack('>I4s4s', 5, ip((172, 16, 0, 0)), ip((1, 1, 1, 1))))),
    ip4(v2(4, struct.pack('>I', len(all_v2)) + b''.join(all_v2))),
    ip4(v2(4, struct.pack('>I', 1) + unknown_lsa)),
    ip4(v2(5, b''.join(hdr_only(x) for x in all_v2[:3]))),
    ip4(v2(9, b'\x00\x01\x02\x03')),
    ip4(v2(1, hello2, length=200)),
    ip4(v2(1, hello2)[:30]),
    ip4(v2(4, struct.pack('>I', 2) + router_lsa)),
    ip4(v2(4, struct.pack('>I', 1) + lsa2(1, (1, 1, 1, 1), struct.pack('>BBH', 0, 0, 2) + b'\x01' * 12))),
    ip4(bytes([4, 1, 0, 24]) + b'\0' * 20),
]

opts3 = lambda o: struct.pack('>I', o)[1:]
hello3 = struct.pack('>IB', 5, 1) + opts3(0x13) + struct.pack('>HH4s4s', 10, 40, ip((2, 2, 2, 2)), ip((1, 1, 1, 1)))
router3 = lsa3(0x2001, (0, 0, 0, 0), struct.pack('>B', 0x01) + opts3(0x33)
               + struct.pack('>BBHII4s', 1, 0, 10, 5, 6, ip((1, 1, 1, 1)))
               + struct.pack('>BBHII4s', 2, 0, 1, 5, 7, ip((3, 3, 3, 3))))
network3 = lsa3(0x2002, (0, 0, 0, 5), struct.pack('>B', 0) + opts3(0x33) + ip((2, 2, 2, 2)) + ip((1, 1, 1, 1)))
pfx64 = struct.pack('>BBH', 64, 0, 0) + bytes.fromhex('20010db800010000')
pfx48 = struct.pack('>BBH', 48, 0x02, 10) + bytes.fromhex('20010db80002') + b'\0\0'
inter_prefix3 = lsa3(0x2003, (0, 0, 0, 1), struct.pack('>I', 20) + struct.pack('>BBH', 64, 0, 0) + bytes.fromhex('20010db800030000'))
inter_router3 = lsa3(0x2004, (0, 0, 0, 2), struct.pack('>B', 0) + opts3(0x13) + struct.pack('>I4s', 30, ip((4, 4, 4, 4))))
ext3 = lsa3(0x4005, (0, 0, 0, 3), struct.pack('>B', 0x07) + struct.pack('>I', 100)[1:]
            + struct.pack('>BBH', 64, 0, 0) + bytes.fromhex('20010db800040000')
            + bytes.fromhex('20010db8000000000000000000000009') + struct.pack('>I', 42))
link3 = lsa3(0x0008, (0, 0, 0, 5), struct.pack('>B', 1) + opts3(0x13) + SRC6 + struct.pack('>I', 2) + pfx64 + pfx48)
intra3 = lsa3(0x2009, (0, 0, 0, 0), struct.pack('>HH4s4s', 2, 0x2001, ip((0, 0, 0, 0)), ip((2, 2, 2, 2))) + pfx64 + pfx48)
ext3b = lsa3(0x4005, (0, 0, 0, 4), struct.pack('>B', 0x00) + struct.pack('>I', 7)[1:]
             + struct.pack('>BBH', 0, 0, 0x2001) + struct.pack('>I', 9))
nssa3 = lsa3(0x2007, (0, 0, 0, 6), struct.pack('>B', 0x02) + struct.pack('>I', 5)[1:]
             + struct.pack('>BBH', 33, 0x08, 0) + bytes.fromhex('20010db880000000') + bytes.fromhex('20010db8000000000000000000000009'))
unknown3 = lsa3(0x200f, (0, 0, 0, 0), b'\x01\x02\x03\x04')
all_v3 = [router3, network3, inter_prefix3, inter_router3, ext3, link3, intra3]
more_v3 = [ext3b, nssa3]

frames += [
    ip6(v3(1, hello3)),
    ip6(v3(1, hello3[:-4], instance=64)),
    ip6(v3(1, hello3, good=False)),
    ip6(v3(2, struct.pack('>B', 0) + opts3(0x13) + struct.pack('>HBBI', 1500, 0, 0x07, 99))),
    ip6(v3(2, struct.pack('>B', 0) + opts3(0x13) + struct.pack('>HBBI', 1500, 0, 0x01, 100) + b''.join(hdr_only(x) for x in all_v3))),
    ip6(v3(3, struct.pack('>HH4s4s', 0, 0x2001, ip((0, 0, 0, 0)), ip((2, 2, 2, 2))) + struct.pack('>HH4s4s', 0, 0x0008, ip((0, 0, 0, 5)), ip((2, 2, 2, 2))))),
    ip6(v3(4, struct.pack('>I', len(all_v3)) + b''.join(all_v3))),
    ip6(v3(4, struct.pack('>I', len(more_v3)) + b''.join(more_v3))),
    ip6(v3(4, struct.pack('>I', 1) + unknown3)),
    ip6(v3(5, b''.join(hdr_only(x) for x in all_v3[:2]))),
    ip6(v3(1, hello3)[:20]),
]

out = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
for i, f in enumerate(frames):
    out.append(struct.pack('<IIII', 1700000000 + i, 0, len(f), len(f)) + f)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ospf_crafted.pcap'), 'wb') as fh:
    fh.write(b''.join(out))
