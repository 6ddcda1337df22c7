#!/usr/bin/env bash
# Crash recovery under kill -9: kills the app at random moments during full calculation runs and
# imports (every other pair of kills takes the PostgreSQL watchdog with it, as a process-group kill
# would, so the server is left running), starts it again on the same data folder after 2 s each time
# and checks that the start is clean, then checks that the results equal those of a clean instance
# that was never killed.
#
#   bench/kill-test.sh [--kills 20] [--port 18104] [--rows 200000] [--seed 1] [--work /tmp/attain-kill-test]
#
# Needs the packaged jar (./mvnw -q -B package -DskipTests), curl, psql and Linux /proc.
# After each kill it checks: the app starts (health UP) and within how long; no calculation run is
# left RUNNING; no rows of unfinished runs are left; exactly one postmaster runs on the folder, with
# no process of an older server beside it and no watchdog of a killed JVM; no upload of a killed
# import is left in data/imports. It prints one row per kill and a summary; exits 1 on any failure.
set -uo pipefail

kills=20 port=18104 rows=200000 seed=1 work=/tmp/attain-kill-test
while [ $# -gt 0 ]; do
    case $1 in
        --kills) kills=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --rows) rows=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$here/attain-app/target/attain.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
base="http://127.0.0.1:$port"
RANDOM=$seed
rm -rf "$work" && mkdir -p "$work"
failures=0
app=

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cleanup() {
    if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" 2>/dev/null; fi
}
trap cleanup EXIT
trap "exit 130" INT TERM

now_ms() { date +%s%3N; }

# Starts the app on a data folder; sets $app and $ms, the milliseconds until health answered UP.
start_app() {
    local data=$1 log=$2 t0
    t0=$(now_ms)
    java -Xmx1g -jar "$jar" --server.port="$port" --attain.data-dir="$data" >>"$log" 2>&1 &
    app=$!
    ms=-1
    for _ in $(seq 1 1200); do
        curl -fs -m 5 "$base/actuator/health" 2>/dev/null | grep -q '"UP"' && { ms=$(($(now_ms) - t0)); return 0; }
        kill -0 "$app" 2>/dev/null || { echo "start failed: $(tail -n 5 "$log")" >&2; return 1; }
        sleep 0.2
    done
    return 1
}

stop_app() {
    kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
    app=
}

sql() { # data folder, query
    psql -h localhost -p "$(sed -n 4p "$1/pg/postmaster.pid")" -U postgres -d postgres -At -c "$2"
}

token() { # logs in as compadmin and creates an API token
    local jar=$work/cookies page csrf
    rm -f "$jar"
    page=$(curl -s -c "$jar" -b "$jar" "$base/login")
    csrf=$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/' | head -n 1)
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=compadmin --data-urlencode password=demo \
        --data-urlencode "_csrf=$csrf" "$base/login"
    csrf=$(curl -s -b "$jar" "$base/" | grep -o 'name="_csrf" content="[^"]*"' | sed 's/.*content="\([^"]*\)".*/\1/' | head -n 1)
    curl -s -b "$jar" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
        -d '{"name":"kill test","scopes":["read","write"]}' "$base/api/v1/tokens" | sed 's/.*"secret":"\([^"]*\)".*/\1/'
}

full_run() { curl -s -m 600 -X POST -H "Authorization: Bearer $1" "$base/api/v1/calc/runs" >/dev/null; }

import() { # token; starts the import, prints its id
    curl -s -X POST -H "Authorization: Bearer $1" -F "profile=@$here/examples/imports/crm-transactions.profile.yaml" \
        -F "file=@$work/kill-deals.csv;filename=kill-deals.csv" "$base/api/v1/imports" | sed 's/.*"id":\([0-9]*\).*/\1/'
}

import_and_wait() { # token
    local id; id=$(import "$1")
    for _ in $(seq 1 1200); do
        curl -s -H "Authorization: Bearer $1" "$base/api/v1/imports/$id" | grep -q '"phase":"\(DONE\|FAILED\)"' && return 0
        sleep 0.5
    done
}

fingerprints() { # data folder: every current result by person, period and fingerprint
    sql "$1" "select p.external_id, r.period_id, r.fingerprint from payee_period_result r
              join person p on p.id = r.person_id where r.is_current order by 1, 2"
}

