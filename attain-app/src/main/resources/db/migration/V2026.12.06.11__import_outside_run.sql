-- The loaded rows of a transaction import that fall outside every period the next (default) run covers,
-- per fiscal year, with that run's first and last month: {"byYear": {"2019": 1204}, "runFrom": "2025-01",
-- "runTo": "2026-12"}. Null when every row was inside (or the import predates the count).
alter table ingest_import add column outside_run jsonb;
