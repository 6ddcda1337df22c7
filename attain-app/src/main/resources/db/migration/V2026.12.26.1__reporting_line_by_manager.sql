-- Who reports to a manager on a day: the walk down the tree behind every rep's and manager's visibility (org's
-- Visibility, twice per home page). The GiST index on (manager_id, daterange) did not serve its join: the planner
-- hashed the whole table instead (1.5 ms and 74 buffers per walk at 10,000 people, most of the home page's database
-- time under 50 users). A plain b-tree on the manager and start day turns each step into an index look-up (0.07 ms).
create index reporting_line_manager_from_idx on reporting_line (manager_id, valid_from);
