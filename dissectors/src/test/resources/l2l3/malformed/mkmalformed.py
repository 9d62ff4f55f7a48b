"""Writes the short-frame captures of the link-layer malformed test: every frame ends inside one
dissector's header, once cut by the snaplen (original length 100 bytes more) and once really short."""
import struct, sys
ETH = '020000000001' + '020000000002'
IPV4 = '4500003c0001000040010000c0a80001c0a80002'
IPV6_HEAD = '6000000000'
IPV6_ADDRS = 'fe800000000000000000000000000001' + 'fe800000000000000000000000000002'
CASES = {
    'eth': (1, [ETH + '08', ETH + '8100' + '00', ETH + '88a8' + '001e81', ETH + '0806' + '0001080006040001' + '0200000000',
                ETH + '0800' + '450000280001', ETH + '0800' + '470000280001000040010000c0a80001c0a80002' + '0104',
                ETH + '86dd' + '60000000001011', ETH + '86dd' + IPV6_HEAD + '080040' + IPV6_ADDRS + '3a00',
                ETH + '86dd' + IPV6_HEAD + '182b40' + IPV6_ADDRS + '3a02',
                ETH + '86dd' + IPV6_HEAD + '082c40' + IPV6_ADDRS + '110000',
                ETH + '86dd' + IPV6_HEAD + '083c40' + IPV6_ADDRS + '3a01',
                ETH + '0800' + IPV4 + '0800', ETH + '86dd' + IPV6_HEAD + '083a40' + IPV6_ADDRS + '80']),
    'sll': (113, ['0000000100060200000000', '00000001000602000000000100000800' + '450000280001']),
    'sll2': (276, ['0800000000000002000100']),
    'null': (0, ['0200', '02000000450000280001']),
    'raw': (101, ['4500003c0001000040', '600000000008']),
    'ipv6raw': (229, ['600000000008']),
}
out = sys.argv[1]
for name, (dlt, frames) in CASES.items():
    with open(f'{out}/short_{name}.pcap', 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, dlt))
        t = 1600000000
        for h in frames:
            d = bytes.fromhex(h)
            for cut in (True, False):
                f.write(struct.pack('<IIII', t, 0, len(d), len(d) + 100 if cut else len(d)))
                f.write(d)
                t += 1
