"""Makes the tshark 4.0.17 oracle of the stats-tree statistics (StatsTreeTest).

For every capture of the differential corpus (shell/src/test/resources/corpus: captures/, fuzz/, ppp/)
it writes <capture>.trees.txt here: tshark's output for each statistic under a line
'@@@@ <stat> TAB -q TAB -z TAB <stat>' (the arguments the test passes to Dorsal). tshark runs once per
capture with every -z; its reports (printed in reverse order) are split at their '=' rules. HTTP and
DNS, IPv4 and IPv6 trees only for captures where the protocol occurs (io,phs says) and for the project's
own captures/ (so empty trees are covered too); plen for every capture. The filtered variants
(dns,tree,udp, http,tree,tcp.port==80, plen,tree,tcp) only for captures/ and fuzz/.
No key logs or preferences are used. usage: python3 gen_trees.py  (needs tshark on the PATH)
"""
import os, re, subprocess, tempfile, glob

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, '..', '..', 'corpus'))
ENV = dict(os.environ, TZ='UTC', LC_ALL='C.UTF-8', WIRESHARK_CONFIG_DIR=tempfile.mkdtemp())
HTTP = ['http,tree', 'http_req,tree', 'http_srv,tree', 'http,tree,tcp.port==80']
DNS = ['dns,tree', 'dns,tree,udp']
ALL = ['plen,tree', 'plen,tree,tcp']
IP = ['ptype,tree', 'ip_hosts,tree', 'ip_srcdst,tree', 'dests,tree']
FILTERED = {'dns,tree,udp', 'http,tree,tcp.port==80', 'plen,tree,tcp'}
IPV6 = ['ipv6_hosts,tree', 'ipv6_srcdst,tree', 'ipv6_ptype,tree', 'ipv6_dests,tree']

def tshark(cap, args):
    return subprocess.run(['tshark', '-r', cap, '-q'] + args, cwd=CORPUS, env=ENV, capture_output=True).stdout

caps = sorted(os.path.relpath(p, CORPUS) for d in ('captures', 'fuzz', 'ppp')
              for p in glob.glob(os.path.join(CORPUS, d, '**', '*.pcap*'), recursive=True))
for cap in caps:
    phs = tshark(cap, ['-z', 'io,phs']).decode('utf-8', 'replace')
    has = lambda proto: cap.startswith('captures/') or re.search(r'^\s*%s\s' % proto, phs, re.M)
    trim = lambda group: [z for z in group if not cap.startswith('ppp/') or z not in FILTERED]
    stats = trim(DNS if has('dns') else []) + trim(HTTP if has('http') else []) + trim(ALL) \
        + (IP if has('ip') else []) + (IPV6 if has('ipv6') else [])
    args = []
    for z in stats:
        args += ['-z', z]
    out = tshark(cap, args)
    # each report: '\n' + '='*W + '\n' ... '-'*W + '\n'; reports print in reverse command-line order
    parts = re.split(rb'(?=\n=+\n)', out)
    parts = [p for p in parts if p]
    if len(parts) != len(stats):
        raise SystemExit('%s: %d reports for %d statistics' % (cap, len(parts), len(stats)))
    path = os.path.join(HERE, cap + '.trees.txt')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        for z, body in zip(stats, reversed(parts)):
            f.write(('@@@@ %s\t-q\t-z\t%s\n' % (z, z)).encode())
            f.write(body)
print(len(caps), 'captures')
