"""Writes industrial_crafted.pcap: TPKT/COTP, S7comm, Modbus/TCP and /UDP, and DoIP cases the corpus does
not cover, to hold Dorsal to tshark 4.0.17 on them (oracles by make_oracle.sh).

COTP: every TPDU type with its parameters (TSAPs as text and bytes, a bad checksum, every class-4
option), several TPDUs and several TPKT packets per segment, DT segments reassembled into an S7 PDU,
bad length indicators, an unknown type, TPKT continuation data. S7comm: setup communication, read and
write var with their items and return codes, ack errors, an unknown ROSCTR, PLC stop, block download and
upload functions with block file names of every form, userdata Read SZL
requests and responses (the diagnostic buffer and another list), diagnostic message, clock functions,
a cut parameter. Modbus: every public function code, request and response, exceptions, diagnostics
sub-functions, event log, file records, device identification, a query with an exception code, two
PDUs per segment, PDUs split across segments, Modbus/UDP. DoIP: every payload type over TCP and UDP, diagnostic messages (which
tshark hands to UDS), a cut message reassembled, short datagrams. Frames cut by the snap length.
Payloads that tshark's T.125 or RDP heuristics would claim are avoided (Dorsal has neither)."""
import struct
import sys

from textproto_pcap import Conn, Pcap, udp4

H = bytes.fromhex


def tpkt(p):
    return b''.join([bytes([3, 0]), (len(p) + 4).to_bytes(2, 'big'), p])


def cotp(ptype, body):
    return b''.join([bytes([len(body) + 1, ptype]), body])


def dt(p, eot=True):
    return tpkt(b''.join([H('02f0'), bytes([0x80 if eot else 0x00]), p]))


def s7(rosctr, ref, param, data, err=None):
    head = struct.pack('!BBHHHH', 0x32, rosctr, 0, ref, len(param), len(data))
    if err is not None:
        head = b''.join([head, struct.pack('!H', err)])
    return b''.join([head, param, data])


def userdata(param, data, ref=1):
    return dt(s7(7, ref, param, data))


def mb(tid, unit, pdu):
    return b''.join([struct.pack('!HHHB', tid, 0, len(pdu) + 1, unit), pdu])


def doip(ptype, body, ver=2):
    return b''.join([bytes([ver, ver ^ 0xff]), struct.pack('!HI', ptype, len(body)), body])


def cotp_cases(pc):
    c = Conn(pc, 40000, 102)
    c.send(0, tpkt(cotp(0xe0, b''.join([H('0000 0001 00'), H('c0010a c1020100 c2020102')]))))
    c.send(1, tpkt(cotp(0xd0, b''.join([H('0001 0044 00'), H('c0010a c1020100 c2020102')]))))
    c.send(0, dt(s7(1, 0, H('f000 0001 0001 01e0'), b'')))
    c.send(0, tpkt(cotp(0x80, H('0044 0001 80'))))
    c.send(1, tpkt(cotp(0xc0, H('0001 0044'))))
    c.close()
    c = Conn(pc, 40001, 102)
    params = H(''.join(['c1064d5953415021 c2024142 c30201ff c40101 c50300aabb c60103 c70104 85020064 8603010203',
                        '87020005 88080001000200030004 8918000001000002000003000004000005000006000007000008',
                        '8a020102 8b02003c 8c08000000010002 0003 e00112 f0020100 f20400001000 c9021234']).replace(' ', ''))
    c.send(0, tpkt(cotp(0xe0, b''.join([H('0000 0002 42'), params]))))
    c.send(0, tpkt(b''.join([cotp(0xf0, H('0044 05')), b'HELLO'])))
    c.send(0, tpkt(cotp(0x10, b''.join([H('0044 81'), b'XY']))))
    c.send(1, tpkt(cotp(0x60, H('0001 05'))))
    c.send(1, tpkt(cotp(0x61, H('0001 05'))))
    c.send(1, tpkt(cotp(0x20, H('0001 81'))))
    c.send(1, tpkt(cotp(0x50, H('0001 05'))))
    c.send(1, tpkt(cotp(0x70, H('0001 02'))))
    c.send(1, tpkt(cotp(0x70, b''.join([H('0001 01'), H('c1 02 aabb')]))))
    c.send(1, tpkt(cotp(0x70, b''.join([H('0001 03'), H('c0 03 aabbcc')]))))
    c.send(0, tpkt(b''.join([cotp(0x60, H('0044 05')), cotp(0xf0, bytes([0x80])), b'TAIL'])))
    c.send(0, b''.join([tpkt(b''.join([cotp(0xf0, bytes([0x80])), b'ONE'])),
                        tpkt(b''.join([cotp(0xf0, bytes([0x80])), b'TWO']))]))
    c.send(0, tpkt(cotp(0x30, H('0044'))))
    c.send(0, tpkt(H('20f080')))
    c.send(0, tpkt(b''.join([cotp(0x60, H('0044 05')), b'zz'])))
    c.send(0, tpkt(H('00f0')))
    for cls in ('10', '40', '00'):
        c.send(0, tpkt(cotp(0xe0, b''.join([H('0000 0002'), H(cls), H('c6 01 0f c0 01 07 f0 03 010203')]))))
    c.send(0, tpkt(cotp(0x80, b''.join([H('0044 0001 00'), H('e0 02 4142')]))))
    big = s7(3, 9, H('04 01'), b''.join([H('ff 09 0010'), bytes(range(16))]), 0)
    c.send(1, dt(big[:10], eot=False))
    c.send(1, dt(big[10:20], eot=False))
    c.send(1, dt(big[20:], eot=True))
    c.send(0, H('05000000'))
    c.send(0, dt(s7(1, 7, H('04 01 120a10 02 0004 0001 84 000000'), b'')), caplen=70)
    c.close()


