#!/usr/bin/env python3
"""Writes telnet_crafted.pcap: hand-made Telnet sessions for comparing Dorsal's Telnet dissector with
tshark 4.0.17 (make_oracle.sh). Deterministic. Connection 1 (IPv4) negotiates every option code and
sends every command, data lines (CRLF, bare LF, CR, NUL, bytes from 0x80, IAC IAC) mixed with
commands, and the suboptions Dorsal decodes (terminal type, X display location, window size, remote
flow control, authentication, encryption, START_TLS) with their odd forms, suboptions
shown as bytes (linemode, environment, terminal speed, status, send location, unknown options), empty
ones and one with an escaped IAC; connection 2 has TN3270 regime suboptions; connection 3 (IPv6) ends segments in the middle of a command or
suboption and has one cut by the snapshot length.
usage: make_telnet_crafted.py (writes beside itself)
"""
import os

from textproto_pcap import Conn, Pcap

HERE = os.path.dirname(os.path.abspath(__file__))
IAC, SB, SE = 255, 250, 240


def sub(option, data):
    return bytes([IAC, SB, option]) + data + bytes([IAC, SE])


def main():
    p = Pcap()
    c = Conn(p, 40023, 23)
    for verb in (251, 252, 253, 254):
        # Binary, EOR, TN3270 regime and TN3270E would make tshark take the data for TN3270.
        c.send(0 if verb >= 253 else 1, bytes(b for n in range(256) if n not in (0, 25, 29, 40)
                                              for b in (IAC, verb, n)))
    c.send(1, bytes(b for n in range(236, 250) for b in (IAC, n)))
    c.send(1, b'\r\nlogin: ')
    c.send(0, b'root\r\n')
    c.send(1, b'line one\nline two\r\n\rback\x00hidden\r\n')
    c.send(1, b'caf\xc3\xa9 \xff\xff escaped\r\n')
    c.send(1, b'abc' + bytes([IAC, 251, 1]) + b'def\r\n' + bytes([IAC, 246]) + b'tail')
    suboptions = [
        (24, b'\x00VT100'), (24, b'\x01'), (24, b'\x01A'), (24, b'\x05zz'), (24, b'\x00'),
        (35, b'\x00host:0.0'), (35, b'\x01'), (35, b'\x07\x01'),
        (31, b'\x00\x50\x00\x18'), (31, b'\x01\x00\x00\x40'), (31, b'\x00\x50'), (31, b'\x00\x50\x00\x18\x01'),
        (33, b'\x00'), (33, b'\x01'), (33, b'\x02'), (33, b'\x03'), (33, b'\x07'), (33, b'\x01\x02'),
        (37, b'\x01\x02\x00\x0f\x02'), (37, b'\x01\x04\x1f'), (37, b'\x00\x00\x00'), (37, b'\x02\x0f\x00\x04'),
        (37, b'\x02\x02\x03\x02'), (37, b'\x03rob'), (37, b'\x09'), (37, b'\x01'),
        (38, b'\x00\x01\x00'), (38, b'\x00\x02ab'), (38, b'\x00\x00'), (38, b'\x01\x01\x02\x08\x0b\x06'),
        (38, b'\x02\x01\x05'), (38, b'\x03'), (38, b'\x04'), (38, b'\x05'), (38, b'\x06'), (38, b'\x07ab'),
        (38, b'\x08\x01'), (38, b'\x09'), (38, b'\x02'),
        (46, b'\x01'), (46, b'\x00'), (46, b'\x01\x02'),
        (34, b'\x01\x0b'), (36, b'\x00\x00USER\x01joe'), (39, b'\x02\x03DISPLAY'), (32, b'\x0038400,38400'),
        (5, b'\x01'), (23, b'\x00'), (28, b'\x00xyz'), (200, b'\x01\x02'),
        (24, b''), (31, b''), (37, b''), (5, b''),
    ]
    for option, data in suboptions:
        c.send(0, sub(option, data))
    c.send(0, sub(24, b'\x00a\xff\xffb'))
    c.send(0, sub(31, b'\x00\x50\x00\x18') + sub(24, b'\x00xterm') + b'ls -l\r\n')
    c.send(1, bytes([IAC, SB, 250, 0xfb, IAC, 0xfc, IAC, 0xfd]) + b'x')
    c.send(1, bytes([IAC, SB, 24, 0]) + b'VT')
    c.close()

    # The TN3270 regime suboption makes tshark take later data for TN3270: a connection of its own.
    c = Conn(p, 40025, 23)
    for data in (b'\x00abc', b'\x01', b'\x01xy', b'\x02', b'\x07z'):
        c.send(0, sub(29, data))
    c.close()

    c = Conn(p, 40024, 23, v6=True)
    c.send(1, bytes([IAC, 253, 24, IAC, 253]))
    c.send(1, bytes([IAC, SB]))
    c.send(1, b'data' + bytes([IAC]))
    c.send(0, bytes([IAC, SB, 31, 0]))
    c.send(1, b'x' * 100 + b'\r\n', caplen=100)
    c.send(1, bytes([IAC, 251, 3]) + b'y' * 100, caplen=80)
    c.close()
    p.write(os.path.join(HERE, 'telnet_crafted.pcap'))


if __name__ == '__main__':
    main()
