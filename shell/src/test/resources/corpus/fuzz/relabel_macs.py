#!/usr/bin/env python3
"""Rewrites the Ethernet addresses of a pcap (link type 1) in place to locally administered ones
(0a:00:00:00:00:NN, numbered by first appearance, 0b:… for group addresses; broadcast and IP
multicast addresses are kept), so
tshark's names for them do not depend on the vendor tables of a Wireshark installation (the tests
run Dorsal without those tables). usage: relabel_macs.py FILE..."""
import struct
import sys

for path in sys.argv[1:]:
    data = bytearray(open(path, 'rb').read())
    magic = data[:4]
    endian = '<' if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
    if struct.unpack(endian + 'I', data[20:24])[0] != 1:
        continue
    names = {}
    pos = 24
    while pos + 16 <= len(data):
        caplen = struct.unpack(endian + 'I', data[pos + 8:pos + 12])[0]
        frame = pos + 16
        offsets = [0, 6]
        if caplen >= 14 + 8 and data[frame + 12:frame + 14] == b'\x08\x06':
            hwlen = data[frame + 14 + 4]
            offsets += [14 + 8, 14 + 8 + hwlen + data[frame + 14 + 5]] if hwlen == 6 else []
        for off in offsets:
            if off + 6 <= caplen:
                mac = bytes(data[frame + off:frame + off + 6])
                if mac == b'\xff' * 6 or mac[:3] == b'\x01\x00\x5e' or mac[:2] == b'\x33\x33':
                    continue  # Broadcast and IP multicast: names of their own, not vendor names
                new = names.setdefault(mac, bytes([0x0a | (mac[0] & 1), 0, 0, 0, 0, len(names) + 1]))
                data[frame + off:frame + off + 6] = new
        pos = frame + caplen
    open(path, 'wb').write(data)
