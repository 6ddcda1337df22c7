-- Read views for the readers of regions and teams outside their owners (see migration .90 for the
-- rules: plain selects the planner inlines, listed as public in the owner's package-info).

-- sales: regions (org shows a person's and a team's region, quota a team's currency).
create view sales_region_v as
select id, code, name, currency from region;

-- org: teams (quota lists every team with its pod quota and checks the teams it is given).
create view org_team_v as
select id, code, name, region_id from team;
