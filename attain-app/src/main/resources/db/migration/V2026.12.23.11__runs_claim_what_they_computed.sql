-- A run whose result for a payee-period equals the current one (same fingerprint) no longer stores it a
-- second time: the current result stays current. So that an older run finishing later cannot replace what
-- this newer run found (results only move forward: the newest run that computed a payee-period wins), the
-- run records the payees it computed (for the periods in `periods`) in the same transaction that switches
-- its changed results to current. Null: the run claimed nothing (still running, failed before switching,
-- or from before this migration: those runs stored a row for every result they computed).
alter table calc_run add column claimed_payees bigint[];
