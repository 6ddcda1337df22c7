/**
 * Sales data: booked transactions with their versions, accounts, regions, products and opportunities,
 * and the in-memory transaction store with its change feed that large calculation runs read.
 * <p>
 * Owns tables: sales_transaction (with its yearly partitions sales_transaction_YYYY and
 * sales_transaction_default), sales_transaction_key, sales_transaction_version, sales_transaction_removed,
 * sales_data_change_seq, account, region, product, opportunity.
 * <p>
 * Public API: {@link org.attain.sales.TransactionStore} (the store a run over many payees reads),
 * {@link org.attain.sales.BookedTransactions} (the same transactions by index for a run over a few, the
 * events and counts a run needs), {@link org.attain.sales.TransactionFacts} (what plan checks know of the
 * deals), {@link org.attain.sales.SalesKeys} (ids an import's rows refer to),
 * {@link org.attain.sales.TransactionPartitions} (the table's yearly partitions, made before a load writes a year),
 * {@link org.attain.sales.TransactionWrites} (an import's staged rows written in the import's own
 * transaction), {@link org.attain.sales.AccountWrites} and {@link org.attain.sales.OpportunityWrites} (a CRM's
 * accounts and deals upserted one by one in the caller's transaction), {@link org.attain.sales.Pipeline} (opportunities closing in a range and their current stages, for the
 * forecast), {@link org.attain.sales.ContractTerms} (term, start and cancellation of booked deals, for commission
 * expense), {@link org.attain.sales.SalesBulkLoad}
 * (the demo company's regions, products, accounts, opportunities and transactions, by COPY) and the events
 * {@link org.attain.sales.TransactionsChanged} and {@link org.attain.sales.OpportunitiesChanged}, which it publishes. Public view (migration 2026.12.08.20):
 * {@code sales_region_v} (every region's id, code, name and currency); {@code sales_account_v}
 * (migration 2026.12.09.10; with each account's potential and its currency since 2026.12.10.20: money an account could
 * buy in a year, imported with the accounts, seeded by the demo from the account's size).
 * {@link org.attain.sales.SalesFigures#wonByAccount} gives won bookings per account and currency.
 * {@link org.attain.sales.PerformanceFigures} gives won bookings, opportunities created/won/lost and the open
 * pipeline per owner and month, for performance analytics.
 * {@code SalesFigures#createdByOwner} (pipeline created: opportunities by creation day), {@code wonByOwnerAndDay} and
 * {@code openPipelineByOwner} give owners' amounts per day and currency, for reads that convert currencies.
 * Inside: {@code TransactionColumns} (pure column store), {@code TransactionChangeFeed} (change numbers
 * and the writers' advisory lock 7361, migration .110). Record imports write accounts, products and
 * opportunities through {@code SalesRecordTables} (the {@code records} SPI).
 * <p>
 * A transaction's {@code account} attributes (what territory rules read: industry, country, size band, region)
 * carry the account's id under {@code id} (a {@code Long}), by which territory crediting finds the territory that
 * claims the deal; both reads take, besides a run's people, the accounts whose deals may credit them
 * ({@code read(client, window, people, accounts)}, {@code Reading.transactions(people, accounts, window)}; the
 * store indexes slots by account on the first such read after a change).
 *
 * <h2>The transaction store</h2>
 * A run over a few payees (a single deal) reads their transactions from PostgreSQL by index
 * ({@code BookedTransactions}); a run over many reads them from {@code TransactionStore}, which holds every
 * booked transaction in memory column by column (~80 bytes each) and, at the start of such a run, reads only
 * what changed since its last refresh. Change numbers from one sequence (migration .110) mark every
 * insert/update of a transaction, account or region; deletes and TRUNCATE leave marks in
 * {@code sales_transaction_removed}; every statement writing {@code sales_transaction}, {@code account} or
 * {@code region} holds a shared advisory lock (key 7361) until commit. The store takes the exclusive one only
 * for a moment to read the highest number handed out (every row at or below it is then committed), reads the
 * rows up to it without the lock, and takes the lock again for what was written meanwhile: no committed row
 * hides below a number it has read, and a first fill of ten million rows does not hold writers back (if a
 * long import keeps the lock for more than 2 s, the run reads PostgreSQL instead).
 * <p>
 * The store keeps its rows grouped by owner, each owner's in credit order (regrouped when a quarter of the
 * rows arrived since, dropping removed ones; ids are found through a sorted id index), so a chunk's
 * transactions are a few runs of neighbouring slots rather than rows spread over the store in import order.
 * It hands the engine each chunk's transactions in credit order (date, id), so the engine's sort is one
 * pass; it reads a chunk's columns in slot order into rows and builds the engine's objects from those rows in
 * credit order. It is loaded in the background at start-up; {@code TransactionStoreTest} checks it returns
 * exactly what the database query returns after every kind of change.
 * <p>
 * A return or reversal may name the deal it takes back ({@code sales_transaction.refers_to}, the deal's external id in
 * the same source; migration 2026.12.18.40): {@code BookedTransactions.returnLinks} hands runs these links as engine
 * events and {@code earliestReturnedDeal} how far back a run must read; {@code TransactionWrites.markUnknownOriginals}
 * quarantines an imported return whose deal is neither stored nor in the same file.
 * <p>
 * {@code sales_transaction} is range-partitioned by year of {@code close_date} (migration 2026.12.31.90): a run's
 * read of its window touches only the window's years. {@link org.attain.sales.TransactionPartitions} gives a year
 * its partition before its rows are written (imports, the demo's and the benchmark's COPY); rows of a year without
 * one land in the default partition and move when it is made. The keys that must hold across partitions (id, and
 * source with external id) live in {@code sales_transaction_key}, kept by statement-level triggers in the writing
 * statement; {@code sales_transaction_version} refers to it.
 * <p>
 * {@code sales_transaction} checks its references (owner, account, opportunity) with statement-level
 * triggers instead of declarative foreign keys (migration .80): the same rule and error (SQLSTATE 23503),
 * with the referenced rows locked as a key would, but one check per statement instead of three lookups per
 * row, which dominated a million-row import.
 */
package org.attain.sales;
