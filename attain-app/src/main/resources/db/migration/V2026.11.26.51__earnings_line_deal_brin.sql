-- Explained deal lines are only ever appended, a whole run at a time, in result order, and read by
-- result. A B-tree primary key over millions of them cost a large share of a full run's write time;
-- a BRIN range index on result_id finds a result's rows at a fraction of the upkeep (1M-deal run:
-- 15.9 s -> 13.7 s, see docs/benchmarks.md). One row per result, line and deal is the writer's rule.
alter table earnings_line_deal drop constraint earnings_line_deal_pkey;
create index earnings_line_deal_result_brin on earnings_line_deal using brin (result_id) with (pages_per_range = 16);
