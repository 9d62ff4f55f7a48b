"""Synthetic captures that exercise TCP/UDP corners the corpus lacks (run by make_oracle.py).

Each scenario is a list of Ethernet frames built here byte by byte; tshark 4.0.17 then provides the
expected output. write_all() writes the plain probes, write_dlpp() the ones for the length-prefixed
test protocol on TCP port 60000 (dlpp.lua, DlppTestDissector.java).
"""
import os
import random
import struct
import ipaddress

F, S, R, P, A, U, E, C, AE = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x100
CL, SV = "10.0.0.1", "10.0.0.2"


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def ip4(a):
    return bytes(int(x) for x in a.split("."))


def eth(etype, payload):
    f = b"\x02\0\0\0\0\x01" + b"\x02\0\0\0\0\x02" + struct.pack("!H", etype) + payload
    return f + b"\0" * max(0, 60 - len(f))


_ip_id = [0]


def ipv4_packet(src, dst, proto, payload, total=None):
    _ip_id[0] += 1
    tl = total if total is not None else 20 + len(payload)
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tl, _ip_id[0] & 0xffff, 0x4000, 64, proto, 0, ip4(src), ip4(dst))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def tcp_segment(src, dst, sport, dport, seq, ack, flags, win, opts, payload, urg, hlen, pseudo_src, pseudo_dst, v6):
    while len(opts) % 4:
        opts += b"\0"
    h = hlen if hlen is not None else 20 + len(opts)
    hdr = struct.pack("!HHIIHHHH", sport, dport, seq & 0xffffffff, ack & 0xffffffff,
                      ((h // 4) << 12) | (flags & 0xfff), win, 0, urg) + opts
    if v6:
        pseudo = pseudo_src + pseudo_dst + struct.pack("!IxxxB", len(hdr) + len(payload), 6)
    else:
        pseudo = pseudo_src + pseudo_dst + struct.pack("!BBH", 0, 6, len(hdr) + len(payload))
    c = csum(pseudo + hdr + payload)
    return hdr[:16] + struct.pack("!H", c) + hdr[18:] + payload


def tcp(src, dst, sport, dport, seq, ack, flags, win=65535, opts=b"", payload=b"", urg=0, hlen=None, total=None):
    seg = tcp_segment(src, dst, sport, dport, seq, ack, flags, win, opts, payload, urg, hlen, ip4(src), ip4(dst), False)
    return eth(0x0800, ipv4_packet(src, dst, 6, seg, total))


def tcp6(src, dst, sport, dport, seq, ack, flags, win=65535, opts=b"", payload=b""):
    s6, d6 = ipaddress.IPv6Address(src).packed, ipaddress.IPv6Address(dst).packed
    seg = tcp_segment(src, dst, sport, dport, seq, ack, flags, win, opts, payload, 0, None, s6, d6, True)
    return eth(0x86dd, struct.pack("!IHBB16s16s", 0x60000000, len(seg), 6, 64, s6, d6) + seg)


def udp(src, dst, sport, dport, payload=b"", length=None, cs=None):
    ln = length if length is not None else 8 + len(payload)
    hdr = struct.pack("!HHHH", sport, dport, ln, 0)
    if cs is None:
        pseudo = ip4(src) + ip4(dst) + struct.pack("!BBH", 0, 17, 8 + len(payload))
        cs = csum(pseudo + hdr + payload) or 0xffff
    return eth(0x0800, ipv4_packet(src, dst, 17, hdr[:6] + struct.pack("!H", cs) + payload))


def udp6(src, dst, sport, dport, payload=b"", cs=None):
    s6, d6 = ipaddress.IPv6Address(src).packed, ipaddress.IPv6Address(dst).packed
    ln = 8 + len(payload)
    hdr = struct.pack("!HHHH", sport, dport, ln, 0)
    if cs is None:
        cs = csum(s6 + d6 + struct.pack("!IxxxB", ln, 17) + hdr + payload) or 0xffff
    seg = hdr[:6] + struct.pack("!H", cs) + payload
    return eth(0x86dd, struct.pack("!IHBB16s16s", 0x60000000, len(seg), 17, 64, s6, d6) + seg)


def icmp_error(src, dst, quoted_ip):
    body = struct.pack("!BBHI", 3, 3, 0, 0) + quoted_ip
    body = body[:2] + struct.pack("!H", csum(body)) + body[4:]
    return eth(0x0800, ipv4_packet(src, dst, 1, body))


def write_pcap(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for t, b in frames:
            sec = int(t)
            usec = int(round((t - sec) * 1e6))
            f.write(struct.pack("<IIII", sec, usec, len(b), len(b)))
            f.write(b)


def mss(v):
    return struct.pack("!BBH", 2, 4, v)


def ws(s):
    return struct.pack("!BBB", 3, 3, s)


NOP = b"\x01"
SACKP = b"\x04\x02"


def ts(a, b):
    return struct.pack("!BBII", 8, 10, a, b)


def sack(*blocks):
    return struct.pack("!BB", 5, 2 + 8 * len(blocks)) + b"".join(struct.pack("!II", l, r) for l, r in blocks)


class Capture:
    def __init__(self, start=1000.0):
        self.t = start
        self.frames = []

    def add(self, frame, dt=0.01):
        self.t += dt
        self.frames.append((self.t, frame))


def handshake(c, cp, sp, cisn, sisn, copts=b"", sopts=b"", cwin=64240, swin=65160, dt=0.01):
    c.add(tcp(CL, SV, cp, sp, cisn, 0, S, cwin, copts), dt)
    c.add(tcp(SV, CL, sp, cp, sisn, cisn + 1, S | A, swin, sopts), dt)


def flags_and_reuse():
    c = Capture()
    handshake(c, 40000, 7777, 1000, 5000, mss(1460) + SACKP + ts(1, 0) + NOP + ws(7), mss(1460) + SACKP + ts(2, 1) + NOP + ws(7))
    c.add(tcp(CL, SV, 40000, 7777, 1001, 5001, A, 502, NOP + NOP + ts(3, 2)))
    c.add(tcp(CL, SV, 40000, 7777, 1001, 5001, P | A, 502, NOP + NOP + ts(3, 2), b"hello"))
    c.add(tcp(SV, CL, 7777, 40000, 5001, 1006, A, 509, NOP + NOP + ts(4, 3)))
    c.add(tcp(CL, SV, 40000, 7777, 1006, 5001, F | A, 502, NOP + NOP + ts(5, 4)))
    c.add(tcp(SV, CL, 7777, 40000, 5001, 1007, F | A, 509, NOP + NOP + ts(6, 5)))
    c.add(tcp(CL, SV, 40000, 7777, 1007, 5002, A, 502, NOP + NOP + ts(7, 6)))
    handshake(c, 40000, 7777, 90000, 70000, mss(1460) + SACKP + ts(8, 0) + NOP + ws(7), mss(1460) + SACKP + ts(9, 8) + NOP + ws(7), dt=1)
    c.add(tcp(CL, SV, 40000, 7777, 90001, 70001, R | A, 0))
    c.add(tcp(CL, SV, 40000, 7777, 123456, 0, S, 64240, mss(1460)), 1)
    c.add(tcp(CL, SV, 40000, 7777, 123456, 0, S, 64240, mss(1460)), 1)
    c.add(tcp(SV, CL, 7777, 40000, 555, 123457, S | A, 65160, mss(1460)))
    c.add(tcp(SV, CL, 7777, 40000, 999, 123457, S | A, 65160, mss(1460)))
    for fl, urg, data in ((E | C | A, 0, b""), (U | A, 5, b"xyz"), (AE | 0x200 | A, 0, b""), (0, 0, b"")):
        c.add(tcp(CL, SV, 40001, 7778, 1, 1, fl, 100, urg=urg, payload=data))
    c.add(tcp(CL, SV, 40001, 7778, 1, 7, 0, 100))
    c.add(tcp(CL, SV, 40001, 7778, 1, 7, A, 100, urg=9))
    return c


def completeness():
    c = Capture()

    def conv(port, frames):
        c.add(tcp(CL, SV, port, 55555, 100, 200, A | P, 100, payload=b"x"))
        s = 101
        for fl, data, d in frames:
            if d:
                c.add(tcp(SV, CL, 55555, port, 200, s, fl, 100, payload=data))
            else:
                c.add(tcp(CL, SV, port, 55555, s, 200, fl, 100, payload=data))
                s += len(data) + (1 if fl & (F | S) else 0)
        c.add(tcp(CL, SV, port, 55555, s, 200, A, 100))

    port = 42000
    for frames in ([(F | A, b"", 0)], [(R | A, b"", 0)], [(F | A, b"zz", 0)], [(R | A, b"zz", 0)], [(F, b"", 0)],
                   [(P, b"zz", 0)], [(0, b"", 0)], [(S | A, b"", 1)], [(R, b"", 0)], [(U | A, b"", 0)],
                   [(S, b"", 0)], [(S, b"", 0), (S | A, b"", 1)], [(R, b"q", 0)], [(A, b"q", 1)], [(S, b"q", 0)]):
        conv(port, frames)
        port += 1
    c.add(tcp(SV, CL, 55555, 42999, 100, 77, S | A, 100))
    c.add(tcp(SV, CL, 55555, 42999, 101, 77, A, 100))
    c.add(tcp(SV, CL, 55555, 42999, 101, 77, A, 100))
    return c


def dup_acks():
    c = Capture()

    def conv(port, mid, midseq=100, after=None):
        for _ in range(3):
            c.add(tcp(CL, SV, port, 55555, 100, 200, A, 100))
        fl, data, win, ack = mid
        c.add(tcp(CL, SV, port, 55555, midseq, ack, fl, win, payload=data))
        s = after if after is not None else 100
        c.add(tcp(CL, SV, port, 55555, s, ack, A, win))
        c.add(tcp(CL, SV, port, 55555, s, ack, A, win))

    conv(44000, (F | A, b"", 100, 200), after=101)
    conv(44001, (A, b"dd", 100, 200), after=102)
    conv(44002, (A, b"", 120, 200))
    conv(44003, (A, b"", 100, 201))
    conv(44004, (A, b"", 100, 200), midseq=99)
    conv(44005, (A | R, b"", 100, 200))
    conv(44006, (A, b"", 0, 200))
    conv(44007, (A | P, b"", 100, 200))
    conv(44008, (A | U, b"", 100, 200))
    return c


def options():
    c = Capture()
    opts = [
        struct.pack("!BBI", 6, 6, 1234), struct.pack("!BBI", 7, 6, 1234),
        struct.pack("!BB", 19, 18) + bytes(range(16)), struct.pack("!BBH", 28, 4, 0x8010),
        struct.pack("!BB", 34, 2), struct.pack("!BB", 34, 10) + bytes(range(8)),
        struct.pack("!BBB", 30, 12, 0x00) + b"\x81" + bytes(range(8)), struct.pack("!BBH", 253, 4, 0xf989),
        struct.pack("!BBH", 254, 6, 0x1234) + b"ab", struct.pack("!BB", 99, 4) + b"zz",
        struct.pack("!BBI", 11, 6, 5), struct.pack("!BBH", 2, 3, 1), struct.pack("!BB", 2, 40),
        struct.pack("!BB", 8, 10) + struct.pack("!II", 5, 6), struct.pack("!BBB", 3, 3, 15),
        struct.pack("!BB", 5, 10) + struct.pack("!II", 10, 20),
        struct.pack("!BB", 5, 14) + struct.pack("!II", 10, 20) + b"\0\0\0\1",
        b"\x01\x01\x01\x01\x02\x04\x05\xb4", b"\x00\x01\x02\x03", struct.pack("!BB", 29, 4) + b"\x01\x02",
        struct.pack("!BB", 34, 6) + b"\x01\x02\x03\x04", struct.pack("!BB", 5, 18) + struct.pack("!IIII", 250, 260, 240, 270),
        b"\x01\x01\x01\x01\x01\x01\x01\x01", b"\x02", b"\x01\x01\x08",
    ]
    for i, o in enumerate(opts):
        syn = S if i in (4, 5) else (S if i == 20 else 0)
        ack = A if i != 20 else 0
        c.add(tcp(CL, SV, 45000 + i, 55555, 100, 200, ack | syn, 100, opts=o))
    return c


def fin_close():
    c = Capture()
    handshake(c, 40000, 7777, 1000, 5000, mss(1460), mss(1460))
    c.add(tcp(CL, SV, 40000, 7777, 1001, 5001, A, 502))
    c.add(tcp(CL, SV, 40000, 7777, 1001, 5001, F | A, 502))
    c.add(tcp(CL, SV, 40000, 7777, 1001, 5001, F | A, 502), 0.5)
    c.add(tcp(SV, CL, 7777, 40000, 5001, 1002, F | A, 509))
    c.add(tcp(SV, CL, 7777, 40000, 5001, 1002, F | A, 509), 0.5)
    c.add(tcp(CL, SV, 40000, 7777, 1002, 5002, A, 502))
    handshake(c, 40001, 7777, 1000, 5000, mss(1460), mss(1460))
    c.add(tcp(CL, SV, 40001, 7777, 1001, 5001, A, 502))
    c.add(tcp(SV, CL, 7777, 40001, 5001, 1001, F | A, 509))
    c.add(tcp(CL, SV, 40001, 7777, 1001, 5002, F | A, 502))
    c.add(tcp(SV, CL, 7777, 40001, 5002, 1002, A, 509))
    c.add(tcp(SV, CL, 7777, 40001, 5001, 1002, F | A, 509))
    return c


def analysis():
    """Zero windows and probes, keep-alives, window full, out-of-order, fast and spurious retransmissions."""
    c = Capture()
    handshake(c, 41000, 8888, 1000, 9000, mss(1460) + ws(0), mss(1460) + ws(2))
    c.add(tcp(CL, SV, 41000, 8888, 1001, 9001, A, 400))
    c.add(tcp(CL, SV, 41000, 8888, 1001, 9001, P | A, 400, payload=b"a" * 100))
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1101, A, 25))
    c.add(tcp(CL, SV, 41000, 8888, 1101, 9001, A, 400, payload=b"b" * 100))
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1201, A, 0))
    c.add(tcp(CL, SV, 41000, 8888, 1201, 9001, A, 400, payload=b"c"), 0.2)
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1201, A, 0))
    c.add(tcp(CL, SV, 41000, 8888, 1201, 9001, A, 400, payload=b"c"), 0.4)
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1202, A, 0))
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1201, A, 40), 0.5)
    c.add(tcp(CL, SV, 41000, 8888, 1200, 9001, A, 400), 2)
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1201, A, 40))
    c.add(tcp(CL, SV, 41000, 8888, 1200, 9001, A, 400, payload=b"k"), 2)
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1201, A, 40))
    c.add(tcp(CL, SV, 41000, 8888, 1301, 9001, A, 400, payload=b"d" * 100), 0.001)
    c.add(tcp(CL, SV, 41000, 8888, 1201, 9001, A, 400, payload=b"e" * 100), 0.001)
    for _ in range(3):
        c.add(tcp(SV, CL, 8888, 41000, 9001, 1201, A, 40, opts=NOP + NOP + sack((1301 - 0, 1401))), 0.001)
    c.add(tcp(CL, SV, 41000, 8888, 1201, 9001, A, 400, payload=b"e" * 100), 0.001)
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1401, A, 40), 0.1)
    c.add(tcp(CL, SV, 41000, 8888, 1301, 9001, A, 400, payload=b"d" * 100), 1)
    c.add(tcp(CL, SV, 41000, 8888, 1401, 9001, A, 400, payload=b"f" * 160), 0.01)
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1561, A, 40), 0.01)
    c.add(tcp(CL, SV, 41000, 8888, 1561, 9001, P | A, 400, payload=b"g" * 50), 0.01)
    c.add(tcp(CL, SV, 41000, 8888, 1611, 9001, A, 400, payload=b"g" * 50), 0.01)
    c.add(tcp(CL, SV, 41000, 8888, 1661, 9001, P | A, 400, payload=b"g" * 50), 0.01)
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1661, A, 40, opts=NOP + NOP + sack((1661 + 50, 1661 + 60))), 0.01)
    c.add(tcp(CL, SV, 41000, 8888, 1711, 9001, A, 400, payload=b"h" * 30), 0.01)
    c.add(tcp(CL, SV, 41000, 8888, 1741, 9001, F | A, 400, payload=b"i" * 5), 0.01)
    c.add(tcp(SV, CL, 8888, 41000, 9001, 1747, F | A, 40), 0.01)
    c.add(tcp(CL, SV, 41000, 8888, 1747, 9002, A, 400), 0.01)
    # SYN carrying data, then data before any ACK
    c.add(tcp(CL, SV, 41001, 8888, 500, 0, S, 100, payload=b"syn-data"), 0.01)
    c.add(tcp(CL, SV, 41001, 8888, 509, 0, P, 100, payload=b"more"), 0.01)
    c.add(tcp(SV, CL, 8888, 41001, 700, 513, S | A, 100), 0.01)
    # mid-stream capture: lost segment, ACKed unseen, window 0 on RST
    c.add(tcp(CL, SV, 41002, 8888, 100, 200, P | A, 100, payload=b"x" * 10), 0.01)
    c.add(tcp(CL, SV, 41002, 8888, 150, 200, P | A, 100, payload=b"x" * 10), 0.01)
    c.add(tcp(SV, CL, 8888, 41002, 300, 500, A, 100), 0.01)
    c.add(tcp(SV, CL, 8888, 41002, 300, 500, R | A, 0), 0.01)
    return c


