-- The booked transactions a run did not cover (credit date outside its periods), per fiscal year:
-- {"2019": 1204}. Null for runs before this column existed; {} when everything was covered.
alter table calc_run add column not_covered jsonb;
