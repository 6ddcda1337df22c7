-- pulse: who has answered, kept so that no answer can be joined to its person. The earlier design marked the
-- recipient's row used in the answer's own transaction, so the row (naming the person) and the answer carried the same
-- transaction id (xmin) and the join linked every answer to its person. Now an answer's transaction inserts only the
-- answer, its items and a seal: HMAC-SHA256(pulse key, survey id ':' person id) with the key outside the database
-- (attain.pulse-key or pulse.key in the data directory). A second answer hits the primary key. No person column.
create table pulse_answer_seal (
    survey_id   bigint not null references pulse_survey (id) on delete cascade,
    seal        bytea not null check (length(seal) = 32),
    primary key (survey_id, seal)
);

-- The legacy markers are turned into seals and cleared at start-up (the key is not in the database, so SQL cannot);
-- a token now stays on its row after the answer (clearing it would write the person's row in the answer's
-- transaction); the seal refuses it.
alter table pulse_recipient drop constraint if exists pulse_recipient_check;
comment on column pulse_recipient.used is
    'legacy marker of the earlier design, never set now: cleared at start-up into pulse_answer_seal';

-- How many answers each survey had when its answers, items and seals were last rewritten in random order in one
-- transaction (one transaction id for all, no arrival order left); a survey whose count differs is shuffled again.
-- A table of its own, not a column of pulse_survey: the shuffle's transaction writes no row that names anyone
-- (pulse_survey names its sender).
create table pulse_answer_shuffle (
    survey_id   bigint primary key references pulse_survey (id) on delete cascade,
    answers     int not null check (answers >= 0)
);

-- Which pulse key sealed the answers: HMAC-SHA256(key, 'attain pulse key check'), not the key. A node started with
-- another key (its own data folder, attain.pulse-key unset) would neither recognise who has answered nor refuse a
-- second answer; it says so at start-up and leaves the seals alone.
create table pulse_key_check (
    id          int primary key check (id = 1),
    fingerprint bytea not null check (length(fingerprint) = 32)
);
