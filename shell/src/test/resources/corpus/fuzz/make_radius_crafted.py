#!/usr/bin/env python3
"""Writes radius_crafted.pcap: RADIUS over UDP as NASes and servers send it (RFC 2865, 2866, 5176):
Access-Request/Accept/Reject/Challenge exchanges with PAP, CHAP and EAP (Identity, Notification,
Nak, MD5-Challenge, Success, Failure, an unknown type), a retransmitted request, a response without
a request, accounting requests and responses, status and dynamic-authorization messages on ports
1812, 1813, 1645, 1646, 1700 and 3799, every unassigned or vendor code, attributes of every kind
tshark's dictionary gives (strings, integers with and without labels, IPv4 and IPv6 addresses, IPv6
prefixes, dates, interface IDs, tagged tunnel attributes, VLAN attributes, octets), Vendor-Specific
attributes of an unknown vendor, unknown attributes, and malformed packets: attribute lengths of 0,
1 and past the packet, a Length field below 20 or past the datagram, packets cut short of the header.

usage: make_radius_crafted.py  (writes the file beside this script)
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


def udp4(src, dst, sport, dport, payload):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = bytes(src) + bytes(dst) + struct.pack('>BBH', 0, 17, len(udp))
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 7, 0, 64, 17, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
    return bytes.fromhex('020000000002' + '020000000001') + b'\x08\x00' + ip + udp


def radius(code, ident, avps=(), auth=None, length=None):
    body = b''.join(avps)
    if auth is None:
        auth = bytes((ident * 7 + i) & 0xff for i in range(16))
    if length is None:
        length = 20 + len(body)
    return struct.pack('>BBH', code, ident, length) + auth + body


def avp(t, v):
    return bytes([t, 2 + len(v)]) + v


def s(t, text):
    return avp(t, text.encode())


def i32(t, n):
    return avp(t, struct.pack('>I', n))


def ip4(t, a):
    return avp(t, bytes(a))


def eap(code, ident, typ=None, data=b''):
    if typ is None:
        return struct.pack('>BBH', code, ident, 4 + len(data)) + data
    return struct.pack('>BBHB', code, ident, 5 + len(data), typ) + data


NAS = [10, 1, 0, 1]
SRV = [10, 1, 0, 2]
V6 = bytes.fromhex('20010db8000000000000000000000001')
frames = []


def req(sport, dport, payload):
    frames.append(udp4(NAS, SRV, sport, dport, payload))


def rsp(sport, dport, payload):
    frames.append(udp4(SRV, NAS, sport, dport, payload))


# PAP login: request, its retransmission, the accept
pap = radius(1, 1, [s(1, 'alice'), avp(2, bytes(range(0x30, 0x40))), ip4(4, NAS), i32(5, 7), i32(6, 2), i32(7, 1),
                    s(30, '00-11-22-33-44-55:corp'), s(31, '66-77-88-99-AA-BB'), s(32, 'nas-1'), i32(61, 19),
                    s(87, 'port 7'), i32(12, 1400), avp(80, bytes(16))])
req(40001, 1812, pap)
req(40001, 1812, pap)
rsp(1812, 40001, radius(2, 1, [i32(6, 2), i32(7, 1), ip4(8, [192, 0, 2, 10]), ip4(9, [255, 255, 255, 0]),
                               i32(10, 0), s(11, 'std.users'), i32(13, 1), i32(27, 3600), i32(28, 600),
                               i32(29, 1), avp(25, b'class-1'), s(18, 'Welcome, alice'),
                               avp(64, b'\x01\x00\x00\x03'), avp(65, b'\x01\x00\x00\x06'), avp(81, b'\x01' + b'vlan10'),
                               avp(83, b'\x02\x00\x00\x05'), avp(66, b'\x00' + b'192.0.2.1'), avp(90, b'lns-a'),
                               avp(56, b'\x31\x00\x00\x0a'), avp(58, b'\x32' + b'users'), i32(57, 1),
                               i32(85, 300), ip4(14, [192, 0, 2, 99]), i32(15, 0), i32(16, 23), i32(76, 1),
                               s(19, '5551234'), s(20, 'cb'), s(22, '192.0.2.0/24 192.0.2.1 1'), ip4(8, [255, 255, 255, 255])]))
# Framed-IP-Address special values and a reject
rsp(1812, 40001, radius(2, 9, [ip4(8, [255, 255, 255, 254])]))
# CHAP with a challenge, then a reject with a message
req(40002, 1812, radius(1, 2, [s(1, 'bob'), avp(3, b'\x05' + bytes(range(16))), avp(60, bytes(range(16, 32))),
                               ip4(4, NAS), i32(61, 5), i32(62, 2)]))
rsp(1812, 40002, radius(3, 2, [s(18, 'Denied'), i32(101, 201)]))
# EAP exchange: identity, MD5 challenge, response, success; notification, nak, failure, unknown type
req(40003, 1812, radius(1, 3, [s(1, 'carol'), avp(79, eap(2, 0, 1, b'carol')), avp(80, bytes(range(16)))]))
rsp(1812, 40003, radius(11, 3, [avp(79, eap(1, 1, 4, b'\x10' + bytes(range(16)))), avp(24, b'state-0001'),
                                avp(80, bytes(range(16)))]))
req(40003, 1812, radius(1, 4, [s(1, 'carol'), avp(79, eap(2, 1, 4, b'\x10' + bytes(range(100, 116)) + b'xy')),
                               avp(24, b'state-0001')]))
rsp(1812, 40003, radius(2, 4, [avp(79, eap(3, 1)), avp(80, bytes(16))]))
req(40003, 1812, radius(1, 5, [avp(79, eap(2, 2, 3, b'\x04\x06'))]))
rsp(1812, 40003, radius(11, 5, [avp(79, eap(1, 3, 2, b'Password expires soon'))]))
rsp(1812, 40003, radius(3, 6, [avp(79, eap(4, 3))]))
req(40003, 1812, radius(1, 7, [avp(79, eap(2, 4, 6, b'\x01\x02')), avp(79, eap(1, 5, 1, b'')), avp(79, b'\x02')]))
# Accounting
acct = [s(1, 'alice'), i32(40, 1), s(44, '0000000A'), i32(45, 1), ip4(4, NAS), i32(5, 7),
        i32(41, 0), i32(42, 123456), i32(43, 654321), i32(46, 3600), i32(47, 1000), i32(48, 2000),
        i32(49, 1), s(50, 'multi-1'), i32(51, 2), i32(52, 1), i32(53, 0), i32(55, 1700000000),
        avp(95, V6), avp(97, b'\x00\x40' + V6[:8]), avp(123, b'\x00\x38' + V6[:7]), avp(96, bytes(range(8))),
        avp(168, V6), avp(169, V6), avp(98, V6), avp(170, b'\x00\x30' + V6[:6]), s(99, '2001:db8::/64 :: 1'),
        s(100, 'pool6'), s(171, 'dpool'), i32(163, 1), s(89, 'cui'), i32(126, 1), avp(33, b'\x01\x02proxy')]
req(40004, 1813, radius(4, 8, acct))
rsp(1813, 40004, radius(5, 8))
req(40004, 1813, radius(4, 9, [i32(40, 2), i32(49, 99), i32(40, 7), i32(45, 99), avp(55, b'\xff\xff\xff\xff')]))
rsp(1813, 40004, radius(5, 10))
# Old ports
req(40005, 1645, radius(1, 11, [s(1, 'dave')]))
rsp(1645, 40005, radius(3, 11))
req(40006, 1646, radius(4, 12, [i32(40, 3)]))
rsp(1646, 40006, radius(5, 12))
req(40007, 1700, radius(40, 13, [s(1, 'erin'), s(44, 'sess')]))
# Dynamic authorization (RFC 5176) on 3799
req(40008, 3799, radius(40, 14, [s(1, 'erin'), s(44, 'sess'), ip4(4, NAS)]))
rsp(3799, 40008, radius(41, 14))
req(40008, 3799, radius(40, 15, [s(1, 'frank')]))
rsp(3799, 40008, radius(42, 15, [i32(101, 503)]))
req(40008, 3799, radius(43, 16, [s(1, 'erin'), i32(27, 60), i32(101, 404)]))
rsp(3799, 40008, radius(44, 16))
req(40008, 3799, radius(43, 17, [s(1, 'erin')]))
rsp(3799, 40008, radius(45, 17, [i32(101, 402)]))
# Status, other codes
req(40009, 1812, radius(12, 18, [avp(80, bytes(16))]))
rsp(1812, 40009, radius(2, 18, [s(18, 'alive')]))
for n, code in enumerate([6, 7, 8, 9, 10, 13, 21, 22, 23, 24, 25, 26, 27, 29, 30, 31, 32, 33, 34, 50, 51,
                          129, 130, 131, 132, 0, 14, 99, 255]):
    req(40010, 1812, radius(code, 100 + n, [s(1, 'x')]))
# Vendor-specific (unknown vendor), unknown attributes, odd values
req(40011, 1812, radius(1, 19, [avp(26, struct.pack('>I', 65000) + b'\x01\x06abcd'),
                                avp(26, struct.pack('>I', 65000) + b'\x01\x03a\x02\x04bc'),
                                avp(26, struct.pack('>I', 65001)),
                                avp(21, b'\x01\x02\x03'), avp(200, b'zz'), avp(54, b''), s(1, ''),
                                i32(6, 99), avp(6, b'\x01\x02'), avp(4, b'\x01\x02'), avp(95, b'\x01\x02\x03')]))
req(40011, 1812, radius(1, 20, [s(1, 'tab\there'), s(1, 'utf8 \xe9\xe8'), s(32, 'bs\\x'), s(1, 'nul\x00z'),
                                avp(2, b'short')]))
# Identifier reuse: a new authenticator, duplicated responses, a response of another kind, a late duplicate
req(40013, 1812, radius(1, 50, [s(1, 'h')], auth=b'A' * 16))
req(40013, 1812, radius(1, 50, [s(1, 'h')], auth=b'B' * 16))
rsp(1812, 40013, radius(3, 50, [s(18, 'no')]))
rsp(1812, 40013, radius(3, 50, [s(18, 'no')]))
rsp(1812, 40013, radius(2, 50, [s(18, 'yes')]))
req(40013, 1812, radius(1, 50, [s(1, 'h')], auth=b'B' * 16))
req(40013, 1812, radius(1, 51, [s(1, 'h')]))
rsp(1812, 40013, radius(5, 51))
req(40013, 1812, radius(4, 51, [i32(40, 1)]))
rsp(1812, 40013, radius(5, 51))
req(40013, 1812, radius(1, 52, [s(1, 'h')]))
req(40013, 1812, radius(1, 52, [s(1, 'i')]))
rsp(1812, 40013, radius(11, 52))
req(40013, 1812, radius(7, 53))
rsp(1812, 40013, radius(8, 53))
req(40013, 1812, radius(21, 54))
rsp(1812, 40013, radius(22, 54))
req(40013, 1812, radius(23, 55))
rsp(1812, 40013, radius(24, 55))
req(40013, 1812, radius(26, 56))
rsp(1812, 40013, radius(27, 56))
req(40013, 1812, radius(33, 57))
rsp(1812, 40013, radius(34, 57))
req(40013, 1812, radius(129, 58))
rsp(1812, 40013, radius(130, 58))
req(40013, 1812, radius(7, 59))
rsp(1812, 40013, radius(9, 59))
req(40013, 1812, radius(12, 60))
rsp(1812, 40013, radius(11, 60))
req(40013, 1812, radius(13, 61))
rsp(1812, 40013, radius(5, 61))
req(40013, 1812, radius(50, 62))
rsp(1812, 40013, radius(51, 62))
req(40013, 1812, radius(129, 63))
rsp(1812, 40013, radius(132, 63))
req(40013, 1812, radius(25, 64))
rsp(1812, 40013, radius(2, 64))
frames.append(udp4(NAS, SRV, 1812, 1812, radius(1, 65, [s(1, 'same port')])))
frames.append(udp4(SRV, NAS, 1812, 1812, radius(2, 65)))
req(40014, 1812, radius(1, 66, length=4096) + bytes(4076))
req(40014, 1812, radius(1, 67, length=4097) + bytes(4077))
req(40014, 1812, radius(1, 68)[:3])
req(40014, 1812, radius(1, 69)[:2])
# Values of every kind at odd lengths: integers of 0-8 bytes, addresses, prefixes, dates, tags, VLANs, vendors
V6 = bytes.fromhex('20010db8000000000000000000000001')
odd = [(5, b''), (5, b'\x01'), (5, b'\x01\x02\x03'), (5, b'\x01\x02\x03\x04\x05'), (5, bytes(range(1, 9))),
       (6, b'\x00\x00\x00\x02\x00'), (4, b''), (95, b''), (24, b''), (1, b''), (3, b''), (3, b'\x05'),
       (3, bytes(18)), (55, b''), (55, b'\x01\x02'), (55, bytes(8)), (97, b''), (97, b'\x00'),
       (97, b'\x00\x80' + V6), (97, b'\x00\x81' + V6), (97, b'\x00\x40' + V6 + b'\x01'),
       (97, b'\x00\x40' + V6[:8] + b'\x00'), (97, b'\x00\x20\x20\x01\x0d\xb8\xff'), (97, b'\x00\x00'),
       (64, b''), (64, b'\x01'), (64, b'\x01\x02'), (64, b'\x20\x00\x00\x03'), (64, b'\x00\x00\x00\x03\x04'),
       (81, b'v10'), (81, b'\x1f'), (81, b'\x20abc'), (81, b''), (69, b''), (69, b'\x01\x02\x03'),
       (69, b'\x41\x02\x03'), (14, b'\xff\xff\xff\xff'), (14, b'\xff\xff\xff\xfe'), (8, b'\x01\x02'),
       (9, b'\xff\xff\xff\xff'), (56, b''), (56, b'\x31\x00'), (56, b'\x33\x00\x00\x01'), (58, b''), (58, b'\x31'),
       (58, b'\x33ab'), (57, b'\x00\x00\x00\x02'), (96, b'\x01\x02'), (96, bytes(9)), (25, b''),
       (80, b'\x01'), (79, b''), (26, b''), (26, b'\x00\x00'), (26, b'\x00\x00\xfd\xe8\x01'),
       (26, b'\x00\x00\xfd\xe8\x01\x01'), (26, b'\x00\x00\xfd\xe8\x01\x00ab'), (26, b'\x00\x00\xfd\xe8\x01\x02'),
       (200, b''), (61, b'\x00\x00\x00\x63'), (101, b'\x00\x00\x01\x00'), (40, b'\x00\x00\x00\x0f'),
       (18, b'\xff\xfe'), (18, b'a\x01\x7fz'), (83, b'\x01\x00\x00\x05'), (67, b'\x02lns'), (82, b'\x03id'),
       (91, b'\x04srv'), (65, b'\x1f\x00\x00\x01'), (15, b'\x00\x00\x00\x63'), (16, b'\x00\x00\x00\x50'),
       (1, b'nul at end\x00'), (1, b'two\x00\x00'),
       (23, b'\x00\x00\x00\x03'), (23, b'\x01\x02'), (23, b''), (23, bytes(6)), (8, bytes(4)), (14, bytes(4))]
for n, (t, v) in enumerate(odd):
    req(40015, 1812, radius(1, 150 + n, [avp(t, v), s(1, 'ok')]))
req(40015, 1812, radius(1, 250, [avp(26, b'\x00\x00\xfd\xe8\x01\x09ab')]))
# Extended attributes (RFC 6929): named and unknown extended types, short and long forms, the More flag
ext = [(241, b''), (241, b'\x01'), (241, b'\x01\x00'), (245, b'\x01\x80'), (245, b'\x01\x80ab'),
       (245, b'\x00\x7fab'), (241, b'\x01\x00\x00\x00\x01\x02'), (241, b'\x00'), (244, b'\x00abc'),
       (246, b'\x00\x00abc'), (242, b'\x09xyz'), (241, b'\x04\x00\x00\x00\x2b'), (241, b'\x01\x00\x00\x00\x09'),
       (241, b'\x02\x00\x00\x10\x00'), (241, b'\x03\x00\x00\x00\x01'), (243, b'\x00\x01'), (246, b'\x07\x00zz')]
for n, (t, v) in enumerate(ext):
    req(40016, 1812, radius(1, 200 + n, [avp(t, v), s(1, 'ok')]))
req(40016, 1812, radius(1, 230, [avp(245, b'\x01\x80ab'), avp(245, b'\x01\x00cd'), s(1, 'ok')]))
# Malformed attributes
req(40012, 1812, radius(1, 21, [s(1, 'g'), b'\x04\x01']))
req(40012, 1812, radius(1, 22, [s(1, 'g'), b'\x04\x00\x01\x02']))
req(40012, 1812, radius(1, 23, [s(1, 'g'), b'\x04\x20\x01\x02\x03']))
req(40012, 1812, radius(1, 24, [s(1, 'g'), b'\x01']))
# Header lengths
req(40012, 1812, radius(1, 25, [s(1, 'hh')], length=19))
req(40012, 1812, radius(1, 26, [s(1, 'hh')], length=200))
req(40012, 1812, radius(1, 27, [s(1, 'hh'), s(1, 'ignored')], length=24))
req(40012, 1812, radius(1, 28, [s(1, 'hh')], length=20))
req(40012, 1812, radius(1, 29)[:12])
req(40012, 1812, radius(1, 30)[:4])
req(40012, 1812, b'')
rsp(1812, 40012, radius(2, 31, [s(18, 'no request')]))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'radius_crafted.pcap'), 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for n, frame in enumerate(frames):
        f.write(struct.pack('<IIII', 1700000000 + n // 4, (n % 4) * 250000 + n * 7, len(frame), len(frame)))
        f.write(frame)
