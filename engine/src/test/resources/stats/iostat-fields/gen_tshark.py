import os, subprocess
# tshark as the corpus oracle runs it: UTC, C locale, an empty profile directory.
ENV = dict(os.environ, TZ='UTC', LC_ALL='C', WIRESHARK_CONFIG_DIR=os.environ.get('WIRESHARK_CONFIG_DIR', '/nonexistent-profile'))
caps = ['d0932', 'd9_5', 'd95', 'd53', 'burst', 'ooo', 'nano', 'd9999996', 'd0', 'bigbytes', 'd950']
funcs = [
 'SUM(frame.len)frame.len', 'MIN(frame.len)frame.len', 'MAX(frame.len)frame.len', 'AVG(frame.len)frame.len',
 'COUNT(frame.len)frame.len', 'SUM(frame.len)', 'COUNT(frame.number)frame.number>2',
 'SUM(frame.time_delta)frame.time_delta', 'MIN(frame.time_delta)frame.time_delta', 'MAX(frame.time_delta)frame.time_delta',
 'AVG(frame.time_delta)frame.time_delta', 'LOAD(frame.time_delta)frame.time_delta', 'LOAD(frame.time_relative)frame.time_relative',
 'SUM(frame.time_relative)frame.time_relative', 'AVG(frame.time_relative)frame.time_relative', 'MAX(frame.number)frame.number',
 'COUNT(frame.time_epoch)frame.time_epoch', 'SUM(frame.cap_len)frame.cap_len', 'FRAMES()frame.len>100', 'BYTES()frame.len>100',
 'MIN(frame.number)frame.number>3',
]
cols = [','.join(funcs[:5]), ','.join(funcs[5:10]), ','.join(funcs[10:15]), ','.join(funcs[15:])] + funcs
long_and = ' and '.join(['frame.len >= 0'] * 12)
long_nospace = '&&'.join(['frame.len>=0'] * 10)
wide = ','.join(['frame.len>=0'] * 14)
cols += [long_and, long_nospace, 'frame.len>=0,' + long_and + ',' + long_nospace, wide, ','.join(['SUM(frame.len)frame.len'] * 12),
         'frame.len >= 0 and frame.len >= 0 and frame.len >= 0 and frame.len >= 0 and frame.len >= 0 and frame.len>=0',
         'frame.len >= 0 and frame.len >= 0 and frame.len >= 0 and frame.len >= 0 and frame.len >= 0 and frame.len >=0',
         ' and '.join(['frame.len>=0'] * 7) + ' and frame.len>=1 and frame.len>=0', 'x' * 0 + 'frame.len>=0 or ' * 6 + 'frame.len>=0',
         'LOAD(frame.len)frame.len', 'MAX(frame.time_epoch)frame.time_epoch', 'SUM(frame.bogus)', 'SUM()', 'SUM(frame.len', 'FRAMES(frame.len)',
         'LOAD(frame.time_delta)', 'AVG(frame.len)frame.len>100000']
out = []
for cap in caps:
    for iv in (['0', '1', '0.01', '10', '0.5'] if cap != 'burst' else ['0', '0.001', '0.0005']):
        for c in cols:
            out.append((cap, 'io,stat,%s,%s' % (iv, c)))
with open('cases.txt', 'w') as f:
    for i, (cap, z) in enumerate(out):
        exp = 'exp%04d.txt' % i
        r = subprocess.run(['tshark', '-r', cap + '.pcap', '-q', '-z', z], capture_output=True, env=ENV)
        open(exp, 'wb').write(r.stdout + (b'\n#STDERR\n' + r.stderr + b'#RC %d\n' % r.returncode if r.returncode or r.stderr else b''))
        f.write('%s.pcap\t%s\t%s\n' % (cap, z, exp))
print(len(out))
