#!/usr/bin/env python3
"""Writes lldp_crafted.pcap: LLDP (IEEE 802.1AB, EtherType 0x88cc) as switches and hosts send it, and
as it goes wrong:

- chassis IDs of every subtype (MAC, network address IPv4/IPv6/other family, interface name and
  alias, locally assigned, chassis and port component, a reserved subtype), port IDs likewise;
- time to live, port description, system name and description (with a NUL and stray bytes, with a
  tab), system capabilities, management addresses (IPv4, IPv6, other, with an OID), an unknown TLV
  type, organizationally specific TLVs (IEEE 802.1 port VLAN, port and protocol VLAN, VLAN name,
  protocol identity, link aggregation; IEEE 802.3 MAC/PHY, power via MDI, link aggregation, maximum
  frame size; unknown subtypes, extra bytes, Cisco's and an unknown OUI), the End of LLDPDU, frames
  of more and less than 60 bytes;
- a missing or misplaced mandatory TLV, a duplicate chassis ID, lengths that do not fit the
  subtype, a frame cut by the snapshot length. (A TLV that runs past the frame is left out: tshark
  calls that a contained-bounds error, which Dorsal does not tell apart, docs/compat.md.)

Addresses are locally administered (02:...), so no vendor name applies. usage: make_lldp_crafted.py
"""
import os
import struct

MAC = bytes.fromhex('020000aabbcc')
IEEE1 = bytes.fromhex('0080c2')  # IEEE 802.1 organizationally specific TLVs
IEEE3 = bytes.fromhex('00120f')  # IEEE 802.3


def tlv(t, v, length=None):
    return struct.pack('>H', (t << 9) | (len(v) if length is None else length)) + v


def frame(tlvs):
    f = bytes.fromhex('0180c200000e' + '020000000001') + b'\x88\xcc' + b''.join(tlvs)
    return f + b'\0' * max(0, 60 - len(f))


def mgmt(subtype, addr, ifsub, ifnum, oid=b''):
    return tlv(8, bytes([len(addr) + 1, subtype]) + addr + bytes([ifsub]) + struct.pack('>I', ifnum)
               + bytes([len(oid)]) + oid)


