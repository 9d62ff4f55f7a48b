#!/usr/bin/env bash
# Writes tshark 4.0.17's -T psml, tabs, pdml and ek outputs for the corpus to oracle/, beside the
# other oracles (oracle/README.md): FILE.psml and FILE.tabs for every capture under captures/ and
# fuzz/, FILE.pdml and FILE.ek for the captures that have a -T json oracle, fewer than 30 packets
# (PDML and EK of larger ones run to megabytes) and no Ethernet address 00:00:00:00:00:00, and the combinations listed in oracle/formats-combos.tsv. Each run gets the capture's key
# log (STEM.keys) and options (STEM.args) as the other oracles do, a fresh empty profile, TZ=UTC and
# the C.UTF-8 locale, and is run from the capture's directory with a relative file name.
#
# Captures with the Ethernet address 00:00:00:00:00:00 (loopback recordings) are left out of pdml and
# ek: tshark shows a vendor name for that OUI ("Officially Xerox, but ...") in every packet, which
# Dorsal's tests do not have (they run with DORSAL_WIRESHARK_DATA=none, docs/compat.md), so those
# oracles would only repeat that one known difference at a few hundred kB each.
#
# usage: make_format_oracles.sh     (needs tshark 4.0.17: apt-get install tshark)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export TZ=UTC LC_ALL=C.UTF-8 WIRESHARK_CONFIG_DIR="$(mktemp -d)"
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT

# run DIR FILE OUT OPTION...: tshark -r FILE with the capture's key log and .args, from DIR.
run() {
  local dir="$1" f="$2" out="$3"; shift 3
  local extra=()
  [ -f "$here/$dir/${f%.*}.keys" ] && extra=(-o "tls.keylog_file:${f%.*}.keys")
  [ -f "$here/$dir/${f%.*}.args" ] && mapfile -t -O "${#extra[@]}" extra < "$here/$dir/${f%.*}.args"
  (cd "$here/$dir" && tshark -r "$f" "${extra[@]}" "$@" > "$out" 2>/dev/null) || true
}

for dir in captures fuzz; do
  mkdir -p "$here/oracle/$dir"
  for path in "$here/$dir"/*.pcap "$here/$dir"/*.pcapng; do
    [ -f "$path" ] || continue
    f="$(basename "$path")"
    run "$dir" "$f" "$here/oracle/$dir/$f.psml" -T psml
    run "$dir" "$f" "$here/oracle/$dir/$f.tabs" -T tabs
    if [ -f "$here/oracle/$dir/$f.json" ] \
        && [ "$(cd "$here/$dir" && tshark -r "$f" 2>/dev/null | wc -l)" -lt 30 ] \
        && ! (cd "$here/$dir" && tshark -r "$f" -T fields -e eth.addr 2>/dev/null) | grep -q '00:00:00:00:00:00'; then
      run "$dir" "$f" "$here/oracle/$dir/$f.pdml" -T pdml
      run "$dir" "$f" "$here/oracle/$dir/$f.ek" -T ek
    fi
  done
done

while IFS=$'\t' read -r capture suffix options; do
  case "$capture" in '#'*|'') continue ;; esac
  read -r -a opts <<< "$options"
  run "$(dirname "$capture")" "$(basename "$capture")" "$here/oracle/$capture.$suffix" "${opts[@]}"
done < "$here/oracle/formats-combos.tsv"
echo "wrote the -T psml/tabs/pdml/ek oracles under $here/oracle"
