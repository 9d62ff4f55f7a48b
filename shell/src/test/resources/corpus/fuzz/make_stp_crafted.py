#!/usr/bin/env python3
"""Writes stp_crafted.pcap: IEEE 802.3 (length-field) frames carrying 802.2 LLC, SNAP and spanning
tree BPDUs, as switches send them and as they go wrong:

- SPB BPDUs (version 4) with the SPT extension and with a Version 4 Length too short for it;
- configuration BPDUs (no flags, TC + TCA, every flag bit, timers in 1/256 s), a topology change
  notification, RST BPDUs with each port role and every flag, MST BPDUs with 0 to 3 MSTI records,
  a Cisco-style Version 3 Length given in records, a Version 3 Length that is no multiple of 16, an
  MST BPDU too short for its extension, version 3 with a Version 1 Length, unknown versions and types;
- a Cisco PVST+ BPDU (SNAP, OUI 00:00:0c, PID 0x010b) with and without its originating VLAN TLV,
  a GARP address (01:80:c2:00:00:2f);
- LLC control fields of every format: I (with and without the poll bit), S (RR, RNR, REJ, SREJ,
  command and response), U (UI, XID in basic format, TEST, SABME, UA, DM, DISC, FRMR, an unknown
  modifier), non-STP SAPs (0x3c, group DSAP, response SSAP), SNAP with OUI 0 carrying IPv4/UDP and
  with an unknown OUI;
- truncated BPDUs: an 802.3 length that cuts a configuration BPDU, a frame cut by the snapshot length,
  an LLC header of one byte.

Addresses are locally administered (02:...) except the bridge group address, so no vendor name
applies. usage: make_stp_crafted.py  (writes the file beside this script)
"""
import os
import struct

STP_DST = bytes.fromhex('0180c2000000')
SRC = bytes.fromhex('020000000001')
DST = bytes.fromhex('020000000002')


def dot3(payload, dst=STP_DST, length=None, pad=True):
    """An 802.3 frame: length field, payload, zero padding to 60 bytes."""
    frame = dst + SRC + struct.pack('>H', len(payload) if length is None else length) + payload
    if pad and len(frame) < 60:
        frame += b'\0' * (60 - len(frame))
    return frame


def llc(dsap=0x42, ssap=0x42, control=b'\x03'):
    return bytes([dsap, ssap]) + control


def bridge_id(prio_ext, mac):
    return struct.pack('>H', prio_ext) + bytes.fromhex(mac)


def config(version=0, bpdu_type=0, flags=0, root=(0x8000, '020000aa0001'), cost=4,
           bridge=(0x8064, '020000aa0002'), port=0x8004, times=(0x0100, 0x1400, 0x0200, 0x0f00)):
    return (struct.pack('>HBBB', 0, version, bpdu_type, flags) + bridge_id(*root) + struct.pack('>I', cost)
            + bridge_id(*bridge) + struct.pack('>H', port) + struct.pack('>HHHH', *times))


def rst(flags, version=2, **kw):
    return config(version=version, bpdu_type=2, flags=flags, **kw) + b'\0'


def msti(flags, prio_id, mac, cost, bridge_prio, port_prio, hops):
    return (bytes([flags]) + struct.pack('>H', prio_id) + bytes.fromhex(mac) + struct.pack('>I', cost)
            + bytes([bridge_prio, port_prio, hops]))


def mst(records, flags=0x7c, name=b'', v3len=None, selector=0, version=3):
    ext = (bytes([selector]) + name.ljust(32, b'\0') + struct.pack('>H', 7) + bytes(range(16))
           + struct.pack('>I', 200000) + bridge_id(0x7001, '020000aa0003') + bytes([19]))
    body = b''.join(records)
    length = len(ext) + len(body) if v3len is None else v3len
    return rst(flags, version=version) + struct.pack('>H', length) + ext + body


def spt(v4len):
    """IEEE 802.1Q SPT extension: Version 4 Length, auxiliary MCID (51 bytes), agreement data."""
    mcid = b'\x01' + b'spt'.ljust(32, b'\0') + struct.pack('>H', 9) + bytes(range(16, 32))
    agreement = bytes([0x1e, 0x00, 0x12, 0x34]) + struct.pack('>H', 3) + bytes(8) + bytes(range(20))
    return struct.pack('>H', v4len) + mcid + agreement


def ipv4_udp():
    udp = struct.pack('>HHHH', 40000, 40001, 12, 0) + b'ping'
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0, bytes([10, 0, 0, 1]),
                     bytes([10, 0, 0, 2]))
    s = sum(struct.unpack('>10H', ip))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    ip = ip[:10] + struct.pack('>H', (~s) & 0xffff) + ip[12:]
    return ip + udp


