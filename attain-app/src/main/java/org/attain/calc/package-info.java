/**
 * Runs the engine over a snapshot of the inputs and stores immutable, versioned results.
 *
 * <p>Owns tables: calc_run, payee_period_result, earnings_line, earnings_line_deal_pack, earnings_line_deals.
 * Inputs arrive one way: each owner adds its part of a run's snapshot through {@link
 * org.attain.calcinputs.CalcInputContributor}. Recalculation is asked for one way: owners publish past-tense events
 * implementing {@link org.attain.calcinputs.PayInputsChanged} (and ingest's TransactionsChanged), which
 * {@code RecalculateOnChange} turns into runs after commit.
 *
 * <p>Public views (migration .90), the only way other capabilities read results: {@code calc_result_v}
 * (every stored result), {@code calc_current_result_v} (the current result per payee-period),
 * {@code calc_current_line_v} (current lines with payee, period, currency, attainment and the run's plan
 * versions) and {@code calc_earnings_line_v} (a result's lines with their packed explained deals).
 */
package org.attain.calc;
