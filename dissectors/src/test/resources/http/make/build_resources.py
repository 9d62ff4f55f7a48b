#!/usr/bin/env python3
"""Builds the test resources of the DNS and HTTP dissector tests.

Corpus captures are copied with their tshark 4.0.17 oracle files (/work/shared/corpus/oracle), gzip'd.
Where the corpus has no -V oracle (captures of 100 packets or more) and for the crafted captures made
by the scripts beside this one, the same tshark 4.0.17 is run here with the corpus settings (empty
profile, TZ=UTC, LC_ALL=C) and the outputs are named *.local.*.
"""
import gzip, os, shutil, subprocess, sys

CORPUS = '/work/shared/corpus'
OUT = sys.argv[1]           # .../src/test/resources
ENV = dict(os.environ, TZ='UTC', LC_ALL='C', WIRESHARK_CONFIG_DIR='/tmp/dw/emptyprofile')
FIELDS = open(os.path.join(os.path.dirname(__file__), 'fields.txt')).read().split()
EXTRA = {
 'http': """frame.number tcp.stream tcp.reassembled_in http.request.method http.request.uri http.request.version http.host
http.response.version http.response.code http.response.phrase http.content_type http.content_length_header
http.transfer_encoding http.content_encoding http.connection http.request_in http.response_in""".split(),
 'dns': """frame.number udp.stream tcp.stream dns.id dns.flags.response dns.flags.truncated dns.flags.rcode dns.count.answers
dns.qry.name dns.qry.type dns.qry.class dns.resp.name dns.resp.type dns.a dns.aaaa dns.cname dns.mx.mail_exchange dns.txt dns.response_in""".split(),
}

def gzopen(dst):
    # no file name or time stamp in the header, so rebuilding gives the same bytes
    return gzip.GzipFile(filename='', mode='wb', compresslevel=9, fileobj=open(dst, 'wb'), mtime=0)

def gz(src, dst):
    with open(src, 'rb') as i, gzopen(dst) as o:
        shutil.copyfileobj(i, o)

def tshark(cap, args, dst):
    p = subprocess.run(['tshark', '-r', os.path.basename(cap)] + args, cwd=os.path.dirname(cap), env=ENV,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    with gzopen(dst) as o:
        o.write(p.stdout)

def fields_args(fields):
    a = ['-T', 'fields', '-E', 'header=y', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=,']
    for f in fields:
        a += ['-e', f]
    return a

def corpus(rel, proto, nokeys=False, verbose=True):
    cap = os.path.join(CORPUS, rel)
    name = os.path.basename(rel)
    d = os.path.join(OUT, proto)
    os.makedirs(d, exist_ok=True)
    gz(cap, os.path.join(d, name + '.gz'))
    orc = os.path.join(CORPUS, 'oracle', rel)
    pre = orc + ('.nokeys' if nokeys else '')
    for suffix in ('fields.tsv', 'summary.txt'):
        gz(pre + '.' + suffix, os.path.join(d, name + '.' + suffix + '.gz'))
    for p in ('dns', 'http'):
        if os.path.exists(orc + '.%s_extra.tsv' % p):
            gz(orc + '.%s_extra.tsv' % p, os.path.join(d, name + '.%s_extra.tsv.gz' % p))
    if os.path.exists(pre + '.verbose.txt'):
        gz(pre + '.verbose.txt', os.path.join(d, name + '.verbose.txt.gz'))
    elif verbose:
        # only the frames with the protocol: enough for its subtrees, and small
        tshark(cap, ['-V', '-Y', proto], os.path.join(d, name + '.local.verbose.txt.gz'))

def crafted(path, proto):
    name = os.path.basename(path)
    d = os.path.join(OUT, proto)
    gz(path, os.path.join(d, name + '.gz'))
    tshark(path, ['-V'], os.path.join(d, name + '.local.verbose.txt.gz'))
    tshark(path, fields_args(FIELDS), os.path.join(d, name + '.local.fields.tsv.gz'))
    tshark(path, ['-Y', proto] + fields_args(EXTRA[proto]), os.path.join(d, name + '.local.%s_extra.tsv.gz' % proto))

DNS = ['captures/dns_udp.pcap', 'captures/dns_tcp.pcap', 'ppp/PacketExamples/DNS_NXDomain.pcap',
       'ppp/PacketExamples/Dns4.pcap', 'ppp/PacketExamples/DnsEdit.pcap', 'ppp/PacketExamples/DnsEdit7.pcap',
       'ppp/PacketExamples/DnsTooManyResources.pcap', 'ppp/PacketExamples/dns_stack_overflow.pcap',
       'ppp/PacketExamples/dns_over_tcp.pcapng', 'ppp/PacketExamples/UdpPacket4Checksum.pcap',
       'ppp/PacketExamples/SomeIpSd.pcapng', 'ppp/PcapExamples/linktype_ipv4.pcap',
       'ppp/PcapExamples/too_many_interfaces.pcapng', 'ppp/PcapExamples/many_interfaces-1.pcapng']
HTTP = ['captures/http_get.pcap', 'captures/http_pyserver.pcap', 'captures/ipv6_http.pcap', 'captures/tcp_rst.pcap',
        'captures/arp_veth.pcap', 'ppp/PacketExamples/TwoHttpRequests.pcap', 'ppp/PacketExamples/TcpPacketNoOptions.pcap',
        'ppp/PacketExamples/TcpPacketWithOptions.pcap', 'ppp/PacketExamples/SllPacket.pcap',
        'ppp/pcap_examples/http_req.pcap', 'ppp/PcapExamples/one_http_stream_fin.pcap',
        'ppp/PcapExamples/one_http_stream_fin2.pcap', 'ppp/PcapExamples/one_ipv6_http_stream.pcap',
        'ppp/PcapExamples/one_tcp_stream_max_seq.pcap', 'ppp/PcapExamples/frag_http_req.pcap',
        'ppp/PcapExamples/four_ipv6_http_streams.pcap', 'ppp/pcap_examples/http-packets2.pcap',
        'ppp/PcapExamples/4KHttpRequests.pcap']

if __name__ == '__main__':
    for c in DNS:
        corpus(c, 'dns')
    for c in HTTP:
        corpus(c, 'http')
    # mixed.pcapng merges the captures above: its fields are compared, its -V would only repeat them
    corpus('captures/mixed.pcapng', 'http', nokeys=True, verbose=False)
    here = os.path.dirname(os.path.abspath(__file__))
    for c in sys.argv[2:]:
        proto = 'dns' if os.path.basename(c).startswith('dns') else 'http'
        crafted(c, proto)
