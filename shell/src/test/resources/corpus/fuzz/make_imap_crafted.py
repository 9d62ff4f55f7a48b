#!/usr/bin/env python3
"""Writes imap_crafted.pcap: hand-made IMAP sessions (RFC 9051) on TCP 143 for comparing Dorsal's IMAP dissector
with tshark 4.0.17 (make_oracle.sh): tagged and untagged requests and responses, pipelined commands and answers,
tags answered twice, in another case or never, UID commands, abbreviated commands, LOGIN user names and passwords
(quoted, short, missing: malformed), folders of every command that has one, continuation requests, empty and
blank-led lines, lines split across segments and cut by the snap length, STARTTLS accepted and refused, FETCH
literals {N} handed to IMF (one or two in a segment, split over two and three segments, short, empty, with
their closing parenthesis in or after them) and the FETCH lines tshark waits on for ever (no parenthesis, sizes
that do not read as numbers). Deterministic.
usage: make_imap_crafted.py (writes beside itself)
"""
import os

from textproto_pcap import Conn, Pcap

HERE = os.path.dirname(os.path.abspath(__file__))
HELLO = bytes.fromhex('160301002f0100002b0303') + bytes(32) + bytes.fromhex('000002002f0100')
MESSAGE = 'From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: hi\r\n\r\nHello Bob\r\n'


