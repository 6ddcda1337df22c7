#!/usr/bin/env bash
# Load on the demo company (issue 22, point 4): bench/load.sh [--users N] [--seconds S] [--think T] [--port P]
# Starts the packaged app on a scratch embedded database (deleted at the end) and lets N virtual users work at
# once for S seconds, each on its own session: half of them reps (home, own statement, own earnings API,
# game board), a quarter managers (home, team, people, approvals, activity, insights), comp admins (plans, runs,
# quotas, disputes, imports; its second round and every fifth after it a 26-row CRM file import, which recalculates the people it touches)
# and finance (home, finance, reports, commission expense). Each user waits T seconds (default 1) between
# requests, as a person reading a page does; --think 0 hammers. A full calculation run for everyone starts when a
# fifth of the time has passed. Prints requests, errors (any answer but 2xx, or none), p50/p95/p99/max per role and
# page and overall, the imports and the full run. Exits 1 when there was an error.
#   quick variant (CI): bench/load.sh --users 10 --seconds 30
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

users=50
seconds=600
think=1
port=18778
while [ $# -gt 0 ]; do
    case "$1" in
        --users) users=${2:?--users needs a number}; shift 2 ;;
        --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
        --think) think=${2:?--think needs seconds}; shift 2 ;;
        --port) port=${2:?--port needs a number}; shift 2 ;;
        *) echo "unknown option $1 (use --users N, --seconds S, --think T, --port P)" >&2; exit 2 ;;
    esac
done
[[ $users =~ ^[0-9]+$ ]] && [ "$users" -ge 1 ] && [ "$users" -le 500 ] \
    || { echo "--users must be a whole number from 1 to 500" >&2; exit 2; }
[[ $seconds =~ ^[0-9]+$ ]] && [ "$seconds" -ge 5 ] && [ "$seconds" -le 7200 ] \
    || { echo "--seconds must be a whole number from 5 to 7200" >&2; exit 2; }
[[ $think =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "--think must be a number of seconds" >&2; exit 2; }

jar=attain-app/target/attain.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml attain-*/src attain-*/pom.xml -newer "$jar" -print -quit)" ]; then
    echo "building $jar ..." >&2
    ./mvnw -q -B -o package -DskipTests >&2 || ./mvnw -q -B package -DskipTests >&2
