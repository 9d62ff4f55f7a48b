#!/usr/bin/env python3
"""Writes sip_crafted.pcap: hand-made SIP and SDP for comparing Dorsal's SIP and SDP dissectors with
tshark 4.0.17 (make_oracle.sh). Deterministic.

SIP over UDP 5060: every common method (INVITE, ACK, BYE, CANCEL, REGISTER, OPTIONS, PRACK, SUBSCRIBE,
NOTIFY, PUBLISH, INFO, REFER, MESSAGE, UPDATE) and many status codes, compact header forms, an INVITE
with an SDP body offering audio and video with several attributes and its answer, an XML body, a
malformed request line, a message cut short, a non-SIP payload on 5060, SIP on another UDP port
(found by the heuristic); SIP over TCP 5060 with a message split across segments and several messages
in one segment, and SIP over TCP on another port (the heuristic).
usage: make_sip_crafted.py (writes beside itself)
"""
import os
import struct

from textproto_pcap import Conn, Pcap, csum, MAC, V4

HERE = os.path.dirname(os.path.abspath(__file__))


def udp(p, side, sport, dport, payload, caplen=None):
    """One Ethernet/IPv4/UDP datagram from host side to host 1-side."""
    if isinstance(payload, str):
        payload = payload.encode('latin-1')
    src, dst = V4[side], V4[1 - side]
    u = struct.pack('!HHHH', sport, dport, 8 + len(payload), 0)
    pseudo = src + dst + struct.pack('!BBH', 0, 17, len(u) + len(payload))
    u = u[:6] + struct.pack('!H', csum(pseudo + u + payload) or 0xffff)
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(u) + len(payload), 1, 0x4000, 64, 17, 0, src, dst)
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    p.add(MAC[1 - side] + MAC[side] + b'\x08\x00' + ip + u + payload, caplen)


def msg(first, headers, body=''):
    lines = [first] + headers
    if body:
        lines.append('Content-Length: %d' % len(body))
    return '\r\n'.join(lines) + '\r\n\r\n' + body


def dialog(method, cseq, branch, extra=(), uri='sip:bob@example.com'):
    return ['Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK' + branch,
            'From: "Alice" <sip:alice@example.com>;tag=a1',
            'To: <sip:bob@example.com>',
            'Call-ID: call-' + branch + '@10.0.0.1',
            'CSeq: %d %s' % (cseq, method),
            'Max-Forwards: 70'] + list(extra)


SDP_OFFER = '\r\n'.join([
    'v=0',
    'o=alice 2890844526 2890844527 IN IP4 10.0.0.1',
    's=Call',
    'i=A call with audio and video',
    'u=http://example.com/call',
    'e=alice@example.com',
    'p=+1 555 0100',
    'c=IN IP4 10.0.0.1',
    'b=CT:384',
    't=0 0',
    'a=tool:crafted',
    'a=group:BUNDLE audio video',
    'm=audio 49170 RTP/AVP 0 8 18 101',
    'b=AS:64',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:18 G729/8000',
    'a=fmtp:18 annexb=no',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-15',
    'a=ptime:20',
    'a=sendrecv',
    'm=video 51372 RTP/AVP 31 34',
    'c=IN IP4 10.0.0.1',
    'a=rtpmap:31 H261/90000',
    'a=rtpmap:34 H263/90000',
    'a=recvonly',
    '']).replace('\r\n', '\r\n')

SDP_ANSWER = '\r\n'.join([
    'v=0',
    'o=bob 2808844564 2808844564 IN IP4 10.0.0.2',
    's=-',
    'c=IN IP4 10.0.0.2',
    't=0 0',
    'm=audio 3456 RTP/AVP 0 101',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=sendrecv',
    'm=video 0 RTP/AVP 31',
    ''])

# an XML body without a schema tshark's XML dissector knows (its PIDF schema is not in Dorsal, docs/compat.md)
XML = ('<?xml version="1.0" encoding="UTF-8"?>\r\n<notice kind="presence" who="sip:alice@example.com">\r\n'
       '<state since="now">open</state><!-- a comment -->\r\n</notice>\r\n')


