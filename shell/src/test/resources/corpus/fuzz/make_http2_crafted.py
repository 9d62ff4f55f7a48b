#!/usr/bin/env python3
"""Writes http2_crafted.pcap: cleartext HTTP/2 with prior knowledge on TCP port 80, which tshark 4.0.17
dissects as HTTP/2 without options (HTTP tries its "http" heuristics first, and HTTP/2's takes a
connection that starts with the preface). Frames are built by hand, so every case below is exactly
what it says; make_oracle.sh then records tshark's outputs for it.

Connection A (client port 40100):
  preface; SETTINGS with every known identifier and an unknown one; WINDOW_UPDATE; SETTINGS ACK;
  HEADERS with PRIORITY and PADDED: a dynamic table size update, indexed fields, literals with and
  without indexing and never indexed, indexed and new names, Huffman and plain strings, a query path;
  HEADERS + 2 CONTINUATION (a field cut between two fragments, dynamic table references) for a POST
  whose JSON body comes in two padded DATA frames; responses: text/plain in two DATA frames, a long
  header value (label cut at 240 bytes), an unknown status code, an unknown media type; PUSH_PROMISE
  (padded) and the pushed gzip-encoded response; PRIORITY, RST_STREAM (known and unknown error code),
  PING and its ACK; a HEADERS frame split over three TCP segments (the 9-octet header itself cut);
  an unknown frame type, ALTSVC, ORIGIN, PRIORITY_UPDATE, BLOCKED, GOAWAY with and without debug data;
  malformed frames: SETTINGS of 5 octets (then a good frame in the same segment), WINDOW_UPDATE of 3,
  HEADERS whose padding is longer than the frame.
Connection B (client port 40101): HPACK errors: an index beyond an empty table and a literal whose
  name index is beyond it (tshark shows "<unknown>" and goes on), then bad Huffman padding (the
  client's decoder stops there, and its next block shows nothing); the server sends a block of 201
  fields (tshark shows 200).
Connection C (client port 40102): a PING cut by the capture's snapshot length.

usage: make_http2_crafted.py [OUT]   (default: http2_crafted.pcap beside this script)
"""
import os
import struct
import sys

# RFC 7541 Appendix B: code lengths of symbols 0..256 as chr(ord('a') + length - 5); the code is canonical.
HUFFMAN_LENGTHS = ("isxxxxxxxtzxxzxxxxxxxxzxxxxxxxxxbffhibdgffdgdbbbaaabbbbbbbcdkbhf"
                   "ibccccccccccccccccccccccdcdioijbkabababbbaccbbbabcbaabccccckgjix"
                   "prpprrrsrssssststtrstssssqrsrsstrqprrssqsrrtqrssqqrqsrssprrrsrrs"
                   "vvporsruvvvwwvtuoqvwwvwtqqvvxwwwptpqrqqsrruuttvsvwvvwwwwwxwwwwwv"
                   "z")


def huffman_codes():
    lengths = [ord(c) - ord('a') + 5 for c in HUFFMAN_LENGTHS]
    order = sorted(range(257), key=lambda s: (lengths[s], s))
    codes, code, prev = {}, 0, lengths[order[0]]
    for i, s in enumerate(order):
        if i:
            code = (code + 1) << (lengths[s] - prev)
        prev = lengths[s]
        codes[s] = (code, lengths[s])
    return codes


CODES = huffman_codes()


