-- Quarantine at scale (issue 14.4): rows carry what identifies the record they would have loaded, so a later
-- load that delivers the same key resolves them in one set-based statement; rows can be dismissed with a reason.
alter table ingest_quarantine
    add column record_type    text,
    add column source         text,
    -- transactions: the external id; other records: their natural key as RecordLoad.key writes it.
    -- Null when the row has none that could be read; '' when an older row was looked at and has none.
    add column record_key     text,
    add column dismissed_by   text,
    add column dismissed_at   timestamptz,
    add column dismiss_reason text;

update ingest_quarantine q set record_type = i.record_type, source = i.source
from ingest_import i where i.id = q.import_id;

-- DELIVERED: a later load (file, bulk API, webhook, connector) delivered the row's key; resolved_by names it.
-- DISMISSED: a person decided the row is not to be loaded, with who, when and why.
alter table ingest_quarantine drop constraint ingest_quarantine_status_check;
alter table ingest_quarantine add constraint ingest_quarantine_status_check
    check (status in ('OPEN', 'RESOLVED', 'SUPERSEDED', 'DELIVERED', 'DISMISSED'));
alter table ingest_quarantine add constraint ingest_quarantine_dismissal_check
    check ((status = 'DISMISSED') = (dismiss_reason is not null and dismissed_by is not null and dismissed_at is not null));

-- What the load's resolution probes: only open rows, so the index stays as small as the open quarantine.
create index ingest_quarantine_open_key_idx on ingest_quarantine(record_type, source, record_key) where status = 'OPEN';
