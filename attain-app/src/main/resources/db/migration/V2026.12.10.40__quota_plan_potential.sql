-- A quota plan node's subtree potential (the accounts its people own, in the plan's currency), taken with history
-- and pipeline when the plan is made, so a planner can split a number by account potential.
alter table quota_plan_node add column potential numeric(19,4) not null default 0;
