#!/usr/bin/env bash
# Faults beyond bench/kill-test.sh (issue 22, point 2), on one instance whose data folder lies on a small
# filesystem of its own (tmpfs, else a loop-mounted ext4 image; needs root):
#
#  1. webhooks: a CRM sends signed deal.won deliveries and retries each until answered, with the same delivery
#     id; meanwhile a comp admin opens disputes whose dispute.opened events go out to a subscribed receiver.
#     The JVM is killed with kill -9 at random moments (every other kill takes the PostgreSQL watchdog
#     too, as a kill of the process group would) and started again on the same folder. Then: every deal there exactly once with its amount,
#     no claim left processing, every delivery sent again answered from the log; every dispute's event
#     received (the same event id may come twice: delivery is at least once), none for a dispute that is not
#     there; results as left equal to a fresh full run, and (full variant) to a never-killed instance's.
#  2. database: readers and a writer (webhook deliveries) run while PostgreSQL is stopped (fast shutdown, as
#     pg_ctl stop) and killed (kill -9 of the postmaster); failed requests, time to health UP, every
#     acknowledged write present once.
#  3. disk: the filesystem is filled (a filler file, dd until ENOSPC) and a payroll export is made (API, EN,
#     and page, DE) and a backup written onto it; then: a clear error (no stack trace, no "something went
#     wrong"), no export recorded, payouts not marked exported, no half backup file, the app serving; the
#     filler removed, the export succeeds once.
#
#   bench/fault-test.sh [--quick] [--only webhooks|database|disk] [--kills N] [--deals N] [--port 18500]
#                       [--seed 1] [--work /tmp/attain-fault-test]
#
# Full: 10 kills over 300 deliveries, a never-killed reference instance, 2 stops and 2 kills of PostgreSQL.
# Quick (CI, about 3 minutes): 2 kills over 30 deliveries, no reference, 1 stop and 1 kill.
# Needs the packaged jar (./mvnw -q -B package -DskipTests), curl, psql, python3, and root for the mount
# (without it part 3 is skipped, saying so). Prints
# one table per part and a summary line each; exits 1 on any failed check.
set -uo pipefail

quick=0 only=all kills=10 deals=300 port=18500 seed=1 work=/tmp/attain-fault-test outages=2 load_deals=150
while [ $# -gt 0 ]; do
    case $1 in
        --quick) quick=1 kills=2 deals=60 outages=1 load_deals=40; shift ;;
        --only) only=$2; shift 2 ;;
        --kills) kills=$2; shift 2 ;;
        --deals) deals=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
here=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$here/attain-app/target/attain.jar" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
hooks="python3 $here/bench/fault-hooks.py"
base="http://127.0.0.1:$port"
receiver_port=$((port + 1))
RANDOM=$seed
failures=0 app= receiver= sender= opener= readers=()
mnt=$work/mnt
data=$mnt/data
log=$work/app.log

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
now_ms() { date +%s%3N; }
ms_to_s() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

cleanup() {
    for p in $sender $opener $receiver "${readers[@]}"; do kill "$p" 2>/dev/null; done
    if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" 2>/dev/null; fi
    sleep 1
    mountpoint -q "$mnt" 2>/dev/null && umount "$mnt"
}
trap cleanup EXIT
trap "exit 130" INT TERM

# the jar copied, so that a rebuild of target/ during the run does not change it under the app
if mountpoint -q "$mnt" 2>/dev/null; then umount "$mnt"; fi
rm -rf "$work" && mkdir -p "$mnt"
cp "$here/attain-app/target/attain.jar" "$work/attain.jar"
jar=$work/attain.jar

# The data folder's filesystem: 1.5 GB, of which the demo company uses a few hundred MB.
how=
if mount -t tmpfs -o size=1536m tmpfs "$mnt" 2>/dev/null; then
    how="tmpfs of 1.5 GB"
else
    truncate -s 1536m "$work/disk.img" && mkfs.ext4 -q -F "$work/disk.img" && mount -o loop "$work/disk.img" "$mnt" 2>/dev/null \
        && how="loop-mounted ext4 image of 1.5 GB"
fi
mounted=1
if [ -z "$how" ]; then
    # Without a filesystem of its own the disk cannot be filled honestly (filling the machine's would hurt
    # everything else on it): parts 1 and 2 run on an ordinary folder, part 3 is skipped and says so.
    mounted=0 how="ordinary folder (mount refused: part 3 is skipped)"
