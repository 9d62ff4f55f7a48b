#!/usr/bin/env python3
"""Writes gtp_crafted.pcap: GTP as tshark 4.0.17 shows it. GTPv1-U on UDP 2152: T-PDUs carrying IPv4
(an ICMP echo exchange, a TCP handshake with data, UDP/DNS) and IPv6, with and without sequence and
N-PDU numbers, every extension header kind Dorsal decodes (PDCP, long PDCP, UDP port, RAN container,
PDU Session container DL/UL with and without paging policy, service class, unknown types, a chain of
two, zero and wrong lengths), short T-PDUs shown as data, long ones that are not IP, an empty one, and
inner packets that are malformed. GTPv1-C on UDP 2123: echo, PDP context, SGSN context and
identification requests and responses (paired, repeated, unanswered, other messages with a paired
number), every IE Dorsal decodes, an
IE type tshark does not know, IEs cut short, a length field shorter and longer than the message, and
other message types. GTPv2-C: request/response pairs, echo, piggybacked messages, message priority,
no TEID, the IEs Dorsal decodes (nested in bearer contexts), reserved and unknown IE types, cut IEs,
and GTPv2 over TCP.

usage: make_gtp_crafted.py  (writes the file beside this script)
"""
import os
import struct

from textproto_pcap import csum as checksum

A_MAC, B_MAC = bytes.fromhex('020000000001'), bytes.fromhex('020000000002')
SGSN, GGSN = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])
UE, HOST = bytes([10, 45, 0, 7]), bytes([198, 51, 100, 9])
UE6 = bytes.fromhex('20010db8000100000000000000000007')
HOST6 = bytes.fromhex('20010db8ffff00000000000000000053')


def ip4(proto, payload, src, dst, ident=7):
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), ident, 0, 64, proto, 0, src, dst)
    return ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:] + payload


def ip6(nxt, payload, src, dst):
    return struct.pack('>IHBB', 0x60000000, len(payload), nxt, 64) + src + dst + payload


def udp(sport, dport, payload):
    return struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload


def tcp(sport, dport, seq, ack, flags, payload=b''):
    return struct.pack('>HHIIBBHHH', sport, dport, seq, ack, 0x50, flags, 8192, 0, 0) + payload


def icmp_echo(kind, ident, seq):
    body = struct.pack('>BBHHH', kind, 0, 0, ident, seq) + b'abcdefghijklmnop'
    return body[:2] + struct.pack('>H', checksum(body)) + body[4:]


def frame(payload, src=SGSN, dst=GGSN, sport=2152, dport=2152, transport=17):
    macs = (B_MAC + A_MAC) if src == SGSN else (A_MAC + B_MAC)
    seg = udp(sport, dport, payload) if transport == 17 else payload
    return macs + b'\x08\x00' + ip4(transport, seg, src, dst)


def back(payload, sport=2152, dport=2152):
    return frame(payload, GGSN, SGSN, sport, dport)


def gtp1(msg, teid, body=b'', seq=None, npdu=None, ext=None, flags=None, length=None):
    """A GTPv1 message; ext is (first type, bytes of the extension headers)."""
    f = 0x30
    opt = b''
    if seq is not None or npdu is not None or ext is not None:
        f |= (0x02 if seq is not None else 0) | (0x01 if npdu is not None else 0) | (0x04 if ext else 0)
        opt = struct.pack('>HBB', seq or 0, npdu or 0, ext[0] if ext else 0) + (ext[1] if ext else b'')
    rest = opt + body
    return struct.pack('>BBHI', f if flags is None else flags, msg, len(rest) if length is None else length,
                       teid) + rest


def tlv1(t, v):
    return struct.pack('>BH', t, len(v)) + v


def apn(*labels):
    return b''.join(bytes([len(l)]) + l.encode() for l in labels)


def ie2(t, v, instance=0, cr=0):
    return struct.pack('>BHB', t, len(v), (cr << 4) | instance) + v


def gtp2(msg, seq, body=b'', teid=None, piggy=False, priority=None, length=None):
    flags = 0x40 | (0x10 if piggy else 0) | (0x08 if teid is not None else 0) | (0x04 if priority is not None else 0)
    head = struct.pack('>I', teid) if teid is not None else b''
    tail = struct.pack('>I', (seq << 8) | ((priority or 0) << 4))
    n = len(head) + len(tail) + len(body)
    return struct.pack('>BBH', flags, msg, n if length is None else length) + head + tail + body


