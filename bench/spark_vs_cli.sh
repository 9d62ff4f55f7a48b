#!/usr/bin/env bash
# Throughput of `./dorsal spark` (the Spark data source in local mode) against the single-process CLI
# on the same file and the same fields and filter, one run each after a warm-up, outputs compared.
#
# usage: bench/spark_vs_cli.sh [CAPTURE] [MASTER]   (default: big/big.pcap, local[*])
# Prints a Markdown table: wall and user+sys seconds, peak RSS of the whole process, packets per second
# of wall time, and whether the two printed the same lines (the Spark rows are in frame order).
set -euo pipefail
cd "$(dirname "$0")/.."
cap="${1:-big/big.pcap}"
master="${2:-local[*]}"
[ -f "$cap" ] || { echo "no $cap: run bench/make_big.py big/big.pcap first" >&2; exit 1; }
export TZ=UTC LC_ALL=C.UTF-8
./dorsal -v >/dev/null 2>&1 || true
./dorsal spark --help >/dev/null 2>&1 || true           # builds the module once, outside the timings
packets=$(./dorsal -r "$cap" -T fields -e frame.number | tail -1)

# name | level | arguments (the same for both, -T fields added for the CLI)
cases=(
  "fields|packet|-e frame.number -e ip.src -e ip.dst -e tcp.srcport -e frame.len"
  "filter-tls|flow|-Y tls.handshake.type==1 -e frame.number -e tls.handshake.extensions_server_name"
  "http-field|flow|-Y http.request -e frame.number -e http.host -e http.request.uri"
)
cat "$cap" > /dev/null
measure() { # out-file tool args... -> prints "wall user+sys rss_mb"
  local out=$1; shift
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" > "$out" 2>/tmp/spark_bench_stderr
  awk '{printf "%.2f %.2f %d\n", $1, $2 + $3, $4 / 1024}' "$t"; rm -f "$t"
}
# Spark's fixed cost: starting a local session and running one query over a 26-packet capture.
read -r bw bc bm < <(measure /tmp/bench_spark.txt ./dorsal spark --master "$master" \
  -r shell/src/test/resources/corpus/captures/dns_udp.pcap -e frame.number)
echo "| case | tool | wall s | cpu s | peak RSS MB | packets/s (wall) | packets/s (wall after start-up) | same output |"
echo "|---|---|---:|---:|---:|---:|---:|---|"
echo "| start-up (26 packets) | dorsal spark ($master) | $bw | $bc | $bm | | | |"
for c in "${cases[@]}"; do
  IFS='|' read -r name level args <<<"$c"
  # shellcheck disable=SC2086
  read -r cw cc cm < <(measure /tmp/bench_cli.txt ./dorsal -r "$cap" -T fields $args)
  # shellcheck disable=SC2086
  read -r sw sc sm < <(measure /tmp/bench_spark.txt ./dorsal spark --master "$master" --level "$level" -r "$cap" $args)
  same=$(cmp -s /tmp/bench_cli.txt /tmp/bench_spark.txt && echo "yes ($(wc -l < /tmp/bench_cli.txt) lines)" || echo NO)
  echo "| $name | dorsal CLI | $cw | $cc | $cm | $(awk -v p="$packets" -v w="$cw" 'BEGIN{printf "%.0f", p / w}') | | |"
  echo "| $name | dorsal spark ($level, $master) | $sw | $sc | $sm | $(awk -v p="$packets" -v w="$sw" 'BEGIN{printf "%.0f", p / w}') | $(awk -v p="$packets" -v w="$sw" -v b="$bw" 'BEGIN{printf "%.0f", p / (w - b)}') | $same |"
done
# The data source alone, without printing a million rows through the driver: count and total length.
# shellcheck disable=SC2016
read -r cw cc cm < <(measure /tmp/bench_cli.txt sh -c "./dorsal -r '$cap' -T fields -e frame.len | awk '{n++; s+=\$1} END {printf \"%d\\t%d\\n\", n, s}'")
# shellcheck disable=SC2016
read -r sw sc sm < <(measure /tmp/bench_spark.txt ./dorsal spark --master "$master" -r "$cap" -e frame.len \
  --sql 'SELECT count(*), sum(`frame.len`) FROM packets')
same=$(cmp -s /tmp/bench_cli.txt /tmp/bench_spark.txt && echo "yes ($(cat /tmp/bench_cli.txt | tr '\t' ' '))" || echo NO)
echo "| count+sum | dorsal CLI + awk | $cw | $cc | $cm | $(awk -v p="$packets" -v w="$cw" 'BEGIN{printf "%.0f", p / w}') | | |"
echo "| count+sum | dorsal spark (packet, $master, --sql) | $sw | $sc | $sm | $(awk -v p="$packets" -v w="$sw" 'BEGIN{printf "%.0f", p / w}') | $(awk -v p="$packets" -v w="$sw" -v b="$bw" 'BEGIN{printf "%.0f", p / (w - b)}') | $same |"
