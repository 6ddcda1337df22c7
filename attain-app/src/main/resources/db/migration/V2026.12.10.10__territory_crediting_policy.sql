-- Territories (capability org.attain.territory): the company's one crediting policy. Off by default, so runs
-- credit exactly as before; on, deals on the accounts the chosen hierarchy's territories claim credit the
-- territory's owner and overlays on the credit date, in the given precedence (TERRITORY, OWNER).
create table territory_crediting_policy (
    id            int primary key default 1 check (id = 1),
    enabled       boolean not null default false,
    hierarchy_id  bigint references territory_hierarchy(id),
    precedence    text[] not null default '{TERRITORY,OWNER}',
    primary_once  boolean not null default true,
    changed_at    timestamptz,
    changed_by    text,
    check (cardinality(precedence) between 1 and 2 and precedence <@ array['TERRITORY', 'OWNER']),
    check (not enabled or hierarchy_id is not null or not ('TERRITORY' = any(precedence)))
);
insert into territory_crediting_policy(id) values (1);
