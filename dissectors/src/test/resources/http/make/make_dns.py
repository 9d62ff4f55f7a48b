#!/usr/bin/env python3
"""Writes the crafted DNS test captures (run: python3 make_dns.py OUTDIR). Each frame exercises a record
type, header flag, name encoding or transaction case; tshark 4.0.17's outputs for them are the oracle."""
import os, socket, struct, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcapgen import *
OUT = sys.argv[1]

# ---- dns_crafted_types.pcap ----
def _dns_crafted_types():
    types=[int(l.split('\t')[2]) for l in open('/work/shared/reference/tshark-4.0.17/values_core.tsv') if l.split('\t')[1]=='dns.qry.type']
    types += [53,54,56,65000,300,65535]
    frames=[udpframe(hdr(i,0x0100,1,0,0,0)+q('a.b',t)) for i,t in enumerate(types)]
    classes=[int(l.split('\t')[2],0) for l in open('/work/shared/reference/tshark-4.0.17/values_core.tsv') if l.split('\t')[1]=='dns.qry.class']
    frames += [udpframe(hdr(i,0x0100,1,0,0,0)+q('a.b',1,c)) for i,c in enumerate(classes+[5,0x8001])]
    write(os.path.join(OUT, 'dns_crafted_types.pcap'), frames)
_dns_crafted_types()

