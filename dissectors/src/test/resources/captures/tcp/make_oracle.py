#!/usr/bin/env python3
"""Builds the TCP/UDP test resources beside this file from the shared corpus and tshark 4.0.17.

Run from anywhere:  python3 make_oracle.py /work/shared/corpus
(add --probes-only to rebuild only the synthetic captures of probes.py and their outputs)
Needs tshark 4.0.17 on PATH (the version the oracle files in the corpus come from).

What it writes (everything gzip-compressed to keep the module small):
  corpus/<path>.gz                 every capture of corpus/captures and corpus/ppp, byte for byte
  oracle/<path>.fields.tsv.gz      the official oracle's *.fields.tsv cut to the TCP/UDP columns
  oracle/<path>.tcp_extra.tsv.gz   the official oracle's *.tcp_extra.tsv, unchanged
  oracle/<path>.summary.txt.gz     the official oracle's *.summary.txt, unchanged
  oracle/<path>.verbose.gz         the TCP and UDP subtrees of the official *.verbose.txt
  lower/<path>.tsv.gz              tshark -T fields of every TCP/UDP field below, with only the
                                   protocols of LOWER enabled (the layers Dorsal's test registry
                                   loads), so TCP/UDP are the top layer as in Dorsal today
  lower/<path>.verbose.gz          the TCP and UDP subtrees of -V under the same profile
  probes/*.pcap.gz + same files    synthetic captures from probes.py (lower/) and, for the
                                   reassembly contract, dlpp/*.summary.txt.gz, dlpp/*.tsv.gz and
                                   dlpp/*.verbose.gz made with tshark running dlpp.lua (two
                                   length-prefixed protocols)
"""
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Protocols enabled in the "lower" profile: the layers under TCP/UDP that Dorsal implements.
LOWER = ["frame", "eth", "ethertype", "vlan", "ieee8021ad", "arp", "ip", "ipv6", "ipv6.hopopts",
         "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "icmp", "icmpv6", "sll", "null", "raw", "tcp", "mptcp",
         "udp", "data"]

OFFICIAL_COLUMNS = ["frame.number", "tcp.srcport", "tcp.dstport", "tcp.stream", "tcp.seq", "tcp.ack",
                    "tcp.len", "tcp.flags", "udp.srcport", "udp.dstport", "_ws.col.Protocol"]

LOWER_FIELDS = """frame.number tcp.srcport tcp.dstport tcp.port tcp.stream tcp.completeness tcp.len tcp.seq
tcp.seq_raw tcp.nxtseq tcp.ack tcp.ack_raw tcp.hdr_len tcp.flags tcp.flags.res tcp.flags.ae tcp.flags.cwr
tcp.flags.ece tcp.flags.urg tcp.flags.ack tcp.flags.push tcp.flags.reset tcp.flags.syn tcp.flags.fin
tcp.flags.str tcp.window_size_value tcp.window_size tcp.window_size_scalefactor tcp.checksum tcp.checksum.status
tcp.urgent_pointer tcp.options tcp.option_kind tcp.option_len tcp.options.mss_val tcp.options.wscale.shift
tcp.options.wscale.multiplier tcp.options.sack_le tcp.options.sack_re tcp.options.sack.count
tcp.options.sack.dsack_le tcp.options.sack.dsack_re tcp.options.timestamp.tsval tcp.options.timestamp.tsecr
tcp.analysis tcp.analysis.flags tcp.analysis.acks_frame tcp.analysis.ack_rtt tcp.analysis.initial_rtt
tcp.analysis.bytes_in_flight tcp.analysis.push_bytes_sent tcp.analysis.retransmission
tcp.analysis.fast_retransmission tcp.analysis.spurious_retransmission tcp.analysis.out_of_order
tcp.analysis.lost_segment tcp.analysis.ack_lost_segment tcp.analysis.duplicate_ack
tcp.analysis.duplicate_ack_num tcp.analysis.duplicate_ack_frame tcp.analysis.zero_window
tcp.analysis.zero_window_probe tcp.analysis.zero_window_probe_ack tcp.analysis.keep_alive
tcp.analysis.keep_alive_ack tcp.analysis.window_update tcp.analysis.window_full tcp.analysis.reused_ports
tcp.analysis.rto tcp.analysis.rto_frame tcp.time_relative tcp.time_delta tcp.reset_cause
udp.srcport udp.dstport udp.port udp.length udp.checksum udp.checksum.status udp.stream udp.time_relative
udp.time_delta _ws.col.Protocol _ws.col.Info""".split()

DLPP_FIELDS = """frame.number tcp.stream tcp.seq tcp.len tcp.segment_data tcp.segment tcp.segment.count
tcp.segment.overlap tcp.segment.overlap.conflict tcp.reassembled.length tcp.reassembled.data tcp.pdu.size dlpp.len dlpp.data dlpq.len _ws.col.Protocol
_ws.col.Info""".split()


