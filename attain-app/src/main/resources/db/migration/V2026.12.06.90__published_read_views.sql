-- Read views the owning capabilities publish for readers that join across capabilities for speed
-- (reports, the finance page, team analytics). Each is listed as public in its owner's package-info;
-- other packages name the view, never the table, so the owner can change its table behind it.
-- Views are plain selects: PostgreSQL inlines them, so the readers' plans stay what they were. The
-- optional parts are LEFT JOINs on a unique key, which the planner drops when a query reads none of
-- their columns. A migration that changes the type of a column a view shows must recreate the view.

-- org: people with their team's name.
create view org_person_v as
select p.id, p.external_id, p.first_name, p.last_name, p.email, p.title, p.role_type, p.region_id,
       p.team_id, t.name as team_name, p.employment_start, p.employment_end, p.currency
from person p
left join team t on t.id = p.team_id;

-- org: effective-dated reporting lines, half-open [valid_from, valid_until).
create view org_reporting_line_v as
select person_id, manager_id, valid_from, valid_until from reporting_line;

-- calc: every stored result (a statement reads the version it found current, even if a run has
-- replaced it since), and the current result of each payee-period.
create view calc_result_v as
select id, run_id, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
       fingerprint, is_current, created_at
from payee_period_result;

create view calc_current_result_v as
select id, run_id, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
       fingerprint, created_at
from payee_period_result
where is_current;

-- calc: every earnings line of a result with its packed explained deals (format in calc.PackedDeals).
create view calc_earnings_line_v as
select l.id, l.result_id, l.line_no, l.component, l.kind, l.plan_key, l.amount, l.uncapped, l.for_period,
       l.qualifying, l.qualifying_in_pack, l.trace, p.deals as packed_deals
from earnings_line l
left join earnings_line_deal_pack p on p.result_id = l.result_id and p.line_no = l.line_no;

-- calc: current earnings lines with their result's payee, period, currency and attainment, and the
-- plan versions the run compiled (null for runs before migration .80) and when it started.
create view calc_current_line_v as
select l.id, l.result_id, r.person_id, r.period_id, r.currency, r.attainment, l.line_no, l.component, l.kind,
       l.plan_key, l.amount, l.for_period, run.plan_versions as run_plan_versions, run.started_at as run_started_at
from payee_period_result r
join earnings_line l on l.result_id = r.id
left join calc_run run on run.id = r.run_id
where r.is_current;

-- plan: every version of every plan.
create view plan_version_v as
select id, plan_key, version, name, currency, status, created_at from plan_version;

-- quota: each payee's quota per period and measure.
create view quota_person_v as
select person_id, period_id, measure, amount, currency from quota;

-- sales: booked transactions as reports total them (owner, status, close date, amount).
create view sales_booking_v as
select id, owner_id, status, close_date, amount, currency from sales_transaction;
