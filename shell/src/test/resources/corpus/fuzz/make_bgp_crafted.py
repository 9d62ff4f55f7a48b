#!/usr/bin/env python3
"""Writes bgp_crafted.pcap: BGP-4 over TCP 179 as routers send it: OPEN with the common
capabilities (multiprotocol, route refresh, graceful restart, 4-octet AS, ADD-PATH, unknown ones)
and an unknown optional parameter; UPDATE with withdrawn routes, ORIGIN, AS_PATH in 2- and 4-octet
form with AS_SET and AS_SEQUENCE segments, NEXT_HOP, MED, LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR,
COMMUNITIES (well-known and AS:value), ORIGINATOR_ID, CLUSTER_LIST, AS4_AGGREGATOR,
LARGE_COMMUNITY, EXTENDED_COMMUNITIES (route targets and origins), MP_REACH_NLRI and MP_UNREACH_NLRI for IPv6, unknown
attributes and NLRI; NOTIFICATION with every major code; KEEPALIVE; ROUTE-REFRESH; several messages
in one segment, a message split over two segments, an unknown message type, bad markers at a
segment's start and after a first message, and
messages cut short or with lengths that run past their end.

usage: make_bgp_crafted.py  (writes the file beside this script)
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


class Stream:
    """One TCP connection: segments from the client (a) or the router (b) with running sequence numbers."""

    def __init__(self, sport, cport=179, a=(10, 0, 0, 1), b=(10, 0, 0, 2)):
        self.ports = {'a': (sport, cport), 'b': (cport, sport)}
        self.addrs = {'a': (a, b), 'b': (b, a)}
        self.seq = {'a': 1000, 'b': 5000}

    def seg(self, side, payload):
        other = 'b' if side == 'a' else 'a'
        sport, dport = self.ports[side]
        src, dst = self.addrs[side]
        tcp = struct.pack('>HHIIBBHHH', sport, dport, self.seq[side], self.seq[other], 0x50, 0x18, 16384, 0, 0)
        self.seq[side] += len(payload)
        seg = tcp + payload
        pseudo = bytes(src) + bytes(dst) + struct.pack('>BBH', 0, 6, len(seg))
        seg = seg[:16] + struct.pack('>H', checksum(pseudo + seg)) + seg[18:]
        ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0xc0, 20 + len(seg), 1, 0x4000, 1, 6, 0, bytes(src), bytes(dst))
        ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
        return bytes.fromhex('020000000002' + '020000000001') + b'\x08\x00' + ip + seg


def msg(kind, body, length=None, marker=b'\xff' * 16):
    return marker + struct.pack('>HB', 19 + len(body) if length is None else length, kind) + body


def cap(code, value):
    return bytes([code, len(value)]) + value


def param(kind, value):
    return bytes([kind, len(value)]) + value


def open_msg(asn=65001, hold=180, ident=(192, 0, 2, 1), params=b'', optlen=None):
    return msg(1, struct.pack('>BHH4sB', 4, asn, hold, bytes(ident), len(params) if optlen is None else optlen)
               + params)


def attr(flags, code, value):
    if flags & 0x10:
        return struct.pack('>BBH', flags, code, len(value)) + value
    return struct.pack('>BBB', flags, code, len(value)) + value


def prefix4(addr, plen):
    return bytes([plen]) + bytes(addr)[:(plen + 7) // 8]


def update(withdrawn=b'', attrs=b'', nlri=b''):
    return msg(2, struct.pack('>H', len(withdrawn)) + withdrawn + struct.pack('>H', len(attrs)) + attrs + nlri)


def notification(major, minor, data=b''):
    return msg(3, bytes([major, minor]) + data)


KEEPALIVE = msg(4, b'')
V6A = bytes.fromhex('20010db8000000000000000000000001')
V6LL = bytes.fromhex('fe800000000000000000000000000001')

caps = b''.join([
    param(2, cap(1, struct.pack('>HBB', 1, 0, 1))),
    param(2, cap(1, struct.pack('>HBB', 2, 0, 1))),
    param(2, cap(128, b'')),
    param(2, cap(2, b'')),
    param(2, cap(70, b'')),
    param(2, cap(65, struct.pack('>I', 4200000000))),
    param(2, cap(69, struct.pack('>HBB', 1, 1, 3) + struct.pack('>HBB', 2, 1, 1))),
    param(2, cap(64, struct.pack('>H', 0x8078) + struct.pack('>HBB', 1, 1, 0x80) + struct.pack('>HBB', 2, 1, 0))),
    param(2, cap(99, b'\x01\x02\x03')),
    param(2, cap(2, b'') + cap(65, struct.pack('>I', 65001))),
])

as2 = attr(0x40, 2, bytes([2, 3]) + struct.pack('>HHH', 65001, 65002, 65003) + bytes([1, 2]) + struct.pack('>HH', 100, 200))
as4 = attr(0x40, 2, bytes([2, 2]) + struct.pack('>II', 4200000000, 65002))
as_empty = attr(0x40, 2, b'')
confed = attr(0x40, 2, bytes([3, 2]) + struct.pack('>HH', 64512, 64513) + bytes([4, 2]) + struct.pack('>HH', 64514, 64515)
              + bytes([2, 1]) + struct.pack('>H', 65001))
med_bad = attr(0x80, 4, b'\x00\x01\x02')
origin = attr(0x40, 1, b'\x00')
nexthop = attr(0x40, 3, bytes((192, 0, 2, 1)))
med = attr(0x80, 4, struct.pack('>I', 50))
lpref = attr(0x40, 5, struct.pack('>I', 100))
atomic = attr(0x40, 6, b'')
aggr2 = attr(0xc0, 7, struct.pack('>H4s', 65001, bytes((192, 0, 2, 9))))
aggr4 = attr(0xc0, 7, struct.pack('>I4s', 4200000000, bytes((192, 0, 2, 9))))
comms = attr(0xc0, 8, struct.pack('>IIII', 0xffffff01, (65001 << 16) | 100, 0xffffff02, 0xffff029a))
mp_reach = attr(0x90, 14, struct.pack('>HBB', 2, 1, 32) + V6A + V6LL + b'\x00'
                + bytes([64]) + bytes.fromhex('20010db800010000') + bytes([48]) + bytes.fromhex('20010db80002'))
mp_reach16 = attr(0x90, 14, struct.pack('>HBB', 2, 1, 16) + V6A + b'\x00' + bytes([128]) + V6A)
mp_unreach = attr(0x90, 15, struct.pack('>HB', 2, 1) + bytes([64]) + bytes.fromhex('20010db800010000'))
unknown_attr = attr(0xe0, 250, b'\xaa\xbb')
as4_path = attr(0xc0, 17, bytes([2, 1]) + struct.pack('>I', 4200000000))
partial = attr(0xe0, 8, struct.pack('>I', (100 << 16) | 7))

s = Stream(40001)
frames = [
    s.seg('a', open_msg(params=caps)),
    s.seg('b', open_msg(asn=23456, ident=(192, 0, 2, 2), params=param(2, cap(65, struct.pack('>I', 4200000000)))
                        + param(1, b'\x01\x02') + param(7, b'\x09'))),
    s.seg('a', KEEPALIVE + KEEPALIVE),
    s.seg('b', update(attrs=origin + as2 + nexthop + med + lpref + atomic + aggr2 + comms,
                      nlri=prefix4((198, 51, 100, 0), 24) + prefix4((10, 0, 0, 0), 8) + prefix4((0, 0, 0, 0), 0)
                      + prefix4((203, 0, 113, 7), 32))),
    s.seg('b', update(attrs=origin + as4 + nexthop + aggr4 + as4_path + partial, nlri=prefix4((198, 51, 100, 128), 25))),
    s.seg('b', update(withdrawn=prefix4((198, 51, 100, 0), 24) + prefix4((10, 0, 0, 0), 8))),
    s.seg('b', update(attrs=origin + as_empty + lpref + mp_reach + unknown_attr)),
    s.seg('b', update(attrs=origin + as_empty + mp_reach16)),
    s.seg('b', update(attrs=mp_unreach) + update()),
    s.seg('b', update(attrs=origin + confed + nexthop, nlri=prefix4((198, 51, 100, 0), 23))),
    s.seg('b', update(attrs=med_bad + origin)),
    s.seg('a', msg(5, struct.pack('>HBB', 1, 0, 1)) + msg(5, struct.pack('>HBB', 2, 1, 128))
          + msg(5, struct.pack('>HBB', 1, 2, 1))),
]
for major, minor, data in [(1, 2, b'\x00\x11'), (2, 2, struct.pack('>H', 65009)), (2, 7, b''), (3, 3, b'\x40\x03'),
                           (3, 11, b''), (4, 0, b''), (5, 1, b''), (6, 2, bytes([5]) + b'maint'), (6, 4, b''),
                           (6, 9, b''), (7, 1, b''), (9, 3, b'\x01\x02')]:
    frames.append(Stream(41000 + major * 16 + minor).seg('a', notification(major, minor, data)))
t = Stream(40002)
whole = update(attrs=origin + as2 + nexthop + comms, nlri=prefix4((198, 51, 100, 0), 24))
frames += [t.seg('b', KEEPALIVE + whole[:30]), t.seg('b', whole[30:] + KEEPALIVE)]
u = Stream(40003)
frames += [
    u.seg('a', msg(9, b'\x01\x02\x03')),
    u.seg('a', msg(4, b'', marker=b'\x00' * 16)),
    u.seg('a', open_msg(params=param(2, cap(1, b'\x00'))[:3], optlen=8)),
    u.seg('a', update(attrs=attr(0x40, 1, b'\x00')[:2])),
    u.seg('a', msg(2, b'\x00\x05\x18\xc6')),
    u.seg('a', msg(2, struct.pack('>HH', 0, 7) + attr(0x40, 5, b'\x00\x00'))),
    u.seg('a', msg(3, b'\x06')),
    u.seg('a', msg(4, b'', length=10)),
    u.seg('a', update(nlri=bytes([40, 1, 2, 3, 4, 5]))),
]
r = Stream(40004)
frames += [
    r.seg('b', update(attrs=origin + as_empty + attr(0x80, 9, bytes((192, 0, 2, 7)))
                      + attr(0x80, 10, bytes((10, 0, 0, 1, 10, 0, 0, 2)))
                      + attr(0xc0, 18, struct.pack('>I4s', 4200000001, bytes((192, 0, 2, 8))))
                      + attr(0xc0, 32, struct.pack('>III', 65001, 1, 2) + struct.pack('>III', 4200000000, 100, 200)))),
    r.seg('b', update(attrs=attr(0x80, 9, b'\x01\x02'))),
    r.seg('b', update(attrs=origin + as_empty + attr(0xc0, 16, bytes.fromhex(
        '0002fde900000064' '0102c00002010007' '0202fa56ea000064' '0003fde900000001' '02020000fde90005'))
        + attr(0xc0, 16, bytes.fromhex('0002fde900000064')))),
    r.seg('b', KEEPALIVE + msg(4, b'', marker=b'\xff' * 4 + b'\x00' * 12)),
]

out = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
for i, f in enumerate(frames):
    out.append(struct.pack('<IIII', 1700000000 + i, 0, len(f), len(f)) + f)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bgp_crafted.pcap'), 'wb') as fh:
    fh.write(b''.join(out))
