#!/usr/bin/env bash
# Import benchmark: a generated 1,000,000-row transactions CSV loaded with the import CLI into a
# fresh embedded database whose demo company has the same 1,000 people (same seed), then loaded
# again (every row unchanged). Prints rows, seconds, rows/s and the peak RSS of the JVM.
# Usage: bench/import.sh [ROWS] [PEOPLE]    (run from the repository root after ./mvnw package)
set -euo pipefail
rows=${1:-1000000}
people=${2:-1000}
seed=20261126
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${ATTAIN_JAR:-$root/attain-app/target/attain.jar}
work=${BENCH_DIR:-/tmp/attain-bench-import}
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B package -DskipTests"; exit 1; }
rm -rf "$work" && mkdir -p "$work/run"
java -jar "$jar" demo generate --people "$people" --transactions "$rows" --seed "$seed" --out "$work/company" >/dev/null
csv=$work/company/transactions.csv
profile=$root/examples/imports/generated-demo.profile.yaml
heap=${BENCH_HEAP:--Xmx512m}
run() {
  (cd "$work/run" && /usr/bin/time -f "peak_rss_kb=%M" java "$heap" -jar "$jar" import --profile "$profile" "$csv" \
      --attain.demo.people="$people" --attain.demo.seed="$seed" \
      --logging.level.org.attain.ingest.TransactionLoad=debug --logging.level.org.attain.ingest.StageWriter=debug 2>&1) \
      | grep -E "rows read|accepted=|peak_rss_kb=|import step" || true
}
report() {
  local label=$1 out=$2
  local secs rss
  secs=$(echo "$out" | sed -nE 's/.* changed in ([0-9.]+) s.*/\1/p')
  rss=$(echo "$out" | sed -nE 's/peak_rss_kb=([0-9]+)/\1/p')
  echo "$out" | grep -E "accepted="
  echo "$out" | sed -nE 's/.*import step (.*)/  step \1/p'
  awk -v l="$label" -v r="$rows" -v s="$secs" -v m="$rss" \
    'BEGIN { printf "%s: rows=%d seconds=%.1f rows_per_s=%d peak_rss_mb=%d\n", l, r, s, r / s, m / 1024 }'
}
echo "machine: $(nproc) cpus, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
report "first load" "$(run)"
report "same file again" "$(run)"
