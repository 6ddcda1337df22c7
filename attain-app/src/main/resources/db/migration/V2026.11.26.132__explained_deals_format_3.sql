-- Explained deals format 3 (calc.PackedDeals): format 2 plus what a line's trace shows of each deal
-- (the person the credit came through, FX factor, source amount and currency, each tier slice's bounds
-- and amount), so traces no longer copy their first deals into JSON. explained_deals reads formats 1, 2
-- and 3 into the same columns as before (views bound to it keep working); the new fields are skipped.

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
    complete boolean := get_byte(p, 0) = 3;
begin
    if get_byte(p, 0) = 1 then
        return query select * from explained_deals_format_1(p);
        return;
    end if;
    if get_byte(p, 0) not in (2, 3) then
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
            if complete then
                -- The slice's bounds and amount: in the line's trace, not in these columns.
                select * into v from packed_varint(p, pos);
                select * into dec from packed_decimal2(p, v.next_at);
                pos := dec.next_at;
            end if;
        end loop;
        if complete then
            -- Via, FX factor, source amount (scale byte -126: the credited amount again, one byte) and
            -- currency: in the line's trace, not in these columns.
            select * into v from packed_varint(p, pos);
            select * into dec from packed_decimal2(p, v.next_at);
            pos := dec.next_at;
            if get_byte(p, pos) = 130 then
                pos := pos + 1;
            else
                select * into dec from packed_decimal2(p, pos);
                pos := dec.next_at;
            end if;
            select * into v from packed_varint(p, pos);
            pos := v.next_at;
        end if;
        return next;
    end loop;
end $$;
