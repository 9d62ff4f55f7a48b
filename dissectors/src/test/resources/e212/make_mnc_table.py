#!/usr/bin/env python3
"""Writes the E.212 network names Dorsal shows for a mobile country and network code (MCC, MNC), as
tshark 4.0.17 shows them. mcc.tsv is tshark's table of country names (`tshark -G values`), e164.tsv
its E.164 country codes; for
mnc.tsv every assigned MCC (from `tshark -G values`) with every 2-digit and 3-digit
MNC is put in GTPv2 Serving Network IEs, tshark dissects them, and the names it prints for the MNCs
it knows are kept. The result, mnc.tsv (MCC, MNC digits as sent, name), is a resource of the e212
package; tshark also decides a 2- or 3-digit MNC inside an IMSI by whether the 2-digit one is known.

usage: make_mnc_table.py OUT_DIR   (needs tshark 4.0.17)
"""
import os
import re
import struct
import subprocess
import sys
import tempfile


def bcd_plmn(mcc, mnc):
    m = '%03d' % mcc
    n = mnc
    d = [int(c) for c in m]
    nd = [int(c) for c in n]
    mnc3 = nd[2] if len(nd) == 3 else 0xf
    return bytes([(d[1] << 4) | d[0], (mnc3 << 4) | d[2], (nd[1] << 4) | nd[0]])


def main():
    out_dir = sys.argv[1]
    values = subprocess.run(['tshark', '-G', 'values'], capture_output=True, text=True).stdout
    mcc_names = [l.split('\t')[2:4] for l in values.splitlines() if l.startswith('V\te212.mcc\t')]
    with open(os.path.join(out_dir, 'mcc.tsv'), 'w') as out:
        for code, name in mcc_names:
            out.write('%s\t%s\n' % (code, name))
    with open(os.path.join(out_dir, 'e164.tsv'), 'w') as out:
        for l in values.splitlines():
            if l.startswith('V\te164.country_code\t'):
                out.write('%s\t%s\n' % tuple(l.split('\t')[2:4]))
    mccs = sorted({int(l.split('\t')[2]) for l in values.splitlines()
                   if l.startswith('V\te212.mcc\t') and l.split('\t')[3] != 'Unassigned'})
    combos = [(mcc, '%02d' % n) for mcc in mccs for n in range(100)]
    combos += [(mcc, '%03d' % n) for mcc in mccs for n in range(1000)]
    per_packet = 8000
    with tempfile.TemporaryDirectory() as tmp:
        pcap = os.path.join(tmp, 'plmn.pcap')
        with open(pcap, 'wb') as f:
            f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 101))
            for i in range(0, len(combos), per_packet):
                ies = b''.join(b'\x53\x00\x03\x00' + bcd_plmn(mcc, mnc) for mcc, mnc in combos[i:i + per_packet])
                gtp = struct.pack('>BBH', 0x40, 1, len(ies) + 4) + b'\x00\x00\x01\x00' + ies
                udp = struct.pack('>HHHH', 2123, 2123, 8 + len(gtp), 0) + gtp
                ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,
                                 bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])) + udp
                f.write(struct.pack('<IIII', 0, 0, len(ip), len(ip)) + ip)
        text = subprocess.run(['tshark', '-r', pcap, '-V', '-O', 'gtpv2'], capture_output=True, text=True,
                              env=dict(os.environ, LC_ALL='C')).stdout
    # A name too long for tshark's 240-character labels is cut ("[truncated]"): it cannot be read
    # back whole, so it is left out (docs/compat.md).
    names = [(m[1], m[2]) if not m[0] else (None, None) for m in
             re.findall(r'^\s+(\[truncated\])?Mobile Network Code \(MNC\): (?:(.*) \((\d+)\)|.*)$', text, re.M)]
    assert len(names) == len(combos), (len(names), len(combos))
    with open(os.path.join(out_dir, 'mnc.tsv'), 'w') as out:
        for (mcc, mnc), (name, shown) in zip(combos, names):
            if name is None:
                print('left out (label truncated by tshark): MCC %d MNC %s' % (mcc, mnc))
                continue
            assert shown == mnc, (mcc, mnc, shown)
            if name != 'Unknown':
                out.write('%d\t%s\t%s\n' % (mcc, mnc, name))


if __name__ == '__main__':
    main()
