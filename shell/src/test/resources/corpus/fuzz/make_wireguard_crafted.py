#!/usr/bin/env python3
"""Writes wireguard_crafted.pcap: WireGuard over UDP as tshark's heuristic finds it (any port):
handshake initiations and responses that pair into sessions, over IPv4 and IPv6, on port 51820 and
others; transport data of several sizes and keepalives (no payload) in both directions of a
session and for unknown receivers; cookie replies; a handshake retried; answers and data sent
to or from other addresses and ports (which session they belong to, peers that roam); reserved
bytes set, inside and outside a conversation an initiation made WireGuard's; and packets the
heuristic declines: wrong lengths for their type, reserved bytes set, unknown types, too short.

It also writes wireguard_snap80.pcap, the same packets cut by a snap length of 80 bytes: handshakes
cut short (which still make their conversation WireGuard's), transport data with less than its tag
or exactly its tag captured.

usage: make_wireguard_crafted.py  (writes the files beside this script)
"""
import os
import struct

MACS = bytes.fromhex('020000000002' + '020000000001')
A4, B4, C4 = bytes([10, 9, 0, 1]), bytes([10, 9, 0, 2]), bytes([10, 9, 0, 3])
A6 = bytes.fromhex('20010db8000000000000000000000001')
B6 = bytes.fromhex('20010db8000000000000000000000002')


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('>%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def udp4(src, dst, sport, dport, payload):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack('>BBH', 0, 17, len(udp))
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 7, 0, 64, 17, 0, src, dst)
    ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
    return MACS + b'\x08\x00' + ip + udp


def udp6(src, dst, sport, dport, payload):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack('>I', len(udp)) + b'\0\0\0\x11'
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip6 = struct.pack('>IHBB', 0x60000000, len(udp), 17, 64) + src + dst
    return MACS + b'\x86\xdd' + ip6 + udp


def fill(n, seed):
    return bytes((i * 31 + seed * 7 + 3) & 0xff for i in range(n))


def initiation(sender, seed=1, mac2=bytes(16), reserved=b'\0\0\0'):
    return b'\x01' + reserved + struct.pack('<I', sender) + fill(32, seed) + fill(48, seed + 1) + \
        fill(28, seed + 2) + fill(16, seed + 3) + mac2


def response(sender, receiver, seed=5, mac2=bytes(16)):
    return b'\x02\0\0\0' + struct.pack('<II', sender, receiver) + fill(32, seed) + fill(16, seed + 1) + \
        fill(16, seed + 2) + mac2


def cookie(receiver, seed=9):
    return b'\x03\0\0\0' + struct.pack('<I', receiver) + fill(24, seed) + fill(32, seed + 1)


def data(receiver, counter, n):
    return b'\x04\0\0\0' + struct.pack('<IQ', receiver, counter) + fill(n + 16, counter)


