#!/usr/bin/env python3
"""Writes http_images_crafted.pcap: HTTP responses whose bodies go to the GIF, JPEG/JFIF and PNG
dissectors by media type, one TCP connection each (a handshake, a GET, the response in 1400-byte
segments). The bodies cover what those dissectors decide on: GIF87a/89a with and without color
maps, every extension label and an unknown one, local color maps, unknown block bytes, a truncated
image; PNG with each decoded chunk type (IHDR, tEXt with and without its NUL, tIME, pHYs, bKGD in
its three sizes, cHRM, gAMA, sRGB; Latin-1 text), unknown chunks and a chunk longer than the body; JPEG with JFIF
APP0 (and a thumbnail), Exif APP1 in both byte orders with IFD0, Exif, GPS and interoperability
directories and every value type, FlashPix APP2, frame/scan headers, comments (one with a byte
from 0x80 up, read as ASCII), fill bytes,
restart markers, data after EOI and a segment longer than the body; and bodies each dissector
declines (too short, wrong signature, a first segment that is neither JFIF nor Exif), which tshark
then shows as Media Type with an "HTTP body subdissector failed" note.

usage: make_http_images.py  (writes the file beside this script)
"""
import os
import struct
import zlib


def frame(src, dst, sport, dport, seq, ack, flags, payload):
    tcp = struct.pack('>HHIIBBHHH', sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 1, 0, 64, 6, 0, bytes(src), bytes(dst))
    s = sum(struct.unpack('>10H', ip))
    s = (s & 0xffff) + (s >> 16)
    s = (s & 0xffff) + (s >> 16)
    ip = ip[:10] + struct.pack('>H', (~s) & 0xffff) + ip[12:]
    return bytes.fromhex('020000000002020000000001') + b'\x08\x00' + ip + tcp


def capture(bodies, segment=1400):
    client, server = [10, 0, 0, 1], [10, 0, 0, 2]
    frames = []
    for i, (ctype, body) in enumerate(bodies):
        port, cseq, sseq = 40000 + i, 1000, 5000
        frames += [frame(client, server, port, 80, cseq, 0, 0x02, b''),
                   frame(server, client, 80, port, sseq, cseq + 1, 0x12, b''),
                   frame(client, server, port, 80, cseq + 1, sseq + 1, 0x10, b'')]
        req = b'GET /img%d HTTP/1.1\r\nHost: images.test\r\n\r\n' % i
        frames.append(frame(client, server, port, 80, cseq + 1, sseq + 1, 0x18, req))
        resp = (b'HTTP/1.1 200 OK\r\nContent-Type: ' + ctype.encode() + b'\r\nContent-Length: %d\r\n\r\n' % len(body)
                + body)
        seq = sseq + 1
        for k in range(0, len(resp), segment):
            part = resp[k:k + segment]
            last = k + segment >= len(resp)
            frames.append(frame(server, client, 80, port, seq, cseq + 1 + len(req), 0x18 if last else 0x10, part))
            seq += len(part)
    out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)
    for n, f in enumerate(frames):
        out += struct.pack('<IIII', 1700000000 + n, 0, len(f), len(f)) + f
    return out


H = bytes.fromhex
GIF_SCREEN = H('47494638396101000100')


def gifs():
    return [
        H('474946383761010001008000000000ffffff2c000000000100010000020244010' '03b'),
        GIF_SCREEN + H('f70000') + bytes(768) + H('3b'),
        GIF_SCREEN + H('800000000000ffffff21f90401000000002c00000000010001000002024401003b'),
        GIF_SCREEN + H('000500') + H('21fe03414243002c0000000001000100') + H('81000000ffffff02024401003b'),
        GIF_SCREEN + H('00000021ff0b4e45545343415045322e3003010000003b'),
        GIF_SCREEN + H('000000210104410042430000') + H('3b'),
        GIF_SCREEN + H('000000217704410042430000') + H('3b'),
        GIF_SCREEN + H('0000002c00000000010001004002024401003b'),
        GIF_SCREEN + H('0000002c000000000100010000'),
        GIF_SCREEN + H('800000000000ffffff3b'),
        GIF_SCREEN + H('800000000000ffffff'),
        H('474946383861') + H('010001000000002c0000000001000100') + H('3b'),
    ]


def chunk(ctype, data, crc=None):
    value = zlib.crc32(ctype + data) & 0xffffffff if crc is None else crc
    return struct.pack('>I', len(data)) + ctype + data + struct.pack('>I', value)


def pngs():
    sig = b'\x89PNG\r\n\x1a\n'
    ihdr = chunk(b'IHDR', struct.pack('>IIBBBBB', 640, 480, 8, 6, 0, 0, 1))
    many = [(b'PLTE', b'\x00\x00\x00\xff\xff\xff'), (b'gAMA', struct.pack('>I', 45455)),
            (b'cHRM', struct.pack('>8I', 31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000)),
            (b'sRGB', b'\x00'), (b'iCCP', b'icc\x00\x00xx'), (b'tIME', struct.pack('>HBBBBB', 2024, 2, 29, 13, 5, 9)),
            (b'pHYs', struct.pack('>IIB', 2835, 2835, 1)), (b'bKGD', struct.pack('>HHH', 1, 2, 3)),
            (b'zTXt', b'Title\x00\x00xx'), (b'iTXt', b'Title\x00\x00\x00en\x00T\x00hi'), (b'tRNS', b'\x00\x01'),
            (b'sBIT', b'\x08\x08\x08'), (b'abCD', b'\x01\x02'), (b'IDAT', zlib.compress(b'\x00\xff\x00\x00')),
            (b'tEXt', b'Comment\x00hello'), (b'tEXt', b'NoNul'), (b'tEXt', b'Caf\xe9\x00cr\xe8me')]
    return [
        sig + ihdr + b''.join(chunk(t, d) for t, d in many) + chunk(b'IEND', b'', crc=0x12345678),
        sig + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 1, 0, 1, 1, 2)) + chunk(b'bKGD', b'\x05')
        + chunk(b'bKGD', b'\x00\x07') + chunk(b'sRGB', b'\x03') + chunk(b'pHYs', struct.pack('>IIB', 1, 1, 0))
        + chunk(b'IEND', b''),
        sig + chunk(b'IEND', b''),
        sig + chunk(b'IEND', b'') + b'\x00\x00',
        sig + b'\x00\x00',
        sig + chunk(b'IHDR', bytes(13))[:-6],
        b'\x89PNx\r\n\x1a\n' + chunk(b'IEND', b''),
    ]


