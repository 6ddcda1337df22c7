-- The references of sales_transaction (owner, account, opportunity) checked once per statement instead
-- of once per row. A declarative foreign key runs one lookup per inserted row; loading a million
-- transactions spent more time in those 3 million lookups than in writing the rows and their indexes
-- (EXPLAIN ANALYZE of the import's insert: 32 s of triggers next to 33 s of insert on the shared
-- 2-core machine). The same rule holds as before: a statement that writes a transaction naming a
-- person, account or opportunity that does not exist fails with foreign_key_violation (SQLSTATE
-- 23503), and the referenced rows are locked FOR KEY SHARE until the writer commits, as a foreign
-- key does, so a concurrent delete waits and then finds them referenced. Deleting or re-keying a
-- referenced person, account or opportunity fails the same way.
--
-- Accounts and opportunities have no index on the referencing column, so deleting one reads the
-- transactions; nothing in Attain deletes them (an index would cost every insert more than it saves).
-- One difference from a declarative key: the check on the referenced side sees rows committed by
-- others only under READ COMMITTED (the isolation every writer here uses).

alter table sales_transaction
    drop constraint sales_transaction_owner_id_fkey,
    drop constraint sales_transaction_account_id_fkey,
    drop constraint sales_transaction_opportunity_id_fkey;

-- One pass over the written rows collects the distinct ids; each referenced table is then locked and
-- checked with one index scan over exactly those ids.
create function sales_transaction_references_exist() returns trigger language plpgsql as $$
declare
    owners bigint[];
    accounts bigint[];
    opportunities bigint[];
    locked bigint;
    missing bigint;
begin
    select array_agg(distinct owner_id) filter (where owner_id is not null),
           array_agg(distinct account_id) filter (where account_id is not null),
           array_agg(distinct opportunity_id) filter (where opportunity_id is not null)
    into owners, accounts, opportunities
    from written;
    if owners is not null then
        perform 1 from person p where p.id = any (owners) for key share;
        get diagnostics locked = row_count;
        if locked < cardinality(owners) then
            select o into missing from unnest(owners) o where not exists (select 1 from person p where p.id = o) limit 1;
            raise foreign_key_violation using table = 'sales_transaction',
                message = 'sales_transaction refers to person ' || missing || ', which does not exist';
        end if;
    end if;
    if accounts is not null then
        perform 1 from account a where a.id = any (accounts) for key share;
        get diagnostics locked = row_count;
        if locked < cardinality(accounts) then
            select o into missing from unnest(accounts) o where not exists (select 1 from account a where a.id = o) limit 1;
            raise foreign_key_violation using table = 'sales_transaction',
                message = 'sales_transaction refers to account ' || missing || ', which does not exist';
        end if;
    end if;
    if opportunities is not null then
        perform 1 from opportunity x where x.id = any (opportunities) for key share;
        get diagnostics locked = row_count;
        if locked < cardinality(opportunities) then
            select o into missing from unnest(opportunities) o where not exists (select 1 from opportunity x where x.id = o) limit 1;
            raise foreign_key_violation using table = 'sales_transaction',
                message = 'sales_transaction refers to opportunity ' || missing || ', which does not exist';
        end if;
    end if;
    return null;
end $$;

create trigger sales_transaction_references_on_insert after insert on sales_transaction
    referencing new table as written for each statement execute function sales_transaction_references_exist();
create trigger sales_transaction_references_on_update after update on sales_transaction
    referencing new table as written for each statement execute function sales_transaction_references_exist();

-- The referenced side: a person, account or opportunity that transactions name cannot go away or change its id.
create function sales_transaction_referenced_kept() returns trigger language plpgsql as $$
declare
    column_name text := tg_argv[0];
    still_named bigint;
begin
    -- Only ids that are really gone are looked up in sales_transaction: an update that keeps the ids
    -- (the usual case: a renamed person, an account import) never reads the transactions.
    if tg_op = 'UPDATE' then
        execute format('with removed as materialized (select id from gone except select id from kept)
                        select r.id from removed r where exists (select 1 from sales_transaction t where t.%I = r.id) limit 1',
                       column_name)
            into still_named;
    else
        execute format('with removed as materialized (select distinct id from gone)
                        select r.id from removed r where exists (select 1 from sales_transaction t where t.%I = r.id) limit 1',
                       column_name)
            into still_named;
    end if;
    if still_named is not null then
        raise foreign_key_violation using
            message = tg_table_name || ' ' || still_named || ' is still named by sales transactions',
            table = tg_table_name;
    end if;
    return null;
end $$;

create trigger person_kept_for_transactions_on_delete after delete on person
    referencing old table as gone for each statement execute function sales_transaction_referenced_kept('owner_id');
create trigger person_kept_for_transactions_on_update after update on person
    referencing old table as gone new table as kept for each statement
    execute function sales_transaction_referenced_kept('owner_id');
create trigger account_kept_for_transactions_on_delete after delete on account
    referencing old table as gone for each statement execute function sales_transaction_referenced_kept('account_id');
create trigger account_kept_for_transactions_on_update after update on account
    referencing old table as gone new table as kept for each statement
    execute function sales_transaction_referenced_kept('account_id');
create trigger opportunity_kept_for_transactions_on_delete after delete on opportunity
    referencing old table as gone for each statement execute function sales_transaction_referenced_kept('opportunity_id');
create trigger opportunity_kept_for_transactions_on_update after update on opportunity
    referencing old table as gone new table as kept for each statement
    execute function sales_transaction_referenced_kept('opportunity_id');