def main():
    m1 = msti(0x7c, 0x8005, '020000aa0004', 200000, 0x80, 0x80, 19)
    m2 = msti(0x09, 0x6010, '020000aa0005', 20000, 0x60, 0x90, 18)
    m3 = msti(0xff, 0x1fff, '020000aa0006', 0, 0xf0, 0x00, 1)
    m4 = msti(0x00, 0x0001, '020000aa0007', 1, 0x10, 0x20, 20)
    pvst_tlv = struct.pack('>HHH', 0, 2, 100)
    cisco_snap = llc(0xaa, 0xaa) + bytes.fromhex('00000c') + struct.pack('>H', 0x010b)
    frames = [
        dot3(llc() + config()),                                                    # 1 configuration
        dot3(llc() + config(flags=0x81, root=(0x1001, '020000aa0001'),             # 2 TC + TCA, odd timers
                            times=(0x0180, 0x1440, 0x0280, 0x0f01))),
        dot3(llc() + config(flags=0xff, cost=0xffffffff, port=0x1234)),            # 3 every flag bit
        dot3(llc() + struct.pack('>HBB', 0, 0, 0x80)),                             # 4 TCN
        dot3(llc() + rst(0x00)),                                                   # 5 RST, role unknown
        dot3(llc() + rst(0x06)),                                                   # 6 alternate, proposal
        dot3(llc() + rst(0x89)),                                                   # 7 TCA, root, TC
        dot3(llc() + rst(0xff)),                                                   # 8 every flag
        dot3(llc() + mst([])),                                                     # 9 MST, no MSTI
        dot3(llc() + mst([m1], name=b'region-1')),                                 # 10 one MSTI
        dot3(llc() + mst([m1, m2], flags=0x3d, name=b'R' * 32)),                   # 11 two, full name
        dot3(llc() + mst([m1, m2, m3])),                                           # 12 three
        dot3(llc() + mst([m4, m2], v3len=2)),                                      # 13 length in records
        dot3(llc() + mst([m1], v3len=72)),                                         # 14 partial MSTI length
        dot3(llc() + mst([], v3len=0, selector=5)),                                # 15 v3 length 0
        dot3(llc() + rst(0x7c, version=3)),                                        # 16 MST, too short
        dot3(llc() + rst(0x7c, version=3)[:-1] + b'\x05' + b'\0' * 70),            # 17 v1 length set
        dot3(llc() + config(version=7)),                                           # 18 unknown version
        dot3(llc() + struct.pack('>HBB', 0, 0, 0x05) + b'\x01\x02\x03'),           # 19 unknown type
        dot3(cisco_snap + config() + pvst_tlv),                                    # 20 PVST+, TLV misplaced
        dot3(cisco_snap + config() + b'\0' + pvst_tlv),                            # 21 PVST+
        dot3(cisco_snap + config() + b'\0' + struct.pack('>HHB', 0, 1, 7)),        # 22 PVST+, VLAN TLV of 1 byte
        dot3(cisco_snap + config() + b'\0\0\0'),                                    # 23 PVST+, no room for a TLV
        dot3(cisco_snap + rst(0x3c) + struct.pack('>HH', 1, 3) + b'abc'),          # 24 PVST+, no VLAN TLV
        dot3(llc() + config(), dst=bytes.fromhex('0180c200002f')),                  # 25 GARP address
        dot3(llc() + config()[:20], length=20),                                    # 26 length cuts BPDU
        dot3(llc(0x3c, 0x3c, b'\x10\x21') + b'payload'),                           # 27 I, P, N(R)=16
        dot3(llc(0x3c, 0x3d, b'\x01\x05') + b'', dst=DST),                          # 28 S RR response F
        dot3(llc(0x3c, 0x3c, b'\x05\x02') + b'', dst=DST),                          # 29 S RNR command
        dot3(llc(0x3d, 0x3c, b'\x09\x00') + b'', dst=DST),                          # 30 S REJ, group DSAP
        dot3(llc(0x3c, 0x3d, b'\x0d\x7f') + b'', dst=DST),                          # 31 S SREJ
        dot3(llc(0x3c, 0x3c, b'\xbf') + bytes([0x81, 0x01, 0x0e]), dst=DST),        # 32 XID P, basic
        dot3(llc(0x3c, 0x3c, b'\xe3') + b'test data', dst=DST),                    # 33 TEST
        dot3(llc(0x3c, 0x3c, b'\x7f'), dst=DST),                                   # 34 SABME P
        dot3(llc(0x3c, 0x3d, b'\x73'), dst=DST),                                   # 35 UA F
        dot3(llc(0x3c, 0x3d, b'\x0f'), dst=DST),                                   # 36 DM
        dot3(llc(0x3c, 0x3c, b'\x43'), dst=DST),                                   # 37 DISC
        dot3(llc(0x3c, 0x3d, b'\x87') + b'\x01\x02\x03\x04\x05', dst=DST),          # 38 FRMR
        dot3(llc(0x3c, 0x3c, b'\x2b') + b'x', dst=DST),                            # 39 unknown modifier
        dot3(llc(0xaa, 0xaa) + b'\0\0\0\x08\x00' + ipv4_udp(), dst=DST),           # 40 SNAP IPv4
        dot3(llc(0xaa, 0xaa) + bytes.fromhex('0a0b0c') + b'\x12\x34' + b'opaque', dst=DST),  # 41 other OUI
        dot3(llc() + mst([m1], name=b'spt-region', version=4) + spt(85)),          # SPB, SPT extension
        dot3(llc() + mst([], version=4) + spt(20)[:2]),                            # SPB, short v4 length
        dot3(b'\x42', dst=DST),                                                    # 42 one-byte LLC
    ]
    snapped = dot3(llc() + mst([m1, m2]))                                          # 43 cut by snaplen
    records = [(f, len(f)) for f in frames] + [(snapped[:70], len(snapped))]
    out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)
    for n, (data, wire) in enumerate(records):
        out += struct.pack('<IIII', 1700000000 + n, 0, len(data), wire) + data
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'stp_crafted.pcap'), 'wb') as fh:
        fh.write(out)


if __name__ == '__main__':
    main()
