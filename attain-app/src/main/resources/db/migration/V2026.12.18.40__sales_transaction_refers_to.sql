-- Returns and reversals name the deal they take back (issue 20, point 4): refers_to holds the original's
-- external id in the same source. A linked return claws back what the original earned, at the rates it earned
-- it, in the period where the return is recorded; it is no booking of its own (unless the plan says so).
alter table sales_transaction drop constraint sales_transaction_kind_check;
alter table sales_transaction add constraint sales_transaction_kind_check
    check (kind in ('DEAL','ORDER','RETURN','REVERSAL','CANCELLATION','INVOICE_PAYMENT'));
alter table sales_transaction add column refers_to text;
alter table sales_transaction add constraint sales_transaction_refers_to_check
    check (refers_to is null or (kind in ('RETURN','REVERSAL') and refers_to <> external_id));
create index sales_transaction_refers_to_idx on sales_transaction(source, refers_to) where refers_to is not null;

alter table sales_transaction_version add column refers_to text;
