#!/usr/bin/env bash
# The spark preset at a small scale (issue 24, point 5), as a check: bench/spark-small.sh [--people N] [--transactions M]
# (default 500 people, 100,000 transactions, a 2 GB heap). Runs `bench/run.sh --preset spark` niced, keeps its output
# in target/spark-small.out, and exits 1 unless every key of the preset was printed and every run on Spark (local[1],
# local[2], local[2] with the executors reading their transactions from PostgreSQL) stored every payee-period with the
# single-node run's fingerprint, payout and earnings, totals to the cent.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
out=target/spark-small.out
BENCH_HEAP=${BENCH_HEAP:-2g} nice -n 19 bench/run.sh --preset spark --people 500 --transactions 100000 "$@" >"$out"
rc=$?
if [ $rc -ne 0 ]; then
    echo "bench --preset spark exited $rc (output in $out)" >&2
    exit 1
fi
missing=()
for key in transactions payees single_node_store_all_s single_node_tx_per_s_per_core \
    spark_local_1_s spark_local_2_s spark_local_1_tx_per_s_per_core spark_local_2_tx_per_s_per_core \
    spark_scaling_1_to_2 spark_vs_single_node single_node_payout_total spark_local_1_payout_total \
    spark_local_2_payout_total spark_local_1_totals_match spark_local_2_totals_match largest_run_transactions \
    spark_local_2_executor_reads_s spark_local_2_executor_reads_payout_total spark_local_2_executor_reads_totals_match \
    spark_executor_reads_vs_driver_reads \
    estimate_heap_bytes_per_tx estimate_disk_bytes_per_tx estimate_100m_heap_at_least_gb estimate_100m_disk_gb \
    larger_run; do
    grep -q "^$key=" "$out" || missing+=("$key")
done
[ ${#missing[@]} -eq 0 ] || { echo "missing keys: ${missing[*]} (output in $out)" >&2; exit 1; }
single=$(grep '^single_node_payout_total=' "$out" | cut -d= -f2-)
for run in 1 2 2_executor_reads; do
    there=$(grep "^spark_local_${run}_payout_total=" "$out" | cut -d= -f2-)
    [ "$there" = "$single" ] || { echo "spark_local_$run payout $there, single node $single" >&2; exit 1; }
    grep -q "^spark_local_${run}_totals_match=yes" "$out" || { echo "spark_local_$run: totals do not match" >&2; exit 1; }
done
grep -E '^(transactions|payees|single_node_store_all_s|spark_local_[12]_s|spark_local_2_executor_reads_s|spark_scaling_1_to_2|spark_vs_single_node|spark_executor_reads_vs_driver_reads|single_node_payout_total|spark_local_[12]_totals_match|spark_local_2_executor_reads_totals_match|largest_run_transactions|larger_run)=' "$out"
echo "spark preset (small): every key printed, local[1], local[2] and local[2] with executor reads equal to the single-node run to the cent"
