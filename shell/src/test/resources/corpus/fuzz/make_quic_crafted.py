#!/usr/bin/env python3
"""Writes quic_crafted.pcap: QUIC (RFC 9000/9001) datagrams on UDP 443 with Initial packets protected
under the keys RFC 9001 derives from the client's first Destination Connection ID, so they can be read
without a key log: the client and server Initial packets of RFC 9001 Appendix A (checked against the
published ciphertext), a handshake whose ClientHello (SNI, ALPN h3, QUIC transport parameters) is split
into CRYPTO frames sent out of order over two datagrams, Initial packets carrying every frame type
(ACK with ranges and ECN counts, NEW_TOKEN, STREAM with each flag, flow control, connection IDs, path
validation, both CONNECTION_CLOSE kinds, HANDSHAKE_DONE, DATAGRAM, an unknown type), coalesced
Initial/Handshake/1-RTT packets, 0-RTT, Handshake and short-header packets that cannot be decrypted
without keys, version negotiation, Retry packets with a good and a bad integrity tag, a version that
forces negotiation, IPv6, truncated, corrupt and snapshot-cut packets, and long headers at the limits of
the UDP heuristic (tshark finds QUIC by it, on any port) with an unknown version beside them.

usage: make_quic_crafted.py  (writes the file beside this script; needs the 'cryptography' package)
"""
import os
import struct

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