def oddities():
    """Bogus header length, short segment, checksum zero/IPv6 UDP, ICMP errors quoting TCP/UDP, IPv6, wrap."""
    c = Capture()
    c.add(tcp(CL, SV, 46000, 55555, 1, 1, A, 10, hlen=16))
    c.add(tcp(CL, SV, 46001, 55555, 1, 1, A, 10, opts=mss(1460) + NOP * 4, total=44))
    quoted_tcp = ipv4_packet(SV, "10.9.9.9", 6, struct.pack("!HHI", 46002, 80, 12345678))
    c.add(icmp_error("10.0.0.254", SV, quoted_tcp))
    quoted_udp = ipv4_packet(SV, "10.9.9.9", 17, struct.pack("!HHHH", 46003, 33440, 8, 0x1234))
    c.add(icmp_error("10.0.0.254", SV, quoted_udp))
    c.add(tcp6("fe80::1", "fe80::2", 46004, 443, 7, 0, S, 1000, mss(1440) + ws(3)))
    c.add(tcp6("fe80::2", "fe80::1", 443, 46004, 9, 8, S | A, 1000, mss(1440) + ws(3)))
    c.add(tcp6("fe80::1", "fe80::2", 46004, 443, 8, 10, A, 1000, payload=b"z" * 20))
    handshake(c, 46005, 7000 + 5, 0xfffffff0, 0xffffff00, mss(1460), mss(1460))
    c.add(tcp(CL, SV, 46005, 7005, 0xfffffff1, 0xffffff01, A, 500, payload=b"w" * 40))
    c.add(tcp(SV, CL, 7005, 46005, 0xffffff01, 0x19, A, 500))
    c.add(udp(CL, SV, 50001, 50002, b"abcd"))
    c.add(udp(CL, SV, 50001, 50002, b""))
    c.add(udp(CL, SV, 50001, 50002, b"abc", length=4))
    c.add(udp(CL, SV, 50001, 50002, b"abc", length=40))
    c.add(udp(CL, SV, 50001, 50002, b"abcdef", length=10))
    c.add(udp(CL, SV, 50001, 50002, b"abcdef", cs=0))
    c.add(udp(CL, SV, 0, 50002, b"abcdef"))
    c.add(udp(CL, SV, 50002, 50001, b"a"))
    c.add(udp6("fe80::1", "fe80::2", 50000, 50001, b"abcd", cs=0))
    c.add(udp6("fe80::1", "fe80::2", 50000, 50001, b"abcd"), -0.5)
    for d in (33434, 33435, 33449, 33464, 33465):
        c.add(udp(CL, SV, 50003, d, b"t"))
    c.add(tcp(CL, SV, 46006, 55555, 1, 1, R, 10, payload=b"reset text"))
    return c


