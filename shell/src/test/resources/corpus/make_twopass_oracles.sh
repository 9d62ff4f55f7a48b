#!/usr/bin/env bash
# Writes tshark 4.0.17's two-pass (-2) outputs for the corpus to oracle/, beside the single-pass
# oracles (FILE.summary.txt, FILE.verbose.txt, oracle/README.md):
#   FILE.2.summary.txt.gz   tshark -r FILE -2, only when it differs from FILE.summary.txt
# and for every capture that has a -V oracle,
#   FILE.2.verbose.txt.gz   tshark -r FILE -2 -V, only when it differs from FILE.verbose.txt
#   FILE.2R.verbose.txt.gz  tshark -r FILE -2 -R "$READ_FILTER" -V, only when the filter removes a frame
# gzipped (two-pass trees repeat the single-pass ones almost line for line). Each run gets the capture's
# key log (STEM.keys) and options (STEM.args) as the other oracles do, a fresh empty profile, TZ=UTC and
# the C.UTF-8 locale, and is run from the capture's directory with a relative file name.
#
# usage: make_twopass_oracles.sh     (needs tshark 4.0.17: apt-get install tshark)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export TZ=UTC LC_ALL=C.UTF-8 WIRESHARK_CONFIG_DIR="$(mktemp -d)"
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
# Drops the answers, so the links of the questions point at frames -R removed (TwoPassDifferentialTest).
READ_FILTER='!(dns.flags.response == 1 || icmp.type == 0 || icmpv6.type == 129 || http.response)'

# run DIR FILE OPTION...: tshark -r FILE with the capture's key log and .args, from DIR, to stdout.
run() {
  local dir="$1" f="$2"; shift 2
  local extra=()
  [ -f "$here/$dir/${f%.*}.keys" ] && extra=(-o "tls.keylog_file:${f%.*}.keys")
  [ -f "$here/$dir/${f%.*}.args" ] && mapfile -t -O "${#extra[@]}" extra < "$here/$dir/${f%.*}.args"
  (cd "$here/$dir" && tshark -r "$f" "${extra[@]}" "$@" 2>/dev/null) || true
}

cd "$here"
find captures fuzz ppp -name '*.pcap' -o -name '*.pcapng' | sort | while read -r path; do
  [ -f "oracle/$path.summary.txt" ] || continue
  dir="$(dirname "$path")" f="$(basename "$path")"
  rm -f "oracle/$path.2.summary.txt.gz"
  two="$(mktemp)"
  run "$dir" "$f" -2 > "$two"
  cmp -s "$two" "oracle/$path.summary.txt" || gzip -9n < "$two" > "oracle/$path.2.summary.txt.gz"
  rm -f "$two"
  single="oracle/$path.verbose.txt"
  [ -f "$single" ] || continue
  dir="$(dirname "$path")" f="$(basename "$path")"
  rm -f "oracle/$path.2.verbose.txt.gz" "oracle/$path.2R.verbose.txt.gz"
  two="$(mktemp)"
  run "$dir" "$f" -2 -V > "$two"
  cmp -s "$two" "$single" || gzip -9n < "$two" > "oracle/$path.2.verbose.txt.gz"
  if [ "$(run "$dir" "$f" -2 -R "$READ_FILTER" | wc -l)" != "$(run "$dir" "$f" -2 | wc -l)" ]; then
    run "$dir" "$f" -2 -R "$READ_FILTER" -V | gzip -9n > "oracle/$path.2R.verbose.txt.gz"
  fi
  rm -f "$two"
done
echo "wrote the -2 oracles under $here/oracle"
