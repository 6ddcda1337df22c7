#!/usr/bin/env bash
# End-to-end benchmark: bench/run.sh --preset smoke|varcac|full|spark [--people N] [--transactions M] [--deals D]
#                                      [--users U] [--seconds S] [--seed X]
# Builds the jar when it is missing or older than the sources, then runs `attain.jar bench`, which
# starts its own PostgreSQL in a scratch folder and deletes it at the end, whatever happens.
# Output: key=value lines, the last one `ratio_vs_sql=X` (plain SQL time / Attain time).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=attain-app/target/attain.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml attain-*/src attain-*/pom.xml -newer "$jar" -print -quit)" ]; then
    echo "building $jar ..." >&2
    ./mvnw -q -B -o package -DskipTests >&2 || ./mvnw -q -B package -DskipTests >&2
fi

# A private copy: a rebuild of target/ during a long run must not pull classes from under it.
copy=$(mktemp --suffix=.jar /tmp/attain-bench-run-XXXXXX)
trap 'rm -f "$copy"' EXIT
cp "$jar" "$copy"

# The full preset is held to the 3 GB heap target (issue 23) by giving it no more; smaller runs need far less.
heap=1g
prev=""
for arg in "$@"; do
    if [ "$prev" = "--preset" ] && [ "$arg" = "full" ]; then
        heap=3g
    fi
    # The spark preset computes the same run in Spark local mode inside this JVM: the driver holds the inputs
    # and a task's outcomes as they come back, the executor threads their copies (docs/benchmarks.md, "Issue 24").
    # At 1M transactions 0.65 GB were alive mid-run and the heap peaked at 2.6 GB: 14 GB for 10M leaves ~10 GB of
    # this 24 GB machine to PostgreSQL (3 GB shared buffers) and the OS.
    if [ "$prev" = "--preset" ] && [ "$arg" = "spark" ]; then
        heap=14g
    fi
    prev="$arg"
done

# BENCH_HEAP overrides (e.g. BENCH_HEAP=2g for a small spark preset run).
heap=${BENCH_HEAP:-$heap}

java -Xmx"$heap" -Xms"$heap" -XX:+UseG1GC -jar "$copy" bench "$@"
