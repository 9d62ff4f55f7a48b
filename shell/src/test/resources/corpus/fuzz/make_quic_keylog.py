#!/usr/bin/env python3
"""Writes quic_keylog.pcap and its key log quic_keylog.keys: one QUIC version 1 handshake on UDP 443 whose
Handshake and 1-RTT packets are protected with traffic secrets listed in the key log (random values,
not a real TLS key schedule: only QUIC's packet protection is exercised): the client and server Initial
packets, the server's Handshake packet (EncryptedExtensions with transport parameters, Finished)
coalesced after its Initial, the client's Handshake Finished coalesced with a 1-RTT packet, 1-RTT
packets both ways with the spin and key phase bits, a 1-RTT packet whose tag does not verify, and a
second connection on TLS_CHACHA20_POLY1305_SHA256 (ChaCha20 header protection and payloads).

usage: make_quic_keylog.py  (writes the files beside this script; needs the 'cryptography' package)
"""
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

import make_quic_crafted as q


def secret(label):
    return bytes((ord(c) * 7 + i) & 0xff for i, c in enumerate((label * 8)[:32]))


def keys_from(sec):
    return (q.hkdf_expand_label(sec, b'quic key', 16), q.hkdf_expand_label(sec, b'quic iv', 12),
            q.hkdf_expand_label(sec, b'quic hp', 16))


def chacha_keys_from(sec):
    return (q.hkdf_expand_label(sec, b'quic key', 32), q.hkdf_expand_label(sec, b'quic iv', 12),
            q.hkdf_expand_label(sec, b'quic hp', 32))


def protect_chacha(header, pn_offset, pn_len, pn, payload, keys, long_header):
    """RFC 9001 section 5.4.4: ChaCha20 header protection, ChaCha20-Poly1305 payload."""
    key, iv, hp = keys
    nonce = bytes(a ^ b for a, b in zip(iv, pn.to_bytes(12, 'big')))
    sealed = ChaCha20Poly1305(key).encrypt(nonce, payload, header)
    sample = sealed[4 - pn_len:20 - pn_len]
    mask = Cipher(algorithms.ChaCha20(hp, sample), mode=None).encryptor().update(bytes(5))
    h = bytearray(header)
    h[0] ^= mask[0] & (0x0f if long_header else 0x1f)
    for i in range(pn_len):
        h[pn_offset + i] ^= mask[1 + i]
    return bytes(h) + sealed


def short(dcid, pn, payload, keys, spin=False, key_phase=False, corrupt=False, chacha=False):
    first = 0x40 | (0x20 if spin else 0) | (0x04 if key_phase else 0) | 0x01
    head = bytes([first]) + dcid + pn.to_bytes(2, 'big')
    if chacha:
        return protect_chacha(head, 1 + len(dcid), 2, pn, payload, keys, False)
    return q.protect(head, 1 + len(dcid), 2, pn, payload, keys, long_header=False, corrupt=corrupt)


def handshake_chacha(dcid, scid, pn, payload, keys):
    first = 0xc0 | (2 << 4) | 1
    head = bytes([first]) + struct.pack('>I', 1) + bytes([len(dcid)]) + dcid + bytes([len(scid)]) + scid
    head += q.varint(2 + len(payload) + 16, 2)
    pn_offset = len(head)
    head += pn.to_bytes(2, 'big')
    return protect_chacha(head, pn_offset, 2, pn, payload, keys, True)


def encrypted_extensions():
    exts = q.ext(0x0010, q.vec16(q.vec8(b'hq-interop'))) + q.ext(0x0039, q.transport_parameters(b'\xb1' * 8, True))
    body = q.vec16(exts)
    return b'\x08' + len(body).to_bytes(3, 'big') + body


