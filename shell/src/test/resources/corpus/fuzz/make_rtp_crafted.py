#!/usr/bin/env python3
"""Writes rtp_crafted.pcap: a SIP call whose SDP offer and answer set up RTP and RTCP streams, for
comparing Dorsal's RTP, RTP EVENT and RTCP dissectors with tshark 4.0.17 (make_oracle.sh). Deterministic.

RTP after the answer in both directions, marker and padding bits, contributing sources, an
RFC 8285 one-byte header extension, telephone-event packets (start and end), a sequence number that
wraps, a datagram too short for the header, datagrams on ports no description named (shown as UDP
data: tshark's RTP heuristic is off by default); RTCP sender report with source description,
receiver report with goodbye; a second call with a=rtcp naming the RTCP port and a=rtcp-mux; a call over IPv6.
usage: make_rtp_crafted.py (writes beside itself)
"""
import os
import struct

from textproto_pcap import MAC, V6, Pcap, csum
from make_sip_crafted import udp, msg, dialog

HERE = os.path.dirname(os.path.abspath(__file__))

OFFER = '\r\n'.join(['v=0', 'o=alice 1 1 IN IP4 10.0.0.1', 's=-', 'c=IN IP4 10.0.0.1', 't=0 0',
                     'm=audio 20000 RTP/AVP 0 101', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000',
                     'a=fmtp:101 0-15', ''])
