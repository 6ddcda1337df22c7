-- Where a run's time went, in milliseconds: snapshot, loading transactions, engine, writing results
-- (summed over the chunk threads) and switching to current. Lets the benchmark and an operator see
-- what an incremental run or a slow full run spends its time on without a profiler.
alter table calc_run add column timings jsonb;