fi
work=$(mktemp -d /tmp/attain-load-XXXXXX)
cp "$jar" "$work/attain.jar"
pid=""
workers=()
cleanup() {
    local rc=$? # the summary's verdict: stopping the app must not replace it
    [ ${#workers[@]} -eq 0 ] || kill "${workers[@]}" 2>/dev/null || true
    # the app ends on SIGTERM (wait answers 143); under set -e that must not become the script's exit code
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
(cd "$work" && exec java -Xmx2g -jar attain.jar --server.port="$port" >"$work/app.log" 2>&1) &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
    curl -fs "$base/actuator/health" 2>/dev/null | grep -q UP && break
    kill -0 "$pid" 2>/dev/null || { echo "phase start: the app exited: $(tail -n 3 "$work/app.log")" >&2; exit 1; }
    sleep 1
done
curl -fs "$base/actuator/health" | grep -q UP || { echo "phase start: not UP after 300 s" >&2; exit 1; }

login() { # jar user
    local page token
    page=$(curl -s -c "$1" -b "$1" "$base/login")
    token=$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/' | head -n 1)
    curl -s -o /dev/null -c "$1" -b "$1" --data-urlencode "username=$2" --data-urlencode "password=demo" \
        --data-urlencode "_csrf=$token" "$base/login"
}

probe=$work/probe.cookies
login "$probe" rep
rep_id=$(curl -s -b "$probe" "$base/api/v1/me" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
[ -n "$rep_id" ] || { echo "phase login: rep has no person id" >&2; exit 1; }

rep_pages=("/" "/people/$rep_id/statement" "/api/v1/people/$rep_id/earnings" "/game")
manager_pages=("/" "/team" "/people" "/approvals" "/activity" "/insights")
compadmin_pages=("/plans" "/runs" "/quotas" "/disputes" "/imports")
finance_pages=("/" "/finance" "/reports" "/finance/commission-expense")

# One request, its outcome appended to the user's log: end time (ms), role, what, HTTP status, seconds.
hit() { # log role what curl-args...
    local log=$1 role=$2 what=$3; shift 3
    local out
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 120 "$@" || true)
    [ -n "$out" ] || out="000 120"
    echo "$(date +%s%3N) $role $what $out" >>"$log"
}

end=$(($(date +%s) + seconds))
user() { # n role
    local n=$1 role=$2 cj=$work/u$1.cookies log=$work/u$1.log round=0 pages csrf source
    login "$cj" "$role"
    case $role in
        rep) pages=("${rep_pages[@]}") ;;
        manager) pages=("${manager_pages[@]}") ;;
        compadmin) pages=("${compadmin_pages[@]}")
            csrf=$(curl -s -b "$cj" "$base/imports" | grep -o 'name="_csrf" content="[^"]*"' | sed 's/.*content="\([^"]*\)".*/\1/' | head -n 1) ;;
        finance) pages=("${finance_pages[@]}") ;;
    esac
    : >"$log"
    while [ "$(date +%s)" -lt "$end" ]; do
        round=$((round + 1))
        # users start at different pages so that they do not walk in step
        local p=${pages[$(((round + n) % ${#pages[@]}))]}
        hit "$log" "$role" "$p" -b "$cj" "$base$p"
        if [ "$role" = compadmin ] && [ $((round % 5)) = 2 ]; then
            source="load-$n-$round-$(date +%s%N)"
            sed "s/^source: .*/source: $source/" "$root/examples/imports/crm-transactions.profile.yaml" >"$work/u$n.profile.yaml"
            hit "$log" "$role" "import" -b "$cj" -H "X-CSRF-TOKEN: $csrf" -F "profile=@$work/u$n.profile.yaml" \
                -F "file=@$root/examples/imports/crm-transactions.csv" "$base/api/v1/imports"
        fi
        sleep "$think"
    done
}

echo "load: $users users for $seconds s, think time $think s, on $base (app pid $pid)" >&2
for n in $(seq 1 "$users"); do
    case $((n % 10)) in
        0 | 2 | 4 | 6 | 8) role=rep ;;
        1 | 5 | 9) role=manager ;;
        3) role=compadmin ;;
        7) role=finance ;;
    esac
    user "$n" "$role" &
    workers+=($!)
done
# the full run, started when a fifth of the time has passed, by a comp admin of its own
(
    sleep $((seconds / 5))
    cj=$work/run.cookies
    login "$cj" compadmin
    csrf=$(curl -s -b "$cj" "$base/runs" | grep -o 'name="_csrf" content="[^"]*"' | sed 's/.*content="\([^"]*\)".*/\1/' | head -n 1)
    hit "$work/run.log" compadmin "full-run" -b "$cj" -H "X-CSRF-TOKEN: $csrf" -X POST "$base/api/v1/calc/runs"
) &
workers+=($!)
wait "${workers[@]}" 2>/dev/null || true
workers=()

cat "$work"/u*.log "$work"/run.log 2>/dev/null >"$work/all.log" || true
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo "(no git)"), $(date -u +%Y-%m-%dT%H:%MZ), load average at the end: $load"
python3 - "$work/all.log" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def pct(xs, p):
    xs = sorted(xs)
    return xs[int((len(xs) - 1) * p)]
groups, errors = {}, []
for end, role, what, code, secs in rows:
    groups.setdefault(role + " " + what, []).append(float(secs) * 1000)
    if not code.startswith("2"):
        errors.append("  %s %s answered %s after %.0f ms" % (role, what, code, float(secs) * 1000))
print("| role and page | requests | errors | p50 ms | p95 ms | p99 ms | max ms |")
print("|---|---|---|---|---|---|---|")
def line(name, xs, errs):
    print("| %s | %d | %d | %.0f | %.0f | %.0f | %.0f |" % (name, len(xs), errs, pct(xs, .5), pct(xs, .95), pct(xs, .99), max(xs)))
for k in sorted(groups):
    line(k, groups[k], sum(1 for e in errors if e.split()[0] + " " + e.split()[1] == k))
line("**all**", [x for xs in groups.values() for x in xs], len(errors))
if errors:
    print("errors (first 10):")
    print("\n".join(errors[:10]))
sys.exit(1 if errors else 0)
PY
