-- analytics: coaching plans. A plan belongs to one rep (person ids from org, no foreign key reaches org's tables);
-- its goals are tracked from live metrics when read (nothing stored but the target), its entries are a manager's
-- notes and 1:1 agendas. A goal accepted from a suggestion keeps the suggestion's key.

create table coaching_plan (
    id          bigserial primary key,
    person_id   bigint not null unique,
    created_by  text not null,
    created_at  timestamptz not null default now()
);

create table coaching_goal (
    id          bigserial primary key,
    plan_id     bigint not null references coaching_plan (id) on delete cascade,
    metric      text not null check (metric in ('calls', 'meetings', 'emails', 'webinars', 'opportunities', 'wins',
                                                'meetings_per_call', 'opportunities_per_meeting', 'wins_per_opportunity',
                                                'win_rate')),
    target      numeric(19,4) not null check (target > 0),
    starts_on   date not null,
    due_on      date not null,
    -- the suggestion the goal was accepted from (funnel:<metric> or activity:<metric>), null when set by hand
    source      text,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    check (due_on >= starts_on)
);
create index coaching_goal_plan_idx on coaching_goal (plan_id);

create table coaching_entry (
    id          bigserial primary key,
    plan_id     bigint not null references coaching_plan (id) on delete cascade,
    kind        text not null check (kind in ('NOTE', 'AGENDA')),
    meeting_on  date,
    body        text not null check (length(btrim(body)) between 1 and 2000),
    created_by  text not null,
    created_at  timestamptz not null default now(),
    check (kind = 'NOTE' or meeting_on is not null)
);
create index coaching_entry_plan_idx on coaching_entry (plan_id);
