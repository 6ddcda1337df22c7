-- How far the outbound-webhook bridge has read the audit log, per action it turns into an event.
create table integration_audit_cursor (
    action    text primary key,
    last_id   bigint not null
);