# ---- dns_crafted_records.pcap ----
def _dns_crafted_records():
    def ip6(s): return socket.inet_pton(socket.AF_INET6,s)
    def ip4(s): return socket.inet_aton(s)
    def s(b): return bytes([len(b)])+b
    F=[]
    def resp(id, qn, qt, answers=(), auth=(), add=(), flags=0x8180):
        F.append(udpframe(hdr(id,flags,1,len(answers),len(auth),len(add))+q(qn,qt)+b''.join(answers)+b''.join(auth)+b''.join(add),53,40000))
    # 1 basic types
    resp(1,'ex.test',255,[
     rr('ex.test',1,ip4('10.1.2.3')),
     rr('ex.test',2,name('ns1.ex.test')),
     rr('www.ex.test',5,name('ex.test')),
     rr('ex.test',6,name('ns1.ex.test')+name('host.ex.test')+struct.pack('!IIIII',2024010101,7200,3600,1209600,300)),
     rr('3.2.1.10.in-addr.arpa',12,name('ex.test')),
     rr('ex.test',13,s(b'INTEL')+s(b'LINUX')),
     rr('ex.test',15,struct.pack('!H',10)+name('mx.ex.test')),
     rr('ex.test',16,s(b'hello world')+s(b'')+s(b'a\x01b')),
     rr('ex.test',28,ip6('2001:db8::1')),
     rr('_sip._udp.ex.test',33,struct.pack('!HHH',1,2,5060)+name('sip.ex.test')),
     rr('nosrv.ex.test',33,struct.pack('!HHH',1,2,5060)+name('.')),
     rr('ex.test',35,struct.pack('!HH',100,10)+s(b'S')+s(b'SIP+D2U')+s(b'')+name('_sip._udp.ex.test')),
     rr('ex.test',39,name('other.test')),
     rr('ex.test',99,s(b'v=spf1 -all')),
     rr('ex.test',256,struct.pack('!HH',10,1)+b'https://ex.test/'),
     rr('ex.test',65000,b'\x01\x02\x03'),
     rr('ex.test',1,b'',ttl=0x80000001),
     ])
    # 2 DNSSEC
    resp(2,'ex.test',48,[
     rr('ex.test',43,struct.pack('!HBB',12345,8,2)+bytes(range(32))),
     rr('ex.test',46,struct.pack('!HBBIIIH',1,8,2,3600,1735689600,1733097600,12345)+name('ex.test')+bytes(range(64))),
     rr('ex.test',47,name('z.ex.test')+b'\x00\x06\x40\x01\x00\x00\x00\x03'),
     rr('ex.test',48,struct.pack('!HBB',257,3,8)+bytes(range(40))),
     rr('ex.test',48,struct.pack('!HBB',256,3,13)+bytes(range(64))),
     rr('ex.test',50,struct.pack('!BBHB',1,0,10,4)+b'\xaa\xbb\xcc\xdd'+b'\x14'+bytes(range(20))+b'\x00\x01\x40'),
     rr('ex.test',51,struct.pack('!BBHB',1,0,10,0)),
     rr('ex.test',52,struct.pack('!BBB',3,1,1)+bytes(range(32))),
     rr('ex.test',44,struct.pack('!BB',4,2)+bytes(range(32))),
     rr('ex.test',59,struct.pack('!HBB',12345,8,2)+bytes(range(32))),
     ])
    # 3 CAA, SVCB, HTTPS
    resp(3,'ex.test',257,[
     rr('ex.test',257,b'\x00'+s(b'issue')+b'letsencrypt.org'),
     rr('ex.test',257,b'\x80'+s(b'issuewild')+b';'),
     rr('ex.test',257,b'\x00'+s(b'iodef')+b'mailto:a@ex.test'),
     rr('ex.test',257,b'\x00'+s(b'foo')+b'bar'),
     rr('ex.test',64,struct.pack('!H',0)+name('alias.ex.test')),
     rr('ex.test',65,struct.pack('!H',1)+name('.')+
        struct.pack('!HH',0,4)+struct.pack('!HH',1,3)+
        struct.pack('!HH',1,9)+s(b'h2')+s(b'http/1.1')+
        struct.pack('!HH',2,0)+
        struct.pack('!HH',3,2)+struct.pack('!H',8443)+
        struct.pack('!HH',4,8)+ip4('1.2.3.4')+ip4('5.6.7.8')+
        struct.pack('!HH',5,4)+b'\x01\x02\x03\x04'+
        struct.pack('!HH',6,16)+ip6('2001:db8::2')+
        struct.pack('!HH',7,2)+b'\xab\xcd'+
        struct.pack('!HH',99,2)+b'\x01\x02'),
     ])
    # 4 OPT with options
    opts=(struct.pack('!HH',8,7)+struct.pack('!HBB',1,24,0)+ip4('192.0.2.0')[:3]+
          struct.pack('!HH',8,12)+struct.pack('!HBB',2,56,0)+ip6('2001:db8::')[:8]+
          struct.pack('!HH',10,24)+bytes(range(24))+
          struct.pack('!HH',11,2)+struct.pack('!H',100)+
          struct.pack('!HH',12,4)+b'\0\0\0\0'+
          struct.pack('!HH',15,6)+struct.pack('!H',18)+b'oops'+
          struct.pack('!HH',5,2)+b'\x08\x0d'+
          struct.pack('!HH',3,4)+b'nsid'+
          struct.pack('!HH',65001,1)+b'\x99')
    F.append(udpframe(hdr(4,0x0100,1,0,0,1)+q('ex.test',1)+b'\x00'+struct.pack('!HHBBHH',41,4096,1,0,0x8000,len(opts))+opts))
    # 5 flags variants
    F.append(udpframe(hdr(5,0x0010,1,0,0,0)+q('ex.test',1)))   # CD set, AD unset, RD unset
    F.append(udpframe(hdr(6,0x2800,1,0,0,0)+q('ex.test',6)))   # opcode UPDATE
    F.append(udpframe(hdr(7,0x2000,1,0,0,0)+q('ex.test',6)))   # opcode notify
    F.append(udpframe(hdr(8,0x8405,1,0,0,0)+q('ex.test',1),53,40000))   # refused, AA
    F.append(udpframe(hdr(9,0x8182,1,0,0,0)+q('ex.test',1),53,40000))   # servfail
    F.append(udpframe(hdr(10,0x800b,1,0,0,0)+q('ex.test',1),53,40000))   # rcode 11
    F.append(udpframe(hdr(11,0x0100,1,0,0,0)+q('',2)))  # root query
    F.append(udpframe(hdr(12,0x0100,1,0,0,0)+b'\xc0\x0c'+struct.pack('!HH',1,1))) # self loop
    F.append(udpframe(hdr(13,0x0100,2,0,0,0)+q('a.ex.test',1)+b'\x01b\xc0\x0e'+struct.pack('!HH',1,1))) # compression
    F.append(udpframe(hdr(14,0x0100,1,0,0,0)+name('.'.join(['x'*60]*5))+struct.pack('!HH',1,1))) # long name
    F.append(udpframe(hdr(15,0x0100,1,0,0,0)+q('ex.test',1)[:5])) # truncated
    F.append(udpframe(hdr(16,0x0100,1,0,0,0)+b'\x03a\x00b\x02\xff\x7f\x00'+struct.pack('!HH',1,1))) # odd chars
    F.append(udpframe(hdr(17,0x0100,1,0,0,0)+q('ex.test',1)+b'\x00\x00extra')) # extraneous
    F.append(udpframe(hdr(18,0x0100,1,0,0,0)+b'\x41\x08\xab\x00'+struct.pack('!HH',1,1))) # bitstring label
    F.append(udpframe(hdr(19,0x0100,1,0,0,0)+b'\x01a\xc0\x0c'+struct.pack('!HH',1,1))) # loop via label
    F.append(udpframe(hdr(20,0x8180,1,1,0,0)+q('x.test',1)+rr('x.test',1,ip4('1.1.1.1')),53,40000)) # unsolicited? (no query)
    write(os.path.join(OUT, 'dns_crafted_records.pcap'), F)