def session(p):
    c = Conn(p, 40143, 143)
    c.send(1, '* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] server ready\r\n')
    c.send(0, 'a001 CAPABILITY\r\n')
    c.send(1, '* CAPABILITY IMAP4rev1 STARTTLS\r\na001 OK CAPABILITY completed\r\n')
    c.send(0, 'a002 LOGIN joe "secret pass"\r\n')
    c.send(1, 'a002 OK LOGIN completed\r\n')
    c.send(0, 'a003 SELECT "Sent Items"\r\n')
    c.send(1, '* 172 EXISTS\r\n* 1 RECENT\r\n* OK [UNSEEN 12] Message 12 is first unseen\r\n'
              'a003 OK [READ-WRITE] SELECT completed\r\n')
    c.send(0, 'a004 UID FETCH 1:* (FLAGS)\r\n')
    c.send(1, '* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n')
    c.send(1, 'a004 OK UID FETCH completed\r\n')
    c.send(0, 'a005 FETCH 12 BODY[]\r\n')
    c.send(1, '* 12 FETCH (BODY[] {%d}\r\n%s)\r\na005 OK FETCH completed\r\n' % (len(MESSAGE), MESSAGE))
    c.send(0, 'a006 APPEND INBOX {20}\r\n')
    c.send(1, '+ Ready for literal data\r\n')
    c.send(0, 'Subject: x\r\n\r\nbody\r\n')
    c.send(1, 'a006 OK APPEND completed\r\n')
    c.send(0, 'b5 NOOP\r\nb6 NOOP\r\n')
    c.send(1, 'b6 OK\r\nb5 OK\r\nb5 OK again\r\nzz OK unknown tag\r\nB6 OK other case\r\n')
    c.send(0, 'b7 LOG')
    c.send(0, 'IN user pass\r\n')
    c.send(1, 'b7 NO [AUTHENTICATIONFAILED] bad\r\n')
    c.send(0, 'b8 login "al" pw\r\n')
    c.send(0, 'b9 LOGIN onlyuser\r\n')
    c.send(0, 'b10 LOGIN\r\n')
    c.send(0, 'b11 LOGIN u p\r\n')
    c.send(0, 'b12 LOGIN a bcd\r\n')
    c.send(0, 'b13 l "a b" "c d"\r\n')
    c.send(0, 'b14 uid fetch 1 flags\r\n')
    c.send(0, 'b15 UID\r\n')
    c.send(0, 'b16 EXAMINE INBOX\r\nb17 CREATE a/b\r\nb18 DELETE x\r\nb19 RENAME a b\r\nb20 SUBSCRIBE s\r\n'
              'b21 UNSUBSCRIBE u\r\nb22 LIST "" *\r\nb23 LSUB "" *\r\nb24 STATUS INBOX (MESSAGES)\r\n'
              'b25 COPY 1 Trash\r\nb26 MOVE 1 Trash\r\nb27 SELECT\r\n')
    c.send(0, 'b28 UID COPY 1 Trash\r\nb29 UID MOVE 2 Junk\r\n')
    c.send(0, 'p1 SEL foo\r\np2 C 1 f\r\np3 CO 1 f\r\np4 S x\r\np5 A x\r\np6 U FETCH 1\r\np7 UI COPY 1 f\r\n'
              'p8 UN x\r\np9 R a b\r\npa D a\r\npb E a\r\npc ST x\r\npd M x\r\npe LOG uu pww\r\npf UID SELECT f\r\n'
              'pg SELECTX f\r\nph uid c 1 f\r\npi UID UID x\r\npj LOGOUT\r\n')
    c.send(1, 'p1 OK\r\n* 2 EXISTS\r\n')
    c.send(1, 'P2 OK\r\n')
    c.send(1, '* 1 EXISTS\r\n')
    c.send(1, '*\r\n')
    c.send(1, '+\r\n')
    c.send(1, '+ \r\n')
    c.send(1, 't  OK  spaced\r\n')
    c.send(1, 'x2 OK {3}\r\nabc\r\n+ {3}\r\nabc\r\nplain {3}\r\nabc\r\n* {3}\r\nabc\r\n* 5 STORE (X {3}\r\nabc)\r\n')
    c.send(1, '* 5 XFETCH (BODY[] {3}\r\nabc)\r\n* 5 FETCH(BODY[] {3}\r\nabc)\r\n* 5 (FETCH {3}\r\nabc)\r\n')
    c.send(1, '* 5 FETCH (BODY[] 3}\r\nabc)\r\n* 5 FETCH {3} (x\r\nabc)\r\n* OK (x) {3}\r\nabc)\r\n')
    c.send(1, '* 5 FETCH (UID 7)\r\n* 5 FETCH (UID 7\r\n')
    c.send(0, '   leading spaces\r\n')
    c.send(0, '\r\n')
    c.send(0, 'tagonly\r\n')
    c.send(0, 't  two  spaces\r\n')
    c.send(0, 'cr\rlf\nboth\r\n')
    c.send(0, 'c3 NOOP\r')
    c.send(0, '\nc4 NOOP\r\n')
    c.send(1, 'c3 OK\r\nc4 OK\r\n')
    c.send(0, 'q2 LOGIN ' + 'a' * 200 + '\r\n', caplen=100)
    c.send(1, 'q2 OK ' + 'b' * 200 + '\r\n', caplen=80)
    c.send(1, 'q3 OK whole\r\n')
    c.send(0, 'q4 LOGOUT\r\n')
    c.send(1, '* BYE\r\nq4 OK LOGOUT completed\r\n')
    c.close()


