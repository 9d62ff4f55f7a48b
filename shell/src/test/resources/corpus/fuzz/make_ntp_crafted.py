#!/usr/bin/env python3
"""Writes ntp_crafted.pcap: NTP over UDP 123 as clients, servers, peers and ntpq/ntpdc send it:
client/server pairs (one answered, a repeated request, answers without a request), every mode
and version, leap indicators, poll and precision at and beyond their limits, root delay and
dispersion extremes, reference IDs of primary servers (named clock codes, unknown and odd ones,
kiss codes) and of secondary ones, timestamps in both NTP eras and "not set", extension fields
(Autokey, NTS, unknown types, malformed lengths) with and without a key ID and MAC, control (mode 6)
requests and responses with each kind of status word, private (mode 7) requests, and packets cut
short of the header.

usage: make_ntp_crafted.py  (writes the file beside this script)
"""
import os
import struct

from textproto_pcap import udp4_between, udp6_between


MACS = bytes.fromhex('020000000002' + '020000000001')


def udp4(src, dst, sport, dport, payload):
    return udp4_between(src, dst, sport, dport, payload, MACS)


def udp6(src, dst, sport, dport, payload):
    return udp6_between(src, dst, sport, dport, payload, MACS)


def ntp(li=0, vn=4, mode=3, stratum=2, poll=6, prec=-20, rdelay=0x00010000, rdisp=0x00008000,
        refid=b'\xc0\x00\x02\x01', ref=(0xe9000000, 0x80000000), org=(0, 0), rec=(0, 0),
        xmt=(0xe9000100, 0x40000000), tail=b''):
    return struct.pack('>BBbbII4s', (li << 6) | (vn << 3) | mode, stratum, poll, prec, rdelay, rdisp, refid) + \
        b''.join(struct.pack('>II', *t) for t in (ref, org, rec, xmt)) + tail


def ext(kind, length, body=None):
    if body is None:
        body = bytes(range(length - 4))
    return struct.pack('>HH', kind, length) + body


def ctrl(flags2, sequence, status, assoc, data=b'', vn=2):
    return bytes([(vn << 3) | 6, flags2]) + struct.pack('>HHHHH', sequence, status, assoc, 0, len(data)) + data


def priv(flags, auth_seq, impl, reqcode, err_items=0, mbz_size=0, data=b''):
    return bytes([flags, auth_seq, impl, reqcode]) + struct.pack('>HH', err_items, mbz_size) + data


