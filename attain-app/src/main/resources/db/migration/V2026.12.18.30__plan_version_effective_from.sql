-- A plan version is in force from its effective date until the next version's. Versions published before
-- versions had dates have none: in force from the beginning (the latest of them, as before, pays).
alter table plan_version add column effective_from date;