def write_all(directory):
    names = []
    for name, fn in (("flags_reuse", flags_and_reuse), ("completeness", completeness), ("dup_acks", dup_acks),
                     ("options", options), ("fin_close", fin_close), ("analysis", analysis), ("oddities", oddities)):
        path = os.path.join(directory, name + ".pcap")
        write_pcap(path, fn().frames)
        names.append(name + ".pcap")
    return names


def dlpp_stream(messages):
    return b"".join(struct.pack("!H", len(m)) + m for m in messages)


def dlpp_capture(stream, cuts, order=None, duplicates=(), port=40000, server=60000):
    """A handshake, then the client sends stream[cuts[i-1]:cuts[i]] per segment (in `order` if given)."""
    c = Capture()
    handshake(c, port, server, 1000, 5000, mss(1460), mss(1460))
    c.add(tcp(CL, SV, port, server, 1001, 5001, A, 502))
    pieces = []
    prev = 0
    for cut in cuts:
        pieces.append((prev, stream[prev:cut]))
        prev = cut
    seq_order = order if order is not None else range(len(pieces))
    for i in seq_order:
        off, data = pieces[i]
        c.add(tcp(CL, SV, port, server, 1001 + off, 5001, P | A, 502, payload=data))
        if i in duplicates:
            c.add(tcp(CL, SV, port, server, 1001 + off, 5001, P | A, 502, payload=data), 0.5)
    c.add(tcp(SV, CL, server, port, 5001, 1001 + len(stream), A, 509))
    return c


