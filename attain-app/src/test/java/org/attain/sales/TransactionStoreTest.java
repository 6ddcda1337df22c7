package org.attain.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.attain.engine.model.Transaction;
import org.attain.engine.time.DateRange;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The in-memory transaction store hands a run exactly what reading the database would, after every
 * kind of change a source system or an admin makes: new deals, changed amounts and owners, removed
 * rows, cancellations, account attributes that territory rules read.
 */
class TransactionStoreTest extends AttainIntegrationTest {

    private static final DateRange EVER = new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31));

    @Autowired
    TransactionStore store;

    @Autowired
    BookedTransactions booked;

    @Autowired
    JdbcClient jdbc;

    @Test
    void holdsWhatTheDatabaseHoldsThroughEveryKindOfChange() {
        assertStoreEqualsDatabase();

        long dealId = jdbc.sql("select min(id) from sales_transaction where kind = 'DEAL' and account_id is not null")
                .query(Long.class)
                .single();
        var deal = jdbc.sql("select owner_id, account_id, amount, close_date from sales_transaction where id = :id")
                .param("id", dealId)
                .query()
                .singleRow();
        long otherRep = jdbc.sql("select min(id) from person where id <> :o and role_type = 'REP'")
                .param("o", deal.get("owner_id"))
                .query(Long.class)
                .single();
        long accountId = ((Number) deal.get("account_id")).longValue();
        String industry = jdbc.sql("select industry from account where id = :id")
                .param("id", accountId)
                .query(String.class)
                .single();
        try {
            jdbc.sql("update sales_transaction set amount = amount + 1.2345, owner_id = :o where id = :id")
                    .param("o", otherRep)
                    .param("id", dealId)
                    .update();
            jdbc.sql("""
                    insert into sales_transaction (source, external_id, kind, status, owner_id, close_date, amount, currency,
                                                   deal_type, product_code, term_months, splits, attributes, account_id)
                    values ('crm', 'store-test-1', 'DEAL', 'won', :o, :d, 999.5, 'EUR', 'NEW_LOGO', 'X', 24,
                            cast(:splits as jsonb), '{"region_hint": "north", "margin": 0.25}', :a)""")
                    .param("o", otherRep)
                    .param("d", deal.get("close_date"))
                    .param(
                            "splits",
                            "[{\"person_id\": " + otherRep + ", \"share\": \"0.60\"}, {\"person_id\": "
                                    + deal.get("owner_id") + ", \"share\": \"0.40\"}]")
                    .param("a", accountId)
                    .update();
            jdbc.sql("update sales_transaction set kind = 'CANCELLATION' where external_id = 'store-test-1'")
                    .update();
            jdbc.sql("update sales_transaction set kind = 'DEAL' where external_id = 'store-test-1'")
                    .update();
            jdbc.sql("update account set industry = 'Store test industry' where id = :id")
                    .param("id", accountId)
                    .update();
            assertStoreEqualsDatabase();
            assertThat(read(null)).anySatisfy(t -> {
                assertThat(t.id().value()).isEqualTo("crm:store-test-1");
                assertThat(t.splits()).hasSize(2);
                assertThat(t.account()).containsEntry("industry", "Store test industry");
            });
            assertThat(read(Set.of(((Number) deal.get("owner_id")).longValue())))
                    .as("a split partner sees the shared deal")
                    .anyMatch(t -> t.id().value().equals("crm:store-test-1"));
        } finally {
            jdbc.sql("delete from sales_transaction where external_id = 'store-test-1'")
                    .update();
            jdbc.sql("update sales_transaction set amount = :amount, owner_id = :o where id = :id")
                    .param("amount", deal.get("amount"))
                    .param("o", deal.get("owner_id"))
                    .param("id", dealId)
                    .update();
            jdbc.sql("update account set industry = :i where id = :id")
                    .param("i", industry)
                    .param("id", accountId)
                    .update();
        }
        assertStoreEqualsDatabase();
        assertThat(read(null)).noneMatch(t -> t.id().value().equals("crm:store-test-1"));
    }

    @Test
    void staysRightWhenItRegroupsItsRowsAfterManyChanges() {
        assertStoreEqualsDatabase();
        List<Long> reps = jdbc.sql("select id from person where role_type = 'REP' order by id limit 3")
                .query(Long.class)
                .list();
        long held = jdbc.sql(
                        "select count(*) from sales_transaction where kind not in ('CANCELLATION', 'INVOICE_PAYMENT')")
                .query(Long.class)
                .single();
        try {
            // A row that does not count yet, then a later one that does: when the first becomes a deal it
            // arrives after a higher id, and the store puts the new rows in id order again.
            insert("regroup-early", "CANCELLATION", reps.get(0));
            assertStoreEqualsDatabase();
            insert("regroup-late", "DEAL", reps.get(1));
            assertStoreEqualsDatabase();
            jdbc.sql("update sales_transaction set kind = 'DEAL' where external_id = 'regroup-early'")
                    .update();
            assertStoreEqualsDatabase();
            // More than a quarter of the store new, some old rows gone, one changed: the store regroups by
            // owner, drops the removed rows and finds every row by id again.
            jdbc.sql("""
                    insert into sales_transaction (source, external_id, kind, status, owner_id, close_date, amount, currency)
                    select 'crm', 'regroup-bulk-' || n, 'DEAL', 'won', (array[:a, :b, :c])[1 + n % 3],
                           date '2026-01-01' + (n % 300), 100 + n * 0.0001, 'EUR'
                    from generate_series(1, cast(:n as int)) n""")
                    .param("a", reps.get(0))
                    .param("b", reps.get(1))
                    .param("c", reps.get(2))
                    .param("n", held / 3 + 10)
                    .update();
            jdbc.sql(
                            "update sales_transaction set kind = 'CANCELLATION' where external_id in ('regroup-bulk-5', 'regroup-late')")
                    .update();
            assertStoreEqualsDatabase();
            assertThat(store.groupedRows())
                    .as("regrouped, without the two rows that no longer count")
                    .isEqualTo(held + held / 3 + 10);
            jdbc.sql("update sales_transaction set amount = 7.0001, owner_id = :o where external_id = 'regroup-bulk-7'")
                    .param("o", reps.get(2))
                    .update();
            jdbc.sql("update sales_transaction set kind = 'DEAL' where external_id = 'regroup-late'")
                    .update();
            jdbc.sql("delete from sales_transaction where external_id = 'regroup-bulk-9'")
                    .update();
            assertStoreEqualsDatabase();
            assertThat(read(Set.of(reps.get(2)))).anySatisfy(t -> {
                assertThat(t.id().value()).isEqualTo("crm:regroup-bulk-7");
                assertThat(t.amount().amount()).isEqualByComparingTo("7.0001");
            });
        } finally {
            jdbc.sql("delete from sales_transaction where external_id like 'regroup-%'")
                    .update();
        }
        assertStoreEqualsDatabase();
    }

    private void insert(String externalId, String kind, long owner) {
        jdbc.sql("""
                insert into sales_transaction (source, external_id, kind, status, owner_id, close_date, amount, currency)
                values ('crm', :x, :k, 'won', :o, current_date, 123.45, 'EUR')""").param("x", externalId).param("k", kind).param("o", owner).update();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aWriterStillInFlightKeepsTheStoreFromReadingPastIt() throws Exception {
        long rep = jdbc.sql("select min(id) from person where role_type = 'REP'")
                .query(Long.class)
                .single();
        try (java.sql.Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (var st = writer.prepareStatement(
                    "insert into sales_transaction (source, external_id, close_date, amount, currency, owner_id)"
                            + " values ('crm', 'store-test-in-flight', current_date, 10, 'EUR', ?)")) {
                st.setLong(1, rep);
                st.executeUpdate();
            }
            // The writer holds its change number but has not committed: reading now could skip it for good.
            assertThat(store.open(200))
                    .as("no refresh while a writer is in flight")
                    .isNull();
            writer.rollback();
        }
        try (java.sql.Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (var st = writer.prepareStatement(
                    "update account set industry = industry where id = (select min(id) from account)")) {
                st.executeUpdate();
            }
            // Accounts carry change numbers too: an account update in flight holds the store back the same way.
            assertThat(store.open(200))
                    .as("no refresh while an account writer is in flight")
                    .isNull();
            writer.rollback();
        }
        assertStoreEqualsDatabase();
    }

    private void assertStoreEqualsDatabase() {
        assertThat(read(null)).containsExactlyElementsOf(sorted(booked.read(jdbc, EVER, null)));
        Set<Long> someone = Set.copyOf(jdbc.sql("""
                select owner_id from sales_transaction where splits is not null and owner_id is not null limit 1""").query(Long.class).list());
        if (!someone.isEmpty()) {
            assertThat(read(someone)).containsExactlyElementsOf(sorted(booked.read(jdbc, EVER, someone)));
        }
        Set<Long> reps = Set.copyOf(jdbc.sql("select id from person where role_type = 'REP' order by id limit 3")
                .query(Long.class)
                .list());
        assertThat(read(reps)).containsExactlyElementsOf(sorted(booked.read(jdbc, EVER, reps)));
    }

    private List<Transaction> read(Set<Long> people) {
        try (TransactionStore.Reading reading = store.open(10_000)) {
            assertThat(reading).as("no writer holds the store out").isNotNull();
            return sorted(reading.transactions(people, EVER));
        }
    }

    private static List<Transaction> sorted(List<Transaction> transactions) {
        List<Transaction> out = new ArrayList<>(transactions);
        out.sort(Comparator.comparing(Transaction::id));
        return out;
    }
}