PLMN_TW = bytes.fromhex('64f629')   # MCC 466, MNC 92 (unknown to tshark)
PLMN_US = bytes.fromhex('130014')   # MCC 310, MNC 410
PLMN_DE = bytes.fromhex('62f210')   # MCC 262, MNC 01
IMSI = bytes.fromhex('62102143658709f1')   # 260 11 2345678901
IMSI16 = bytes.fromhex('6202102143658709')   # 16 digits: tshark calls it malformed
IMEISV = bytes.fromhex('5302897072612360')


def user_plane():
    ping = ip4(1, icmp_echo(8, 0x51, 1), UE, HOST)
    pong = ip4(1, icmp_echo(0, 0x51, 1), HOST, UE)
    yield frame(gtp1(0xff, 0x1001, ping))
    yield back(gtp1(0xff, 0x2001, pong))
    yield frame(gtp1(0xff, 0x1001, ip4(1, icmp_echo(8, 0x51, 2), UE, HOST), seq=2))
    yield back(gtp1(0xff, 0x2001, ip4(1, icmp_echo(0, 0x51, 2), HOST, UE), seq=2, npdu=0x21))
    yield frame(gtp1(0xff, 0x1001, ip4(1, icmp_echo(8, 0x51, 3), UE, HOST), npdu=0x05))
    # a TCP connection inside the tunnel: streams and analysis of the inner TCP
    yield frame(gtp1(0xff, 0x1001, ip4(6, tcp(40001, 80, 1000, 0, 0x02), UE, HOST)))
    yield back(gtp1(0xff, 0x2001, ip4(6, tcp(80, 40001, 5000, 1001, 0x12), HOST, UE)))
    yield frame(gtp1(0xff, 0x1001, ip4(6, tcp(40001, 80, 1001, 5001, 0x10), UE, HOST)))
    yield frame(gtp1(0xff, 0x1001, ip4(6, tcp(40001, 80, 1001, 5001, 0x18, b'hello'), UE, HOST)))
    yield back(gtp1(0xff, 0x2001, ip4(6, tcp(80, 40001, 5001, 1006, 0x11), HOST, UE)))
    # DNS over IPv4 and IPv6 inside
    query = bytes.fromhex('123401000001000000000000') + apn('example', 'org') + b'\0\x00\x01\x00\x01'
    yield frame(gtp1(0xff, 0x1001, ip4(17, udp(5353, 53, query), UE, HOST)))
    yield frame(gtp1(0xff, 0x1001, ip6(17, udp(5353, 53, query), UE6, HOST6), seq=9))
    # extension headers
    ping4 = ip4(1, icmp_echo(8, 0x52, 1), UE, HOST)
    for ext in ((0xc0, b'\x01\x09\x04\x00'), (0xc0, b'\x01\x89\x04\x00'), (0x40, b'\x01\x05\x1c\x00'),
                (0x82, b'\x02\x01\x02\x03\x00\x00\x00\x00'), (0x81, b'\x01\xaa\xbb\x00'),
                (0x85, b'\x01\x00\x09\x00'), (0x85, b'\x02\xc0\x89\x40\x00\x00\x00\x00'),
                (0x85, b'\x01\x10\x05\x00'), (0x20, b'\x01\x07\x00\x00'), (0x01, b'\x01\x00\x00\x00'),
                (0x55, b'\x01\xaa\xbb\x00'), (0xc0, b'\x01\x09\x04\x40\x01\x05\x1c\x85\x01\x00\x05\x00')):
        yield frame(gtp1(0xff, 0x1002, ping4, seq=0, ext=ext))
    yield frame(gtp1(0xff, 0x1002, ping4, seq=0, ext=(0xc0, b'\x02\x01\x02\x03\x04\x05\x06\x00')))
    yield frame(gtp1(0xff, 0x1002, ping4, seq=0, ext=(0xc0, b'\x00\x01\x02\x03')))
    # T-PDUs that are not IP, short and empty ones, malformed inner packets
    for payload in (b'\x00', b'\x45\x00\x00\x14', bytes(range(14)), bytes(range(15)), b'\x4f' + bytes(30),
                    b'\xff\x03\x00\x21' + ping4, b''):
        yield frame(gtp1(0xff, 0x1003, payload))
    yield frame(gtp1(0xff, 0x1003, ip4(1, b'\x08\x00', UE, HOST)))
    yield frame(gtp1(0xff, 0x1003, ip4(17, udp(53, 53, b'')[:4] + b'\x00\x04\x00\x00', UE, HOST)))
    yield frame(gtp1(0xff, 0x1003, bytes.fromhex('46000014000000004001000000000a0000010a000002')))
    # user-plane echo and error indication, end marker, on 2152
    yield frame(gtp1(1, 0, seq=0x77))
    yield back(gtp1(2, 0, b'\x0e\x00', seq=0x77))
    yield frame(gtp1(26, 0, b'\x10\x00\x00\x10\x01' + tlv1(133, GGSN), seq=0x78))
    yield frame(gtp1(254, 0x1001))


