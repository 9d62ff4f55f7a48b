#!/usr/bin/env bash
# Writes tshark 4.0.17's -T fields output for the example dissectors' captures: the expected values the
# scripts module's tests compare the JavaScript dissectors with (header line = field names).
#
# usage: scripts/captures/make_expected.sh        (needs tshark 4.0.17: apt-get install tshark)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
res="$here/../src/test/resources/captures"
export WIRESHARK_CONFIG_DIR="$(mktemp -d)" TZ=UTC LC_ALL=C.UTF-8   # empty profile: default preferences

fields() { # capture out.tsv field...  (frame number, protocol and info first)
  local cap="$1" out="$2"; shift 2
  local args=(-e frame.number -e _ws.col.Protocol -e _ws.col.Info)
  for f in "$@"; do args+=(-e "$f"); done
  tshark -r "$res/$cap" -T fields -E header=y -E occurrence=a -E aggregator=, "${args[@]}" > "$res/$out"
}

fields redis.pcap redis.resp.tsv resp.string resp.error resp.bulk_string.length resp.bulk_string.value \
  resp.integer resp.array.length
fields mqtt.pcap mqtt.mqtt.tsv mqtt.hdrflags mqtt.msgtype mqtt.hdr_reserved mqtt.dupflag mqtt.qos mqtt.retain \
  mqtt.len mqtt.proto_len mqtt.protoname mqtt.ver mqtt.conflags mqtt.conflag.uname mqtt.conflag.passwd \
  mqtt.conflag.retain mqtt.conflag.qos mqtt.conflag.willflag mqtt.conflag.cleansess mqtt.conflag.reserved \
  mqtt.kalive mqtt.clientid_len mqtt.clientid mqtt.willtopic_len mqtt.willtopic mqtt.willmsg_len mqtt.willmsg \
  mqtt.username_len mqtt.username mqtt.passwd_len mqtt.passwd mqtt.conack.flags mqtt.conack.flags.reserved \
  mqtt.conack.flags.sp mqtt.conack.val mqtt.msgid mqtt.sub.qos mqtt.suback.qos mqtt.topic_len mqtt.topic mqtt.msg
fields syslog.pcap syslog.syslog.tsv syslog.facility syslog.level syslog.version syslog.timestamp \
  syslog.timestamp_rfc3164 syslog.hostname syslog.appname syslog.procid syslog.msgid syslog.msg
fields ntp.pcap ntp.ntp.tsv ntp.flags ntp.flags.li ntp.flags.vn ntp.flags.mode ntp.stratum ntp.ppoll ntp.precision \
  ntp.rootdelay ntp.rootdispersion ntp.refid ntp.reftime ntp.org ntp.rec ntp.xmt
# The JavaScript UDP header against tshark's own UDP on the UDP captures.
for cap in syslog.pcap ntp.pcap dns.pcap; do
  fields "$cap" "${cap%.pcap}.udp.tsv" udp.srcport udp.dstport udp.port udp.length udp.checksum udp.checksum.status \
    udp.stream udp.time_relative udp.time_delta udp.payload
done
# The Lua probe run by tshark itself, against which its line-by-line JavaScript translation is compared.
lua="$here/../../../../shared/reference/tshark-4.0.17/lua_probe.lua"
[ -f "$lua" ] || lua=/work/shared/reference/tshark-4.0.17/lua_probe.lua
tshark -X lua_script:"$lua" -r "$res/http2.pcap" -T fields -E header=y -E occurrence=a -E aggregator=, \
  -e frame.number -e _ws.col.Protocol -e _ws.col.Info -e hdrblk.first -e hdrblk.len -e hdrblk.kind \
  -e _ws.expert.message | grep -v '^TAP ' > "$res/http2.hdrblk.tsv"   # draw() prints its TAP line to stdout too
tshark -X lua_script:"$lua" -r "$res/http2.pcap" -q > "$res/http2.hdrblk.tap.txt"
ls -l "$res"/*.tsv "$res"/*.txt
