import os, subprocess, glob
# tshark as the corpus oracle runs it: UTC, C locale, an empty profile directory.
ENV = dict(os.environ, TZ='UTC', LC_ALL='C', WIRESHARK_CONFIG_DIR=os.environ.get('WIRESHARK_CONFIG_DIR', '/nonexistent-profile'))
durs = {'d0009': 0.0009, 'd009': 0.009, 'd0932': 0.09323, 'd09': 0.9, 'd9_5': 9.5, 'd95': 95.1, 'd950': 950, 'd9500': 9500.5,
        'd95000': 95000, 'd950000': 950001, 'd9500000': 9.5e6, 'd1_0': 1, 'd10_0': 10, 'd2_0': 2, 'd0096': 0.096,
        'd00999': 0.1, 'd199996': 2, 'd9999996': 10, 'd0': 0, 'd53': 53.9, 'd0_5': 0.5, 'd100': 100, 'd99_96': 100,
        'nano': 4, 'ooo': 7, 'burst': 2, 'bigbytes': 2}
intervals = ['0', '0.000001', '0.00001', '0.0001', '0.001', '0.01', '0.1', '0.25', '0.3', '0.5', '1', '1.0', '1.00', '1.5',
             '2', '2.5', '7', '10', '100', '1000', '3600', '100000', '1e-2', ' 1', '0.0', '10.000']
long1 = ' and '.join(['frame.len >= 0'] * 9)
long2 = 'frame.len>=0&&' * 8 + 'frame.len>=0'
extra = [',', ',,', ',frame.len>=0', ',,frame.len >= 0,', ',' + long1, ',' + long2, ',FRAMES()', ',BYTES()',
         ',FRAMES()frame.len>=0,BYTES()frame.len>=0', ',,,,,,,,,,,', ', frame.len>=0 , ', ',' + 'frame.len>=0 ' * 3]
out = []
for cap, d in sorted(durs.items()):
    for iv in intervals:
        try:
            v = float(iv)
        except ValueError:
            continue
        if v and d / v > 5000:
            continue
        out.append((cap, 'io,stat,' + iv))
    for e in extra:
        for iv in ['0', '1']:
            if iv == '1' and d > 5000: continue
            out.append((cap, 'io,stat,' + iv + e))
with open('cases.txt', 'w') as f:
    for i, (cap, z) in enumerate(out):
        exp = 'exp%04d.txt' % i
        r = subprocess.run(['tshark', '-r', cap + '.pcap', '-q', '-z', z], capture_output=True, env=ENV)
        open(exp, 'wb').write(r.stdout + (b'\n#STDERR\n' + r.stderr + b'#RC %d\n' % r.returncode if r.returncode or r.stderr else b''))
        f.write('%s.pcap\t%s\t%s\n' % (cap, z, exp))
print(len(out))
