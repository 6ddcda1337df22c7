-- An Idempotency-Key belongs to its caller (two callers may both use "retry-1") and to the request it was
-- first sent with: a SHA-256 of endpoint, source and records, so the same key with another body is refused
-- instead of being answered with the first call's result. The key is claimed inside the load's own
-- transaction, before the import record that transaction inserts, hence the deferred reference.
alter table ingest_idempotency drop constraint ingest_idempotency_pkey;
alter table ingest_idempotency add primary key (actor, key);
-- null for keys stored before: their requests were not recorded, so they replay as they always did
alter table ingest_idempotency add column request_sha256 text;
alter table ingest_idempotency alter constraint ingest_idempotency_import_id_fkey deferrable initially deferred;
