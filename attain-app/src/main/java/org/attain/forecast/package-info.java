/**
 * Pipeline forecast: stage-weighted pipeline (amount × stage probability, set by the admin or learned from the
 * company's own closed deals by stage and by the deal's age then: {@link org.attain.forecast.StageAgeLearning}),
 * forecast categories (pipeline, best case, commit, closed, omitted) from each deal's stage or set per deal, rolled
 * up cumulatively through the reporting tree, managers' calls that override the roll-up with the computed figure
 * kept for audit, and a weekly history of calls taken by a scheduled job ({@link org.attain.forecast.WeeklyForecastSnapshot},
 * Mondays, clock injected).
 *
 * <p>Owns tables: forecast_stage, forecast_call (append-only, a trigger refuses changes), forecast_stage_snapshot
 * (migration 2026.12.12.10; each open deal's close date that week since 2026.12.30.20), forecast_deal_category
 * (2026.12.19.11), forecast_call_week (2026.12.19.12). Reads open and closed opportunities through sales' {@code Pipeline}, the reporting
 * tree through org's {@code ReportingLines} and {@code Visibility}, names through {@code org_person_v}, quotas
 * through quota's {@code quota_person_v} with {@code calendar_period_v}, rates through {@code fx.FxRates}. Public
 * API: {@link org.attain.forecast.Forecasts} (view, call, stages, snapshot). Publishes no view or event yet.
 *
 * <p>Statistical forecast ({@link org.attain.forecast.StatisticalForecasts}): won bookings per month of the company, a
 * region or a team (sales' {@code sales_booking_v}; an owner's region through {@code org_person_v}, team membership on
 * the close date through org's {@code Teams}) forecast by seasonal naive, damped Holt-Winters (additive and
 * multiplicative season) and pipeline + run-rate (sales' {@code Pipeline}); each backtested with a rolling origin on
 * the scope's own history, the lowest error picked, its interval read from its backtest errors (pipeline + run-rate
 * forecasts each origin from the close dates the weekly snapshot recorded then; origins before those were kept use
 * today's, which flatters it: it is then shown with that said and not picked); a Monte-Carlo range of
 * the current quarter from the probabilities the pipeline forecast weighs the open deals with (fixed seed). Fewer than
 * {@link org.attain.forecast.StatisticalForecasts#MINIMUM_MONTHS} months of bookings: no forecast, said so. Owns no
 * table for it: everything is computed on request.
 *
 * <p>The arithmetic is pure and tested without Spring: {@link org.attain.forecast.PipelineForecast} (weighted,
 * cumulative categories, accuracy), {@link org.attain.forecast.RollUp} (the tree with calls),
 * {@link org.attain.forecast.StageLearning} (win rates by stage), {@link org.attain.forecast.HoltWinters} (fit by a
 * deterministic grid; no maintained ETS library is served to this build), {@link org.attain.forecast.StatisticalForecast}
 * (forecasters, backtest, MAPE/sMAPE/MASE/bias, pick, intervals), {@link org.attain.forecast.MonteCarloRange}.
 * {@code SuperstoreBenchmarkTest} checks the picked method against seasonal naive on public data (docs/benchmarks.md).
 */
package org.attain.forecast;
