#!/usr/bin/env python3
"""Writes imf_crafted.pcap: Internet messages (RFC 5322) carried by SMTP, POP and HTTP, for comparing
Dorsal's IMF dissector with tshark 4.0.17 (make_oracle.sh): every header field tshark knows, address
and mailbox lists with display names, groups, commas in quotes and empty items, folded and empty
values, unknown extension headers, content types with and without parameters (text, HTML, binary,
unknown), base64 bodies (good and bad), quoted-printable, bodies without a blank line before them,
messages ending inside their header fields, an empty last field (malformed), BDAT messages, a
message/rfc822 HTTP body. Deterministic.
usage: make_imf_crafted.py (writes beside itself)
"""
import os

from textproto_pcap import Conn, Pcap

HERE = os.path.dirname(os.path.abspath(__file__))

KNOWN = ['Date', 'From', 'Sender', 'Reply-To', 'To', 'Cc', 'Bcc', 'Message-ID', 'In-Reply-To', 'References',
         'Subject', 'Comments', 'User-Agent', 'Keywords', 'Resent-Date', 'Resent-From', 'Resent-Sender',
         'Resent-To', 'Resent-Cc', 'Resent-Bcc', 'Resent-Message-ID', 'Return-Path', 'Received',
         'Content-Description', 'Content-ID', 'Content-Transfer-Encoding', 'MIME-Version', 'Autoforwarded',
         'Autosubmitted', 'X400-Content-Identifier', 'Content-Language', 'Conversion', 'Conversion-With-Loss',
         'Delivery-Date', 'Discarded-X400-IPMS-Extensions', 'Discarded-X400-MTS-Extensions',
         'DL-Expansion-History', 'Deferred-Delivery', 'Expires', 'Importance', 'Incomplete-Copy',
         'Latest-Delivery-Time', 'Message-Type', 'Original-Encoded-Information-Types',
         'Originator-Return-Address', 'Priority', 'Reply-By', 'Sensitivity', 'Supersedes', 'X400-Content-Type',
         'X400-MTS-Identifier', 'X400-Originator', 'X400-Received', 'X400-Recipients', 'Delivered-To', 'X-Mailer',
         'X-MimeOLE', 'Expiry-Date', 'X-MS-TNEF-Correlator', 'X-UIDL', 'X-Authentication-Warning',
         'X-Virus-Scanned', 'X-Original-To', 'Thread-Index', 'Lines', 'Precedence']

MESSAGES = [
    # every known field, each with a list of two addresses
    ''.join(h + ': A B <a@x>, c@y\r\n' for h in KNOWN) + '\r\nbody\r\n',
    # a typical message
    '\r\n'.join([
        'Return-Path: <alice@example.org>',
        'Received: from mail.example.org (mail.example.org [10.0.0.1])',
        '\tby mx.example.net with ESMTP id 12345',
        '\tfor <bob@example.net>; Mon, 1 Jan 2024 00:00:00 +0000',
        'Date: Mon, 1 Jan 2024 00:00:00 +0000',
        'From: Alice Smith <alice@example.org>',
        'To: Bob <bob@example.net>, "Carol, Jr." <carol@example.net>',
        'Cc: undisclosed-recipients:;',
        'Bcc: Team: dan@example.net, eve@example.net;, frank@example.net',
        'Message-ID: <20240101000000.12345@example.org>',
        'In-Reply-To: <1@example.org>',
        'References: <0@example.org>',
        '  <1@example.org>',
        'Subject: Lunch',
        ' tomorrow?',
        'MIME-Version: 1.0',
        'X-Mailer: mutt 2.2',
        'X-Spam-Score: 0.1',
        'x-lower-case: yes',
        '',
        'Hi Bob,',
        '',
        'lunch at noon?\tTabs\tand trailing blanks   ',
        '-- ',
        'Alice',
        '']),
    # odd addresses
    'From: A<a@x>, <b@y>, c@z (comment), "q" <q@w>\r\nTo: <b@y>, :;, x:, g: h@i\r\n'
    'Cc: c@d\r\n  , e@f,,\r\nSender: nobody\r\nReply-To: <unclosed@x\r\nDelivered-To:   <d@t>\r\n'
    'Resent-From: r@s\r\nX-Original-To: o@t, p@u\r\nSubject: \xe9t\xc3\xa9\r\n\r\nline\xe9\rmore\nend\r\n',
    # content types
    'Subject: a\r\nContent-Type: text/plain\r\n\r\nno parameters: message text\r\n',
    'Subject: b\r\nContent-Type: text/plain; charset=us-ascii; format=flowed\r\n\r\nplain text\r\nlines\r\n',
    'Subject: c\r\nContent-Type: application/x-foo; a=b\r\n\r\nnobody takes this\r\n',
    'Subject: d\r\nContent-Type: text/plain; charset=x\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    'aGVsbG8gd29ybGQK\r\nc2Vjb25kIGxpbmU=\r\n',
    'Subject: q\r\nContent-Type: text/plain; charset=x\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
    'a=3Db=\r\nc\r\n',
    'Subject: r\r\nContent-Transfer-Encoding: BASE64\r\nContent-Type: text/plain; charset=x\r\n\r\n!!!\r\n',
    'Subject: i\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>\r\n',
    'Subject: j\r\nContent-Type:   text/plain ;x=y\r\n  ;z=w\r\n\r\nfolded parameters\r\n',
    # empty values, extensions, no blank line, no colon
    'Subject: e\r\nX-Empty:\r\nX-Sp:   \r\nX-Folded: one\r\n two\r\nDate:\r\nTo:\r\n\r\n',
    'Subject: x\r\nNoColonHere\r\n\r\nbody without a colon\r\n',
    'Subject: y\r\nNoColonHere\r\n\r\nbody: with a colon\r\n',
    ':bad\r\n\r\n',
    'Date:\r\n\r\nx\r\n',
    'Subject: only headers\r\nX-Last: v\r\n',
    'Subject: empty body\r\n\r\n',
    'just text\r\nno fields at all\r\n',
    'Subject: s\r\nX-Last:\r\n',
]


