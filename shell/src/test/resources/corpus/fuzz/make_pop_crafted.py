#!/usr/bin/env python3
"""Writes pop_crafted.pcap: hand-made POP3 sessions (RFC 1939) for comparing Dorsal's POP dissector with
tshark 4.0.17 (make_oracle.sh): several commands, multi-line replies (LIST, RETR with a body split over
segments), a line split across segments, STLS, a segment cut by the snap length. Deterministic.
usage: make_pop_crafted.py (writes beside itself)
"""
import os

from textproto_pcap import Conn, Pcap

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    p = Pcap()
    c = Conn(p, 40110, 110)
    c.send(1, '+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n')
    c.send(0, 'CAPA\r\n')
    c.send(1, '+OK Capability list follows\r\nUSER\r\nUIDL\r\nSTLS\r\n.\r\n')
    c.send(0, 'USER mrose\r\n')
    c.send(1, '+OK mrose is a real hoopy frood\r\n')
    c.send(0, 'PASS secret\r\n')
    c.send(1, '-ERR maildrop already locked\r\n')
    c.send(0, 'APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n')
    c.send(1, '+OK maildrop has 2 messages (320 octets)\r\n')
    c.send(0, 'STAT\r\n')
    c.send(1, '+OK 2 320\r\n')
    c.send(0, 'LIST\r\n')
    c.send(1, '+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n')
    c.send(0, 'LIST 2\r\n')
    c.send(1, '+OK 2 200\r\n')
    c.send(0, 'RETR 1\r\n')
    c.send(1, '+OK 120 octets\r\n')
    c.send(1, 'From: a@example.org\r\nTo: b@example.org\r\nSubject: hi\r\n\r\n')
    c.send(1, 'Hello,\r\n..dot-stuffed line\r\n')
    c.send(1, '.\r\n')
    c.send(0, 'RETR 2\r\n')
    c.send(1, '+OK message follows\r\nSubject: one segment\r\n\r\nbody\r\n.\r\n')
    c.send(0, 'TOP 1 0\r\n')
    c.send(1, '+OK\r\nSubject: hi\r\n\r\n.\r\n')
    c.send(0, 'UIDL\r\n')
    c.send(1, '+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n')
    c.send(0, 'DELE 1\r\n')
    c.send(1, '+OK message 1 deleted\r\n')
    c.send(0, 'NOOP\r\nRSET\r\n')
    c.send(1, '+OK\r\n+OK maildrop has 2 messages\r\n')
    c.send(0, 'LI')
    c.send(0, 'ST 1\r\n')
    c.send(1, '+OK 1 ')
    c.send(1, '120\r\n')
    c.send(0, 'xyzzy\r\n')
    c.send(1, '-ERR unknown command\r\n')
    c.send(1, 'stray text\r\n')
    c.send(0, 'QUIT\r\n')
    c.send(1, '+OK dewey POP3 server signing off\r\n')
    c.close()

    c = Conn(p, 40111, 110)
    c.send(1, '+OK ready\r\n')
    c.send(0, 'STLS\r\n')
    c.send(1, '+OK Begin TLS negotiation\r\n')
    c.send(0, bytes.fromhex('160301002f0100002b0303') + bytes(32) + bytes.fromhex('000002002f0100'))
    c.close()

    c = Conn(p, 40112, 110, v6=True)
    c.send(1, '+OK ready\r\n')
    c.send(0, 'stls\r\n')
    c.send(1, '-ERR not now\r\n')
    c.send(0, 'user ' + 'a' * 200 + '\r\n', caplen=120)
    c.send(1, '+OK ' + 'b' * 200 + '\r\n', caplen=100)
    c.send(0, 'PASS x\r\n')
    c.send(1, '+OK\r\n')
    c.send(0, 'RETR 1\r\n')
    c.send(1, '+OK\r\nline one\r\n')
    c.send(1, 'line two\r\n.\r\n')
    c.send(0, 'QUIT\r\n')
    c.send(1, '+OK\r\n')
    c.close()
    p.write(os.path.join(HERE, 'pop_crafted.pcap'))


if __name__ == '__main__':
    main()
