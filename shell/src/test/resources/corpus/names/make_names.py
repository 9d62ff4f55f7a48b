#!/usr/bin/env python3
"""Writes the MAC name tables the shell's differential tests resolve with (manuf, wka here).

tshark made the corpus oracles with its vendor and well-known-address tables, so Ethernet lines read
"Giga-Byt_b2:de:6e (6c:f0:49:b2:de:6e)". Dorsal ships no such data, and its other tests run without
names. For the differential tests this script keeps, from the Wireshark installation that made the
oracles (Debian's wireshark-common 4.0.17, /usr/share/wireshark), only the entries that name an
address the oracles print: a few dozen facts instead of the whole tables, so the tests do not depend
on the machine they run on.

usage: make_names.py [WIRESHARK_DATA_DIR]   (run from anywhere; rewrites manuf and wka beside it)
"""
import os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
data = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/wireshark'
oracles = os.path.join(here, '..', 'oracle')
MAC = re.compile(r'(?<![0-9a-fA-F:])((?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2})(?![0-9a-fA-F:])')
# An OUI as tshark labels a BASE_OUI field: "Organization Code: 00:00:0c (Cisco Systems, Inc)".
OUI = re.compile(r'(?<![0-9a-fA-F:])((?:[0-9a-fA-F]{2}:){2}[0-9a-fA-F]{2}) \(')

seen = set()
for root, _, files in os.walk(oracles):
    for f in files:
        with open(os.path.join(root, f), encoding='utf-8', errors='replace') as fh:
            text = fh.read()
            for m in MAC.finditer(text):
                seen.add(int(m.group(1).replace(':', ''), 16))
            for m in OUI.finditer(text):
                seen.add(int(m.group(1).replace(':', ''), 16) << 24)

def entries(path):
    for line in open(path, encoding='utf-8', errors='replace'):
        text = line.rstrip('\n')
        if not text.strip() or text.lstrip().startswith('#'):
            continue
        addr = text.split()[0]
        addr, _, b = addr.partition('/')
        octets = re.split('[:.-]', addr)
        value = int(''.join(octets), 16) << (8 * (6 - len(octets)))
        yield value, int(b) if b else 8 * len(octets), text

GROUP_BIT = 1 << 40


def keep(path, out, addresses):
    kept = []
    for value, bits, text in entries(path):
        mask = ((1 << bits) - 1) << (48 - bits)
        if any((a & mask) == (value & mask) for a in addresses):
            kept.append(text)
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('# The entries of ' + path + ' that name an address in ../oracle (make_names.py).\n')
        fh.write('\n'.join(kept) + '\n')
    return len(kept)

# A group address is named after the vendor of its OUI with the group bit cleared
# ("Xerox_00:00:00" for 01:00:01:00:00:00), unless wka names it as a whole.
vendors = seen | {a & ~GROUP_BIT for a in seen}
print('manuf:', keep(os.path.join(data, 'manuf'), os.path.join(here, 'manuf'), vendors),
      'wka:', keep(os.path.join(data, 'wka'), os.path.join(here, 'wka'), seen), 'addresses:', len(seen))