fi
echo "data folder on a $how ($mnt); commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null); $(date -u +%FT%TZ)"

# Starts the app on a data folder; sets $app and $ms (milliseconds until health answered UP).
start_app() { # data log [port]
    local d=$1 l=$2 p=${3:-$port} t0
    t0=$(now_ms)
    mkdir -p "$d/tmp"
    java -Xmx1g -Djava.io.tmpdir="$d/tmp" -jar "$jar" --server.port="$p" --attain.data-dir="$d" >>"$l" 2>&1 &
    app=$!
    ms=-1
    for _ in $(seq 1 1500); do
        curl -fs -m 5 "http://127.0.0.1:$p/actuator/health" 2>/dev/null | grep -q '"UP"' && { ms=$(($(now_ms) - t0)); return 0; }
        kill -0 "$app" 2>/dev/null || { echo "start failed: $(tail -n 5 "$l")" >&2; return 1; }
        sleep 0.2
    done
    return 1
}

stop_app() { kill "$app" 2>/dev/null && wait "$app" 2>/dev/null; app=; }

sql() { # data folder, query
    psql -h localhost -p "$(sed -n 4p "$1/pg/postmaster.pid")" -U postgres -d postgres -At -c "$2" 2>/dev/null
}

token() { # base user: logs in and creates an API token with read and write scopes
    local b=$1 cj=$work/cookies.$2 page csrf
    rm -f "$cj"
    page=$(curl -s -c "$cj" -b "$cj" "$b/login")
    csrf=$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/' | head -n 1)
    curl -s -o /dev/null -c "$cj" -b "$cj" --data-urlencode "username=$2" --data-urlencode password=demo \
        --data-urlencode "_csrf=$csrf" "$b/login"
    csrf=$(curl -s -b "$cj" "$b/" | grep -o 'name="_csrf" content="[^"]*"' | sed 's/.*content="\([^"]*\)".*/\1/' | head -n 1)
    curl -s -b "$cj" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
        -d '{"name":"fault test","scopes":["read","write"]}' "$b/api/v1/tokens" | sed 's/.*"secret":"\([^"]*\)".*/\1/'
}

# Registers the webhook source crm-fault; its secret goes to a file.
webhook_source() { # base admin-token secret-file
    curl -s -X POST -H "Authorization: Bearer $2" "$1/api/v1/integrations/webhook-sources/crm-fault/secret" \
        | sed 's/.*"secret":"\([^"]*\)".*/\1/' >"$3"
}

full_run() { curl -s -m 900 -X POST -H "Authorization: Bearer $2" "$1/api/v1/calc/runs" >/dev/null; }

# Waits until no calculation run is RUNNING (recalculations after deliveries finish).
settled() { # data
    for _ in $(seq 1 600); do [ "$(sql "$1" "select count(*) from calc_run where status = 'RUNNING'")" = 0 ] && return 0; sleep 0.5; done
}

fingerprints() { # data
    sql "$1" "select p.external_id, r.period_id, r.fingerprint from payee_period_result r
              join person p on p.id = r.person_id where r.is_current order by 1, 2"
}

# The deals of a prefix as stored: external id, amount to the cent, and how many rows carry the id.
stored_deals() { # data prefix
    sql "$1" "select external_id || ' ' || min(amount)::numeric(19,2) || ' ' || count(*) from sales_transaction
              where source = 'crm-fault' and external_id like '$2%' group by external_id order by 1"
}

# Compares stored deals with the deliveries file: prints "lost doubled wrong".
deal_check() { # data prefix deals-file
    stored_deals "$1" "$2" >"$work/stored.$2"
    awk -F'\t' '{print $2, $3}' "$3" | sort >"$work/expected.$2"
    awk -v wanted="$work/expected.$2" '
        BEGIN { while ((getline l < wanted) > 0) { split(l, a, " "); want[a[1]] = a[2] } }
        { got[$1] = 1; if ($3 > 1) doubled += $3 - 1; if (($1 in want) && want[$1] + 0 != $2 + 0) wrong++ }
        END { for (k in want) if (!(k in got)) lost++; printf "%d %d %d\n", lost, doubled, wrong }' "$work/stored.$2"
}

