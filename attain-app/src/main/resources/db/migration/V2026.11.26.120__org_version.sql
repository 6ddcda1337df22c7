-- Version numbers of the organisation: every statement that writes person, reporting_line, team or
-- team_membership adds one to people, every statement that writes account one to accounts, whoever
-- runs it (services, imports, connectors, the demo and benchmark loaders, plain SQL). Readers that
-- keep the people directory or the org chart in memory compare the number with the one they loaded
-- at and read again only when it moved: a single-deal import and its recalculation no longer read
-- all 10,000 people and reporting lines each time.
--
-- Accounts count apart so a CRM sync of accounts does not make the calculation reload the people.
-- The numbers are a row, not a sequence: they move when the writing transaction commits, so a reader
-- never sees a new number next to old rows. Loading order for readers: read the number first, then
-- the rows (rows committed in between only make the next check reload). written_by names the last
-- writing transaction, so a reader inside a transaction that changed the org itself (uncommitted,
-- maybe rolled back) neither trusts nor keeps what it reads. Writers of the org take turns on the row
-- until they commit; org changes are rare and short next to the reads this saves.
create table org_version (
    id          int primary key check (id = 1),
    people      bigint not null,
    accounts    bigint not null,
    written_by  xid8
);
insert into org_version(id, people, accounts) values (1, 0, 0);

create function org_version_bump() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'account' then
        update org_version set accounts = accounts + 1, written_by = pg_current_xact_id() where id = 1;
    else
        update org_version set people = people + 1, written_by = pg_current_xact_id() where id = 1;
    end if;
    return null;
end $$;

create trigger person_moves_org_version after insert or update or delete or truncate on person
    for each statement execute function org_version_bump();
create trigger reporting_line_moves_org_version after insert or update or delete or truncate on reporting_line
    for each statement execute function org_version_bump();
create trigger team_moves_org_version after insert or update or delete or truncate on team
    for each statement execute function org_version_bump();
create trigger team_membership_moves_org_version after insert or update or delete or truncate on team_membership
    for each statement execute function org_version_bump();
create trigger account_moves_org_version after insert or update or delete or truncate on account
    for each statement execute function org_version_bump();