def write_dlpp(directory):
    messages = [b"A" * 5, b"B" * 300, b"C", b"", b"D" * 40, b"E" * 7, b"F" * 2, b"G" * 1200]
    stream = dlpp_stream(messages)
    out = []

    def emit(name, cap):
        write_pcap(os.path.join(directory, name), cap.frames)
        out.append(name)

    emit("dlpp_cuts.pcap", dlpp_capture(stream, [1, 3, 7, 8, 100, 310, 311, 312, 313, 330, 340, 355, 600, len(stream)]))
    for size in (1, 2, 3, 5, 7, 64, 1000, len(stream)):
        cuts = list(range(size, len(stream), size)) + [len(stream)]
        emit("dlpp_every_%d.pcap" % size, dlpp_capture(stream, cuts))
    rnd = random.Random(7)
    cuts = sorted(rnd.sample(range(1, len(stream)), 40)) + [len(stream)]
    emit("dlpp_dup.pcap", dlpp_capture(stream, cuts, duplicates=(3, 7, 8, 20)))
    order = list(range(len(cuts)))
    order[5], order[6] = order[6], order[5]
    order[15], order[17] = order[17], order[15]
    emit("dlpp_reorder.pcap", dlpp_capture(stream, cuts, order=order))
    # The same streams for dlpq (port 60001), which uses dissect_tcp_pdus.
    emit("dlpq_cuts.pcap", dlpp_capture(stream, [1, 3, 7, 8, 100, 310, 311, 312, 313, 330, 340, 355, 600, len(stream)],
                                        server=60001))
    emit("dlpq_every_3.pcap", dlpp_capture(stream, list(range(3, len(stream), 3)) + [len(stream)], server=60001))
    emit("dlpq_dup.pcap", dlpp_capture(stream, cuts, duplicates=(3, 7, 8, 20), server=60001))
    # Out-of-order segments: one completing a PDU, one starting a PDU, one ending a PDU that is already past.
    pq = dlpp_stream([b"P" * 98, b"Q" * 8])
    emit("dlpp_ooo_completes.pcap", dlpp_capture(pq, [30, 60, 100, 110], order=[0, 2, 1, 3]))
    emit("dlpp_ooo_whole.pcap", dlpp_capture(dlpp_stream([b"a" * 8, b"b" * 8, b"c" * 8, b"d" * 8]), [10, 20, 30, 40],
                                             order=[0, 2, 1, 3]))
    emit("dlpp_ooo_tail.pcap", dlpp_capture(pq, [30, 60, 100, 110], order=[0, 1, 3, 2]))
    # Keep-alives carrying one byte below the next sequence number: into a finished PDU (same byte, other
    # byte), after a PDU that needed no reassembly, and into a PDU still being reassembled.
    p8 = dlpp_stream([b"P" * 28, b"Q" * 8])
    emit("dlpp_keepalive_same.pcap", dlpp_keepalives(p8, [20, 30, 40], [(1, 29, b"P")]))
    emit("dlpp_keepalive_other.pcap", dlpp_keepalives(p8, [20, 30, 40], [(1, 29, b"\x00")]))
    emit("dlpp_keepalive_single.pcap", dlpp_keepalives(p8, [20, 30, 40], [(2, 39, b"\x00")]))
    emit("dlpp_keepalive_open.pcap", dlpp_keepalives(p8, [20, 30, 40], [(0, 19, b"\x00")]))
    emit("dlpp_keepalive_open_same.pcap", dlpp_keepalives(p8, [20, 30, 40], [(0, 19, b"P")]))
    return out


def dlpp_keepalives(stream, cuts, keepalives, port=40000, server=60000):
    """Like dlpp_capture, in order; after piece i the server ACKs and the client sends each keep-alive
    (i, stream offset, bytes) of `keepalives`."""
    c = Capture()
    handshake(c, port, server, 1000, 5000, mss(1460), mss(1460))
    c.add(tcp(CL, SV, port, server, 1001, 5001, A, 502))
    prev = 0
    for i, cut in enumerate(cuts):
        c.add(tcp(CL, SV, port, server, 1001 + prev, 5001, P | A, 502, payload=stream[prev:cut]))
        prev = cut
        for (j, off, data) in keepalives:
            if j == i:
                c.add(tcp(SV, CL, server, port, 5001, 1001 + prev, A, 509))
                c.add(tcp(CL, SV, port, server, 1001 + off, 5001, A, 502, payload=data), 1.0)
    c.add(tcp(SV, CL, server, port, 5001, 1001 + len(stream), A, 509))
    return c