$hooks deals WH "$deals" P00038 P00039 P00041 P00042 P00043 P00046 P00047 P00053 P00054 P00055 >"$work/deals.WH"
$hooks deals DB "$load_deals" P00060 P00061 P00062 P00038 P00039 >"$work/deals.DB"

echo "== start on the small filesystem (demo company)"
start_app "$data" "$log" || { echo "did not start"; exit 1; }
echo "first start in $ms ms; data folder $(du -sm "$data" | cut -f1) MB"
admin=$(token "$base" admin)
compadmin=$(token "$base" compadmin)
webhook_source "$base" "$admin" "$work/secret"
[ -s "$work/secret" ] || { echo "could not register the webhook source"; exit 1; }

# ---------------------------------------------------------------------------------------------------------
if [ "$only" = all ] || [ "$only" = webhooks ]; then
echo
echo "== 1. kill -9 during webhook deliveries, in and out ($kills kills, $deals deals)"
# The receiver of dispute.opened, and its subscription.
$hooks receive "$receiver_port" "$work/out-secret" "$work/received.log" --delay 0.2 & receiver=$!
curl -s -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$receiver_port/hooks\",\"events\":[\"dispute.opened\"]}" \
    "$base/api/v1/integrations/subscriptions" >"$work/subscription.json"
