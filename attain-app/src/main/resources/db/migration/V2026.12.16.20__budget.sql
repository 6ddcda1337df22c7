-- budget: budgets per period (a month such as 2026-11 or a quarter such as 2026-Q4) and team for compensation,
-- headcount, marketing and other expenses; the marketing and other actuals finance enters or imports (compensation
-- comes from pay, headcount from org); the alert threshold. Headcount is a count of people: no currency.
create table budget (
    period_id   text not null,
    team_id     bigint not null references team(id),
    category    text not null check (category in ('COMPENSATION', 'HEADCOUNT', 'MARKETING', 'OTHER')),
    amount      numeric(19,4) not null check (amount >= 0),
    currency    char(3),
    updated_by  text,
    updated_at  timestamptz,
    primary key (period_id, team_id, category),
    check ((category = 'HEADCOUNT') = (currency is null))
);

create table budget_actual (
    period_id   text not null,
    team_id     bigint not null references team(id),
    category    text not null check (category in ('MARKETING', 'OTHER')),
    amount      numeric(19,4) not null,
    currency    char(3) not null,
    updated_by  text,
    updated_at  timestamptz,
    primary key (period_id, team_id, category)
);

-- One row: the variance (in percent of the budget) above which a line is flagged.
create table budget_setting (
    id                   boolean primary key default true check (id),
    alert_threshold_pct  numeric(7,2) not null default 10 check (alert_threshold_pct >= 0),
    updated_by           text,
    updated_at           timestamptz
);
insert into budget_setting (id) values (true);
