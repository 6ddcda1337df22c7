#!/usr/bin/env bash
# Territory balancing benchmark: bench/territory.sh [--accounts N] [--territories T] [--seed S]
#                                                   [--time-limit SECONDS] [--disruption W (1)]
# Defaults: 10,000 accounts, 100 territories, a 15 s search limit, disruption weight 1 (the whole run stays under 30 s). Compiles attain-app's test classes when they are
# missing or older than the sources, then runs org.attain.territory.balance.TerritoryBalanceBench (the solver
# alone: no database, no Spring). Output: key=value lines (seconds, feasible, moves, worst_band_distance_pct …).
set -euo pipefail
cd "$(dirname "$0")/.."

main=attain-app/target/test-classes/org/attain/territory/balance/TerritoryBalanceBench.class
cp_file=attain-app/target/territory-bench.classpath
if [ ! -f "$main" ] || [ ! -f "$cp_file" ] || [ -n "$(find pom.xml attain-app/pom.xml attain-app/src -newer "$main" -print -quit)" ]; then
    echo "compiling attain-app ..." >&2
    ./mvnw -q -B -o -pl attain-app -am install -DskipTests >&2
    ./mvnw -q -B -o -pl attain-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/territory-bench.classpath >&2
fi

java -Xmx1g -XX:+UseG1GC -Dlogback.configurationFile=bench/territory-logback.xml \
    -cp "attain-app/target/test-classes:attain-app/target/classes:$(cat "$cp_file")" \
    org.attain.territory.balance.TerritoryBalanceBench "$@"
