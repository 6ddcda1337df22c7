-- A dry run's uploaded file (its upload token and stored name), so the dry run's page offers "Load this file
-- now" whenever someone comes back to it, as long as the file is still waiting (loading it removes the file).
alter table ingest_import add column pending_token text, add column pending_name text;
