#!/usr/bin/env python3
"""Writes chdlc_crafted.pcap (LINKTYPE_C_HDLC 104), nflog_crafted.pcap (LINKTYPE_NFLOG 239) and
bjnp_crafted.pcap (Ethernet) for the Cisco HDLC/SLARP, NFLOG and BJNP dissectors: every SLARP packet
type, the protocols Cisco HDLC hands on, NFLOG attributes of every type at right and wrong sizes,
BJNP's packet types and codes, and packets cut short by their own lengths or by the snap length.

NFLOG's tree is built only when it is shown, so some of its errors appear in -V but not in the
summary (an attribute past the end, a header cut in the resource id), as in tshark. Left out on purpose:
an NFLOG packet attribute whose length runs past the packet (tshark's summary then dissects a view
longer than its parent), a snap length inside an attribute's value (tshark's summary then shows no
error and Dorsal's a short packet), and OSI over Cisco HDLC (tshark's CLNP, which Dorsal lacks); docs/compat.md
lists both."""
import os
import struct

from textproto_pcap import Pcap, csum

HERE = os.path.dirname(os.path.abspath(__file__))
V4 = (bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
V6 = (bytes(15) + b'\x01', bytes(15) + b'\x02')


def ipv4(proto, payload, src=V4[0], dst=V4[1], total=None):
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload) if total is None else total, 1, 0, 64, proto, 0,
                     src, dst)
    return ip[:10] + struct.pack('!H', csum(ip)) + ip[12:] + payload


def ipv6(nxt, payload, src=V6[0], dst=V6[1]):
    return b''.join([struct.pack('!IHBB', 0x60000000, len(payload), nxt, 64), src, dst, payload])