def main():
    base = [tlv(1, b'\x04' + MAC), tlv(2, b'\x05eth0'), tlv(3, struct.pack('>H', 120))]
    end = tlv(0, b'')
    frames = [
        frame(base + [tlv(4, b'uplink port'), tlv(5, b'switch-1'), tlv(6, b'Linux 6.1 lldpd'),
                      tlv(7, struct.pack('>HH', 0x0014, 0x0010)), mgmt(1, bytes([10, 0, 0, 1]), 2, 3), end]),
        frame([tlv(1, b'\x07chassis-x'), tlv(2, b'\x03' + MAC), tlv(3, b'\x00\x00'), end]),
        frame([tlv(1, b'\x05\x01' + bytes([192, 168, 1, 1])), tlv(2, b'\x0742'), tlv(3, b'\x0e\x10'),
               tlv(7, struct.pack('>HH', 0x07ff, 0x0004)), mgmt(2, bytes(15) + b'\x01', 1, 0), end]),
        frame([tlv(1, b'\x04' + MAC), tlv(2, b'\x01alias'), tlv(3, b'\x00\x78'), tlv(9, b'xyz'), end]),
        frame(base + [tlv(127, bytes.fromhex('0a0b0c') + b'\x01abc'), end]),
        frame(base + [mgmt(1, bytes([10, 0, 0, 1]), 3, 7, bytes([0x2b, 6, 1, 4, 1, 0x81, 0x9d, 0x01])),
                      mgmt(6, MAC, 2, 1), end]),
        frame([tlv(1, b'\x05\x02' + bytes(range(16))), tlv(2, b'\x04\x01' + bytes([10, 1, 2, 3])), tlv(3, b'\x00\x78'),
               end]),
        frame([tlv(1, b'\x01board-7'), tlv(2, b'\x02\x01\x02'), tlv(3, b'\x00\x78'), end]),
        frame([tlv(1, b'\x02ali'), tlv(2, b'\x06circ'), tlv(3, b'\x00\x78'), end]),
        frame([tlv(1, b'\x03\x0a\x0b'), tlv(2, b'\x09xx'), tlv(3, b'\x00\x78'), end]),
        frame([tlv(1, b'\x08zz'), tlv(2, b'\x04\x02' + bytes(16)), tlv(3, b'\x00\x78'), end]),
        frame([tlv(1, b'\x05\x09abc'), tlv(2, b'\x04\x07de'), tlv(3, b'\x00\x78'), end]),
        frame(base + [tlv(5, b'sw\x00junk'), tlv(6, b'tab\there'), end]),
        frame([tlv(2, b'\x05eth0'), end]),                                     # no chassis ID first
        frame([tlv(1, b'\x04' + MAC[:3])]),                                    # MAC of 3 bytes
        frame([tlv(1, b'\x05\x01\x0a\x00')]),                                  # IPv4 of 2 bytes
        frame([tlv(1, b'\x04')]),                                              # no ID at all
        frame([tlv(1, b'\x04' + MAC), tlv(3, b'\x00\x78'), end]),              # port ID missing
        frame([tlv(1, b'\x04' + MAC), tlv(2, b'\x03' + MAC[:2])]),             # port MAC too short
        frame([tlv(1, b'\x04' + MAC), tlv(2, b'\x05eth0'), tlv(4, b'x'), end]),  # TTL missing
        frame([tlv(1, b'\x06ifname'), tlv(2, b'\x05p1'), tlv(3, b'\x00\x78'), tlv(1, b'\x04' + MAC), end]),
        frame([tlv(1, b'\x04' + MAC), tlv(2, b'\x05p1'), tlv(3, b'\x00\x78'), tlv(2, b'\x05p2'), end]),
        frame([tlv(1, b'\x04' + MAC), tlv(2, b'\x05p1'), tlv(3, b'\x00\x78'), tlv(3, b'\x00\x01'), end]),
        frame(base + [tlv(5, b'x' * 60), end]),                                # more than 60 bytes
        frame(base + [tlv(127, IEEE1 + b'\x01\x00\x64'), tlv(127, IEEE1 + b'\x02\x06\x00\x0a'),
                      tlv(127, IEEE1 + b'\x03\x00\x64\x05trunk'), tlv(127, IEEE1 + b'\x04\x02\x88\xcc'),
                      tlv(127, IEEE1 + b'\x07\x03\x00\x00\x00\x05'), end]),
        frame(base + [tlv(127, IEEE3 + b'\x01\x03\x6c\x01\x00\x1e'), tlv(127, IEEE3 + b'\x02\x07\x01\x03'),
                      tlv(127, IEEE3 + b'\x03\x01\x00\x00\x00\x00'), tlv(127, IEEE3 + b'\x04\x05\xee'), end]),
        frame(base + [tlv(127, IEEE1 + b'\x30\x01\x02'), tlv(127, IEEE1 + b'\x01\x00\x64\x99\x98'),
                      tlv(127, IEEE3 + b'\x30\x01'), tlv(127, IEEE3 + b'\x04\x05\xee\x01'),
                      tlv(127, IEEE3 + b'\x01\x01\x00\x00\x00\x99'), tlv(127, bytes.fromhex('00000c') + b'\x01\x02'), end]),
    ]
    records = [(f, len(f)) for f in frames]
    cut = frame(base + [tlv(6, b'a description longer than the snapshot'), end])
    records.append((cut[:50], len(cut)))
    out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)
    for n, (data, wire) in enumerate(records):
        out += struct.pack('<IIII', 1700000000 + n, 0, len(data), wire) + data
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lldp_crafted.pcap'), 'wb') as fh:
        fh.write(out)


if __name__ == '__main__':
    main()
