#!/usr/bin/env python3
"""Writes dhcp_crafted.pcap: DHCP and BOOTP over UDP 67/68 as clients, servers and relays send them:
every message type 1-18 (and unknown ones), BOOTP with and without the magic cookie, the broadcast
flag, a relay agent with its sub-options, option overload (options in sname and file), the options
Dorsal decodes (addresses, lists, strings, times, integers, booleans, client identifier, FQDN,
domain search, classless static routes, parameter request list, ...), unknown and private options,
options with wrong lengths, an option running past the packet, a missing End option and a packet cut
by the snapshot length.

usage: make_dhcp_crafted.py  (writes the file beside this script)
"""
import os
import struct


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('>%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def udp4(payload, src=(0, 0, 0, 0), dst=(255, 255, 255, 255), sport=68, dport=67):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = bytes(src) + bytes(dst) + struct.pack('>BBH', 0, 17, len(udp))
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 7, 0, 64, 17, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
    return bytes.fromhex('ffffffffffff' + '020000000001') + b'\x08\x00' + ip + udp


def bootp(op=1, opts=b'', cookie=True, flags=0, hw=(1, 6), chaddr='020000000001', sname=b'', file=b'',
          xid=0x12345678, secs=0, hops=0, addrs=((0, 0, 0, 0),) * 4):
    h = struct.pack('>BBBBIHH', op, hw[0], hw[1], hops, xid, secs, flags)
    h += b''.join(bytes(a) for a in addrs)
    h += bytes.fromhex(chaddr).ljust(16, b'\0') + sname.ljust(64, b'\0') + file.ljust(128, b'\0')
    if cookie:
        h += b'\x63\x82\x53\x63'
    return h + opts


def opt(code, value):
    return bytes([code, len(value)]) + value


def ip(s):
    return bytes(int(x) for x in s.split('.'))


def frames():
    out = []
    # every message type, two unknown ones
    for t in list(range(0, 20)) + [200]:
        out.append(udp4(bootp(1, opt(53, bytes([t])) + b'\xff')))
    # a full exchange with the usual options, a relay and the broadcast flag
    disc = (opt(53, b'\x01') + opt(61, b'\x01\x02\x00\x00\x00\x00\x01') + opt(50, ip('192.168.1.77'))
            + opt(12, b'laptop') + opt(60, b'MSFT 5.0') + opt(57, b'\x05\xdc')
            + opt(55, bytes([1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252, 200, 0, 255]))
            + opt(81, b'\x00\x00\x00laptop') + b'\xff')
    out.append(udp4(bootp(1, disc, flags=0x8000, secs=3)))
    relay = opt(82, opt(1, b'eth0/1/2:100') + opt(2, bytes.fromhex('020000000001')) + opt(5, ip('10.1.2.0'))
                + opt(6, b'subscriber-7') + opt(11, ip('10.0.0.1')) + opt(12, b'relay1') + opt(99, b'\x01\x02'))
    offer = (opt(53, b'\x02') + opt(54, ip('192.168.1.1')) + opt(51, struct.pack('>I', 86400))
             + opt(58, struct.pack('>I', 43200)) + opt(59, struct.pack('>I', 75600)) + opt(1, ip('255.255.255.0'))
             + opt(28, ip('192.168.1.255')) + opt(3, ip('192.168.1.1')) + opt(6, ip('192.168.1.1') + ip('8.8.8.8'))
             + opt(15, b'example.com') + opt(42, ip('192.168.1.2')) + opt(44, ip('192.168.1.3'))
             + opt(46, b'\x08') + opt(26, b'\x05\xdc') + opt(2, struct.pack('>i', -3600)) + opt(23, b'\x40')
             + opt(19, b'\x00') + opt(20, b'\x01') + opt(25, b'\x05\xdc\x02\x40')
             + opt(33, ip('10.9.0.0') + ip('192.168.1.254')) + opt(21, ip('10.8.0.0') + ip('255.255.0.0'))
             + opt(119, b'\x07example\x03com\x00\x03eng\xc0\x00')
             + opt(121, b'\x18\x0a\x01\x02' + ip('192.168.1.254') + b'\x00' + ip('192.168.1.1')
                   + b'\x20' + ip('10.2.3.4') + ip('192.168.1.253'))
             + opt(249, b'\x08\x0a' + ip('192.168.1.254'))
             + opt(66, b'tftp.example.com') + opt(67, b'pxelinux.0') + opt(150, ip('192.168.1.5'))
             + relay + b'\xff')
    out.append(udp4(bootp(2, offer, flags=0x8000, hops=1, xid=0xdeadbeef,
                          addrs=((0, 0, 0, 0), (192, 168, 1, 77), (192, 168, 1, 1), (10, 1, 2, 1))),
                    src=(10, 1, 2, 1), dst=(192, 168, 1, 1), sport=67, dport=67))
    req = (opt(53, b'\x03') + opt(61, b'\x00client-id') + opt(50, ip('192.168.1.77')) + opt(54, ip('192.168.1.1'))
           + opt(12, b'laptop') + opt(81, b'\x05\x00\x00\x06laptop\x07example\x03com\x00') + opt(77, b'\x05hello')
           + opt(116, b'\x01') + opt(80, b'') + b'\xff')
    out.append(udp4(bootp(1, req, flags=0x0001)))
    ack = (opt(53, b'\x05') + opt(54, ip('192.168.1.1')) + opt(51, struct.pack('>I', 0xffffffff))
           + opt(58, struct.pack('>I', 0)) + opt(56, b'welcome') + opt(61, b'\x01' + bytes(range(1, 10)))
           + opt(61, b'\x06abcdef') + opt(252, b'http://wpad/wpad.dat\x00') + b'\xff' + b'\0' * 20)
    out.append(udp4(bootp(2, ack, sname=b'server1', file=b'/boot/image'), src=(192, 168, 1, 1), sport=67, dport=68))
    # option overload: options in sname, file, and both
    sname_opts = opt(12, b'in-sname') + b'\xff'
    file_opts = opt(56, b'message in file') + b'\x00\x00' + b'\xff'
    for kind in (1, 2, 3):
        o = opt(53, b'\x05') + opt(52, bytes([kind])) + b'\xff'
        out.append(udp4(bootp(2, o, sname=sname_opts if kind & 2 else b'host', file=file_opts if kind & 1 else b'f'),
                        sport=67, dport=68))
    # overload without End in the field
    out.append(udp4(bootp(2, opt(53, b'\x05') + opt(52, b'\x03') + b'\xff', sname=opt(12, b'x'), file=opt(12, b'y')),
                    sport=67, dport=68))
    # unknown, unassigned and private options; Pad between options
    unk = opt(53, b'\x08') + opt(109, b'\x01\x02\x03') + opt(224, b'priv') + b'\x00\x00' + opt(175, b'') + b'\xff'
    out.append(udp4(bootp(1, unk)))
    # wrong lengths
    bad = (opt(53, b'\x03') + opt(1, b'\xff\xff\xff') + opt(3, b'\x0a\x00\x00\x01\x02') + opt(57, b'\x05')
           + opt(19, b'\x01\x00') + opt(51, b'\x00\x01') + opt(55, b'') + opt(12, b'') + opt(121, b'\x21' + b'\0' * 8)
           + b'\xff')
    out.append(udp4(bootp(1, bad)))
    # BOOTP: no cookie with a vendor area, cookie without option 53, and no vendor area at all
    out.append(udp4(bootp(2, b'\x01\x02\x03\x04' + b'\0' * 60, cookie=False), sport=67, dport=68))
    out.append(udp4(bootp(2, opt(1, ip('255.255.0.0')) + b'\xff'), sport=67, dport=68))
    out.append(udp4(bootp(1, b'', cookie=False)))
    # another hardware type and length
    out.append(udp4(bootp(1, opt(53, b'\x01') + b'\xff', hw=(6, 8), chaddr='0102030405060708')))
    out.append(udp4(bootp(1, opt(53, b'\x01') + b'\xff', hw=(1, 0), chaddr='')))
    # PXE clients: option 43 read as PXE sub-options when option 60 (before or after it) starts with PXEClient
    pxe = (opt(6, b'\x08') + opt(8, struct.pack('>HB', 0, 2) + ip('10.0.0.1') + ip('10.0.0.2') + struct.pack('>HB', 0x8000, 1)
                                  + ip('10.0.0.3'))
           + opt(9, struct.pack('>HB', 0, 4) + b'boot' + struct.pack('>HB', 1, 2) + b'xy') + opt(10, b'\x05Press F8')
           + opt(71, struct.pack('>HH', 0x8000, 0)) + opt(1, ip('224.1.1.1')) + opt(2, b'\x00\x01') + opt(3, b'\x00\x02')
           + opt(4, b'\x01') + opt(5, b'\x02') + opt(7, ip('224.0.0.1')) + b'\x00' + opt(99, b'ab') + b'\xff')
    out.append(udp4(bootp(1, opt(53, b'\x01') + opt(60, b'PXEClient:Arch:00007:UNDI:003016') + opt(43, pxe) + b'\xff')))
    out.append(udp4(bootp(1, opt(53, b'\x03') + opt(43, opt(6, b'\x0f') + b'\xff') + opt(60, b'PXEClient') + b'\xff')))
    out.append(udp4(bootp(1, opt(53, b'\x01') + opt(60, b'PXEServer') + opt(43, opt(6, b'\x08') + b'\xff') + b'\xff')))
    # BOOTP requests naming other hardware addresses, and unknown op codes
    for hw in ((1, 0), (6, 6), (32, 6), (1, 20), (1, 16)):
        out.append(udp4(bootp(1, b'\xff', hw=hw)))
    for op in (0, 3):
        out.append(udp4(bootp(op, opt(1, ip('255.255.255.0')) + b'\xff')))
    # End missing, option past the end, zero-length type, message type of two bytes
    out.append(udp4(bootp(1, opt(53, b'\x03'))))
    out.append(udp4(bootp(1, opt(53, b'\x03') + bytes([12, 10]) + b'abc')))
    out.append(udp4(bootp(1, opt(53, b''))))
    out.append(udp4(bootp(1, opt(53, b'\x01\x01') + b'\xff')))
    # client identifiers, PXE, user classes, strings checked for stray bytes and other decoded options
    more = [opt(61, bytes.fromhex('ff0a0b0c0d000100012b3c4d5e020000000001')),
            opt(61, bytes.fromhex('ff0a0b0c0d00030001020000000001')),
            opt(61, bytes.fromhex('ff0a0b0c0d00020000000901020304')),
            opt(61, bytes.fromhex('020102')) + opt(77, b'MSFT 5.0') + opt(77, b'\x03abc\x02de'),
            opt(93, bytes.fromhex('00070009')) + opt(94, bytes.fromhex('010201')) + opt(94, bytes.fromhex('020201'))
            + opt(97, bytes.fromhex('00' + '00112233445566778899aabbccddeeff')),
            opt(145, bytes.fromhex('0102')) + opt(114, b'http://portal.example/') + opt(114, b'abc\x00def')
            + opt(100, b'EST5EDT4,M3.2.0/02:00,M11.1.0/02:00'),
            opt(120, b'\x00\x03sip\x07example\x03com\x00'), opt(120, b'\x02\xaa'),
            opt(90, bytes.fromhex('00010000000000000000 01'.replace(' ', '')) + b'token')
            + opt(90, bytes.fromhex('0101000000000000000001')),
            opt(125, bytes.fromhex('00000009') + bytes([4]) + bytes.fromhex('01020a0b'))
            + opt(125, b'\x00\x00') + opt(81, b'\x00') + opt(121, b'') + opt(249, b'\x01') + opt(90, b'\x01'),
            opt(82, opt(3, b'ab') + opt(4, b'\x00\x00\x00\x01') + opt(7, b'r') + opt(8, b'a') + opt(14, b'net\x00x')
                + opt(15, b'ap') + opt(16, bytes.fromhex('020000000002')) + opt(17, b'op') + opt(18, b'realm')
                + opt(150, ip('10.0.0.9')) + opt(152, ip('10.0.0.8')) + opt(0, b'')),
            opt(82, bytes.fromhex('0105aa')), opt(82, bytes.fromhex('010178')),
            opt(124, bytes.fromhex('00000009') + b'\x03abc' + bytes.fromhex('0000118b') + b'\x03a\x00c') + opt(124, b'\x00\x00\x00\x09')
            + opt(117, bytes.fromhex('00000006002900410007')),
            opt(124, bytes.fromhex('00000009') + b'\x09abc'),
            opt(53, b'\x01') + opt(53, b'\x03') + opt(3, b'') + opt(12, b'host\x00junk') + opt(52, b'\x00')]
    for m in more:
        out.append(udp4(bootp(1, opt(53, b'\x01') + m + b'\xff')))
    # a packet cut short by the snapshot length (marked in main)
    out.append(('cut', udp4(bootp(1, disc))))
    return out


def main():
    out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)
    for n, f in enumerate(frames()):
        if isinstance(f, tuple):
            f = f[1]
            out += struct.pack('<IIII', 1700000000 + n, 0, 200, len(f)) + f[:200]
        else:
            out += struct.pack('<IIII', 1700000000 + n, 0, len(f), len(f)) + f
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'dhcp_crafted.pcap'), 'wb') as fh:
        fh.write(out)


if __name__ == '__main__':
    main()
