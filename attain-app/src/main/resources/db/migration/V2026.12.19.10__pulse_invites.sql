-- pulse: e-mail invites for scheduled surveys. Whether a recipient's invite went out is a flag only (no time),
-- so an invite says nothing about when its answer arrived; the answer rows still hold no person and no time.
alter table pulse_recipient add column invited boolean not null default false;
create index pulse_recipient_to_invite on pulse_recipient (survey_id) where not invited and not used;
