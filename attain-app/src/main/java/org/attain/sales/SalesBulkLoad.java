package org.attain.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.attain.platform.SpooledCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * A whole company's sales data written at once, in the caller's transaction (the demo seeder's): regions
 * and products row by row, and accounts, opportunities and transactions with explicit ids spooled to
 * files and sent by COPY, the fastest way in (the demo company loads on every start). No change feed
 * entry and no {@link TransactionsChanged}: the seeder runs the first calculation itself.
 */
@Component
public class SalesBulkLoad {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionPartitions partitions;

    SalesBulkLoad(JdbcClient jdbc, DataSource dataSource, TransactionPartitions partitions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    /** @return the new region's id */
    public long region(String code, String name, String currency) {
        return jdbc.sql("insert into region(code, name, currency) values (:c, :n, :cur) returning id")
                .param("c", code)
                .param("n", name)
                .param("cur", currency)
                .query(Long.class)
                .single();
    }

    public void product(String code, String name, String family) {
        jdbc.sql("insert into product(code, name, family) values (:c, :n, :f)")
                .param("c", code)
                .param("n", name)
                .param("f", family)
                .update();
    }

    /** Spools for accounts, opportunities and transactions, sent by {@link Spool#copy()}; close it to delete the files. */
    public Spool spool() {
        return new Spool();
    }

    /** Rows in COPY's text format until {@link #copy()}; ids are given, so references resolve without a second pass. */
    public final class Spool implements AutoCloseable {

        private final SpooledCopy accounts = new SpooledCopy(
                "account",
                "id, external_id, name, industry, country, size_band, employees, region_id, owner_id, potential,"
                        + " potential_currency");
        private final SpooledCopy opportunities = new SpooledCopy(
                "opportunity",
                "id, external_id, name, account_id, owner_id, stage, deal_type, product_code, amount, currency, created_on, close_date, probability");
        private final SpooledCopy transactions = new SpooledCopy(
                "sales_transaction",
                "external_id, kind, status, opportunity_id, account_id, owner_id, close_date, amount, currency, deal_type,"
                        + " product_code, term_months, splits, attributes");
        /** The first day of every year the transactions close in: each gets its partition before the COPY. */
        private final java.util.Set<LocalDate> years = new java.util.TreeSet<>();

        private Spool() {}

        public void account(
                long id,
                String externalId,
                String name,
                String industry,
                String country,
                String sizeBand,
                int employees,
                Long regionId,
                Long ownerId,
                BigDecimal potential,
                String potentialCurrency) {
            accounts.row(
                    id,
                    externalId,
                    name,
                    industry,
                    country,
                    sizeBand,
                    employees,
                    regionId,
                    ownerId,
                    potential,
                    potentialCurrency);
        }

        public void opportunity(
                long id,
                String externalId,
                String name,
                Long accountId,
                Long ownerId,
                String stage,
                String dealType,
                String productCode,
                BigDecimal amount,
                String currency,
                LocalDate createdOn,
                LocalDate closeDate,
                BigDecimal probability) {
            opportunities.row(
                    id,
                    externalId,
                    name,
                    accountId,
                    ownerId,
                    stage,
                    dealType,
                    productCode,
                    amount,
                    currency,
                    createdOn,
                    closeDate,
                    probability);
        }

        /** {@code splits} and {@code attributes} are JSON text as stored (splits naming people by database id). */
        public void transaction(
                String externalId,
                String kind,
                String status,
                Long opportunityId,
                Long accountId,
                Long ownerId,
                LocalDate closeDate,
                BigDecimal amount,
                String currency,
                String dealType,
                String productCode,
                int termMonths,
                String splits,
                String attributes) {
            years.add(closeDate.withDayOfYear(1));
            transactions.row(
                    externalId,
                    kind,
                    status,
                    opportunityId,
                    accountId,
                    ownerId,
                    closeDate,
                    amount,
                    currency,
                    dealType,
                    productCode,
                    termMonths,
                    splits,
                    attributes);
        }

        public long opportunities() {
            return opportunities.rows();
        }

        public long transactions() {
            return transactions.rows();
        }

        /** Sends accounts, opportunities and transactions, then moves the id sequences past the given ids. */
        public void copy() throws SQLException {
            partitions.ensureYearsOf(years);
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                accounts.copyInto(connection);
                opportunities.copyInto(connection);
                transactions.copyInto(connection);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            jdbc.sql(
                            "select setval(pg_get_serial_sequence('account', 'id'), greatest((select max(id) from account), 1))")
                    .query()
                    .singleRow();
            jdbc.sql(
                            "select setval(pg_get_serial_sequence('opportunity', 'id'), greatest((select max(id) from opportunity), 1))")
                    .query()
                    .singleRow();
        }

        @Override
        public void close() {
            try {
                accounts.close();
            } finally {
                try {
                    opportunities.close();
                } finally {
                    transactions.close();
                }
            }
        }
    }
}
