"""tshark's stderr and exit code for -z arguments it refuses (and a few it takes), packed as
'@@@@ <argument>' blocks of '<stderr>#RC <code>\n' into tshark.txt. Run: python3 gen_tshark.py CAPTURE"""
import os, subprocess, sys
ENV = dict(os.environ, TZ='UTC', LC_ALL='C', WIRESHARK_CONFIG_DIR=os.environ.get('WIRESHARK_CONFIG_DIR', '/nonexistent-profile'))
ARGS = """follow,tcp
follow,tcp,ascii
follow,tcp,bogus,0
follow,tcp,utf-8,0
follow,tcp,ascii,x
follow,tcp,raw,0,2-
follow,tcp,raw,0,0
follow,tcp,raw,0,x
follow,tcp,raw,0,3-2
follow,tcp,raw,-1
follow,tcp,raw,0x1
follow,tcp,raw,1a
follow,tcp,raw,1.2.3.4:5
follow,tcp,raw,1.2.3.4:99999,1.2.3.4:5
follow,tcp,raw,1.2.3.4:0,1.2.3.4:5
follow,tcp,raw,host:5,1.2.3.4:6
follow,tcp,raw,010.2.3.4:5,1.2.3.4:6
follow,tcp,raw,[::1]:5,1.2.3.4:6
follow,tcp,raw,[::1]:5,[::2]:6,1,2
follow,tcp,raw,[zz]:5,[::2]:6
follow,udp,hex,0,1-2,3
follow,tcpx,ascii,0
io,stat
io,stat,x
io,stat,1,
io,stat,1x
io,stat,0.0000001
io,stat,inf
io,stat,nan
io,stat,1,SUM(frame.len
io,stat,1,SUM()
io,stat,1,FRAMES(frame.len)
io,stat,1,BYTES(frame.len)
io,stat,1,SUM(frame.bogus)
io,stat,1,LOAD(frame.len)frame.len
io,stat,1,SUM(eth.src)eth.src
io,stat,1,MAX(eth.src)eth.src
io,statx""".split('\n')
out = []
for a in ARGS:
    r = subprocess.run(['tshark', '-r', sys.argv[1], '-q', '-z', a], capture_output=True, env=ENV)
    err = b''.join(l for l in r.stderr.splitlines(True) if b'Running as user' not in l)
    out.append(b'@@@@ ' + a.encode() + b'\n' + err + b'#RC %d\n' % r.returncode)
open('tshark.txt', 'wb').write(b''.join(out))
