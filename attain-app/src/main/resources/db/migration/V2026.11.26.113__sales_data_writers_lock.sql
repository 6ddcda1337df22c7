-- Account and region changes carry change numbers too (migration .110) and the transaction store reads
-- them by number, so their writers hold the same shared lock until commit as writers of transactions:
-- otherwise an account update still in flight could hold a number below one the store has already read.
create trigger account_writers before insert or update or delete or truncate on account
    for each statement execute function sales_transaction_writer_lock();
create trigger region_writers before insert or update or delete or truncate on region
    for each statement execute function sales_transaction_writer_lock();
