-- Explained deals packed: one row per earnings line holding its deals column-wise, instead of one row
-- per deal. A full run over 1M transactions wrote ~1M rows into earnings_line_deal, and writing them
-- (tuple headers, index, WAL, on the same two cores as the calculation) was the largest single cost
-- of the run; packed, PostgreSQL writes one row per line (thousands) and every deal's credit, share,
-- tier slices and amount are still stored exactly (numeric without a type modifier keeps the scale).
--
-- Element n of every per-deal array describes deal n of the line (deal_no = n, in the engine's
-- order). Tier slices vary per deal, so they are flattened: deal n's slices are the elements
-- slice_ends[n-1]+1 .. slice_ends[n] of tiers, tier_bases and tier_rates (slice_ends[0] counts as 0).
alter table earnings_line_deal rename to earnings_line_deal_unpacked;

create table earnings_line_deals (
    result_id       bigint not null,
    line_no         int not null,
    transaction_ids text[] not null,
    close_dates     date[] not null,
    credit_rules    text[] not null,
    shares          numeric[] not null,
    credited        numeric[] not null,
    currencies      text[] not null,
    amounts         numeric[] not null,
    slice_ends      int[] not null,
    tiers           int[] not null,
    tier_bases      numeric[] not null,
    tier_rates      numeric[] not null,
    primary key (result_id, line_no),
    foreign key (result_id, line_no) references earnings_line (result_id, line_no),
    check (cardinality(transaction_ids) = cardinality(amounts) and cardinality(slice_ends) = cardinality(amounts)
           and cardinality(tiers) = cardinality(tier_bases) and cardinality(tiers) = cardinality(tier_rates))
);

-- The packed arrays are mostly numbers and ids that compress poorly; storing them out of line
-- without compression saves the server's CPU while a run writes them.
alter table earnings_line_deals
    alter column transaction_ids set storage external, alter column close_dates set storage external,
    alter column credit_rules set storage external, alter column shares set storage external,
    alter column credited set storage external, alter column currencies set storage external,
    alter column amounts set storage external, alter column slice_ends set storage external,
    alter column tiers set storage external, alter column tier_bases set storage external,
    alter column tier_rates set storage external;

-- Results already stored keep their explained deals, packed the same way.
insert into earnings_line_deals
with d as (
    select *, sum(cardinality(tiers)) over (partition by result_id, line_no order by deal_no)::int as slice_end
    from earnings_line_deal_unpacked
), s as (
    select result_id, line_no, array_agg(u.tier order by deal_no, u.o) as tiers,
           array_agg(u.base order by deal_no, u.o) as bases, array_agg(u.rate order by deal_no, u.o) as rates
    from earnings_line_deal_unpacked
    cross join lateral unnest(tiers, tier_bases, tier_rates) with ordinality as u(tier, base, rate, o)
    group by result_id, line_no
)
select d.result_id, d.line_no, array_agg(transaction_id order by deal_no), array_agg(close_date order by deal_no),
       array_agg(credit_rule order by deal_no), array_agg(share order by deal_no), array_agg(credited order by deal_no),
       array_agg(currency::text order by deal_no), array_agg(amount order by deal_no),
       array_agg(slice_end order by deal_no), coalesce(min(s.tiers), '{}'), coalesce(min(s.bases), '{}'),
       coalesce(min(s.rates), '{}')
from d left join s on s.result_id = d.result_id and s.line_no = d.line_no
group by d.result_id, d.line_no;

drop table earnings_line_deal_unpacked;

-- One row per explained deal, unpacked, for ad-hoc SQL and reports: the same columns the per-deal
-- table had. Reading it unpacks every line it touches; filter by result_id first.
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
                                                         currency, amount, deal_no);
