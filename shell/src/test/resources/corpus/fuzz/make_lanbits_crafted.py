#!/usr/bin/env python3
"""Writes the LAN chatter captures: nbns_crafted.pcap (NetBIOS name service: queries, registrations,
refreshes, releases, WACKs, multi-homed registrations, negative answers, NBSTAT node status, scope
IDs, compression pointers, every name type, bad first-level encodings, records whose data runs
short, packets cut short), nbds_crafted.pcap (NetBIOS datagrams of every type, fragments, unknown
types and error codes, a short header), cdp_crafted.pcap (CDP with every TLV tshark decodes, full,
empty and one byte long, address lists with truncated entries, EnergyWise, odd-length checksums with
last bytes on both sides of 0x80, invalid TLV lengths), vrrp_crafted.pcap (VRRPv2 and v3 over IPv4
and IPv6, every priority class, auth types with and without their data, bad checksums, short and
snap-cut packets) and wol_crafted.pcap (Wake-on-LAN magic packets over EtherType 0x0842 and UDP,
with 4- and 6-byte passwords, and near misses that stay data).

usage: make_lanbits_crafted.py  (writes the files beside this script)
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('>%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def eth(dst, src, etype, payload):
    return b''.join([bytes.fromhex(dst), bytes.fromhex(src), struct.pack('>H', etype), payload])


def ip4(src, dst, proto, payload, ttl=255):
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 7, 0, ttl, proto, 0, bytes(src), bytes(dst))
    return b''.join([ip[:10], struct.pack('>H', checksum(ip)), ip[12:], payload])


def ip6(src, dst, nxt, payload, hlim=255):
    return b''.join([struct.pack('>IHBB', 0x60000000, len(payload), nxt, hlim), src, dst, payload])


def udp4(src, dst, sport, dport, payload):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = bytes(src) + bytes(dst) + struct.pack('>BBH', 0, 17, len(udp))
    udp = b''.join([udp[:6], struct.pack('>H', checksum(pseudo + udp) or 0xffff), udp[8:]])
    return ip4(src, dst, 17, udp, ttl=64)


def write(name, frames, linktype=1):
    out = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype)]
    for i, f in enumerate(frames):
        if isinstance(f, tuple):
            f, orig = f
        else:
            orig = len(f)
        out.append(struct.pack('<IIII', 1700000000 + i, 0, len(f), orig) + f)
    with open(os.path.join(HERE, name), 'wb') as fh:
        fh.write(b''.join(out))


# ---- NetBIOS ------------------------------------------------------------------------------------

def nbname(name, typ=0, scope=b'', pad=b' '):
    raw = name.ljust(15, pad)[:15] + bytes([typ])
    enc = bytes(b for c in raw for b in (0x41 + (c >> 4), 0x41 + (c & 15)))
    labels = [bytes([len(label)]) + label for label in (scope.split(b'.') if scope else [])]
    return b''.join([bytes([32]), enc] + labels + [b'\0'])


def hdr(tid, flags, qd=0, an=0, ns=0, ar=0):
    return struct.pack('>HHHHHH', tid, flags, qd, an, ns, ar)


def q(name, typ=32, cls=1):
    return name + struct.pack('>HH', typ, cls)


def rr(name, typ, cls, ttl, data):
    return b''.join([name, struct.pack('>HHIH', typ, cls, ttl, len(data)), data])


def nb(flags, ip):
    return struct.pack('>H', flags) + bytes(ip)


def nbu(p, sport=137, dport=137, src=(10, 0, 0, 5), dst=(10, 0, 0, 255)):
    return eth('ffffffffffff', '020000000005', 0x800, udp4(list(src), list(dst), sport, dport, p))


def nsname(n, t, f):
    return n.ljust(15, b' ') + bytes([t]) + struct.pack('>H', f)


def nbns_frames():
    fr = []
    stat = b''.join([bytes.fromhex('020000000005'), bytes([1, 2]), struct.pack('>HH', 3, 4),
                     struct.pack('>HHHHIIHHHHHHH', 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)])
    nbstat = b''.join([bytes([4]), nsname(b'HOST', 0, 0x0400), nsname(b'HOST', 0x20, 0x0600),
                       nsname(b'WORKGROUP', 0, 0x8400), nsname(b'WORKGROUP', 0x1e, 0x9e00), stat])
    reg = q(nbname(b'HOST', 0x20))
    fr += [
        nbu(hdr(1, 0x0110, 1) + q(nbname(b'WPAD'))),
        nbu(hdr(1, 0x8500, 0, 1) + rr(nbname(b'WPAD'), 32, 1, 300000, nb(0x0000, [10, 0, 0, 7])), dst=(10, 0, 0, 9)),
        nbu(hdr(2, 0x0000, 1) + q(nbname(b'*', pad=b'\0'), 33)),
        nbu(hdr(2, 0x8400, 0, 1) + rr(nbname(b'*', pad=b'\0'), 33, 1, 0, nbstat)),
        nbu(hdr(3, 0x2910, 0, 0, 0, 1) + rr(nbname(b'HOST', 0x20), 32, 1, 300000, nb(0x6000, [10, 0, 0, 5]))),
        nbu(hdr(3, 0x2910, 1, 0, 0, 1) + reg + rr(b'\xc0\x0c', 32, 1, 300000, nb(0x6000, [10, 0, 0, 5]))),
        nbu(hdr(4, 0x4010, 1, 0, 0, 1) + reg + rr(b'\xc0\x0c', 32, 1, 300000, nb(0x2000, [10, 0, 0, 5]))),
        nbu(hdr(5, 0x3010, 1, 0, 0, 1) + reg + rr(b'\xc0\x0c', 32, 1, 0, nb(0x4000, [10, 0, 0, 5]))),
        nbu(hdr(6, 0x4800, 1, 0, 0, 1) + reg + rr(b'\xc0\x0c', 32, 1, 300000, nb(0x0000, [10, 0, 0, 5]))),
        nbu(hdr(7, 0xbc00, 0, 1) + rr(nbname(b'HOST', 0x20), 32, 1, 40, struct.pack('>H', 0x2910))),
        nbu(hdr(7, 0xbc00, 0, 1) + rr(nbname(b'HOST', 0x20), 32, 1, 1, struct.pack('>HH', 0xa910, 0x4000))),
        nbu(hdr(7, 0xbc00, 0, 1) + rr(nbname(b'HOST', 0x20), 32, 1, 3661, b'\x29')),
        nbu(hdr(8, 0xad86, 0, 1) + rr(nbname(b'HOST', 0x20), 32, 1, 0, nb(0x6000, [10, 0, 0, 5]))),
        nbu(hdr(9, 0xf810, 1, 0, 0, 1) + reg + rr(b'\xc0\x0c', 32, 1, 300000, nb(0x0000, [10, 0, 0, 5]))),
        nbu(hdr(10, 0x8583, 1, 0) + q(nbname(b'NOPE'))),
        nbu(hdr(10, 0x8503, 0, 1) + rr(nbname(b'NOPE'), 32, 1, 0, b'')),
        nbu(hdr(11, 0x0110, 1) + q(nbname(b'FOO', 0x1c, b'corp.example.com'))),
        nbu(hdr(12, 0x8500, 0, 1) + rr(nbname(b'MULTI', 0), 32, 1, 300000,
                                        nb(0, [10, 0, 0, 1]) + nb(0x8000, [10, 0, 0, 2]) + nb(0xe000, [10, 0, 0, 3]))),
        nbu(hdr(13, 0x0110, 1) + q(bytes([5]) + b'ABCDE\0')),
        nbu(hdr(14, 0x0110, 1) + q(nbname(b'X'))[:20]),
        nbu(hdr(15, 0x0110, 1)[:6]),
        nbu(hdr(16, 0x0110, 1) + q(nbname(b'X'), 32, 7)),
        nbu(hdr(17, 0x8500, 0, 1) + rr(nbname(b'X'), 1, 1, 10, bytes([1, 2, 3, 4]))),
        nbu(hdr(18, 0x8500, 0, 1) + rr(nbname(b'X'), 10, 255, 10, bytes([1, 2, 3, 4, 5]))),
        nbu(hdr(19, 0x0110, 1) + q(nbname(b'lower\xff', 0x41))),
        nbu(hdr(20, 0x0110, 1) + q(bytes([30]) + b'A' * 30 + b'\0')),
        nbu(hdr(21, 0x0110, 1) + q(bytes([34]) + b'A' * 34 + b'\0')),
        nbu(hdr(22, 0x0110, 1) + q(bytes([32]) + b'Z' * 32 + b'\0')),
        nbu(hdr(23, 0x0110, 1) + q(bytes([32]) + b'a' * 32 + b'\0')),
        nbu(hdr(24, 0x0110, 1) + q(b'\0')),
        nbu(hdr(25, 0x0110, 1) + q(nbname(b'A B  C'))),
        nbu(hdr(26, 0x8500, 0, 1) + rr(nbname(b'X'), 32, 1, 10, bytes([0, 0, 1, 2, 3]))),
        nbu(hdr(27, 0x8500, 0, 1) + rr(nbname(b'X'), 32, 1, 10, bytes([0, 0, 1, 2, 3, 4, 0, 0]))),
        nbu(hdr(28, 0x8500, 0, 1) + rr(nbname(b'X'), 33, 1, 10, bytes([2]) + b'ABC'.ljust(15) + b'\0\x04\x00')),
        nbu(hdr(29, 0x8500, 0, 2) + rr(nbname(b'X'), 32, 1, 10, bytes([0, 0, 1, 2, 3, 4]))
            + rr(nbname(b'Y'), 32, 1, 10, bytes([0, 0, 5, 6, 7, 8]))),
        nbu(hdr(30, 0x0310, 2) + q(nbname(b'A')) + q(nbname(b'B', 0x20))),
        nbu(hdr(31, 0x8500, 0, 0, 1) + rr(nbname(b'X'), 32, 1, 10, bytes([0, 0, 1, 2, 3, 4]))),
        nbu(hdr(32, 0x8500, 0, 1) + rr(nbname(b'X'), 32, 1, 10, bytes([0, 0, 1, 2, 3, 4])) + b'junk'),
        nbu(hdr(33, 0x8500, 0, 1) + rr(nbname(b'X'), 32, 1, 10, bytes([0, 0, 1, 2, 3, 4]))[:-2]),
        nbu(hdr(34, 0x8500, 1, 1) + q(nbname(b'P')) + rr(b'\xc0\x0c', 33, 1, 10, bytes([0]) + bytes(46))),
        nbu(hdr(35, 0x0810, 1) + q(nbname(b'OP1'))),
        nbu(hdr(36, 0x908f, 1) + q(nbname(b'OP2'))),
        nbu(hdr(37, 0x8209, 0, 1) + rr(nbname(b'RC'), 32, 1, 10, nb(0, [1, 1, 1, 1]))),
        nbu(hdr(38, 0x0110, 1) + q(bytes([2]) + b'AB\xc0\x0c')),
        nbu(hdr(39, 0x0110, 1) + q(bytes([0x40]) + b'AB\0')),
        nbu(hdr(40, 0x8500, 0, 1) + rr(nbname(b'X'), 33, 1, 10, bytes([1]))),
        nbu(hdr(41, 0x0110, 1) + q(nbname(b'FROM', 0x03)), sport=50000),
        nbu(hdr(42, 0x8500, 0, 2) + rr(nbname(b'X'), 32, 1, 10, bytes([0, 0, 1, 2, 3]))
            + rr(nbname(b'Y'), 32, 1, 10, bytes([0, 0, 5, 6, 7, 8]))),
        nbu(hdr(43, 0xbc00, 0, 2) + rr(nbname(b'W'), 32, 1, 10, b'\x29')
            + rr(nbname(b'V'), 32, 1, 10, struct.pack('>H', 0x2910))),
    ]
    for pos in (1, 2, 3, 4, 31, 32):
        n = bytearray(nbname(b'HOST'))
        n[pos] = ord('a')
        fr.append(nbu(hdr(100 + pos, 0x0110, 1) + q(bytes(n))))
    # every name type tshark labels, and a few it does not
    for t in (0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24,
              0x2b, 0x30, 0x31, 0x43, 0x44, 0x45, 0x46, 0x4c, 0x52, 0x6a, 0x7f, 0x87, 0xbe, 0xbf, 0xff):
        fr.append(nbu(hdr(0x1000 + t, 0x0110, 1) + q(nbname(b'T', t))))
    return fr


def dg(typ, flags, did, src, sport, body):
    return b''.join([bytes([typ, flags]), struct.pack('>H', did), bytes(src), struct.pack('>H', sport), body])


def dnames(payload, s=b'HOST', d=b'WORKGROUP', dt=0x1d):
    body = nbname(s, 0) + nbname(d, dt) + payload
    return struct.pack('>HH', len(body), 0) + body


def nbds_frames():
    s = [10, 0, 0, 5]
    fr = [
        dg(0x11, 0x02, 0x1234, s, 138, dnames(b'hello world')),
        dg(0x10, 0x0e, 0x1235, s, 138, dnames(b'')),
        dg(0x12, 0x03, 0x1236, s, 138, dnames(b'\x01\x02')),
        dg(0x13, 0x06, 0x1237, s, 138, b'\x82'),
        dg(0x13, 0x02, 0x1237, s, 138, b'\x83'),
        dg(0x13, 0x02, 0x1237, s, 138, b'\x84'),
        dg(0x14, 0x0a, 0x1238, s, 138, nbname(b'WHO', 0x20)),
        dg(0x15, 0x02, 0x1239, s, 138, nbname(b'WHO', 0x20)),
        dg(0x16, 0x02, 0x123a, s, 138, nbname(b'WHO', 0x20)),
        dg(0x17, 0x02, 0x123b, s, 138, b'zz'),
        dg(0x11, 0x00, 0x123c, s, 138, struct.pack('>HH', 100, 20) + nbname(b'A') + nbname(b'B') + b'x'),
        dg(0x11, 0x01, 0x123c, s, 138, struct.pack('>HH', 1, 1) + nbname(b'A') + nbname(b'B', 0, b'scope.example')),
        dg(0x13, 0x02, 0x123d, s, 138, b'\x99'),
        dg(0x11, 0x02, 0x123e, s, 138, b'')[:6],
        dg(0x10, 0x02, 0x123f, s, 138, struct.pack('>HH', 70, 0) + nbname(b'A')),
        dg(0x14, 0x02, 0x1240, s, 138, bytes([3]) + b'BAD\0'),
    ]
    return [nbu(p, 138, 138) for p in fr]


# ---- CDP ----------------------------------------------------------------------------------------

def tlv(t, v):
    return struct.pack('>HH', t, 4 + len(v)) + v


def cdp_checksum(data):
    """tshark's CDP sum: an odd last byte is the low byte of the last word (from 0x80: 0xff00|b, less one)."""
    even = data[:len(data) & ~1]
    s = sum(struct.unpack('>%dH' % (len(even) // 2), even))
    if len(data) % 2:
        b = data[-1]
        s += (0xff00 | b) - 1 if b & 0x80 else b
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def cdp(tlvs, ver=2, ttl=180, ck=None):
    body = b''.join([bytes([ver, ttl]), b'\0\0'] + list(tlvs))
    c = cdp_checksum(body) if ck is None else ck
    return body[:2] + struct.pack('>H', c) + body[4:]


def snap(p, src='020000000010'):
    llc = bytes.fromhex('aaaa0300000c2000') + p
    return b''.join([bytes.fromhex('01000ccccccc'), bytes.fromhex(src), struct.pack('>H', len(llc)), llc])


def addr_ip(ip):
    return bytes([1, 1, 0xcc]) + struct.pack('>H', 4) + bytes(ip)


def addr_ip6(a):
    return bytes([2, 8]) + bytes.fromhex('aaaa0300000086dd') + struct.pack('>H', 16) + a


def addrs(*a):
    return struct.pack('>I', len(a)) + b''.join(a)


def energywise(table):
    return b''.join([bytes(range(0x41, 0x41 + 20)), struct.pack('>II', 7, 9), b'MODEL'.ljust(16, b'\0'), b'\x12\x34',
                     b'HW1', b'SERIAL12345', bytes(range(8)), struct.pack('>HH', len(table), 3), table])


def cdp_frames():
    ip6a = bytes.fromhex('20010db8000000000000000000000001')
    base = [tlv(1, b'SW1'), tlv(3, b'GigabitEthernet0/1')]
    other = [bytes([1, 1, 0x81]) + struct.pack('>H', 3) + b'abc', bytes([2, 2, 0x12, 0x34]) + struct.pack('>H', 2) + b'xy',
             bytes([9, 1, 0xcc]) + struct.pack('>H', 4) + bytes([1, 2, 3, 4]), bytes([1, 1, 0xcc]) + struct.pack('>H', 2) + b'\1\2']
    fr = [
        cdp(base + [tlv(2, addrs(addr_ip([10, 0, 0, 1]), addr_ip6(ip6a), *other)), tlv(4, struct.pack('>I', 0x7ff)),
                    tlv(5, b'Line one\nLine two\n'), tlv(6, b'cisco WS-C2960'), tlv(7, bytes([10, 1, 0, 0, 16, 192, 168, 1, 0, 24])),
                    tlv(7, bytes([10, 0, 0, 254]))]),
        cdp(base + [tlv(8, bytes.fromhex('00000c0112') + bytes(26)), tlv(8, bytes.fromhex('00000c0113') + b'\x01\x02\x03'),
                    tlv(9, b'dom'), tlv(10, struct.pack('>H', 100)), tlv(11, b'\x00'), tlv(11, b'\x02')]),
        cdp(base + [tlv(0xe, b'\x01' + struct.pack('>H', 200)), tlv(0xf, b'\x01' + struct.pack('>H', 0x0300)),
                    tlv(0x10, struct.pack('>H', 6300)), tlv(0x11, struct.pack('>I', 1500)), tlv(0x12, b'\x01'), tlv(0x13, b'\x05'),
                    tlv(0x14, b'sysname'), tlv(0x15, bytes.fromhex('06082b06010401090c03')),
                    tlv(0x16, addrs(addr_ip([192, 168, 0, 1]))), tlv(0x17, b'\x00' + b'Building 1'), tlv(0x18, b'Gi0/1-ext'),
                    tlv(0x19, struct.pack('>HHI', 1, 2, 15400)), tlv(0x1a, struct.pack('>HHII', 1, 2, 0, 30000)),
                    tlv(0x1b, b'\x01'), tlv(0x1f, b'\x0f'), tlv(0x1f, b'\x05')]),
        cdp(base + [tlv(0x1000, bytes.fromhex('001122334455')), tlv(0x1001, b'FOC123'), tlv(0x1002, b'myssid'),
                    tlv(0x1003, b'\x06'), tlv(0x1006, struct.pack('>H', 161)), tlv(0x1007, struct.pack('>H', 80)),
                    tlv(0x1008, bytes.fromhex('001122334455')), tlv(0x1009, b'\x24'), tlv(0x100a, b'\x01'),
                    tlv(0x100b, b'\x02'), tlv(0x100c, b'\x03'), tlv(0x100d, b'\x04'), tlv(0x99, b'zz'), tlv(0x1c, b'q')]),
        cdp(base, ck=0x1234),
        cdp(base + [tlv(1, b'odd')]),
        cdp(base + [tlv(6, b'\xff\xfe odd')]),
        cdp(base + [struct.pack('>HH', 1, 2)]),
        cdp(base + [struct.pack('>HH', 1, 50) + b'short']),
        cdp(base + [b'\x00\x01\x00']),
        cdp(base, ver=1, ttl=0),
        cdp(base, ttl=1),
        cdp([tlv(4, b'\x01\x02')]),
        cdp([tlv(2, b'\x00\x00\x00\x02' + addr_ip([1, 2, 3, 4]))]),
        cdp([tlv(0xa, b'\x01')]),
        cdp([])[:3],
        cdp([tlv(5, b'')]),
        cdp([tlv(5, b'IOS\x01 line\nnext')]),
        cdp([tlv(7, bytes([10, 1, 0, 0, 16, 1]))]),
        cdp([tlv(0x1d, bytes(40))]),
        cdp([tlv(1, b'long'), tlv(5, b'Software\n' * 3)]),
        cdp([tlv(1, b'R9'), tlv(3, b'Fa0/9'), tlv(6, b'ab\x80')]),
        cdp([tlv(1, b'R9'), tlv(3, b'Fa0/9'), tlv(6, b'ab\xfe')]),
        cdp([tlv(1, b'R9'), tlv(3, b'Fa0/9'), tlv(6, b'ab\xff')]),
        cdp([tlv(1, b'R9'), tlv(3, b'Fa0/9'), tlv(6, b'ab\x7f')]),
    ]

    def nt(t, v, length=None):
        return struct.pack('>II', t, 8 + len(v) if length is None else length) + v
    fr += [cdp(base + [tlv(0x1d, energywise(nt(7, b'role\0') + nt(8, b'mydomain\0') + nt(9, b'myname\0')))]),
           cdp(base + [tlv(0x1d, energywise(nt(7, b'abcd\0') + b'\x01\x02'))]),
           cdp(base + [tlv(0x1d, energywise(nt(7, b'abcd\0', 5)))]),
           cdp(base + [tlv(0x1d, energywise(b''))]),
           cdp(base + [tlv(0x1d, energywise(b'\x00\x00\x00\x07\x00'))]),
           cdp(base + [tlv(0x1d, energywise(nt(7, b'r\0', 200)))])]
    types = list(range(1, 0x20)) + list(range(0x1000, 0x100e)) + [0x99]
    for value in (b'\x01', b'', b'\x00\x00\x00\x01\x01'):
        for t in types:
            fr.append(cdp(base + [tlv(t, value)]))
    frames = [snap(p) for p in fr]
    full = snap(cdp(base + [tlv(6, b'cut by the snap length')]))
    frames.append((full[:50], len(full)))
    return frames


# ---- VRRP ---------------------------------------------------------------------------------------

V4S, V4D = [192, 168, 0, 30], [224, 0, 0, 18]
V6S = bytes.fromhex('fe800000000000000000000000000001')
V6D = bytes.fromhex('ff020000000000000000000000000012')


def vrrp_frame(body, six):
    if six:
        return eth('333300000012', '00005e000201', 0x86dd, ip6(V6S, V6D, 112, body))
    return eth('01005e000012', '00005e000101', 0x800, ip4(V4S, V4D, 112, body))


def v2(prio=100, auth=0, addrs=3, tail=b'', typ=1, ver=2, ck=None, adv=1, cut=None, six=False):
    size = 16 if six else 4
    a = b''.join(bytes([0x20, 1, 0xd, 0xb8] + [0] * (size - 5) + [i + 1]) if six else bytes([192, 168, 0, i + 1])
                 for i in range(addrs))
    body = b''.join([bytes([(ver << 4) | typ, 1, prio, addrs, auth, adv]), b'\0\0', a, tail])
    c = checksum(body) if ck is None else ck
    body = body[:6] + struct.pack('>H', c) + body[8:]
    if cut:
        body = body[:cut]
    return vrrp_frame(body, six)


def v3(prio=100, addrs=2, tail=b'', ck=None, adv=0x0064, res=0, six=False, cut=None, typ=1):
    size = 16 if six else 4
    a = b''.join(bytes([0x20, 1, 0xd, 0xb8] + [0] * (size - 5) + [i + 1]) if six else bytes([10, 0, 0, i + 1])
                 for i in range(addrs))
    body = b''.join([bytes([0x30 | typ, 7, prio, addrs]), struct.pack('>H', (res << 12) | adv), b'\0\0', a, tail])
    if six:
        pseudo = V6S + V6D + struct.pack('>I', len(body)) + b'\0\0\0\x70'
    else:
        pseudo = bytes(V4S) + bytes(V4D) + struct.pack('>BBH', 0, 112, len(body))
    c = checksum(pseudo + body) if ck is None else ck
    body = body[:6] + struct.pack('>H', c) + body[8:]
    if cut:
        body = body[:cut]
    return vrrp_frame(body, six)


def vrrp_frames():
    fr = [v2(p) for p in (0, 1, 50, 99, 100, 101, 200, 254, 255)]
    fr += [v2(auth=1, tail=b'secret\0\0'), v2(auth=1, tail=b'12345678'), v2(auth=2, tail=b'\0' * 8),
           v2(auth=254, tail=bytes(range(16))), v2(auth=3, tail=b'abc'), v2(ck=0x1234), v2(typ=2), v2(ver=1),
           v2(ver=4), v2(auth=1, tail=b'pw'), v2(auth=1, cut=10), v2(auth=254, tail=b'abc'), v2(addrs=0),
           v2(six=True, addrs=2), v2(adv=255, prio=255)]
    f = v2(auth=1, tail=b'12345678')
    fr.append((f[:-6], len(f)))
    fr += [v3(), v3(adv=0xfff, res=0xf), v3(ck=0xbeef), v3(six=True), v3(six=True, addrs=1, ck=1), v3(tail=b'xyz'),
           v3(addrs=5, cut=14), v3(cut=3), v3(six=True, addrs=0), v3(typ=0xf), v3(prio=0), v3(six=True, addrs=3)]
    f = v3(addrs=4)
    fr.append((f[:-5], len(f)))
    return fr


# ---- Wake-on-LAN --------------------------------------------------------------------------------

def wol_frames():
    mac = bytes.fromhex('000d56dc9e35')

    def magic(pw=b'', reps=16, sync=b'\xff' * 6, other=None):
        macs = [mac] * reps
        if other is not None:
            macs[other] = bytes.fromhex('021122334455')
        return b''.join([sync] + macs + [pw])

    def e(p):
        return eth('ffffffffffff', '00902785cf01', 0x0842, p)

    def u(p, port=9):
        return eth('ffffffffffff', '00902785cf01', 0x800, udp4([10, 0, 0, 1], [255, 255, 255, 255], 40000, port, p))
    fr = [e(magic()), e(magic(b'\x01\x02\x03\x04\x05\x06')), e(magic(b'\x01\x02\x03')), e(magic(b'\x0a\x00\x00\x01\x99')),
          e(magic(other=3)), e(magic(sync=b'\xff' * 5 + b'\x00')), e(magic(reps=10)), e(magic(b'1234567')),
          e(magic(b'\xc0\xa8\x01\x01')),
          u(magic()), u(magic(), port=40001), u(magic(b'\x0a\x00\x00\x01')),
          u(magic(b'\x01\x02\x03\x04\x05\x06'), port=6000), u(magic(other=15)), u(b'\xff' * 6 + b'\x00' * 6),
          u(magic(b'\x01\x02\x03\x04\x05\x06\x07\x08')), u(magic(), port=0x0842)]
    f = e(magic(b'\x01\x02\x03\x04'))
    fr.append((f[:60], len(f)))
    return fr


if __name__ == '__main__':
    write('nbns_crafted.pcap', nbns_frames())
    write('nbds_crafted.pcap', nbds_frames())
    write('cdp_crafted.pcap', cdp_frames())
    write('vrrp_crafted.pcap', vrrp_frames())
    write('wol_crafted.pcap', wol_frames())
