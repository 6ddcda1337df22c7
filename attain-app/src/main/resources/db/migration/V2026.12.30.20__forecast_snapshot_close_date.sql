-- forecast: the weekly stage snapshot also keeps the close date each open deal had that week, so the pipeline +
-- run-rate backtest forecasts from the close dates known at each origin instead of today's (a deal that slipped out of
-- a month counted in that month's pipeline then). Rows taken before this have none.
alter table forecast_stage_snapshot add column close_date date;