def udp4(sport, dport, payload, src=V4[0], dst=V4[1]):
    u = struct.pack('!HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack('!BBH', 0, 17, len(u))
    u = u[:6] + struct.pack('!H', csum(pseudo + u) or 0xffff) + u[8:]
    return ipv4(17, u, src, dst)


def udp6(sport, dport, payload):
    u = struct.pack('!HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = V6[0] + V6[1] + struct.pack('!IxxxB', len(u), 17)
    u = u[:6] + struct.pack('!H', csum(pseudo + u) or 0xffff) + u[8:]
    return ipv6(17, u)


def tcp4(sport, dport, payload, flags=0x18):
    t = struct.pack('!HHIIBBHHH', sport, dport, 1000, 2000, 5 << 4, flags, 65535, 0, 0)
    pseudo = V4[0] + V4[1] + struct.pack('!BBH', 0, 6, len(t) + len(payload))
    t = t[:16] + struct.pack('!H', csum(pseudo + t + payload)) + t[18:]
    return ipv4(6, t + payload)


def tcp6(sport, dport, payload, flags=0x18):
    t = struct.pack('!HHIIBBHHH', sport, dport, 1000, 2000, 5 << 4, flags, 65535, 0, 0)
    pseudo = V6[0] + V6[1] + struct.pack('!IxxxB', len(t) + len(payload), 6)
    t = t[:16] + struct.pack('!H', csum(pseudo + t + payload)) + t[18:]
    return ipv6(6, t + payload)


def icmp_echo(ident, seq, data=b'abcdefgh'):
    m = struct.pack('!BBHHH', 8, 0, 0, ident, seq) + data
    return ipv4(1, m[:2] + struct.pack('!H', csum(m)) + m[4:])


def dns_query(name, ident=0x1234):
    q = b''.join(bytes([len(p)]) + p.encode() for p in name.split('.')) + b'\0'
    return struct.pack('!HHHHHH', ident, 0x0100, 1, 0, 0, 0) + q + struct.pack('!HH', 1, 1)


# ---- Cisco HDLC and SLARP ----------------------------------------------------------------------

def chdlc(proto, payload=b'', address=0x0f, control=0):
    return bytes([address, control]) + struct.pack('!H', proto) + payload


def slarp(ptype, *parts):
    return chdlc(0x8035, struct.pack('!I', ptype) + b''.join(parts), address=0x8f)


def cdp():
    tlv = struct.pack('!HH', 1, 4 + 6) + b'router'
    body = struct.pack('!BBH', 2, 180, 0) + tlv
    return body[:2] + struct.pack('!H', csum(body)) + body[4:]


def write_chdlc():
    p = Pcap(104)
    addr = struct.pack('!4s4s', bytes([10, 1, 1, 1]), bytes([255, 255, 255, 0]))
    p.add(slarp(0, addr, b'\xff\xff'))                                      # request
    p.add(slarp(1, struct.pack('!4s4s', bytes([10, 1, 1, 2]), bytes([255, 255, 255, 252]))))  # reply, no trailer
    p.add(slarp(2, struct.pack('!IIH', 5, 2, 0xffff)))                      # keepalive
    p.add(slarp(2, struct.pack('!IIH', 0xffffffff, 0, 0xffff), bytes(6)))   # keepalive with trailing bytes
    p.add(slarp(2, struct.pack('!IIH', 6, 3, 0x1234)))                      # reliability must be 0xffff
    p.add(slarp(3, struct.pack('!IIH', 1, 2, 0xffff)))                      # unknown type, data after it
    p.add(slarp(0xdeadbeef))                                                # unknown type, nothing after it
    p.add(slarp(0, bytes([10, 1, 1, 1])))                                   # request without its netmask
    p.add(slarp(1))                                                         # reply without anything
    p.add(slarp(2, struct.pack('!II', 7, 4)))                               # keepalive without reliability
    p.add(slarp(2, struct.pack('!I', 8)))                                   # keepalive without returned sequence
    p.add(chdlc(0x8035, b'\0\0', address=0x8f))                             # type cut short
    p.add(slarp(2, struct.pack('!IIH', 9, 5, 0xffff)), caplen=14)           # cut by the snap length
    p.add(chdlc(0x0800, icmp_echo(1, 1)))
    p.add(chdlc(0x0800, icmp_echo(1, 2), address=0x8f))
    p.add(chdlc(0x0800, icmp_echo(1, 3), address=0x3c, control=0x03))      # unknown address, odd control
    p.add(chdlc(0x0800, udp4(40000, 53, dns_query('example.com'))))
    p.add(chdlc(0x86dd, udp6(40001, 53, dns_query('example.org', 0x4321))))
    p.add(chdlc(0x86dd, tcp6(40002, 80, b'GET / HTTP/1.0\r\n\r\n')))
    p.add(chdlc(0x2000, cdp(), address=0x8f))
    p.add(chdlc(0x8847, struct.pack('!I', (16 << 12) | 0x100 | 64) + icmp_echo(2, 1)))
    p.add(chdlc(0x8848, struct.pack('!I', (17 << 12) | 0x100 | 63) + icmp_echo(2, 2)))
    eth = b'\x0a\0\0\0\0\x02\x0a\0\0\0\0\x01\x08\x00' + icmp_echo(3, 1)
    p.add(chdlc(0x6558, eth))
    p.add(chdlc(0x1234, b'unknown protocol'))
    p.add(chdlc(0x0800, icmp_echo(1, 4)), caplen=30)                        # IPv4 cut by the snap length
    p.add(chdlc(0x0800, ipv4(1, b'\x08\x00', total=60)))                    # IPv4 longer than the frame
    for proto in (0x0800, 0x86dd, 0x8035, 0x1234):                         # nothing after the header
        p.add(chdlc(proto))
    p.add(chdlc(0x0800)[:3])                                                # header cut short
    p.add(b'\x0f')
    p.write(os.path.join(HERE, 'chdlc_crafted.pcap'))


# ---- NFLOG -------------------------------------------------------------------------------------

def tlv(t, v):
    n = 4 + len(v)
    return struct.pack('<HH', n, t) + v + bytes((4 - n % 4) % 4)


def nflog(family, *tlvs, version=0, res_id=0):
    return struct.pack('!BBH', family, version, res_id) + b''.join(tlvs)


def write_nflog():
    p = Pcap(239)
    packet_hdr = tlv(1, struct.pack('!HBB', 0x0800, 3, 0))
    dns = udp4(41000, 53, dns_query('www.example.net'))
    p.add(nflog(2, packet_hdr, tlv(10, b'DROP: \0'), tlv(5, struct.pack('!I', 2)), tlv(11, struct.pack('!i', 0)),
                tlv(14, struct.pack('!i', 0)), tlv(9, dns), res_id=42))
    every = [
        tlv(1, struct.pack('!HBB', 0x0800, 1, 0)), tlv(2, struct.pack('!I', 0x1234)),
        tlv(3, struct.pack('!QQ', 1700000000, 123456)), tlv(4, struct.pack('!I', 1)), tlv(5, struct.pack('!I', 2)),
        tlv(6, struct.pack('!I', 3)), tlv(7, struct.pack('!I', 4)),
        tlv(8, struct.pack('!HH', 6, 0) + bytes.fromhex('0a00000000010000')), tlv(10, b'IN=eth0 \0'),
        tlv(11, struct.pack('!i', 1000)), tlv(12, struct.pack('!I', 5)), tlv(13, struct.pack('!I', 6)),
        tlv(14, struct.pack('!i', -1)), tlv(15, struct.pack('!H', 1)),
        tlv(16, bytes.fromhex('0a00000000020a00000000010800')), tlv(17, struct.pack('!H', 14)),
        tlv(0, b'ab'), tlv(18, b'xyz'), tlv(0x8000 | 19, b''), tlv(0x4000 | 11, struct.pack('!i', 7)),
        tlv(9, icmp_echo(7, 1)),
    ]
    p.add(nflog(2, *every, res_id=1))
    p.add(nflog(10, tlv(1, struct.pack('!HBB', 0x86dd, 4, 0)), tlv(3, struct.pack('!QQ', 0, 999999)),
                tlv(9, tcp6(40000, 443, b'hello')), res_id=65535))
    p.add(nflog(10, tlv(4, struct.pack('!I', 7)), tlv(9, udp6(5353, 5353, dns_query('host.local')))))
    p.add(nflog(2, tlv(9, tcp4(40000, 22, b'', flags=0x02)), tlv(11, struct.pack('!i', 33)),
                tlv(14, struct.pack('!i', 33))))                            # attributes after the packet
    for family in (0, 1, 3, 5, 7, 12, 99):                                  # families without a dissector
        p.add(nflog(family, tlv(9, b'\x01\x02\x03\x04\x05'), version=1))
    p.add(nflog(2, tlv(10, b'no terminator'), tlv(10, b'\0'), tlv(10, b'')))
    p.add(nflog(2, tlv(1, b'\x08'), tlv(1, struct.pack('!HBBI', 0x0800, 2, 0, 0)), tlv(2, b'\1\2'),
                tlv(3, struct.pack('!Q', 1)), tlv(4, b'\0\1'), tlv(11, struct.pack('!q', 1)),
                tlv(14, b'')))                                              # decoded types at other sizes
    p.add(nflog(2, packet_hdr))                                             # no packet
    p.add(nflog(2))                                                         # no attributes
    p.add(nflog(2, struct.pack('<HH', 2, 1), tlv(11, struct.pack('!i', 1))))  # length below 4 ends the list
    p.add(nflog(2, tlv(11, struct.pack('!i', 1)), b'\x08\x00'))            # two bytes left over
    p.add(nflog(2, tlv(9, b'')))                                            # empty packet
    p.add(nflog(2, tlv(9, ipv4(17, b'\0\x35\0\x35', total=48))))            # IPv4 longer than the attribute
    p.add(nflog(2, tlv(9, b'\x45\x00')))                                    # IPv4 header cut short
    t1 = tlv(11, struct.pack('!i', 5))
    p.add(nflog(2, t1, t1), caplen=12)                                      # snap length at an attribute
    p.add(nflog(2, t1, t1), caplen=14)                                      # snap length in an attribute header
    p.add(nflog(2, t1, tlv(9, dns)), caplen=40)                             # snap length in the packet
    p.add(nflog(2, struct.pack('<HH', 40, 10) + b'abc\0'))                  # attribute past the end
    p.add(nflog(2, struct.pack('>HH', 8, 11) + struct.pack('!i', 5)))       # big-endian header: past the end
    p.add(nflog(2)[:3])                                                     # header cut in the resource id
    p.write(os.path.join(HERE, 'nflog_crafted.pcap'))


# ---- BJNP --------------------------------------------------------------------------------------

MAC = b'\x0a\0\0\0\0\x02\x0a\0\0\0\0\x01'


def bjnp(t, c, seq=1, sess=0, payload=b'', plen=None, ident=b'BJNP'):
    return ident + struct.pack('!BBIHI', t, c, seq, sess, len(payload) if plen is None else plen) + payload


def write_bjnp():
    p = Pcap(1)
    e4 = lambda sport, dport, pl: MAC + b'\x08\x00' + udp4(sport, dport, pl)
    e6 = lambda sport, dport, pl: MAC + b'\x86\xdd' + udp6(sport, dport, pl)
    identity = b'\0\x30MFG:Canon;CMD:BJL,BJRaster3;MDL:MG5300;CLS:PRINTER;'
    p.add(e4(40000, 8611, bjnp(1, 0x01)))
    p.add(e4(8611, 40000, bjnp(0x81, 0x01, payload=bytes.fromhex('000108000604') + bytes(6) + bytes([10, 0, 0, 1]))))
    p.add(e4(40000, 8612, bjnp(2, 0x01, seq=2)))
    p.add(e4(8612, 40000, bjnp(0x82, 0x01, seq=2, payload=bytes(16))))
    codes = (0x10, 0x11, 0x20, 0x21, 0x30, 0x32)
    for i, code in enumerate(codes):
        p.add(e4(40000 + i, 8611 + i % 4, bjnp(1 + i % 2, code, seq=10 + i, sess=i)))
        p.add(e4(8611 + i % 4, 40000 + i, bjnp(0x81 + i % 2, code, seq=10 + i, sess=i, payload=b'ok' * i)))
    p.add(e4(40000, 8611, bjnp(1, 0x30, seq=20, sess=3)))
    p.add(e4(8611, 40000, bjnp(0x81, 0x30, seq=20, sess=3, payload=identity)))
    p.add(e4(40000, 8613, bjnp(3, 0x99)))                                   # unknown type and code
    p.add(e4(40000, 8614, bjnp(0, 0)))
    p.add(e4(40000, 8612, bjnp(2, 0x01, ident=b'MFNP')))
    p.add(e6(40000, 8612, bjnp(2, 0x01, seq=3)))
    p.add(e4(40000, 8611, bjnp(1, 0x01, payload=b'extra', plen=0)))         # bytes the length does not count
    p.add(e4(40000, 8611, bjnp(1, 0x21, payload=b'extra', plen=2)))
    p.add(e4(40000, 8611, bjnp(1, 0x21, payload=b'data', plen=100)))       # payload length past the end
    p.add(e4(40000, 8611, bjnp(1, 0x01)[:10]))                              # header cut short
    p.add(e4(40000, 8611, b'BJ'))
    p.add(e4(40000, 8611, bjnp(1, 0x21, payload=b'x' * 40)), caplen=60)     # snap length in the payload
    p.add(e4(40000, 8611, bjnp(1, 0x21, payload=b'x' * 40)), caplen=50)     # snap length in the header
    p.write(os.path.join(HERE, 'bjnp_crafted.pcap'))


if __name__ == '__main__':
    write_chdlc()
    write_nflog()
    write_bjnp()
