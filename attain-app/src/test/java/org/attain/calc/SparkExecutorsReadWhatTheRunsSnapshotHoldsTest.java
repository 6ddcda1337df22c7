package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.attain.engine.credit.CreditIndex;
import org.attain.engine.model.Transaction;
import org.attain.engine.time.DateRange;
import org.attain.sales.BookedTransactions;
import org.attain.spark.PayeeGroup;
import org.attain.spark.PostgresReads;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a Spark executor reads for a group of payees itself ({@code --read executors}) is what the application reads
 * for them, transaction by transaction and field by field (splits and their shares' scale, custom attributes as exact
 * numbers, term, account attributes, amount scale), for people, for people and territory accounts, and for everything
 * in the window; and it is the run's snapshot: a deal committed after the driver exported it is not read, and once
 * the driver lets the snapshot go an executor cannot start reading at it.
 */
class SparkExecutorsReadWhatTheRunsSnapshotHoldsTest extends AttainIntegrationTest {

    private static final DateRange EVER = new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31));

    @Autowired
    BookedTransactions booked;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anExecutorReadsWhatTheApplicationReadsFieldByField() throws Exception {
        List<Long> reps = jdbc.sql("select id from person where role_type = 'REP' order by id limit 3")
                .query(Long.class)
                .list();
        long account = jdbc.sql("select min(id) from account").query(Long.class).single();
        try {
            // The shapes the demo seldom holds: split shares as numbers and as text with trailing zeros, an overlay,
            // custom attributes of every JSON kind with exact decimals, no owner, no account, another source.
            insert(
                    "crm",
                    "exec-read-1",
                    reps.get(0),
                    account,
                    "24",
                    """
                    [{"person_id": %d, "share": 0.50}, {"person_id": %d, "share": "0.50"}, {"person_id": %d, "share": 1, "overlay": true}]""".formatted(reps.get(0), reps.get(1), reps.get(2)),
                    """
                    {"margin": 0.250, "rate": 1.5, "units": 3, "big": 123456789012345678901234.5678, "hint": "north", "flag": true}""");
            insert("attain", "exec-read-2", null, null, null, """
                    [{"person_id": %d, "share": "1.00"}]""".formatted(reps.get(1)), "{}");
            insert("erp", "exec-read-3", reps.get(2), account, null, null, """
                    {"note": "ü ß", "zero": 0.0}""");

            try (Connection holder = dataSource.getConnection()) {
                PostgresReads reads =
                        ExecutorDatabase.reads(dataSource, holder, ChunkedRun.exportSnapshot(holder), EVER);
                try (PostgresReads.Session executor = reads.open()) {
                    Set<Long> people = Set.copyOf(reps);
                    List<Transaction> byPeople = executor.read(new PayeeGroup.Reach(people, Set.of()));
                    assertThat(byPeople)
                            .extracting(t -> t.id().value())
                            .contains("crm:exec-read-1", "exec-read-2", "erp:exec-read-3");
                    assertThat(byPeople).containsExactlyElementsOf(application(people, Set.of()));

                    Set<Long> someone = Set.of(reps.get(0));
                    assertThat(executor.read(new PayeeGroup.Reach(someone, Set.of(account))))
                            .containsExactlyElementsOf(application(someone, Set.of(account)))
                            .extracting(t -> t.id().value())
                            .contains("erp:exec-read-3");

                    List<Transaction> everything = executor.read(PayeeGroup.Reach.everything());
                    assertThat(everything).hasSizeGreaterThan(byPeople.size());
                    assertThat(everything).containsExactlyElementsOf(application(null, Set.of()));

                    Transaction split = byPeople.stream()
                            .filter(t -> t.id().value().equals("crm:exec-read-1"))
                            .findFirst()
                            .orElseThrow();
                    assertThat(split.splits())
                            .extracting(s -> s.share().toPlainString())
                            .contains("0.50");
                    assertThat(split.amount().amount()).isEqualByComparingTo("999.5");
                    assertThat(split.amount().amount().scale()).isEqualTo(4);
                    assertThat(split.attributes().get("term_months")).isEqualTo(24L);
                    assertThat(split.attributes().get("big")).isInstanceOf(BigDecimal.class);
                }
                holder.rollback();
            }
        } finally {
            jdbc.sql("delete from sales_transaction where external_id like 'exec-read-%'")
                    .update();
        }
    }

    @Test
    void anExecutorSeesTheRunsSnapshotAndNothingWrittenAfterIt() throws Exception {
        long rep = jdbc.sql("select min(id) from person where role_type = 'REP'")
                .query(Long.class)
                .single();
        PayeeGroup.Reach reach = new PayeeGroup.Reach(Set.of(rep), Set.of());
        try {
            PostgresReads reads;
            try (Connection holder = dataSource.getConnection()) {
                reads = ExecutorDatabase.reads(dataSource, holder, ChunkedRun.exportSnapshot(holder), EVER);
                List<Transaction> before;
                try (PostgresReads.Session early = reads.open()) {
                    before = early.read(reach);
                }
                insert("crm", "exec-read-late", rep, null, null, null, "{}");
                assertThat(application(Set.of(rep), Set.of()))
                        .extracting(t -> t.id().value())
                        .contains("crm:exec-read-late");
                // An executor starting after the write (a late task, a retry) reads the snapshot all the same.
                try (PostgresReads.Session late = reads.open()) {
                    assertThat(late.read(reach)).containsExactlyElementsOf(before);
                }
                assertThat(before).extracting(t -> t.id().value()).doesNotContain("crm:exec-read-late");
                holder.rollback();
            }
            // The driver let the snapshot go (the run is over): nobody starts reading at it any more.
            try (PostgresReads.Session afterTheRun = reads.open()) {
                assertThatThrownBy(() -> afterTheRun.read(reach))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("snapshot");
            }
        } finally {
            jdbc.sql("delete from sales_transaction where external_id like 'exec-read-%'")
                    .update();
        }
    }

    @Test
    void thePasswordIsNotInWhatIsLogged() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            PostgresReads reads = ExecutorDatabase.reads(dataSource, holder, ChunkedRun.exportSnapshot(holder), EVER);
            PostgresReads withPassword = new PostgresReads(
                    reads.url(),
                    java.util.Map.of("user", "attain", "password", "s3cret"),
                    reads.snapshot(),
                    reads.from(),
                    reads.to(),
                    reads.byPeople(),
                    reads.byPeopleOrAccounts(),
                    reads.everything());
            assertThat(withPassword.toString()).doesNotContain("s3cret").contains(reads.snapshot());
            holder.rollback();
        }
        assertThatThrownBy(() -> new PostgresReads(
                        "jdbc:postgresql://localhost/x",
                        java.util.Map.of(),
                        "1'; drop table person; --",
                        EVER.first(),
                        EVER.last(),
                        "",
                        "",
                        ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** What the application's own read hands a run, in the order executors hand it (credit order). */
    private List<Transaction> application(Set<Long> people, Set<Long> accounts) {
        List<Transaction> out = new ArrayList<>(booked.read(jdbc, EVER, people, accounts));
        out.sort(CreditIndex.CREDIT_ORDER);
        return out;
    }

    private void insert(
            String source, String id, Long owner, Long account, String term, String splits, String attributes) {
        jdbc.sql("""
                insert into sales_transaction (source, external_id, kind, status, owner_id, close_date, amount, currency,
                                               deal_type, product_code, term_months, splits, attributes, account_id)
                values (:s, :x, 'DEAL', 'won', :o, date '2026-11-16', 999.5, 'EUR', 'NEW_LOGO', 'X',
                        cast(:t as int), cast(:splits as jsonb), cast(:attributes as jsonb), :a)""")
                .param("s", source)
                .param("x", id)
                .param("o", owner)
                .param("t", term)
                .param("splits", splits)
                .param("attributes", attributes)
                .param("a", account)
                .update();
    }
}