def main():
    p = Pcap()
    # a call over UDP
    inv = dialog('INVITE', 1, 'inv1', ['Contact: <sip:alice@10.0.0.1:5060;transport=udp>;expires=60',
                                       'Content-Type: application/sdp', 'Allow: INVITE, ACK, BYE, CANCEL',
                                       'User-Agent: crafted/1.0'])
    udp(p, 0, 5060, 5060, msg('INVITE sip:bob@example.com SIP/2.0', inv, SDP_OFFER))
    resp = lambda code, method, cseq=1, branch='inv1', extra=(), body='': msg(
        'SIP/2.0 ' + code, ['Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK' + branch + ';received=10.0.0.1;rport=5060',
                            'From: "Alice" <sip:alice@example.com>;tag=a1',
                            'To: <sip:bob@example.com>;tag=b2',
                            'Call-ID: call-' + branch + '@10.0.0.1',
                            'CSeq: %d %s' % (cseq, method)] + list(extra), body)
    udp(p, 1, 5060, 5060, resp('100 Trying', 'INVITE') + '')
    udp(p, 1, 5060, 5060, resp('180 Ringing', 'INVITE', extra=['Contact: <sip:bob@10.0.0.2>']))
    udp(p, 1, 5060, 5060, resp('183 Session Progress', 'INVITE', extra=['RSeq: 1', 'Require: 100rel']))
    udp(p, 0, 5060, 5060, msg('PRACK sip:bob@10.0.0.2 SIP/2.0', dialog('PRACK', 2, 'pr1', ['RAck: 1 1 INVITE'])))
    udp(p, 1, 5060, 5060, resp('200 OK', 'PRACK', 2, 'pr1'))
    udp(p, 1, 5060, 5060, resp('200 OK', 'INVITE', extra=['Contact: "Bob" <sip:bob@10.0.0.2:5060>',
                                                          'Content-Type: application/sdp'], body=SDP_ANSWER))
    udp(p, 0, 5060, 5060, msg('ACK sip:bob@10.0.0.2:5060 SIP/2.0', dialog('ACK', 1, 'ack1')))
    udp(p, 0, 5060, 5060, msg('INFO sip:bob@10.0.0.2 SIP/2.0', dialog('INFO', 3, 'info1')))
    udp(p, 0, 5060, 5060, msg('UPDATE sip:bob@10.0.0.2 SIP/2.0', dialog('UPDATE', 4, 'upd1')))
    udp(p, 0, 5060, 5060, msg('REFER sip:bob@10.0.0.2 SIP/2.0', dialog('REFER', 5, 'ref1',
                                                                      ['Refer-To: <sip:carol@example.com>',
                                                                       'Referred-By: <sip:alice@example.com>'])))
    udp(p, 1, 5060, 5060, resp('202 Accepted', 'REFER', 5, 'ref1'))
    udp(p, 0, 5060, 5060, msg('BYE sip:bob@10.0.0.2 SIP/2.0', dialog('BYE', 6, 'bye1',
                                                                    ['Reason: SIP;cause=200;text="Call completed"'])))
    udp(p, 1, 5060, 5060, resp('200 OK', 'BYE', 6, 'bye1'))
    udp(p, 0, 5060, 5060, msg('CANCEL sip:bob@example.com SIP/2.0', dialog('CANCEL', 1, 'can1')))
    udp(p, 1, 5060, 5060, resp('487 Request Terminated', 'INVITE', 1, 'can1'))
    # registration with digest authentication
    reg = ['Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKreg1;rport',
           'From: <sip:alice@example.com>;tag=r1', 'To: <sip:alice@example.com>',
           'Call-ID: reg1@10.0.0.1', 'CSeq: 1 REGISTER', 'Contact: <sip:alice@10.0.0.1>;expires=3600',
           'Expires: 3600']
    udp(p, 0, 5060, 5060, msg('REGISTER sip:example.com SIP/2.0', reg))
    udp(p, 1, 5060, 5060, msg('SIP/2.0 401 Unauthorized', reg[:3] + ['Call-ID: reg1@10.0.0.1', 'CSeq: 1 REGISTER',
        'WWW-Authenticate: Digest realm="example.com", nonce="abc123", algorithm=MD5, qop="auth"']))
    udp(p, 0, 5060, 5060, msg('REGISTER sip:example.com SIP/2.0', reg[:4] + ['CSeq: 2 REGISTER',
        'Authorization: Digest username="alice", realm="example.com", nonce="abc123", uri="sip:example.com", '
        'response="0123456789abcdef0123456789abcdef", algorithm=MD5, cnonce="xyz", qop=auth, nc=00000001']))
    udp(p, 1, 5060, 5060, msg('SIP/2.0 200 OK', reg[:4] + ['CSeq: 2 REGISTER',
                                                          'Contact: <sip:alice@10.0.0.1>;expires=3600']))
    # other methods
    udp(p, 0, 5060, 5060, msg('OPTIONS sip:example.com SIP/2.0', dialog('OPTIONS', 1, 'opt1',
                                                                       ['Accept: application/sdp'])))
    udp(p, 1, 5060, 5060, resp('200 OK', 'OPTIONS', 1, 'opt1', ['Allow: INVITE, ACK, OPTIONS',
                                                               'Supported: replaces']))
    udp(p, 0, 5060, 5060, msg('SUBSCRIBE sip:bob@example.com SIP/2.0', dialog('SUBSCRIBE', 1, 'sub1',
                                                                             ['Event: presence', 'Expires: 600'])))
    udp(p, 1, 5060, 5060, resp('489 Bad Event', 'SUBSCRIBE', 1, 'sub1'))
    udp(p, 0, 5060, 5060, msg('NOTIFY sip:alice@10.0.0.1 SIP/2.0', dialog('NOTIFY', 2, 'not1',
        ['Event: presence', 'Subscription-State: active;expires=599', 'Content-Type: application/xml']), XML))
    udp(p, 0, 5060, 5060, msg('PUBLISH sip:alice@example.com SIP/2.0', dialog('PUBLISH', 1, 'pub1',
        ['Event: presence', 'Content-Type: application/xml']), XML))
    udp(p, 0, 5060, 5060, msg('MESSAGE sip:bob@example.com SIP/2.0', dialog('MESSAGE', 1, 'msg1',
        ['Content-Type: text/plain']), 'Hello Bob\r\n'))
    # more status codes
    for code, reason in [('301', 'Moved Permanently'), ('302', 'Moved Temporarily'), ('400', 'Bad Request'),
                         ('403', 'Forbidden'), ('404', 'Not Found'), ('405', 'Method Not Allowed'),
                         ('407', 'Proxy Authentication Required'), ('408', 'Request Timeout'),
                         ('480', 'Temporarily Unavailable'), ('481', 'Call/Transaction Does Not Exist'),
                         ('486', 'Busy Here'), ('488', 'Not Acceptable Here'), ('500', 'Server Internal Error'),
                         ('501', 'Not Implemented'), ('502', 'Bad Gateway'), ('503', 'Service Unavailable'),
                         ('600', 'Busy Everywhere'), ('603', 'Decline'), ('604', 'Does Not Exist Anywhere'),
                         ('606', 'Not Acceptable'), ('299', 'Odd Success'), ('199', 'Early Dialog Terminated')]:
        extra = ['Retry-After: 30'] if code == '503' else []
        udp(p, 1, 5060, 5060, resp(code + ' ' + reason, 'INVITE', 7, 'st' + code, extra))
    # compact header forms
    udp(p, 0, 5060, 5060, msg('INVITE sip:bob@example.com SIP/2.0', [
        'v: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKcmp1', 'f: <sip:alice@example.com>;tag=c1',
        't: Bob <sip:bob@example.com>', 'i: cmp1@10.0.0.1', 'CSeq: 1 INVITE', 'm: <sip:alice@10.0.0.1>',
        'k: timer', 's: compact test', 'c: application/sdp', 'l: 0']))
    udp(p, 0, 5060, 5060, 'OPTIONS sip:x@example.com SIP/2.0\r\nv: SIP/2.0/UDP 10.0.0.1\r\nl: 0\r\n\r\n')
    # a malformed request line, a message cut short, not SIP at all
    udp(p, 0, 5060, 5060, 'INVITE sip:bob@example.com SIP/3.0\r\nVia: SIP/2.0/UDP 10.0.0.1\r\n\r\n')
    udp(p, 0, 5060, 5060, 'INVITE  SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1\r\n\r\n')
    cut = msg('INVITE sip:bob@example.com SIP/2.0', dialog('INVITE', 8, 'cut1',
                                                           ['Content-Type: application/sdp']), SDP_OFFER)
    udp(p, 0, 5060, 5060, cut[:200])
    udp(p, 0, 5060, 5060, cut, caplen=14 + 20 + 8 + 150)
    udp(p, 0, 5060, 5060, 'Hello, this is not SIP\r\n')
    udp(p, 0, 5060, 5060, bytes(range(0, 40)))
    udp(p, 0, 5060, 5060, msg('OPTIONS sip:x@example.com SIP/2.0', ['Via: SIP/2.0/UDP 10.0.0.1',
                                                                    'X-Custom-Header: value', 'Bogus line']))
    # a resent request, a new CSeq, a 200 without CSeq, an unknown method, bodies of unknown or no type,
    # an SDP line without '=', a challenge parameter without a value
    opt = msg('OPTIONS sip:bob@example.com SIP/2.0', dialog('OPTIONS', 20, 'rs1'))
    udp(p, 0, 5060, 5060, opt)
    udp(p, 0, 5060, 5060, opt)
    udp(p, 0, 5060, 5060, opt.replace('CSeq: 20', 'CSeq: 21'))
    udp(p, 1, 5060, 5060, resp('200 OK', 'OPTIONS', 21, 'rs1').replace('call-rs1', 'call-rs1'))
    udp(p, 1, 5060, 5060, resp('200 OK', 'OPTIONS', 21, 'rs1'))
    udp(p, 1, 5060, 5060, 'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.1\r\nContent-Length: 0\r\n\r\n')
    udp(p, 0, 5060, 5060, msg('FOO sip:bob@example.com SIP/2.0', dialog('FOO', 1, 'foo1')))
    udp(p, 0, 5060, 5060, msg('INFO sip:bob@example.com SIP/2.0', dialog('INFO', 2, 'body1',
                                                                    ['Content-Type: application/x-unknown']),
                              'line one\r\nline two\n'))
    udp(p, 0, 5060, 5060, msg('INFO sip:bob@example.com SIP/2.0', dialog('INFO', 3, 'body2'), 'no type\r\n'))
    udp(p, 0, 5062, 5060, msg('INFO sip:bob@example.com SIP/2.0', dialog('INFO', 4, 'sdp1',
                                                                    ['Content-Type: application/sdp']),
                              'v=0\r\nnot a line\r\ns=x\r\nc=IN IP4 10.0.0.9\r\nm=audio 7000 RTP/AVP 0\r\n'))
    udp(p, 1, 5060, 5060, msg('SIP/2.0 407 Proxy Authentication Required', dialog('INVITE', 1, 'auth2', [
        'Proxy-Authenticate: Digest realm="example.com", stale, nonce="n1"'])))
    # a Content-Length that is no number, a Via port past 65535
    udp(p, 0, 5060, 5060, 'OPTIONS sip:x@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:70000;branch=z9hG4bKcl1\r\n'
                          'Call-ID: cl1@10.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: abc\r\n\r\n')
    # 3GPP/IMS headers: access network, IPsec security agreement, charging vector, Session-ID
    ims = ['Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKims1', 'From: <sip:ue@ims.example>;tag=i1',
           'To: <sip:ue@ims.example>', 'Call-ID: ims1@10.0.0.1', 'CSeq: 1 REGISTER',
           'P-Access-Network-Info: 3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=2620100001234567;network-provided',
           'P-Access-Network-Info: IEEE-802.11',
           'Security-Client: ipsec-3gpp; alg=hmac-sha-1-96; ealg=null; spi-c=1111; spi-s=2222; port-c=5062; '
           'port-s=5064; prot=esp; mod=trans; q=0.1',
           'Session-ID: ab30317f1a784dc48ff824d0d3715d86;remote=00000000000000000000000000000000;logme',
           'P-Charging-Vector: icid-value="AyretyU0dm+6O2IrT5tAFrbHLso=023551024";icid-generated-at=10.0.0.1']
    udp(p, 0, 5060, 5060, msg('REGISTER sip:ims.example SIP/2.0', ims))
    udp(p, 1, 5060, 5060, msg('SIP/2.0 401 Unauthorized', ims[:3] + ['Call-ID: ims1@10.0.0.1', 'CSeq: 1 REGISTER',
        'Security-Server: ipsec-3gpp; q=0.1; alg=hmac-sha-1-96; spi-c=3333; spi-s=4444; port-c=5066; port-s=5068',
        'Security-Server: digest', 'Session-ID: 00000000000000000000000000000000']))
    # SIP on a port nobody registered: the heuristic finds it
    udp(p, 0, 40000, 40002, msg('OPTIONS sip:bob@example.com SIP/2.0', dialog('OPTIONS', 9, 'heur1')))
    udp(p, 1, 40002, 40000, resp('200 OK', 'OPTIONS', 9, 'heur1'))
    # SIP over TCP: one message across three segments, two in one segment, one and a half
    c = Conn(p, 40060, 5060)
    inv_tcp = msg('INVITE sip:bob@example.com SIP/2.0', [
        'Via: SIP/2.0/TCP 10.0.0.1:40060;branch=z9hG4bKtcp1', 'From: <sip:alice@example.com>;tag=t1',
        'To: <sip:bob@example.com>', 'Call-ID: tcp1@10.0.0.1', 'CSeq: 1 INVITE', 'Content-Type: application/sdp'],
        SDP_OFFER.replace('49170', '49180').replace('51372', '51382'))
    c.send(0, inv_tcp[:100])
    c.send(0, inv_tcp[100:300])
    c.send(0, inv_tcp[300:])
    r100 = msg('SIP/2.0 100 Trying', ['Via: SIP/2.0/TCP 10.0.0.1:40060;branch=z9hG4bKtcp1',
                                      'From: <sip:alice@example.com>;tag=t1', 'To: <sip:bob@example.com>',
                                      'Call-ID: tcp1@10.0.0.1', 'CSeq: 1 INVITE', 'Content-Length: 0'])
    r180 = r100.replace('100 Trying', '180 Ringing').replace('To: <sip:bob@example.com>',
                                                             'To: <sip:bob@example.com>;tag=t2')
    c.send(1, r100 + r180)
    r200 = msg('SIP/2.0 200 OK', ['Via: SIP/2.0/TCP 10.0.0.1:40060;branch=z9hG4bKtcp1',
                                  'From: <sip:alice@example.com>;tag=t1', 'To: <sip:bob@example.com>;tag=t2',
                                  'Call-ID: tcp1@10.0.0.1', 'CSeq: 1 INVITE', 'Content-Type: application/sdp'],
               SDP_ANSWER.replace('3456', '3470'))
    ack = msg('ACK sip:bob@10.0.0.2 SIP/2.0', ['Via: SIP/2.0/TCP 10.0.0.1:40060;branch=z9hG4bKtcp2',
                                               'From: <sip:alice@example.com>;tag=t1',
                                               'To: <sip:bob@example.com>;tag=t2', 'Call-ID: tcp1@10.0.0.1',
                                               'CSeq: 1 ACK', 'Content-Length: 0'])
    c.send(1, r200[:-40])
    c.send(1, r200[-40:])
    bye = ack.replace('ACK sip', 'BYE sip').replace('1 ACK', '2 BYE').replace('tcp2', 'tcp3')
    c.send(0, ack + bye[:50])
    c.send(0, bye[50:])
    c.send(0, 'This is not SIP\r\n')
    c.send(1, r100.replace('100 Trying', '183 Progress') + 'garbage after a message\r\n')
    c.close()
    # SIP over TCP on another port: tshark's sip_tcp heuristic, a message split in two, two in one segment
    c = Conn(p, 40070, 5080)
    opt = msg('OPTIONS sip:bob@example.com SIP/2.0', dialog('OPTIONS', 1, 'th1'))
    c.send(0, opt[:60])
    c.send(0, opt[60:])
    c.send(1, msg('SIP/2.0 200 OK', dialog('OPTIONS', 1, 'th1', ['Content-Type: application/sdp']),
                  SDP_ANSWER.replace('3456', '3480')) + opt)
    c.send(0, 'not sip\r\n')
    c.close()
    p.write(os.path.join(HERE, 'sip_crafted.pcap'))


if __name__ == '__main__':
    main()
