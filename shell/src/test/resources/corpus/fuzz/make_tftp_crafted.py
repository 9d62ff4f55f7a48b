#!/usr/bin/env python3
"""Writes tftp_crafted.pcap: TFTP (RFC 1350 with the RFC 2347-2349 and 7440 options) as clients and
servers exchange it: read and write requests to port 69 in octet, netascii and mail mode, with and
without options, the server answering from a new port (DATA, ACK, OACK, ERROR with every code), a
last short block, a retransmitted block, two transfers at once, an unknown opcode, requests cut short
(no mode, no terminating NUL), packets too short for their opcode, a block number near the wrap, out
of range option values, IPv6.

usage: make_tftp_crafted.py  (writes the file beside this script)
"""
import os
import struct

from textproto_pcap import udp4_between, udp6_between


MACS = bytes.fromhex('020000000006' + '020000000005')


def udp4(src, dst, sport, dport, payload):
    return udp4_between(src, dst, sport, dport, payload, MACS)


def udp6(src, dst, sport, dport, payload):
    return udp6_between(src, dst, sport, dport, payload, MACS)


def rrq(name, mode=b'octet', opts=()):
    return b'\x00\x01' + name + b'\0' + mode + b'\0' + b''.join(k + b'\0' + v + b'\0' for k, v in opts)


def wrq(name, mode=b'octet', opts=()):
    return b'\x00\x02' + name + b'\0' + mode + b'\0' + b''.join(k + b'\0' + v + b'\0' for k, v in opts)


def data(block, body):
    return struct.pack('>HH', 3, block) + body


def ack(block):
    return struct.pack('>HH', 4, block)


def error(code, text):
    return struct.pack('>HH', 5, code) + text + b'\0'


def oack(opts):
    return b'\x00\x06' + b''.join(k + b'\0' + v + b'\0' for k, v in opts)


C = [10, 3, 0, 1]
S = [10, 3, 0, 2]
frames = []


def c2s(sport, dport, payload):
    frames.append(udp4(C, S, sport, dport, payload))


def s2c(sport, dport, payload):
    frames.append(udp4(S, C, sport, dport, payload))


# a read in octet mode: three blocks, the last short, one retransmitted
c2s(40001, 69, rrq(b'boot/pxelinux.0'))
s2c(50001, 40001, data(1, bytes(range(256)) * 2))
c2s(40001, 50001, ack(1))
s2c(50001, 40001, data(2, b'B' * 512))
s2c(50001, 40001, data(2, b'B' * 512))
c2s(40001, 50001, ack(2))
s2c(50001, 40001, data(3, b'end of file\n'))
c2s(40001, 50001, ack(3))
# a write with options and an option acknowledgement
c2s(40002, 69, wrq(b'upload/config.txt', b'netascii', [(b'blksize', b'1428'), (b'tsize', b'3000'),
                                                        (b'timeout', b'5'), (b'windowsize', b'4')]))
s2c(50002, 40002, oack([(b'blksize', b'1428'), (b'tsize', b'3000'), (b'timeout', b'5'), (b'windowsize', b'4')]))
c2s(40002, 50002, data(1, b'line one\r\nline two\r\n' * 70))
s2c(50002, 40002, ack(1))
c2s(40002, 50002, data(2, b'short\r\n'))
s2c(50002, 40002, ack(2))
# a tsize probe and the errors
c2s(40003, 69, rrq(b'missing.bin', b'octet', [(b'tsize', b'0')]))
s2c(50003, 40003, error(1, b'File not found'))
for code, text in enumerate([b'Undefined', b'File not found', b'Access violation', b'Disk full',
                             b'Illegal operation', b'Unknown TID', b'File exists', b'No such user',
                             b'Option negotiation failed', b'Code nine']):
    c2s(40004 + code, 69, rrq(b'f%d' % code, b'mail'))
    s2c(50004 + code, 40004 + code, error(code, text))
# options out of range and unknown ones
c2s(40020, 69, rrq(b'odd.bin', b'OCTET', [(b'blksize', b'4'), (b'windowsize', b'0'), (b'foo', b'bar'),
                                         (b'utimeout', b'1000'), (b'BLKSIZE', b'70000')]))
