#!/usr/bin/env python3
"""Writes ssdp_crafted.pcap: SSDP (HTTP over UDP 1900) as UPnP devices and control points send it:
an M-SEARCH to the IPv4 multicast group and the same search again, a device's unicast 200 OK
answer from port 1900, NOTIFY ssdp:alive and ssdp:byebye, an M-SEARCH over IPv6 to ff02::c, a
response with a body, and bytes on port 1900 that are not HTTP.

usage: make_ssdp.py  (writes the file beside this script)
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


def udp4(src, dst, sport, dport, payload, mac_dst='01005e7ffffa'):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = bytes(src) + bytes(dst) + struct.pack('>BBH', 0, 17, len(udp))
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 7, 0, 4, 17, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('>H', checksum(ip)) + ip[12:]
    return bytes.fromhex(mac_dst + '020000000001') + b'\x08\x00' + ip + udp


def udp6(src, dst, sport, dport, payload):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack('>I', len(udp)) + b'\0\0\0\x11'
    udp = udp[:6] + struct.pack('>H', checksum(pseudo + udp) or 0xffff) + udp[8:]
    ip6 = struct.pack('>IHBB', 0x60000000, len(udp), 17, 1) + src + dst
    return bytes.fromhex('33330000000c' + '020000000001') + b'\x86\xdd' + ip6 + udp


def main():
    cp, dev, group = [192, 168, 1, 10], [192, 168, 1, 20], [239, 255, 255, 250]
    search = (b'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: 2\r\n'
              b'ST: ssdp:all\r\n\r\n')
    ok = (b'HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\nLOCATION: http://192.168.1.20:49152/desc.xml\r\n'
          b'SERVER: Linux/5.10 UPnP/1.0 Test/1.0\r\nST: upnp:rootdevice\r\nUSN: uuid:1234::upnp:rootdevice\r\n\r\n')
    alive = (b'NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n'
             b'LOCATION: http://192.168.1.20:49152/desc.xml\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n'
             b'USN: uuid:1234::upnp:rootdevice\r\n\r\n')
    byebye = (b'NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\nNTS: ssdp:byebye\r\n'
              b'USN: uuid:1234::upnp:rootdevice\r\n\r\n')
    with_body = b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello'
    src6 = bytes.fromhex('fe800000000000000000000000000001')
    dst6 = bytes.fromhex('ff02000000000000000000000000000c')
    frames = [udp4(cp, group, 50000, 1900, search), udp4(dev, cp, 1900, 50000, ok, '020000000002'),
              udp4(cp, group, 50000, 1900, search), udp4(dev, group, 1900, 1900, alive),
              udp4(dev, group, 1900, 1900, byebye), udp6(src6, dst6, 50001, 1900, search.replace(b'239.255.255.250', b'[FF02::C]')),
              udp4(dev, cp, 1900, 50002, with_body, '020000000002'), udp4(cp, dev, 50003, 1900, b'\x00\x01\x02binary')]
    out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)
    for n, f in enumerate(frames):
        out += struct.pack('<IIII', 1700000000 + n, 0, len(f), len(f)) + f
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ssdp_crafted.pcap'), 'wb') as fh:
        fh.write(out)


if __name__ == '__main__':
    main()
