#!/usr/bin/env python3
"""Writes dhcpv6_crafted.pcap: DHCPv6 over UDP 546/547 as clients, servers and relays send it: message
types 0-13 and 20, a Solicit/Reply exchange with DUIDs of every kind, IA_NA/IA_TA/IA_PD with nested
addresses and prefixes (finite and infinite lifetimes), option request, preference, elapsed time,
status codes, user and vendor classes, vendor options, interface id, DNS servers, domain search list,
client FQDN flags from clients and servers with full, single-label, partial and root-only names,
relay-forward and relay-reply messages with the relayed message inside, unknown options, options
shorter than their fixed part, an option longer than the message, a relay header cut short and a
packet cut by the snapshot length.

usage: make_dhcpv6_crafted.py  (writes the file beside this script)
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


CLIENT = bytes.fromhex('fe800000000000000000000000000001')
SERVERS = bytes.fromhex('ff020000000000000000000000010002')
SERVER = bytes.fromhex('fe800000000000000000000000000002')


def udp6(payload, sport=546, dport=547, src=CLIENT, dst=SERVERS, mac_dst='333300010002'):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack('>I', len(udp)) + b'\0\0\0\x11'
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip6 = struct.pack('>IHBB', 0x60000000, len(udp), 17, 1) + src + dst
    return bytes.fromhex(mac_dst + '020000000001') + b'\x86\xdd' + ip6 + udp


def reply(payload):
    return udp6(payload, 547, 546, SERVER, CLIENT, '020000000001')


def o6(code, value):
    return struct.pack('>HH', code, len(value)) + value


def frames():
    duid_llt = bytes.fromhex('000100012154eee7000c29703dd8')
    duid_ll = bytes.fromhex('00030001020000000001')
    duid_en = bytes.fromhex('000200000009464745313934373134515300')
    duid_uuid = bytes.fromhex('0004') + bytes(range(16))
    addr = bytes.fromhex('20010db8000000000000000000000030')
    iaaddr = o6(5, addr + struct.pack('>II', 3600, 0xffffffff))
    iaaddr_finite = o6(5, addr + struct.pack('>II', 3600, 7200) + o6(13, b'\x00\x00ok'))
    iaprefix = o6(26, struct.pack('>IIB', 7200, 7500, 56) + bytes.fromhex('20010db8aa0000000000000000000000'))
    iaprefix_inf = o6(26, struct.pack('>IIB', 0xffffffff, 0xffffffff, 48) + bytes.fromhex('20010db8bb0000000000000000000000'))
    names = b'\x07example\x03com\x00\x03lab\x07example\x03com\x00'
    dns = bytes.fromhex('20010db8000000000000000000000001' + '20010db8000000000000000000000002')
    out = []
    for t in list(range(0, 12)) + [20]:
        out.append(udp6(bytes([t]) + b'\x12\x34\x56' + o6(8, b'\x00\x00')))
    out += [
        udp6(b'\x01\xaa\xbb\xcc' + o6(1, duid_llt) + o6(8, b'\x00\x64') + o6(6, b'\x00\x17\x00\x18\x00\x27\x00\x52\x00\xf3')
             + o6(3, b'\x0a\x0b\x0c\x0d' + b'\0' * 8) + o6(39, b'\x01\x06laptop\x07example\x03com\x00')
             + o6(16, bytes.fromhex('00000137') + b'\x00\x08MSFT 5.0') + o6(14, b'')
             + o6(15, b'\x00\x03abc\x00\x02de') + o6(25, b'\x0a\x0b\x0c\x0e' + b'\0' * 8)),
        reply(b'\x02\xaa\xbb\xcc' + o6(3, b'\x0a\x0b\x0c\x0d' + struct.pack('>II', 1800, 2880) + iaaddr)
              + o6(1, duid_llt) + o6(2, duid_ll) + o6(7, b'\xff') + o6(23, dns)
              + o6(24, b'\x07example\x03com\x00\x03lab\x07example\x03com\x00') + o6(82, struct.pack('>I', 3600))),
        udp6(b'\x03\xaa\xbb\xcd' + o6(1, duid_en) + o6(2, duid_ll) + o6(4, b'\x01\x02\x03\x04' + iaaddr_finite)
             + o6(12, bytes.fromhex('20010db8000000000000000000000001')) + o6(18, b'eth0')
             + o6(17, bytes.fromhex('00000009') + struct.pack('>HH', 1, 2) + b'ab' + struct.pack('>HH', 2, 0))
             + o6(39, b'\x00\x04host\x00') + o6(39, b'\x04\x00')),
        reply(b'\x07\xaa\xbb\xcd' + o6(1, duid_uuid) + o6(2, duid_ll)
              + o6(25, b'\x0a\x0b\x0c\x0e' + struct.pack('>II', 0xffffffff, 0xffffffff) + iaprefix + iaprefix_inf)
              + o6(13, b'\x00\x02NoAddrsAvail') + o6(13, b'\x00\x10?') + o6(39, b'\x02\x06laptop\x07example\x03com\x00')
              + o6(39, b'\x05\x04host\x00') + o6(39, b'\x01\x04host')),
        udp6(b'\x0c\x00' + bytes.fromhex('20010db8000000000000000000000001') + SERVER + o6(18, b'ge-0/0/1')
             + o6(9, b'\x01\x11\x22\x33' + o6(1, duid_ll) + o6(8, b'\x00\x00')) + o6(79, b'\x00\x01\x02\x00\x00\x00\x00\x01'),
             547, 547),
        udp6(b'\x0d\x00' + bytes.fromhex('20010db8000000000000000000000001') + SERVER
             + o6(9, b'\x07\x11\x22\x33' + o6(1, duid_ll) + o6(13, b'\x00\x00Success') + iaaddr), 547, 547),
        udp6(b'\x0b\xaa\xbb\xcf' + o6(200, b'xyz') + o6(3, b'\x01\x02\x03\x04') + o6(8, b'\x01') + o6(7, b'\x01\x02')
             + o6(12, b'\x00\x01') + o6(23, b'\x00' * 4) + o6(5, b'\x00' * 4) + o6(26, b'\x00' * 4) + o6(4, b'\x00')
             + o6(1, b'\x00\x01\x00\x01') + o6(15, b'\x00\x09x') + o6(8, b'\x00\x01')[:-1]),
        reply(b'\x07\xaa\xbb\xd1' + o6(22, dns) + o6(27, dns) + o6(28, dns) + o6(31, dns) + o6(34, dns) + o6(40, dns)
              + o6(52, dns) + o6(21, names) + o6(29, names) + o6(30, names) + o6(33, names) + o6(64, b'\x04aftr' + names[:13])
              + o6(56, o6(1, dns[:16]) + o6(2, dns[16:]) + o6(3, b'\x03ntp' + names[:13]) + o6(9, b''))
              + o6(32, struct.pack('>I', 3600)) + o6(41, b'EST5EDT') + o6(42, b'Europe/Zurich') + o6(46, struct.pack('>I', 10))),
        udp6(b'\x01\xaa\xbb\xd2' + o6(37, bytes.fromhex('00000009') + b'remote') + o6(38, b'sub-1') + o6(22, b'\x00' * 4)
             + o6(31, b'\x00' * 20) + o6(41, b'UTC\x00x')),
        reply(b'\x0a\xaa\xbb\xd3' + o6(19, b'\x05') + o6(20, b'') + o6(11, bytes.fromhex('0201000000000000000001') + bytes(16))
              + o6(19, b'\x05\x06') + o6(20, b'\x01') + o6(11, b'\x00')
              + o6(25, b'\x0a\x0b\x0c\x0e' + struct.pack('>II', 3600, 5400)
                   + o6(26, struct.pack('>IIB', 7200, 7500, 56) + bytes.fromhex('20010db8aa0000000000000000000000')
                        + o6(67, bytes([64]) + b'\x80')))),
        udp6(b'\x0c\x01' + bytes(10)),
        udp6(b'\x0c\x00' + bytes.fromhex('20010db8000000000000000000000001') + SERVER
             + o6(9, b'\x01\x11\x22\x33\x00\x00') + b'\x00'),
    ]
    out.append(('cut', udp6(b'\x01\xaa\xbb\xd0' + o6(1, duid_llt) + o6(8, b'\x00\x00') + o6(6, b'\x00\x17\x00\x18'))))
    return out


def main():
    out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)
    for n, f in enumerate(frames()):
        if isinstance(f, tuple):
            f = f[1]
            out += struct.pack('<IIII', 1700000000 + n, 0, 80, len(f)) + f[:80]
        else:
            out += struct.pack('<IIII', 1700000000 + n, 0, len(f), len(f)) + f
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'dhcpv6_crafted.pcap'), 'wb') as fh:
        fh.write(out)


if __name__ == '__main__':
    main()