def main():
    c, s, p = [192, 168, 1, 10], [192, 168, 1, 1], [192, 168, 1, 20]
    f = []
    # A client request and its answer, a repeated request answered once, answers nobody asked for.
    f.append(udp4(c, s, 40000, 123, ntp(mode=3, stratum=0, refid=b'\0\0\0\0', ref=(0, 0), xmt=(0xe9000100, 1))))
    f.append(udp4(s, c, 123, 40000, ntp(mode=4, org=(0xe9000100, 1), rec=(0xe9000101, 0), xmt=(0xe9000101, 5))))
    f.append(udp4(c, s, 40000, 123, ntp(mode=3, xmt=(0xe9000200, 0))))
    f.append(udp4(c, s, 40000, 123, ntp(mode=3, xmt=(0xe9000201, 0))))
    f.append(udp4(s, c, 123, 40000, ntp(mode=4, org=(0xe9000201, 0))))
    f.append(udp4(s, c, 123, 40000, ntp(mode=4, org=(0xe9000201, 0))))
    f.append(udp4(p, c, 123, 40000, ntp(mode=4, org=(0xe9000201, 0))))
    # Symmetric peers, broadcast, reserved mode 0; every version; every leap indicator.
    for mode in (1, 2, 5, 0):
        f.append(udp4(s, p, 123, 123, ntp(mode=mode)))
    for vn in (0, 1, 2, 3, 5, 6, 7):
        f.append(udp4(c, s, 123, 123, ntp(vn=vn)))
    for li in (1, 2, 3):
        f.append(udp4(s, c, 123, 123, ntp(li=li, mode=4)))
    # Poll interval at and past its limits, precision from 2^-128 to 2^127, fixed-point extremes.
    for poll in (-1, 0, 3, 4, 17, 18, 127):
        f.append(udp4(c, s, 123, 123, ntp(poll=poll)))
    for prec in (0, -1, -6, -18, -29, -32, 5, 127, -128):
        f.append(udp4(c, s, 123, 123, ntp(prec=prec)))
    for d in (0xffffffff, 0x80000000, 1, 0x00012345, 0):
        f.append(udp4(c, s, 123, 123, ntp(rdelay=d, rdisp=0x0000ffff - (d & 0xffff))))
    # Reference IDs: clock codes of primary servers, kiss codes, odd bytes, strata 16 and over.
    for refid in (b'GPS\0', b'PPS\0', b'DCF\0', b'ACTS', b'LOCL', b'ATOM', b'FREE', b'INIT', b'GOOG', b'gps\0',
                  b'GPS ', b'AB\0D', b'A\x01CD', b'\xff\xfe\0\0', b'\0\0\0\0', b'\x01\x02\x03\x04'):
        f.append(udp4(s, c, 123, 123, ntp(mode=4, stratum=1, refid=refid)))
    for refid in (b'RATE', b'DENY', b'INIT', b'\0\0\0\0'):
        f.append(udp4(s, c, 123, 123, ntp(mode=4, stratum=0, refid=refid)))
    for stratum in (15, 16, 17, 255):
        f.append(udp4(s, c, 123, 123, ntp(mode=4, stratum=stratum)))
    # Timestamps: era 1 (top bit clear), the end of era 0, "not set" and fractions under a nanosecond.
    for t in ((1, 0), (0, 1), (0, 2), (0, 0x80000000), (0, 0xffffffff), (0x7fffffff, 0xffffffff),
              (0x80000000, 0), (0xffffffff, 0xffffffff), (0x9c000000, 1), (0xe9000000, 0x12345678)):
        f.append(udp4(c, s, 123, 123, ntp(ref=t, org=t, rec=t)))
    # What follows the header: key ID and MAC (MD5, SHA-1), extension fields, lengths that are not one.
    for tail in (bytes.fromhex('00000001') + bytes(range(16)), bytes.fromhex('00000002') + bytes(range(20)),
                 bytes.fromhex('00000003'), bytes(7), bytes(28), bytes(29),
                 ext(0x0104, 16) + bytes(20), ext(0x0104, 16), ext(0x0104, 32),
                 ext(0x0204, 32) + ext(0x0304, 16) + bytes(24), ext(0x0404, 40), ext(0x8302, 16), ext(0xc902, 20),
                 ext(0x2005, 16), ext(0x8104, 32), ext(0xffff, 32), ext(0x0104, 8, bytes(36)),
                 ext(0x0104, 100, bytes(36)), ext(0x0104, 0, bytes(36)), ext(0x0104, 30, bytes(36))):
        f.append(udp4(c, s, 123, 123, ntp(tail=tail)))
    f.append(udp4(c, s, 123, 123, ntp(vn=3, tail=ext(0x0104, 32))))
    # Over IPv6 (the reference ID of a secondary server is still shown as an IPv4 address).
    a6 = bytes.fromhex('20010db8000000000000000000000001')
    b6 = bytes.fromhex('20010db8000000000000000000000002')
    f.append(udp6(a6, b6, 40001, 123, ntp(mode=3)))
    f.append(udp6(b6, a6, 123, 40001, ntp(mode=4, stratum=3, refid=b'\xb6\xa5\x80\xdb')))
    # Control messages (mode 6): a request and its answer, then each kind of status word.
    f.append(udp4(c, s, 40002, 123, ctrl(0x02, 7, 0, 0)))
    # (tshark's tree of control variables is not reproduced, docs/compat.md: this answer has none.)
    f.append(udp4(s, c, 123, 40002, ctrl(0x82, 7, 0x0615, 0)))
    f.append(udp4(c, s, 40002, 123, ctrl(0x01, 8, 0, 0)))
    f.append(udp4(s, c, 123, 40002, ctrl(0x81, 8, 0x4624, 0)))
    f.append(udp4(s, c, 123, 40002, ctrl(0x82, 9, 0xfb10, 5)))
    f.append(udp4(s, c, 123, 40002, ctrl(0x82, 9, 0x0000, 5)))
    f.append(udp4(s, c, 123, 40002, ctrl(0x82, 9, 0x961a, 7)))
    f.append(udp4(s, c, 123, 40002, ctrl(0xc2, 10, 0x0500, 5)))
    f.append(udp4(s, c, 123, 40002, ctrl(0xc2, 10, 0x0900, 5)))
    f.append(udp4(s, c, 123, 40002, ctrl(0x84, 11, 0x0203, 5)))
    f.append(udp4(s, c, 123, 40002, ctrl(0x85, 11, 0x2703, 5)))
    f.append(udp4(s, c, 123, 40002, ctrl(0xa2, 12, 0x0615, 0)))
    for op in (0, 3, 6, 7, 8, 9, 10, 11, 12, 13, 31):
        f.append(udp4(c, s, 40002, 123, ctrl(op, 20 + op, 0, 0)))
    f.append(udp4(s, c, 123, 40002, ctrl(0x81, 40, 0x3f0f, 0)))
    f.append(udp4(s, c, 123, 40002, ctrl(0x81, 41, 0xc93e, 0)))
    # Private messages (mode 7): monlist and other requests, a response, unknown codes.
    for reqcode in (42, 20, 0, 4, 45, 40, 167):
        f.append(udp4(c, s, 40003, 123, priv(0x17, 0x00, 3, reqcode)))
    f.append(udp4(s, c, 123, 40003, priv(0x97, 0x05, 3, 42, 0x0002, 0x0048)))
    f.append(udp4(c, s, 40003, 123, priv(0x57, 0x81, 2, 1, 0x3000, 0x1001)))
    f.append(udp4(c, s, 40003, 123, priv(0x17, 0x00, 9, 42)))
    # Cut short of the header (malformed), and at the ends of its fields.
    for n in (1, 2, 4, 8, 12, 16, 20, 47):
        f.append(udp4(c, s, 123, 123, ntp()[:n]))
    f.append(udp4(c, s, 40002, 123, ctrl(0x02, 1, 0, 0)[:7]))
    f.append(udp4(s, c, 123, 40002, ctrl(0x82, 1, 0, 0, b'abc')[:12] + b'a'))
    f.append(udp4(c, s, 40003, 123, priv(0x17, 0, 3, 42)[:5]))

    out = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)]
    for n, frame in enumerate(f):
        out.append(struct.pack('<IIII', 1700000000 + n, 250000 * (n % 4), len(frame), len(frame)) + frame)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ntp_crafted.pcap'), 'wb') as fh:
        fh.write(b''.join(out))


if __name__ == '__main__':
    main()