awk -v n="$rows" 'BEGIN {
    split("P00038 P00039 P00041 P00042 P00043 P00046 P00047 P00053 P00054 P00055 P00060 P00061 P00062", o, " ");
    split("PLT-PRO PLT-ENT ADD-ANL SUP-PRM ADD-FCT SRV-IMP", p, " ");
    split("New Business|Existing Business - Upsell|Renewal", t, "|");
    print "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Amount,Currency,Stage,Type,Product Code,Term (Months),Split";
    for (i = 1; i <= n; i++)
        printf "KT%07d,Kill test deal %d,Kill Test Account,%s,%d/%d/2026,\"%d.%02d\",USD,Closed Won,%s,%s,12,\n",
            i, i, o[(i % 13) + 1], (i % 11) + 1, (i % 28) + 1, 1000 + (i * 37) % 90000, i % 100, t[(i % 3) + 1], p[(i % 6) + 1] }' \
    >"$work/kill-deals.csv"

echo "== reference: a clean instance, never killed"
ref=$work/reference
start_app "$ref" "$work/reference.log" || { echo "reference did not start"; exit 1; }
echo "first start (demo company loaded) in $ms ms"
tok=$(token)
t0=$(now_ms); import_and_wait "$tok"; import_ms=$(($(now_ms) - t0))
t0=$(now_ms); full_run "$tok"; run_ms=$(($(now_ms) - t0))
echo "import of $rows rows: $import_ms ms, full run: $run_ms ms"
fingerprints "$ref" >"$work/reference.fingerprints"
stop_app

