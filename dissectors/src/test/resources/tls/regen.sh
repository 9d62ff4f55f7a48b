#!/usr/bin/env bash
# Rebuilds this directory's TLS test material from the shared corpus (/work/shared/corpus by default):
# copies the TLS captures and tshark 4.0.17's outputs made WITHOUT a key log, and produces with the
# local tshark (must be 4.0.17, as the oracle) what the shared oracle lacks:
#   <capture>.tls_extra.tsv  the shared tls_extra field table, re-run without the key log (the shared
#                            one was made with keys and shows decrypted handshakes);
#   <capture>.tls.txt        the "Frame N:" lines and the top-level "Transport Layer Security" blocks of
#                            tshark -V (from the shared -V output where it exists, else from tshark -V).
# tshark runs as the shared oracle did: empty profile, TZ=UTC, LC_ALL=C, from the capture's directory.
set -euo pipefail
CORPUS=${CORPUS:-/work/shared/corpus}
HERE=$(cd "$(dirname "$0")" && pwd)
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE" "$HERE/.tmp"' EXIT
export TZ=UTC LC_ALL=C WIRESHARK_CONFIG_DIR=$PROFILE
tshark --version 2>/dev/null | head -1 | grep -q ' 4\.0\.17 ' || { echo "needs TShark 4.0.17" >&2; exit 1; }

CAPTURES="captures/tls12_client_auth.pcap captures/tls12_ecdhe.pcapng captures/tls12_frag_records.pcap
captures/tls12_rsa.pcap captures/tls13.pcap captures/tls13_hrr.pcap captures/tls_alerts.pcap captures/tls_alpn_h2.pcap
captures/tls_bigcert.pcap captures/tls_on_nonstandard_port.pcap captures/tls_resumption.pcap captures/mixed.pcapng
ppp/PacketExamples/SSL-AlertClear.pcap ppp/PacketExamples/SSL-ClientHello1.pcap ppp/PacketExamples/SSL-MultipleAppData.pcap
ppp/PacketExamples/SSL-MultipleRecords1.pcap ppp/PacketExamples/SSL-MultipleRecords2.pcap
ppp/PacketExamples/SSL-MultipleRecords4.pcap ppp/PacketExamples/SSL-MultipleRecords5.pcap
ppp/PacketExamples/SSL-NewSessionTicket.pcap ppp/PacketExamples/SSL-PartialCertificate1.pcap
ppp/PacketExamples/ssl-malformed1.pcap ppp/PacketExamples/tls1_3.pcap ppp/PacketExamples/tls_server_hello.pcap
ppp/pcap_examples/tls.pcap ppp/PcapExamples/IgmpPackets.pcap ppp/PcapExamples/many_interfaces-1.pcapng"
# tls12_ecdhe_dsb.pcapng is left out: it is tls12_ecdhe.pcapng plus embedded secrets, which tshark always uses.

# The field list of the shared tls_extra tables.
EXTRA_FIELDS="frame.number tcp.stream tcp.reassembled_in tls.record.content_type tls.record.version tls.record.length
tls.handshake.type tls.handshake.length tls.handshake.version tls.handshake.session_id_length tls.handshake.ciphersuite
tls.handshake.extension.type tls.handshake.extensions_server_name tls.handshake.extensions_alpn_str
tls.handshake.extensions.supported_version tls.handshake.extensions_supported_group tls.handshake.extensions_key_share_group
tls.handshake.sig_hash_alg tls.handshake.certificate_length tls.handshake.session_ticket_length
tls.alert_message.level tls.alert_message.desc tls.handshake.ja3_full tls.handshake.ja3 tls.handshake.ja3s_full tls.handshake.ja3s"

# Keeps "Frame N:" lines and every top-level "Transport Layer Security" block (up to the next top-level line).
tls_blocks() { awk '/^Frame [0-9]+:/ {print; p=0; next} /^[^ ]/ {p = ($0 == "Transport Layer Security")} p'; }

