/**
 * Pipeline forecast: stage-weighted pipeline (amount × stage probability, set by the admin or learned from the
 * company's own closed deals by stage), forecast categories (pipeline, best case, commit, closed, omitted) rolled
 * up cumulatively through the reporting tree, managers' calls that override the roll-up with the computed figure
 * kept for audit, and a weekly history of calls.
 *
 * <p>The arithmetic is pure and tested without Spring: {@link org.attain.forecast.PipelineForecast} (weighted,
 * cumulative categories, accuracy), {@link org.attain.forecast.RollUp} (the tree with calls),
 * {@link org.attain.forecast.StageLearning} (win rates by stage).
 */
package org.attain.forecast;
