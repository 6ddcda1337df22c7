/**
 * Sales data: booked transactions with their versions, accounts, regions, products and opportunities,
 * and the in-memory transaction store with its change feed that large calculation runs read.
 * <p>
 * Owns tables: sales_transaction, sales_transaction_version, sales_transaction_removed,
 * sales_data_change_seq, account, region, product, opportunity.
 * <p>
 * Public API: {@link org.attain.sales.TransactionStore} (the store a run over many payees reads),
 * {@link org.attain.sales.BookedTransactions} (the same transactions by index, for a run over a few),
 * {@link org.attain.sales.TransactionWrites} (an import's staged rows written in the import's own
 * transaction) and the event {@link org.attain.sales.TransactionsChanged}.
 */
package org.attain.sales;
