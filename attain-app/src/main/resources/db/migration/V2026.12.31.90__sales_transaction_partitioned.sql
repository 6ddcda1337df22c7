-- Booked transactions range-partitioned by year of close_date (issue 24, point 3): one partition per calendar year,
-- named sales_transaction_YYYY, plus sales_transaction_default for any year that has none yet, so no insert ever
-- fails. A read of a period (BookedTransactions.read: close_date between the window's first and last day) touches
-- only that period's year(s); an old year can be detached and archived as a plain table (docs/deployment.md).
--
-- Yearly, not monthly: monthly partitions were tried (session 17) and measured. A rep's home page names the table
-- three times and PostgreSQL plans it anew on every call (its estimate of a generic plan over partitions is higher
-- than a custom plan's); with 25 monthly partitions planning took 2.8 ms against 0.5 ms of execution, and the
-- dashboard fell from 1,652 to 536 requests a second (PostgreSQL 0.375 -> 2.13 ms a request). A year is also the
-- unit that is closed, archived and detached. The full preset's 10 million rows are 2-4 million a year.
--
-- Keys. PostgreSQL wants every unique key of a partitioned table to contain the partition key, and a close date can
-- change on re-import (the row then moves to its new year). So:
--   * the table's primary key is (id, close_date); id still comes from one sequence for all partitions, with its
--     last value carried over (a plain sequence default: identity columns on partitioned tables need PostgreSQL 17);
--   * sales_transaction_key (transaction_id primary key, source, external_id unique) keeps the two keys that must
--     hold across partitions, written by statement-level triggers in the same statement as the rows: a second row
--     with the same (source, external id) or id fails with unique_violation (23505) as before, and concurrent writers
--     of the same key wait for each other on the key table's unique index as they did on the table's;
--   * sales_transaction_version.transaction_id references sales_transaction_key (a foreign key to a partitioned
--     table would need the close date too, which a version does not have); a transaction is deleted together with
--     its key row, so deleting one that still has versions fails with foreign_key_violation (23503) as before;
--   * id, source and external_id of a stored transaction never change (a row trigger refuses it).
-- (source, external_id) keeps a plain index on the partitioned table for the imports' lookups.
--
-- New years: sales_transaction_partition(closed_on) creates the year's partition when it is missing (the owning
-- capability calls it for the years of incoming rows before it writes them: TransactionWrites.applyStaged,
-- SalesBulkLoad, the benchmark's loader). Rows of that year already sitting in the default partition are moved into
-- the new one in the same transaction (PostgreSQL refuses a partition whose range has rows in the default).

drop view sales_booking_v;
alter table sales_transaction_version drop constraint sales_transaction_version_transaction_id_fkey;
alter table sales_transaction rename to sales_transaction_unpartitioned;

create temp table sales_transaction_id_seq_value on commit drop as
select last_value, is_called from sales_transaction_id_seq;
alter table sales_transaction_unpartitioned alter column id drop identity;
create sequence sales_transaction_id_seq;

-- Columns in the old order (row_to_json of a row, as the import audit stores it, reads the same).
create table sales_transaction (
    id              bigint not null default nextval('sales_transaction_id_seq'),
    source          text not null default 'attain',
    external_id     text not null,
    kind            text not null default 'DEAL',
    status          text not null default 'won',
    opportunity_id  bigint,
    account_id      bigint,
    owner_id        bigint,
    close_date      date not null,
    amount          numeric(19,4) not null,
    currency        char(3) not null,
    deal_type       text,
    product_code    text,
    term_months     int,
    splits          jsonb,
    attributes      jsonb not null default '{}'::jsonb,
    version         int not null default 1,
    updated_at      timestamptz not null default now(),
    change_no       bigint not null default nextval('sales_data_change_seq'),
    refers_to       text,
    constraint sales_transaction_kind_check
        check (kind in ('DEAL','ORDER','RETURN','REVERSAL','CANCELLATION','INVOICE_PAYMENT')),
    constraint sales_transaction_refers_to_check
        check (refers_to is null or (kind in ('RETURN','REVERSAL') and refers_to <> external_id))
) partition by range (close_date);

create table sales_transaction_default partition of sales_transaction default;

-- The year of `closed_on` gets its partition if it has none; returns the partition's name. Serialised by an advisory
-- lock, so two imports bringing the same new year do not both create it. The new year's table is built standalone,
-- filled with the year's rows from the default partition, and attached: ATTACH locks the parent only against other
-- DDL (reads and writes go on), and the default partition for the rest of the caller's transaction.
create function sales_transaction_partition(closed_on date) returns text language plpgsql as $$
declare
    first_day date := date_trunc('year', closed_on)::date;
    next_first date := (date_trunc('year', closed_on) + interval '1 year')::date;
    part text := 'sales_transaction_' || to_char(first_day, 'YYYY');
begin
    if to_regclass(part) is not null then
        return part;
    end if;
    perform pg_advisory_xact_lock(hashtext('attain.sales.transaction_partition'));
    if to_regclass(part) is not null then
        return part;
    end if;
    begin
        execute format('create table %I (like sales_transaction including defaults including constraints)', part);
    exception when duplicate_table or unique_violation then
        -- Made by the writer that held the lock before us (this session's catalog cache may not have seen it yet).
        return part;
    end;
    -- The range as a check constraint lets ATTACH skip scanning the new table.
    execute format('alter table %I add constraint %I check (close_date >= %L and close_date < %L)',
                   part, part || '_year', first_day, next_first);
    execute format('with moved as (delete from sales_transaction_default where close_date >= %L and close_date < %L returning *)
                    insert into %I select * from moved', first_day, next_first, part);
    execute format('alter table sales_transaction attach partition %I for values from (%L) to (%L)', part, first_day, next_first);
    execute format('alter table %I drop constraint %I', part, part || '_year');
    return part;
end $$;

-- The existing years, then their rows; indexes are built afterwards (one sort each instead of row by row).
select sales_transaction_partition(y)
from (select distinct date_trunc('year', close_date)::date as y from sales_transaction_unpartitioned) years
order by y;
insert into sales_transaction select * from sales_transaction_unpartitioned;

create table sales_transaction_key (
    transaction_id  bigint not null,
    source          text not null,
    external_id     text not null
);
insert into sales_transaction_key (transaction_id, source, external_id)
select id, source, external_id from sales_transaction_unpartitioned;

drop table sales_transaction_unpartitioned;

alter sequence sales_transaction_id_seq owned by sales_transaction.id;
select setval('sales_transaction_id_seq', s.last_value, s.is_called) from sales_transaction_id_seq_value s;

alter table sales_transaction_key
    add constraint sales_transaction_key_pkey primary key (transaction_id),
    add constraint sales_transaction_key_source_external_id_key unique (source, external_id);
alter table sales_transaction_version add constraint sales_transaction_version_transaction_id_fkey
    foreign key (transaction_id) references sales_transaction_key (transaction_id);

alter table sales_transaction add constraint sales_transaction_pkey primary key (id, close_date);
create index sales_transaction_source_external_idx on sales_transaction (source, external_id);
create index sales_transaction_owner_close_idx on sales_transaction (owner_id, close_date) include (amount, currency, status);
create index sales_transaction_close_idx on sales_transaction (close_date);
create index sales_transaction_change_idx on sales_transaction (change_no);
create index sales_transaction_split_people_idx on sales_transaction
    using gin (split_person_ids(splits)) where splits is not null;
create index sales_transaction_event_rows_idx on sales_transaction (close_date)
    include (source, kind, attributes) where kind in ('CANCELLATION', 'INVOICE_PAYMENT');
create index sales_transaction_refers_to_idx on sales_transaction (source, refers_to) where refers_to is not null;

-- The keys that hold across partitions, kept with the rows.
create function sales_transaction_keys_added() returns trigger language plpgsql as $$
begin
    insert into sales_transaction_key (transaction_id, source, external_id) select id, source, external_id from written;
    return null;
end $$;

create function sales_transaction_keys_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'a stored transaction keeps its id, source and external id (transaction %)', old.id
        using errcode = 'integrity_constraint_violation', table = 'sales_transaction';
end $$;

create or replace function sales_transaction_note_removed() returns trigger language plpgsql as $$
begin
    insert into sales_transaction_removed (transaction_id) select id from removed;
    delete from sales_transaction_key k using removed r where k.transaction_id = r.id;
    return null;
end $$;

create or replace function sales_transaction_note_truncated() returns trigger language plpgsql as $$
begin
    insert into sales_transaction_removed (transaction_id) values (-1);
    delete from sales_transaction_key;
    return null;
end $$;

-- The triggers of the old table (migrations .110, .80), and the key table's.
create trigger sales_transaction_keys_on_insert after insert on sales_transaction
    referencing new table as written for each statement execute function sales_transaction_keys_added();
create trigger sales_transaction_keys_kept before update on sales_transaction for each row
    when (old.id is distinct from new.id or old.source is distinct from new.source
          or old.external_id is distinct from new.external_id)
    execute function sales_transaction_keys_fixed();
create trigger sales_transaction_renumber before update on sales_transaction
    for each row execute function sales_data_renumber();
create trigger sales_transaction_removed_rows after delete on sales_transaction
    referencing old table as removed for each statement execute function sales_transaction_note_removed();
create trigger sales_transaction_truncated after truncate on sales_transaction
    for each statement execute function sales_transaction_note_truncated();
create trigger sales_transaction_writers before insert or update or delete or truncate on sales_transaction
    for each statement execute function sales_transaction_writer_lock();
create trigger sales_transaction_references_on_insert after insert on sales_transaction
    referencing new table as written for each statement execute function sales_transaction_references_exist();
create trigger sales_transaction_references_on_update after update on sales_transaction
    referencing new table as written for each statement execute function sales_transaction_references_exist();

create view sales_booking_v as
select id, owner_id, status, close_date, amount, currency from sales_transaction;

analyze sales_transaction;
analyze sales_transaction_key;