for rel in $CAPTURES; do
  name=$(basename "$rel"); dir=$CORPUS/$(dirname "$rel")
  case $rel in
    captures/*) or=$CORPUS/oracle/$rel.nokeys ;;
    *) or=$CORPUS/oracle/$rel ;;
  esac
  rm -f "$HERE/$name" "$HERE/$name".*
  cp "$dir/$name" "$HERE/$name"
  # The key log beside a capture, for the decryption tests (the tshark outputs here stay without it).
  stem=${name%.*}
  if [ -f "$dir/$stem.keys" ]; then cp "$dir/$stem.keys" "$HERE/$stem.keys"; fi
  cp "$or.summary.txt" "$HERE/$name.summary.txt"
  cp "$or.fields.tsv" "$HERE/$name.fields.tsv"
  args=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=,)
  for f in $EXTRA_FIELDS; do args+=(-e "$f"); done
  (cd "$dir" && tshark -r "$name" -Y tls "${args[@]}" 2>/dev/null) > "$HERE/$name.tls_extra.tsv"
  if [ -f "$or.verbose.txt" ]; then
    tls_blocks < "$or.verbose.txt" > "$HERE/$name.tls.txt"
  else
    (cd "$dir" && tshark -r "$name" -V 2>/dev/null) | tls_blocks > "$HERE/$name.tls.txt"
  fi
done
# Without keys the regenerated tls_extra must equal the shared one for captures that had no key log.
for rel in $CAPTURES; do
  case $rel in ppp/*) cmp -s "$HERE/$(basename "$rel").tls_extra.tsv" "$CORPUS/oracle/$rel.tls_extra.tsv" \
      || { echo "tls_extra differs from the shared oracle for $rel" >&2; exit 1; } ;; esac
done
# Synthetic probes (make_probes.py): their outputs come from the local tshark, with the corpus's field list.
FIELDS="frame.number frame.len eth.src eth.dst eth.type ip.src ip.dst ip.proto ip.ttl ipv6.src ipv6.dst
tcp.srcport tcp.dstport tcp.stream tcp.seq tcp.ack tcp.len tcp.flags udp.srcport udp.dstport
tls.record.content_type tls.record.version tls.handshake.type tls.handshake.version tls.handshake.ciphersuite
tls.handshake.extensions_server_name tls.handshake.ja3 tls.handshake.ja3s http.request.method http.request.uri
http.host http.response.code dns.qry.name dns.qry.type dns.a _ws.col.Protocol _ws.col.Info"
mkdir -p "$HERE/.tmp"
python3 "$HERE/make_probes.py" "$HERE/.tmp"
for path in "$HERE"/.tmp/probe_*.pcap; do
  name=$(basename "$path")
  rm -f "$HERE/$name" "$HERE/$name".*
  cp "$path" "$HERE/$name"
  (cd "$HERE" && tshark -r "$name" 2>/dev/null) > "$HERE/$name.summary.txt"
  fargs=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=,)
  for f in $FIELDS; do fargs+=(-e "$f"); done
  (cd "$HERE" && tshark -r "$name" "${fargs[@]}" 2>/dev/null) > "$HERE/$name.fields.tsv"
  args=(-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=,)
  for f in $EXTRA_FIELDS; do args+=(-e "$f"); done
  (cd "$HERE" && tshark -r "$name" -Y tls "${args[@]}" 2>/dev/null) > "$HERE/$name.tls_extra.tsv"
  (cd "$HERE" && tshark -r "$name" -V 2>/dev/null) | tls_blocks > "$HERE/$name.tls.txt"
done

# JA4 of every ClientHello by the reference script ja4_calc.py (computed from tshark's fields, independent
# of Ja4.java; dissectors/tools/tls/ja4_calc.py is the shared one with its last-line bug fixed):
# "<frame> <ja4> | JA4_r: <ja4_r>" per ClientHello frame.
JA4_CALC=${JA4_CALC:-$HERE/../../../../tools/tls/ja4_calc.py}
for path in "$HERE"/*.pcap "$HERE"/*.pcapng; do
  name=$(basename "$path")
  if [ -n "$(cd "$HERE" && tshark -r "$name" -Y tls.handshake.type==1 -T fields -e frame.number 2>/dev/null)" ]; then
    (cd "$HERE" && python3 "$JA4_CALC" "$name") > "$HERE/$name.ja4.txt"
  else
    : > "$HERE/$name.ja4.txt"
  fi
done

# Everything but this script is stored gzip-compressed (readers and tests decompress transparently).
for f in "$HERE"/*; do
  case $f in *.sh|*.gz|*.py|*.pem|*.cnf|*.keys|*/README.md) ;; *) chmod u+w "$f"; gzip -9nf "$f" ;; esac
done
echo "ok: $(echo $CAPTURES | wc -w) corpus captures, $(ls "$HERE"/probe_*.pcap.gz | wc -l) probes"
