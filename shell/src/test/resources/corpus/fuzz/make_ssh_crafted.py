#!/usr/bin/env python3
"""Writes ssh_crafted.pcap: hand-made SSH conversations with the cases real sessions rarely show, for
comparing Dorsal's SSH dissector with tshark 4.0.17 (make_oracle.sh). Deterministic: the same bytes
on every run. Each TCP connection is one theme:

  1  curve25519 + aes128-ctr: a KEXINIT over three segments, several messages per segment, ECDSA
     host key, encrypted packets under tshark's all-zero keys (which tshark then decrypts), two in
     one segment and one split over two segments (encrypted packets are not reassembled)
  2  DH group exchange (RFC 4419) with an RSA host key: request, group, init, reply; tshark never
     picks ciphers after a group exchange, so the packets stay "Encrypted packet (len=N)"
  3  the old group exchange request (code 30) under diffie-hellman-group-exchange-sha1
  4  DH group 14 with a DSA host key, ChaCha20-Poly1305 records tshark can decrypt and one it cannot
  5  a method tshark does not know (read as Diffie-Hellman), invalid key lengths, unknown host key
     and signature types, AES-GCM records decrypting to user authentication and connection messages
  6  KEXINIT oddities (first_kex_packet_follows, non-ASCII and NUL in name-lists, no common method),
     a padding longer than its packet, unknown codes, then a bogus packet length TCP waits on forever
  7  packets cut by the snapshot length
  8  SSH-1: version 1.5 lines and SSH-1 packets
  9  version lines: one without its newline yet, a banner before the server's line, SSH-1.99,
     lowercase "ssh-", control and non-ASCII bytes
 10  TCP port 29418 over IPv6, 3des-cbc (not decrypted) with umac-64-etm, encrypted packets of 3 to
     5 bytes (malformed only where tshark builds a tree), a reply missing from the capture
 11  a capture that starts after the version exchange: every packet is "Encrypted packet"

Zero-key encryption needs the "cryptography" package. usage: make_ssh_crafted.py (writes beside itself)
"""
import hashlib
import hmac
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

HERE = os.path.dirname(os.path.abspath(__file__))


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


class Pcap:
    def __init__(self):
        self.frames = []
        self.t = 1700000000.0

    def add(self, frame, caplen=None):
        self.t += 0.001
        self.frames.append((self.t, frame, caplen))

    def write(self, path):
        with open(path, 'wb') as f:
            f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
            for t, fr, caplen in self.frames:
                cap = fr if caplen is None else fr[:caplen]
                sec = int(t)
                usec = int(round((t - sec) * 1e6))
                f.write(struct.pack('<IIII', sec, usec, len(cap), len(fr)))
                f.write(cap)


class Conn:
    """One TCP connection between client (side 0) and server (side 1), with a handshake."""

    def __init__(self, pcap, cport, sport=22, v6=False, handshake=True):
        self.p = pcap
        self.v6 = v6
        if v6:
            self.ip = {0: bytes(15) + b'\x01', 1: bytes(15) + b'\x02'}
        else:
            self.ip = {0: bytes([10, 0, 0, 1]), 1: bytes([10, 0, 0, 2])}
        self.port = {0: cport, 1: sport}
        # Numbered in order of first appearance, as relabel_macs.py would number them.
        self.mac = {0: b'\x0a\0\0\0\0\x02', 1: b'\x0a\0\0\0\0\x01'}
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
        self.seg(side, payload, 0x18, caplen)


def u32(n):
    return struct.pack('!I', n)


def sstr(b):
    if isinstance(b, str):
        b = b.encode()
    return u32(len(b)) + b


def code(c):
    return bytes([c])


def packet(payload, block=8, padlen=None):
    """An SSH binary packet in clear (RFC 4253 section 6)."""
    if padlen is None:
        padlen = block - ((5 + len(payload)) % block)
        if padlen < 4:
            padlen += block
    body = bytes([padlen]) + payload + bytes(padlen)
    return u32(len(body)) + body


def aead_packet(payload):
    """A packet padded as for AES-GCM and ChaCha20 (the length word is not part of the blocks)."""
    padlen = 16 - ((1 + len(payload)) % 16)
    if padlen < 4:
        padlen += 16
    body = bytes([padlen]) + payload + bytes(padlen)
    return u32(len(body)) + body