def huffman(data):
    acc, bits = 0, 0
    for b in data:
        code, n = CODES[b]
        acc, bits = (acc << n) | code, bits + n
    pad = -bits % 8
    acc, bits = (acc << pad) | ((1 << pad) - 1), bits + pad
    return acc.to_bytes(bits // 8, 'big')


def integer(value, prefix, first=0):
    top = (1 << prefix) - 1
    if value < top:
        return bytes([first | value])
    out, value = [first | top], value - top
    while value >= 128:
        out.append((value & 127) | 128)
        value >>= 7
    return bytes(out + [value])


def string(s, huff=False):
    b = s.encode('latin-1') if isinstance(s, str) else s
    if huff:
        b = huffman(b)
        return integer(len(b), 7, 0x80) + b
    return integer(len(b), 7) + b


def indexed(i):
    return integer(i, 7, 0x80)


def incremental(name, value, huff_name=False, huff_value=False):
    """Literal with incremental indexing: name is an index or a new name."""
    if isinstance(name, int):
        return integer(name, 6, 0x40) + string(value, huff_value)
    return b'\x40' + string(name, huff_name) + string(value, huff_value)


def without(name, value, huff_value=False):
    if isinstance(name, int):
        return integer(name, 4) + string(value, huff_value)
    return b'\x00' + string(name) + string(value, huff_value)


def never(name, value, huff_value=False):
    if isinstance(name, int):
        return integer(name, 4, 0x10) + string(value, huff_value)
    return b'\x10' + string(name) + string(value, huff_value)


def size_update(n):
    return integer(n, 5, 0x20)


def frame(ftype, flags, stream, payload):
    return struct.pack('!I', len(payload))[1:] + bytes([ftype, flags]) + struct.pack('!I', stream) + payload


def settings(*pairs):
    return b''.join(struct.pack('!HI', k, v) for k, v in pairs)


DATA, HEADERS, PRIORITY, RST_STREAM, SETTINGS, PUSH_PROMISE, PING, GOAWAY, WINDOW_UPDATE, CONTINUATION = range(10)
END_STREAM, ACK, END_HEADERS, PADDED, PRIO = 0x01, 0x01, 0x04, 0x08, 0x20
PREFACE = b'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'


def checksum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


class Capture:
    """Ethernet/IPv4/TCP frames of several connections, in the order they are sent."""

    def __init__(self):
        self.packets = []
        self.time = 1700000000.0

    def connection(self, client_port):
        return Connection(self, client_port)

    def write(self, path):
        with open(path, 'wb') as f:
            f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
            for t, data, snap in self.packets:
                kept = data if snap is None else data[:snap]
                usec = int(round((t - int(t)) * 1e6))
                f.write(struct.pack('<IIII', int(t), usec, len(kept), len(data)) + kept)


class Connection:
    CLIENT, SERVER = b'\x0a\x00\x00\x01', b'\x0a\x00\x00\x02'
    CLIENT_MAC, SERVER_MAC = b'\x02\x00\x00\x00\x00\x01', b'\x02\x00\x00\x00\x00\x02'

    def __init__(self, capture, client_port):
        self.capture = capture
        self.port = client_port
        self.seq = [client_port * 1000, client_port * 1000 + 500000]
        self.segment(0, b'', 0x02)
        self.segment(1, b'', 0x12)
        self.segment(0, b'', 0x10)

    def segment(self, direction, payload, flags=0x18, snap=None):
        client = direction == 0
        src, dst = (self.CLIENT, self.SERVER) if client else (self.SERVER, self.CLIENT)
        sport, dport = (self.port, 80) if client else (80, self.port)
        ack = self.seq[1 - direction] if flags & 0x10 else 0
        tcp = struct.pack('!HHIIBBHHH', sport, dport, self.seq[direction], ack, 5 << 4, flags, 65535, 0, 0)
        pseudo = src + dst + struct.pack('!BBH', 0, 6, len(tcp) + len(payload))
        tcp = tcp[:16] + struct.pack('!H', checksum(pseudo + tcp + payload)) + tcp[18:]
        ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp) + len(payload), len(self.capture.packets) & 0xffff,
                         0x4000, 64, 6, 0, src, dst)
        ip = ip[:10] + struct.pack('!H', checksum(ip)) + ip[12:]
        eth = (self.SERVER_MAC + self.CLIENT_MAC if client else self.CLIENT_MAC + self.SERVER_MAC) + b'\x08\x00'
        self.seq[direction] = (self.seq[direction] + len(payload) + (1 if flags & 0x03 else 0)) & 0xffffffff
        self.capture.time += 0.001
        self.capture.packets.append((round(self.capture.time, 6), eth + ip + tcp + payload, snap))

    def client(self, payload, snap=None):
        self.segment(0, payload, snap=snap)

    def server(self, payload, snap=None):
        self.segment(1, payload, snap=snap)