def s7_cases(pc):
    c = Conn(pc, 40003, 102)
    item = H('120a10 02 0004 0001 84 000000')
    item2 = H('120a10 01 0001 0000 83 000010')
    item3 = H('120a10 04 0002 0000 81 000008')
    item4 = H('120a10 02 0001 0000 82 000001')
    c.send(0, dt(s7(1, 1, H('f000 0001 0001 01e0'), b'')))
    c.send(1, dt(s7(3, 1, H('f000 0001 0001 00f0'), b'', 0)))
    c.send(0, dt(s7(1, 2, b''.join([H('04 04'), item, item2, item3, item4]), b'')))
    c.send(1, dt(s7(3, 2, H('04 04'), H('ff 04 0020 01020304 ff 03 0001 01 00 ff 04 0020 0a0b0c0d ff 09 0001 7f'), 0)))
    c.send(0, dt(s7(1, 3, b''.join([H('05 01'), item]), H('00 04 0020 0a0b0c0d'))))
    c.send(1, dt(s7(3, 3, H('05 01'), H('ff'), 0)))
    c.send(0, dt(s7(1, 4, b''.join([H('05 02'), item2, item]), H('00 03 0001 01 00 00 04 0020 0a0b0c0d'))))
    c.send(1, dt(s7(3, 4, H('05 02'), H('ff 05'), 0)))
    c.send(1, dt(s7(3, 5, H('04 01'), H('0a 00 0000'), 0)))
    c.send(1, dt(s7(2, 6, b'', b'', 0x8104)))
    c.send(1, dt(s7(3, 7, H('04 01'), H('ff 04 0020 01020304'), 0x8500)))
    c.send(1, dt(s7(2, 8, b'', b'', 0)))
    c.send(0, dt(s7(5, 9, H('f000 0001 0001 01e0'), b'')))
    c.send(0, dt(s7(8, 10, b'', b'')))
    c.send(0, dt(s7(1, 11, H('29 0000000000 09 505f50524f4752414d'), b'')))
    c.send(0, dt(s7(1, 12, H('f000 0001 0001 01e0'), b'')[:14]))
    blk = b'_0A00001P'
    head = b''.join([H('00 0100 00000000'), bytes([len(blk)]), blk])
    c.send(0, dt(s7(1, 20, b''.join([H('1a'), head, H('0d'), b'1000128000064']), b'')))
    c.send(1, dt(s7(3, 20, H('1a'), b'', 0)))
    c.send(1, dt(s7(1, 21, b''.join([H('1b'), head]), b'')))
    c.send(0, dt(s7(3, 21, H('1b 00'), H('0004 00fb 01020304'), 0)))
    c.send(1, dt(s7(1, 22, b''.join([H('1c 00 0000 00000000'), bytes([len(blk)]), blk]), b'')))
    c.send(0, dt(s7(3, 22, H('1c'), b'', 0)))
    c.send(0, dt(s7(1, 23, b''.join([H('1d 00 0000 00000000'), bytes([len(blk)]), blk]), b'')))
    c.send(1, dt(s7(3, 23, b''.join([H('1d 00 0100 00000007 06'), b'000128']), b'', 0)))
    c.send(0, dt(s7(1, 24, H('1e 00 0000 00000007'), b'')))
    c.send(1, dt(s7(3, 24, H('1e 01'), H('0004 00fb 01020304'), 0)))
    c.send(0, dt(s7(1, 25, H('1f 00 8104 00000007'), b'')))
    c.send(1, dt(s7(3, 25, H('1f'), b'', 0)))
    c.send(1, dt(s7(3, 24, H('1e 03'), H('0004 00fb 01020304'), 0)))
    c.send(1, dt(s7(3, 24, H('1e 02'), H('0004 00fb 01020304'), 0)))
    for name in (b'_0800001A', b'_0E00123B', b'_0F00001Q', b'_0A0000XP', b'_0A00001', b'$0A00001P', b'_1000001P'):
        c.send(0, dt(s7(1, 26, b''.join([H('1b 00 0100 00000000'), bytes([len(name)]), name]), b'')))
    c.send(0, userdata(H('000112 04 11 44 01 00'), H('ff09 0004 0011 0000')))
    c.send(1, userdata(H('000112 08 12 84 01 01 00 00 0000'), H('ff09 000c 0f00 0000 0004 0001 01020304')))
    c.send(1, userdata(H('000112 08 12 84 01 02 00 01 0000'), H('0a00 0000')))
    c.send(0, userdata(H('000112 04 11 44 01 00'), H('ff09 0004 00a0 0000')))
    entries = b''.join([
        H('4302 ff68 c700 0000 08147714 2109081533376564'),
        H('1381 fe64 c772 0000 08147714 2109081533376554'),
        H('4546 ff32 c0c0 8ffe 00000000 2107311738240917'),
        H('0001 0102 0304 0506 0708090a 9901010000000001'),
        H('ffff 0000 0000 0000 00000000 2112311523595990')])
    c.send(1, userdata(H('000112 08 12 84 01 03 00 00 0000'),
                       b''.join([H('ff09'), struct.pack('!H', len(entries) + 8), H('00a0 0000 0014 0005'), entries])))
    c.send(0, userdata(H('000112 04 11 47 01 00'), H('0a00 0000')))
    c.send(1, userdata(H('000112 08 12 87 01 01 00 00 0000'), H('ff09 000a 0019 0908 1533 3765 6584')))
    c.send(0, userdata(H('000112 04 11 47 02 00'), H('ff09 000a 0020 1231 2359 5999 9997')))
    c.send(0, userdata(H('000112 04 11 43 01 00'), H('0a00 0000')))
    c.send(1, userdata(H('000112 08 12 84 01 01 00 00 d602'), H('0a00 0000')))
    c.send(0, userdata(H('000112 04 11 44 03 00'), H('ff09 0002 0001')))
    c.send(1, userdata(H('000112 00 11 04 03 00'), b''.join([H('ff09 0014'), entries[40:60]])))
    c.send(0, userdata(H('000112 04 11 41 01 00'), H('0a00 0000')))
    c.send(0, userdata(H('000112 04 11 45 01 00'), H('0a00 0000')))
    c.send(0, userdata(H('000112 04 11 4f 01 00'), H('0a00 0000')))
    c.close()