def kexinit(cookie=bytes(range(16)), follows=0, **lists):
    names = dict(kex='curve25519-sha256', hostkey='ssh-ed25519', enc_cs='aes128-ctr', enc_sc='aes128-ctr',
                 mac_cs='hmac-sha2-256', mac_sc='hmac-sha2-256', comp_cs='none', comp_sc='none', lang_cs='',
                 lang_sc='')
    names.update(lists)
    p = code(20) + cookie
    for n in ['kex', 'hostkey', 'enc_cs', 'enc_sc', 'mac_cs', 'mac_sc', 'comp_cs', 'comp_sc', 'lang_cs', 'lang_sc']:
        p += sstr(names[n])
    return packet(p + bytes([follows]) + u32(0))


# Host keys and signatures (the key material is filler: only the framing matters here).
ED_KEY = sstr(sstr('ssh-ed25519') + sstr(bytes(range(32))))
ED_SIG = sstr(sstr('ssh-ed25519') + sstr(bytes(64)))
ECDSA_KEY = sstr(sstr('ecdsa-sha2-nistp256') + sstr('nistp256') + sstr(b'\x04' + bytes(range(64))))
ECDSA_SIG = sstr(sstr('ecdsa-sha2-nistp256') + sstr(sstr(b'\x01' * 32) + sstr(b'\x02' * 32)))
RSA_KEY = sstr(sstr('ssh-rsa') + sstr(b'\x01\x00\x01') + sstr(b'\x00' + b'\xc3' * 64))
RSA_SIG = sstr(sstr('ssh-rsa') + sstr(b'\x5a' * 64))
DSS_KEY = sstr(sstr('ssh-dss') + sstr(b'\x00' + b'\x11' * 32) + sstr(b'\x22' * 20) + sstr(b'\x33' * 32)
               + sstr(b'\x44' * 32))
DSS_SIG = sstr(sstr('ssh-dss') + sstr(b'\x55' * 40))


class Ctr:
    def __init__(self, keylen):
        self.e = Cipher(algorithms.AES(bytes(keylen)), modes.CTR(bytes(16))).encryptor()

    def seal(self, seq, pkt):
        return self.e.update(pkt) + hmac.new(bytes(32), u32(seq) + pkt, hashlib.sha256).digest()


class Gcm:
    def __init__(self, keylen):
        self.key = bytes(keylen)
        self.iv = bytearray(12)

    def seal(self, pkt):
        out = AESGCM(self.key).encrypt(bytes(self.iv), pkt[4:], pkt[:4])
        i = 12
        while True:
            i -= 1
            self.iv[i] = (self.iv[i] + 1) & 0xff
            if not (i > 4 and self.iv[i] == 0):
                break
        return pkt[:4] + out


def chacha(seq, counter, data):
    nonce = struct.pack('<I', counter) + bytes(4) + struct.pack('>Q', seq)
    stream = Cipher(algorithms.ChaCha20(bytes(32), nonce), mode=None).encryptor().update(bytes(len(data)))
    return bytes(a ^ b for a, b in zip(data, stream))


def chacha_seal(seq, pkt):
    return chacha(seq, 0, pkt[:4]) + chacha(seq, 1, pkt[4:]) + bytes(16)


