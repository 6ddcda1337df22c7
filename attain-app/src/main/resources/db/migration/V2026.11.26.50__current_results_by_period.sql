-- Reports and finance read the current results of whole periods; every run adds versions that are
-- not current, so without this they would scan all of history.
create index payee_period_result_period_current_idx on payee_period_result(period_id)
    include (person_id, currency, earnings, payout, attainment) where is_current;
