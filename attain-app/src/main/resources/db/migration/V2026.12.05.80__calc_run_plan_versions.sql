-- The plan versions a run compiled (plan_version ids). Lines name only their plan's key; an export
-- of earnings names the version that paid them. Runs from before this column have none: readers
-- fall back to the latest version published before the run started.
alter table calc_run add column plan_versions bigint[];
