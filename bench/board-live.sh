#!/usr/bin/env bash
# Live leaderboards (issue 17 point 5): starts the packaged app on a scratch embedded database with the demo
# company, then `attain.jar board-live-bench` (a separate JVM) opens SUBSCRIBERS event streams on one bookings
# board (/game/live, as that many open board pages), posts DEALS deals one after another through
# POST /api/v1/transactions/bulk and times each until the board event reached every subscriber, and until each had
# fetched its board page again. Prints p50/p95/p99/max.
# Usage: bench/board-live.sh [SUBSCRIBERS] [DEALS]   (run from the repository root after ./mvnw package)
set -euo pipefail
subscribers=${1:-50}
deals=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${ATTAIN_JAR:-$root/attain-app/target/attain.jar}
work=${BENCH_DIR:-/tmp/attain-bench-board-live}
heap=${BENCH_HEAP:--Xmx1g}
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B package -DskipTests"; exit 1; }
rm -rf "$work" && mkdir -p "$work"
# a private copy: a rebuild of target/ during the run must not change the jar under the running app
cp "$jar" "$work/attain.jar" && jar=$work/attain.jar
port=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
java "$heap" -jar "$jar" --server.port="$port" --attain.data-dir="$work/data" --attain.demo.enabled=true \
    >"$work/app.log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
started=$(date +%s)
# readiness turns UP only after the demo company and its logins are loaded
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
  if ! kill -0 "$app" 2>/dev/null || [ $(( $(date +%s) - started )) -gt 300 ]; then
    echo "the app did not start; its log:"; tail -n 40 "$work/app.log"; exit 1
  fi
  sleep 1
done
echo "machine: $(nproc) cpus, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
echo "app_ready_s=$(( $(date +%s) - started ))"
echo "load_average_before=$(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" board-live-bench --url "http://127.0.0.1:$port" --subscribers "$subscribers" --deals "$deals"
echo "load_average_after=$(cut -d' ' -f1-3 /proc/loadavg)"
