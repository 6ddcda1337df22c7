-- org_version (migration .120) moves once per writing transaction instead of once per statement.
-- Loaders that insert people one statement at a time (a JDBC batch, the demo loader) updated the one
-- row 10,000 times in one transaction: 10,000 row versions that every reader then stepped over until
-- vacuum. A number only has to differ once the transaction commits, so a statement whose transaction
-- already moved that number leaves the row alone. Each number has its own writer: a transaction that
-- wrote accounts first still moves the people number when it then writes a person.
alter table org_version
    add column people_written_by xid8,
    add column accounts_written_by xid8;

create or replace function org_version_bump() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'account' then
        update org_version set accounts = accounts + 1, accounts_written_by = pg_current_xact_id(),
                               written_by = pg_current_xact_id()
        where id = 1 and accounts_written_by is distinct from pg_current_xact_id();
    else
        update org_version set people = people + 1, people_written_by = pg_current_xact_id(),
                               written_by = pg_current_xact_id()
        where id = 1 and people_written_by is distinct from pg_current_xact_id();
    end if;
    return null;
end $$;
