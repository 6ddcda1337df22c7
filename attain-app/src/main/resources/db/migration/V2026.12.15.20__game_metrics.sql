-- Gamification metrics: pipeline created (opportunities created in the window) and a formula (a CEL expression
-- over the other metrics by name, such as bookings + 1000 * meetings), on boards and contests.
alter table game_board drop constraint game_board_metric_check;
alter table game_board add constraint game_board_metric_check
    check (metric in ('BOOKINGS','DEALS_WON','ATTAINMENT','CALLS','MEETINGS','PIPELINE','PIPELINE_CREATED','FORMULA'));
alter table game_board add column formula text check (formula is null or length(formula) between 1 and 500);
alter table game_board add constraint game_board_formula_metric_check check ((metric = 'FORMULA') = (formula is not null));

alter table game_contest drop constraint game_contest_metric_check;
alter table game_contest add constraint game_contest_metric_check
    check (metric in ('BOOKINGS','DEALS_WON','CALLS','MEETINGS','PIPELINE','PIPELINE_CREATED','FORMULA'));
alter table game_contest add column formula text check (formula is null or length(formula) between 1 and 500);
alter table game_contest add constraint game_contest_formula_metric_check check ((metric = 'FORMULA') = (formula is not null));
