-- Columns that are only ever shown, never filtered, joined or sorted on, get no planner statistics:
-- ANALYZE (after every full run, and autovacuum's) sorted and compared tens of thousands of JSON
-- documents and qualifying-id arrays per table for statistics no query plan uses.
alter table payee_period_result alter column measures set statistics 0, alter column ledger set statistics 0;
alter table earnings_line alter column qualifying set statistics 0, alter column trace set statistics 0;
