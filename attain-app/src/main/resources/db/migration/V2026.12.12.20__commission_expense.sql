-- expense: the capitalisation policy per portfolio (a plan key, or '*' for every plan without its own).
create table expense_policy (
    portfolio         text primary key,
    threshold_months  int not null check (threshold_months between 0 and 120),
    updated_by        text,
    updated_at        timestamptz
);
insert into expense_policy (portfolio, threshold_months) values ('*', 12);
