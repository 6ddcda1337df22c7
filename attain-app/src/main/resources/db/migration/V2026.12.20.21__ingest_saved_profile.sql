-- Import profiles saved by name from the import preview's builder (columns picked from the file), reused for
-- the next file of the same kind.
create table ingest_saved_profile (
    name text primary key,
    record_type text not null,
    yaml text not null,
    created_by text not null,
    created_at timestamptz not null default now()
);
