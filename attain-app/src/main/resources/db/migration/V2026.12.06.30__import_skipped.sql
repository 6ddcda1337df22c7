-- Rows an import profile's filters left out (e.g. open deals in a deals export): counted, never quarantined.
alter table ingest_import add column skipped bigint not null default 0;