def connection_a(cap):
    a = cap.connection(40100)
    a.client(PREFACE + frame(SETTINGS, 0, 0, settings((1, 4096), (2, 1), (3, 100), (4, 65535), (5, 16384),
                                                       (6, 8192), (8, 1), (0x99, 7)))
             + frame(WINDOW_UPDATE, 0, 0, struct.pack('!I', 1 << 20)))
    a.server(frame(SETTINGS, 0, 0, settings((3, 128))) + frame(SETTINGS, ACK, 0, b'')
             + frame(WINDOW_UPDATE, 0, 0, struct.pack('!I', 0x80000000 | 65535)))
    # A GET with every kind of field representation, PRIORITY and padding.
    block = (size_update(256) + indexed(2) + indexed(6)
             + incremental(4, '/index.html?lang=en&q=h2', huff_value=True)
             + incremental(1, 'example.com')
             + incremental('x-custom', 'hello', huff_name=True, huff_value=True)
             + without(58, 'crafter/1.0') + never('authorization', 'secret', huff_value=True)
             + without('x-plain', 'v') + indexed(16))
    priority = struct.pack('!IB', 0x80000000 | 0, 15)
    a.client(frame(SETTINGS, ACK, 0, b'')
             + frame(HEADERS, PRIO | PADDED | END_HEADERS | END_STREAM, 1, bytes([3]) + priority + block + bytes(3)))
    # A POST over HEADERS and two CONTINUATIONs (the :path literal cut between the first two), using
    # the dynamic table (62: x-custom, 63: :authority), then its JSON body in two padded DATA frames.
    block = (indexed(3) + indexed(6) + without(4, '/api/items') + indexed(63) + indexed(62)
             + without(31, 'application/json') + without(28, '27'))
    a.client(frame(HEADERS, 0, 3, block[:3]) + frame(CONTINUATION, 0, 3, block[3:12])
             + frame(CONTINUATION, END_HEADERS, 3, block[12:]))
    body = b'{"name":"dorsal","n":[1,2]}'
    a.client(frame(DATA, PADDED, 3, bytes([2]) + body[:10] + bytes(2)))
    a.client(frame(DATA, PADDED | END_STREAM, 3, bytes([4]) + body[10:] + bytes(4)))
    # The response to the GET: text/plain in two DATA frames (the first padded), a long header value.
    a.server(frame(HEADERS, END_HEADERS, 1, indexed(8) + incremental(31, 'text/plain', huff_value=True)
                   + without(28, '11') + without(55, 'session=' + 'x' * 290)))
    a.server(frame(DATA, PADDED, 1, bytes([5]) + b'hello ' + bytes(5)) + frame(DATA, END_STREAM, 1, b'world'))
    # A pushed stylesheet: PUSH_PROMISE (padded) on stream 1, then its gzip-encoded response on stream 2.
    promise = struct.pack('!I', 2) + indexed(2) + indexed(6) + incremental(4, '/style.css') + indexed(63)
    a.server(frame(PUSH_PROMISE, PADDED | END_HEADERS, 1, bytes([2]) + promise + bytes(2)))
    css = bytes.fromhex('1f8b08000000000002034bca4fa954a85648cecfc92fb252284a4db156a8e502008a61e7a815000000')
    a.server(frame(HEADERS, END_HEADERS, 2, indexed(8) + without(31, 'text/css') + without(26, 'gzip'))
             + frame(DATA, END_STREAM, 2, css))
    # The POST's answer: a status code HTTP has no name for, a media type no dissector takes.
    a.server(frame(HEADERS, END_HEADERS, 3, without(8, '250') + without(31, 'application/x-foo; v=1'))
             + frame(DATA, END_STREAM, 3, b'\x00\x01binary'))
    a.client(frame(PRIORITY, 0, 5, struct.pack('!IB', 0x80000003, 200))
             + frame(RST_STREAM, 0, 5, struct.pack('!I', 8)) + frame(RST_STREAM, 0, 7, struct.pack('!I', 99)))
    a.client(frame(PING, 0, 0, b'dorsal!!'))
    a.server(frame(PING, ACK, 0, b'dorsal!!'))
    # A HEADERS frame over three segments: 5 octets of its header, then the rest of it and part of the
    # block, then the rest and a WINDOW_UPDATE.
    split = frame(HEADERS, END_HEADERS | END_STREAM, 9, indexed(2) + indexed(6) + without(4, '/split/over/segments')
                  + indexed(63))
    a.client(split[:5])
    a.client(split[5:14])
    a.client(split[14:] + frame(WINDOW_UPDATE, 0, 9, struct.pack('!I', 4096)))
    a.server(frame(0x20, 0xff, 9, b'\x01\x02\x03')
             + frame(10, 0, 0, struct.pack('!H', 11) + b'example.com' + b'h2=":8443"')
             + frame(12, 0, 0, struct.pack('!H', 19) + b'https://example.com' + struct.pack('!H', 15) + b'https://cdn.tld')
             + frame(16, 0, 0, struct.pack('!I', 9) + b'u=1, i') + frame(11, 0, 9, b''))
    # Malformed: SETTINGS of 5 octets (the next frame of the segment still shows), WINDOW_UPDATE of 3.
    a.client(frame(SETTINGS, 0, 0, b'\x00\x01\x00\x00\x10') + frame(WINDOW_UPDATE, 0, 1, struct.pack('!I', 256)))
    a.client(frame(WINDOW_UPDATE, 0, 0, b'\x00\x00\x01'))
    a.server(frame(HEADERS, PADDED | END_HEADERS, 11, bytes([50]) + indexed(8)))
    a.server(frame(GOAWAY, 0, 0, struct.pack('!II', 9, 11) + b'calm down'))
    a.client(frame(GOAWAY, 0, 0, struct.pack('!II', 2, 0)))


