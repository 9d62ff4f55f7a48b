"""Synthetic TCP/UDP follow scenarios: writes NAME.pcap and NAME.segments (one line per frame:
frame ts_sec ts_nsec src sport dst dport proto seq ack flags hexpayload)."""
import struct, sys

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b)//2), b)); s = (s & 0xffff) + (s >> 16); s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ip4(a): return bytes(int(x) for x in a.split('.'))

class Cap:
    def __init__(s, name):
        s.name = name; s.frames = []; s.t = 1700000000_000000
    def tcp(s, src, sport, dst, dport, seq, ack, flags, data=b'', dt=1000):
        s.t += dt
        fl = 0
        for c, bit in zip('FSRPAU', (1, 2, 4, 8, 16, 32)):
            if c in flags: fl |= bit
        hdr = struct.pack('!HHIIBBHHH', sport, dport, seq & 0xffffffff, ack & 0xffffffff, 0x50, fl, 65535, 0, 0)
        ph = ip4(src) + ip4(dst) + struct.pack('!BBH', 0, 6, len(hdr) + len(data))
        c = csum(ph + hdr + data)
        hdr = hdr[:16] + struct.pack('!H', c) + hdr[18:]
        s._ip(src, dst, 6, hdr + data)
        s.frames.append((s.t, src, sport, dst, dport, 'tcp', seq & 0xffffffff, ack & 0xffffffff, flags, data))
    def udp(s, src, sport, dst, dport, data=b'', dt=1000):
        s.t += dt
        hdr = struct.pack('!HHHH', sport, dport, 8 + len(data), 0)
        s._ip(src, dst, 17, hdr + data)
        s.frames.append((s.t, src, sport, dst, dport, 'udp', 0, 0, '', data))
    def _ip(s, src, dst, proto, payload):
        h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 1, 0x4000, 64, proto, 0, ip4(src), ip4(dst))
        h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
        eth = bytes.fromhex('020000000002020000000001') + b'\x08\x00'
        s.pkts = getattr(s, 'pkts', []); s.pkts.append((s.t, eth + h + payload))
    def write(s):
        with open(s.name + '.pcap', 'wb') as f:
            f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
            for t, p in s.pkts:
                f.write(struct.pack('<IIII', t // 1000000, t % 1000000, len(p), len(p))); f.write(p)
        with open(s.name + '.segments', 'w') as f:
            f.write('# frame ts_us src sport dst dport proto seq ack flags payload_hex\n')
            for i, (t, src, sp, dst, dp, pr, seq, ack, fl, data) in enumerate(s.frames, 1):
                f.write('%d %d %s %d %s %d %s %d %d %s %s\n' % (i, t, src, sp, dst, dp, pr, seq, ack, fl or '-', data.hex() or '-'))

C, S = ('10.0.0.1', 1111), ('10.0.0.2', 80)
def c2s(cap, seq, ack, fl, d=b'', **k): cap.tcp(C[0], C[1], S[0], S[1], seq, ack, fl, d, **k)
def s2c(cap, seq, ack, fl, d=b'', **k): cap.tcp(S[0], S[1], C[0], C[1], seq, ack, fl, d, **k)

def handshake(cap, ci=100, si=500):
    c2s(cap, ci, 0, 'S'); s2c(cap, si, ci + 1, 'SA'); c2s(cap, ci + 1, si + 1, 'A')

scen = {}
def sc(f): scen[f.__name__] = f; return f

@sc
def baseline(c):
    handshake(c); c2s(c, 101, 501, 'PA', b'hello'); s2c(c, 501, 106, 'PA', b'abc'); c2s(c, 106, 504, 'PA', b'world'); c2s(c, 111, 504, 'PA', b'again')
    s2c(c, 504, 116, 'FA'); c2s(c, 116, 505, 'FA'); s2c(c, 505, 117, 'A')
@sc
def dup_retrans(c):
    handshake(c); c2s(c, 101, 501, 'PA', b'hello'); c2s(c, 101, 501, 'PA', b'hello'); c2s(c, 106, 501, 'PA', b'abc')
@sc
def partial_overlap(c):
    handshake(c); c2s(c, 101, 501, 'PA', b'hello'); c2s(c, 103, 501, 'PA', b'lloXYZ'); c2s(c, 109, 501, 'PA', b'end')
@sc
def out_of_order(c):
    handshake(c); c2s(c, 106, 501, 'PA', b'world'); c2s(c, 101, 501, 'PA', b'hello'); s2c(c, 501, 111, 'PA', b'ok')
@sc
def ooo_three(c):
    handshake(c); c2s(c, 111, 501, 'PA', b'CCCCC'); c2s(c, 106, 501, 'PA', b'BBBBB'); s2c(c, 501, 101, 'PA', b'srv'); c2s(c, 101, 504, 'PA', b'AAAAA'); c2s(c, 116, 504, 'PA', b'DD')
@sc
def gap_acked(c):
    handshake(c); c2s(c, 101, 501, 'PA', b'hello'); c2s(c, 111, 501, 'PA', b'later'); s2c(c, 501, 116, 'A'); c2s(c, 116, 501, 'PA', b'more')
@sc
def gap_not_acked(c):
    handshake(c); c2s(c, 101, 501, 'PA', b'hello'); c2s(c, 111, 501, 'PA', b'later'); s2c(c, 501, 106, 'PA', b'resp'); c2s(c, 116, 505, 'PA', b'more')
@sc
def gap_partially_acked(c):
    handshake(c); c2s(c, 101, 501, 'PA', b'hello'); c2s(c, 111, 501, 'PA', b'later'); c2s(c, 121, 501, 'PA', b'third'); s2c(c, 501, 113, 'A')
@sc
def midstream_keepalive(c):
    c2s(c, 105, 501, 'A'); c2s(c, 106, 501, 'PA', b'data1'); s2c(c, 501, 111, 'PA', b'resp')
@sc
def midstream_server_first(c):
    s2c(c, 501, 101, 'PA', b'banner'); c2s(c, 101, 507, 'PA', b'cmd')
@sc
def syn_data(c):
    c2s(c, 100, 0, 'S', b'abc'); s2c(c, 500, 104, 'SA'); c2s(c, 104, 501, 'PA', b'def')
@sc
def fin_data(c):
    handshake(c); c2s(c, 101, 501, 'FPA', b'bye'); s2c(c, 501, 105, 'FPA', b'cya')
@sc
def wrap(c):
    handshake(c, ci=0xfffffffd, si=0xfffffff0)
    c2s(c, 0xfffffffe, 0xfffffff1, 'PA', b'abcdef'); c2s(c, 4, 0xfffffff1, 'PA', b'ghij'); s2c(c, 0xfffffff1, 8, 'PA', b'xyz')
@sc
def retrans_more(c):
    handshake(c); c2s(c, 101, 501, 'PA', b'hello'); c2s(c, 106, 501, 'PA', b'world'); c2s(c, 101, 501, 'PA', b'helloworld!!')
@sc
def overlap_frags(c):
    handshake(c); c2s(c, 111, 501, 'PA', b'KKKKK'); c2s(c, 108, 501, 'PA', b'JJJJJJ'); c2s(c, 101, 501, 'PA', b'AAAAAAA'); c2s(c, 116, 501, 'PA', b'LL')
@sc
def server_speaks_first(c):
    handshake(c); s2c(c, 501, 101, 'PA', b'220 hi\r\n'); c2s(c, 101, 509, 'PA', b'USER x\r\n'); s2c(c, 509, 109, 'PA', b'331\r\n')
@sc
def binary(c):
    handshake(c); c2s(c, 101, 501, 'PA', bytes(range(256))); s2c(c, 501, 357, 'PA', b'a\tb\rc\nd\x00e\x7f\x80\xff')
@sc
def two_gaps_acked(c):
    handshake(c); c2s(c, 101, 501, 'PA', b'aaaaa'); c2s(c, 111, 501, 'PA', b'bbbbb'); c2s(c, 121, 501, 'PA', b'ccccc'); s2c(c, 501, 126, 'A'); c2s(c, 126, 501, 'PA', b'ddd')
@sc
def empty_udp(c):
    c.udp('10.0.0.1', 5000, '10.0.0.2', 53, b'query'); c.udp('10.0.0.2', 53, '10.0.0.1', 5000, b''); c.udp('10.0.0.1', 5000, '10.0.0.2', 53, b'q2')
@sc
def big_chunk(c):
    handshake(c); c2s(c, 101, 501, 'PA', bytes((i * 7) & 0xff for i in range(1400))); s2c(c, 501, 1501, 'PA', b'Z' * 57); s2c(c, 558, 1501, 'PA', b'Y' * 58)
@sc
def rst_only(c):
    c2s(c, 100, 0, 'S'); s2c(c, 0, 101, 'RA')

for name, f in scen.items():
    cap = Cap(name); f(cap); cap.write()
print(' '.join(scen))

# --- conversation/endpoint scenario (not a follow case) ---
def multi(c):
    t = c
    handshake(t)
    c2s(t, 101, 501, 'PA', b'G' * 700, dt=123457)
    s2c(t, 501, 801, 'PA', b'R' * 1400, dt=2345)
    s2c(t, 1901, 801, 'PA', b'R' * 1400, dt=17)
    for i in range(8):
        s2c(t, 3301 + i * 1400, 801, 'PA', b'Q' * 1400, dt=1001)
    t.tcp('10.0.0.3', 2222, '10.0.0.2', 80, 7000, 0, 'S', dt=999_999)
    t.tcp('10.0.0.2', 80, '10.0.0.3', 2222, 9000, 7001, 'SA', dt=333)
    t.udp('10.0.0.9', 5000, '10.0.0.9', 5000, b'self', dt=2_500_000)
    t.udp('10.0.0.1', 5353, '10.0.0.2', 53, b'q' * 30, dt=5)
    t.udp('10.0.0.2', 53, '10.0.0.1', 5353, b'a' * 90, dt=7)
    t.tcp('10.0.0.3', 2222, '10.0.0.2', 80, 7001, 9001, 'A', dt=44)
    t.udp('10.0.0.9', 5000, '10.0.0.9', 5000, b'self2', dt=1)
cap = Cap('multi'); multi(cap); cap.write()