def packets():
    # a session over IPv4 on 51820: initiation, response, data both ways, a keepalive
    yield udp4(A4, B4, 43462, 51820, initiation(0x30d037d8))
    yield udp4(B4, A4, 51820, 43462, response(0xab7df406, 0x30d037d8))
    yield udp4(A4, B4, 43462, 51820, data(0xab7df406, 0, 96))
    yield udp4(B4, A4, 51820, 43462, data(0x30d037d8, 0, 64))
    yield udp4(A4, B4, 43462, 51820, data(0xab7df406, 1, 0))
    yield udp4(B4, A4, 51820, 43462, data(0x30d037d8, 0xffffffffffffffff, 16))
    # a session on other ports over IPv6, a MAC2 set, a cookie reply to the initiator
    yield udp6(A6, B6, 40000, 40001, initiation(0x11223344, seed=3, mac2=fill(16, 8)))
    yield udp6(B6, A6, 40001, 40000, cookie(0x11223344))
    yield udp6(A6, B6, 40000, 40001, initiation(0x11223345, seed=4, mac2=fill(16, 9)))
    yield udp6(B6, A6, 40001, 40000, response(0x55667788, 0x11223345))
    yield udp6(A6, B6, 40000, 40001, data(0x55667788, 0, 32))
    # a response nobody asked for, data and a cookie for unknown receivers
    yield udp4(C4, B4, 1000, 2000, response(0x01020304, 0x0a0b0c0d))
    yield udp4(C4, B4, 1000, 2000, data(0x99999999, 5, 8))
    yield udp4(C4, B4, 1000, 2000, cookie(0x0a0b0c0d))
    # an initiation retried, then answered; the same sender from another address
    yield udp4(C4, A4, 33000, 51820, initiation(0x77777777, seed=6))
    yield udp4(C4, A4, 33000, 51820, initiation(0x77777777, seed=7))
    yield udp4(A4, C4, 51820, 33000, response(0x88888888, 0x77777777))
    yield udp4(B4, A4, 33001, 51820, initiation(0x77777777, seed=8))
    yield udp4(A4, C4, 51820, 33000, data(0x77777777, 2, 48))
    # the first session again after the others
    yield udp4(A4, B4, 43462, 51820, data(0xab7df406, 2, 80))
    # which session an answer or data belongs to: the initiator's address and port decide, the latest
    # matching session of the index wins, one answer per initiation, peers roam on transport data
    D4 = bytes([10, 9, 0, 4])
    yield udp4(A4, B4, 41111, 51820, initiation(0x100))
    yield udp4(C4, B4, 42223, 51820, initiation(0x100))
    yield udp4(B4, A4, 51820, 41111, response(0x200, 0x100))
    yield udp4(B4, C4, 51820, 42223, cookie(0x100))
    yield udp4(B4, C4, 51820, 42223, cookie(0x100))
    yield udp4(B4, C4, 51820, 42223, response(0x300, 0x100))
    yield udp4(A4, B4, 41111, 51820, initiation(0x400))
    yield udp4(B4, D4, 51820, 41111, response(0x500, 0x400))
    yield udp4(B4, A4, 51820, 41112, response(0x501, 0x400))
    yield udp4(D4, A4, 51821, 41111, response(0x502, 0x400))
    yield udp4(A4, D4, 41111, 51821, data(0x502, 0, 16))
    yield udp4(A4, B4, 41111, 51820, data(0x502, 1, 16))
    yield udp4(A4, B4, 41111, 51820, initiation(0x700))
    yield udp4(B4, A4, 51820, 41111, response(0x800, 0x700))
    yield udp4(D4, A4, 51820, 41111, data(0x700, 0, 16))
    yield udp4(B4, A4, 51821, 41111, data(0x700, 1, 16))
    yield udp4(D4, B4, 41111, 51820, data(0x800, 0, 16))
    yield udp4(A4, D4, 41111, 51820, data(0x800, 1, 16))
    yield udp4(A4, B4, 41111, 51820, data(0x700, 2, 16))
    yield udp4(A4, B4, 41111, 51821, data(0x800, 2, 16))
    yield udp4(B4, A4, 51820, 41111, initiation(0x900))
    yield udp4(A4, B4, 41111, 51820, initiation(0x900))
    yield udp4(B4, A4, 51820, 41111, data(0x900, 0, 16))
    yield udp4(A4, B4, 41111, 51820, initiation(0xa00))
    yield udp4(D4, A4, 45555, 41111, cookie(0xa00))
    yield udp4(B4, A4, 51820, 41111, data(0xa00, 0, 16))
    # reserved bytes: the heuristic ignores them in handshake messages, wants them zero in cookie replies
    # and transport data, except in a conversation a handshake initiation made WireGuard's (for a
    # second pass, from the conversation's start)
    nz = lambda b: b[:1] + b'\0\0\1' + b[4:]
    yield udp4(A4, B4, 41130, 51820, nz(data(0x5, 0, 16)))
    yield udp4(A4, B4, 41130, 51820, nz(initiation(0xb00)))
    yield udp4(B4, A4, 51820, 41130, nz(data(0x5, 1, 16)))
    yield udp4(A4, B4, 41130, 51820, nz(cookie(0x555)))
    yield udp4(A4, B4, 41131, 51820, nz(response(0xb01, 0x555)))
    yield udp4(A4, B4, 41131, 51820, nz(data(0x5, 2, 16)))
    yield udp4(A4, B4, 41132, 51820, nz(cookie(0x555)))
    yield udp4(A4, B4, 41130, 51820, b'\x04\0\0\0' + bytes(10))
    # what the heuristic declines: wrong lengths, reserved set, unknown types, too short
    yield udp4(A4, B4, 43462, 51820, initiation(0x12345678)[:147])
    yield udp4(A4, B4, 43462, 51820, initiation(0x12345678) + b'\0')
    yield udp4(A4, B4, 43462, 51820, initiation(0x12345678, reserved=b'\0\0\1'))
    yield udp4(A4, B4, 43462, 51820, response(1, 2)[:91])
    yield udp4(A4, B4, 43462, 51820, cookie(3) + b'\0')
    yield udp4(A4, B4, 43462, 51820, data(4, 0, 0)[:31])
    yield udp4(A4, B4, 43462, 51820, initiation(0x12345679, reserved=b'\xff\xff\xff'))
    yield udp4(A4, B4, 43462, 51820, data(0xab7df406, 3, 0)[:1] + b'\x01\x02\x03' + data(0xab7df406, 3, 0)[4:])
    yield udp4(A4, B4, 43462, 51820, b'\x05\0\0\0' + bytes(28))
    yield udp4(A4, B4, 43462, 51820, b'\x00\0\0\0' + bytes(28))
    yield udp4(A4, B4, 43462, 51820, b'\x04\0\0')
    yield udp4(A4, B4, 43462, 51820, b'\x04\0\0\0')


def write(path, snap=None):
    recs = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
    for i, p in enumerate(packets()):
        cut = p if snap is None else p[:snap]
        recs.append(struct.pack('<IIII', 1700000000 + i, i * 1000, len(cut), len(p)) + cut)
    with open(path, 'wb') as f:
        f.write(b''.join(recs))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write(os.path.join(here, 'wireguard_crafted.pcap'))
    write(os.path.join(here, 'wireguard_snap80.pcap'), snap=80)


if __name__ == '__main__':
    main()
