#!/usr/bin/env bash
# Records the real captures the JavaScript example dissectors are tested on, on loopback only, with
# real software: redis-server + redis-cli (RESP), mosquitto + mosquitto_pub/sub (MQTT), logger
# (syslog over UDP) and chronyd + ntpdate (NTP). Every server binds 127.0.0.1, every client loop is
# bounded, and everything started here is stopped before the script ends.
#
# usage: scripts/captures/make_captures.sh [OUT_DIR]   (default: scripts/src/test/resources/captures)
# needs: apt-get install redis-server redis-tools mosquitto mosquitto-clients tcpdump chrony ntpsec-ntpdate
# Then regenerate tshark's expected outputs: scripts/captures/make_expected.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../src/test/resources/captures}"
mkdir -p "$out"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

capture() { # file filter -> starts tcpdump, records its pid in $cap_pid
  tcpdump -i lo -U -s 0 -w "$1" "$2" >/dev/null 2>&1 &
  cap_pid=$!
  pids+=("$cap_pid")
  sleep 1
}
stop_capture() { sleep 1; kill -INT "$cap_pid"; wait "$cap_pid" 2>/dev/null || true; }

# ---- RESP: redis-server on 127.0.0.1:6379 ----------------------------------------------------------
redis-server --port 6379 --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
redis_pid=$!; pids+=("$redis_pid")
sleep 1
capture "$out/redis.pcap" 'tcp port 6379'
cli() { redis-cli -h 127.0.0.1 -p 6379 "$@" >/dev/null; }
cli PING
cli SET greeting "hello world"
cli GET greeting
cli GET missing
cli INCR counter
cli INCRBY counter 41
cli RPUSH list a bb ccc
cli LRANGE list 0 -1
cli HSET h field1 v1 field2 v2
cli HGETALL h
cli LPUSH greeting x || true            # WRONGTYPE: an error reply
# A 40 kB value: its SET and GET span two TCP segments each (PDUs across segments).
big="$(head -c 30000 /dev/zero | base64 -w0 | head -c 40000)"
cli SET big "$big"
cli STRLEN big
cli GET big
# Several RESP commands in one segment (pipelining); redis-cli --pipe adds an ECHO to know when all replied.
printf '*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nINCR\r\n$7\r\ncounter\r\n*2\r\n$3\r\nGET\r\n$8\r\ngreeting\r\n' \
  | redis-cli -h 127.0.0.1 -p 6379 --pipe >/dev/null
cli DEL greeting counter list h big
stop_capture
kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true

# ---- MQTT: mosquitto on 127.0.0.1:1883, MQTT 3.1.1 and 5.0 clients ---------------------------------
cat >"$work/mosquitto.conf" <<CONF
listener 1883 127.0.0.1
allow_anonymous true
persistence false
CONF
mosquitto -c "$work/mosquitto.conf" >"$work/mosquitto.log" 2>&1 &
mq_pid=$!; pids+=("$mq_pid")
sleep 1
capture "$out/mqtt.pcap" 'tcp port 1883'
timeout 10 mosquitto_sub -h 127.0.0.1 -p 1883 -V mqttv311 -i dorsal-sub -t 'sensors/#' -q 2 -C 4 >/dev/null &
sub_pid=$!
sleep 1
mosquitto_pub -h 127.0.0.1 -p 1883 -V mqttv311 -i dorsal-pub0 -t sensors/temp -m '21.5' -q 0
mosquitto_pub -h 127.0.0.1 -p 1883 -V mqttv311 -i dorsal-pub1 -t sensors/humidity -m '40%' -q 1
mosquitto_pub -h 127.0.0.1 -p 1883 -V mqttv311 -i dorsal-pub2 -t sensors/door -m 'open' -q 2 -r
mosquitto_pub -h 127.0.0.1 -p 1883 -V mqttv311 -i dorsal-pub3 -u user -P secret --will-topic sensors/will \
  --will-payload gone -t sensors/temp -m '22.0' -q 1
wait "$sub_pid" || true
mosquitto_pub -h 127.0.0.1 -p 1883 -V mqttv311 -i dorsal-clear -t sensors/door -n -r -q 1
stop_capture
kill "$mq_pid"; wait "$mq_pid" 2>/dev/null || true

# ---- syslog: logger sends RFC 3164 and RFC 5424 messages to 127.0.0.1:514/udp ----------------------
# A receiver drains the port so the kernel sends no ICMP port-unreachable back.
python3 -c 'import socket,sys
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(("127.0.0.1",514)); s.settimeout(8)
try:
  for _ in range(8): s.recv(65535)
except OSError: pass' &
sink_pid=$!; pids+=("$sink_pid")
sleep 0.5
capture "$out/syslog.pcap" 'udp port 514'
logger -n 127.0.0.1 -P 514 -d --rfc3164 -t dorsal -p user.notice "capture test message one"
logger -n 127.0.0.1 -P 514 -d --rfc3164 -t kernel -p kern.err "disk almost full"
logger -n 127.0.0.1 -P 514 -d --rfc5424 -t app -p local0.info --msgid ID47 "RFC 5424 message"
logger -n 127.0.0.1 -P 514 -d --rfc5424=notq -t app -p mail.warning "no time quality"
logger -n 127.0.0.1 -P 514 -d --rfc3164 -p auth.crit -t sshd --id=4242 "authentication failure"
stop_capture
kill "$sink_pid" 2>/dev/null || true

# ---- NTP: chronyd serves 127.0.0.1:123 from its local clock, ntpdate queries it ----------------------
cat >"$work/chrony.conf" <<CONF
port 123
bindaddress 127.0.0.1
allow 127.0.0.1
local stratum 8
driftfile $work/chrony.drift
pidfile $work/chronyd.pid
cmdport 0
CONF
chronyd -d -x -f "$work/chrony.conf" >"$work/chrony.log" 2>&1 &
ntp_pid=$!; pids+=("$ntp_pid")
sleep 2
capture "$out/ntp.pcap" 'udp port 123'
for _ in 1 2 3; do timeout 20 ntpdate -q 127.0.0.1 >/dev/null 2>&1 || true; done
stop_capture
kill "$ntp_pid"; wait "$ntp_pid" 2>/dev/null || true

ls -l "$out"/*.pcap
