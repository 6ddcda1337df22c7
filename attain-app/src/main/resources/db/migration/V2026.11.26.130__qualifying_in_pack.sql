-- A line's qualifying transactions are, for almost every line, exactly its explained deals' ids in
-- order: writing them a second time as a text[] cost PostgreSQL an array parse per deal (ten million
-- at the benchmark's size) and the JVM a string per deal. Such lines now store '{}' in `qualifying`
-- and say so here; their ids are read from earnings_line_deal_pack. Lines whose qualifying ids differ
-- from their deals (or have no deals) keep the array as before.
alter table earnings_line add column qualifying_in_pack boolean not null default false;

-- Ad-hoc SQL reads a line's qualifying ids from here, wherever they are stored.
create view earnings_line_qualifying as
select l.result_id, l.line_no,
       case when l.qualifying_in_pack
            then coalesce((select array_agg(d.transaction_id order by d.deal_no)
                           from earnings_line_deal_pack p, explained_deals(p.deals) d
                           where p.result_id = l.result_id and p.line_no = l.line_no), '{}')
            else l.qualifying end as qualifying
from earnings_line l;
