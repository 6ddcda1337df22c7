#!/usr/bin/env bash
# Bad input, generated (issue 22, point 3): bench/fuzz.sh [--seconds S] [--quick] [--only NAME]
# Fuzzes every Jazzer target in turn for S seconds (default 300; --quick: 15, the CI variant): the engine's plan
# documents, scenario files and CEL expressions, and the import's profiles, CSV files and XLSX files. A normal
# `./mvnw verify` already replays each target's inputs (seeds and every crash found so far) and runs the jqwik
# properties and the HTTP checks (ApiBodiesFuzzTest, NameInjectionTest); this script looks for new inputs.
# A finding stops the script with exit 1; Jazzer has then written the input as crash-<sha1> into the target's
# directory under src/test/resources/.../<Class>Inputs/<method>/, where every later test run replays it: fix the
# product, keep the file. Prints per target: executions (as libFuzzer counts them), seconds, and the outcome.
#   --only planDocument   one target by its method name
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=300
only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
        --quick) seconds=15; shift ;;
        --only) only=${2:?--only needs a method name}; shift 2 ;;
        *) echo "unknown option $1 (use --seconds S, --quick, --only NAME)" >&2; exit 2 ;;
    esac
done
[[ $seconds =~ ^[0-9]+$ ]] && [ "$seconds" -ge 5 ] && [ "$seconds" -le 86400 ] \
    || { echo "--seconds must be a whole number from 5 to 86400" >&2; exit 2; }

targets=(
    "attain-engine EngineInputsFuzzTest planDocument"
    "attain-engine EngineInputsFuzzTest scenarioFile"
    "attain-engine EngineInputsFuzzTest celExpression"
    "attain-app ImportInputsFuzzTest importProfile"
    "attain-app ImportInputsFuzzTest csvFile"
    "attain-app ImportInputsFuzzTest xlsxFile"
)

offline=-o
./mvnw -q -B -o -pl attain-app -am test-compile >/dev/null 2>&1 || { offline=""; ./mvnw -q -B -pl attain-app -am test-compile >/dev/null; }

logs=$(mktemp -d /tmp/attain-fuzz-XXXXXX)
found=0
printf '%-16s %-24s %12s %8s  %s\n' module target executions seconds outcome
for t in "${targets[@]}"; do
    read -r module class method <<<"$t"
    [ -n "$only" ] && [ "$only" != "$method" ] && continue
    log=$logs/$method.log
    start=$SECONDS
    set +e
    JAZZER_FUZZ=1 ./mvnw -B $offline -pl "$module" -am test -Dtest="$class#$method" \
        -Djazzer.max_duration="${seconds}s" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
    rc=$?
    set -e
    took=$((SECONDS - start))
    execs=$(grep -aoE '#[0-9]+' "$log" | tail -1 | tr -d '#')
    if [ $rc -eq 0 ]; then
        outcome="no finding"
    else
        outcome="FINDING (see $log; input kept under $module/src/test/resources)"
        found=1
    fi
    printf '%-16s %-24s %12s %8s  %s\n' "$module" "$method" "${execs:-?}" "$took" "$outcome"
    [ $rc -eq 0 ] || grep -aE 'Exception|Error|==' "$log" | head -20 >&2
done
[ $found -eq 0 ] && rm -rf "$logs"
exit $found
