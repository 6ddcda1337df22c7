/**
 * Runs the engine over a snapshot of the inputs and stores immutable, versioned results.
 *
 * <p>Owns tables: calc_run, payee_period_result, earnings_line, earnings_line_deal_pack, earnings_line_deals. The
 * three large ones are partitioned by the year of their period (_YYYY, _default; migration 2027.01.01.10): lines
 * and packs carry their result's period_id, and {@code ResultWriter.partitionsFor} makes a new year's partitions
 * before a run writes it.
 * Inputs arrive one way: each owner adds its part of a run's snapshot through {@link
 * org.attain.calcinputs.CalcInputContributor}. Recalculation is asked for one way: owners publish past-tense events
 * implementing {@link org.attain.calcinputs.PayInputsChanged} (and ingest's TransactionsChanged), which
 * {@code RecalculateOnChange} turns into runs after commit.
 *
 * <p>{@link org.attain.calc.DraftPreviews} runs the engine on one person's snapshot for the plan editor, writing
 * nothing: their statement under a draft beside the published one, and a scenario made from their real deals.
 *
 * <p>Public views (migration .90), the only way other capabilities read results: {@code calc_result_v}
 * (every stored result), {@code calc_current_result_v} (the current result per payee-period),
 * {@code calc_current_line_v} (current lines with payee, period, currency, attainment and the run's plan
 * versions) and {@code calc_earnings_line_v} (a result's lines with their packed explained deals).
 *
 * <h2>How a run stores its results</h2>
 * A run calls the engine payee-chunk by payee-chunk on all cores and writes results, earnings lines and the
 * explained deals with COPY (every value escaped by {@code platform.CopyText}) as rows that are not yet
 * current, then switches them to current in one transaction. Results only move forward: a run's result
 * becomes current for a payee-period only if no run started after it has made its own current there
 * ({@code ResultWriter.makeCurrent}; runs are ordered by id, drawn before any input is read, and every change
 * asks for a recalculation once it has committed, so the latest-started run read every change); the run
 * counts what it left alone ({@code calc_run.superseded}). One payee never stops a run: a payee whose inputs
 * make the engine fail, or whose results hold a value the result tables cannot (beyond numeric(19,4)), is
 * left out and listed on the run with the reason ({@code calc_run.failed_payees}) and keeps their previous
 * results; each chunk is stored in one transaction and, if the database refuses a value, again payee by payee.
 * <p>
 * A run over many payees indexes what all chunks share once ({@code Engine.prepare}: people, plans, quotas,
 * reporting lines, events) and computes chunks of 25 payees, each indexing only its own transactions: small
 * chunks keep little alive through each young collection (large ones made the collector's pauses half the
 * run). Inside a chunk read from the store, five payees at a time are computed and their explained deals
 * packed at once, while the objects are still in the processor's cache; the chunk is then written with one
 * set of COPYs. Each run records where its time went in {@code calc_run.timings}.
 * <p>
 * A chunk reads the transactions that can credit its payees ({@code CalcInputs.Snapshot.reach}): those the
 * payees, their pod mates and (when a plan rolls up) everyone who ever reported to them own or share, and, when
 * crediting goes by territory, those on the accounts the territories of any of these people claim in the run's
 * window (the contributor says which: {@code Scope.accountsCrediting}). The engine then decides by the territory in
 * force on each close date, so the numbers do not depend on the chunk size or on how few payees a run covers.
 * Plans with a {@code from: territory} credit rule still hand every chunk every transaction.
 * <p>
 * The explained deals of a line are stored as one binary value ({@code earnings_line_deal_pack.deals},
 * format in {@code PackedDeals}: every id, date, rule, share, credit, tier slice and amount, numbers as
 * unscaled value + scale so they come back exactly). Since format 3 (migration .132) a deal holds everything
 * its trace shows (via, FX factor, source amount, slice bounds and amounts): a line's JSON trace keeps its
 * steps and deal count only, and {@code pay.Earnings} puts the first ten deals back from the pack. The SQL
 * function {@code explained_deals(bytea)} and the view {@code earnings_line_deal} unpack them for ad-hoc SQL;
 * {@code GET /api/v1/people/{id}/earnings/lines/{line}/deals} pages them. A line whose qualifying
 * transactions are its explained deals keeps their ids only in the pack ({@code qualifying_in_pack},
 * migration .130; SQL reads them through {@code earnings_line_qualifying}). A result's fingerprint covers its
 * payout, each line's amounts, its pack (by length and two CRCs) and its ledger: what counts as a change of
 * pay (approvals stay valid across equal fingerprints). A run stores only what changed: a result whose
 * content hash ({@code ResultFingerprint.content}: the fingerprint plus everything shown, and the plan
 * versions the run compiled) equals the current one's is not stored again; the run records the payees it
 * computed ({@code calc_run.claimed_payees}) so an older run finishing later cannot replace it, and stores
 * a copy when an older run replaced it meanwhile ({@code ResultWriter.makeCurrent}). A copy's
 * {@code deals_in} names the result holding its explained deals, and every reader (views,
 * {@code ExplainedDeals}) joins the pack through {@code coalesce(deals_in, id)}.
 */
package org.attain.calc;
