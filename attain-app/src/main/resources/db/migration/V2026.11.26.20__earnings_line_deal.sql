-- Explained per-transaction earnings: one row per deal that contributed to an earnings line, with the
-- credit and the tier slices it fell into. Typed columns instead of JSON so millions of rows can be
-- written with COPY and summed in SQL; the line's JSON trace keeps only the first few deals for pages.
create table earnings_line_deal (
    result_id       bigint not null,
    line_no         int not null,
    deal_no         int not null,
    transaction_id  text not null,
    close_date      date not null,
    credit_rule     text,
    share           numeric(19,10),
    credited        numeric(19,4),
    currency        char(3),
    tiers           int[] not null default '{}',
    tier_bases      numeric[] not null default '{}',
    tier_rates      numeric[] not null default '{}',
    amount          numeric not null,
    primary key (result_id, line_no, deal_no)
);

-- The people a transaction's splits name, so a run for a few payees loads only their transactions.
create function split_person_ids(splits jsonb) returns bigint[]
    language sql immutable parallel safe
    return array(select (s ->> 'person_id')::bigint from jsonb_array_elements(coalesce(splits, '[]'::jsonb)) s);

create index sales_transaction_split_people_idx on sales_transaction
    using gin (split_person_ids(splits)) where splits is not null;
