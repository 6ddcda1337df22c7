-- pulse: eNPS surveys with anonymous answers. Owned by org.attain.pulse; people and teams are read through
-- org's public API when a survey is sent, so no foreign key reaches org's tables.
--
-- Anonymity by construction: pulse_answer and pulse_answer_item hold no person, no token and no time finer than
-- the week (the Monday of the week the answer arrived). Which recipients have answered is kept apart in
-- pulse_recipient.used (no time either), only so an answer cannot be sent twice. Answer ids are random uuids,
-- not a sequence, so their order says nothing about who answered when.

create table pulse_survey (
    id              bigserial primary key,
    title           text not null check (length(btrim(title)) between 1 and 120),
    question        text check (question is null or length(btrim(question)) between 1 and 300),
    promoter_min    int not null default 9,
    passive_min     int not null default 7,
    min_group_size  int not null default 5 check (min_group_size between 3 and 1000),
    opens_on        date not null,
    closes_on       date not null,
    -- whose subtree the survey went to (null: sent by a role that sees everyone)
    sender_person_id bigint,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    check (1 <= passive_min and passive_min <= promoter_min and promoter_min <= 10),
    check (closes_on >= opens_on)
);

-- Optional questions after the 0..10 one: a scale of 1..5 or free text.
create table pulse_question (
    id          bigserial primary key,
    survey_id   bigint not null references pulse_survey (id) on delete cascade,
    position    int not null,
    kind        text not null check (kind in ('SCALE', 'TEXT')),
    text        text not null check (length(btrim(text)) between 1 and 300),
    unique (survey_id, position)
);

-- The groups results are shown for, frozen when the survey is sent: everyone surveyed, regions, teams.
create table pulse_group (
    id          bigserial primary key,
    survey_id   bigint not null references pulse_survey (id) on delete cascade,
    parent_id   bigint references pulse_group (id),
    kind        text not null check (kind in ('ALL', 'REGION', 'TEAM')),
    ref_id      bigint,
    name        text not null,
    recipients  int not null check (recipients >= 0)
);
create index pulse_group_survey on pulse_group (survey_id);

-- Who may answer: one row per person and survey with a one-time token, cleared when used.
create table pulse_recipient (
    survey_id   bigint not null references pulse_survey (id) on delete cascade,
    person_id   bigint not null,
    group_id    bigint not null references pulse_group (id),
    token       text unique,
    used        boolean not null default false,
    primary key (survey_id, person_id),
    check (used = (token is null))
);
create index pulse_recipient_person on pulse_recipient (person_id) where not used;

create table pulse_answer (
    id              uuid primary key default gen_random_uuid(),
    survey_id       bigint not null references pulse_survey (id) on delete cascade,
    group_id        bigint not null references pulse_group (id),
    answered_week   date not null check (extract(isodow from answered_week) = 1),
    score           smallint not null check (score between 0 and 10)
);
create index pulse_answer_survey on pulse_answer (survey_id, group_id);

create table pulse_answer_item (
    answer_id   uuid not null references pulse_answer (id) on delete cascade,
    question_id bigint not null references pulse_question (id),
    scale_value smallint check (scale_value between 1 and 5),
    text_value  text check (text_value is null or length(text_value) <= 2000),
    primary key (answer_id, question_id),
    check ((scale_value is null) <> (text_value is null))
);
