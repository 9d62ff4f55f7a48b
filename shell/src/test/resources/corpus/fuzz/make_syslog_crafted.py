#!/usr/bin/env python3
"""Writes syslog_crafted.pcap: Syslog messages over UDP 514 as BSD (RFC 3164) and IETF (RFC 5424)
senders write them: every facility and level, messages without a PRI part, PRI values out of range
or not numeric, RFC 3164 timestamps and host names, RFC 5424 headers with nil values, structured
data and a UTF-8 BOM, versions other than 1, control and non-ASCII bytes, a trailing newline or NUL,
an empty datagram, IPv6.

usage: make_syslog_crafted.py  (writes the file beside this script)
"""
import os
import struct

from textproto_pcap import udp4_between, udp6_between


MACS = bytes.fromhex('020000000004' + '020000000003')


def udp4(src, dst, sport, dport, payload):
    return udp4_between(src, dst, sport, dport, payload, MACS)


def udp6(src, dst, sport, dport, payload):
    return udp6_between(src, dst, sport, dport, payload, MACS)


HOST = [10, 2, 0, 1]
LOGGER = [10, 2, 0, 2]
frames = []


def log(payload, sport=514):
    frames.append(udp4(HOST, LOGGER, sport, 514, payload))


# every facility and level
for facility in range(24):
    log(b'<%d>Oct 11 22:14:15 host%d app[%d]: facility test' % (facility * 8 + facility % 8, facility, facility))
for level in range(8):
    log(b'<%d>level %d' % (16 * 8 + level, level), 40000)
# RFC 3164 forms
log(b"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8")
log(b'<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!')
log(b'<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That\'s All Folks!')
log(b'<165>Aug 24 05:34:00 CST 1987 mymachine myproc[10]: %% It\'s time to make the do-nuts.  %%  Ingredients: Mix=OK')
log(b'<30>Jan  1 00:00:00 host kernel: line one\n')
log(b'<30>Jan  1 00:00:00 host kernel: with nul\x00')
log(b'<30>Jan  1 00:00:00 host kernel: tab\there and \x01 ctl')
log(b'<30>Jan  1 00:00:00 host kernel: utf8 \xc3\xa9t\xc3\xa9')
log(b'<30>Jan  1 00:00:00 host kernel: bad \xff\xfe bytes')
log(b'<30>Jan 32 99:99:99 host weird date')
log(b'<30>Jan  1 00:00:00')
log(b'<30>Jan  1 00:00:00 ')
log(b'<30>Jan  1 00:00:00 host')
# RFC 5424 forms
log(b'<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \xef\xbb\xbf\'su root\' failed for lonvick on /dev/pts/8')
log(b'<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It\'s time to make the do-nuts.')
log(b'<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" '
    b'eventSource="Application" eventID="1011"] \xef\xbb\xbfAn application event log entry...')
log(b'<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" '
    b'eventSource="Application" eventID="1011"][examplePriority@32473 class="high"]')
log(b'<14>1 - - - - - -')
log(b'<14>1 - - - - - - message with nil header')
log(b'<14>1 2024-02-29T23:59:60Z host app 123 msg -')
log(b'<14>1 2024-02-29T23:59:59+14:00 host app 123 msg - text')
log(b'<14>1 1985-04-12T23:20:50.52Z host app 123 msg - text')
log(b'<14>2 2003-10-11T22:14:15.003Z host app - - - version two')
log(b'<14>1 notadate host app - - - bad time')
log(b'<14>1 2003-10-11T22:14:15.003Z')
log(b'<14>1 2003-10-11T22:14:15.003Z host')
log(b'<14>10 2003-10-11T22:14:15.003Z host app - - - two digit version')
# PRI edge cases
log(b'<191>max pri')
log(b'<192>above max pri')
log(b'<999>way above')
log(b'<1000>four digits')
log(b'<abc>not numeric')
log(b'<>empty pri')
log(b'<7')
log(b'<')
log(b'<13>')
log(b'no pri at all')
log(b' <13>leading space')
log(b'<013>leading zero')
log(b'<13> space after pri')
# header quirks: no month check, tags without an end, RFC 5424 headers cut short, odd timestamps
for m in [b'<30>Xyz 11 22:14:15 host app: x', b'<30>Jan 11 22:14:15 host app', b'<30>Jan 11 22:14:15 host app ',
          b'<30>Jan 11 22:14:15 host app:', b'<14>1 - - - - -', b'<14>1 - - - - - ', b'<14>1 ', b'<14>1',
          b'<14>1 -', b'<30>jan 11 22:14:15 host app: x', b'<30>Jan 11 22.14.15 host app: x',
          b'<30>JAN 1  2:14:15 host app: x', b'<30>Jan 11 22:14:15  host app: x', b'<14>1  - - - - - x',
          b'<14>1 2003-10-11T22:14:15Z h a p m - \xc3\xa9\x00z', b'<14>1 2003-10-11 h a p m - x',
          b'<14>1 2003-10-11T22:14:15.1234567891Z h a p m - x', b'<14>1 2003-10-11T22:14Z h a p m - x',
          b'<30>Jan 11 22:14:15 host app[\xc3\xa9]: x', b'<14>1 2003-10-11T22:14:15-00:30 h a p m - x']:
    log(m)
log(b'')
frames.append(udp6(bytes.fromhex('20010db8000000000000000000000001'), bytes.fromhex('20010db8000000000000000000000002'),
                   514, 514, b'<86>Mar  3 03:03:03 v6host sshd[1]: over IPv6'))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'syslog_crafted.pcap'), 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for n, frame in enumerate(frames):
        f.write(struct.pack('<IIII', 1700000000 + n, n * 1000, len(frame), len(frame)))
        f.write(frame)
