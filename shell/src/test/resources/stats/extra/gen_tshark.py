import subprocess, os, glob, re
# usage: CORPUS=/path/to/corpus python3 gen_tshark.py  (writes out/<capture>.<tag>.txt and cases.tsv here;
# pack them into <capture>.tshark.txt blocks '@@@@ <tag> TAB <args>' as the test reads them)
C = os.environ.get('CORPUS', '/work/shared/corpus')
OUT = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, TZ='UTC', LC_ALL='C', WIRESHARK_CONFIG_DIR=C + '/make/wsprofile')
cases = []
def run(rel, tag, args):
    d, b = os.path.split(os.path.join(C, rel))
    r = subprocess.run(['tshark', '-r', b] + args, cwd=d, env=ENV, capture_output=True)
    if r.returncode != 0:
        print('rc', r.returncode, rel, args, r.stderr[-300:]); return
    p = os.path.join(OUT, 'out', rel + '.' + tag + '.txt')
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, 'wb').write(r.stdout)
    cases.append('\t'.join([rel, tag] + args))
def streams(rel, proto):
    d, b = os.path.split(os.path.join(C, rel))
    r = subprocess.run(['tshark', '-r', b, '-T', 'fields', '-e', proto + '.stream'], cwd=d, env=ENV, capture_output=True, text=True)
    return sorted(set(int(x) for x in r.stdout.split() if x.strip().isdigit()))
ours = sorted(os.path.relpath(p, C) for p in glob.glob(C + '/captures/*.pcap*'))
ppp = sorted(os.path.relpath(p, C) for p in glob.glob(C + '/ppp/**/*.pcap*', recursive=True))
conv = ['-q', '-z', 'conv,eth', '-z', 'conv,ipv6', '-z', 'conv,udp']
ends = ['-q', '-z', 'endpoints,eth', '-z', 'endpoints,ip', '-z', 'endpoints,ipv6', '-z', 'endpoints,tcp', '-z', 'endpoints,udp']
# Ethernet tables only for the project's captures: PcapPlusPlus MACs have vendor names Dorsal does not print.
no_eth = lambda args: [a for i, a in enumerate(args) if not a.endswith(',eth') and not (a == '-z' and args[i + 1].endswith(',eth'))]
for rel in ours + ppp:
    run(rel, 'conv2', conv if rel in ours else no_eth(conv))
    run(rel, 'endpoints', ends if rel in ours else no_eth(ends))
for rel in ours:
    run(rel, 'expert', ['-q', '-z', 'expert'])
    run(rel, 'expert_note_tcp', ['-q', '-z', 'expert,note,tcp'])
    run(rel, 'filtered', ['-q', '-z', 'conv,tcp,tcp.port==80', '-z', 'endpoints,udp,dns', '-z', 'io,phs,tcp', '-z', 'conv,ip,frame.len>100'])
    run(rel, 'iostat', ['-q', '-z', 'io,stat,0.1', '-z', 'io,stat,0,tcp,udp,dns,http.request,tls.handshake.type==1'])
    run(rel, 'iostat_funcs', ['-q', '-z', 'io,stat,1,SUM(tcp.len)tcp.len,MAX(tcp.len)tcp.len,MIN(tcp.len)tcp.len,AVG(tcp.len)tcp.len,COUNT(tcp.analysis.retransmission)tcp.analysis.retransmission,AVG(tcp.time_delta)tcp.time_delta,LOAD(tcp.time_delta)tcp.time_delta,SUM(tcp.len)'])
    for s in streams(rel, 'udp')[:3]:
        run(rel, 'follow_udp_%d' % s, ['-q', '-z', 'follow,udp,hex,%d' % s])
    ts = streams(rel, 'tcp')
    for s in ts[:2]:
        run(rel, 'follow_tcp_modes_%d' % s, ['-q', '-z', 'follow,tcp,raw,%d' % s, '-z', 'follow,tcp,hex,%d' % s, '-z', 'follow,tcp,yaml,%d' % s])
open(OUT + '/cases.tsv', 'w').write('\n'.join(cases) + '\n')
print(len(cases))
