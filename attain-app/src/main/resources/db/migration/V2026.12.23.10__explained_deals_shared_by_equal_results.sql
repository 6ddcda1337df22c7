-- A rerun whose result for a payee-period comes out exactly as the current one (equal fingerprint) stores
-- its own result row and earnings lines as before, but not the explained deals a second time: deals_in
-- names the result whose earnings_line_deal_pack rows hold them (null: the result's own rows). A full
-- rerun after a fix that changes a few payees used to copy every other payee's million deals again.
-- Results are immutable and a referenced result is never removed (only an interrupted run's rows are,
-- and those never become current, so nothing points at them). No foreign key: removing an interrupted
-- run's rows would then look for references row by row.
alter table payee_period_result add column deals_in bigint;

create or replace view calc_earnings_line_v as
select l.id, l.result_id, l.line_no, l.component, l.kind, l.plan_key, l.amount, l.uncapped, l.for_period,
       l.qualifying, l.qualifying_in_pack, l.trace, p.deals as packed_deals
from earnings_line l
join payee_period_result r on r.id = l.result_id
left join earnings_line_deal_pack p on p.result_id = coalesce(r.deals_in, r.id) and p.line_no = l.line_no;

create or replace view earnings_line_deal as
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
join earnings_line_deal_pack p on p.result_id = coalesce(r.deals_in, r.id)
cross join lateral explained_deals(p.deals) d;

create or replace view earnings_line_qualifying as
select l.result_id, l.line_no,
       case when l.qualifying_in_pack
            then coalesce((select array_agg(d.transaction_id order by d.deal_no)
                           from payee_period_result r, earnings_line_deal_pack p, explained_deals(p.deals) d
                           where r.id = l.result_id and p.result_id = coalesce(r.deals_in, r.id)
                             and p.line_no = l.line_no), '{}')
            else l.qualifying end as qualifying
from earnings_line l;