def main():
    p = Pcap()

    # 1: curve25519 + aes128-ctr, framing across and within segments
    c = Conn(p, 40001)
    ki = kexinit(hostkey='ecdsa-sha2-nistp256')
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n' + ki[:30])
    c.send(0, ki[30:100])
    c.send(0, ki[100:])
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n' + ki)
    c.send(0, packet(code(30) + sstr(bytes(range(32)))) + packet(code(2) + sstr('ignore me')) + packet(code(40) + b'x'))
    enc = Ctr(16)
    c.send(1, packet(code(31) + ECDSA_KEY + sstr(bytes(range(32, 64))) + ECDSA_SIG) + packet(code(21))
           + enc.seal(2, packet(code(7) + u32(1) + sstr('server-sig-algs') + sstr('ssh-ed25519'), 16)))
    cenc = Ctr(16)
    c.send(0, packet(code(21)) + cenc.seal(3, packet(code(5) + sstr('ssh-userauth'), 16)))
    c.send(0, cenc.seal(4, packet(code(50) + sstr('alice') + sstr('ssh-connection') + sstr('none'), 16))
           + cenc.seal(5, packet(code(2) + sstr('two in one'), 16)))
    long = cenc.seal(6, packet(code(94) + u32(0) + sstr('a channel data packet split over two segments'), 16))
    c.send(0, long[:40])
    c.send(0, long[40:])

    # 2: DH group exchange, RSA host key
    c = Conn(p, 40002)
    ki = kexinit(kex='diffie-hellman-group-exchange-sha256', hostkey='ssh-rsa', enc_cs='aes256-gcm@openssh.com',
                 enc_sc='aes256-gcm@openssh.com')
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n')
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n')
    c.send(0, ki)
    c.send(1, ki)
    c.send(0, packet(code(34) + u32(2048) + u32(3072) + u32(8192)))
    c.send(1, packet(code(31) + sstr(b'\x00' + b'\xff' * 48) + sstr(b'\x02')))
    c.send(0, packet(code(32) + sstr(b'\x4e' * 48)))
    c.send(1, packet(code(33) + RSA_KEY + sstr(b'\x6f' * 48) + RSA_SIG) + packet(code(21)) + bytes(range(60)))
    c.send(0, packet(code(21)))
    c.send(0, bytes(range(100, 164)))

    # 3: the old group exchange request
    c = Conn(p, 40003)
    ki = kexinit(kex='diffie-hellman-group-exchange-sha1')
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n' + ki)
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n' + ki)
    c.send(0, packet(code(30) + u32(4096)))
    c.send(1, packet(code(31) + sstr(b'\x7f' * 16) + sstr(b'\x05')))

    # 4: DH group 14, DSA host key, ChaCha20-Poly1305
    c = Conn(p, 40004)
    ki = kexinit(kex='diffie-hellman-group14-sha256', hostkey='ssh-dss', enc_cs='chacha20-poly1305@openssh.com',
                 enc_sc='chacha20-poly1305@openssh.com')
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n' + ki)
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n' + ki)
    c.send(0, packet(code(30) + sstr(b'\x01' + bytes(31))))
    c.send(1, packet(code(31) + DSS_KEY + sstr(b'\x02' * 32) + DSS_SIG) + packet(code(21)))
    c.send(0, packet(code(21)) + chacha_seal(3, aead_packet(code(5) + sstr('ssh-userauth'))))
    c.send(1, chacha_seal(3, aead_packet(code(6) + sstr('ssh-userauth')))
           + chacha_seal(4, aead_packet(code(53) + sstr('Welcome!\r\n') + sstr(''))))
    c.send(0, bytes(range(200, 248)))

    # 5: unknown method, invalid keys, unknown key types, AES-GCM noise and messages
    c = Conn(p, 40005)
    ki = kexinit(kex='sntrup761x25519-sha512@openssh.com', enc_cs='aes256-gcm@openssh.com',
                 enc_sc='aes256-gcm@openssh.com')
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n' + ki)
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n' + ki)
    c.send(0, packet(code(30) + sstr(b'')))
    odd_key = sstr(sstr('x-custom-key@example.com') + b'opaque key bytes')
    odd_sig = sstr(sstr('x-custom-sig@example.com') + b'opaque signature')
    c.send(1, packet(code(31) + odd_key + sstr(b'\x03' * 600) + odd_sig) + packet(code(21)))
    g = Gcm(32)
    msgs = [
        code(50) + sstr('alice') + sstr('ssh-connection') + sstr('password') + code(1) + sstr('old') + sstr('new'),
        code(51) + sstr('publickey,password') + code(1),
        code(90) + sstr('session') + u32(0) + u32(2097152) + u32(32768),
        code(98) + u32(0) + sstr('exit-status') + code(0) + u32(1),
        code(98) + u32(0) + sstr('subsystem') + code(1) + sstr('x-not-sftp'),
        code(1) + u32(11) + sstr('by application') + sstr('en'),
        code(4) + code(1) + sstr('d\xe9bogage'.encode()) + sstr(''),
        code(80) + sstr('hostkeys-00@openssh.com') + code(0) + ED_KEY + ED_KEY,
        code(60) + sstr('rsa-sha2-512') + RSA_KEY,
        code(50) + sstr('bob') + sstr('ssh-connection') + sstr('publickey') + code(1) + sstr('ssh-ed25519')
        + ED_KEY + ED_SIG,
        code(0) + bytes(4), code(25), code(35) + bytes(2), code(130) + b'client', code(250) + b'local',
        code(94) + u32(0) + u32(100000) + b'short',
    ]
    c.send(0, packet(code(21)))
    for m in msgs:
        c.send(0, g.seal(aead_packet(m)))
    c.send(0, u32(32) + bytes(range(48)))

    # 6: KEXINIT oddities, bad framing, then a bogus length
    c = Conn(p, 40006)
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n')
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n')
    c.send(0, kexinit(follows=1, kex='x-first,curve25519-sha256', hostkey='ssh-\xe9d25519'.encode('latin1'),
                      enc_cs=b'aes128-ctr\x00junk', lang_cs='en', comp_sc=''))
    c.send(1, kexinit(kex='x-other', mac_cs='', mac_sc='hmac-md5,none'))
    c.send(0, packet(code(30) + sstr(bytes(8))) + packet(code(31) + sstr(bytes(8))) + packet(code(199)))
    c.send(0, u32(12) + bytes([200]) + code(2) + bytes(10))
    c.send(0, u32(0x12345678) + bytes(20))
    c.send(0, packet(code(2) + sstr('swallowed by the reassembly that never completes')))

    # 7: cut by the snapshot length
    c = Conn(p, 40007)
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n')
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n')
    c.send(0, kexinit(), caplen=54 + 40)
    c.send(1, kexinit() + packet(code(2) + sstr('after the cut')), caplen=54 + 200)
    c.send(0, packet(code(30) + sstr(bytes(32))), caplen=54 + 12)

    # 8: SSH-1
    c = Conn(p, 40008)
    c.send(1, b'SSH-1.5-CraftedServer\n')
    c.send(0, b'SSH-1.5-Crafted\n')
    c.send(1, u32(20) + bytes(4) + code(2) + bytes(range(19)))
    c.send(0, u32(9) + bytes(7) + code(3) + bytes(8) + u32(2) + bytes(6) + code(4) + b'x')
    c.send(1, u32(12) + bytes(4) + bytes(range(12)))
    c.send(0, u32(0x20000) + bytes(20))

    # 9: version lines
    c = Conn(p, 40009)
    c.send(0, b'SSH-2.0-Without')
    c.send(0, b'_its_newline_yet\r\n')
    c.send(1, b'Hello, this is a banner\r\nSSH-2.0-CraftedServer\r\n')
    c = Conn(p, 40010)
    c.send(0, b'ssh-1.99-Lower\n' + kexinit())
    c.send(1, b'SSH-2.0-Ctl\x01and-\xc3\xbcml\xe4ut\r\n')
    c.send(1, kexinit())

    # 10: port 29418 over IPv6, 3des-cbc, encrypt-then-MAC, a reply missing
    c = Conn(p, 40011, sport=29418, v6=True)
    ki = kexinit(enc_cs='3des-cbc', enc_sc='3des-cbc', mac_cs='umac-64-etm@openssh.com',
                 mac_sc='umac-64-etm@openssh.com', comp_cs='zlib@openssh.com,none', comp_sc='zlib@openssh.com,none')
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n' + ki)
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n' + ki)
    c.send(0, packet(code(30) + sstr(bytes(32))))
    c.send(1, packet(code(31) + ED_KEY + sstr(bytes(32)) + ED_SIG) + packet(code(21)) + bytes(44))
    c.send(0, packet(code(21)) + bytes(3))
    c.send(0, bytes(4))
    c.send(0, bytes(5))
    c.send(0, bytes(range(24)))
    c = Conn(p, 40012, sport=29418, v6=True)
    c.send(0, b'SSH-2.0-Crafted_1.0\r\n' + ki)
    c.send(1, b'SSH-2.0-CraftedServer_1.0\r\n' + ki)
    c.send(0, packet(code(30) + sstr(bytes(32))))
    c.send(1, packet(code(21)))
    c.send(0, packet(code(21)) + bytes(range(40)))

    # 11: joined after the version exchange
    c = Conn(p, 40013, handshake=False)
    c.send(0, bytes(range(64)))
    c.send(1, kexinit())

    p.write(os.path.join(HERE, 'ssh_crafted.pcap'))


if __name__ == '__main__':
    main()