_dns_crafted_records()

# ---- dns_crafted_transactions.pcap ----
def _dns_crafted_transactions():
    F=[]
    for n in (253,254,255,256):
        labels=[]; rem=n
        while rem>0:
            l=min(63,rem); labels.append('y'*l); rem-=l+1
        nm='.'.join(labels)
        F.append(udpframe(hdr(n,0x0100,1,0,0,0)+q(nm,1)))
    # transactions: query, retransmitted query, response, duplicate response
    F.append(udpframe(hdr(0x100,0x0100,1,0,0,0)+q('a.test',1),40001,53))
    F.append(udpframe(hdr(0x100,0x0100,1,0,0,0)+q('a.test',1),40001,53))
    F.append(udpframe(hdr(0x100,0x8180,1,0,0,0)+q('a.test',1),53,40001))
    F.append(udpframe(hdr(0x100,0x8180,1,0,0,0)+q('a.test',1),53,40001))
    # same id, different port
    F.append(udpframe(hdr(0x101,0x0100,1,0,0,0)+q('b.test',1),40002,53))
    F.append(udpframe(hdr(0x101,0x8180,1,0,0,0)+q('b.test',1),53,40003))
    F.append(udpframe(hdr(0x101,0x8180,1,0,0,0)+q('b.test',1),53,40002))
    # new query after answered with same id
    F.append(udpframe(hdr(0x100,0x0100,1,0,0,0)+q('c.test',1),40001,53))
    F.append(udpframe(hdr(0x100,0x8180,1,0,0,0)+q('c.test',1),53,40001))
    write(os.path.join(OUT, 'dns_crafted_transactions.pcap'), F)
_dns_crafted_transactions()

# ---- dns_crafted_tcp.pcap ----
def _dns_crafted_tcp():
    def tcpmsg(m): return struct.pack('!H',len(m))+m
    qa=hdr(0x200,0x0100,1,0,0,0)+q('a.test',1)
    qb=hdr(0x201,0x0100,1,0,0,0)+q('b.test',28)
    ra=hdr(0x200,0x8180,1,1,0,0)+q('a.test',1)+rr('a.test',1,b'\x01\x02\x03\x04')
    rb=hdr(0x201,0x8180,1,0,0,0)+q('b.test',28)
    c=TcpConv(40000,53)
    c.c(tcpmsg(qa)+tcpmsg(qb))        # two in one segment
    m=tcpmsg(ra)
    c.s(m[:1]); c.s(m[1:10]); c.s(m[10:]+tcpmsg(rb)[:5]); c.s(tcpmsg(rb)[5:])
    write(os.path.join(OUT, 'dns_crafted_tcp.pcap'), c.frames)
_dns_crafted_tcp()

