/**
 * Sales data: booked transactions with their versions, accounts, regions, products and opportunities,
 * and the in-memory transaction store with its change feed that large calculation runs read.
 * <p>
 * Owns tables: sales_transaction, sales_transaction_version, sales_transaction_removed,
 * sales_data_change_seq, account, region, product, opportunity.
 * <p>
 * Public API: {@link org.attain.sales.TransactionStore} (the store a run over many payees reads),
 * {@link org.attain.sales.BookedTransactions} (the same transactions by index for a run over a few, the
 * events and counts a run needs), {@link org.attain.sales.TransactionFacts} (what plan checks know of the
 * deals), {@link org.attain.sales.SalesKeys} (ids an import's rows refer to),
 * {@link org.attain.sales.TransactionWrites} (an import's staged rows written in the import's own
 * transaction) and the event {@link org.attain.sales.TransactionsChanged}, which it publishes.
 * Inside: {@code TransactionColumns} (pure column store), {@code TransactionChangeFeed} (change numbers
 * and the writers' advisory lock 7361, migration .110). Record imports write accounts, products and
 * opportunities through {@code SalesRecordTables} (the {@code records} SPI).
 */
package org.attain.sales;
