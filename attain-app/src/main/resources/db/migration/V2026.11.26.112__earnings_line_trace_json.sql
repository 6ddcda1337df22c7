-- An earnings line's trace is written once and only ever read back whole (trace::text); stored as json
-- (the text as written, syntax-checked) it costs the server no jsonb conversion of every key and value.
-- At 10,000 payees a full run writes ~50,000 lines, each trace with its first deals.
alter table earnings_line alter column trace type json using trace::json;