def tshark(args, env=None, cwd=None):
    r = subprocess.run(["tshark"] + args, capture_output=True, env=env, cwd=cwd)
    return r.stdout.decode("utf-8")


def write_gz(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(text)


def copy_gz(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(src, "rb") as i, gzip.open(dst, "wb", compresslevel=9) as o:
        shutil.copyfileobj(i, o)


def subtrees(verbose):
    """The TCP and UDP subtrees of a -V text, each frame introduced by its 'Frame N' line."""
    out = []
    keep = False
    for line in verbose.split("\n"):
        if line.startswith("Frame "):
            out.append(line.split(":")[0])
            keep = False
            continue
        stripped = line.lstrip(" ")
        if stripped.startswith("Transmission Control Protocol") or stripped.startswith("User Datagram Protocol"):
            keep = True
            depth = len(line) - len(stripped)
            out.append(line)
            continue
        if keep:
            if line.strip() == "" or len(line) - len(line.lstrip(" ")) <= depth:
                keep = False
            else:
                out.append(line)
    return "\n".join(out) + "\n"


def lower_profile():
    d = tempfile.mkdtemp(prefix="wsprof_lower")
    names = [l.split("\t")[2] for l in tshark(["-G", "protocols"]).splitlines() if l.count("\t") >= 2]
    with open(os.path.join(d, "disabled_protos"), "w") as f:
        for n in names:
            if n not in LOWER:
                f.write(n + "\n")
    env = dict(os.environ, WIRESHARK_CONFIG_DIR=d, TZ="UTC", LC_ALL="C")
    return env


def lower_outputs(src, rel, env, root):
    args = ["-r", src, "-T", "fields", "-E", "header=y", "-E", "separator=/t", "-E", "occurrence=a",
            "-E", "aggregator=,"]
    for f in LOWER_FIELDS:
        args += ["-e", f]
    write_gz(os.path.join(root, "lower", rel + ".tsv.gz"), tshark(args, env))
    write_gz(os.path.join(root, "lower", rel + ".verbose.gz"), subtrees(tshark(["-r", src, "-V"], env)))


def main(corpus, probes_only=False):
    env = lower_profile()
    for base in () if probes_only else ("captures", "ppp"):
        for dirpath, _, files in os.walk(os.path.join(corpus, base)):
            for name in sorted(files):
                if not re.search(r"\.pcap(ng)?$", name):
                    continue
                src = os.path.join(dirpath, name)
                rel = os.path.relpath(src, corpus)
                copy_gz(src, os.path.join(HERE, "corpus", rel + ".gz"))
                oracle = os.path.join(corpus, "oracle", rel)
                with open(oracle + ".fields.tsv", encoding="utf-8") as f:
                    rows = [l.rstrip("\n").split("\t") for l in f]
                idx = [rows[0].index(c) for c in OFFICIAL_COLUMNS]
                write_gz(os.path.join(HERE, "oracle", rel + ".fields.tsv.gz"),
                         "".join("\t".join(r[i] if i < len(r) else "" for i in idx) + "\n" for r in rows))
                for suffix in (".tcp_extra.tsv", ".summary.txt"):
                    if os.path.exists(oracle + suffix):
                        with open(oracle + suffix, encoding="utf-8") as f:
                            write_gz(os.path.join(HERE, "oracle", rel + suffix + ".gz"), f.read())
                if os.path.exists(oracle + ".verbose.txt"):
                    with open(oracle + ".verbose.txt", encoding="utf-8") as f:
                        write_gz(os.path.join(HERE, "oracle", rel + ".verbose.gz"), subtrees(f.read()))
                lower_outputs(src, rel, env, HERE)
    probes = os.path.join(HERE, "probes")
    sys.path.insert(0, HERE)
    import probes as p  # noqa: E402
    tmp = tempfile.mkdtemp(prefix="probes")
    for name in p.write_all(tmp):
        src = os.path.join(tmp, name)
        copy_gz(src, os.path.join(probes, name + ".gz"))
        lower_outputs(src, name, env, probes)
    lua = os.path.join(HERE, "dlpp.lua")
    for name in p.write_dlpp(tmp):
        src = os.path.join(tmp, name)
        copy_gz(src, os.path.join(probes, name + ".gz"))
        args = ["-X", "lua_script:" + lua, "-r", src]
        write_gz(os.path.join(probes, "dlpp", name + ".summary.txt.gz"), tshark(args, env))
        fargs = args + ["-T", "fields", "-E", "header=y", "-E", "separator=/t", "-E", "occurrence=a",
                        "-E", "aggregator=,"]
        for f in DLPP_FIELDS:
            fargs += ["-e", f]
        write_gz(os.path.join(probes, "dlpp", name + ".tsv.gz"), tshark(fargs, env))
        write_gz(os.path.join(probes, "dlpp", name + ".verbose.gz"), tshark(args + ["-V"], env))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--probes-only"]
    main(args[0] if args else "/work/shared/corpus", "--probes-only" in sys.argv)
