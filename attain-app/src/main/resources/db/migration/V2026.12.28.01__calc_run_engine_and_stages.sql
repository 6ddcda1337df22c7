-- Where a run computed and how far it got (issue 24): spark_master is the Apache Spark master its payees were
-- computed on (null: this server's own cores); stages lists what a run on Spark went through, in order
-- ({"key": message key, "args": [...], "at": instant}; a stage told again replaces the last one of its key, so
-- "task 7 of 8 done" overwrites "task 6 of 8 done"). Its page shows them while it runs and after.
alter table calc_run add column spark_master text;
alter table calc_run add column stages jsonb not null default '[]'::jsonb;