def finished(fill):
    return b'\x14' + (32).to_bytes(3, 'big') + bytes([fill]) * 32


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    c, s = (10, 0, 0, 1), (10, 0, 0, 2)
    dcid, cscid, sscid = bytes.fromhex('0123456789abcdef'), b'\xc1' * 4, b'\xb1' * 8
    ck, sk = q.initial_keys(dcid, False), q.initial_keys(dcid, True)
    random = bytes(range(0x20, 0x40))
    labels = ['CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0',
              'SERVER_TRAFFIC_SECRET_0']
    with open(os.path.join(here, 'quic_keylog.keys'), 'w') as fh:
        for label in labels:
            fh.write('%s %s %s\n' % (label, random.hex(), secret(label).hex()))
    chs, shs = keys_from(secret(labels[0])), keys_from(secret(labels[1]))
    c1, s1 = keys_from(secret(labels[2])), keys_from(secret(labels[3]))

    ch = q.client_hello(b'keylog.example', cscid, 0, alpn=b'hq-interop', random=random)
    f = []
    f.append(q.udp4(c, s, 51000, 443, q.long_packet(0, dcid, cscid, 0, q.pad(q.crypto(0, ch), 1162), ck)))
    sinit = q.long_packet(0, cscid, sscid, 0, q.ack(0, 0, 0) + q.crypto(0, q.server_hello()), sk, pn_len=2)
    shs_pkt = q.long_packet(2, cscid, sscid, 0, q.crypto(0, encrypted_extensions() + finished(0x77)), shs, pn_len=2)
    f.append(q.udp4(s, c, 443, 51000, sinit + shs_pkt))
    cinit = q.long_packet(0, sscid, cscid, 1, q.ack(0, 0, 0) + bytes(30), ck, pn_len=2)
    chs_pkt = q.long_packet(2, sscid, cscid, 0, q.ack(0, 0, 0) + q.crypto(0, finished(0x66)), chs, pn_len=2)
    one = short(sscid, 0, b'\x0b\x00' + q.varint(20) + b'GET /index.html\r\n\r\n' + b'\x01', c1)
    f.append(q.udp4(c, s, 51000, 443, cinit + chs_pkt + one))
    f.append(q.udp4(s, c, 443, 51000, short(cscid, 0, b'\x1e' + b'\x07' + q.varint(4) + b'tokn' + q.ack(0, 3, 0), s1,
                                           spin=True)))
    f.append(q.udp4(s, c, 443, 51000, short(cscid, 1, b'\x0b\x00' + q.varint(5) + b'hello' + bytes(10), s1)))
    f.append(q.udp4(c, s, 51000, 443, short(sscid, 1, q.ack(1, 2, 1) + b'\x01', c1, spin=True)))
    f.append(q.udp4(c, s, 51000, 443, short(sscid, 2, b'\x01' + bytes(20), c1, corrupt=True)))
    f.append(q.udp4(c, s, 51000, 443, short(sscid, 3, b'\x1d' + q.varint(0) + q.varint(0), c1)))

    # A second connection on TLS_CHACHA20_POLY1305_SHA256: ChaCha20 header protection and payloads.
    dcid2, cscid2, sscid2 = bytes.fromhex('fedcba9876543210'), b'\xc2' * 4, b'\xb2' * 8
    ck2, sk2 = q.initial_keys(dcid2, False), q.initial_keys(dcid2, True)
    random2 = bytes(range(0x40, 0x60))
    with open(os.path.join(here, 'quic_keylog.keys'), 'a') as fh:
        for label in labels:
            fh.write('%s %s %s\n' % (label, random2.hex(), secret(label + '2').hex()))
    chs2, shs2 = chacha_keys_from(secret(labels[0] + '2')), chacha_keys_from(secret(labels[1] + '2'))
    c12, s12 = chacha_keys_from(secret(labels[2] + '2')), chacha_keys_from(secret(labels[3] + '2'))
    ch2 = q.client_hello(b'chacha.example', cscid2, 0, alpn=b'hq-interop', random=random2)
    f.append(q.udp4(c, s, 51001, 443, q.long_packet(0, dcid2, cscid2, 0, q.pad(q.crypto(0, ch2), 1162), ck2)))
    sh2 = q.server_hello().replace(b'\x13\x01\x00', b'\x13\x03\x00', 1)
    sinit2 = q.long_packet(0, cscid2, sscid2, 0, q.crypto(0, sh2), sk2, pn_len=2)
    shs2_pkt = handshake_chacha(cscid2, sscid2, 0, q.crypto(0, encrypted_extensions() + finished(0x55)), shs2)
    f.append(q.udp4(s, c, 443, 51001, sinit2 + shs2_pkt))
    f.append(q.udp4(c, s, 51001, 443, handshake_chacha(sscid2, cscid2, 0, q.crypto(0, finished(0x44)), chs2)
                    + short(sscid2, 0, b'\x01' + bytes(24), c12, chacha=True)))
    f.append(q.udp4(s, c, 443, 51001, short(cscid2, 0, b'\x1e\x01' + bytes(20), s12, spin=True, chacha=True)))

    out = [struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)]
    for n, frame in enumerate(f):
        out.append(struct.pack('<IIII', 1700001000 + n, 100000 * (n % 10), len(frame), len(frame)) + frame)
    with open(os.path.join(here, 'quic_keylog.pcap'), 'wb') as fh:
        fh.write(b''.join(out))


if __name__ == '__main__':
    main()
