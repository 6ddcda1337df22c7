-- An account's potential (owned by sales): what the account could buy in a year, as money (amount and
-- currency, both or neither), for planners to size and balance territories by. Published in sales_account_v.

alter table account
    add column potential          numeric(19,4) check (potential >= 0),
    add column potential_currency char(3),
    add constraint account_potential_currency check ((potential is null) = (potential_currency is null));

create or replace view sales_account_v as
select id, source, external_id, name, industry, country, postal_code, size_band, employees, region_id, owner_id,
       potential, potential_currency
from account;