V1 = 1
SALT_V1 = bytes.fromhex('38762cf7f55934b34d179ae6a4c80cadccbb7f0a')
RETRY_KEY = bytes.fromhex('be0c690b9f66575a1d766b54e368c84e')
RETRY_NONCE = bytes.fromhex('461599d35d632bf2239825bb')


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('>%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def udp4(src, dst, sport, dport, payload, udp_len=None):
    length = udp_len if udp_len is not None else 8 + len(payload)
    udp = struct.pack('>HHHH', sport, dport, length, 0) + payload
    pseudo = bytes(src) + bytes(dst) + struct.pack('>BBH', 0, 17, len(udp))
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 7, 0, 64, 17, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
    return bytes.fromhex('020000000002' + '020000000001') + b'\x08\x00' + ip + udp


def hkdf_extract(salt, ikm):
    h = hmac.HMAC(salt, hashes.SHA256())
    h.update(ikm)
    return h.finalize()


def hkdf_expand_label(secret, label, length):
    full = b'tls13 ' + label
    info = struct.pack('>HB', length, len(full)) + full + b'\x00'
    out, block, i = b'', b'', 1
    while len(out) < length:
        h = hmac.HMAC(secret, hashes.SHA256())
        h.update(block + info + bytes([i]))
        block = h.finalize()
        out += block
        i += 1
    return out[:length]


def initial_keys(dcid, server):
    initial = hkdf_extract(SALT_V1, dcid)
    secret = hkdf_expand_label(initial, b'server in' if server else b'client in', 32)
    return (hkdf_expand_label(secret, b'quic key', 16), hkdf_expand_label(secret, b'quic iv', 12),
            hkdf_expand_label(secret, b'quic hp', 16))


def varint(v, size=None):
    if size is None:
        size = 1 if v < 0x40 else 2 if v < 0x4000 else 4 if v < 0x40000000 else 8
    prefix = {1: 0, 2: 0x40, 4: 0x80, 8: 0xc0}[size]
    b = v.to_bytes(size, 'big')
    return bytes([b[0] | prefix]) + b[1:]


def protect(header, pn_offset, pn_len, pn, payload, keys, long_header=True, corrupt=False):
    key, iv, hp = keys
    nonce = bytes(a ^ b for a, b in zip(iv, pn.to_bytes(12, 'big')))
    sealed = AESGCM(key).encrypt(nonce, payload, header)
    if corrupt:
        sealed = sealed[:-1] + bytes([sealed[-1] ^ 1])
    sample = sealed[4 - pn_len:20 - pn_len]
    enc = Cipher(algorithms.AES(hp), modes.ECB()).encryptor()
    mask = enc.update(sample) + enc.finalize()
    h = bytearray(header)
    h[0] ^= mask[0] & (0x0f if long_header else 0x1f)
    for i in range(pn_len):
        h[pn_offset + i] ^= mask[1 + i]
    return bytes(h) + sealed


def long_packet(ptype, dcid, scid, pn, payload, keys, version=V1, token=None, pn_len=4, corrupt=False):
    """An Initial (0), 0-RTT (1) or Handshake (2) packet; keys None means random bytes (undecryptable)."""
    first = 0xc0 | (ptype << 4) | (pn_len - 1)
    head = bytes([first]) + struct.pack('>I', version) + bytes([len(dcid)]) + dcid + bytes([len(scid)]) + scid
    if ptype == 0:
        tok = token or b''
        head += varint(len(tok)) + tok
    length = pn_len + len(payload) + 16
    head += varint(length, 2)
    pn_offset = len(head)
    head += pn.to_bytes(pn_len, 'big')
    if keys is None:
        rnd = bytes((i * 37 + 11) & 0xff for i in range(len(payload) + 16))
        return bytes([first ^ 0x03 ^ (pn_len - 1)]) + head[1:pn_offset] + bytes((pn_len,)) * pn_len + rnd
    return protect(head, pn_offset, pn_len, pn, payload, keys, True, corrupt)


def short_packet(dcid, size, spin=False, key_phase=False):
    first = 0x40 | (0x20 if spin else 0) | (0x04 if key_phase else 0) | 0x01
    body = bytes((i * 53 + 7) & 0xff for i in range(size))
    return bytes([first]) + dcid + body


def pad(payload, total):
    return payload + bytes(max(0, total - len(payload)))


def crypto(offset, data):
    return b'\x06' + varint(offset) + varint(len(data)) + data


def ack(largest, delay, first, ranges=(), ecn=None):
    out = (b'\x03' if ecn else b'\x02') + varint(largest) + varint(delay) + varint(len(ranges)) + varint(first)
    for gap, rng in ranges:
        out += varint(gap) + varint(rng)
    if ecn:
        out += b''.join(varint(x) for x in ecn)
    return out


def ext(kind, body):
    return struct.pack('>HH', kind, len(body)) + body


def vec8(b):
    return bytes([len(b)]) + b


def vec16(b):
    return struct.pack('>H', len(b)) + b


def transport_parameters(scid, server=False):
    params = [
        (0x01, varint(30000)), (0x03, varint(1472)), (0x04, varint(1048576)), (0x05, varint(262144)),
        (0x06, varint(262144)), (0x07, varint(262144)), (0x08, varint(100)), (0x09, varint(3)),
        (0x0a, varint(3)), (0x0b, varint(25)), (0x0c, b''), (0x0e, varint(4)), (0x0f, scid),
        (0x20, varint(65535)), (27 + 31 * 5, b'\x01\x02'),
    ]
    if server:
        params += [(0x00, bytes.fromhex('8394c8f03e515708')), (0x02, bytes(range(16)))]
    return b''.join(varint(k) + varint(len(v)) + v for k, v in params)


def client_hello(sni, scid, random_byte, alpn=b'h3', random=None):
    exts = (ext(0x0000, vec16(b'\x00' + vec16(sni)))
            + ext(0x000a, vec16(bytes.fromhex('001d00170018')))
            + ext(0x0010, vec16(vec8(alpn)))
            + ext(0x000d, vec16(bytes.fromhex('0403080404010503'))))
    exts += ext(0x0033, vec16(struct.pack('>HH', 0x1d, 32) + bytes(range(32))))
    exts += ext(0x002b, vec8(bytes.fromhex('0304')))
    exts += ext(0x002d, vec8(b'\x01'))
    exts += ext(0x0039, transport_parameters(scid))
    body = (b'\x03\x03' + (random or bytes([random_byte]) * 32) + vec8(b'') + vec16(bytes.fromhex('130113021303'))
            + vec8(b'\x00') + vec16(exts))
    return b'\x01' + len(body).to_bytes(3, 'big') + body


def server_hello():
    exts = ext(0x002b, b'\x03\x04') + ext(0x0033, struct.pack('>HH', 0x1d, 32) + bytes(range(32, 64)))
    body = b'\x03\x03' + bytes([0x5a]) * 32 + vec8(b'') + b'\x13\x01' + b'\x00' + vec16(exts)
    return b'\x02' + len(body).to_bytes(3, 'big') + body


def retry(dcid, scid, odcid, token, bad=False):
    head = bytes([0xf0 | 0x05]) + struct.pack('>I', V1) + vec8(dcid) + vec8(scid) + token
    pseudo = vec8(odcid) + head
    tag = AESGCM(RETRY_KEY).encrypt(RETRY_NONCE, b'', pseudo)
    if bad:
        tag = bytes([tag[0] ^ 0xff]) + tag[1:]
    return head + tag


def rfc9001_client_initial():
    payload = bytes.fromhex(
        '060040f1010000ed0303ebf8fa56f12939b9584a3896472ec40bb863cfd3e868'
        '04fe3a47f06a2b69484c00000413011302010000c000000010000e00000b6578'
        '616d706c652e636f6dff01000100000a00080006001d00170018001000070005'
        '04616c706e000500050100000000003300260024001d00209370b2c9caa47fba'
        'baf4559fedba753de171fa71f50f1ce15d43e994ec74d748002b000302030400'
        '0d0010000e0403050306030203080408050806002d00020101001c0002400100'
        '3900320408ffffffffffffffff05048000ffff07048000ffff08011001048000'
        '75300901100f088394c8f03e51570806048000ffff') + bytes(917)
    dcid = bytes.fromhex('8394c8f03e515708')
    pkt = long_packet(0, dcid, b'', 2, payload, initial_keys(dcid, False))
    assert pkt[:32].hex() == 'c000000001088394c8f03e5157080000449e7b9aec34d1b1c98dd7689fb8ec11', pkt[:32].hex()
    assert pkt[-16:].hex() == 'e221af44860018ab0856972e194cd934'
    return pkt


def rfc9001_server_initial():
    payload = bytes.fromhex(
        '02000000000600405a020000560303eefce7f7b37ba1d1632e96677825ddf739'
        '88cfc79825df566dc5430b9a045a1200130100002e00330024001d00209d3c94'
        '0d89690b84d08a60993c144eca684d1081287c834d5311bcf32bb9da1a002b00020304')
    odcid = bytes.fromhex('8394c8f03e515708')
    pkt = long_packet(0, b'', bytes.fromhex('f067a5502a4262b5'), 1, payload, initial_keys(odcid, True), pn_len=2)
    assert pkt.hex().startswith('cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac406a'), pkt.hex()
    return pkt


def all_frames(stream_data):
    """Every frame type of RFC 9000 (and DATAGRAM, RFC 9221), plus an unknown one at the end."""
    f = b'\x01'                                                  # PING
    f += ack(1000, 25, 3, [(2, 5), (0, 0), (7, 1)])               # ACK with three ranges
    f += ack(70000, 16384, 0, [], (12, 3, 1))                     # ACK_ECN
    f += b'\x04' + varint(4) + varint(0x1234) + varint(0)         # RESET_STREAM
    f += b'\x05' + varint(8) + varint(0x101)                      # STOP_SENDING
    f += b'\x07' + varint(12) + bytes(range(0x70, 0x7c))          # NEW_TOKEN
    f += b'\x08' + varint(0) + stream_data[:5]                    # STREAM, no offset, no length
    return f


def frames_2(stream_data):
    f = b'\x0a' + varint(4) + varint(len(stream_data)) + stream_data        # STREAM LEN
    f += b'\x0f' + varint(4) + varint(300) + varint(3) + b'end'             # STREAM OFF LEN FIN
    f += b'\x0e' + varint(2) + varint(70) + varint(2) + b'xy'               # STREAM OFF LEN, server uni
    f += b'\x09' + varint(3) + b'fin!'                                      # STREAM FIN, no length
    return f


def frames_3():
    f = b'\x10' + varint(1 << 20)                                 # MAX_DATA
    f += b'\x11' + varint(4) + varint(65536)                      # MAX_STREAM_DATA
    f += b'\x12' + varint(100)                                    # MAX_STREAMS (bidi)
    f += b'\x13' + varint(3)                                      # MAX_STREAMS (uni)
    f += b'\x14' + varint(5000)                                   # DATA_BLOCKED
    f += b'\x15' + varint(8) + varint(6000)                       # STREAM_DATA_BLOCKED
    f += b'\x16' + varint(10)                                     # STREAMS_BLOCKED (bidi)
    f += b'\x17' + varint(11)                                     # STREAMS_BLOCKED (uni)
    f += b'\x18' + varint(2) + varint(1) + vec8(bytes.fromhex('c0ffee0102030405')) + bytes(range(16))
    f += b'\x19' + varint(1)                                      # RETIRE_CONNECTION_ID
    f += b'\x1a' + bytes.fromhex('0102030405060708')              # PATH_CHALLENGE
    f += b'\x1b' + bytes.fromhex('1112131415161718')              # PATH_RESPONSE
    f += b'\x1e'                                                  # HANDSHAKE_DONE
    f += b'\x30' + b'dgram-no-len'                                # DATAGRAM without length
    return f


def frames_close():
    f = b'\x31' + varint(5) + b'dgram'                            # DATAGRAM with length
    f += b'\x1c' + varint(0x0a) + varint(0x06) + varint(13) + b'bad frame len'   # CONNECTION_CLOSE, transport
    f += b'\x1c' + varint(0x0128) + varint(0) + varint(0)        # CRYPTO_ERROR with TLS alert 40
    f += b'\x1d' + varint(0x0101) + varint(4) + b'bye!'          # CONNECTION_CLOSE, application
    return f


def udp6(src, dst, sport, dport, payload):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack('>I', len(udp)) + b'\0\0\0\x11'
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip6 = struct.pack('>IHBB', 0x60000000, len(udp), 17, 64) + src + dst
    return bytes.fromhex('020000000002' + '020000000001') + b'\x86\xdd' + ip6 + udp


def all_closes():
    """CONNECTION_CLOSE with every transport error code, two CRYPTO_ERRORs and an unknown code."""
    f = b''
    for code in list(range(0x12)) + [0x100, 0x10a, 0x1ff, 0x200]:
        f += b'\x1c' + varint(code) + varint(0x1e) + varint(0)
    return f


def main():
    c, s = (10, 0, 0, 1), (10, 0, 0, 2)
    f = []

    # 1-2: RFC 9001 Appendix A: the client Initial and the server's answer.
    f.append(udp4(c, s, 50000, 443, rfc9001_client_initial()))
    f.append(udp4(s, c, 443, 50000, rfc9001_server_initial()))

    # A handshake: ClientHello in two CRYPTO frames, the second part sent first.
    dcid = bytes.fromhex('1122334455667788')
    cscid = bytes.fromhex('a1a2a3a4')
    sscid = bytes.fromhex('b1b2b3b4b5b6b7b8')
    ck, sk = initial_keys(dcid, False), initial_keys(dcid, True)
    ch = client_hello(b'www.example.org', cscid, 0x42)
    cut = 100
    f.append(udp4(c, s, 50001, 443, long_packet(0, dcid, cscid, 0, pad(crypto(cut, ch[cut:]), 1162), ck)))
    f.append(udp4(c, s, 50001, 443, long_packet(0, dcid, cscid, 1, pad(crypto(0, ch[:cut]), 1162), ck)))
    # Server Initial (ACK + ServerHello) coalesced with a Handshake packet it cannot be read without keys.
    sh = server_hello()
    sinit = long_packet(0, cscid, sscid, 0, ack(1, 0, 1) + crypto(0, sh), sk, pn_len=2)
    shs = long_packet(2, cscid, sscid, 0, bytes(300), None, pn_len=2)
    f.append(udp4(s, c, 443, 50001, sinit + shs))
    f.append(udp4(s, c, 443, 50001, long_packet(2, cscid, sscid, 1, bytes(100), None, pn_len=2)))
    # Client: Initial ACK + Handshake + 1-RTT, coalesced; then short headers both ways.
    cinit = long_packet(0, sscid, cscid, 2, ack(0, 0, 0), ck, pn_len=1)
    chs = long_packet(2, sscid, cscid, 0, bytes(40), None, pn_len=1)
    f.append(udp4(c, s, 50001, 443, cinit + chs + short_packet(sscid, 40)))
    f.append(udp4(s, c, 443, 50001, short_packet(cscid, 60, spin=True)))
    f.append(udp4(c, s, 50001, 443, short_packet(sscid, 30, key_phase=True)))
    # Padding datagram: an Initial followed by zero bytes (coalesced padding data).
    f.append(udp4(c, s, 50001, 443, long_packet(0, sscid, cscid, 3, b'\x01' + bytes(20), ck, pn_len=2)
                  + bytes(64)))

    # Frames: every type in Initial packets of a third connection.
    dcid3 = bytes.fromhex('0f0e0d0c0b0a0908070605040302010000aabbcc')  # 20 bytes, the longest
    k3 = initial_keys(dcid3, False)
    sd = b'GET /index.html\r\n'
    chello3 = client_hello(b'frames.test', b'\x33', 0x43)
    f.append(udp4(c, s, 50002, 443, long_packet(0, dcid3, b'\x33', 0, pad(crypto(0, chello3), 1162), k3)))
    f.append(udp4(c, s, 50002, 443, long_packet(0, dcid3, b'\x33', 1, all_frames(sd), k3)))
    f.append(udp4(c, s, 50002, 443, long_packet(0, dcid3, b'\x33', 2, frames_2(sd), k3)))
    f.append(udp4(c, s, 50002, 443, long_packet(0, dcid3, b'\x33', 3, frames_3(), k3)))
    f.append(udp4(c, s, 50002, 443, long_packet(0, dcid3, b'\x33', 4, frames_close(), k3)))
    f.append(udp4(c, s, 50002, 443, long_packet(0, dcid3, b'\x33', 5, b'\x01\x21\x01\x02', k3)))  # unknown
    # Retransmitted CRYPTO (same offset again) and an overlapping one.
    f.append(udp4(c, s, 50002, 443, long_packet(0, dcid3, b'\x33', 6, crypto(0, chello3[:50]), k3)))
    # 0-RTT from the client.
    f.append(udp4(c, s, 50002, 443, long_packet(1, dcid3, b'\x33', 7, bytes(50), None, pn_len=2)))

    # Version negotiation and Retry on a fourth connection.
    dcid4 = bytes.fromhex('5555666677778888')
    k4 = initial_keys(dcid4, False)
    ch4 = client_hello(b'retry.test', b'\x44\x44', 0x44)
    f.append(udp4(c, s, 50003, 443, long_packet(0, dcid4, b'\x44\x44', 0, pad(crypto(0, ch4), 1162), k4,
                                                version=0x1a2a3a4a)))
    vn = bytes([0x80 | 0x2a]) + b'\x00\x00\x00\x00' + vec8(b'\x44\x44') + vec8(dcid4) + struct.pack(
        '>III', V1, 0xff00001d, 0x6b3343cf)
    f.append(udp4(s, c, 443, 50003, vn))
    f.append(udp4(c, s, 50003, 443, long_packet(0, dcid4, b'\x44\x44', 0, pad(crypto(0, ch4), 1162), k4)))
    token = b'retry-token-0123456789'
    f.append(udp4(s, c, 443, 50003, retry(b'\x44\x44', b'\x99' * 8, dcid4, token)))
    k4b = initial_keys(b'\x99' * 8, False)
    f.append(udp4(c, s, 50003, 443, long_packet(0, b'\x99' * 8, b'\x44\x44', 1, pad(crypto(0, ch4), 1162), k4b,
                                                token=token)))
    f.append(udp4(s, c, 443, 50003, retry(b'\x44\x44', b'\x98' * 8, dcid4, token, bad=True)))

    # Malformed and odd: a corrupt tag, a cut datagram, a long header too short, a 25-byte DCID, one byte,
    # and a short header for a connection never seen.
    dcid5 = bytes.fromhex('7777777777777777')
    k5 = initial_keys(dcid5, False)
    ch5 = client_hello(b'corrupt.test', b'', 0x45)
    f.append(udp4(c, s, 50004, 443, long_packet(0, dcid5, b'', 0, pad(crypto(0, ch5), 1162), k5, corrupt=True)))
    good = long_packet(0, dcid5, b'', 1, pad(crypto(0, ch5), 1162), k5)
    f.append(udp4(c, s, 50004, 443, good[:300]))
    f.append(udp4(c, s, 50004, 443, good[:12]))
    f.append(udp4(c, s, 50004, 443, bytes([0xc0]) + struct.pack('>I', V1) + b'\x19' + bytes(25) + b'\x00\x00\x10'
                  + bytes(20)))
    f.append(udp4(c, s, 50004, 443, b'\x40'))
    f.append(udp4(c, s, 50005, 443, short_packet(bytes(8), 30)))

    # Every transport error code in CONNECTION_CLOSE frames; a ClientHello split in order over two
    # Initial packets; a STREAM frame whose length runs past the payload; IPv6.
    dcid6 = bytes.fromhex('6666666666666666')
    k6 = initial_keys(dcid6, False)
    f.append(udp4(c, s, 50007, 443, long_packet(0, dcid6, b'\x66', 0, all_closes(), k6)))
    ch6 = client_hello(b'split.in.order.example', b'\x66', 0x46)
    f.append(udp4(c, s, 50007, 443, long_packet(0, dcid6, b'\x66', 1, pad(crypto(0, ch6[:150]), 1162), k6)))
    f.append(udp4(c, s, 50007, 443, long_packet(0, dcid6, b'\x66', 2, pad(crypto(150, ch6[150:]), 1162), k6)))
    f.append(udp4(c, s, 50007, 443, long_packet(0, dcid6, b'\x66', 3, b'\x0a\x04\x40\x50abc', k6)))
    f.append(udp4(c, s, 50007, 443, long_packet(0, dcid6, b'\x66', 4, b'\x18\x01\x00\x00' + bytes(16) + b'\x01', k6)))
    c6 = bytes.fromhex('20010db8000000000000000000000001')
    s6 = bytes.fromhex('20010db8000000000000000000000002')
    dcid7 = bytes.fromhex('0707070707070707')
    f.append(udp6(c6, s6, 50008, 443, long_packet(0, dcid7, b'', 0, pad(crypto(0, client_hello(b'v6.example', b'', 0x47)),
                                                                          1162), initial_keys(dcid7, False))))
    snap = len(f)
    f.append(udp4(c, s, 50009, 443, long_packet(0, dcid7, b'', 0, pad(crypto(0, client_hello(b'snap.example', b'', 0x48)),
                                                                      1162), initial_keys(dcid7, False))))

    # What the UDP heuristic takes for QUIC on a fresh 5-tuple: long headers of at least 13 bytes with a
    # QUIC version and the DCID within the packet; not a 12-byte one, nor an unknown version.
    v1 = bytes([0xc0]) + struct.pack('>I', V1)
    f.append(udp4(c, s, 50010, 443, v1 + bytes(7)))
    f.append(udp4(c, s, 50011, 443, v1 + bytes(8)))
    f.append(udp4(c, s, 50012, 443, v1 + b'\x08' + bytes(8)))
    f.append(udp4(c, s, 50013, 443, v1 + b'\x08' + bytes(9)))
    f.append(udp4(c, s, 50014, 443, bytes([0xc0]) + struct.pack('>I', 0x12345678) + bytes(40)))

    # A browser-sized ClientHello (a 1216-byte key share) cut into CRYPTO frames sent scrambled over two
    # Initial packets, with PING and PADDING between them, as Chrome sends them.
    dcid8 = bytes.fromhex('8888888888888888')
    k8 = initial_keys(dcid8, False)
    big = client_hello(b'www.browser.example', b'\x88', 0x49)
    share = struct.pack('>HH', 0x6399, 1216) + bytes(range(256)) * 4 + bytes(192)
    big = big[:4] + big[4:].replace(struct.pack('>HH', 0x1d, 32) + bytes(range(32)), share)
    body = big[4:]
    ks_old = ext(0x0033, vec16(struct.pack('>HH', 0x1d, 32) + bytes(range(32))))
    assert body.count(ks_old[4:]) == 0  # replaced inside the key_share extension below
    exts_at = 2 + 32 + 1 + 2 + 6 + 2
    exts = body[exts_at + 2:]
    exts = exts.replace(struct.pack('>HH', 0x0033, 38) + struct.pack('>H', 36) + share,
                        struct.pack('>HH', 0x0033, 4 + len(share) - 2) + struct.pack('>H', len(share)) + share)
    body = body[:exts_at] + struct.pack('>H', len(exts)) + exts
    big = b'\x01' + len(body).to_bytes(3, 'big') + body
    p1 = crypto(900, big[900:1100]) + b'\x01' + crypto(0, big[:400]) + bytes(5) + crypto(600, big[600:900])
    p2 = crypto(1100, big[1100:]) + b'\x01\x01' + crypto(400, big[400:600])
    f.append(udp4(c, s, 50015, 443, long_packet(0, dcid8, b'\x88', 0, pad(p1, 1162), k8)))
    f.append(udp4(c, s, 50015, 443, long_packet(0, dcid8, b'\x88', 1, pad(p2, 1162), k8)))

    out = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)]
    for n, frame in enumerate(f):
        cap = 200 if n == snap else len(frame)
        out.append(struct.pack('<IIII', 1700000000 + n, 250000 * (n % 4), cap, len(frame)) + frame[:cap])
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'quic_crafted.pcap'), 'wb') as fh:
        fh.write(b''.join(out))


if __name__ == '__main__':
    main()
