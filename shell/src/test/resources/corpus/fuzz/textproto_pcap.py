"""Shared writer for the crafted text-protocol captures (make_ftp_crafted.py and its siblings): a
pcap file of Ethernet/IPv4 or IPv6 TCP segments with correct checksums, deterministic bytes. Pcap
also writes other link types (make_linktypes_crafted.py): pass the LINKTYPE_ code, 1 (Ethernet)
by default."""
import struct


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


class Pcap:
    def __init__(self, linktype=1):
        self.linktype = linktype
        self.frames = []
        self.t = 1700000000.0

    def add(self, frame, caplen=None):
        self.t += 0.001
        self.frames.append((self.t, frame, caplen))

    def write(self, path):
        with open(path, 'wb') as f:
            f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, self.linktype))
            for t, fr, caplen in self.frames:
                cap = fr if caplen is None else fr[:caplen]
                sec = int(t)
                usec = int(round((t - sec) * 1e6))
                f.write(struct.pack('<IIII', sec, usec, len(cap), len(fr)))
                f.write(cap)


V4 = {0: bytes([10, 0, 0, 1]), 1: bytes([10, 0, 0, 2])}
V6 = {0: bytes(15) + b'\x01', 1: bytes(15) + b'\x02'}
MAC = {0: b'\x0a\0\0\0\0\x02', 1: b'\x0a\0\0\0\0\x01'}


class Conn:
    """One TCP connection from side 0 (the opener) to side 1, with a handshake unless told not to.
    hosts maps each side to a host number (0: 10.0.0.1 / ::1, 1: 10.0.0.2 / ::2)."""

    def __init__(self, pcap, cport, sport, v6=False, handshake=True, hosts=(0, 1)):
        self.p = pcap
        self.v6 = v6
        table = V6 if v6 else V4
        self.ip = {0: table[hosts[0]], 1: table[hosts[1]]}
        self.mac = {0: MAC[hosts[0]], 1: MAC[hosts[1]]}
        self.port = {0: cport, 1: sport}
        self.seq = {0: 1000, 1: 5000}
        self.ident = 1
        if handshake:
            self.seg(0, b'', 0x02)
            self.seq[0] += 1
            self.seg(1, b'', 0x12)
            self.seq[1] += 1
            self.seg(0, b'', 0x10)

    def seg(self, side, payload, flags=0x18, caplen=None):
        other = 1 - side
        tcp = struct.pack('!HHIIBBHHH', self.port[side], self.port[other], self.seq[side],
                          self.seq[other] if flags & 0x10 else 0, 5 << 4, flags, 65535, 0, 0)
        if self.v6:
            pseudo = self.ip[side] + self.ip[other] + struct.pack('!IxxxB', len(tcp) + len(payload), 6)
        else:
            pseudo = self.ip[side] + self.ip[other] + struct.pack('!BBH', 0, 6, len(tcp) + len(payload))
        tcp = tcp[:16] + struct.pack('!H', csum(pseudo + tcp + payload)) + tcp[18:]
        if self.v6:
            ip = struct.pack('!IHBB', 0x60000000, len(tcp) + len(payload), 6, 64) + self.ip[side] + self.ip[other]
            etype = b'\x86\xdd'
        else:
            ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp) + len(payload), self.ident, 0x4000, 64, 6, 0,
                             self.ip[side], self.ip[other])
            ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
            etype = b'\x08\x00'
        self.ident += 1
        self.p.add(self.mac[other] + self.mac[side] + etype + ip + tcp + payload, caplen)
        self.seq[side] += len(payload)

    def send(self, side, payload, caplen=None):
        if isinstance(payload, str):
            payload = payload.encode('latin-1')
        self.seg(side, payload, 0x18, caplen)

    def close(self):
        self.seg(0, b'', 0x11)
        self.seq[0] += 1
        self.seg(1, b'', 0x11)
        self.seq[1] += 1
        self.seg(0, b'', 0x10)


def udp4(payload, sport, dport, hosts=(0, 1)):
    """One Ethernet/IPv4 UDP datagram from host hosts[0] to hosts[1] (10.0.0.1 / 10.0.0.2), checksummed."""
    src, dst = V4[hosts[0]], V4[hosts[1]]
    udp = struct.pack('!HHHH', sport, dport, 8 + len(payload), 0) + payload
    udp = udp[:6] + struct.pack('!H', csum(src + dst + struct.pack('!BBH', 0, 17, len(udp)) + udp) or 0xffff) + udp[8:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 1, 0x4000, 64, 17, 0, src, dst)
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    return MAC[hosts[1]] + MAC[hosts[0]] + b'\x08\x00' + ip + udp


def udp4_between(src, dst, sport, dport, payload, macs):
    """An Ethernet/IPv4 UDP datagram between any two addresses (IP id 7, no flags), checksummed; macs is
    the destination and source MAC, 12 bytes."""
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = bytes(src) + bytes(dst) + struct.pack('>BBH', 0, 17, len(udp))
    udp = udp[:6] + struct.pack('>H', csum(pseudo + udp) or 0xffff) + udp[8:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 7, 0, 64, 17, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('>H', csum(ip)) + ip[12:]
    return macs + b'\x08\x00' + ip + udp


def udp6_between(src, dst, sport, dport, payload, macs):
    """udp4_between over IPv6 (hop limit 64)."""
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack('>I', len(udp)) + b'\0\0\0\x11'
    udp = udp[:6] + struct.pack('>H', csum(pseudo + udp) or 0xffff) + udp[8:]
    ip6 = struct.pack('>IHBB', 0x60000000, len(udp), 17, 64) + src + dst
    return macs + b'\x86\xdd' + ip6 + udp
