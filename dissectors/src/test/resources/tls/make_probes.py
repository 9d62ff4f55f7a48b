#!/usr/bin/env python3
"""Writes the synthetic TLS probe captures (probe_*.pcap) into the directory given as argument.

The corpus captures come from real clients and servers and so leave many TLS message types,
extensions and record-layer corner cases unexercised. These probes hand-build TCP conversations
carrying them (IPv4 on Ethernet, no real cryptography: keys, signatures and ciphertext are filler
bytes) so that tshark 4.0.17's output for them (made by regen.sh) can serve as an oracle too.
Deterministic: the same bytes on every run. The certificate is probe_cert.pem (made with
probe_cert.cnf by openssl and committed as is).
"""
import base64, os, struct, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE


# ---- pcap and TCP -------------------------------------------------------------------------------

def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return ~s & 0xffff


def ip4(a):
    return bytes(int(x) for x in a.split('.'))


def packet(src, dst, sp, dp, seq, ack, flags, payload):
    tcp = struct.pack('!HHIIBBHHH', sp, dp, seq & 0xffffffff, ack & 0xffffffff, 5 << 4, flags, 65535, 0, 0) + payload
    pseudo = ip4(src) + ip4(dst) + struct.pack('!BBH', 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack('!H', csum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0, ip4(src), ip4(dst))
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    return b'\x02\0\0\0\0\x02' + b'\x02\0\0\0\0\x01' + b'\x08\x00' + ip + tcp


class Capture:
    """Frames of one or more TCP conversations, written as a pcap with one-second steps."""

    def __init__(self):
        self.frames = []

    def stream(self, client_port, server_port=443, client='10.0.0.1', server='10.0.0.2'):
        return Stream(self, client, server, client_port, server_port)

    def write(self, name):
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
            for i, fr in enumerate(self.frames):
                f.write(struct.pack('<IIII', 1700000000 + i, 0, len(fr), len(fr)))
                f.write(fr)


class Stream:
    def __init__(self, cap, c, s, cp, sp):
        self.cap, self.c, self.s, self.cp, self.sp = cap, c, s, cp, sp
        self.cseq, self.sseq = 1000, 5000
        cap.frames += [packet(c, s, cp, sp, self.cseq, 0, 0x02, b''),
                       packet(s, c, sp, cp, self.sseq, self.cseq + 1, 0x12, b''),
                       packet(c, s, cp, sp, self.cseq + 1, self.sseq + 1, 0x10, b'')]
        self.cseq += 1
        self.sseq += 1

    def client(self, *segments):
        for p in segments:
            self.cap.frames.append(packet(self.c, self.s, self.cp, self.sp, self.cseq, self.sseq, 0x18, p))
            self.cseq += len(p)
        return self

    def server(self, *segments):
        for p in segments:
            self.cap.frames.append(packet(self.s, self.c, self.sp, self.cp, self.sseq, self.cseq, 0x18, p))
            self.sseq += len(p)
        return self


# ---- TLS building blocks --------------------------------------------------------------------------

def u8(v): return struct.pack('!B', v)
def u16(v): return struct.pack('!H', v)
def u24(v): return v.to_bytes(3, 'big')
def u32(v): return struct.pack('!I', v)
def vec(n, b): return len(b).to_bytes(n, 'big') + b
def fill(n, seed): return bytes((seed * 7 + i * 13) & 0xff for i in range(n))
def record(ct, body, ver=0x0303): return u8(ct) + u16(ver) + vec(2, body)
def hs(t, body): return u8(t) + u24(len(body)) + body
def ext(t, body=b''): return u16(t) + vec(2, body)
def exts(*e): return vec(2, b''.join(e))
def suites(*s): return vec(2, b''.join(u16(x) for x in s))


def client_hello(extensions, ciphers=(0xc02b, 0xc02f, 0x1301, 0x00ff), ver=0x0303, sid=b'', rnd=fill(32, 1)):
    body = u16(ver) + rnd + vec(1, sid) + suites(*ciphers) + b'\x01\x00'
    if extensions is not None:
        body += extensions
    return hs(1, body)


def server_hello(extensions, cipher=0xc02b, ver=0x0303, sid=b'', rnd=fill(32, 2)):
    body = u16(ver) + rnd + vec(1, sid) + u16(cipher) + b'\x00'
    if extensions is not None:
        body += extensions
    return hs(2, body)


def pem_der(path):
    with open(path) as f:
        lines = [l.strip() for l in f if l.strip() and not l.startswith('-----')]
    return base64.b64decode(''.join(lines))


def der_walk(der, off):
    """(tag, content offset, content length) of the DER element at off."""
    tag = der[off]
    n = der[off + 1]
    at = off + 2
    if n & 0x80:
        k = n & 0x7f
        n = int.from_bytes(der[at:at + k], 'big')
        at += k
    return tag, at, n


def subject_der(cert):
    """The subject Name of a certificate, as DER."""
    _, c, _ = der_walk(cert, 0)            # Certificate
    _, t, tl = der_walk(cert, c)           # TBSCertificate
    at = t
    fields = []
    while at < t + tl:
        tag, co, cl = der_walk(cert, at)
        fields.append((tag, at, co + cl))
        at = co + cl
    i = 1 if fields[0][0] == 0xa0 else 0   # skip the [0] version
    _, s, e = fields[i + 4]                # serial, signature, issuer, validity, subject
    return cert[s:e]


CERT = pem_der(os.path.join(HERE, 'probe_cert.pem'))
SERVER_CERT = pem_der('/work/shared/corpus/make/certs/server.crt') if os.path.exists(
    '/work/shared/corpus/make/certs/server.crt') else CERT
GREASE = 0x2a2a


def certificate_12(*certs):
    return hs(11, vec(3, b''.join(vec(3, c) for c in certs)))


def sig_algs(*a):
    return vec(2, b''.join(u16(x) for x in a))


# ---- the probes -------------------------------------------------------------------------------------

def probe_hello_extensions():
    cap = Capture()
    ch_exts = exts(
        ext(GREASE),
        ext(0, vec(2, u8(0) + vec(2, b'probe.corpus.test'))),
        ext(1, u8(2)),
        ext(5, u8(1) + vec(2, b'') + vec(2, b'')),
        ext(10, vec(2, u16(GREASE) + u16(0x001d) + u16(0x0017) + u16(0x0100))),
        ext(11, vec(1, b'\x00\x01\x02')),
        ext(13, sig_algs(0x0403, 0x0804, 0x0401, 0x0201, 0x0303, 0x0101, 0xfe0b)),
        ext(14, vec(2, u16(1)) + vec(1, b'')),
        ext(15, u8(1)),
        ext(16, vec(2, vec(1, b'h2') + vec(1, b'http/1.1'))),
        ext(17, vec(2, u8(2) + vec(2, vec(2, b'') + vec(2, b'')))),
        ext(18),
        ext(19, vec(1, b'\x00\x02')),
        ext(20, vec(1, b'\x00')),
        ext(22), ext(23),
        ext(27, vec(1, u16(2) + u16(1))),
        ext(28, u16(0x4001)),
        ext(34, sig_algs(0x0403)),
        ext(35, fill(24, 3)),
        ext(42),
        ext(43, vec(1, u16(GREASE) + u16(0x0304) + u16(0x0303))),
        ext(44, vec(2, fill(8, 4))),
        ext(45, vec(1, b'\x00\x01')),
        ext(47, vec(2, vec(2, subject_der(CERT)))),
        ext(49),
        ext(50, sig_algs(0x0804)),
        ext(51, vec(2, u16(GREASE) + vec(2, b'\x00') + u16(0x001d) + vec(2, fill(32, 5)))),
        ext(13172),
        ext(17513, vec(2, vec(1, b'h2'))),
        ext(0x1234, b'\x01\x02\x03'),
        ext(65281, vec(1, fill(12, 6))),
        ext(21, bytes(9)),
        ext(41, vec(2, vec(2, fill(16, 7)) + u32(123456)) + vec(2, vec(1, fill(32, 8)))),
    )
    sh_exts = exts(
        ext(65281, vec(1, b'')),
        ext(0),
        ext(16, vec(2, vec(1, b'h2'))),
        ext(35),
        ext(23), ext(22),
        ext(5),
        ext(15, u8(2)),
        ext(1, u8(2)),
        ext(28, u16(0x4001)),
        ext(20, b'\x00'),
        ext(13172, vec(1, b'h2') + vec(1, b'http/1.1')),
        ext(18, vec(2, vec(2, u8(0) + fill(32, 9) + struct.pack('!Q', 1700000000123) + vec(2, b'') + u16(0x0403)
                                 + vec(2, fill(70, 10))))),
    )
    ocsp = b'\x30\x03\x0a\x01\x00'
    ske = hs(12, u8(3) + u16(0x0017) + vec(1, b'\x04' + fill(64, 11)) + u16(0x0403) + vec(2, fill(71, 12)))
    cert_req = hs(13, vec(1, b'\x01\x40') + sig_algs(0x0403, 0x0804, 0x0401) + vec(2, vec(2, subject_der(CERT))))
    s = cap.stream(50001)
    s.client(record(22, client_hello(ch_exts, ciphers=(GREASE, 0xc02b, 0xc02f, 0x009e, 0x1301, 0x00ff)), 0x0301))
    s.server(record(22, server_hello(sh_exts)),
             record(22, certificate_12(CERT, SERVER_CERT) + hs(22, u8(1) + vec(3, ocsp)) + ske + cert_req + hs(14, b'')))
    s.client(record(22, certificate_12(CERT) + hs(16, vec(1, b'\x04' + fill(64, 13)))
                    + hs(15, u16(0x0403) + vec(2, fill(70, 14))))
             + record(20, b'\x01') + record(22, fill(40, 15)))
    s.server(record(22, hs(4, u32(300) + vec(2, fill(64, 16)))) + record(20, b'\x01') + record(22, fill(40, 17)))
    s.client(record(24, u8(1) + u16(3) + b'abc' + bytes(16)))
    s.server(record(24, u8(2) + u16(3) + b'abc' + bytes(16)), record(24, u8(1) + u16(100) + b'abc' + bytes(16)))
    s.client(record(23, fill(48, 18)))
    s.server(record(21, b'\x01\x00'), record(0x63, b'\x01\x02\x03'), record(23, fill(18500, 19)))
    s.client(record(21, fill(26, 20)))
    cap.write('probe_hello_extensions.pcap')


def probe_key_exchanges():
    cap = Capture()
    port = 50100
    cases = [
        # (suite, ServerKeyExchange body, ClientKeyExchange body, version)
        (0x009e, vec(2, fill(256, 21)) + vec(2, b'\x02') + vec(2, fill(256, 22)) + u16(0x0401) + vec(2, fill(256, 23)),
         vec(2, fill(256, 24)), 0x0303),
        (0x0003, vec(2, fill(64, 25)) + vec(2, b'\x01\x00\x01') + vec(2, fill(64, 26)), vec(2, fill(64, 27)), 0x0301),
        (0x008c, vec(2, b'probe hint'), vec(2, b'probe identity'), 0x0303),
        (0x0094, vec(2, b'probe hint'), vec(2, b'probe id') + vec(2, fill(64, 28)), 0x0303),
        (0xc018, u8(3) + u16(0x001d) + vec(1, fill(32, 29)), vec(1, fill(32, 30)), 0x0303),
        (0xc02f, u8(1) + fill(40, 31), vec(1, fill(32, 32)), 0x0303),
        (0xc013, u8(3) + u16(0x0018) + vec(1, b'\x04' + fill(96, 33)) + vec(2, fill(64, 34)), vec(1, fill(97, 35)), 0x0301),
        (0x001b, vec(2, fill(128, 36)) + vec(2, b'\x02') + vec(2, fill(128, 37)), vec(2, fill(128, 38)), 0x0303),
        (0x002f, None, vec(2, fill(128, 39)), 0x0302),
    ]
    for suite, ske, cke, ver in cases:
        s = cap.stream(port)
        port += 1
        s.client(record(22, client_hello(exts(ext(23)), ciphers=(suite,), ver=ver), 0x0301))
        flight = server_hello(None, cipher=suite, ver=ver) + certificate_12(SERVER_CERT)
        if ske is not None:
            flight += hs(12, ske)
        s.server(record(22, flight + hs(14, b''), ver))
        s.client(record(22, hs(16, cke), ver) + record(20, b'\x01', ver) + record(22, fill(48, port), ver))
    cap.write('probe_key_exchanges.pcap')


def probe_tls13_clear():
    """A TLS 1.3 handshake whose encrypted messages are sent as plain handshake records."""
    cap = Capture()
    s = cap.stream(50200)
    ch = client_hello(exts(ext(0, vec(2, u8(0) + vec(2, b'probe.corpus.test'))),
                           ext(43, vec(1, u16(0x0304))), ext(51, vec(2, u16(0x001d) + vec(2, fill(32, 40)))),
                           ext(45, vec(1, b'\x01')), ext(42),
                           ext(41, vec(2, vec(2, fill(32, 41)) + u32(7)) + vec(2, vec(1, fill(32, 42))))),
                      ciphers=(0x1301, 0x1302))
    sh = server_hello(exts(ext(43, u16(0x0304)), ext(51, u16(0x001d) + vec(2, fill(32, 43))), ext(41, u16(0))),
                      cipher=0x1301, sid=b'')
    ee = hs(8, exts(ext(16, vec(2, vec(1, b'h2'))), ext(0), ext(42), ext(28, u16(0x4001))))
    entry_exts = exts(ext(5, u8(1) + vec(3, b'\x30\x03\x0a\x01\x00')),
                      ext(18, vec(2, vec(2, u8(0) + fill(32, 44) + struct.pack('!Q', 1600000000000) + vec(2, b'')
                                         + u16(0x0403) + vec(2, fill(64, 45))))))
    cert13 = hs(11, vec(1, b'') + vec(3, vec(3, CERT) + entry_exts + vec(3, SERVER_CERT) + exts()))
    cr13 = hs(13, vec(1, b'\x07') + exts(ext(13, sig_algs(0x0403, 0x0804)), ext(47, vec(2, vec(2, subject_der(CERT)))),
                                         ext(27, vec(1, u16(1)))))
    cv = hs(15, u16(0x0403) + vec(2, fill(71, 46)))
    fin = hs(20, fill(32, 47))
    nst = hs(4, u32(7200) + u32(0x01020304) + vec(1, b'\x00\x01') + vec(2, fill(48, 48)) + exts(ext(42, u32(16384))))
    ku = hs(24, b'\x01')
    eoed = hs(5, b'')
    comp = hs(25, u16(1) + u24(900) + vec(3, fill(40, 49)))
    s.client(record(22, ch, 0x0301))
    s.server(record(22, sh), record(20, b'\x01'), record(22, ee + cert13 + cr13 + cv + fin))
    s.client(record(20, b'\x01'), record(22, eoed + comp + cv + fin))
    s.server(record(22, nst), record(22, nst + ku))
    s.client(record(22, ku), record(23, fill(30, 50)))
    cap.write('probe_tls13_clear.pcap')


def probe_records():
    cap = Capture()
    # SSL 3.0: no extensions, RSA key exchange without a length prefix, Finished with MD5 and SHA-1 hashes.
    s = cap.stream(50300)
    s.client(record(22, client_hello(None, ciphers=(0x0004, 0x000a), ver=0x0300), 0x0300))
    s.server(record(22, server_hello(None, cipher=0x0004, ver=0x0300) + certificate_12(SERVER_CERT) + hs(14, b''), 0x0300))
    s.client(record(22, hs(16, fill(128, 51)), 0x0300), record(22, hs(20, fill(36, 52)), 0x0300), record(20, b'\x01', 0x0300))
    # TLS 1.0 session that meets a record of an unknown type, then more records.
    s = cap.stream(50301)
    s.client(record(22, client_hello(exts(ext(23)), ciphers=(0x002f,), ver=0x0301), 0x0301))
    s.server(record(22, server_hello(None, cipher=0x002f, ver=0x0301), 0x0301) + b'\x63\x03\x01\x00\x02zz'
             + record(23, fill(20, 53), 0x0301))
    # Unknown version, data that is no TLS record at all: "Continuation Data".
    s = cap.stream(50302)
    s.client(b'\x01\x02\x03\x04\x05\x06\x07\x08')
    s.client(record(23, fill(30, 54)))
    # Clear text on the TLS port: not TLS (four printable characters).
    s = cap.stream(50303)
    s.client(b'HELO probe\r\n')
    # Handshake messages fragmented across records, the 4-byte header itself split.
    s = cap.stream(50304)
    ch = client_hello(exts(ext(0, vec(2, u8(0) + vec(2, b'frag.corpus.test'))), ext(23)))
    s.client(record(22, ch[:1], 0x0301) + record(22, ch[1:3], 0x0301) + record(22, ch[3:40], 0x0301)
             + record(22, ch[40:], 0x0301))
    flight = server_hello(exts(ext(23))) + certificate_12(SERVER_CERT) + hs(14, b'')
    n = len(server_hello(exts(ext(23))))
    s.server(record(22, flight[:n + 2]), record(22, flight[n + 2:n + 500]), record(22, flight[n + 500:]))
    # Records split across TCP segments at awkward places, and several records in one segment.
    s = cap.stream(50305)
    ch = record(22, client_hello(exts(ext(23))), 0x0301)
    s.client(ch[:3], ch[3:10], ch[10:])
    recs = record(22, server_hello(exts(ext(23)))) + record(22, certificate_12(SERVER_CERT) + hs(14, b''))
    s.server(recs[:70], recs[70:400], recs[400:] + record(23, fill(100, 55))[:50], record(23, fill(100, 55))[50:]
             + record(23, fill(10, 56)))
    cap.write('probe_records.pcap')


def probe_heuristic():
    cap = Capture()
    s = cap.stream(50400, 50443)
    s.client(record(22, client_hello(exts(ext(23))), 0x0301))
    s.server(record(22, server_hello(exts(ext(23))) + hs(14, b'')))
    s.client(record(20, b'\x01') + record(22, fill(40, 57)))
    s.server(record(20, b'\x01') + record(22, fill(40, 58)))
    s.client(record(21, fill(26, 59)))
    # Binary data on another port: no TLS.
    s = cap.stream(50401, 50444)
    s.client(b'\x16\x09\x09\x00\x05hello')
    cap.write('probe_heuristic.pcap')


def probe_sslv2():
    cap = Capture()
    s = cap.stream(50500)
    specs = b''.join(x.to_bytes(3, 'big') for x in (0x010080, 0x0000ff, 0x00002f, 0x000035))
    body = u8(1) + u16(0x0301) + u16(len(specs)) + u16(0) + u16(16) + specs + fill(16, 60)
    s.client(u16(0x8000 | len(body)) + body)
    s.server(record(22, server_hello(exts(ext(65281, b'\x00')), cipher=0x002f, ver=0x0301), 0x0301))
    cap.write('probe_sslv2.pcap')


if __name__ == '__main__':
    probe_hello_extensions()
    probe_key_exchanges()
    probe_tls13_clear()
    probe_records()
    probe_heuristic()
    probe_sslv2()
