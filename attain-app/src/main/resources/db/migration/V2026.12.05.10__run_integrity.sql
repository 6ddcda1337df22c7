-- Pay integrity (issue 13). A run lists the payees it left out (their inputs made the engine or the
-- result tables fail; everyone else's results are stored) and counts the payee-periods whose current
-- result it left alone because a newer run's result was current already (results only move forward).
alter table calc_run add column failed_payees jsonb not null default '[]'::jsonb,
                     add column superseded int not null default 0;

-- Attainment is measure / quota: a legitimate tiny quota (0.0001 is the smallest numeric(19,4) holds)
-- under ordinary bookings overflowed numeric(19,10) (below 10^9) and failed the whole run. 38 digits
-- with the same 10 decimals hold any measure below 10^24 (a billion deals of the largest amount) over
-- that quota; beyond, the run reports the payee (calc.PayeeProblems). Same scale, more precision:
-- PostgreSQL changes the column without rewriting the table.
alter table payee_period_result alter column attainment type numeric(38,10);