def segment(marker, data):
    return bytes([0xff, marker]) + struct.pack('>H', len(data) + 2) + data


def ifd(entries, next_offset, pack):
    out = pack('H', len(entries))
    for tag, kind, count, value in entries:
        out += pack('HHI', tag, kind, count) + value
    return out + pack('I', next_offset)


def exif(order):
    """A TIFF structure: IFD0 (Make, Orientation, XResolution, pointers), Exif, GPS and interop IFDs."""
    def pack(fmt, *v):
        return struct.pack(order + fmt, *v)
    make = b'Canon\x00'
    date = b'2024:01:01 10:00:00\x00'
    ifd0_at, n0 = 8, 6
    data_at = ifd0_at + 2 + 12 * n0 + 4
    exif_at = data_at + len(make) + 8
    n1 = 6
    exif_data = exif_at + 2 + 12 * n1 + 4
    gps_at = exif_data + len(date) + 16 + 8
    interop_at = gps_at + 2 + 12 + 4
    ifd0 = ifd([(0x010f, 2, len(make), pack('I', data_at)), (0x0112, 3, 1, pack('HH', 1, 0)),
                (0x011a, 5, 1, pack('I', data_at + len(make))), (0x8769, 4, 1, pack('I', exif_at)),
                (0x8825, 4, 1, pack('I', gps_at)), (0xa005, 4, 1, pack('I', interop_at))], 0, pack)
    exif_ifd = ifd([(0x9003, 2, len(date), pack('I', exif_data)), (0xa002, 4, 1, pack('I', 640)),
                    (0x9201, 10, 2, pack('I', exif_data + len(date))), (0x9000, 7, 4, b'0230'),
                    (0x8827, 3, 2, pack('HH', 100, 200)), (0xa20e, 9, 1, pack('i', -5))], 0, pack)
    srational = pack('ii', -1, 3) + pack('ii', 7, -2)
    gps = ifd([(0x0000, 1, 4, b'\x02\x02\x00\x00')], 0, pack)
    interop = ifd([(0x0001, 2, 4, b'R98\x00')], 0, pack)
    return (b'II' if order == '<' else b'MM') + pack('H', 42) + pack('I', ifd0_at) + ifd0 + make \
        + pack('II', 72, 1) + exif_ifd + date + srational + pack('II', 1, 1) + gps + interop


def jpegs():
    soi, eoi = b'\xff\xd8', b'\xff\xd9'
    app0 = segment(0xe0, b'JFIF\x00' + bytes([1, 2, 1]) + struct.pack('>HH', 72, 72) + bytes([0, 0]))
    thumb = segment(0xe0, b'JFIF\x00' + bytes([1, 1, 2]) + struct.pack('>HH', 1, 1) + bytes([1, 1]) + b'\x01\x02\x03')
    sof = segment(0xc0, b'\x08\x00\x10\x00\x20\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01')
    sos = segment(0xda, b'\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00')
    return [
        soi + app0 + segment(0xdb, bytes(65)) + sof + segment(0xc4, bytes(29)) + sos
        + b'\x12\xff\x00\x34\xff\xd0\x56\x78' + eoi,
        soi + app0 + segment(0xe1, b'Exif\x00\x00' + exif('>')) + segment(0xfe, b'hello comment') + eoi,
        soi + segment(0xe1, b'Exif\x00\x00' + exif('<')) + eoi,
        soi + thumb + segment(0xe2, b'FPXR\x00\x00abc') + segment(0xe2, b'ICC_PROFILE\x00\x01\x01')
        + segment(0xee, b'Adobe') + b'\xff\xff\xff' + segment(0xfe, b'x\x00y') + segment(0xfe, b'caf\xe9 ok\x00\xe9')
        + segment(0xdd, b'\x00\x10') + eoi + b'\x00\x01',
        soi + app0 + segment(0xe1, b'Exif\x00\x00XX*\x00') + segment(0xe1, b'http://ns.adobe.com/xap/1.0/\x00<x/>') + eoi,
        soi + app0 + segment(0xc2, b'\x08\x00\x01'),
        soi + app0 + segment(0xdb, bytes(10))[:8],
        soi + segment(0xe0, b'XXXX\x00abc' + bytes(12)) + eoi,
        soi + segment(0xdb, bytes(20)) + eoi,
        soi + segment(0xe0, b'JFIF\x00\x01\x01') + eoi,
    ]


def main():
    bodies = [('image/gif', b) for b in gifs()] + [('image/png', b) for b in pngs()]
    bodies += [('image/jpeg', b) for b in jpegs()]
    bodies += [('image/pjpeg', jpegs()[0]), ('image/jpg', jpegs()[1])]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'http_images_crafted.pcap'), 'wb') as f:
        f.write(capture(bodies))


if __name__ == '__main__':
    main()