echo "== killed instance"
data=$work/killed
log=$work/killed.log
start_app "$data" "$log" || { echo "did not start"; exit 1; }
echo "first start in $ms ms"
tok=$(token)
echo "| kill | during | killed after ms | in flight at the kill | restart ms | closed by recovery | checks |"
echo "|---:|---|---:|---|---:|---|---|"
restart_total=0 restart_max=0
for k in $(seq 1 "$kills"); do
    # The moment: once the operation is seen under way (a run RUNNING, or the import's upload on
    # disk), a random delay of up to the length of the last such operation that finished here
    # (read from the database; the machine's load makes lengths vary), so most kills land inside it.
    if [ $((k % 2)) -eq 1 ]; then
        what="full run"
        window=$(sql "$data" "select coalesce(max(extract(epoch from finished_at - started_at) * 1000)::int, $run_ms)
                              from (select * from calc_run where kind = 'FULL' and status = 'DONE' order by id desc limit 1) r")
        full_run "$tok" & op=$!
        seen="select count(*) from calc_run where status = 'RUNNING'"
    else
        what="import"
        window=$(sql "$data" "select coalesce(max(extract(epoch from finished_at - started_at) * 1000)::int, $import_ms)
                              from (select * from ingest_import where status = 'LOADED' order by id desc limit 1) i")
        import "$tok" >/dev/null & op=$!
        seen=
    fi
    window=$((window + 1))
    t0=$(now_ms)
    for _ in $(seq 1 300); do
        if [ -n "$seen" ]; then [ "$(sql "$data" "$seen")" != 0 ] && break
        else [ -n "$(find "$data/imports" -maxdepth 1 -type f -name '[0-9]*-*')" ] && break; fi
        sleep 0.1
    done
    delay=$(( (RANDOM * 32768 + RANDOM) % window ))
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    delay=$(($(now_ms) - t0))
    flight=$(sql "$data" "select concat_ws(', ',
                (select 'run ' || string_agg(id::text, ',') from calc_run where status = 'RUNNING'),
                (select count(*) || ' result rows not current' from payee_period_result r join calc_run c on c.id = r.run_id
                  where c.status = 'RUNNING' having count(*) > 0))")
    uploads=$(find "$data/imports" -maxdepth 1 -type f -name '[0-9]*-*' | wc -l)
    [ "$uploads" -gt 0 ] && flight="${flight:+$flight, }upload in imports/"
    old_pm=$(sed -n 1p "$data/pg/postmaster.pid")
    if [ $((k % 4)) -eq 3 ] || [ $((k % 4)) -eq 0 ]; then
        # As a kill of the whole process group would: the watchdog dies too and the server is left running.
        what="$what, watchdog killed too"
        kill -9 $(ps -eo pid=,ppid=,args= | awk -v p="$app" '$2 == p && /attain-pg-watchdog/ {print $1}') "$app"
    else
        kill -9 "$app"
    fi
    wait "$app" 2>/dev/null; wait "$op" 2>/dev/null
    app=
    sleep 2
    mark=$(wc -l <"$log")
    start_app "$data" "$log" || { fail "kill $k: the app did not start again"; break; }
    restart_total=$((restart_total + ms)); [ "$ms" -gt "$restart_max" ] && restart_max=$ms
    tok=$(token)
    checks=()
    running=$(sql "$data" "select count(*) from calc_run where status = 'RUNNING'")
    [ "$running" = 0 ] || checks+=("$running runs RUNNING")
    orphans=$(sql "$data" "select count(*) from payee_period_result r join calc_run c on c.id = r.run_id
                           where c.status <> 'DONE' and not r.is_current")
    [ "$orphans" = 0 ] || checks+=("$orphans orphan rows")
    pm=$(sed -n 1p "$data/pg/postmaster.pid")
    for proc in /proc/[0-9]*; do
        [ "$(readlink "$proc/cwd" 2>/dev/null)" = "$data/pg" ] || continue
        pid=${proc#/proc/}
        [ "$pid" = "$pm" ] || [ "$(awk '{print $4}' "$proc/stat" 2>/dev/null)" = "$pm" ] || checks+=("stray postgres $pid")
    done
    [ "$pm" != "$old_pm" ] || checks+=("same postmaster as before the kill")
    dogs=$(ps -eo ppid=,args= | grep '[a]ttain-pg-watchdog' | grep -c "$data/pg")
    mine=$(ps -eo ppid=,args= | grep '[a]ttain-pg-watchdog' | awk -v p="$app" '$1 == p' | wc -l)
    [ "$dogs" = 1 ] && [ "$mine" = 1 ] || checks+=("$dogs watchdogs ($mine of this JVM)")
    left=$(find "$data/imports" -maxdepth 1 -type f -name '[0-9]*-*' | wc -l)
    [ "$left" = 0 ] || checks+=("$left uploads left")
    closed=$(tail -n +"$((mark + 1))" "$log" | sed -n -E \
        -e 's/.*Calculation run ([0-9]+) was left running.*marked failed, its ([0-9]+) unfinished rows removed.*/run \1 failed, \2 rows removed/p' \
        -e 's/.*Calculation run ([0-9]+) was left running.*marked done.*/run \1 done (was current)/p' \
        -e 's/.*Removed ([0-9]+) uploads.*/\1 upload removed/p' \
        -e 's/.*PostgreSQL \(pid ([0-9]+)\) from an earlier Attain.*/orphan postgres \1 stopped/p' | paste -sd ';' - | sed 's/;/; /g')
    [ ${#checks[@]} -eq 0 ] && result=clean || { result=$(IFS=';'; echo "${checks[*]}"); fail "kill $k: $result"; }
    echo "| $k | $what | $delay | ${flight:-nothing} | $ms | ${closed:-nothing} | $result |"
done

echo "== final: the same import and a full run on the killed instance, compared with the reference"
import_and_wait "$tok"
full_run "$tok"
fingerprints "$data" >"$work/killed.fingerprints"
stop_app
same=$(comm -12 "$work/reference.fingerprints" "$work/killed.fingerprints" | wc -l)
total=$(wc -l <"$work/reference.fingerprints")
differ=$(diff "$work/reference.fingerprints" "$work/killed.fingerprints" | grep -c '^[<>]')
[ "$differ" = 0 ] || fail "results differ from the reference in $differ lines (see $work/*.fingerprints)"
sleep 2
left=0
for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/cwd" 2>/dev/null)" = "$data/pg" ] && left=$((left + 1))
done
[ "$left" = 0 ] || fail "$left postgres processes still run after the last stop"
echo "kills=$kills restart_avg_ms=$((restart_total / kills)) restart_max_ms=$restart_max"
echo "current_results=$total equal_to_reference=$same differing_lines=$differ postgres_left_after_stop=$left failures=$failures"
[ "$failures" = 0 ]
