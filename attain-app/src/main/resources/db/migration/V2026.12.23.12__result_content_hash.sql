-- What decides that a rerun's result need not be stored again: a digest of everything stored for it (the
-- fingerprint, which covers payout, lines' amounts, explained deals and ledger, plus currency, earnings, quota,
-- attainment, measures, each line's kind, plan, period and trace steps, and the plan versions the run compiled,
-- which pages name as the version that paid a line). The fingerprint alone leaves these out: it decides what
-- counts as a change of pay (approvals, "changed" counts), not what is shown. Null for rows stored before.
alter table payee_period_result add column content_hash text;