s2c(50020, 40020, oack([(b'blksize', b'70000'), (b'windowsize', b'70000')]))
c2s(40020, 50020, ack(0))
s2c(50020, 40020, data(65535, b'x' * 8))
c2s(40020, 50020, ack(65535))
# odd packets on a transfer and on port 69
s2c(50001, 40001, struct.pack('>H', 7) + b'opcode seven')
s2c(50001, 40001, b'\x00\x03\x00')
s2c(50001, 40001, b'\x00\x04')
s2c(50001, 40001, b'\x00\x05\x00\x01no nul')
s2c(50001, 40001, b'\x00\x06blksize\x00')
s2c(50001, 40001, b'\x00')
c2s(40030, 69, b'\x00\x01name-without-mode')
c2s(40031, 69, b'\x00\x01name\x00octet')
c2s(40032, 69, b'\x00\x02')
c2s(40033, 69, b'\x00\x09\x00\x01')
c2s(40034, 69, b'\x00\xff\x00\x01msdp')
c2s(40035, 69, rrq(b'', b'octet'))
c2s(40036, 69, rrq(b'dir/\xc3\xa9t\xc3\xa9 file', b'octet'))
# block numbers past 65535, a transfer size probe, option values out of range or not numbers
c2s(41000, 69, rrq(b'wrap.bin', b'octet', [(b'blksize', b'16')]))
s2c(51000, 41000, data(65535, b'a' * 512))
c2s(41000, 51000, ack(65535))
s2c(51000, 41000, data(0, b'b' * 512))
c2s(41000, 51000, ack(0))
s2c(51000, 41000, data(1, b''))
c2s(41001, 69, rrq(b'p.bin', b'octet', [(b'tsize', b'0'), (b'blksize', b'1024')]))
s2c(51001, 41001, oack([(b'tsize', b'12345'), (b'blksize', b'1024')]))
c2s(41001, 51001, error(8, b'tsize probe'))
c2s(41002, 69, rrq(b'ctl\x01name\ttab', b'octet', [(b'windowsize', b'abc'), (b'windowsize', b'65536'),
                                                      (b'blksize', b'')]))
s2c(51002, 41002, oack([(b'blksize', b'7'), (b'windowsize', b'1')]))
s2c(51002, 41002, data(1, b'x' * 7))
c2s(41002, 69, rrq(b'second.bin'))
s2c(51003, 41002, oack([(b'blksize', b'7'), (b'windowsize', b'1')]))
s2c(51003, 41002, data(1, b'x' * 7))
c2s(41003, 69, b'\x00\x04\x00\x05')
c2s(41003, 69, b'\x00\x03\x00\x01hello')
s2c(51004, 41004, b'\x00\x03\x00\x01unsolicited')
# which requests tshark follows: printable file names and the modes RFC 1350 names only
for i, (name, mode) in enumerate([(b'sp ace', b'octet'), (b'\xc3\xa9', b'octet'), (b'del\x7f', b'octet'),
                                  (b'm1', b'foo'), (b'm2', b''), (b'm3', b'NetAscii'), (b'', b'octet'),
                                  (b'tab\t', b'octet'), (b'x', b'octet\x01'), (b'm4', b'binary'),
                                  (b'~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./', b'MAIL')]):
    c2s(43000 + i, 69, rrq(name, mode))
    s2c(53000 + i, 43000 + i, data(1, b'x' * 7))
# requests on other ports, which tshark's udp heuristic takes when it would follow them, and look-alikes
c2s(44000, 12345, rrq(b'file.bin'))
s2c(54000, 44000, data(1, b'abc'))
c2s(44001, 12346, wrq(b'file.bin', b'netascii', [(b'blksize', b'1024')]))
c2s(44002, 12347, rrq(b'file.bin', b'binary'))
c2s(44003, 12348, error(1, b'File not found'))
c2s(44004, 12349, oack([(b'blksize', b'1024')]))
c2s(44005, 12350, ack(1))
c2s(44006, 12351, rrq(b'f\x01', b'octet'))
c2s(44007, 12352, rrq(b'file.bin', b'octet', [(b'foo', b'bar')]))
c2s(45000, 22345, rrq(b''))
c2s(45001, 22346, rrq(b'f', b'OcTeT'))
c2s(45002, 22347, rrq(b'f', b'octet', [(b'\x01x', b'1')]))
c2s(45003, 22348, b'\x00\x01f\x00octet')
c2s(45004, 22349, rrq(b'f', b'octet')[:-1] + b'x\x00')
c2s(45005, 22350, b'\x00\x01f\x00oct')
c2s(45006, 22351, rrq(b'f', b'octet') + b'\x00')
c2s(45008, 22353, rrq(b'f\xc3\xa9', b'octet'))
c2s(45009, 22354, rrq(b'f', b'netascii', [(b'tsize', b'\xff')]))
c2s(45010, 22355, b'\x00\x01f\x00\x00')
c2s(45011, 22356, b'\x00\x01\x00octet\x00')
c2s(45012, 22357, rrq(b'f', b'octet') + b'tsize\x00')
# IPv6
A6 = bytes.fromhex('20010db8000000000000000000000010')
B6 = bytes.fromhex('20010db8000000000000000000000020')
frames.append(udp6(A6, B6, 40040, 69, rrq(b'v6.cfg')))
frames.append(udp6(B6, A6, 50040, 40040, data(1, b'ipv6 data')))
frames.append(udp6(A6, B6, 40040, 50040, ack(1)))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'tftp_crafted.pcap'), 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for n, frame in enumerate(frames):
        f.write(struct.pack('<IIII', 1700000000 + n, n * 1000, len(frame), len(frame)))
        f.write(frame)
