-- Results, earnings lines and packed explained deals range-partitioned by period (issue 24, point 3): one partition
-- per calendar year of the period id for each table (payee_period_result_2026, earnings_line_2026,
-- earnings_line_deal_pack_2026 hold the periods '2026', '2026-Q1'..'2026-Q4', '2026-01'..'2026-12'), plus a default
-- partition each for an id that has no year yet, so no write ever fails. Period ids start with their four-digit
-- year; the range from '2026' to '2027' holds exactly the ids that start with 2026 in any collation that orders
-- digits as digits (the year decides before anything after it), so the partition key keeps the column's collation
-- and a query's `period_id = ...` prunes to one year.
--
-- Why by year, as booked transactions are (migration 2026.12.31.90, which measured monthly partitions as too many
-- for the planner on every request): a year is what is closed, archived and detached, and a full preset's 50,671
-- payee-periods and 10 million explained deals are a few years.
--
-- Keys. PostgreSQL wants every unique key and every foreign key target of a partitioned table to contain the
-- partition key. So:
--   * payee_period_result's primary key is (id, period_id); ids still come from one sequence (a plain sequence
--     default, carried over: identity columns on partitioned tables need PostgreSQL 17);
--   * earnings_line and earnings_line_deal_pack carry their result's period_id (the writer copies it; a line's own
--     for_period is another thing: the period a prior-period adjustment is for). A line is (result_id, line_no,
--     period_id), a pack likewise. The line's id column stays, filled from its sequence, without an index of its own
--     (nothing looks lines up by it);
--   * no foreign key from lines to results or from packs to lines any more. A foreign key into a partitioned table
--     is checked per row by a query over the partitioned parent: measured on the demo company's results copied 40
--     times (107k lines, 88k packs, one transaction), inserting the lines took 3.95 s with the key and 0.77 s
--     without, the packs 3.33 s against 0.55 s; a full run's store-all step spent 3-4 s more of PostgreSQL's CPU.
--     calc alone writes the three tables, a result with its lines and packs in one transaction (ResultWriter), and
--     removes only an interrupted run's rows, packs and lines first (InterruptedRuns); ResultPartitionsTest holds
--     every line to its result's period. deals_in has had no foreign key for the same reason (migration 2026.12.23.10);
--   * dispute, payout_approval and payout_approval_level already name the result's period: they now reference
--     (result_id, period_id), so an approval can only point at a result of the period it approves;
--   * earnings_line_deals (explained deals before packing, migration .60; nothing writes it since .111) keeps its
--     rows but no longer a foreign key to earnings_line: its key would need a period it does not have.
--   * deals_in (a result whose packs hold this result's explained deals, migration 2026.12.23.10) always names a
--     result of the same payee-period, so readers join its packs on the same period.
--
-- New years: calc_result_partition(period_id) creates the year's partition of the three tables when it is missing;
-- calc calls it for a run's periods when the run starts (CalcRuns), before any row of theirs is written, and the
-- migration below for every year that has periods or results. A year whose rows already sit in a default
-- partition (written by something that did not ask first) stays there: still correct, read and written the same,
-- only not separated; the function says so in a notice instead of moving rows that other rows reference.

drop view calc_current_line_v;
drop view calc_current_result_v;
drop view calc_earnings_line_v;
drop view calc_result_v;
drop view earnings_line_deal;
drop view earnings_line_qualifying;

alter table dispute drop constraint dispute_result_id_fkey;
alter table payout_approval drop constraint payout_approval_result_id_fkey;
alter table payout_approval_level drop constraint payout_approval_level_result_id_fkey;
alter table earnings_line_deals drop constraint earnings_line_deals_result_id_line_no_fkey;
alter table earnings_line_deal_pack drop constraint earnings_line_deal_pack_result_id_line_no_fkey;
alter table earnings_line drop constraint earnings_line_result_id_fkey;

alter table payee_period_result rename to payee_period_result_unpartitioned;
alter table earnings_line rename to earnings_line_unpartitioned;
alter table earnings_line_deal_pack rename to earnings_line_deal_pack_unpartitioned;

create temp table calc_result_sequence_values on commit drop as
select 'result' as seq, last_value, is_called from payee_period_result_id_seq
union all
select 'line', last_value, is_called from earnings_line_id_seq;
alter table payee_period_result_unpartitioned alter column id drop identity;
alter table earnings_line_unpartitioned alter column id drop identity;
create sequence payee_period_result_id_seq;
create sequence earnings_line_id_seq;

-- Columns in the old order, the period last where it is new.
create table payee_period_result (
    id           bigint not null default nextval('payee_period_result_id_seq'),
    run_id       bigint not null,
    person_id    bigint not null,
    period_id    text not null,
    currency     char(3) not null,
    earnings     numeric(19,4) not null,
    payout       numeric(19,4) not null,
    quota        numeric(19,4),
    attainment   numeric(38,10),
    measures     jsonb not null,
    ledger       jsonb not null,
    fingerprint  text not null,
    is_current   boolean not null default false,
    created_at   timestamptz not null default now(),
    deals_in     bigint,
    content_hash text
) partition by range (period_id);

create table earnings_line (
    id                 bigint not null default nextval('earnings_line_id_seq'),
    result_id          bigint not null,
    line_no            int not null,
    component          text not null,
    kind               text not null,
    plan_key           text,
    amount             numeric(19,4) not null,
    uncapped           numeric(19,4),
    for_period         text,
    qualifying         text[] not null default '{}',
    trace              json not null,
    qualifying_in_pack boolean not null default false,
    period_id          text not null
) partition by range (period_id);

create table earnings_line_deal_pack (
    result_id  bigint not null,
    line_no    int not null,
    deal_count int not null,
    deals      bytea not null,
    period_id  text not null
) partition by range (period_id);

-- Shown, never filtered (migration .133); packed deals stored as they are, no compression (migration .111).
alter table payee_period_result alter column measures set statistics 0, alter column ledger set statistics 0;
alter table earnings_line alter column qualifying set statistics 0, alter column trace set statistics 0;
alter table earnings_line_deal_pack alter column deals set storage external;

create table payee_period_result_default partition of payee_period_result default;
create table earnings_line_default partition of earnings_line default;
create table earnings_line_deal_pack_default partition of earnings_line_deal_pack default;

-- The year of `period` gets its partition of the three tables if it has none; returns the year, or null when the
-- id does not start with a year or the year's rows sit in a default partition already. Serialised by an advisory
-- lock. Each table is built standalone and attached (ATTACH locks the parent only against other DDL: reads and
-- writes go on), with its range as a check constraint first so ATTACH does not scan it; the default partition is
-- checked for the year's rows (it is empty but for rows written without asking).
create function calc_result_partition(period text) returns text language plpgsql as $$
declare
    y text := substring(period from '^([0-9]{4})');
    next_y text;
    t text;
    part text;
    found_rows boolean;
begin
    if y is null then
        return null;
    end if;
    if to_regclass('earnings_line_deal_pack_' || y) is not null then
        return y;
    end if;
    perform pg_advisory_xact_lock(hashtext('attain.calc.result_partition'));
    if to_regclass('earnings_line_deal_pack_' || y) is not null then
        return y;
    end if;
    next_y := lpad((y::int + 1)::text, 4, '0');
    foreach t in array array['payee_period_result', 'earnings_line', 'earnings_line_deal_pack'] loop
        execute format('select exists (select 1 from %I where period_id >= %L and period_id < %L)',
                       t || '_default', y, next_y) into found_rows;
        if found_rows then
            raise notice 'calc_result_partition: % has rows of % in its default partition; the year stays there', t, y;
            return null;
        end if;
    end loop;
    foreach t in array array['payee_period_result', 'earnings_line', 'earnings_line_deal_pack'] loop
        part := t || '_' || y;
        if to_regclass(part) is null then
            execute format('create table %I (like %I including defaults including constraints including storage)', part, t);
            execute format('alter table %I add constraint %I check (period_id >= %L and period_id < %L)',
                           part, part || '_year', y, next_y);
            execute format('alter table %I attach partition %I for values from (%L) to (%L)', t, part, y, next_y);
            execute format('alter table %I drop constraint %I', part, part || '_year');
        end if;
    end loop;
    execute format('alter table %I alter column measures set statistics 0, alter column ledger set statistics 0',
                   'payee_period_result_' || y);
    execute format('alter table %I alter column qualifying set statistics 0, alter column trace set statistics 0',
                   'earnings_line_' || y);
    return y;
end $$;

-- The years of every period and every stored result, then the rows; keys and indexes afterwards (one sort each).
select calc_result_partition(p)
from (select id as p from period union select distinct period_id from payee_period_result_unpartitioned) ids
order by p;

insert into payee_period_result
select id, run_id, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
       fingerprint, is_current, created_at, deals_in, content_hash
from payee_period_result_unpartitioned;

insert into earnings_line
select l.id, l.result_id, l.line_no, l.component, l.kind, l.plan_key, l.amount, l.uncapped, l.for_period,
       l.qualifying, l.trace, l.qualifying_in_pack, r.period_id
from earnings_line_unpartitioned l
join payee_period_result_unpartitioned r on r.id = l.result_id;

insert into earnings_line_deal_pack
select p.result_id, p.line_no, p.deal_count, p.deals, r.period_id
from earnings_line_deal_pack_unpartitioned p
join payee_period_result_unpartitioned r on r.id = p.result_id;

drop table earnings_line_deal_pack_unpartitioned;
drop table earnings_line_unpartitioned;
drop table payee_period_result_unpartitioned;

alter sequence payee_period_result_id_seq owned by payee_period_result.id;
alter sequence earnings_line_id_seq owned by earnings_line.id;
select setval('payee_period_result_id_seq', s.last_value, s.is_called) from calc_result_sequence_values s where s.seq = 'result';
select setval('earnings_line_id_seq', s.last_value, s.is_called) from calc_result_sequence_values s where s.seq = 'line';

alter table payee_period_result
    add constraint payee_period_result_pkey primary key (id, period_id),
    add constraint payee_period_result_person_id_fkey foreign key (person_id) references person (id),
    add constraint payee_period_result_run_id_fkey foreign key (run_id) references calc_run (id);
create unique index payee_period_result_current_idx on payee_period_result (person_id, period_id) where is_current;
create index payee_period_result_period_current_idx on payee_period_result (period_id)
    include (person_id, currency, earnings, payout, attainment) where is_current;
create index payee_period_result_run_idx on payee_period_result (run_id);

alter table earnings_line add constraint earnings_line_pkey primary key (result_id, line_no, period_id);
alter table earnings_line_deal_pack add constraint earnings_line_deal_pack_pkey primary key (result_id, line_no, period_id);

alter table dispute add constraint dispute_result_fkey
    foreign key (result_id, period_id) references payee_period_result (id, period_id);
alter table payout_approval add constraint payout_approval_result_fkey
    foreign key (result_id, period_id) references payee_period_result (id, period_id);
alter table payout_approval_level add constraint payout_approval_level_result_fkey
    foreign key (result_id, period_id) references payee_period_result (id, period_id);

-- calc's published views (migration 2026.12.06.90) as before; lines and packs joined on the period too, so a
-- read of one result touches one year. calc_earnings_line_v gains the line's period_id.
create view calc_result_v as
select id, run_id, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
       fingerprint, is_current, created_at
from payee_period_result;

create view calc_current_result_v as
select id, run_id, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
       fingerprint, created_at
from payee_period_result
where is_current;

create view calc_current_line_v as
select l.id, l.result_id, r.person_id, r.period_id, r.currency, r.attainment, l.line_no, l.component, l.kind,
       l.plan_key, l.amount, l.for_period, run.plan_versions as run_plan_versions, run.started_at as run_started_at
from payee_period_result r
join earnings_line l on l.result_id = r.id and l.period_id = r.period_id
left join calc_run run on run.id = r.run_id
where r.is_current;

create view calc_earnings_line_v as
select l.id, l.result_id, l.line_no, l.component, l.kind, l.plan_key, l.amount, l.uncapped, l.for_period,
       l.qualifying, l.qualifying_in_pack, l.trace, p.deals as packed_deals, l.period_id
from earnings_line l
join payee_period_result r on r.id = l.result_id and r.period_id = l.period_id
left join earnings_line_deal_pack p
       on p.result_id = coalesce(r.deals_in, r.id) and p.line_no = l.line_no and p.period_id = l.period_id;

create view earnings_line_deal as
select p.result_id, p.line_no, d.deal_no::int as deal_no, d.transaction_id, d.close_date, d.credit_rule,
       d.share, d.credited, d.currency::char(3) as currency,
       p.tiers[coalesce(p.slice_ends[d.deal_no - 1], 0) + 1 : p.slice_ends[d.deal_no]] as tiers,
       p.tier_bases[coalesce(p.slice_ends[d.deal_no - 1], 0) + 1 : p.slice_ends[d.deal_no]] as tier_bases,
       p.tier_rates[coalesce(p.slice_ends[d.deal_no - 1], 0) + 1 : p.slice_ends[d.deal_no]] as tier_rates,
       d.amount
from earnings_line_deals p
cross join lateral unnest(p.transaction_ids, p.close_dates, p.credit_rules, p.shares, p.credited, p.currencies,
                          p.amounts) with ordinality as d(transaction_id, close_date, credit_rule, share, credited,
                                                         currency, amount, deal_no)
union all
select r.id, p.line_no, d.deal_no, d.transaction_id, d.close_date, d.credit_rule, d.share, d.credited,
       d.currency::char(3), d.tiers, d.tier_bases, d.tier_rates, d.amount
from payee_period_result r
join earnings_line_deal_pack p on p.result_id = coalesce(r.deals_in, r.id) and p.period_id = r.period_id
cross join lateral explained_deals(p.deals) d;

create view earnings_line_qualifying as
select l.result_id, l.line_no,
       case when l.qualifying_in_pack
            then coalesce((select array_agg(d.transaction_id order by d.deal_no)
                           from payee_period_result r, earnings_line_deal_pack p, explained_deals(p.deals) d
                           where r.id = l.result_id and r.period_id = l.period_id
                             and p.result_id = coalesce(r.deals_in, r.id) and p.period_id = l.period_id
                             and p.line_no = l.line_no), '{}')
            else l.qualifying end as qualifying
from earnings_line l;

analyze payee_period_result;
analyze earnings_line;
