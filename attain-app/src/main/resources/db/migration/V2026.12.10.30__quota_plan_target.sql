-- A node's number set by a planner or an import instead of its share of the top-down split (module planning).
-- The node's reports then share the set number (by the node's method, less what is set for some of them); set
-- numbers that leave a manager's reports not adding up to the manager stop the plan from publishing.
create table quota_plan_target (
    plan_id     bigint not null,
    person_id   bigint not null,
    amount      numeric(19,4) not null check (amount >= 0),
    set_by      text not null,
    set_at      timestamptz not null,
    primary key (plan_id, person_id),
    foreign key (plan_id, person_id) references quota_plan_node(plan_id, person_id) on delete cascade
);
