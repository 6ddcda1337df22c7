-- Explained deals format 2 (calc.PackedDeals): the same fields as format 1 with varints instead of
-- fixed-width numbers and each close date as the days since the previous deal's: about half the bytes
-- per deal, so half the WAL and storage per run. Format 1 values (earlier runs) are read as before.

-- A varint (7 bits a byte, low first) at a zero-based offset, and the offset after it.
create function packed_varint(p bytea, at int, out value numeric, out next_at int)
language plpgsql immutable strict parallel safe as $$
declare
    b int;
    factor numeric := 1;
begin
    value := 0;
    loop
        b := get_byte(p, at);
        value := value + (b & 127) * factor;
        factor := factor * 128;
        at := at + 1;
        exit when b < 128;
    end loop;
    next_at := at;
end $$;

create function packed_unzigzag(v numeric) returns numeric
language sql immutable strict parallel safe as $$
    select case when mod(v, 2) = 0 then div(v, 2) else -div(v + 1, 2) end
$$;

-- An unscaled value and its scale as the numeric with exactly that scale.
create function packed_scaled(unscaled numeric, scale int) returns numeric
language plpgsql immutable strict parallel safe as $$
declare
    digits text := abs(unscaled)::text;
begin
    if scale > 0 then
        if length(digits) <= scale then
            digits := lpad(digits, scale + 1, '0');
        end if;
        digits := left(digits, length(digits) - scale) || '.' || right(digits, scale);
    elsif scale < 0 then
        digits := digits || repeat('0', -scale);
    end if;
    return ((case when unscaled < 0 then '-' else '' end) || digits)::numeric;
end $$;

-- A format 2 decimal at a zero-based offset, with its scale exactly as written, and the offset after it.
create function packed_decimal2(p bytea, at int, out value numeric, out next_at int)
language plpgsql immutable strict parallel safe as $$
declare
    scale int := get_byte(p, at);
    v record;
begin
    if scale >= 128 then
        scale := scale - 256;
    end if;
    if scale = -128 then
        value := null;
        next_at := at + 1;
    elsif scale = -127 then
        select * into v from packed_varint(p, at + 1);
        value := convert_from(substring(p from v.next_at + 1 for v.value::int), 'UTF8')::numeric;
        next_at := v.next_at + v.value::int;
    else
        select * into v from packed_varint(p, at + 1);
        value := packed_scaled(packed_unzigzag(v.value), scale);
        next_at := v.next_at;
    end if;
end $$;

-- The format 1 reader kept under its own name, copied from the function as .111 created it (views
-- such as earnings_line_deal are bound to explained_deals itself, which is replaced below in place).
do $$
declare
    body text;
begin
    select prosrc into body from pg_proc where proname = 'explained_deals' and pronargs = 1;
    execute format($f$create function explained_deals_format_1(p bytea)
        returns table (deal_no int, transaction_id text, close_date date, credit_rule text, share numeric,
                       credited numeric, currency text, tiers int[], tier_bases numeric[], tier_rates numeric[],
                       amount numeric)
        language plpgsql immutable strict parallel safe as %L$f$, body);
end $$;

create or replace function explained_deals(p bytea)
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
    days_from_epoch int := 0;
    dec record;
    v record;
begin
    if get_byte(p, 0) = 1 then
        return query select * from explained_deals_format_1(p);
        return;
    end if;
    if get_byte(p, 0) <> 2 then
        raise exception 'unknown explained deals format %', get_byte(p, 0);
    end if;
    select * into v from packed_varint(p, 1);
    total := v.value;
    select * into v from packed_varint(p, v.next_at);
    n := v.value;
    pos := v.next_at;
    for k in 1 .. n loop
        select * into v from packed_varint(p, pos);
        strings := strings || convert_from(substring(p from v.next_at + 1 for v.value::int), 'UTF8');
        pos := v.next_at + v.value::int;
    end loop;
    for d in 1 .. total loop
        deal_no := d;
        select * into v from packed_varint(p, pos);
        transaction_id := convert_from(substring(p from v.next_at + 1 for v.value::int), 'UTF8');
        pos := v.next_at + v.value::int;
        select * into v from packed_varint(p, pos);
        if v.value = 0 then
            close_date := null;
        else
            days_from_epoch := days_from_epoch + packed_unzigzag(v.value - 1)::int;
            close_date := date '1970-01-01' + days_from_epoch;
        end if;
        select * into v from packed_varint(p, v.next_at);
        credit_rule := case when v.value = 0 then null else strings[v.value::int] end;
        select * into dec from packed_decimal2(p, v.next_at);
        share := dec.value;
        select * into dec from packed_decimal2(p, dec.next_at);
        credited := dec.value;
        select * into v from packed_varint(p, dec.next_at);
        currency := case when v.value = 0 then null else strings[v.value::int] end;
        select * into dec from packed_decimal2(p, v.next_at);
        amount := dec.value;
        select * into v from packed_varint(p, dec.next_at);
        n := v.value;
        pos := v.next_at;
        tiers := '{}';
        tier_bases := '{}';
        tier_rates := '{}';
        for k in 1 .. n loop
            select * into v from packed_varint(p, pos);
            tiers := tiers || packed_unzigzag(v.value)::int;
            select * into dec from packed_decimal2(p, v.next_at);
            tier_bases := tier_bases || dec.value;
            select * into dec from packed_decimal2(p, dec.next_at);
            tier_rates := tier_rates || dec.value;
            pos := dec.next_at;
        end loop;
        return next;
    end loop;
end $$;
