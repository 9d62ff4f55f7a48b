#!/usr/bin/env python3
"""Writes tunnels_crafted.pcap: MPLS, GRE and VXLAN as routers and hypervisors send them, for the
tunnel dissectors. MPLS stacks of 1 to 3 labels over IPv4 and IPv6 with TCP and UDP inside, the
reserved labels (explicit nulls, router alert, entropy), ethertype 0x8848, a pseudowire control word
with Ethernet behind it and payloads whose first nibble is neither 4 nor 6; GRE with every optional
field (checksum good and bad, routing, key, sequence number), GRE over IPv6, GRE carrying Ethernet
(0x6558), ERSPAN types I to III, IPv6 and unknown protocol types, PPTP's enhanced GRE (version 1)
with PPP inside and an acknowledgment alone; VXLAN with an inner TCP handshake and HTTP request and the group policy
extension; and headers cut short for each of them (snap length and malformed lengths).

Every Ethernet address is locally administered (02:…), so no vendor name applies.

usage: make_tunnels_crafted.py  (writes the file beside this script)
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


def mac(n):
    return bytes([2, 0, 0, 0, 0, n])


def eth(etype, payload, dst=2, src=1):
    return mac(dst) + mac(src) + struct.pack('>H', etype) + payload


def ip4(src, dst, proto, payload, ident=1, ttl=64):
    hdr = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), ident, 0, ttl, proto, 0, bytes(src), bytes(dst))
    return hdr[:10] + struct.pack('>H', checksum(hdr)) + hdr[12:] + payload


def ip6(src, dst, nxt, payload, hlim=64):
    return struct.pack('>IHBB', 0x60000000, len(payload), nxt, hlim) + src + dst + payload


def v6(last):
    return bytes.fromhex('20010db8000000000000000000000000')[:15] + bytes([last])


def pseudo(src, dst, proto, length):
    if len(src) == 4:
        return bytes(src) + bytes(dst) + struct.pack('>BBH', 0, proto, length)
    return src + dst + struct.pack('>I', length) + b'\0\0\0' + bytes([proto])


def tcp(src, dst, sport, dport, seq, ack, flags, payload=b'', win=64240):
    hdr = struct.pack('>HHIIBBHHH', sport, dport, seq, ack, 0x50, flags, win, 0, 0)
    seg = hdr + payload
    c = checksum(pseudo(src, dst, 6, len(seg)) + seg)
    return seg[:16] + struct.pack('>H', c) + seg[18:]


def udp(src, dst, sport, dport, payload):
    seg = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    c = checksum(pseudo(src, dst, 17, len(seg)) + seg) or 0xffff
    return seg[:6] + struct.pack('>H', c) + seg[8:]


def tcp4(src, dst, sport, dport, seq, ack, flags, payload=b'', ident=1):
    return ip4(src, dst, 6, tcp(src, dst, sport, dport, seq, ack, flags, payload), ident)


def udp4(src, dst, sport, dport, payload, ident=1):
    return ip4(src, dst, 17, udp(src, dst, sport, dport, payload), ident)


def icmp4(src, dst, ident, seq, data=b'abcdefgh'):
    msg = struct.pack('>BBHHH', 8, 0, 0, ident, seq) + data
    msg = msg[:2] + struct.pack('>H', checksum(msg)) + msg[4:]
    return ip4(src, dst, 1, msg)


def label(value, bottom, ttl=64, exp=0):
    return struct.pack('>I', (value << 12) | (exp << 9) | (bottom << 8) | ttl)


def stack(*values, exp=0):
    return b''.join(label(v, i == len(values) - 1, 64 - i, exp) for i, v in enumerate(values))


def gre(flags_version, proto, payload, key=None, seq=None, ack=None, routing=None, csum=False, bad=False, offset=0):
    hdr = struct.pack('>HH', flags_version, proto)
    opt = b''
    if flags_version & 0xc000:
        opt += struct.pack('>HH', 0, offset)
    if key is not None:
        opt += struct.pack('>I', key) if isinstance(key, int) else key
    if seq is not None:
        opt += struct.pack('>I', seq)
    if ack is not None:
        opt += struct.pack('>I', ack)
    if routing is not None:
        opt += routing
    msg = hdr + opt + payload
    if csum:
        c = checksum(msg) ^ (0x1111 if bad else 0)
        msg = msg[:4] + struct.pack('>H', c) + msg[6:]
    return msg


def vxlan(vni, inner, flags=0x0800, gbp=0):
    return struct.pack('>HHI', flags, gbp, vni << 8) + inner


A, B, C, D = [10, 1, 0, 1], [10, 2, 0, 1], [192, 0, 2, 1], [198, 51, 100, 7]
OUT1, OUT2 = [203, 0, 113, 1], [203, 0, 113, 2]
HTTP_GET = b'GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: crafted\r\nAccept: */*\r\n\r\n'


def mpls_frames():
    f = []
    # One label over IPv4 with a TCP SYN inside.
    f.append(eth(0x8847, stack(1000) + tcp4(A, B, 40000, 80, 1000, 0, 0x02)))
    # Two labels over IPv4 with UDP inside.
    f.append(eth(0x8847, stack(16, 2000, exp=5) + udp4(A, B, 5000, 9999, b'hello mpls')))
    # Three labels over IPv6 with TCP inside.
    f.append(eth(0x8847, stack(17, 18, 19) + ip6(v6(1), v6(2), 6, tcp(v6(1), v6(2), 443, 50000, 5, 6, 0x12))))
    # IPv4 explicit null, then IPv6 explicit null alone.
    query = b'\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01'
    f.append(eth(0x8847, stack(0) + udp4(C, D, 1234, 53, query)))
    f.append(eth(0x8847, stack(2) + ip6(v6(3), v6(4), 17, udp(v6(3), v6(4), 4000, 4001, b'v6 null'))))
    # Router alert above a label; entropy label indicator and entropy label.
    f.append(eth(0x8847, stack(1, 3000) + tcp4(B, A, 80, 40000, 0, 1001, 0x12)))
    f.append(eth(0x8847, stack(4000, 7, 123456) + icmp4(A, B, 7, 1)))
    # Implicit null (never on the wire) and an extension label.
    f.append(eth(0x8847, stack(3, 15, 16) + icmp4(B, A, 7, 2)))
    # Multicast ethertype 0x8848.
    f.append(eth(0x8848, stack(5000) + udp4(A, [239, 1, 1, 1], 3000, 3001, b'multicast')))
    # A control word (first nibble 0) then Ethernet with IPv4 inside: an Ethernet pseudowire. tshark
    # takes the payload for a frame without control word only when both addresses read that way start
    # with a vendor prefix its tables know: here the second (ab:cd:ef) is nobody's.
    pw = bytes.fromhex('0a0babcdef04') + mac(3) + b'\x08\x00' + icmp4(C, D, 9, 3)
    f.append(eth(0x8847, stack(18, 24) + b'\x00\x00\x00\x05' + pw))
    # A control word with a sequence number, then a broadcast ARP request.
    arp = struct.pack('>HHBBH', 1, 0x0800, 6, 4, 1) + mac(3) + bytes(C) + bytes(6) + bytes(D)
    f.append(eth(0x8847, stack(25) + b'\x00\x00\x01\x02' + b'\xff' * 6 + mac(3) + b'\x08\x06' + arp))
    # Payloads starting with nibbles 1 (associated channel), 5 and 0xf.
    f.append(eth(0x8847, stack(13) + b'\x10\x00\x00\x21' + b'\x45\x00\x00\x14'))
    f.append(eth(0x8847, stack(26) + b'\x55\x66\x77\x88\x99\xaa\xbb\xcc'))
    f.append(eth(0x8847, stack(27) + b'\xf0\x01\x02\x03'))
    # Stack without a bottom label running to the end of the frame; a label cut after 2 bytes.
    f.append(eth(0x8847, label(100, 0) + label(200, 0)))
    f.append(eth(0x8847, label(100, 0)[:2]))
    # A label whose TTL is 0 and the largest label value.
    f.append(eth(0x8847, label(1048575, 1, 0) + icmp4(A, B, 8, 1)))
    # Nothing after the bottom label.
    f.append(eth(0x8847, stack(300)))
    return f


def gre_frames():
    f = []
    inner = udp4(A, B, 7000, 7001, b'inside gre')
    # Every optional field of RFC 2890/1701: checksum, key, sequence number.
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0xb000, 0x0800, inner, key=0x01020304, seq=42, csum=True))))
    # Bad checksum.
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x8000, 0x0800, inner, csum=True, bad=True))))
    # Routing present (RFC 1701): checksum/offset, one IP SRE and the null SRE.
    sre = struct.pack('>HBB', 0x0800, 0, 8) + bytes([1, 1, 1, 1, 2, 2, 2, 2]) + struct.pack('>HBB', 0, 0, 0)
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0xc000, 0x0800, inner, routing=sre, csum=True))))
    # Recursion control, strict source route and reserved flag bits set.
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x0f00 | 0x00f8 & 0x0078, 0x0800, inner))))
    # GRE over IPv6 carrying IPv6 with TCP.
    t6 = ip6(v6(9), v6(10), 6, tcp(v6(9), v6(10), 33000, 22, 1, 0, 0x02))
    f.append(eth(0x86dd, ip6(v6(7), v6(8), 47, gre(0x2000, 0x86dd, t6, key=7))))
    # GRE over IPv6 carrying IPv4.
    f.append(eth(0x86dd, ip6(v6(7), v6(8), 47, gre(0x0000, 0x0800, tcp4(A, B, 41000, 443, 9, 0, 0x02)))))
    # Transparent Ethernet bridging: Ethernet with IPv4 and TCP inside.
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x2000, 0x6558, eth(0x0800, tcp4(C, D, 1234, 80, 0, 0, 0x02), 6, 5),
                                                 key=100))))
    # Unknown protocol types, with and without payload.
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x0000, 0x1234, b'unknown payload'))))
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x0000, 0x88b5, b''))))
    # Keepalive shape: protocol 0 (tshark's "Possible GRE keepalive").
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x0000, 0x0000, b''))))
    # ERSPAN type I (no ERSPAN header, sequence bit clear) with Ethernet inside.
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x0000, 0x88be, eth(0x0800, icmp4(C, D, 1, 1), 8, 7)))))
    # ERSPAN type II (sequence number present) and type III (protocol type 0x22eb) with Ethernet inside.
    mirrored = eth(0x0800, icmp4(C, D, 1, 2), 8, 7)
    span2 = struct.pack('>HHI', (1 << 12) | 100, (5 << 13) | (3 << 11) | (1 << 10) | 300, 12345)
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x1000, 0x88be, span2 + mirrored, seq=7))))
    span3 = struct.pack('>HHIHH', (2 << 12) | 200, (1 << 11) | 301, 0x01020304, 0x1234, (1 << 15) | (1 << 3) | (1 << 1))
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x1000, 0x22eb, span3 + mirrored, seq=8))))
    # Type III with the optional platform sub-header (O bit; platform 5: switch, port, seconds).
    span3o = span3[:10] + struct.pack('>H', (1 << 15) | 1) + struct.pack('>II', (5 << 26) | (18 << 16) | 4242, 1700000000)
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x1000, 0x22eb, span3o + mirrored, seq=9))))
    # PPTP (version 1): key holds payload length and call ID, sequence and acknowledgment, PPP with IPv4.
    ppp = b'\xff\x03\x00\x21' + udp4(C, D, 6000, 6001, b"ppp inside")
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x3081, 0x880b, ppp, key=struct.pack('>HH', len(ppp), 9),
                                                 seq=5, ack=4))))
    # PPTP acknowledgment only, no payload.
    f.append(eth(0x0800, ip4(OUT2, OUT1, 47, gre(0x2081, 0x880b, b'', key=struct.pack('>HH', 0, 10), ack=5))))
    # PPTP with compressed PPP (no address/control, one-byte protocol).
    ppp2 = b'\x21' + icmp4(D, C, 3, 3)
    f.append(eth(0x0800, ip4(OUT2, OUT1, 47, gre(0x3001, 0x880b, ppp2, key=struct.pack('>HH', len(ppp2), 10),
                                                 seq=6))))
    # GRE inside GRE, then a GRE header cut short: 2 bytes, and the key bit set with no key.
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0, 0x0800, ip4(A, B, 47, gre(0, 0x0800, icmp4(C, D, 5, 5)))))))
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, b'\x20\x00')))
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, struct.pack('>HH', 0x2000, 0x0800))))
    # Version 2 (unknown).
    f.append(eth(0x0800, ip4(OUT1, OUT2, 47, gre(0x0002, 0x0800, inner))))
    return f


def vxlan_frames():
    f = []
    cli, srv = [172, 16, 0, 10], [172, 16, 0, 20]

    def wrap(inner, n, back=False):
        pkt = eth(0x0800, inner, 0x12 if back else 0x11, 0x11 if back else 0x12)
        src, dst = (OUT2, OUT1) if back else (OUT1, OUT2)
        return eth(0x0800, udp4(src, dst, 50000 + n, 4789, vxlan(5001, pkt)))

    f.append(wrap(tcp4(cli, srv, 51000, 80, 100, 0, 0x02), 1))
    f.append(wrap(tcp4(srv, cli, 80, 51000, 900, 101, 0x12), 2, True))
    f.append(wrap(tcp4(cli, srv, 51000, 80, 101, 901, 0x10), 3))
    f.append(wrap(tcp4(cli, srv, 51000, 80, 101, 901, 0x18, HTTP_GET), 4))
    f.append(wrap(tcp4(srv, cli, 80, 51000, 901, 101 + len(HTTP_GET), 0x18,
                       b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok'), 5, True))
    # Group policy extension (G, D and A bits and a policy ID).
    gp = eth(0x0800, udp4(OUT1, OUT2, 50010, 4789, vxlan(77, eth(0x0800, icmp4(cli, srv, 2, 2), 0x11, 0x12),
                                                          flags=0x8848, gbp=1234)))
    f.append(gp)
    # No I flag, reserved bits set.
    f.append(eth(0x0800, udp4(OUT1, OUT2, 50011, 4789, struct.pack('>HHI', 0x0100, 0x00ff, (42 << 8) | 0x99)
                               + eth(0x86dd, ip6(v6(20), v6(21), 17, udp(v6(20), v6(21), 1, 2, b'x')), 0x11, 0x12))))
    # VXLAN cut after 4 bytes; VXLAN header and nothing inside.
    f.append(eth(0x0800, udp4(OUT1, OUT2, 50012, 4789, b'\x08\x00\x00\x00')))
    f.append(eth(0x0800, udp4(OUT1, OUT2, 50013, 4789, vxlan(1, b''))))
    return f


def main():
    frames = mpls_frames() + gre_frames() + vxlan_frames()
    # The first VXLAN TCP frame cut by the snap length inside the inner IP header.
    snapped = [(f, len(f)) for f in frames]
    full = eth(0x0800, udp4(OUT1, OUT2, 50099, 4789, vxlan(9, eth(0x0800, tcp4(A, B, 1, 2, 3, 4, 0x02), 0x11, 0x12))))
    snapped.append((full[:14 + 20 + 8 + 8 + 14 + 10], len(full)))
    mfull = eth(0x8847, stack(100, 200) + tcp4(A, B, 40000, 80, 1000, 0, 0x02))
    snapped.append((mfull[:14 + 6], len(mfull)))
    gfull = eth(0x0800, ip4(OUT1, OUT2, 47, gre(0xb000, 0x0800, udp4(A, B, 1, 2, b'x'), key=1, seq=2, csum=True)))
    snapped.append((gfull[:14 + 20 + 10], len(gfull)))
    out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)
    for n, (f, orig) in enumerate(snapped):
        out += struct.pack('<IIII', 1700000000 + n, 1000 * n, len(f), orig) + f
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'tunnels_crafted.pcap'), 'wb') as fh:
        fh.write(out)


if __name__ == '__main__':
    main()
