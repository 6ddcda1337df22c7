-- planning.capacity: the revenue target of a currency may come from an approved or published quota plan's top
-- (its target split evenly over the plan's months) instead of the typed monthly targets, which are kept meanwhile.
alter table capacity_setting add column target_plan_id bigint references quota_plan(id) on delete set null;
