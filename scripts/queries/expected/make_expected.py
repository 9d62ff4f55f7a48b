#!/usr/bin/env python3
"""Computes the expected output of every query script in scripts/queries/ from tshark 4.x.

Each script's output is rebuilt here from tshark's own fields (-T fields, and -V text for certificate
names), independently of Dorsal, and written to expected/<script>/<capture>.txt. The shell's
QueryScriptsTest runs the scripts on the same captures and compares line by line.

JA4 does not exist in tshark 4.0, so it is computed here from tshark's ClientHello fields following
the published JA4 definition (FoxIO): protocol, version, SNI, cipher and extension counts, first ALPN;
SHA-256 of the sorted cipher suites; SHA-256 of the sorted extensions (SNI and ALPN left out) and
the signature algorithms in order.

Run from the repository root:  python3 scripts/queries/expected/make_expected.py
"""
import collections
import hashlib
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CORPUS = os.path.join(ROOT, "shell", "src", "test", "resources", "corpus")
OUT = os.path.dirname(os.path.abspath(__file__))


def cap(name):
    return os.path.join(CORPUS, name)


CASES = {
    "tls_inventory": ["captures/tls12_rsa.pcap", "captures/tls12_ecdhe.pcapng", "captures/tls12_client_auth.pcap",
                      "captures/tls12_frag_records.pcap", "captures/tls13.pcap", "captures/tls13_hrr.pcap",
                      "captures/tls_alerts.pcap", "captures/tls_alpn_h2.pcap", "captures/tls_bigcert.pcap",
                      "captures/tls_on_nonstandard_port.pcap", "captures/tls_resumption.pcap", "captures/mixed.pcapng"],
    "http_requests": ["captures/http_get.pcap", "captures/http_pyserver.pcap", "captures/ipv6_http.pcap",
                      "captures/tcp_retrans.pcap", "captures/mixed.pcapng"],
    "dns_queries": ["captures/dns_udp.pcap", "captures/dns_tcp.pcap", "captures/mixed.pcapng",
                    "ppp/PacketExamples/DnsEdit.pcap"],
    "top_talkers": ["captures/http_get.pcap", "captures/dns_udp.pcap", "captures/ipv6_http.pcap",
                    "captures/mixed.pcapng"],
    "https_walkthrough": ["captures/tls12_rsa.pcap", "captures/tls13.pcap", "captures/tls13_hrr.pcap",
                          "captures/tls_resumption.pcap", "captures/tls_alerts.pcap", "captures/mixed.pcapng"],
}


def tshark_fields(path, display_filter, fields):
    cmd = ["tshark", "-r", path, "-Y", display_filter, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,"]
    for f in fields:
        cmd += ["-e", f]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=tshark_env()).stdout
    rows = []
    for line in out.splitlines():
        cols = line.split("\t")
        rows.append(dict(zip(fields, cols + [""] * (len(fields) - len(cols)))))
    return rows


def tshark_env():
    env = dict(os.environ)
    env["WIRESHARK_CONFIG_DIR"] = os.path.join(OUT, ".no-profile")  # default preferences, whatever the user has
    return env


def first(value):
    return value.split(",")[0] if value else ""


def values(value):
    return value.split(",") if value else []


def endpoint(row, src):
    side = "src" if src else "dst"
    port = first(row.get("tcp.%sport" % side) or row.get("udp.%sport" % side) or "")
    if first(row.get("ip.%s" % side, "")):
        host = first(row["ip.%s" % side])
    else:
        host = "[" + first(row.get("ipv6.%s" % side, "")) + "]"
    return host + ":" + port if port else host


# ---- JA4 ---------------------------------------------------------------------------------------

def grease(v):
    return (v & 0x0f0f) == 0x0a0a and (v >> 8) == (v & 0xff)


def ja4(row):
    ciphers = [int(c, 16) for c in values(row["tls.handshake.ciphersuite"])]
    ciphers = [c for c in ciphers if not grease(c)]
    exts = [int(e) for e in values(row["tls.handshake.extension.type"])]
    exts = [e for e in exts if not grease(e)]
    versions = [int(v, 16) for v in values(row["tls.handshake.extensions.supported_version"])]
    versions = [v for v in versions if not grease(v)]
    version = max(versions) if versions else int(first(row["tls.handshake.version"]), 16)
    vtext = {0x0304: "13", 0x0303: "12", 0x0302: "11", 0x0301: "10", 0x0300: "s3"}.get(version, "00")
    sni = "d" if 0 in exts else "i"
    alpn = first(row["tls.handshake.extensions_alpn_str"])
    a = alpn[0] + alpn[-1] if alpn else "00"
    part_a = "t" + vtext + sni + "%02d" % min(len(ciphers), 99) + "%02d" % min(len(exts), 99) + a
    hexes = sorted("%04x" % c for c in ciphers)
    part_b = hashlib.sha256(",".join(hexes).encode()).hexdigest()[:12] if hexes else "000000000000"
    ext_hex = sorted("%04x" % e for e in exts if e not in (0x0000, 0x0010))
    sigs = ["%04x" % int(s, 16) for s in values(row["tls.handshake.sig_hash_alg"])]
    text = ",".join(ext_hex) + ("_" + ",".join(sigs) if sigs else "")
    part_c = hashlib.sha256(text.encode()).hexdigest()[:12] if ext_hex else "000000000000"
    return part_a + "_" + part_b + "_" + part_c


