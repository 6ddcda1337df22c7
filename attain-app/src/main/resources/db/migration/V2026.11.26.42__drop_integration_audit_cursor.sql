-- Payout publishes its own events now; the audit-log bridge and its read position are gone.
drop table if exists integration_audit_cursor;
