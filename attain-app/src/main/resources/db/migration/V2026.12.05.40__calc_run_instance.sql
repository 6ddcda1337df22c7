-- Which Attain instance runs a calculation, so that start-up recovery closes only the runs whose
-- instance is gone (platform.InstanceLease: each pool connection carries its instance's key in the
-- session setting attain.instance, and a live instance holds the advisory lock (7362, key)).
-- The default is set apart from adding the column: added with it, every existing row would get the
-- key of the instance running this migration. Runs from before keep no key.
alter table calc_run add column instance_key integer;
alter table calc_run alter column instance_key set default nullif(current_setting('attain.instance', true), '')::integer;

-- Start-up looks for runs still marked RUNNING: a handful among many finished ones.
create index calc_run_running_idx on calc_run (id) where status = 'RUNNING';