# ---- the scripts ---------------------------------------------------------------------------------

def certificates(path):
    """Per frame with a Certificate message: its source endpoint, the first subject and notAfter (from -V)."""
    out = subprocess.run(["tshark", "-r", path, "-Y", "tls.handshake.type == 11", "-V"], check=True,
                         capture_output=True, text=True, env=tshark_env()).stdout
    certs = []
    for block in re.split(r"\n(?=Frame \d+:)", out):
        m = re.match(r"Frame (\d+):", block)
        if not m:
            continue
        lines = block.splitlines()
        src = re.search(r"Internet Protocol Version [46], Src: ([^,]+),", block).group(1)
        if ":" in src:
            src = "[" + src + "]"
        port = re.search(r"Transmission Control Protocol, Src Port: (\d+)", block).group(1)
        stream = re.search(r"\[Stream index: (\d+)\]", block).group(1)
        subject = not_after = ""
        for i, line in enumerate(lines):
            t = line.strip()
            if not subject and t == "subject: rdnSequence (0)":
                s = lines[i + 1].strip()
                # tshark cuts labels at 240 characters: the closing parenthesis may be gone.
                subject = s[s.index("(") + 1:] if "(" in s else s
                subject = subject[:-1] if subject.endswith(")") else subject
            if not not_after and t.startswith("notAfter: "):
                v = lines[i + 1].strip()
                not_after = v.split(": ", 1)[1]
        certs.append({"frame": int(m.group(1)), "src": src + ":" + port, "stream": stream,
                      "subject": subject, "not_after": not_after})
    return certs


def tls_inventory(path, name):
    lines = ["\t".join(["capture", "stream", "client", "server", "sni", "version", "cipher", "ja3", "ja4",
                        "cert_subject", "cert_not_after"])]
    hello_fields = ["frame.number", "tcp.stream", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst", "ipv6.dst",
                    "tcp.dstport", "tls.handshake.extensions_server_name", "tls.handshake.ja3",
                    "tls.handshake.ciphersuite", "tls.handshake.extension.type", "tls.handshake.sig_hash_alg",
                    "tls.handshake.extensions.supported_version", "tls.handshake.version",
                    "tls.handshake.extensions_alpn_str"]
    sessions = collections.OrderedDict()
    for r in tshark_fields(path, "tls.handshake.type == 1", hello_fields):
        if r["tcp.stream"] not in sessions:
            sessions[r["tcp.stream"]] = {"ch": r, "sh": None, "cert": None}
    sh_fields = ["tcp.stream", "tls.handshake.extensions.supported_version", "tls.handshake.version",
                 "tls.handshake.ciphersuite"]
    for r in tshark_fields(path, "tls.handshake.type == 2", sh_fields):
        s = sessions.get(r["tcp.stream"])
        if s and s["sh"] is None:
            s["sh"] = r
    for c in certificates(path):
        s = sessions.get(c["stream"])
        if s and s["cert"] is None and c["src"] == endpoint(s["ch"], False):
            s["cert"] = c
    for stream, s in sessions.items():
        ch, sh, cert = s["ch"], s["sh"], s["cert"]
        version = cipher = ""
        if sh:
            version = sh["tls.handshake.extensions.supported_version"] or first(sh["tls.handshake.version"])
            cipher = first(sh["tls.handshake.ciphersuite"])
        lines.append("\t".join([name, stream, endpoint(ch, True), endpoint(ch, False),
                                ch["tls.handshake.extensions_server_name"], version, cipher, ch["tls.handshake.ja3"],
                                ja4(ch), cert["subject"] if cert else "", cert["not_after"] if cert else ""]))
    return lines


def http_requests(path, name):
    reqs = tshark_fields(path, "http.request", ["frame.number", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst",
                                                "ipv6.dst", "tcp.dstport", "http.request.method", "http.host",
                                                "http.request.uri"])
    status = {}
    for r in tshark_fields(path, "http.response", ["http.request_in", "http.response.code"]):
        if r["http.request_in"]:
            status[first(r["http.request_in"])] = first(r["http.response.code"])
    lines = ["\t".join(["capture", "frame", "client", "server", "method", "host", "uri", "status"])]
    for r in reqs:
        lines.append("\t".join([name, r["frame.number"], endpoint(r, True), endpoint(r, False),
                                first(r["http.request.method"]), first(r["http.host"]),
                                first(r["http.request.uri"]), status.get(r["frame.number"], "")]))
    return lines


