/**
 * Pipeline forecast: stage-weighted pipeline (amount × stage probability, set by the admin or learned from the
 * company's own closed deals by stage), forecast categories (pipeline, best case, commit, closed, omitted) rolled
 * up cumulatively through the reporting tree, managers' calls that override the roll-up with the computed figure
 * kept for audit, and a weekly history of calls.
 *
 * <p>Owns tables: forecast_stage, forecast_call (append-only, a trigger refuses changes), forecast_stage_snapshot
 * (migration 2026.12.12.10). Reads open and closed opportunities through sales' {@code Pipeline}, the reporting
 * tree through org's {@code ReportingLines} and {@code Visibility}, names through {@code org_person_v}, quotas
 * through quota's {@code quota_person_v} with {@code calendar_period_v}, rates through {@code fx.FxRates}. Public
 * API: {@link org.attain.forecast.Forecasts} (view, call, stages, snapshot). Publishes no view or event yet.
 *
 * <p>The arithmetic is pure and tested without Spring: {@link org.attain.forecast.PipelineForecast} (weighted,
 * cumulative categories, accuracy), {@link org.attain.forecast.RollUp} (the tree with calls),
 * {@link org.attain.forecast.StageLearning} (win rates by stage).
 */
package org.attain.forecast;
