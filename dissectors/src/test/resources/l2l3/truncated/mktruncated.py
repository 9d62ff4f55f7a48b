#!/usr/bin/env python3
"""Writes the truncation test captures and their tshark 4.0.17 oracles.

For each capture named below (from ../captures), frames are picked so that every distinct
combination of protocols and message types appears once, and each picked frame is written cut
after every length from 0 to MAXK bytes, twice: once as a capture cut by the snap length (the
original length kept, so tshark reports "Packet size limited during capture") and once as a
really short frame (malformed). Oracles, gzipped:
  <capture>.verbose.txt.gz  tshark -r <capture> -V
  <capture>.cols.tsv.gz     tshark -n -r <capture> -T fields -e frame.number -e _ws.col.Protocol
                            -e _ws.col.Info -e _ws.col.Source -e _ws.col.Destination -e frame.protocols
Cuts of frames whose ICMP error quotes a transport header are left out: there tshark's UDP or
TCP handles the few quoted bytes, which the tests, run with the link and network layer dissectors
only (a transport payload is data to them), cannot show.
Run from this directory with tshark 4.0.17 on the path; needs editcap.
"""
import collections
import gzip
import os
import struct
import subprocess

CAPTURES = ["ArpRequestPacket.pcap", "ArpRequestWithVlan.pcap", "EthDot3.pcap", "IPv4-NoOptions.pcap",
            "IPv4-encapsulated-IPv6.pcap", "IcmpPackets.pcap", "IcmpV6_EchoMessages.pcap", "IcmpV6_Generic.pcap",
            "IcmpV6_NeighAdvSoli.pcap", "NullLoopback.pcap", "QinQ_802.1_AD.pcapng", "Sll2Packet.pcap",
            "SllPacket.pcap", "VlanPackets.pcap", "ipv4-options.pcap", "ipv6-frag.pcap", "ipv6_options.pcap",
            "linktype_ipv4.pcap", "linktype_ipv6.pcap", "packet_trailer.pcap"]
MAXK = 96
OWN = {"eth", "ethertype", "vlan", "ieee8021ad", "ieee8021ah", "sll", "null", "raw", "arp", "ip", "ipv6",
       "ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "icmp", "icmpv6", "data"}
KEY_FIELDS = ["frame.protocols", "icmp.type", "icmp.code", "icmpv6.type", "icmpv6.opt.type", "arp.opcode",
              "ip.opt.type", "ipv6.opt.type", "ip.flags.mf", "ip.frag_offset", "ip.hdr_len"]


def read_pcap(path):
    d = open(path, "rb").read()
    magic = struct.unpack("<I", d[:4])[0]
    e = "<" if magic in (0xa1b2c3d4, 0xa1b23c4d) else ">"
    magic, _, _, _, _, _, dlt = struct.unpack(e + "IHHiIII", d[:24])
    recs, o = [], 24
    while o + 16 <= len(d):
        ts, us, cl, ol = struct.unpack(e + "IIII", d[o:o + 16])
        o += 16
        recs.append((ts, us, d[o:o + cl], ol))
        o += cl
    return e, magic, dlt, recs


def tshark(args):
    return subprocess.run(["tshark"] + args, capture_output=True, check=True).stdout


def write_pcap(path, e, magic, dlt, records):
    with open(path, "wb") as f:
        f.write(struct.pack(e + "IHHiIII", magic, 2, 4, 0, 0, 262144, dlt))
        for ts, us, data, ol in records:
            f.write(struct.pack(e + "IIII", ts, us, len(data), ol))
            f.write(data)


def quoted_transport_cut(cut, full):
    """True when the cut frame ends inside a transport header quoted by an ICMP error."""
    icmp = [i for i, layer in enumerate(cut) if layer in ("icmp", "icmpv6")]
    if not icmp:
        return False
    if any(layer not in OWN for layer in cut[icmp[0]:]):
        return True
    return len(cut) < len(full) and full[:len(cut)] == cut and full[len(cut)] not in OWN


def main():
    for name in CAPTURES:
        src = os.path.join("..", "captures", name)
        plain = "tmp.pcap"
        subprocess.run(["editcap", "-F", "pcap", src, plain], check=True, stderr=subprocess.DEVNULL)
        e, magic, dlt, recs = read_pcap(plain)
        fields = []
        for f in KEY_FIELDS:
            fields += ["-e", f]
        keys = tshark(["-r", plain, "-T", "fields"] + fields).decode().split("\n")
        seen, out, origin = collections.Counter(), [], []
        for i, (ts, us, data, ol) in enumerate(recs):
            key = keys[i] if i < len(keys) else ""
            if seen[key]:
                continue
            seen[key] += 1
            full = key.split("\t")[0].split(":")
            for k in range(0, min(len(data), MAXK)):
                out += [(ts, us, data[:k], ol), (ts, us, data[:k], k)]
                origin += [full, full]
        os.remove(plain)
        target = name.replace(".pcapng", ".pcap")
        write_pcap(target, e, magic, dlt, out)
        cut = tshark(["-r", target, "-T", "fields", "-e", "frame.protocols"]).decode().split("\n")
        out = [r for r, c, full in zip(out, cut, origin) if not quoted_transport_cut(c.split(":"), full)]
        write_pcap(target, e, magic, dlt, out)
        with gzip.open(target + ".verbose.txt.gz", "wb", 9) as f:
            f.write(tshark(["-r", target, "-V"]))
        with gzip.open(target + ".cols.tsv.gz", "wb", 9) as f:
            f.write(tshark(["-n", "-r", target, "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Protocol",
                            "-e", "_ws.col.Info", "-e", "_ws.col.Source", "-e", "_ws.col.Destination",
                            "-e", "frame.protocols"]))
        print(target, len(out))


if __name__ == "__main__":
    main()
