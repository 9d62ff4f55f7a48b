#!/usr/bin/env bash
# Times whole runs over a capture with the Java UDP dissector and with its JavaScript version
# (scripts/dissectors/udp.js via Decode-As), with the JIT in several settings and without it.
# Prints one Markdown row per run; docs/benchmarks.md ("JavaScript dissectors") holds the results.
#
# usage: scripts/bench/js_bench.sh CAPTURE [RUNS] [CONFIGS]
#   CONFIGS: space-separated names from the list below (default: all)
# Build first: ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl scripts test-compile
set -euo pipefail
cd "$(dirname "$0")/../.."
cap="${1:?capture}"; runs="${2:-3}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cp_file="$(mktemp)"
./mvnw -B -q -o -pl scripts dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
cp="scripts/target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"
base=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseParallelGC -Xss4m -Xmx2g)
jit=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=engine/target/graal)

# name | mode | JVM flags
configs=(
  "java|java|${jit[*]}"
  "js-jit-default|js|${jit[*]}"
  "js-jit-foreground|js|${jit[*]} -Ddorsal.js.mode=default"
  "js-jit-throughput|js|${jit[*]} -Ddorsal.js.mode=throughput"
  "js-jit-threshold100|js|${jit[*]} -Ddorsal.js.mode=default -Ddorsal.js.threshold=100"
  "js-jit-late|js|${jit[*]} -Ddorsal.js.mode=default -Ddorsal.js.firstThreshold=50000 -Ddorsal.js.threshold=100000"
  "js-jit-late-latency|js|${jit[*]} -Ddorsal.js.firstThreshold=50000 -Ddorsal.js.threshold=100000"
  "js-jit-hot|js|${jit[*]} -Ddorsal.js.firstThreshold=500000 -Ddorsal.js.threshold=1000000"
  "js-jit-background|js|${jit[*]} -Ddorsal.js.mode=default -Ddorsal.js.backgroundCompilation=true"
  "js-jit-bg-2threads|js|${jit[*]} -Ddorsal.js.mode=default -Ddorsal.js.backgroundCompilation=true -Ddorsal.js.compilerThreads=2"
  "js-jit-bg-latency|js|${jit[*]} -Ddorsal.js.backgroundCompilation=true"
  "js-jit-bg-throughput|js|${jit[*]} -Ddorsal.js.mode=throughput -Ddorsal.js.backgroundCompilation=true"
  "js-interpreter|js|-Ddorsal.js.compilation=false"
)
want="${3:-}"
cat "$cap" > /dev/null
for entry in "${configs[@]}"; do
  IFS='|' read -r name mode flags <<<"$entry"
  if [ -n "$want" ] && [[ " $want " != *" $name "* ]]; then continue; fi
  walls=(); cpus=(); line=""
  for ((i = 0; i < runs; i++)); do
    t="$(mktemp)"
    line=$(/usr/bin/time -f "%e %U %S" -o "$t" "$JAVA_HOME/bin/java" "${base[@]}" $flags -cp "$cp" \
      dev.dorsal.scripts.bench.JsUdpBench "$cap" "$mode" scripts/dissectors | head -1)
    read -r w u s < "$t"; rm -f "$t"
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u + s}')")
  done
  med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
  dissect=$(sed -E 's/.*dissect_s=([0-9.]+).*/\1/' <<<"$line")
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "| $name | $(med "${walls[@]}") | $(med "${cpus[@]}") | $dissect | ${walls[*]} | $load |"
done