def connection_b(cap):
    b = cap.connection(40101)
    b.client(PREFACE + frame(SETTINGS, 0, 0, b''))
    # Index 70 with nothing in the dynamic table: "<unknown>" with an empty value; a literal whose name
    # index is beyond the table: "<unknown>" as its name, and it is indexed so.
    b.client(frame(HEADERS, END_HEADERS | END_STREAM, 1, indexed(2) + indexed(70) + indexed(4)
                   + incremental(66, 'vv') + indexed(6)))
    b.client(frame(HEADERS, END_HEADERS | END_STREAM, 3, indexed(2) + indexed(62) + indexed(4) + indexed(1)))
    # Bad Huffman padding (12 bits of ones) in a value: the client's decoder stops for good.
    b.client(frame(HEADERS, END_HEADERS | END_STREAM, 5, indexed(2) + indexed(6) + b'\x44\x82\x1f\xff' + indexed(1)))
    b.client(frame(HEADERS, END_HEADERS | END_STREAM, 7, indexed(2) + indexed(4)))
    b.server(frame(HEADERS, END_HEADERS, 1, indexed(8) + b''.join(without('h%d' % i, 'v') for i in range(200))))


def connection_c(cap):
    c = cap.connection(40102)
    c.client(PREFACE + frame(SETTINGS, 0, 0, b''))
    c.client(frame(PING, 0, 0, b'12345678'), snap=54 + 13)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'http2_crafted.pcap')
    cap = Capture()
    connection_a(cap)
    connection_b(cap)
    connection_c(cap)
    cap.write(out)


if __name__ == '__main__':
    main()