def literals(p):
    """One connection per FETCH literal case, each followed by a tagged answer (tshark's waits show there)."""
    cases = [
        ['* 1 FETCH (BODY[HEADER] {13}\r\nSubject: a\r\n BODY[TEXT] {4}\r\nxy\r\n)\r\nb1 OK done\r\n'],
        ['* 2 FETCH (BODY[] {30}\r\nSubject: split\r\n', '\r\nbody\r\n', 'more\r\n)\r\nb2 OK done\r\n'],
        ['* 3 FETCH (BODY[] {0}\r\n)\r\nb3 OK done\r\n'],
        ['* 1 FETCH (BODY[] {2}\r\nab\r\n', '* 2 FETCH (BODY[] {3}\r\nabc', ')\r\n'],
        ['* 5 FETCH (BODY[] {3}\r\nabc\r\n)\r\n'],
        ['* 5 FETCH (BODY[] {3}\r\nabc\r\n', ')\r\n'],
        ['* 5 fetch (BODY[] {3}\r\nabcdef)\r\n'],
        ['* 5 FETCH (BODY[] {3}\r\nabc) trailing\r\n'],
        ['* 5 FETCH (BODY[] {2}\r\nabc)\r\n'],
        ['* 5 FETCH (X {1} BODY[] {3}\r\nabc)\r\n'],
        ['* 5 FETCH (BODY[] {3}\r\nabc)\r\n* 6 FETCH (BODY[] {2}\r\nxy)\r\n'],
        ['* 5 FETCH (BODY[] {3}\r\nabc\r\nx)y\r\n'],
        ['a1 OK x\r\n* 5 FETCH (BODY[] {3}\r\nabc', ')\r\n'],
        ['*5 FETCH (BODY[] { 3}\r\nabc)\r\n'],
        ['* FETCH (BODY[] {03} \r\nabc)\r\n'],
        ['* 5 FETCH (BODY[] {3}\nabc)\n'],
        ['* 5 EXISTS FETCH (FLAGS (\\Seen) BODY[] {3}\r\nabc)\r\n'],
        ['* 5 FETCH X (A (B {3}\r\n)bc\r\n'],
        ['* 5 FETCH (BODY[] {3}) {4}\r\na)c\r\n'],
        ['* 5 FETCH (BODY[] {10}\r\n', '0123456789)\r\n'],
        ['* 5 FETCH (BODY[] {10}\r\n0123', '456789)\r\n'],
        ['* 5 FETCH (BODY[] {5}\r\nab)', 'de\r\n'],
        ['* 5 FETCH (BODY[] {3}\r\na)', 'c\r\n'],
        ['* 5 FETCH (BODY[] {10}\r\nabc)\r\n', 'zz OK after\r\n', ')\r\n'],
        ['* 5 FETCH (BODY[] {3}\r\nabc)\r\n', '* 6 FETCH (BODY[] {9}\r\nxy)\r\n'],
        ['* 1 FETCH (BODY[] {3}\r\nabc)\r\nq1 OK\r\n' + 'x' * 100 + '\r\n'],
        ['* 2 FETCH (BODY[] {300}\r\nabc)\r\n' + 'x' * 100 + '\r\n'],
        # tshark waits for ever on these
        ['* 5 FETCH UID 7\r\n'],
        ['* 5 FETCH {3}\r\nabc)\r\n'],
        ['* 9 FETCH (BODY[] {abc}\r\nrest)\r\n'],
        ['* 9 FETCH (BODY[] {+3}\r\nabc)\r\n'],
        ['* 9 FETCH (BODY[] {99999999999}\r\nabc)\r\n'],
        ['* 5 FETCH (BODY[] {3\r\nabc)\r\n'],
    ]
    port = 41000
    for parts in cases:
        c = Conn(p, port, 143)
        port += 1
        for m in parts:
            c.send(1, m, caplen=80 if len(m) > 100 else None)
        c.send(1, 'zz OK after\r\n')


def starttls(p):
    c = Conn(p, 42000, 143)
    c.send(0, 'a1 STARTTLS\r\n')
    c.send(1, 'a1 OK Begin TLS negotiation now\r\n')
    c.send(0, HELLO)
    c.close()
    c = Conn(p, 42001, 143, v6=True)
    c.send(0, 'a1 starttls\r\n')
    c.send(1, 'a1 NO not now\r\n')
    c.send(0, 'a2 NOOP\r\n')
    c.send(1, 'a2 OK\r\n')
    c.close()
    c = Conn(p, 42002, 143)
    c.send(0, 'a1 STARTTLS\r\na2 NOOP\r\n')
    c.send(1, '* BAD x\r\n')
    c.send(1, 'zz OK other\r\n')
    c.send(1, 'a1 OK go\r\n')
    c.send(0, HELLO)
    c.close()


def main():
    p = Pcap()
    session(p)
    literals(p)
    starttls(p)
    p.write(os.path.join(HERE, 'imap_crafted.pcap'))


if __name__ == '__main__':
    main()
