-- Single sign-on and SCIM provisioning (access owns app_user).
-- external_id: the identity provider's id for a provisioned user (SCIM externalId).
-- deleted_at: a SCIM DELETE; the account stays (its name is reserved and the audit log keeps pointing at it)
-- but it is disabled, holds no roles and is no longer listed.
alter table app_user add column external_id text;
alter table app_user add column deleted_at timestamptz;
create unique index app_user_external_id_idx on app_user(external_id) where external_id is not null;
