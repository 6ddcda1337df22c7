-- Change numbers for the in-memory transaction store (calc.TransactionStore). Every insert or update of
-- a booked transaction, an account or a region takes the next number from one sequence; a delete of a
-- transaction leaves its id and a number in sales_transaction_removed. The store reads only what has a
-- number above the last one it saw, so a full calculation run does not read ten million rows again.
--
-- A sequence hands out numbers at insert time, not at commit: a writer that took number 100 may commit
-- after another that took 101 was already read. So every statement that writes sales_transaction takes
-- a shared advisory lock until its transaction ends, and the store reads its delta under the exclusive
-- lock: then every number below the highest one it sees belongs to a committed row.

create sequence sales_data_change_seq;

alter table sales_transaction add column change_no bigint;
update sales_transaction set change_no = nextval('sales_data_change_seq');
alter table sales_transaction alter column change_no set default nextval('sales_data_change_seq'),
                              alter column change_no set not null;
create index sales_transaction_change_idx on sales_transaction (change_no);

alter table account add column change_no bigint not null default nextval('sales_data_change_seq');
alter table region add column change_no bigint not null default nextval('sales_data_change_seq');

create table sales_transaction_removed (
    transaction_id bigint not null,
    change_no      bigint not null default nextval('sales_data_change_seq')
);
create index sales_transaction_removed_change_idx on sales_transaction_removed (change_no);

create function sales_data_renumber() returns trigger language plpgsql as $$
begin
    new.change_no := nextval('sales_data_change_seq');
    return new;
end $$;

create trigger sales_transaction_renumber before update on sales_transaction
    for each row execute function sales_data_renumber();
create trigger account_renumber before update on account
    for each row execute function sales_data_renumber();
create trigger region_renumber before update on region
    for each row execute function sales_data_renumber();

create function sales_transaction_note_removed() returns trigger language plpgsql as $$
begin
    insert into sales_transaction_removed (transaction_id) select id from removed;
    return null;
end $$;

create trigger sales_transaction_removed_rows after delete on sales_transaction
    referencing old table as removed for each statement execute function sales_transaction_note_removed();

-- TRUNCATE fires no delete trigger: it leaves the id -1, which tells the store to forget everything.
create function sales_transaction_note_truncated() returns trigger language plpgsql as $$
begin
    insert into sales_transaction_removed (transaction_id) values (-1);
    return null;
end $$;

create trigger sales_transaction_truncated after truncate on sales_transaction
    for each statement execute function sales_transaction_note_truncated();

-- The key 7361 ('sale' of 'sales data') is calc.TransactionStore.WRITERS_LOCK.
create function sales_transaction_writer_lock() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(7361);
    return null;
end $$;

create trigger sales_transaction_writers before insert or update or delete or truncate on sales_transaction
    for each statement execute function sales_transaction_writer_lock();
