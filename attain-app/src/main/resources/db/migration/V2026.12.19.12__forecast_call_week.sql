-- forecast: the weekly history of calls, taken by a scheduled job each Monday: per person (everyone who manages
-- someone or has called the quarter), quarter, currency and category, the call in force that week (null: none), what
-- the deals and the reports' calls rolled up to, and the weighted pipeline. A week is taken once; a rerun in the same
-- week replaces it.
create table forecast_call_week (
    week_of    date not null check (extract(isodow from week_of) = 1),
    person_id  bigint not null,
    period_id  text not null,
    currency   char(3) not null,
    category   text not null check (category in ('pipeline', 'best_case', 'commit', 'closed')),
    called     numeric(19,4),
    computed   numeric(19,4) not null,
    rolled_up  numeric(19,4) not null,
    weighted   numeric(19,4) not null,
    primary key (week_of, person_id, period_id, currency, category)
);