def control_v1():
    c = dict(sport=2123, dport=2123)
    yield frame(gtp1(1, 0, seq=0x100), **c)
    yield back(gtp1(2, 0, b'\x0e\x07', seq=0x100), **c)
    ies = (b'\x02' + IMSI + b'\x03' + PLMN_TW + b'\x12\x34\x56' + b'\x0e\x07' + b'\x0f\xf1' +
           b'\x10\x11\x22\x33\x44' + b'\x11\x55\x66\x77\x88' + b'\x14\x05' + b'\x1a\x08\x00' + b'\x1b\x12\x34' +
           b'\x1c\x00\x01' + tlv1(128, b'\xf1\x21') + tlv1(131, apn('internet', 'mnc092', 'gprs')) +
           tlv1(133, SGSN) + tlv1(133, bytes(range(16))) + tlv1(151, b'\x01') + tlv1(151, b'\x06') +
           tlv1(152, b'\x00' + PLMN_TW + b'\x12\x34\x56\x78') + tlv1(152, b'\x01' + PLMN_US + b'\x00\x01\x00\x02') +
           tlv1(152, b'\x02' + PLMN_DE + b'\x00\x01\x07') + tlv1(153, b'\x23\x00') + tlv1(153, b'\x2b\x01') +
           tlv1(154, IMEISV) + tlv1(255, b'\x00\x09\x01\x02\x03'))
    yield frame(gtp1(16, 0, ies, seq=0x101), **c)
    yield back(gtp1(17, 0x11223344, b'\x01\x80\x08\xfe\x0e\x07\x10\x01\x02\x03\x04\x11\x05\x06\x07\x08'
                    + b'\x7f\x00\x00\x00\x01' + tlv1(128, b'\xf1\x21\x0a\x2d\x00\x07') +
                    tlv1(128, b'\xf1\x57' + UE6) + tlv1(128, b'\xf0\x01') + tlv1(128, b'\xf1\x8d') +
                    tlv1(133, GGSN) + tlv1(251, bytes([10, 0, 0, 1])) + tlv1(251, UE6), seq=0x101), **c)
    # another message type with the number of a kept pair shows the link too
    yield frame(gtp1(31, 0, seq=0x101), **c)
    # every TV IE Dorsal decodes, in an Update PDP context request; answered
    tv = (b'\x04\x01\x02\x03\x04' + b'\x05\xc1\x02\x03\x04' + b'\x08\xff' + b'\x0b\x05' + b'\x0c\x01\x02\x03' +
          b'\x0d\xff' + b'\x12\x05\x01\x02\x03\x04' + b'\x13\x01' + b'\x14\x0f' + b'\x17\xfa' + b'\x18\x53' +
          b'\x19\x05\x07' + b'\x1d\x02')
    tv += b''.join(bytes([0x15, v]) for v in (1, 64, 65, 81, 97, 113, 129, 255))
    tv += b''.join(bytes([0x01, v]) for v in (0, 1, 128, 192, 230))
    yield frame(gtp1(18, 0x11223344, tv, seq=0x102), **c)
    yield back(gtp1(19, 0x55667788, b'\x01\x80', seq=0x102), **c)
    # the same request twice before its answer, an answer to nothing, a request never answered
    yield frame(gtp1(20, 0x11223344, b'\x13\x01\x14\x05', seq=0x103), **c)
    yield frame(gtp1(20, 0x11223344, b'\x13\x01\x14\x05', seq=0x103), **c)
    yield back(gtp1(21, 0x55667788, b'\x01\x80', seq=0x103), **c)
    yield back(gtp1(21, 0x55667788, b'\x01\x80', seq=0x103), **c)
    yield back(gtp1(21, 0x55667788, b'\x01\xc0', seq=0x1ff), **c)
    yield frame(gtp1(50, 0, b'\x03' + PLMN_TW + b'\x12\x34\x56' + b'\x05\xc1\x02\x03\x04', seq=0x104), **c)
    yield back(gtp1(51, 0x09fe4b60, b'\x01\x80\x10\xd8\xfd\xe1\xaa\x11\x3a\xeb\x04\x0a' + tlv1(133, GGSN)
                    + tlv1(255, b'\x86\xc5\x03\x00\x20'), seq=0x104), **c)
    yield frame(gtp1(48, 0, b'\x03' + PLMN_TW + b'\x12\x34\x56', seq=0x105), **c)
    yield back(gtp1(49, 0, b'\x01\x80' + b'\x02' + IMSI16, seq=0x105), **c)
    # a GTP-C request and answer between other ports: a conversation of its own
    yield frame(gtp1(1, 0, seq=0x100), sport=40000, dport=2123)
    yield back(gtp1(2, 0, b'\x0e\x01', seq=0x100), sport=2123, dport=40000)
    # IEs tshark does not know end the list; cut IEs; lengths shorter and longer than the message
    yield frame(gtp1(1, 0, b'\x30\x01\x02\x0e\x01', seq=0x106), **c)
    yield frame(gtp1(1, 0, b'\x0e', seq=0x107), **c)
    yield frame(gtp1(1, 0, tlv1(133, SGSN)[:5], seq=0x108), **c)
    yield frame(gtp1(1, 0, b'\x0e\x01\x0e\x02', seq=0x109, length=6), **c)
    yield frame(gtp1(1, 0, b'\x0e\x01', seq=0x10a, length=30), **c)
    # other message types
    for msg in (3, 4, 5, 6, 22, 27, 28, 31, 52, 58, 96, 240, 241, 99, 0, 200):
        yield frame(gtp1(msg, 0x4242, seq=0x200 + msg), **c)
    # GTP release 97/98 (version 0, 20-octet header) and GTP' (protocol type 0, 6-octet header)
    yield frame(struct.pack('>BBHHHBBBB', 0x1e, 1, 0, 9, 0x1234, 0xff, 0xff, 0xff, 0xff) + IMSI, **c)
    yield frame(struct.pack('>BBHH', 0x2e, 240, 2, 8) + b'\x01\x80', sport=3386, dport=3386)
    # GTPv2 on the same port is handed to GTPv2 below
    yield frame(gtp1(1, 0, seq=5, flags=0x3a), **c)


