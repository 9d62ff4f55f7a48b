#!/usr/bin/env bash
# Records synthetic TLS sessions the corpus lacks, on the loopback interface, into captures/ (one pcap and
# one client key log per case): TLS 1.0 and 1.1 CBC (chained and explicit IVs), CBC with SHA-384, AES-CCM
# and CCM_8 (TLS 1.2 and 1.3), encrypt-then-MAC switched off, TLS 1.2 renegotiation, TLS 1.3
# KeyUpdate (both sides) and TLS 1.3 early data. Needs root (tcpdump on lo) and OpenSSL 3 (openssl
# s_server -HTTP / s_client -keylogfile); a throwaway self-signed certificate is made for the run.
# Every session uses its own port, 47401 and up, and only 127.0.0.1. Run make.sh afterwards.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/captures
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
cd "$WORK"
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 3650 -subj /CN=synthetic.test 2>/dev/null
mkdir www
printf 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 23\r\n\r\nhello from the server\r\n' > www/index.html
REQUEST='GET /index.html HTTP/1.0\r\nHost: synthetic.test\r\n\r\n'
port=47400

# record NAME "SERVER OPTIONS" "CLIENT OPTIONS" STDIN-SCRIPT [CONNECTIONS]
record() {
  local name=$1 sopts=$2 copts=$3 script=$4 n=${5:-1}
  port=$((port + 1))
  rm -f "$OUT/$name.pcap" "$OUT/$name.keys"
  tcpdump -i lo -U -s 0 -w "$OUT/$name.pcap" "tcp port $port" 2>/dev/null &
  local dump=$!
  sleep 1
  (cd www && exec timeout 20 openssl s_server -accept "127.0.0.1:$port" -cert ../cert.pem -key ../key.pem -HTTP \
      -naccept "$n" $sopts) > "server.$name.log" 2>&1 &
  local server=$!
  sleep 0.5
  for i in $(seq 1 "$n"); do
    bash -c "$script" $i | timeout 10 openssl s_client -connect "127.0.0.1:$port" -servername synthetic.test \
        -keylogfile "$OUT/$name.keys" $copts > "client.$name.$i.log" 2>&1 || true
  done
  wait $server || true
  sleep 1
  kill $dump; wait $dump || true
  echo "$name: $(tcpdump -r "$OUT/$name.pcap" 2>/dev/null | wc -l) packets"
}

plain="printf '$REQUEST'; sleep 1"
legacy='-cipher DEFAULT:@SECLEVEL=0'
record tls10_cbc "$legacy -tls1" "$legacy -tls1 -cipher ECDHE-RSA-AES128-SHA:@SECLEVEL=0" "$plain"
record tls11_cbc_no_etm "$legacy -tls1_1" "$legacy -tls1_1 -no_etm -cipher AES256-SHA:@SECLEVEL=0" "$plain"
record tls12_cbc_sha384 "-tls1_2" "-tls1_2 -cipher ECDHE-RSA-AES256-SHA384" "$plain"
record tls12_ccm "-tls1_2 -cipher AES128-CCM:AES256-CCM8" "-tls1_2 -cipher AES128-CCM" "$plain"
record tls12_ccm8 "-tls1_2 -cipher AES128-CCM:AES256-CCM8" "-tls1_2 -cipher AES256-CCM8" "$plain"
record tls12_renegotiation "-tls1_2 -client_renegotiation" "-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256" \
    "sleep 0.5; echo R; sleep 0.5; printf '$REQUEST'; sleep 1"
record tls13_ccm "-tls1_3 -ciphersuites TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256" \
    "-tls1_3 -ciphersuites TLS_AES_128_CCM_SHA256" "$plain"
record tls13_ccm8 "-tls1_3 -ciphersuites TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256" \
    "-tls1_3 -ciphersuites TLS_AES_128_CCM_8_SHA256" "$plain"
record tls13_key_update "-tls1_3" "-tls1_3" "sleep 0.5; echo K; sleep 0.5; printf '$REQUEST'; sleep 1"
printf "$REQUEST" > early.txt
# Early data needs the ticket of a first connection: both connections go into one capture.
port=$((port + 1))
rm -f "$OUT/tls13_early_data.pcap" "$OUT/tls13_early_data.keys"
tcpdump -i lo -U -s 0 -w "$OUT/tls13_early_data.pcap" "tcp port $port" 2>/dev/null &
dump=$!
sleep 1
# (s_server cannot serve HTTP with -early_data: it only prints what it receives.)
# Its stdin stays open: at end of input it would stop.
sleep 15 | timeout 20 openssl s_server -accept "127.0.0.1:$port" -cert cert.pem -key key.pem -naccept 2 -tls1_3 \
    -early_data > server.early.log 2>&1 &
server=$!
sleep 0.5
(printf "$REQUEST"; sleep 1) | timeout 10 openssl s_client -connect "127.0.0.1:$port" -servername synthetic.test \
    -tls1_3 -sess_out sess.pem -keylogfile "$OUT/tls13_early_data.keys" > client.early.1.log 2>&1 || true
sleep 0.5
(sleep 1) | timeout 10 openssl s_client -connect "127.0.0.1:$port" -servername synthetic.test -tls1_3 \
    -sess_in sess.pem -early_data early.txt -keylogfile "$OUT/tls13_early_data.keys" > client.early.2.log 2>&1 || true
wait $server || true
sleep 1
kill $dump; wait $dump || true
echo "tls13_early_data: $(tcpdump -r "$OUT/tls13_early_data.pcap" 2>/dev/null | wc -l) packets"
grep -q "Early data was accepted" client.early.2.log || { echo "early data was not accepted" >&2; exit 1; }
