-- Explained deals in one binary value per earnings line (calc.PackedDeals describes the format).
-- Writing them as numeric and text arrays made PostgreSQL parse every element of every array: for a
-- run over ten million transactions that cost more than the calculation. New runs write here; the
-- array rows of earlier runs stay where they are and read the same through the view below.
create table earnings_line_deal_pack (
    result_id  bigint not null,
    line_no    int not null,
    deal_count int not null,
    deals      bytea not null,
    primary key (result_id, line_no),
    foreign key (result_id, line_no) references earnings_line (result_id, line_no)
);
-- Already compact; stored out of line without spending the server's CPU on compressing it.
alter table earnings_line_deal_pack alter column deals set storage external;

-- A big-endian signed integer of 1 to 8 bytes at a zero-based offset.
create function packed_int(p bytea, at int, width int) returns bigint
language sql immutable strict parallel safe as $$
    select case when width = 8 then b::bigint
                when b::bigint >= (1::bigint << (8 * width - 1)) then b::bigint - (1::bigint << (8 * width))
                else b::bigint end
    from (select ('x' || lpad(encode(substring(p from at + 1 for width), 'hex'), 16, '0'))::bit(64) as b) x
$$;

-- The decimal at a zero-based offset, with its scale exactly as written, and the offset after it.
create function packed_decimal(p bytea, at int, out value numeric, out next_at int)
language plpgsql immutable strict parallel safe as $$
declare
    scale int := get_byte(p, at);
    unscaled bigint;
    digits text;
    len int;
begin
    if scale >= 128 then
        scale := scale - 256;
    end if;
    if scale = -128 then
        value := null;
        next_at := at + 1;
    elsif scale = -127 then
        len := packed_int(p, at + 1, 2) & 65535;
        value := convert_from(substring(p from at + 4 for len), 'UTF8')::numeric;
        next_at := at + 3 + len;
    else
        unscaled := packed_int(p, at + 1, 8);
        digits := abs(unscaled::numeric)::text;
        if scale > 0 then
            if length(digits) <= scale then
                -- lpad also cuts longer strings, so only for values below one.
                digits := lpad(digits, scale + 1, '0');
            end if;
            digits := left(digits, length(digits) - scale) || '.' || right(digits, scale);
        elsif scale < 0 then
            digits := digits || repeat('0', -scale);
        end if;
        value := ((case when unscaled < 0 then '-' else '' end) || digits)::numeric;
        next_at := at + 9;
    end if;
end $$;

-- Every deal of a packed value, one row each, for ad-hoc SQL (the application decodes in Java).
create function explained_deals(p bytea)
returns table (deal_no int, transaction_id text, close_date date, credit_rule text, share numeric, credited numeric,
               currency text, tiers int[], tier_bases numeric[], tier_rates numeric[], amount numeric)
language plpgsql immutable strict parallel safe as $$
declare
    pos int;
    total int;
    strings text[] := '{}';
    k int;
    len int;
    n int;
    dec record;
begin
    if get_byte(p, 0) <> 1 then
        raise exception 'unknown explained deals format %', get_byte(p, 0);
    end if;
    total := packed_int(p, 1, 4);
    n := packed_int(p, 5, 2);
    pos := 7;
    for k in 1 .. n loop
        len := packed_int(p, pos, 2) & 65535;
        strings := strings || convert_from(substring(p from pos + 3 for len), 'UTF8');
        pos := pos + 2 + len;
    end loop;
    for d in 1 .. total loop
        deal_no := d;
        len := packed_int(p, pos, 2) & 65535;
        transaction_id := convert_from(substring(p from pos + 3 for len), 'UTF8');
        pos := pos + 2 + len;
        k := packed_int(p, pos, 4);
        close_date := case when k = -2147483648 then null else date '1970-01-01' + k end;
        k := packed_int(p, pos + 4, 2);
        credit_rule := case when k < 0 then null else strings[k + 1] end;
        pos := pos + 6;
        select * into dec from packed_decimal(p, pos);
        share := dec.value;
        pos := dec.next_at;
        select * into dec from packed_decimal(p, pos);
        credited := dec.value;
        pos := dec.next_at;
        k := packed_int(p, pos, 2);
        currency := case when k < 0 then null else strings[k + 1] end;
        pos := pos + 2;
        select * into dec from packed_decimal(p, pos);
        amount := dec.value;
        pos := dec.next_at;
        n := packed_int(p, pos, 2);
        pos := pos + 2;
        tiers := '{}';
        tier_bases := '{}';
        tier_rates := '{}';
        for k in 1 .. n loop
            tiers := tiers || packed_int(p, pos, 4)::int;
            select * into dec from packed_decimal(p, pos + 4);
            tier_bases := tier_bases || dec.value;
            select * into dec from packed_decimal(p, dec.next_at);
            tier_rates := tier_rates || dec.value;
            pos := dec.next_at;
        end loop;
        return next;
    end loop;
end $$;

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
select p.result_id, p.line_no, d.deal_no, d.transaction_id, d.close_date, d.credit_rule, d.share, d.credited,
       d.currency::char(3), d.tiers, d.tier_bases, d.tier_rates, d.amount
from earnings_line_deal_pack p
cross join lateral explained_deals(p.deals) d;