sed 's/.*"secret":"\([^"]*\)".*/\1/' "$work/subscription.json" >"$work/out-secret"
subscription=$(grep -o '"id":[0-9]*' "$work/subscription.json" | head -n 1 | cut -d: -f2)
[ -n "$subscription" ] || { echo "could not subscribe: $(cat "$work/subscription.json")"; exit 1; }
line=$(sql "$data" "select p.id || ' ' || r.period_id || ' ' || min(l.line_no) from payee_period_result r
                    join earnings_line l on l.result_id = r.id join person p on p.id = r.person_id
                    where r.is_current group by p.id, r.period_id order by r.period_id desc, p.id limit 1")
read -r d_person d_period d_line <<<"$line"

: >"$work/acks.WH"
$hooks send "$base" crm-fault "$work/secret" "$work/deals.WH" "$work/acks.WH" --pause 0.05 & sender=$!
# A comp admin opens a dispute about every half second for as long as deliveries go on.
(
    n=0
    while [ ! -f "$work/stop-opening" ]; do
        n=$((n + 1))
        code=$(curl -s -o "$work/dispute.out" -w '%{http_code}' -m 30 -X POST -H "Authorization: Bearer $compadmin" \
            -H 'Content-Type: application/json' \
            -d "{\"personId\":$d_person,\"period\":\"$d_period\",\"lineNo\":$d_line,\"text\":\"fault test $n\"}" \
            "$base/api/v1/disputes")
        id=$(grep -o '"id":[0-9]*' "$work/dispute.out" 2>/dev/null | head -n 1 | cut -d: -f2)
        echo "$(now_ms) $n $code ${id:--}" >>"$work/opened.log"
        sleep 0.5
    done
) & opener=$!

echo "| kill | killed after ms | deals answered before | claims processing at the kill | outbound sends in flight | restart ms | checks |"
echo "|---:|---:|---:|---:|---:|---:|---|"
restart_total=0 restart_max=0 done_kills=0 clean=0
for k in $(seq 1 "$kills"); do
    kill -0 "$sender" 2>/dev/null || break
    delay=$((1000 + (RANDOM * 32768 + RANDOM) % 4000))
    t0=$(now_ms)
    sleep "$(ms_to_s "$delay")"
    kill -0 "$sender" 2>/dev/null || break
    acked=$(grep -c '^ack' "$work/acks.WH")
    processing=$(sql "$data" "select count(*) from integration_webhook_delivery where outcome->>'status' = 'processing'")
    sending=$(sql "$data" "select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                           where c.relname = 'integration_delivery' and l.mode = 'RowShareLock'")
    if [ $((k % 2)) -eq 0 ]; then
        kill -9 $(ps -eo pid=,ppid=,args= | awk -v p="$app" '$2 == p && /attain-pg-watchdog/ {print $1}') "$app"
    else
        kill -9 "$app"
    fi
    wait "$app" 2>/dev/null
    delay=$(($(now_ms) - t0))
    app=
    sleep 2
    if ! start_app "$data" "$log"; then fail "kill $k: the app did not start again"; break; fi
    done_kills=$k
    restart_total=$((restart_total + ms)); [ "$ms" -gt "$restart_max" ] && restart_max=$ms
    checks=()
    # a run RUNNING whose instance holds no lease (InstanceLease: advisory lock 7362, key) was left by the killed JVM
    orphan_runs=$(sql "$data" "select count(*) from calc_run where status = 'RUNNING'
                               and (instance_key is null or pg_try_advisory_xact_lock(7362, instance_key))")
    [ "$orphan_runs" = 0 ] || checks+=("$orphan_runs runs of the killed JVM left RUNNING")
    dogs=$(ps -eo args= | grep '[a]ttain-pg-watchdog' | grep -c "$data/pg")
    [ "$dogs" = 1 ] || checks+=("$dogs PostgreSQL watchdogs on the folder")
    [ ${#checks[@]} -eq 0 ] && { result=clean; clean=$((clean + 1)); } || { result=$(IFS=';'; echo "${checks[*]}"); fail "kill $k: $result"; }
    echo "| $k | $delay | $acked | ${processing:-?} | ${sending:-?} | $ms | $result |"
done
echo "waiting for the CRM to have every delivery answered ..."
wait "$sender"; sender_rc=$?
[ "$sender_rc" = 0 ] || fail "the CRM sender stopped with $sender_rc"
touch "$work/stop-opening"; wait "$opener"; opener=
settled "$data"

# Every delivery once more, as a CRM that did not see the answers would: each must be answered from the log.
head -n 20 "$work/deals.WH" >"$work/deals.WH.again"
: >"$work/acks.WH.again"
$hooks send "$base" crm-fault "$work/secret" "$work/deals.WH.again" "$work/acks.WH.again"
again=$(grep -c '^ack' "$work/acks.WH.again")
replayed=$(awk '$1 == "ack" && $5 == 1' "$work/acks.WH.again" | wc -l)
[ "$again" = "$replayed" ] || fail "$((again - replayed)) of $again repeated deliveries were applied again instead of answered from the log"

rejected=$(awk '$1 == "ack" && $7 == "rejected"' "$work/acks.WH" | wc -l)
[ "$rejected" = 0 ] || fail "$rejected deliveries rejected, e.g. $(awk '$1 == "ack" && $7 == "rejected"' "$work/acks.WH" | head -n 1)"
read -r lost doubled wrong <<<"$(deal_check "$data" WH "$work/deals.WH")"
[ "$lost" = 0 ] && [ "$doubled" = 0 ] && [ "$wrong" = 0 ] || fail "deals: $lost lost, $doubled doubled, $wrong with another amount"
left=$(sql "$data" "select count(*) from integration_webhook_delivery where outcome->>'status' = 'processing'")
[ "$left" = 0 ] || fail "$left delivery claims left processing"
taken=$(grep -c 'fail .* 409' "$work/acks.WH" || true)
retries=$(grep -c '^fail' "$work/acks.WH" || true)

# Outbound: wait until every delivery row is DELIVERED (an interrupted send is retried within 5 s of a start).
for _ in $(seq 1 120); do
    [ "$(sql "$data" "select count(*) from integration_delivery where subscription_id = $subscription and status <> 'DELIVERED'")" = 0 ] && break
    sleep 1
done
sql "$data" "select id from dispute where text like 'fault test %' order by 1" >"$work/disputes.db"
sql "$data" "select (payload->'data'->>'disputeId') || ' ' || event_id || ' ' || status from integration_delivery
             where subscription_id = $subscription order by 1" >"$work/outbox.db"
disputes=$(wc -l <"$work/disputes.db")
answered=$(awk '$3 == 201 {print $4}' "$work/opened.log" | sort -u)
acked_missing=$(comm -23 <(echo "$answered" | sed '/^$/d' | sort) <(sort "$work/disputes.db") | wc -l)
no_row=$(comm -23 <(sort "$work/disputes.db") <(awk '{print $1}' "$work/outbox.db" | sort -u) | wc -l)
received_ids=$(awk '$3 == "dispute.opened" {print $4}' "$work/received.log" | sort -u)
out_lost=$(comm -23 <(sort "$work/disputes.db") <(echo "$received_ids" | sed '/^$/d') | wc -l)
phantom=$(comm -13 <(sort "$work/disputes.db") <(echo "$received_ids" | sed '/^$/d') | wc -l)
out_doubled=$(awk '$3 == "dispute.opened" {print $4, $2}' "$work/received.log" | sort -u | awk '{n[$1]++} END {for (k in n) if (n[k] > 1) d++; print d + 0}')
receptions=$(grep -c ' dispute.opened ' "$work/received.log" || true)
repeats=$((receptions - $(echo "$received_ids" | sed '/^$/d' | wc -l)))
unsigned=$(grep -c ' unsigned$' "$work/received.log" || true)
not_delivered=$(awk '$3 != "DELIVERED"' "$work/outbox.db" | wc -l)
[ "$acked_missing" = 0 ] || fail "$acked_missing disputes answered 201 are not stored"
[ "$no_row" = 0 ] || fail "$no_row disputes have no outbound delivery"
[ "$out_lost" = 0 ] || fail "$out_lost dispute.opened events never reached the receiver"
[ "$phantom" = 0 ] || fail "$phantom events received for disputes that are not stored"
[ "$out_doubled" = 0 ] || fail "$out_doubled disputes were sent under two event ids"
[ "$unsigned" = 0 ] || fail "$unsigned deliveries with a bad signature"
[ "$not_delivered" = 0 ] || fail "$not_delivered outbound deliveries not DELIVERED"

# Results: as left by the deliveries and their recalculations, then after a fresh full run.
fingerprints "$data" >"$work/killed.before"
full_run "$base" "$compadmin"
fingerprints "$data" >"$work/killed.after"
fresh_differ=$(diff "$work/killed.before" "$work/killed.after" | grep -c '^[<>]')
[ "$fresh_differ" = 0 ] || fail "results left by the deliveries differ from a fresh full run in $fresh_differ lines"
results=$(wc -l <"$work/killed.after")
ref_note="no reference instance (quick)"
if [ "$quick" = 0 ]; then
    echo "== reference: a clean instance on the ordinary disk, the same deliveries, never killed"
    keep=$app app=
    ref=$work/reference
    start_app "$ref" "$work/reference.log" $((port + 2)) || { fail "reference did not start"; }
    rbase="http://127.0.0.1:$((port + 2))"
    radmin=$(token "$rbase" admin)
    webhook_source "$rbase" "$radmin" "$work/ref-secret"
    : >"$work/acks.ref"
    $hooks send "$rbase" crm-fault "$work/ref-secret" "$work/deals.WH" "$work/acks.ref"
    settled "$ref"
    full_run "$rbase" "$(token "$rbase" compadmin)"
    fingerprints "$ref" >"$work/reference.after"
    stop_app
    app=$keep
    ref_differ=$(diff "$work/reference.after" "$work/killed.after" | grep -c '^[<>]')
    [ "$ref_differ" = 0 ] || fail "results differ from the never-killed instance in $ref_differ lines"
    ref_note="$(comm -12 "$work/reference.after" "$work/killed.after" | wc -l) of $(wc -l <"$work/reference.after") equal to a never-killed instance's"
fi
echo "webhooks: kills=$done_kills clean_restarts=$clean restart_avg_ms=$((done_kills > 0 ? restart_total / done_kills : 0)) restart_max_ms=$restart_max"
echo "webhooks in: deals=$deals lost=$lost doubled=$doubled wrong_amount=$wrong retried_attempts=$retries answered_409=$taken repeated_deliveries=$again answered_from_log=$replayed claims_left_processing=$left"
echo "webhooks out: disputes=$disputes acknowledged_but_missing=$acked_missing without_delivery=$no_row lost=$out_lost phantom=$phantom under_two_ids=$out_doubled repeats_same_id=$repeats"
echo "results: current=$results equal_to_fresh_full_run=$((results - fresh_differ / 2)) ($ref_note)"
kill "$receiver" 2>/dev/null; receiver=
fi

# ---------------------------------------------------------------------------------------------------------
if [ "$only" = all ] || [ "$only" = database ]; then
echo
echo "== 2. PostgreSQL stopped and killed under load ($outages of each)"
login_cookie() { # jar user
    local page csrf
    page=$(curl -s -c "$1" -b "$1" "$base/login")
    csrf=$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/' | head -n 1)
    curl -s -o /dev/null -c "$1" -b "$1" --data-urlencode "username=$2" --data-urlencode password=demo \
        --data-urlencode "_csrf=$csrf" "$base/login"
}
rep_id=$(curl -s -H "Authorization: Bearer $admin" "$base/api/v1/people?limit=1" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
: >"$work/reads.log"
for u in 1 2 3 4; do
    (
        role=$([ $((u % 2)) = 1 ] && echo rep || echo manager)
        cj=$work/reader$u.cookies
        login_cookie "$cj" "$role"
        me=$(curl -s -b "$cj" "$base/api/v1/me" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
        pages=("/" "/api/v1/me" "/people/${me:-$rep_id}/statement" "/api/v1/people/${me:-$rep_id}/earnings")
        [ "$role" = manager ] && pages=("/" "/team" "/approvals" "/api/v1/me")
        i=0
        while [ ! -f "$work/stop-reading" ]; do
            i=$((i + 1))
            p=${pages[$((i % ${#pages[@]}))]}
            out=$(curl -s -o /dev/null -w '%{http_code}' -m 60 -b "$cj" "$base$p" || true)
            echo "$(now_ms) $role $p ${out:-000}" >>"$work/reads.log"
            sleep 0.3
        done
    ) &
    readers+=($!)
done
: >"$work/acks.DB"
$hooks send "$base" crm-fault "$work/secret" "$work/deals.DB" "$work/acks.DB" --pause 0.3 & sender=$!
echo "| outage | how | failed reads during it | failed write attempts during it | health UP after ms | postmaster restarted |"
echo "|---:|---|---:|---:|---:|---|"
n=0 up_max=0
for round in $(seq 1 "$outages"); do
    for how in "fast stop" "kill -9"; do
        n=$((n + 1))
        sleep 6
        old=$(sed -n 1p "$data/pg/postmaster.pid")
        t_stop=$(now_ms)
        if [ "$how" = "fast stop" ]; then kill -INT "$old"; else kill -9 "$old"; fi
        up=-1
        # health must first notice (or the server come back before it can); UP then means a new postmaster
        for _ in $(seq 1 600); do
            now=$(sed -n 1p "$data/pg/postmaster.pid" 2>/dev/null)
            if [ -n "$now" ] && [ "$now" != "$old" ] && curl -fs -m 2 "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; then
                up=$(($(now_ms) - t_stop)); break
            fi
            sleep 0.1
        done
        t_up=$(now_ms)
        sleep 3
        win_end=$((t_up + 2000))
        failed_reads=$(awk -v a="$t_stop" -v b="$win_end" '$1 >= a && $1 <= b && $4 !~ /^[23]/' "$work/reads.log" | wc -l)
        failed_writes=$(awk -v a="$t_stop" -v b="$win_end" '$1 == "fail" && $2 >= a && $2 <= b' "$work/acks.DB" | wc -l)
        eval "stop_$n=$t_stop"
        [ "$up" -ge 0 ] || fail "outage $n ($how): health not UP within 60 s"
        [ "$up" -gt "$up_max" ] && up_max=$up
        echo "| $n | $how | $failed_reads | $failed_writes | $up | $old → $(sed -n 1p "$data/pg/postmaster.pid") |"
    done
done
sleep 3
touch "$work/stop-reading"
for r in "${readers[@]}"; do wait "$r"; done
readers=()
wait "$sender"; sender_rc=$?; sender=
[ "$sender_rc" = 0 ] || fail "the writer stopped with $sender_rc"
rejected=$(awk '$1 == "ack" && $7 == "rejected"' "$work/acks.DB" | wc -l)
[ "$rejected" = 0 ] || fail "$rejected writes rejected, e.g. $(awk '$1 == "ack" && $7 == "rejected"' "$work/acks.DB" | head -n 1)"
read -r lost doubled wrong <<<"$(deal_check "$data" DB "$work/deals.DB")"
# acknowledged before the first outage, then before each: all must be there
acked_lost=$(awk '$1 == "ack" {print $4}' "$work/acks.DB" | sort | comm -23 - <(awk '{print $1}' "$work/stored.DB" | sort) | wc -l)
reads=$(wc -l <"$work/reads.log")
bad_reads=$(awk '$4 !~ /^[23]/' "$work/reads.log" | wc -l)
write_fails=$(grep -c '^fail' "$work/acks.DB" || true)
[ "$lost" = 0 ] && [ "$doubled" = 0 ] && [ "$wrong" = 0 ] || fail "writes: $lost lost, $doubled doubled, $wrong with another amount"
[ "$acked_lost" = 0 ] || fail "$acked_lost acknowledged writes are missing"
[ "$(curl -fs "$base/actuator/health" | grep -c '"UP"')" = 1 ] || fail "health not UP at the end"
# what a failed read answered: 503 "back in a moment" while the database cannot be reached, never 500 (an error id)
read_statuses=$(awk '$4 !~ /^[23]/ {print $4}' "$work/reads.log" | sort | uniq -c | awk '{printf "%s%s:%s", (NR > 1 ? "," : ""), $2, $1}')
echo "database: outages=$n reads=$reads failed_reads=$bad_reads failed_read_statuses=${read_statuses:-none} writes=$load_deals failed_write_attempts=$write_fails acknowledged_lost=$acked_lost lost=$lost doubled=$doubled up_max_ms=$up_max"
fi

# ---------------------------------------------------------------------------------------------------------
if { [ "$only" = all ] || [ "$only" = disk ]; } && [ "$mounted" = 0 ]; then
    echo; echo "== 3. SKIPPED: no filesystem of its own could be mounted for the data folder (needs root and mount)"
elif [ "$only" = all ] || [ "$only" = disk ]; then
echo
echo "== 3. the disk fills during a payroll export and a backup"
# Five payouts of the period with the most current results, approved by the comp admin (the demo company has none).
period=$(sql "$data" "select period_id from payee_period_result where is_current group by 1 order by count(*) desc, 1 desc limit 1")
for person in $(sql "$data" "select person_id from payee_period_result where is_current and period_id = '$period'
                              and person_id not in (select person_id from payout_approval where period_id = '$period')
                              order by person_id desc limit 5"); do
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $compadmin" -H 'Content-Type: application/json' \
        -d "{\"personId\":$person,\"period\":\"$period\"}" "$base/api/v1/approvals"
done
payees=$(curl -s -H "Authorization: Bearer $admin" "$base/api/v1/payroll/$period/payouts" | grep -o '"personId"' | wc -l)
exports_before=$(sql "$data" "select count(*) from payroll_export where period_id = '$period'")
marked_before=$(sql "$data" "select count(*) from payout_approval where period_id = '$period' and exported_at is not null")
echo "period $period: $payees approved payouts, $exports_before exports, $marked_before marked exported"
[ "$payees" -gt 0 ] || fail "no approved payouts to export in $period"
# Fill: the filler grows until the filesystem refuses (ENOSPC), then the last blocks in small pieces.
dd if=/dev/zero of="$mnt/filler" bs=1M status=none 2>/dev/null
dd if=/dev/zero of="$mnt/filler2" bs=4k status=none 2>/dev/null
echo "filesystem: $(df -h --output=avail "$mnt" | tail -n 1 | tr -d ' ') free after filling"
# The export, by API (English) and by the page (German): several tries, since a small insert may still find
# room in pages PostgreSQL has already allocated; each must either succeed (room found) or fail cleanly.
tries=0 refused=0 succeeded=0 unclear=0
pcj=$work/finance.cookies
page=$(curl -s -c "$pcj" -b "$pcj" "$base/login")
csrf=$(printf '%s' "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/' | head -n 1)
curl -s -o /dev/null -c "$pcj" -b "$pcj" --data-urlencode username=admin --data-urlencode password=demo --data-urlencode "_csrf=$csrf" "$base/login"
csrf=$(curl -s -b "$pcj" "$base/payroll" | grep -o 'name="_csrf" content="[^"]*"' | sed 's/.*content="\([^"]*\)".*/\1/' | head -n 1)
for t in 1 2 3; do
    tries=$((tries + 1))
    code=$(curl -s -o "$work/export.api" -w '%{http_code}' -m 60 -X POST -H "Authorization: Bearer $admin" -H 'Accept-Language: en' \
        "$base/api/v1/payroll/$period/export")
    echo "try $t, API: $code $(head -c 300 "$work/export.api" | tr '\n' ' ')"
    tries=$((tries + 1))
    pcode=$(curl -s -o "$work/export.page" -w '%{http_code}' -m 60 -b "$pcj" -H "X-CSRF-TOKEN: $csrf" -H 'Accept-Language: de' \
        -H 'Accept: text/html' -X POST "$base/payroll/$period/export")
    echo "try $t, page (de): $pcode $(grep -o '<h1[^<]*</h1>\|<p[^>]*>[^<]*</p>' "$work/export.page" | head -n 3 | sed 's/<[^>]*>//g' | tr '\n' ' ')"
    for f in api page; do
        c=$([ $f = api ] && echo "$code" || echo "$pcode")
        if [[ $c == 2* ]]; then succeeded=$((succeeded + 1))
        elif grep -q "$([ $f = api ] && echo 'The disk is full' || echo 'Der Speicher ist voll')" "$work/export.$f" \
            && ! grep -q 'at org\.\|Exception' "$work/export.$f"; then refused=$((refused + 1))
        else unclear=$((unclear + 1)); fail "export by $f on a full disk answered $c without a clear reason"; fi
    done
    [[ $code == 2* || $pcode == 2* ]] && break
done
exports_full=$(sql "$data" "select count(*) from payroll_export where period_id = '$period'")
marked_full=$(sql "$data" "select count(*) from payout_approval where period_id = '$period' and exported_at is not null")
if [ "$succeeded" = 0 ]; then
    [ "$exports_full" = "$exports_before" ] || fail "a refused export was recorded ($exports_before → $exports_full)"
    [ "$marked_full" = "$marked_before" ] || fail "payouts marked exported by a refused export ($marked_before → $marked_full)"
fi
# A backup onto the full filesystem: must fail saying so, and leave no half file.
java -jar "$jar" backup --to "$mnt/backup.zip" --attain.data-dir="$data" >"$work/backup.out" 2>&1; backup_rc=$?
echo "backup onto the full disk: exit $backup_rc, $(grep -v '^\s*$' "$work/backup.out" | tail -n 2 | tr '\n' ' ' | cut -c1-300)"
[ "$backup_rc" != 0 ] || fail "the backup onto a full disk reported success"
grep -q 'disk is full' "$work/backup.out" || fail "the backup's message does not say the disk is full"
[ ! -e "$mnt/backup.zip" ] || fail "a half backup file was left: $(du -k "$mnt/backup.zip" | cut -f1) kB"
grep -q '^\s*at org\.\|^\s*at java\.' "$work/backup.out" && fail "the backup printed a stack trace"
serving=$(curl -s -o /dev/null -w '%{http_code}' -m 30 -H "Authorization: Bearer $admin" "$base/api/v1/payroll/$period/payouts")
[ "$serving" = 200 ] || fail "the app answered $serving while the disk was full"
rm -f "$mnt/filler" "$mnt/filler2"
echo "filler removed: $(df -h --output=avail "$mnt" | tail -n 1 | tr -d ' ') free"
up=-1
t0=$(now_ms)
for _ in $(seq 1 300); do curl -fs -m 2 "$base/actuator/health" 2>/dev/null | grep -q '"UP"' && { up=$(($(now_ms) - t0)); break; }; sleep 0.2; done
code=$(curl -s -o "$work/export.after" -w '%{http_code}' -m 60 -X POST -H "Authorization: Bearer $admin" "$base/api/v1/payroll/$period/export")
exports_after=$(sql "$data" "select count(*) from payroll_export where period_id = '$period'")
marked_after=$(sql "$data" "select count(*) from payout_approval where period_id = '$period' and exported_at is not null")
[ "$code" = 201 ] || fail "the export after freeing space answered $code: $(head -c 300 "$work/export.after")"
[ "$exports_after" = $((exports_full + 1)) ] || fail "exports recorded after freeing space: $exports_full → $exports_after"
lines=$(($(wc -l <"$work/export.after") - 1))
echo "disk: tries=$tries refused_clearly=$refused succeeded_on_full_disk=$succeeded unclear=$unclear recorded_while_full=$((exports_full - exports_before)) marked_while_full=$((marked_full - marked_before)) backup_exit=$backup_rc serving_while_full=$serving health_up_after_free_ms=$up export_after_free=$code payees_exported=$lines"
fi

stop_app
echo
echo "failures=$failures"
[ "$failures" = 0 ]
