#!/usr/bin/env bash
# Page latency on the demo company: bench/pages.sh [--requests N] [--port P]
# Starts the packaged app on a scratch embedded database (deleted at the end), logs in as each demo
# role, requests each of that role's main pages N times one after another (after 5 warm-up calls)
# and prints p50 / p95 / max per page in milliseconds, server-rendered HTML, measured by curl.
set -euo pipefail
cd "$(dirname "$0")/.."

requests=50
port=18777
while [ $# -gt 0 ]; do
    case "$1" in
        --requests) requests=${2:?--requests needs a number}; shift 2 ;;
        --port) port=${2:?--port needs a number}; shift 2 ;;
        *) echo "unknown option $1 (use --requests N, --port P)" >&2; exit 2 ;;
    esac
done
[[ $requests =~ ^[0-9]+$ ]] && [ "$requests" -ge 1 ] && [ "$requests" -le 100000 ] \
    || { echo "--requests must be a whole number from 1 to 100000" >&2; exit 2; }

jar=attain-app/target/attain.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml attain-*/src attain-*/pom.xml -newer "$jar" -print -quit)" ]; then
    echo "building $jar ..." >&2
    ./mvnw -q -B -o package -DskipTests >&2 || ./mvnw -q -B package -DskipTests >&2
fi
work=$(mktemp -d /tmp/attain-pages-XXXXXX)
cp "$jar" "$work/attain.jar"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && exec java -Xmx1g -jar attain.jar --server.port="$port" >"$work/app.log" 2>&1) &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 180); do
    curl -fs "$base/actuator/health" 2>/dev/null | grep -q UP && break
    kill -0 "$pid" 2>/dev/null || { echo "phase start: the app exited: $(tail -n 3 "$work/app.log")" >&2; exit 1; }
    sleep 1
done

login() {
    local jar=$work/$1.cookies page token
    page=$(curl -s -c "$jar" -b "$jar" "$base/login")
    token=$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/' | head -n 1)
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
        --data-urlencode "_csrf=$token" "$base/login"
}

measure() {
    local role=$1 path=$2 jar=$work/$1.cookies code
    for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$jar" "$base$path"; done
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$path")
    [ "$code" = 200 ] || { echo "phase measure: $role $path answered $code" >&2; exit 1; }
    for _ in $(seq 1 "$requests"); do
        curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$base$path"
    done | sort -n | awk -v role="$role" -v path="$path" '
        { t[NR] = $1 * 1000 }
        END { p50 = t[int((NR - 1) * 0.50) + 1]; p95 = t[int((NR - 1) * 0.95) + 1];
              printf "| %-9s | %-28s | %7.1f | %7.1f | %7.1f |\n", role, path, p50, p95, t[NR] }'
}

for role in rep manager compadmin finance; do login "$role"; done
rep_id=$(curl -s -b "$work/rep.cookies" "$base/api/v1/me" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
echo "requests per page: $requests (sequential, after 5 warm-up calls), times in ms"
echo "| role      | page                         |     p50 |     p95 |     max |"
echo "|-----------|------------------------------|---------|---------|---------|"
measure rep /
measure rep "/people/$rep_id/statement"
measure rep "/api/v1/people/$rep_id/earnings"
measure manager /
measure manager /team
measure manager /people
measure manager /approvals
measure manager /activity
measure compadmin /plans
measure compadmin /runs
measure compadmin /periods
measure compadmin /disputes
measure compadmin /quotas
measure finance /
measure finance /finance
measure finance /reports
