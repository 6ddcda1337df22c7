-- Separation of duties, kept by the database as well: an approval or an adjustment written by the
-- user whose own pay it is never lands, whichever path writes it. The services refuse first, with a
-- 403 and a reason in the user's language (payout.OwnPay); this is the backstop behind them. It reads
-- app_user (owned by access) only to map the acting login to its person.
create function refuse_own_pay() returns trigger language plpgsql as $$
declare
    actor text := to_jsonb(new) ->> tg_argv[0];
begin
    if exists (select 1 from app_user u where u.username = actor and u.person_id = new.person_id) then
        raise exception 'separation of duties: % may not write % for their own pay (person %)',
            actor, tg_table_name, new.person_id using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger payout_approval_not_own before insert or update of person_id, approved_by on payout_approval
    for each row execute function refuse_own_pay('approved_by');
create trigger payout_adjustment_not_own before insert or update of person_id, created_by on payout_adjustment
    for each row execute function refuse_own_pay('created_by');
