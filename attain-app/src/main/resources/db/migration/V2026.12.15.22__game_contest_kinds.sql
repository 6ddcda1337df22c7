-- Gamification contests: team battles (teams' summed or average metric) and brackets (pairings per round, the
-- winner advances), item prizes (recorded and shown, never in the payout ledger) and prize codes (a prize that
-- exists once, such as a trophy or a budget line: no two contests offer it, so it is never paid twice).
alter table game_contest drop constraint game_contest_kind_check;
alter table game_contest add constraint game_contest_kind_check
    check (kind in ('RACE','CLASSIC','ELIMINATION','TEAM_BATTLE','BRACKET'));
alter table game_contest add column team_score text check (team_score is null or team_score in ('SUM','AVERAGE'));
alter table game_contest add constraint game_contest_team_check check ((kind = 'TEAM_BATTLE') = (team_score is not null));
alter table game_contest add constraint game_contest_bracket_check check (kind <> 'BRACKET' or interval_days is not null);

-- The order participants were given in (a bracket's seeds) and, in a team battle, the team each competes for.
alter table game_contest_participant add column seed int;
alter table game_contest_participant add column team text;

alter table game_contest_prize add column item text check (item is null or length(btrim(item)) between 1 and 200);
alter table game_contest_prize add column code text check (code is null or length(btrim(code)) between 1 and 100);
do $$
declare c text;
begin
    select conname into c from pg_constraint
    where conrelid = 'game_contest_prize'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%cash IS NOT NULL%points IS NOT NULL%';
    execute format('alter table game_contest_prize drop constraint %I', c);
end $$;
alter table game_contest_prize add constraint game_contest_prize_something_check
    check (cash is not null or points is not null or item is not null);
create unique index game_contest_prize_code_idx on game_contest_prize (lower(code)) where code is not null;

alter table game_award add column item text;
alter table game_award add column code text;
create unique index game_award_code_idx on game_award (lower(code)) where code is not null;
