-- A dry run's upload, kept apart from its import record: the record is written by the import's job, which may
-- not have started when the page remembers the upload (an update of the record then matched no row, and the
-- dry run's "Load this file now" was gone when someone came back). Keyed by the reserved import id.
create table ingest_pending_upload (
    import_id bigint primary key,
    token     text not null,
    name      text not null
);
insert into ingest_pending_upload(import_id, token, name)
select id, pending_token, pending_name from ingest_import where pending_token is not null;
alter table ingest_import drop column pending_token, drop column pending_name;
