import struct, random, itertools
random.seed(7)
def pcap(name, times_ns, lens=None, nano=False):
    with open(name, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b23c4d if nano else 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        base = 1700000000 * 10**9
        for i, t in enumerate(times_ns):
            t += base
            n = lens[i] if lens else 60 + (i * 37) % 1400
            pkt = bytes.fromhex('020000000002020000000001') + b'\x88\xb5' + bytes(46)
            sub = t % 10**9 if nano else (t % 10**9) // 1000
            f.write(struct.pack('<IIII', t // 10**9, sub, len(pkt), n)); f.write(pkt)
S = 10**9
caps = {}
def spread(dur_ns, n=7):
    return sorted([0, dur_ns] + [random.randrange(dur_ns) for _ in range(n - 2)]) if dur_ns else [0]
for name, dur in [('d0009', 900_000), ('d009', 9_000_000), ('d0932', 93_230_000), ('d09', 900_000_000),
                  ('d9_5', int(9.5 * S)), ('d95', 95 * S + 123_456_000), ('d950', 950 * S + 7_000),
                  ('d9500', 9500 * S + 500_000_000), ('d95000', 95000 * S + 1_000), ('d950000', 950000 * S + 999_999_000),
                  ('d9500000', 9_500_000 * S), ('d1_0', S), ('d10_0', 10 * S), ('d2_0', 2 * S), ('d0096', 96_000_000),
                  ('d00999', 99_999_900), ('d199996', 1_999_960_000), ('d9999996', 9_999_996_000), ('d0', 0),
                  ('d53', 53_923_360_000), ('d0_5', 500_000_000), ('d100', 100 * S), ('d99_96', 99_960_000_000)]:
    caps[name] = spread(dur)
    pcap(name + '.pcap', caps[name])
pcap('nano.pcap', [0, 1_234_567_891, 2_000_000_499, 2_000_000_500, 3_999_999_999], nano=True)
pcap('ooo.pcap', [0, 2 * S, 1 * S, 5 * S, 3 * S, 7 * S + 5])
pcap('burst.pcap', [i * 1000 for i in range(2000)], lens=[60 + i % 2000 for i in range(2000)])
pcap('bigbytes.pcap', [0, 1 * S, 2 * S], lens=[65535] * 3)
