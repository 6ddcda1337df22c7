-- calendar: the periods as other capabilities may read them in SQL (imports check period ids and
-- closed periods in one pass); calendar alone writes the table.
create view calendar_period_v as
select id, kind, fiscal_year, starts_on, ends_on, status, closed_at from period;