def dns_queries(path, name):
    queries = tshark_fields(path, "dns.flags.response == 0", ["frame.number", "ip.src", "ipv6.src", "udp.srcport",
                                                              "tcp.srcport", "dns.id", "dns.qry.name", "dns.qry.type"])
    responses = {}
    for r in tshark_fields(path, "dns.flags.response == 1", ["frame.number", "dns.response_to", "dns.flags.rcode",
                                                             "dns.a", "dns.aaaa", "dns.cname"]):
        to = first(r["dns.response_to"])
        if to and to not in responses:
            answers = values(r["dns.a"]) + values(r["dns.aaaa"]) + values(r["dns.cname"])
            responses[to] = (r["frame.number"], first(r["dns.flags.rcode"]), ",".join(answers))
    lines = ["\t".join(["capture", "frame", "client", "id", "name", "type", "response", "rcode", "answers"])]
    for q in queries:
        resp = responses.get(q["frame.number"], ("", "", ""))
        lines.append("\t".join([name, q["frame.number"], endpoint(q, True), first(q["dns.id"]),
                                first(q["dns.qry.name"]), first(q["dns.qry.type"]), *resp]))
    return lines


def top_talkers(path, name, limit=10):
    talkers = {}
    for r in tshark_fields(path, "ip || ipv6", ["frame.len", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst"]):
        if r["ip.src"]:
            src, dst = first(r["ip.src"]), first(r["ip.dst"])
        else:
            src, dst = first(r["ipv6.src"]), first(r["ipv6.dst"])
        n = int(r["frame.len"])
        for addr, sent in ((src, True), (dst, False)):
            if not sent and dst == src:
                continue
            t = talkers.setdefault(addr, [0, 0, 0, 0])
            t[0] += 1
            t[1] += n
            t[2 if sent else 3] += n
    rows = sorted(talkers.items(), key=lambda kv: (-kv[1][1], kv[0]))
    lines = ["\t".join(["rank", "address", "frames", "bytes", "sent", "received"])]
    for i, (addr, t) in enumerate(rows[:limit]):
        lines.append("\t".join([str(i + 1), addr] + [str(x) for x in t]))
    return lines


HANDSHAKE = {0: "HelloRequest", 1: "ClientHello", 2: "ServerHello", 4: "NewSessionTicket", 5: "EndOfEarlyData",
             8: "EncryptedExtensions", 11: "Certificate", 12: "ServerKeyExchange", 13: "CertificateRequest",
             14: "ServerHelloDone", 15: "CertificateVerify", 16: "ClientKeyExchange", 20: "Finished", 24: "KeyUpdate"}
RECORD = {20: "ChangeCipherSpec", 21: "Alert", 23: "ApplicationData"}


def https_walkthrough(path, name):
    rows = tshark_fields(path, "tls", ["frame.number", "tcp.stream", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst",
                                       "ipv6.dst", "tcp.dstport", "tls.handshake.extensions_server_name",
                                       "tls.handshake.type", "tls.record.content_type"])
    sessions = collections.OrderedDict()
    for r in rows:
        src, dst = endpoint(r, True), endpoint(r, False)
        s = sessions.setdefault(r["tcp.stream"], {"client": src, "server": dst, "sni": "", "lines": []})
        if r["tls.handshake.extensions_server_name"] and not s["sni"]:
            s["sni"] = first(r["tls.handshake.extensions_server_name"])
        parts = [HANDSHAKE.get(int(t), "Handshake(%s)" % t) for t in values(r["tls.handshake.type"])]
        types = [int(t) for t in values(r["tls.record.content_type"])]
        for t in (20, 21, 23):
            n = types.count(t)
            if n:
                parts.append(RECORD[t] + (" x%d" % n if n > 1 else ""))
        if parts:
            s["lines"].append("  %s\t%s\t%s" % (r["frame.number"], "C->S" if src == s["client"] else "S->C",
                                                ", ".join(parts)))
    lines = []
    for stream, s in sessions.items():
        lines.append("%s stream %s: %s -> %s%s" % (name, stream, s["client"], s["server"],
                                                   " (SNI %s)" % s["sni"] if s["sni"] else ""))
        lines.extend(s["lines"])
    return lines


def main():
    os.makedirs(os.path.join(OUT, ".no-profile"), exist_ok=True)
    for script, captures in CASES.items():
        folder = os.path.join(OUT, script)
        os.makedirs(folder, exist_ok=True)
        for c in captures:
            name = os.path.basename(c)
            lines = globals()[script](cap(c), name)
            with open(os.path.join(folder, name + ".txt"), "w") as f:
                f.write("".join(line + "\n" for line in lines))
            print("%s/%s: %d lines" % (script, name, len(lines)), file=sys.stderr)


if __name__ == "__main__":
    main()
