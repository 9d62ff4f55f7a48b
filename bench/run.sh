#!/usr/bin/env bash
# Times Dorsal against tshark on the same capture and command, in one run, and prints a Markdown table.
#
# usage: bench/run.sh [CAPTURE] [RUNS]      (default: big/big.pcap built by bench/make_big.py, 3 runs)
# Each command runs RUNS times for each tool with stdout to /dev/null (page cache warmed first);
# the table gives the median wall time, median user+sys time and the largest peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
cap="${1:-big/big.pcap}"
runs="${2:-3}"
[ -f "$cap" ] || { echo "no $cap: run bench/make_big.py big/big.pcap first" >&2; exit 1; }
command -v tshark >/dev/null || { echo "tshark not installed (apt-get install tshark)" >&2; exit 1; }
export WIRESHARK_CONFIG_DIR="$(mktemp -d)"   # empty profile: tshark's default preferences
export TZ=UTC LC_ALL=C.UTF-8
./dorsal -v >/dev/null 2>&1 || true          # build once, outside the timings

# name | arguments after -r FILE (same for both tools)
commands=(
  "fields|-T fields -e frame.number -e ip.src -e tcp.srcport"
  "summary|"
  "filter-port|-Y tcp.srcport==443"
  "filter-tls|-Y tls.handshake.type==1 -T fields -e tls.handshake.extensions_server_name"
  "http-field|-Y http.request -T fields -e http.host -e http.request.uri"
  "conv-tcp|-q -z conv,tcp"
  "follow|-q -z follow,tcp,raw,0"
)
if [ -n "${BENCH_ONLY:-}" ]; then
  filtered=(); for c in "${commands[@]}"; do [[ ",$BENCH_ONLY," == *",${c%%|*},"* ]] && filtered+=("$c"); done
  commands=("${filtered[@]}")
fi

cat "$cap" > /dev/null
measure() { # tool args... -> prints "wall user+sys rss_kb exit"
  local out; out=$(mktemp)
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" > /dev/null 2>/tmp/bench_stderr
  local rc=$?
  set -e
  awk -v rc=$rc '{printf "%.2f %.2f %d %d\n", $1, $2 + $3, $4, rc}' "$out"; rm -f "$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

echo "| command | tool | median wall s | median user+sys s | peak RSS MB | exit | speed-up |"
echo "|---|---|---|---|---|---|---|"
for entry in "${commands[@]}"; do
  name="${entry%%|*}"; args="${entry#*|}"
  declare -A wall cpu rss rc
  for tool in tshark dorsal; do
    bin=tshark; [ "$tool" = dorsal ] && bin=./dorsal
    walls=(); cpus=(); maxrss=0; code=0
    for ((i = 0; i < runs; i++)); do
      read -r w c r e < <(measure $bin -r "$cap" $args)
      walls+=("$w"); cpus+=("$c"); [ "$r" -gt "$maxrss" ] && maxrss=$r; code=$e
    done
    wall[$tool]=$(printf '%s\n' "${walls[@]}" | median)
    cpu[$tool]=$(printf '%s\n' "${cpus[@]}" | median)
    rss[$tool]=$((maxrss / 1024)); rc[$tool]=$code
  done
  speed=$(awk -v t="${wall[tshark]}" -v d="${wall[dorsal]}" 'BEGIN {printf "%.1f×", (d > 0 ? t / d : 0)}')
  echo "| \`$name\`: \`-r $cap $args\` | tshark | ${wall[tshark]} | ${cpu[tshark]} | ${rss[tshark]} | ${rc[tshark]} | |"
  echo "| | dorsal | ${wall[dorsal]} | ${cpu[dorsal]} | ${rss[dorsal]} | ${rc[dorsal]} | $speed |"
done
