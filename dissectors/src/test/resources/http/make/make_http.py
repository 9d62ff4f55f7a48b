#!/usr/bin/env python3
"""Writes the crafted HTTP test captures (run: python3 make_http.py OUTDIR): framing edge cases (no length,
pipelining, chunked with trailers, HEAD, gzip/deflate, snap-length cuts), headers, media types, JSON and
URL-encoded bodies, UTF-8 in text. tshark 4.0.17's outputs for them are the oracle."""
import gzip, os, struct, sys, zlib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcapgen import *
OUT = sys.argv[1]

# ---- http_crafted_framing.pcap ----
def _http_crafted_framing():
    F=[]
    def conv(cport, sport=80):
        return TcpConv(cport, sport)
    # A: continuation first
    c=conv(41000); c.s(b'abc def\r\nmore\r\n'); F+=c.frames
    # B: HTTP/1.0 response without CL, split, then FIN
    c=conv(41001); c.c(b'GET /a HTTP/1.0\r\nHost: h\r\n\r\n'); c.s(b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nline1\n'); c.s(b'line2\n')
    c.frames.append(eth(ipv4(tcp(b'',c.sp,c.cp,c.sseq,c.cseq,0x11),6))); F+=c.frames
    # C: POST without CL with data, then another request in same segment
    c=conv(41002); c.c(b'POST /p HTTP/1.1\r\nHost: h\r\n\r\nGET /q HTTP/1.1\r\nHost: h\r\n\r\n'); F+=c.frames
    # D: pipelined requests, pipelined responses
    c=conv(41003); c.c(b'GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n')
    c.s(b'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Type: text/plain\r\n\r\nabcHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nxy'); F+=c.frames
    # E: chunked with extension and trailer
    c=conv(41004); c.c(b'GET /c HTTP/1.1\r\nHost: h\r\n\r\n')
    c.s(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n'); F+=c.frames
    # G: HEAD response with CL, then next response
    c=conv(41005); c.c(b'HEAD /h HTTP/1.1\r\nHost: h\r\n\r\n'); c.s(b'HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n'); F+=c.frames
    # H: corrupted gzip
    c=conv(41006); c.c(b'GET /g HTTP/1.1\r\nHost: h\r\n\r\n'); body=b'\x1f\x8b\x08\x00garbagegarbage'
    c.s(b'HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\nContent-Type: text/html\r\n\r\n' % len(body) + body); F+=c.frames
    # I/J/K: odd headers, auth, cookies
    c=conv(41007); c.c(b'GET /i?a=1&b=2&&c HTTP/1.1\r\nHost: h:8080\r\nAuthorization: Basic dXNlcjpwYXNz\r\nCookie: a=1; b=2 ;c=3\r\nBad Header: x\r\nX-Custom: y\r\nReferer: http://r/\r\nUser-Agent: t\r\nAccept-Language: en\r\n\r\n')
    c.s(b'HTTP/1.1 302 Found\r\nSet-Cookie: s=1; Path=/\r\nLocation: /new\r\nContent-Length: 0\r\nCache-Control: no-cache\r\nWWW-Authenticate: Basic realm="x"\r\nX-Forwarded-For: 1.2.3.4\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n'); F+=c.frames
    # M: content type params + N: empty chunked
    c=conv(41008); c.c(b'GET /m HTTP/1.1\r\nHost: h\r\n\r\n')
    c.s(b'HTTP/1.1 200 OK\r\nContent-Type: Text/HTML ; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'); F+=c.frames
    # O: request split mid-header in 3 segments + body split
    c=conv(41009); r=b'POST /o HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 25\r\n\r\nk%20ey=v+al&x=%41%zz&flag'
    c.c(r[:10]); c.c(r[10:50]); c.c(r[50:-5]); c.c(r[-5:]); F+=c.frames
    # Q: JSON variety
    c=conv(41010); js=b'{"a": [1, 2.5e3, -3, {"b": null}], "t": true, "f": false, "s": "x\\"y\\u00e9", "e": {}, "ea": [], "n": [[1],[2,3]]}'
    c.c(b'POST /j HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n' % len(js) + js); F+=c.frames
    # R: text body odd lines
    c=conv(41011); c.c(b'GET /r HTTP/1.1\r\nHost: h\r\n\r\n'); body=b'a\rb\r\nc\n\nlast'
    c.s(b'HTTP/1.1 200 OK\r\nContent-Type: text/css\r\nContent-Length: %d\r\n\r\n' % len(body) + body); F+=c.frames
    # deflate + octet + unknown media + image
    c=conv(41012); c.c(b'GET /d HTTP/1.1\r\nHost: h\r\n\r\n'); body=zlib.compress(b'hello deflate\n')
    c.s(b'HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n' % len(body) + body)
    c.c(b'GET /u HTTP/1.1\r\nHost: h\r\n\r\n'); c.s(b'HTTP/1.1 200 OK\r\nContent-Type: application/x-foo\r\nContent-Length: 4\r\n\r\n\x00\x01\x02\x03')
    c.c(b'GET /v HTTP/1.1\r\nHost: h\r\n\r\n'); c.s(b'HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabcd')
    c.c(b'GET /w HTTP/1.1\r\nHost: h\r\n\r\n'); c.s(b'HTTP/1.1 204 No Content\r\n\r\n')
    c.c(b'GET http://abs.test/x HTTP/1.1\r\nHost: h\r\n\r\n'); c.s(b'HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 3\r\n\r\nabc')
    c.c(b'GET /nohost HTTP/1.1\r\n\r\n'); c.s(b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok')
    F+=c.frames
    write(os.path.join(OUT, 'http_crafted_framing.pcap'), F)
_http_crafted_framing()

# ---- http_crafted_json.pcap ----
def _http_crafted_json():
    c=TcpConv(42000,80)
    bodies=[b'{"k": "A\\u0041B"}', b'{"k": "a\\u00e9b"}', b'{"k": "x\\ny\\tz\\/\\\\q"}', b'{"k\\"q": 1}', b'["s", 1, true]', b'42', b'"str"', b'{"a":1,"a":2}', b' {"sp" : [ ] } ', b'{"k": "caf\xc3\xa9"}', b'{"bad": }', b'{"k": 1.5E-3, "m": -0, "z": 1e10}']
    for js in bodies:
        c.c(b'POST /j HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n' % len(js) + js)
    write(os.path.join(OUT, 'http_crafted_json.pcap'), c.frames)
_http_crafted_json()

# ---- http_crafted_json_unicode.pcap ----
def _http_crafted_json_unicode():
    c=TcpConv(42000,80)
    bodies=[br'{"k": "x\"y\u00e9"}', br'{"k": "x\"\u0041"}', br'{"k": "\\\u0041"}', br'{"k": "\u0041\u00e9"}', br'{"k": "\u00e9z"}', br'{"k": "x\"y\u00e9z"}', br'{"k": "\u00e9\u00e9"}', br'{"k": "ab\u00e9"}', br'{"k": "\u00e9"}']
    for js in bodies:
        c.c(b'POST /j HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n' % len(js) + js)
    write(os.path.join(OUT, 'http_crafted_json_unicode.pcap'), c.frames)
_http_crafted_json_unicode()

# ---- http_crafted_json_escapes.pcap ----
def _http_crafted_json_escapes():
    c=TcpConv(42000,80)
    bodies=[br'{"k": "\u0041"}', br'{"k": "b\u0041"}', br'{"k": "\n\u0041"}', br'{"k": "\u0041\n"}', br'{"k": "bb\n"}', br'{"k": "b\n"}', br'{"k": "\n"}', br'{"k": "\u0041\u0042\u0043"}', br'{"k\u0041": 1}', br'{"k": "bcd\u0041"}', br'{"k": "\ud83d\ude00"}', br'{"k": "b\ud83d\ude00"}']
    for js in bodies:
        c.c(b'POST /j HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n' % len(js) + js)
    write(os.path.join(OUT, 'http_crafted_json_escapes.pcap'), c.frames)
_http_crafted_json_escapes()

# ---- http_crafted_utf8.pcap ----
def _http_crafted_utf8():
    c=TcpConv(43001,80)
    lines=[b'A\xe0\xe9\xf8B', b'A\xe0aB', b'A\xc3', b'A\xe0\x80\x80B', b'A\xed\xa0\x80B', b'A\xf5\x80\x80\x80B', b'A\x80\x80B', b'A\xe2\x82aB', b'A\xf0\x9f\x98aB', b'A\xef\xbb\xbfB', b'A\xe2\x80\x8bB', b'A\xc2\xa0B', b'A\xc2\x85B', b'A\xee\x80\x80B', b'A\xf0\x9f\x98\x80B', b'A\xe0\xe9\xf8 \xe9\xf9B', b'A\xcd\x8fB', b'A\xe2\x80\xa8B', b'A\xf3\xa0\x80\x81B']
    body=b'\n'.join(lines)+b'\n'
    c.c(b'GET / HTTP/1.1\r\nHost: h\r\n\r\n')
    c.s(b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n' % len(body) + body)
    write(os.path.join(OUT, 'http_crafted_utf8.pcap'), c.frames)
_http_crafted_utf8()

# ---- http_crafted_media_types.pcap ----
def _http_crafted_media_types():
    c=TcpConv(43000,80)
    # media types whose dissectors are text lines, JSON, URL-encoded form, data, or none (media); types
    # handed to dissectors Dorsal does not have (XML, SDP, images, multipart…) are left out
    types=["text/plain","text/richtext","text/enriched","text/parameters","text/html","text/css","application/javascript","application/x-javascript","text/javascript","text/ecmascript","application/ecmascript","text/x-javascript","application/x-tia-p25-issi","application/x-ns-proxy-autoconfig","text/vnd.sun.j2me.app-descriptor","application/vnd.poc.refer-to","application/vnd.drm.message","application/x-rtsp-udp-packetpair","text/x-json","application/json","application/json-rpc","application/jsonrequest","application/dds-web+json","application/vnd.oma.lwm2m+json","application/x-www-form-urlencoded","application/octet-stream","text/csv","text/markdown","application/x-ndjson","text/x-sql","text/vcard","text/event-stream"]
    for t in types:
        c.c(b'GET / HTTP/1.1\r\nHost: h\r\n\r\n')
        # a form body with a newline in a key makes tshark print a label over two lines: keep forms simple
        body = b'a=b&c' if t.endswith('urlencoded') else b'ab\ncd'
        c.s(b'HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: 5\r\n\r\n' % t.encode() + body)
    write(os.path.join(OUT, 'http_crafted_media_types.pcap'), c.frames)
_http_crafted_media_types()

# ---- http_crafted_status_codes.pcap ----
def _http_crafted_status_codes():
    c=TcpConv(40000,80)
    codes=list(range(100,104))+[199]+list(range(200,209))+[226,299]+list(range(300,309))+[399]+list(range(400,432))+[451,499]+list(range(500,512))+[599,600,99,250]
    for code in codes:
        c.c(b'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
        c.s(b'HTTP/1.1 %d X\r\nContent-Length: 0\r\n\r\n' % code)
    write(os.path.join(OUT, 'http_crafted_status_codes.pcap'), c.frames)
_http_crafted_status_codes()

# ---- http_crafted_bytes.pcap ----
def _http_crafted_bytes():
    # NUL (tshark's strings end there, stray bytes flagged), control characters, bytes from 0x80 up (U+FFFD
    # in ASCII values) in the request line, headers, cookies, credentials, status line and body
    F=[]
    words=[b'A\x00B', b'A\x00\x00', b'a\x01b', b'\xc3\xa9t\xe9', b'x\x80y', b'\x7f\x1b"\\', b'a\tb', b'\xc3\xa9t\xc3\xa9']
    for i,w in enumerate(words):
        try:
            w.decode('utf-8'); host=b'h'+w   # the full URI copies the host's bytes raw: valid UTF-8 only
        except UnicodeDecodeError:
            host=b'h'
        c=TcpConv(44000+i,80)
        c.c(b'GET /p'+w.replace(b'\t',b'%09')+b'?q='+w+b'&r HTTP/1.1\r\nHost: '+host+b'\r\nUser-Agent: '+w+b'\r\nX-Y: '+w+
            b'\r\nCookie: a='+w+b'; b=2\r\nAuthorization: Basic YQBiAWM=\r\nBad Header'+w+b': 1\r\n\r\n')
        c.s(b'HTTP/1.1 200 O'+w+b'K\r\nServer: '+w+b'\r\nContent-Type: text/plain; x='+w+b'\r\nLocation: '+w+b'\r\nContent-Length: 5\r\n\r\nab'+w[:1]+b'cd')
        F+=c.frames
    write(os.path.join(OUT, 'http_crafted_bytes.pcap'), F)
_http_crafted_bytes()