def modbus_cases(pc):
    c = Conn(pc, 50100, 502)
    t = [1]

    def rr(req, resp, unit=1):
        c.send(0, mb(t[0], unit, req))
        c.send(1, mb(t[0], unit, resp))
        t[0] += 1
    rr(H('01 0000 000a'), H('01 02 cd01'))
    rr(H('02 0010 0008'), H('02 01 ac'))
    rr(H('03 006b 0003'), H('03 06 022b 0000 0064'))
    rr(H('04 0008 0001'), H('04 02 000a'))
    rr(H('05 00ac ff00'), H('05 00ac ff00'))
    rr(H('06 0001 0003'), H('06 0001 0003'))
    rr(H('07'), H('07 6d'))
    rr(H('08 0000 a537'), H('08 0000 a537'))
    rr(H('0b'), H('0b ffff 0108'))
    rr(H('0c'), H('0c 08 0000 0108 0121 20 00'))
    rr(H('0c'), H('0c 0a 0000 0108 0121 92 41 04 7f ff'))
    rr(H('0f 0013 000a 02 cd01'), H('0f 0013 000a'))
    rr(H('10 0001 0002 04 000a 0102'), H('10 0001 0002'))
    rr(H('11'), H('11 03 01 ff 41'))
    rr(H('14 0e 06 0004 0001 0002 06 0003 0009 0002'), H('14 0c 05 06 0dfe 0020 05 06 33cd 0040'))
    rr(H('15 0d 06 0004 0007 0003 06af 04be 100d'), H('15 0d 06 0004 0007 0003 06af 04be 100d'))
    rr(H('16 0004 00f2 0025'), H('16 0004 00f2 0025'))
    rr(H('17 0003 0006 000e 0003 06 00ff 00ff 00ff'), H('17 0c 00fe 0acd 0001 0003 000d 00ff'))
    rr(H('18 04de'), H('18 0006 0002 01b8 1284'))
    rr(H('2b 0e 01 00'), H('2b 0e 01 01 00 00 03 00 05 416c706861 01 02 4142 02 03 312e30'))
    rr(H('2b 0d 0000'), H('2b 0d 0000'))
    rr(H('03 0000 0001'), H('83 02'))
    rr(H('81'), H('81 01'))
    rr(H('5a 0001 02'), H('5a 0001 02 03'))
    rr(H('41 0102'), H('41 0102'))
    for code in (1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21):
        rr(b''.join([H('08'), struct.pack('!H', code), H('0000')]), b''.join([H('08'), struct.pack('!H', code), H('0007')]))
    rr(H('08 0001 ff00'), H('08 0001 ff00'))
    rr(H('08 0003 4100'), H('08 0003 4100'))
    rr(H('01 0000 0004'), H('01 01 0f'), unit=5)
    c.send(1, mb(999, 1, H('03 02 0001')))
    c.send(0, b''.join([mb(99, 1, H('03 0000 0001')), mb(100, 1, H('03 0001 0001'))]))
    c.send(0, struct.pack('!HHHB', 101, 0, 1, 1))
    c.send(0, b''.join([struct.pack('!HHHB', 102, 5, 6, 1), H('03 0000 0001')]))
    c.send(0, mb(103, 1, H('10 0001 0002 04 000a 0102')), caplen=70)
    split = mb(104, 1, H('03 0000 0001'))
    c.send(0, split[:9])
    c.send(0, split[9:])
    c.send(0, split[:5])
    c.send(0, split[5:])
    c.close()
    pc.add(udp4(mb(1, 1, H('03 0000 0001')), 50000, 502))
    pc.add(udp4(mb(1, 1, H('03 02 0001')), 502, 50000, hosts=(1, 0)))
    pc.add(udp4(mb(2, 1, H('01 0000 0003')), 50000, 502))
    pc.add(udp4(mb(2, 1, H('81 02')), 502, 50000, hosts=(1, 0)))