ANSWER = '\r\n'.join(['v=0', 'o=bob 2 2 IN IP4 10.0.0.2', 's=-', 'c=IN IP4 10.0.0.2', 't=0 0',
                      'm=audio 30000 RTP/AVP 0 101', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', ''])


def udp6(p, side, sport, dport, payload):
    """One Ethernet/IPv6/UDP datagram from host side (::1 or ::2) to the other."""
    if isinstance(payload, str):
        payload = payload.encode('latin-1')
    src, dst = V6[side], V6[1 - side]
    u = struct.pack('!HHHH', sport, dport, 8 + len(payload), 0)
    pseudo = src + dst + struct.pack('!IxxxB', len(u) + len(payload), 17)
    u = u[:6] + struct.pack('!H', csum(pseudo + u + payload) or 0xffff)
    ip = struct.pack('!IHBB', 0x60000000, len(u) + len(payload), 17, 64) + src + dst
    p.add(MAC[1 - side] + MAC[side] + b'\x86\xdd' + ip + u + payload)


def rtp(pt, seq, ts, ssrc, payload=b'\xff' * 160, marker=0, pad=0, ext=None, csrc=()):
    b0 = 0x80 | (0x20 if pad else 0) | (0x10 if ext else 0) | len(csrc)
    head = [struct.pack('!BBHII', b0, (marker << 7) | pt, seq & 0xffff, ts, ssrc)]
    head += [struct.pack('!I', c) for c in csrc]
    if ext:
        head.append(struct.pack('!HH', ext[0], len(ext[1]) // 4) + ext[1])
    tail = bytes(pad - 1) + bytes([pad]) if pad else b''
    return b''.join(head) + payload + tail


def event(code, end, volume, duration):
    return struct.pack('!BBH', code, (0x80 if end else 0) | volume, duration)


def report_block(ssrc, lost, cum, high, jitter, lsr, dlsr):
    return struct.pack('!IB', ssrc, lost) + cum.to_bytes(3, 'big') + struct.pack('!IIII', high, jitter, lsr, dlsr)


def main():
    p = Pcap()
    headers = dialog('INVITE', 1, 'rtp1', ['Content-Type: application/sdp'])
    udp(p, 0, 5060, 5060, msg('INVITE sip:bob@example.com SIP/2.0', headers, OFFER))
    a, b = 0x11111111, 0x22222222
    # early media (RTP before the answer) is left out: tshark's -2 finds it on the answer's stream
    udp(p, 1, 5060, 5060, msg('SIP/2.0 200 OK', ['Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKrtp1',
                                                  'From: "Alice" <sip:alice@example.com>;tag=a1',
                                                  'To: <sip:bob@example.com>;tag=b2', 'Call-ID: call-rtp1@10.0.0.1',
                                                  'CSeq: 1 INVITE', 'Content-Type: application/sdp'], ANSWER))
    udp(p, 0, 20000, 30000, rtp(0, 65534, 16000, a, marker=1))
    udp(p, 1, 30000, 20000, rtp(0, 101, 8160, b))
    udp(p, 0, 20000, 30000, rtp(0, 65535, 16160, a, pad=4))
    udp(p, 0, 20000, 30000, rtp(0, 0, 16320, a, csrc=(0x33333333, 0x44444444)))
    udp(p, 0, 20000, 30000, rtp(0, 1, 16480, a, ext=(0xbede, bytes([0x10, 0xaa, 0x21, 0x01, 0x02, 0x03, 0, 0]))))
    udp(p, 0, 20000, 30000, rtp(101, 2, 16640, a, payload=event(1, 0, 10, 160), marker=1))
    udp(p, 0, 20000, 30000, rtp(101, 3, 16640, a, payload=event(1, 1, 10, 800)))
    udp(p, 1, 30000, 20000, rtp(101, 102, 8320, b, payload=event(11, 1, 63, 400), marker=1))
    sr = struct.pack('!BBHI', 0x81, 200, 12, a) + struct.pack('!IIIII', 0xe8a0b5c0, 0x80000000, 16640, 6, 960)
    sr += report_block(b, 0, 0, 102, 5, 0, 0)
    sdes_items = b'\x01\x0ealice@10.0.0.1\x00'
    sdes_items += bytes(-len(sdes_items) % 4)  # the chunk ends on a 32-bit boundary
    sdes = struct.pack('!BBHI', 0x81, 202, len(sdes_items) // 4 + 1, a) + sdes_items
    udp(p, 0, 20001, 30001, sr + sdes)
    rr = struct.pack('!BBHI', 0x81, 201, 7, b) + report_block(a, 1, 2, 0x10003, 12, 0xa0b5c080, 0x8000)
    bye = struct.pack('!BBHI', 0x81, 203, 1, b)
    udp(p, 1, 30001, 20001, rr + bye)
    udp(p, 0, 20000, 30000, rtp(0, 4, 16800, a)[:8])  # too short for the fixed header
    udp(p, 0, 40000, 40002, rtp(0, 1, 2, 3))  # RTP on ports no description named
    udp(p, 1, 5060, 5060, msg('BYE sip:alice@10.0.0.1 SIP/2.0', dialog('BYE', 2, 'rtp2')))
    # a second call: RTCP on the port a=rtcp names (the next port still set up, without setup information),
    # RTCP multiplexed on the answer's RTP port (a=rtcp-mux)
    offer = OFFER.replace('20000', '22000').replace('a=fmtp:101 0-15', 'a=rtcp:22500')
    answer = ANSWER.replace('30000', '32000') + 'a=rtcp-mux\r\n'
    # (from another SIP port: with -2, tshark shows a later call's Call-ID under the earlier SDP of the
    # same SIP conversation, which Dorsal does not reproduce; docs/compat.md)
    udp(p, 0, 5064, 5060, msg('INVITE sip:bob@example.com SIP/2.0', dialog('INVITE', 1, 'rtp3',
                                                                         ['Content-Type: application/sdp']), offer))
    udp(p, 1, 5060, 5064, msg('SIP/2.0 200 OK', ['Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKrtp3',
                                                  'From: "Alice" <sip:alice@example.com>;tag=a1',
                                                  'To: <sip:bob@example.com>;tag=b2', 'Call-ID: call-rtp3@10.0.0.1',
                                                  'CSeq: 1 INVITE', 'Content-Type: application/sdp'], answer))
    goodbye = struct.pack('!BBHI', 0x81, 203, 1, b)
    udp(p, 1, 41000, 22500, goodbye)
    udp(p, 1, 41001, 22001, goodbye)
    udp(p, 0, 41002, 32001, goodbye)
    udp(p, 0, 41003, 32000, goodbye)
    # a call over IPv6
    offer6 = '\r\n'.join(['v=0', 'o=a 1 1 IN IP6 ::1', 's=-', 'c=IN IP6 ::1', 't=0 0', 'm=audio 24000 RTP/AVP 8',
                         'a=rtpmap:8 PCMA/8000', ''])
    answer6 = offer6.replace('::1', '::2').replace('24000', '34000')
    udp6(p, 0, 5060, 5060, msg('INVITE sip:bob@[::2] SIP/2.0', dialog('INVITE', 1, 'v6',
                                                                     ['Content-Type: application/sdp']), offer6))
    udp6(p, 1, 5060, 5060, msg('SIP/2.0 200 OK', dialog('INVITE', 1, 'v6', ['Content-Type: application/sdp']),
                               answer6))
    udp6(p, 0, 24000, 34000, rtp(8, 1, 160, 0x55555555))
    udp6(p, 1, 34000, 24000, rtp(8, 9, 320, 0x66666666))
    p.write(os.path.join(HERE, 'rtp_crafted.pcap'))


if __name__ == '__main__':
    main()
