#!/usr/bin/env bash
# Checks the spark-submit recipe of docs/spark.md on a real (one-machine) Spark standalone cluster:
# a master and a worker whose executors are separate JVMs, started from the Spark jars of the Maven
# build (laid out as a Spark distribution's jars/ folder), then SparkSubmit with --jars, as
# spark-submit runs it. Each query's output must equal the single-process CLI's.
#
# usage: spark/standalone-check.sh [CAPTURE]    (default: the corpus's tls12_rsa.pcap; try big/big.pcap)
set -euo pipefail
cd "$(dirname "$0")/.."
for d in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25*; do
  if [ -n "$d" ] && [ -x "$d/bin/java" ]; then export JAVA_HOME="$d"; break; fi
done
cap="$(realpath "${1:-shell/src/test/resources/corpus/captures/tls12_rsa.pcap}")"
keys="${cap%.*}.keys"
./mvnw -B -q package -pl spark -am -DskipTests
./dorsal -v >/dev/null

home="$(mktemp -d)"
mkdir -p "$home/jars"
tr ':' '\n' < spark/target/spark-classpath.txt | xargs -I{} ln -sf {} "$home/jars/"
ln -sf "$PWD"/spark/target/dist/slf4j-api-*.jar "$home/jars/"  # a Spark distribution ships one
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
       --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
       --add-opens=java.base/java.util=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)
log=(-Dlog4j2.configurationFile="$PWD/spark/src/main/resources/dorsal-spark-log4j2.properties")
"$JAVA_HOME/bin/java" "${opens[@]}" "${log[@]}" -cp "$home/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 7177 --webui-port 8190 > "$home/master.log" 2>&1 &
master=$!
sleep 4
"$JAVA_HOME/bin/java" "${opens[@]}" "${log[@]}" -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --cores 2 --memory 3g --webui-port 8191 --work-dir "$home/work" spark://127.0.0.1:7177 \
  > "$home/worker.log" 2>&1 &
worker=$!
trap 'kill $worker $master 2>/dev/null; rm -rf "$home"' EXIT
sleep 5

jars="$(ls spark/target/dist/*.jar | paste -sd,)"
submit() {
  "$JAVA_HOME/bin/java" "${opens[@]}" "${log[@]}" -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master spark://127.0.0.1:7177 --jars "$jars" --conf spark.executorEnv.JAVA_HOME="$JAVA_HOME" \
    --class dev.dorsal.spark.SparkMain spark/target/dorsal-spark.jar "$@"
}
keyopt=(); cliopt=()
if [ -f "$keys" ]; then keyopt=(--keylog "$keys"); cliopt=(-o "tls.keylog_file:$keys"); fi
# Packet level: fields of one packet (exact in any split); flow level: stream state, TLS and HTTP too.
packet_fields=(-e frame.number -e frame.time_delta -e ip.src -e tcp.srcport -e tcp.len -e dns.qry.name)
flow_fields=(-e frame.number -e tcp.stream -e tls.handshake.type -e http.request.uri -e _ws.col.Info)
fail=0
for level in packet flow; do
  if [ "$level" = packet ]; then
    fields=("${packet_fields[@]}"); filter='udp || tcp.len > 100'
  else
    fields=("${flow_fields[@]}"); filter='tls || http || dns'
  fi
  submit --level "$level" --split-size 32m --flow-partitions 3 "${keyopt[@]}" -Y "$filter" "${fields[@]}" "$cap" \
    > "$home/spark.txt" 2> "$home/submit.log" || { tail -n 20 "$home/submit.log"; fail=1; continue; }
  ./dorsal -r "$cap" "${cliopt[@]}" -Y "$filter" -T fields "${fields[@]}" > "$home/cli.txt"
  if cmp -s "$home/cli.txt" "$home/spark.txt"; then
    echo "$level level on the standalone cluster: same as the CLI ($(wc -l < "$home/cli.txt") lines)"
  else
    echo "$level level on the standalone cluster: DIFFERS from the CLI"; diff "$home/cli.txt" "$home/spark.txt" | head || true; fail=1
  fi
done
# A JavaScript dissector shipped to the executors (-X js_script:, as the CLI loads it).
js=scripts/dissectors/syslog.js
syslog=scripts/src/test/resources/captures/syslog.pcap
jsfields=(-e frame.number -e syslog.facility -e syslog.level -e syslog.msg -e _ws.col.Info)
if submit -X "js_script:$js" "${jsfields[@]}" "$syslog" > "$home/spark.txt" 2> "$home/submit.log"; then
  ./dorsal -r "$syslog" -X "js_script:$js" -T fields "${jsfields[@]}" > "$home/cli.txt"
  if cmp -s "$home/cli.txt" "$home/spark.txt"; then
    echo "JavaScript dissector on the standalone cluster: same as the CLI ($(wc -l < "$home/cli.txt") lines)"
  else
    echo "JavaScript dissector on the standalone cluster: DIFFERS from the CLI"; fail=1
  fi
else
  tail -n 20 "$home/submit.log"; fail=1
fi
exit $fail