def control_v2():
    c = dict(sport=2123, dport=2123)
    csr = (ie2(1, IMSI) + ie2(1, IMSI16, instance=1) + ie2(76, bytes.fromhex('6407123456f7')) +
           ie2(76, bytes.fromhex('214365870921'), instance=1) + ie2(76, bytes.fromhex('538102f3'), instance=2) +
           ie2(75, IMEISV) + ie2(77, b'\x80\x01\x22\x00\x00\x01\x00\x80\x01', instance=1) +
           ie2(86, b'\x18' + PLMN_TW + b'\x2e\x18' + PLMN_TW + b'\x01\xce\x66\x21') + ie2(83, PLMN_US) +
           ie2(82, b'\x06') + ie2(77, b'\x00\x08\x00') +
           ie2(87, b'\x8a\x01\x02\x03\x04' + SGSN) + ie2(87, b'\x47\x01\x02\x03\x05' + UE6, instance=1) +
           ie2(71, apn('internet', 'mnc092', 'mcc466', 'gprs')) + ie2(128, b'\x01') + ie2(99, b'\x01') +
           ie2(79, b'\x01\x00\x00\x00\x00') + ie2(127, b'\x01') + ie2(72, b'\x00\x00\x08\x00\x00\x00\x10\x00') +
           ie2(93, ie2(73, b'\x05') + ie2(80, b'\x49\x09' + bytes(20)) +
               ie2(93, ie2(73, b'\x06') + ie2(87, b'\x80\x0a\x0b\x0c\x0d' + SGSN, instance=2)) ) +
           ie2(3, b'\x12') + ie2(114, b'\x23\x00') + ie2(114, b'\x4a\x01') + ie2(95, b'\x08\x00'))
    yield frame(gtp2(32, 0x1a4a43, csr, teid=0), **c)
    csresp = (ie2(2, b'\x10\x00') + ie2(87, b'\xcb\x0a\x0b\x0c\x0e' + GGSN + UE6, instance=1) +
              ie2(79, b'\x01\x0a\x2d\x00\x07') + ie2(127, b'\x02') + ie2(94, b'\x01\x02\x03\x04') +
              ie2(93, ie2(73, b'\x05') + ie2(2, b'\x10\x00') + ie2(94, b'\x00\x00\x00\x09')) + ie2(3, b'\x13'))
    yield back(gtp2(33, 0x1a4a43, csresp, teid=0xd37d1590), **c)
    mbr = (ie2(86, b'\x3f' + PLMN_TW + b'\x12\x34\x56\x78' + PLMN_TW + b'\x12\x34\x56\x78' + PLMN_TW +
               b'\x12\x34\x56\x78' + PLMN_DE + b'\x2e\x18' + PLMN_DE + b'\x0f\xce\x66\x21' + PLMN_US + b'\x12\x34') +
           ie2(86, b'\xc0' + PLMN_TW + b'\x01\x02\x03' + PLMN_TW + b'\x81\x02\x03') +
           ie2(92, b'\x05') + ie2(100, b'\x07') + ie2(135, b'\x01') + ie2(135, b'\x00'))
    yield frame(gtp2(1, 0x1a4a43, ie2(3, b'\x11')), **c)
    yield frame(gtp2(34, 0x1a4a44, mbr, teid=0xa43ed030, priority=9), **c)
    yield back(gtp2(35, 0x1a4a44, ie2(2, b'\x40\x07\x00\x52\x00\x00') + ie2(2, b'\x12\x01'), teid=0x01020304), **c)
    yield frame(gtp2(36, 0x1a4a45, ie2(73, b'\x05'), teid=0xa43ed030), **c)
    yield back(gtp2(37, 0x1a4a45, ie2(2, b'\x10\x00'), teid=0x01020304), **c)
    # echo is not paired by tshark's GTPv2; piggybacking; no TEID; unknown and reserved IE types; cut IEs
    yield frame(gtp2(1, 0x3039, ie2(3, b'\x11')), **c)
    yield back(gtp2(2, 0x3039, ie2(3, b'\x12')), **c)
    yield frame(gtp2(1, 0x303a, ie2(3, b'\x11'), piggy=True) + gtp2(33, 0x303a, ie2(1, IMSI), teid=7, priority=3),
                **c)
    yield frame(gtp2(95, 0x303b, ie2(73, b'\x05'), teid=1, piggy=True) + gtp2(96, 0x303c, ie2(2, b'\x10\x00'), teid=2),
                **c)
    yield frame(gtp2(1, 0x303d, ie2(3, b'\x11'), piggy=True) + b'\x31\x32', **c)
    yield frame(gtp2(1, 0x3041, ie2(3, b'\x11'), piggy=True), **c)
    yield frame(gtp2(1, 0x303e, ie2(0, b'\x01') + ie2(250, b'\x01\x02') + ie2(3, b'\x01', instance=3, cr=2)), **c)
    yield frame(gtp2(1, 0x303f, ie2(3, b'')), **c)
    yield frame(gtp2(1, 0x3040, ie2(3, b'\x01\x02\x03\x04\x05')), **c)
    yield frame(gtp2(34, 0x1a4a46, b'', teid=9, length=42), **c)
    yield frame(gtp2(34, 0x1a4a47, ie2(3, b'\x01') + ie2(3, b'\x02'), teid=9, length=13), **c)
    for msg in (3, 4, 5, 38, 50, 64, 65, 70, 128, 162, 170, 176, 211, 231, 240):
        yield frame(gtp2(msg, 0x4000 + msg, teid=msg), **c)
    # GTPv2 over TCP 2123: each segment's payload is one message, as tshark reads it
    t = dict(transport=6)
    yield frame(tcp(41000, 2123, 0, 0, 0x02), **t)
    yield frame(tcp(2123, 41000, 0, 1, 0x12), GGSN, SGSN, **t)
    msg = gtp2(32, 0x77, ie2(3, b'\x01'), teid=0)
    yield frame(tcp(41000, 2123, 1, 1, 0x18, msg), **t)
    yield frame(tcp(2123, 41000, 1, 1 + len(msg), 0x18, gtp2(33, 0x77, ie2(2, b'\x10\x00'), teid=5)), GGSN, SGSN, **t)


def write(path, frames):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack('<IIII', 1700000000 + i // 4, (i % 4) * 250000, len(fr), len(fr)) + fr)


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    write(os.path.join(here, 'gtp_crafted.pcap'), list(user_plane()) + list(control_v1()) + list(control_v2()))
