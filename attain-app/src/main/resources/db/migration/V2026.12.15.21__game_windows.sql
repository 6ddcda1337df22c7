-- Gamification windows: a board measures a period (as before), a custom date range, the rolling last N days or this
-- week or month (resolved whenever it is shown). Contests resolve a window into their start and end days when created.
alter table game_board alter column period_id drop not null;
alter table game_board add column window_kind text not null default 'PERIOD'
    check (window_kind in ('PERIOD','RANGE','ROLLING','THIS_WEEK','THIS_MONTH'));
alter table game_board add column window_from date;
alter table game_board add column window_to date;
alter table game_board add column window_days int check (window_days is null or window_days between 1 and 366);
alter table game_board add constraint game_board_window_check check (
    (window_kind <> 'PERIOD' or period_id is not null)
    and (window_kind <> 'RANGE' or (window_from is not null and window_to is not null and window_to >= window_from))
    and (window_kind <> 'ROLLING' or window_days is not null));