def doip_cases(pc):
    c = Conn(pc, 50000, 13400)
    c.send(0, doip(0x8001, H('0e80 4010 22f190')))
    c.send(1, doip(0x8001, b''.join([H('4010 0e80 62f190'), b'VIN123'])))
    c.send(1, doip(0x8002, H('4010 0e80 00 22f190')))
    c.send(0, doip(0x8002, H('4010 0e80 05')))
    c.send(1, doip(0x8003, H('4010 0e80 02 22f101')))
    c.send(0, doip(0x0005, H('0e80 00 00000000')))
    c.send(0, doip(0x0005, H('0e80 e0 00000000 11223344'), ver=3))
    c.send(0, doip(0x0005, H('0e80 0001 00000000'), ver=1))
    c.send(1, doip(0x0006, H('0e80 4010 10 00000000 12345678')))
    c.send(1, doip(0x0006, H('0e80 4010 11 00000000')))
    c.send(0, doip(0x0007, b''))
    c.send(1, doip(0x0008, H('0e80')))
    c.send(0, doip(0x4001, b''))
    c.send(1, doip(0x4002, H('01 10 02')))
    c.send(1, doip(0x4002, H('00 01 00 00000fff')))
    c.send(0, doip(0x4003, b''))
    c.send(1, doip(0x4004, H('01')))
    c.send(1, doip(0x4004, H('07')))
    c.send(1, doip(0x0000, H('04')))
    c.send(1, doip(0x0004, b''.join([b'WAUZZZ8V0KA000001', H('4010 001a37bfee74 001a37bfee74 10 10')])))
    c.send(0, b''.join([doip(0x0001, b''), doip(0x0007, b'')]))
    c.send(0, doip(0x7777, b''))
    msg = doip(0x8002, H('4010 0e80 00 22f19011223344'))
    c.send(1, msg[:6])
    c.send(1, msg[6:])
    c.send(1, doip(0x4002, H('01 10 02 00001000')), caplen=70)
    c.close()
    pc.add(udp4(doip(0x0001, b'', ver=0xff), 50001, 13400))
    pc.add(udp4(doip(0x0002, H('001a37bfee74')), 50001, 13400))
    pc.add(udp4(doip(0x0003, b'WAUZZZ8V0KA000001'), 50001, 13400))
    pc.add(udp4(doip(0x0004, b''.join([b'WAUZZZ8V0KA000001', H('4010 001a37bfee74 001a37bfee74 00')])), 13400, 13400,
                hosts=(1, 0)))
    pc.add(udp4(doip(0x4001, b''), 50001, 13400))
    pc.add(udp4(H('02fd0001'), 50001, 13400))


def main():
    pc = Pcap()
    cotp_cases(pc)
    s7_cases(pc)
    modbus_cases(pc)
    doip_cases(pc)
    pc.write(sys.argv[1] if len(sys.argv) > 1 else 'industrial_crafted.pcap')


if __name__ == '__main__':
    main()