# ---- dns_crafted_edge.pcap ----
def _dns_crafted_edge():
    F=[]
    F.append(udpframe(hdr(1,0x0100,1,0,0,0)+q('a',1)))
    F.append(udpframe(hdr(2,0x0100,2,0,0,0)+q('',1)+b'\xc0\x0c'+struct.pack('!HH',1,1)))  # pointer to root
    F.append(udpframe(hdr(3,0x0100,1,0,0,0)+b'\x42\x01\x00'+struct.pack('!HH',1,1)))  # ext label 0x42
    F.append(udpframe(hdr(4,0x0100,1,0,0,0)+b'\x03a.b\x00'+struct.pack('!HH',1,1)))  # dot in label
    F.append(udpframe(hdr(5,0x8180,1,1,0,0)+q('x.test',5)+rr('x.test',5,name('longer.name.test')[:6]),53,40000))  # cname rdata shorter than name
    F.append(udpframe(hdr(6,0x8180,1,1,0,0)+q('x.test',1)+rr('x.test',1,b'\x01\x02\x03\x04\x05'),53,40000))  # A with 5 bytes
    F.append(udpframe(hdr(7,0x8180,1,1,0,0)+q('x.test',1)+rr('x.test',1,b'\x01\x02'),53,40000))  # A with 2 bytes
    F.append(udpframe(hdr(8,0x8180,1,1,0,0)+q('x.test',1)+rr('x.test',1,b'\x01\x02\x03\x04')[:-2],53,40000))  # truncated rdata
    F.append(udpframe(hdr(9,0x8180,1,1,0,0)+q('x.test',1)+b'\xc0\x0c'+struct.pack('!HHIH',1,1,60,4)+b'\x01\x02\x03\x04',53,40000))  # compressed owner
    F.append(udpframe(hdr(10,0x8180,0,1,0,0)+b'\x00'+struct.pack('!HHIH',16,1,60,5)+b'\x08abc',53,40000))  # TXT len overflow
    write(os.path.join(OUT, 'dns_crafted_edge.pcap'), F)
_dns_crafted_edge()

# ---- dns_crafted_long_names.pcap ----
def _dns_crafted_long_names():
    F=[]
    for n in range(220,254):
        labels=[]; rem=n
        while rem>0:
            l=min(63,rem); 
            if rem-l==1: l-=1
            labels.append('y'*l); rem-=l+1
        nm='.'.join(labels)
        assert len(nm)==n, (n,len(nm))
        F.append(udpframe(hdr(n,0x0100,1,0,0,0)+q(nm,1)))
    write(os.path.join(OUT, 'dns_crafted_long_names.pcap'), F)
_dns_crafted_long_names()

# ---- dns_crafted_more_types.pcap ----
def _dns_crafted_more_types():
    import socket
    def ip4(s): return socket.inet_aton(s)
    def s(b): return bytes([len(b)])+b
    F=[]
    def resp(id, qn, qt, answers):
        F.append(udpframe(hdr(id,0x8180,1,len(answers),0,0)+q(qn,qt)+b''.join(answers),53,40000))
    resp(30,'ex.test',255,[
     rr('ex.test',3,name('md.ex.test')), rr('ex.test',4,name('mf.ex.test')), rr('ex.test',7,name('mb.ex.test')),
     rr('ex.test',8,name('mg.ex.test')), rr('ex.test',9,name('mr.ex.test')), rr('ex.test',10,b'\x01\x02'),
     rr('ex.test',14,name('r.ex.test')+name('e.ex.test')),
     rr('ex.test',17,name('mbox.ex.test')+name('txt.ex.test')), rr('ex.test',18,struct.pack('!H',1)+name('afs.ex.test')),
     rr('ex.test',21,struct.pack('!H',5)+name('rt.ex.test')), rr('ex.test',36,struct.pack('!H',5)+name('kx.ex.test')),
     rr('ex.test',61,b'\x99\x88'), rr('ex.test',27,s(b'-32.6')+s(b'116.8')+s(b'10.0')),
     rr('ex.test',26,struct.pack('!H',10)+name('a.ex.test')+name('b.ex.test')),
    ])
    resp(31,'ex.test',255,[
     rr('ex.test',37,struct.pack('!HHB',1,0x1234,8)+b'\x30\x82'),
     rr('ex.test',49,b'\x00\x01\x02'),
     rr('ex.test',24,struct.pack('!HBBIIIH',1,8,2,3600,1735689600,1733097600,12345)+name('ex.test')+b'\x01\x02'),
     rr('ex.test',30,name('next.ex.test')+b'\x40\x01'),
     rr('ex.test',63,struct.pack('!IBB',1,1,1)+bytes(range(48))),
     rr('ex.test',104,struct.pack('!H',10)+b'\x00\x01\x02\x03\x04\x05\x06\x07'),
     rr('ex.test',105,struct.pack('!H',10)+ip4('10.0.0.1')),
     rr('ex.test',106,struct.pack('!H',10)+b'\x00\x01\x02\x03\x04\x05\x06\x07'),
     rr('ex.test',107,struct.pack('!H',10)+name('lp.ex.test')),
    ])
    # EDNS options of length 0: a cookie that short reads past its end (malformed in tshark too)
    opts=struct.pack('!HH',12,0)+struct.pack('!HH',3,0)+struct.pack('!HH',15,2)+struct.pack('!H',40000)+struct.pack('!HH',10,0)+struct.pack('!HH',8,4)+struct.pack('!HBB',3,0,0)
    F.append(udpframe(hdr(32,0x0100,1,0,0,1)+q('ex.test',1)+b'\x00'+struct.pack('!HHBBHH',41,512,0,1,0,len(opts))+opts))
    write(os.path.join(OUT, 'dns_crafted_more_types.pcap'), F)
