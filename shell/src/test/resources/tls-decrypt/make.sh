#!/usr/bin/env bash
# Regenerates the expected outputs of TlsDecryptionDifferentialTest with tshark 4.0.17, for every corpus
# capture that can be decrypted: those with a key log (../corpus/captures/<stem>.keys) and
# tls12_ecdhe_dsb.pcapng (secrets embedded in a Decryption Secrets Block); and for the synthetic
# captures of captures/ (made by record.sh: TLS 1.0/1.1, CCM, KeyUpdate, early data…). Per capture <c>:
#   <c>.summary.txt    tshark -r C -o tls.keylog_file:K
#   <c>.http.tsv       decrypted fields, frame by frame (-T fields, the -e list is the header line)
#   <c>.detail.txt.gz  -V, only the "Frame N:" lines and the top-level blocks of TLS and what TLS carries
#   <c>.hex.txt.gz     -Y tls -x: the hex dumps of TLS frames, with the "Decrypted TLS" data sources
#   <c>.filters.tsv    for each display filter below, the frames it matches (filter TAB frame list)
#   <c>.follow_tls.N.txt  -q -z follow,tls,ascii,N for every TCP stream with TLS
# and, for the two hand-made key logs beside this script (made here from the corpus ones):
#   partial.keys       tls13.keys with only its first session + one tls12_ecdhe session (others missing)
#   corrupt.keys       tls12_ecdhe.keys with malformed lines and one secret altered
#   rsa-only.keys      tls12_rsa.keys without its CLIENT_RANDOM lines: premaster secrets only (RSA lines),
#                      so the master secret must be derived, with the extended master secret
#   <c>.<log>.summary.txt / .http.tsv   the same outputs with those key logs.
# tshark runs as the shared oracle did: empty profile, TZ=UTC, LC_ALL=C, from the capture directory.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CAPS=$(cd "$HERE/../corpus/captures" && pwd)
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
export TZ=UTC LC_ALL=C WIRESHARK_CONFIG_DIR=$PROFILE
tshark --version 2>/dev/null | head -1 | grep -q ' 4\.0\.17 ' || { echo "needs TShark 4.0.17" >&2; exit 1; }

FIELDS="frame.number frame.protocols _ws.col.Protocol tls.record.content_type tls.handshake.type tls.app_data_proto
tls.segment.count tls.reassembled.length http.request.method http.request.uri http.request.full_uri http.host
http.user_agent http.response.code http.response.phrase http.content_type http.content_length http.request_in
http.response_in http.time _ws.col.Info"
FILTERS=('http' 'http.request' 'http.response.code == 200' 'http.request.uri contains "index"'
'http.host == "www.corpus.test"' 'tls.handshake.type == 20' 'tls.handshake.type == 4'
'tls.record.content_type == 21' 'tls.app_data' 'tls.segment.data' 'data-text-lines' 'json')

fields_args() { local a=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=,); for f in $FIELDS; do a+=(-e "$f"); done; echo "${a[@]}"; }
# Of frames with TLS, keeps the "Frame N:" line and the top-level blocks from TLS on (TLS, what it
# carries, reassembly summaries): everything below TLS is left to the other differential tests.
detail_blocks() { awk '
  function flush() { if (tls) printf "%s", buf; buf = ""; tls = 0 }
  /^Frame [0-9]+:/ { flush(); buf = $0 "\n"; p = 0; next }
  /^[^ ]/ { p = ($0 !~ /^(Ethernet|Internet Protocol|Transmission Control|Linux cooked|Null\/Loopback|\[[0-9]+ Reassembled TCP)/) }
  /^Transport Layer Security$/ { tls = 1 }
  p { buf = buf $0 "\n" }
  END { flush() }'; }

DIR=$CAPS
run() { (cd "$DIR" && tshark -r "$@" 2>/dev/null); }

cd "$HERE"
rm -f ./*.txt ./*.tsv ./*.gz
# Hand-made key logs: a key log missing sessions, and a damaged one.
{ grep -v '^#' "$CAPS/tls13.keys" | head -5; grep CLIENT_RANDOM "$CAPS/tls12_ecdhe.keys" | tail -1; } > partial.keys
{ echo "# damaged on purpose: three malformed lines, one secret altered"
  echo "not a key log line"
  echo "CLIENT_RANDOM 0011 2233"
  grep CLIENT_RANDOM "$CAPS/tls12_ecdhe.keys" | head -1 | awk '{ c = substr($3, 48, 1); $3 = substr($3, 1, 47) (c == "0" ? "1" : "0") substr($3, 49); print }'
  grep CLIENT_RANDOM "$CAPS/tls12_ecdhe.keys" | tail -1
  echo "SERVER_TRAFFIC_SECRET_0 zz zz"; } > corrupt.keys
grep '^RSA ' "$CAPS/tls12_rsa.keys" > rsa-only.keys

for path in "$CAPS"/*.pcap "$CAPS"/*.pcapng "$HERE"/captures/*.pcap; do
  DIR=$(dirname "$path"); cap=$(basename "$path"); stem=${cap%.*}
  keys=()
  if [ -f "$DIR/$stem.keys" ]; then keys=(-o "tls.keylog_file:$stem.keys");
  elif [ "$cap" != tls12_ecdhe_dsb.pcapng ]; then continue; fi
  run "$cap" "${keys[@]}" > "$cap.summary.txt"
  run "$cap" "${keys[@]}" $(fields_args) > "$cap.http.tsv"
  run "$cap" "${keys[@]}" -V | detail_blocks > "$cap.detail.txt"
  [ -s "$cap.detail.txt" ] || { echo "no TLS details for $cap" >&2; exit 1; }
  run "$cap" "${keys[@]}" -Y tls -x > "$cap.hex.txt"
  : > "$cap.filters.tsv"
  for f in "${FILTERS[@]}"; do
    printf '%s\t%s\n' "$f" "$(run "$cap" "${keys[@]}" -Y "$f" -T fields -e frame.number | paste -sd, -)" >> "$cap.filters.tsv"
  done
  for s in $(run "$cap" "${keys[@]}" -Y tls -T fields -e tcp.stream | sort -un); do
    run "$cap" "${keys[@]}" -q -z "follow,tls,ascii,$s" > "$cap.follow_tls.$s.txt"
  done
done
DIR=$CAPS
for log in partial corrupt; do
  for cap in tls13.pcap tls12_ecdhe.pcapng; do
    run "$cap" -o "tls.keylog_file:$HERE/$log.keys" > "$cap.$log.summary.txt"
    run "$cap" -o "tls.keylog_file:$HERE/$log.keys" $(fields_args) > "$cap.$log.http.tsv"
  done
done
run tls12_rsa.pcap -o "tls.keylog_file:$HERE/rsa-only.keys" > tls12_rsa.pcap.rsa-only.summary.txt
run tls12_rsa.pcap -o "tls.keylog_file:$HERE/rsa-only.keys" $(fields_args) > tls12_rsa.pcap.rsa-only.http.tsv
# The two large kinds are stored gzip-compressed (the test reads them so).
gzip -9nf ./*.detail.txt ./*.hex.txt
echo "ok: $(ls *.summary.txt | wc -l) summaries, $(ls *.follow_tls.*.txt | wc -l) follows"
