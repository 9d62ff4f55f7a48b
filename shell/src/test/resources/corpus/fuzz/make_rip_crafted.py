#!/usr/bin/env python3
"""Writes rip_crafted.pcap: RIP on UDP 520 as routers send it: RIPv1 and RIPv2 requests (a whole-table
request with family 0 and metric 16) and responses with several entries, route tags, next hops and
metrics up to infinity, a routing domain, simple-password and keyed-MD5 authentication (with its
trailing authentication data entry), an unknown address family, other commands and versions, a
response cut inside an entry; and RIPng on UDP 521: requests and responses with route table entries,
next-hop entries, an odd prefix length and a cut entry.

usage: make_rip_crafted.py  (writes the file beside this script)
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


def udp4(payload, sport=520, dport=520, src=(10, 0, 0, 1), dst=(224, 0, 0, 9)):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = bytes(src) + bytes(dst) + struct.pack('>BBH', 0, 17, len(udp))
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0xc0, 20 + len(udp), 1, 0, 2, 17, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
    return bytes.fromhex('01005e000009' + '020000000001') + b'\x08\x00' + ip + udp


SRC6 = bytes.fromhex('fe800000000000000000000000000001')
DST6 = bytes.fromhex('ff020000000000000000000000000009')


def udp6(payload, sport=521, dport=521):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = SRC6 + DST6 + struct.pack('>I', len(udp)) + b'\0\0\0\x11'
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    return bytes.fromhex('333300000009' + '020000000001') + b'\x86\xdd' + \
        struct.pack('>IHBB', 0x6e000000, len(udp), 17, 255) + SRC6 + DST6 + udp


def rip(cmd, version, entries, domain=0):
    return struct.pack('>BBH', cmd, version, domain) + b''.join(entries)


def entry(addr, metric, family=2, tag=0, mask=(0, 0, 0, 0), nh=(0, 0, 0, 0)):
    return struct.pack('>HH4s4s4sI', family, tag, bytes(addr), bytes(mask), bytes(nh), metric)


def auth_simple(pw):
    return struct.pack('>HH', 0xffff, 2) + pw.ljust(16, b'\0')


def auth_md5(offset, key, dlen, seq):
    return struct.pack('>HHHBBI', 0xffff, 3, offset, key, dlen, seq) + b'\0' * 8


def ripng(cmd, rtes, version=1):
    return struct.pack('>BBH', cmd, version, 0) + b''.join(rtes)


def rte(prefix, plen, metric, tag=0):
    return bytes.fromhex(prefix) + struct.pack('>HBB', tag, plen, metric)


v1 = [entry((10, 1, 0, 0), 1), entry((10, 2, 0, 0), 16), entry((192, 168, 5, 0), 3)]
v2 = [entry((10, 1, 0, 0), 1, tag=7, mask=(255, 255, 0, 0)),
      entry((172, 16, 0, 0), 2, mask=(255, 240, 0, 0), nh=(10, 0, 0, 254)),
      entry((192, 168, 5, 0), 16, tag=0xffff, mask=(255, 255, 255, 0))]
md5_body = auth_md5(64, 1, 16, 77) + v2[0] + v2[1]
frames = [
    udp4(rip(1, 1, [entry((0, 0, 0, 0), 16, family=0)])),
    udp4(rip(2, 1, v1)),
    udp4(rip(1, 2, [entry((0, 0, 0, 0), 16, family=0)])),
    udp4(rip(2, 2, v2)),
    udp4(rip(2, 2, v2[:1], domain=5)),
    udp4(rip(2, 2, [auth_simple(b'secret')] + v2[:2])),
    udp4(rip(2, 2, [md5_body, struct.pack('>HH', 0xffff, 1) + bytes(range(16))])),
    udp4(rip(2, 2, [entry((10, 9, 9, 0), 1, family=11)])),
    udp4(rip(3, 2, v2[:1])),
    udp4(rip(9, 2, v2[:1])),
    udp4(rip(2, 3, v2[:1])),
    udp4(rip(2, 2, [v2[0], v2[1][:10]])),
    udp4(rip(2, 2, [])),
    udp4(rip(2, 2, v2[:1]), sport=40000),
    udp6(ripng(1, [rte('00000000000000000000000000000000', 0, 16)])),
    udp6(ripng(2, [rte('20010db8000100000000000000000000', 64, 1),
                   rte('20010db8000200000000000000000000', 48, 2, tag=0x1234),
                   rte('fe800000000000000000000000000002', 0, 0xff),
                   rte('20010db8000300000000000000000000', 56, 16)])),
    udp6(ripng(2, [rte('20010db8000100000000000000000000', 64, 1)[:12]])),
    udp6(ripng(5, [rte('20010db8000100000000000000000000', 129, 1)], version=2)),
]

out = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
for i, f in enumerate(frames):
    out.append(struct.pack('<IIII', 1700000000 + i, 0, len(f), len(f)) + f)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'rip_crafted.pcap'), 'wb') as fh:
    fh.write(b''.join(out))
