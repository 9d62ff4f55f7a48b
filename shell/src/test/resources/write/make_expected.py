#!/usr/bin/env python3
"""Records what tshark reads back from files tshark itself wrote with -w, for WriteOracleTest.

For every row of cases.tsv it runs `tshark -r IN [-Y FILTER] [EXTRA] -F TYPE -w OUT`, then describes OUT
(file type, each interface from capinfos, each frame from `tshark -T fields`) into expected/NAME.txt.
The test writes the same files with Dorsal and compares Dorsal's reading of them with these lines.

With --dorsal PATH (the ./dorsal launcher) it also writes every case with Dorsal and checks that tshark
reads Dorsal's file exactly as it reads its own: the same description, and the same summary columns
(No., Protocol, Info). It prints the agreement and exits 1 on any difference.

Needs tshark and capinfos 4.0.x on PATH. Run from anywhere:
    python3 shell/src/test/resources/write/make_expected.py [--dorsal ./dorsal]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.dirname(HERE)
FIELDS = ["frame.number", "frame.time_epoch", "frame.len", "frame.cap_len", "frame.interface_id",
          "frame.interface_name", "frame.md5_hash"]
FILE_TYPES = {"Wireshark/... - pcapng": "pcapng", "Wireshark/tcpdump/... - pcap": "pcap",
              "Wireshark/tcpdump/... - nanosecond pcap": "nsecpcap"}


def cases():
    with open(os.path.join(HERE, "cases.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, src, flt, ftype, extra = line.split("\t")
            yield name, os.path.join(RESOURCES, src), None if flt == "-" else flt, ftype, [] if extra == "-" else extra.split()


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True,
                          env=dict(os.environ, TZ="UTC", LC_ALL="C")).stdout


def write_args(src, flt, ftype, extra, out):
    args = ["-r", src]
    if flt is not None:
        args += ["-Y", flt]
    return args + extra + ["-F", ftype, "-w", out]


def describe(path):
    """The lines the test compares: file type, interfaces, frames."""
    info = run(["capinfos", path])
    lines = []
    ftype = re.search(r"^File type:\s+(.*)$", info, re.M).group(1).strip()
    lines.append("format\t" + FILE_TYPES[ftype])
    for block in re.split(r"^Interface #", info, flags=re.M)[1:]:
        index = block.split(" ", 1)[0]

        def value(key):
            m = re.search(r"^\s+" + re.escape(key) + r" = (.*)$", block, re.M)
            return m.group(1).strip() if m else "-"
        digits = re.search(r"\((\d+)\)", value("Time precision")).group(1)
        lines.append("\t".join(["interface", index, value("Name"), value("Capture length"), digits,
                                value("Time resolution"), value("Filter string"), value("Operating system")]))
    fields = run(["tshark", "-r", path, "-o", "frame.generate_md5_hash:TRUE", "-T", "fields"]
                 + sum((["-e", f] for f in FIELDS), []))
    lines += ["frame\t" + l for l in fields.splitlines()]
    return lines


def summary(path):
    return run(["tshark", "-r", path, "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Protocol",
                "-e", "_ws.col.Info"]).splitlines()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dorsal", help="also check files written by this dorsal launcher")
    args = ap.parse_args()
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    total_cases = total_frames = agree_cases = agree_frames = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, src, flt, ftype, extra in cases():
            mine = os.path.join(tmp, name + ".tshark")
            run(["tshark"] + write_args(src, flt, ftype, extra, mine))
            expected = describe(mine)
            with open(os.path.join(HERE, "expected", name + ".txt"), "w", encoding="utf-8") as f:
                f.write("# tshark " + " ".join(write_args(os.path.relpath(src, RESOURCES), flt, ftype, extra, "OUT"))
                        + "; then capinfos OUT and tshark -r OUT -T fields -e " + " -e ".join(FIELDS) + "\n")
                f.write("\n".join(expected) + "\n")
            frames = sum(1 for l in expected if l.startswith("frame\t"))
            total_cases += 1
            total_frames += frames
            if args.dorsal:
                theirs = os.path.join(tmp, name + ".dorsal")
                subprocess.run([args.dorsal] + write_args(src, flt, ftype, extra, theirs), check=True)
                got = describe(theirs)
                same = sum(1 for a, b in zip(expected, got) if a == b and a.startswith("frame\t"))
                ok = got == expected and summary(theirs) == summary(mine)
                agree_cases += ok
                agree_frames += same if len(got) == len(expected) else 0
                print(("agree " if ok else "DIFFER") + f" {name}: {same}/{frames} frames")
                if not ok:
                    for a, b in zip(expected, got):
                        if a != b:
                            print("  tshark: " + a + "\n  dorsal: " + b)
                            break
    print(f"{total_cases} cases, {total_frames} frames recorded")
    if args.dorsal:
        print(f"tshark reads Dorsal's files as its own: {agree_cases}/{total_cases} cases, "
              f"{agree_frames}/{total_frames} frames")
        return 0 if agree_cases == total_cases else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
