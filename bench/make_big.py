#!/usr/bin/env python3
"""Builds a ~1,000,000-packet benchmark capture from the corpus's real loopback captures.

Each copy of the base captures gets its own IPv4 addresses (127.0.0.1 -> 127.A.B.1, others
shifted the same way) so every copy is a separate set of TCP/UDP conversations, and its timestamps
continue after the previous copy. IPv4 header checksums are recomputed; TCP/UDP checksums are left
as recorded (loopback captures carry unverified ones, and neither tshark nor Dorsal checks them by
default). IPv6 and ARP frames are copied as they are.

usage: make_big.py OUT.pcap [PACKETS] [CAPTURE.pcap ...]
"""
import glob
import os
import struct
import sys

DEFAULT_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "captures")


def read_pcap(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        endian = "<"
    elif magic == b"\xa1\xb2\xc3\xd4":
        endian = ">"
    else:
        raise SystemExit(f"{path}: only microsecond pcap files are used as a base")
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    if linktype != 1:
        return []
    frames, off = [], 24
    while off + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack(endian + "IIII", data[off:off + 16])
        off += 16
        frames.append((sec * 1_000_000 + usec, orig, bytearray(data[off:off + incl])))
        off += incl
    return frames


def ip_checksum(header):
    total = 0
    for i in range(0, len(header), 2):
        total += (header[i] << 8) | header[i + 1]
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return (~total) & 0xFFFF


def rewrite(frame, copy):
    """Moves every 127.x.y.z address of an IPv4 frame into copy's own 127.A.B.z block."""
    if len(frame) < 34 or frame[12:14] != b"\x08\x00":
        return frame
    ihl = (frame[14] & 0x0F) * 4
    if frame[26] != 127 and frame[30] != 127:
        return frame
    a, b = (copy >> 8) & 0xFF, copy & 0xFF
    for base in (26, 30):
        if frame[base] == 127:
            frame[base + 1] = a
            frame[base + 2] = (frame[base + 2] + b) & 0xFF
    frame[24:26] = b"\x00\x00"
    frame[24:26] = struct.pack(">H", ip_checksum(frame[14:14 + ihl]))
    return frame


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    out = sys.argv[1]
    target = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    inputs = sys.argv[3:] or sorted(glob.glob(os.path.join(DEFAULT_DIR, "*.pcap")))
    base = []
    for path in inputs:
        frames = read_pcap(path)
        if not frames:
            continue
        start = frames[0][0]
        # Each base capture keeps its own inter-packet gaps; captures follow each other 1 ms apart.
        offset = (base[-1][0] + 1000) if base else 0
        base.extend((offset + ts - start, orig, data) for ts, orig, data in frames)
    if not base:
        raise SystemExit("no Ethernet pcap base captures found")
    span = base[-1][0] + 1000
    t0 = 1_795_000_000 * 1_000_000
    written = 0
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        copy = 0
        while written < target:
            for ts, orig, data in base:
                if written >= target:
                    break
                frame = rewrite(bytearray(data), copy)
                t = t0 + copy * span + ts
                f.write(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(frame), orig))
                f.write(frame)
                written += 1
            copy += 1
    print(f"{out}: {written} packets from {len(base)} base frames, {copy} copies, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
