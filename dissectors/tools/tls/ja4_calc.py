# A copy of /work/shared/reference/tshark-4.0.17/ja4_calc.py (JA4 from tshark fields, independent of
# Dorsal's Ja4.java) with two changes: the output is split without stripping trailing tabs (the
# original drops the empty last fields of the last line and fails), and JA4_r is printed in full.
import subprocess, hashlib, sys
def grease(v): return (v & 0x0f0f) == 0x0a0a and (v & 0xff) == (v >> 8)
out = subprocess.run(["tshark","-r",sys.argv[1],"-Y","tls.handshake.type==1","-T","fields","-E","occurrence=a","-E","aggregator=,",
  "-e","frame.number","-e","tls.handshake.ciphersuite","-e","tls.handshake.extension.type","-e","tls.handshake.sig_hash_alg",
  "-e","tls.handshake.extensions.supported_version","-e","tls.handshake.version","-e","tls.handshake.extensions_alpn_str"],capture_output=True,text=True).stdout
vmap={0x0304:"13",0x0303:"12",0x0302:"11",0x0301:"10",0x0300:"s3",0x0002:"s2",0xfeff:"d1",0xfefd:"d2",0xfefc:"d3"}
for line in out.strip("\n").split("\n"):
    f=line.split("\t")
    num=f[0]; ciph=[int(x,16) for x in f[1].split(",") if x]; ext=[int(x) for x in f[2].split(",") if x]
    sig=[int(x,16) for x in f[3].split(",") if x]; sv=[int(x,16) for x in f[4].split(",") if x]; hv=int(f[5],16); alpn=f[6].split(",")[0] if f[6] else ""
    ciph=[c for c in ciph if not grease(c)]; ext=[e for e in ext if not grease(e)]; sv=[v for v in sv if not grease(v)]
    ver=vmap.get(max(sv) if sv else hv,"00")
    sni="d" if 0 in ext else "i"
    a_alpn = (alpn[0]+alpn[-1]) if alpn else "00"
    a=f"t{ver}{sni}{min(len(ciph),99):02d}{min(len(ext),99):02d}{a_alpn}"
    cs=",".join(sorted("%04x"%c for c in ciph))
    es=",".join(sorted("%04x"%e for e in ext if e not in (0,16)))
    ss=",".join("%04x"%s for s in sig)
    b=hashlib.sha256(cs.encode()).hexdigest()[:12] if ciph else "000000000000"
    cstr = es + ("_"+ss if sig else "")
    c=hashlib.sha256(cstr.encode()).hexdigest()[:12] if es else "000000000000"
    print(num, f"{a}_{b}_{c}", "| JA4_r:", f"{a}_{cs}_{es}_{ss}")
