-- planning.capacity: ramp profiles, planned hires and attrition, revenue targets and expected attainment.
-- Owned by the planning module (org.attain.planning.capacity); people, teams, quotas and periods are read
-- through their owners' views and APIs, so no foreign key reaches their tables (the service checks them).

create table capacity_ramp_profile (
    id          bigserial primary key,
    name        text not null unique check (length(btrim(name)) between 1 and 80),
    cutoff_day  int not null default 15 check (cutoff_day between 1 and 31),
    -- percent of the full quota in tenure month 1, 2, ...; the last step is 100
    percents    numeric(7,4)[] not null
        check (cardinality(percents) between 1 and 36 and percents[cardinality(percents)] = 100
               and 0 <= all(percents) and 100 >= all(percents)),
    is_default  boolean not null default false,
    updated_at  timestamptz not null default now(),
    updated_by  text not null
);
-- At most one profile ramps existing reps by their hire date.
create unique index capacity_ramp_profile_one_default on capacity_ramp_profile (is_default) where is_default;

create table capacity_hire (
    id              bigserial primary key,
    role            text not null check (length(btrim(role)) between 1 and 80),
    starts_on       date not null,
    ends_on         date,
    team_id         bigint,
    currency        char(3) not null,
    headcount       int not null default 1 check (headcount between 1 and 1000),
    monthly_quota   numeric(19,4) not null check (monthly_quota >= 0),
    ramp_profile_id bigint not null references capacity_ramp_profile (id),
    created_at      timestamptz not null default now(),
    created_by      text not null,
    check (ends_on is null or ends_on > starts_on)
);
create index capacity_hire_currency on capacity_hire (currency, starts_on);

-- A named leaver (person_id) or a number of leavers not named yet (headcount), never both.
create table capacity_attrition (
    id          bigserial primary key,
    person_id   bigint,
    headcount   int check (headcount between 1 and 1000),
    leaves_on   date not null,
    currency    char(3) not null,
    created_at  timestamptz not null default now(),
    created_by  text not null,
    check ((person_id is null) <> (headcount is null))
);
create index capacity_attrition_currency on capacity_attrition (currency, leaves_on);

-- The revenue target per month (calendar month id, e.g. 2026-07) and currency; quarters add up their months.
create table capacity_target (
    month       text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    currency    char(3) not null,
    amount      numeric(19,4) not null check (amount >= 0),
    updated_at  timestamptz not null default now(),
    updated_by  text not null,
    primary key (currency, month)
);

-- Expected attainment (fraction of quota, 0.8 = 80 %) per currency; 0.8 where none is stored.
create table capacity_setting (
    currency             char(3) primary key,
    expected_attainment  numeric(7,4) not null check (expected_attainment > 0 and expected_attainment <= 2),
    updated_at           timestamptz not null default now(),
    updated_by           text not null
);