def main():
    p = Pcap()
    port = 40200
    # one connection, one DATA command per message (the server's replies left out after the first)
    c = Conn(p, port, 25)
    port += 1
    c.send(1, '220 ready\r\n')
    for i, m in enumerate(MESSAGES):
        c.send(0, 'DATA\r\n')
        if i == 0:
            c.send(1, '354 go\r\n')
        c.send(0, m)
        c.send(0, '.\r\n')
        if i == 0:
            c.send(1, '250 ok\r\n')
    c.close()

    # a message over three segments, BDAT messages, an empty DATA
    c = Conn(p, port, 25)
    port += 1
    c.send(1, '220 ready\r\n')
    c.send(0, 'DATA\r\n')
    c.send(1, '354 go\r\n')
    c.send(0, 'From: a@example.org\r\nTo: b@exa')
    c.send(0, 'mple.org\r\nSubject: split\r\n\r\nfirst\r\n')
    c.send(0, 'second\r\n')
    c.send(0, '.\r\n')
    c.send(1, '250 ok\r\n')
    m = 'Subject: bdat last\r\n\r\nx\r\n'
    c.send(0, 'BDAT %d LAST\r\n' % len(m))
    c.send(0, m)
    c.send(1, '250 ok\r\n')
    c.send(0, 'BDAT 14\r\n')
    c.send(0, 'Subject: two\r\n')
    c.send(1, '250 ok\r\n')
    c.send(0, 'BDAT 9 LAST\r\n')
    c.send(0, '\r\nchunk\r\n')
    c.send(1, '250 ok\r\n')
    c.send(0, 'DATA\r\n')
    c.send(1, '354 go\r\n')
    c.send(0, '\r\n.\r\n')
    c.send(1, '250 ok\r\n')
    c.close()

    # POP: messages in one frame and over two frames, lone carriage returns
    c = Conn(p, port, 110)
    port += 1
    c.send(1, '+OK ready\r\n')
    for parts in (['From: Pop <pop@example.org>\r\nSubject: pop\r\n\r\n'],
                  ['Subject: pop two\r\n\r\n', 'line\r\n..stuffed\r\n.\r\n'],
                  ['Subject: x\r'],
                  ['Subject: x\rTo: y\r\n\r\nz\r\n']):
        c.send(0, 'RETR 1\r\n')
        c.send(1, '+OK %d octets\r\n' % sum(len(x) for x in parts))
        for x in parts:
            c.send(1, x)
    c.close()

    # HTTP: a message/rfc822 body
    c = Conn(p, port, 80)
    port += 1
    c.send(0, 'GET /mail HTTP/1.1\r\nHost: x\r\n\r\n')
    body = 'From: web@example.org\r\nSubject: via http\r\n\r\nhi\r\n'
    c.send(1, 'HTTP/1.1 200 OK\r\nContent-Type: message/rfc822\r\nContent-Length: %d\r\n\r\n%s' % (len(body), body))
    c.close()
    p.write(os.path.join(HERE, 'imf_crafted.pcap'))


if __name__ == '__main__':
    main()
