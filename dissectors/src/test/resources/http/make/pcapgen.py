"""Tiny pcap writer for crafted test captures: Ethernet/IPv4 frames with UDP or TCP (a handshake then data)."""
import struct, sys
def csum(b):
    if len(b)%2: b+=b'\0'
    s=sum(struct.unpack('!%dH'%(len(b)//2),b)); s=(s>>16)+(s&0xffff); s+=s>>16
    return (~s)&0xffff
def ipv4(payload, proto, src=b'\x7f\0\0\x01', dst=b'\x7f\0\0\x01'):
    h=struct.pack('!BBHHHBBH4s4s',0x45,0,20+len(payload),1,0x4000,64,proto,0,src,dst)
    h=h[:10]+struct.pack('!H',csum(h))+h[12:]
    return h+payload
def eth(p, et=0x0800): return b'\0'*12+struct.pack('!H',et)+p
def udp(payload, sport, dport):
    return struct.pack('!HHHH',sport,dport,8+len(payload),0)+payload
def tcp(payload, sport, dport, seq, ack, flags=0x18):
    return struct.pack('!HHIIBBHHH',sport,dport,seq,ack,5<<4,flags,65535,0,0)+payload
def write(path, frames):
    with open(path,'wb') as f:
        f.write(struct.pack('<IHHiIII',0xa1b2c3d4,2,4,0,0,262144,1))
        for i,fr in enumerate(frames):
            ts=1700000000+i
            f.write(struct.pack('<IIII',ts,0,len(fr),len(fr))); f.write(fr)
def udpframe(payload,sport=40000,dport=53): return eth(ipv4(udp(payload,sport,dport),17))
class TcpConv:
    """client/server TCP conversation with handshake"""
    def __init__(s, cport=40000, sport=53):
        s.cp,s.sp=cport,sport; s.cseq=1000; s.sseq=5000; s.frames=[]
        s.frames.append(eth(ipv4(tcp(b'',cport,sport,s.cseq,0,0x02),6)))
        s.frames.append(eth(ipv4(tcp(b'',sport,cport,s.sseq,s.cseq+1,0x12),6)))
        s.cseq+=1; s.sseq+=1
        s.frames.append(eth(ipv4(tcp(b'',cport,sport,s.cseq,s.sseq,0x10),6)))
    def c(s,data):
        s.frames.append(eth(ipv4(tcp(data,s.cp,s.sp,s.cseq,s.sseq),6))); s.cseq+=len(data)
    def s(s_,data):
        s_.frames.append(eth(ipv4(tcp(data,s_.sp,s_.cp,s_.sseq,s_.cseq),6))); s_.sseq+=len(data)

# ---- DNS message building ----
def name(n):
    if n in ('', '.'):
        return b'\0'
    out = b''
    for l in n.split('.'):
        b = l.encode('latin1')
        out += bytes([len(b)]) + b
    return out + b'\0'
def hdr(id, flags, qd, an, ns, ar): return struct.pack('!HHHHHH', id, flags, qd, an, ns, ar)
def q(n, t, c=1): return name(n) + struct.pack('!HH', t, c)
def rr(n, t, rdata, c=1, ttl=3600, rawname=None):
    nb = rawname if rawname is not None else name(n)
    return nb + struct.pack('!HHIH', t, c, ttl, len(rdata)) + rdata