_dns_crafted_more_types()

# ---- dns_crafted_heuristic.pcap ----
def _dns_crafted_heuristic():
    # DNS on ports nobody registered: the udp heuristic takes headers that look like DNS, and only those
    F=[]
    cases=[
     hdr(1,0x0100,1,0,0,0)+q('a.test',1),
     hdr(2,0x8180,1,1,0,0)+q('a.test',1)+rr('a.test',1,b'\1\2\3\4'),
     hdr(3,0x0100,2,0,0,0)+q('a.test',1)+q('b.test',1),
     hdr(4,0x2800,1,0,0,0)+q('a.test',6),
     hdr(5,0x8180,0,48,0,2)+b'\x00'*20,
     hdr(6,0x8180,0,0,0,1)+b'\x00'*11,
     hdr(7,0x8180,1,101,0,0)+q('a.test',1),
     hdr(8,0x8180,1,1,11,0)+q('a.test',1),
     hdr(9,0x0100,1,0,0,11)+q('a.test',1),
     hdr(10,0x0100,1,0,0,0),
     hdr(11,0x8180,1,5,0,0)+q('a.test',1),
     b'\x00'*12+b'\x01',
    ]
    for i,c in enumerate(cases):
        F.append(udpframe(c, 30000+i, 31000+i))
    write(os.path.join(OUT, 'dns_crafted_heuristic.pcap'), F)
_dns_crafted_heuristic()

# ---- dns_crafted_strings.pcap ----
def _dns_crafted_strings():
    # character-strings holding NUL (tshark stops there and flags stray bytes), control characters, bytes
    # from 0x80 up (ASCII strings show U+FFFD) and UTF-8, in every record that carries text
    def s(b): return bytes([len(b)])+b
    words=[b'A\x00B', b'A\x00\x00', b'a\nb', b'\xc3\xa9t\xe9', b'x\x80y', b'\x7f\x1b"\\', b'plain']
    F=[]
    n=[0]
    def frame(an, ar, body):
        F.append(udpframe(hdr(n[0],0x8180,1,an,0,ar)+body,53,40000)); n[0]+=1
    def add(t, rd): frame(1, 0, q('ex.test',t)+rr('ex.test',t,rd))
    for w in words:
        if all(b < 0x80 for b in w):
            add(13, s(w)+s(w))   # HINFO: tshark may cut a U+FFFD in Info (docs/compat.md)
        add(16, s(w)+s(w)+s(b'ok'))
        add(99, s(w))
        add(27, s(w)+s(w)+s(w))
        add(35, struct.pack('!HH',1,2)+s(w)+s(w)+s(w)+name('r.ex.test'))
        add(257, b'\x00'+s(b'issue')+w)
        add(257, b'\x80'+s(w)+w)
        add(61, w)
        add(64, struct.pack('!H',1)+name('.')+struct.pack('!HH',1,2*len(w)+2)+s(w)+s(w))
        add(64, struct.pack('!H',1)+name('.')+struct.pack('!HH',9,len(w))+w)
        opt=struct.pack('!HHH',15,len(w)+2,18)+w
        frame(0, 1, q('ex.test',1)+b'\x00'+struct.pack('!HHIH',41,4096,0,len(opt))+opt)
        frame(1, 0, q('ex.test',1)+s(w)+b'\x02ex\x00'+struct.pack('!HHIH',5,1,60,2)+b'\xc0\x0c')
    write(os.path.join(OUT, 'dns_crafted_strings.pcap'), F)
_dns_crafted_strings()
