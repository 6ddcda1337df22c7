#!/usr/bin/env bash
# A 20-row file import's way to current numbers, as a comp admin sees it (issue 21, point 9).
# Against a running server with the demo company: logs in as compadmin, imports the example CRM export
# (examples/imports/crm-transactions.csv: 20 good deals, 6 bad rows) under a fresh source name so every
# good row is new, follows the import until it is done, and reads the recalculation runs it asked for.
# Prints key=value lines: import_done_ms (upload to "done", recalculation included), owners_current_ms
# (upload to the deals' people's statements current), managers_current_ms (to the managers' roll-up
# current), and the people each run recalculated. Run it a few times: the first import warms the server.
#   usage: bench/import-latency.sh [PORT] [ROUNDS]     (default 8080, 3)
set -euo pipefail
port=${1:-8080}; rounds=${2:-3}
base="http://127.0.0.1:$port"
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$(mktemp); trap 'rm -f "$jar" "$jar".*' EXIT
page=$(curl -s -c "$jar" -b "$jar" "$base/login")
token=$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/' | head -n 1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=compadmin --data-urlencode password=demo \
  --data-urlencode "_csrf=$token" "$base/login"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/imports" | grep -o 'name="_csrf" content="[^"]*"' | sed 's/.*content="\([^"]*\)".*/\1/' | head -n 1)
ms() { date +%s%3N; }
for round in $(seq 1 "$rounds"); do
  source="bench-$(date +%s%N)"
  sed "s/^source: .*/source: $source/" "$root/examples/imports/crm-transactions.profile.yaml" > "$jar.profile.yaml"
  t0=$(ms)
  id=$(curl -s -c "$jar" -b "$jar" -H "X-CSRF-TOKEN: $csrf" -F "profile=@$jar.profile.yaml" \
        -F "file=@$root/examples/imports/crm-transactions.csv" "$base/api/v1/imports" \
        | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
  while :; do
    # curl and grep only: a Python start-up per poll would be timed too (seconds on a loaded machine)
    phase=$(curl -s -b "$jar" "$base/api/v1/imports/$id" | grep -o '"phase":"[A-Z]*"' | head -n 1 | cut -d'"' -f4)
    [ "$phase" = DONE ] || [ "$phase" = FAILED ] && break
    sleep 0.1
  done
  t1=$(ms)
  curl -s -b "$jar" "$base/api/v1/calc/runs" | python3 -c '
import json, sys, datetime
runs = [r for r in json.load(sys.stdin) if r["trigger"].startswith("import '"$id"' ")]
runs.sort(key=lambda r: r["id"])
t0 = '"$t0"'
def at(r):
    return int(datetime.datetime.fromisoformat(r["finishedAt"].replace("Z", "+00:00")).timestamp() * 1000)
print("round='"$round"' import=%s phase='"$phase"' import_done_ms=%d" % ('"$id"', '"$t1"' - t0))
names = ["owners", "managers"]
for name, r in zip(names, runs):
    print("  %s_current_ms=%d people=%d run=%d status=%s" % (name, at(r) - t0, r["total"], r["id"], r["status"]))
'
done
