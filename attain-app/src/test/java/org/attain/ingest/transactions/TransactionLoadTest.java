package org.attain.ingest.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attain.ingest.Bounds;
import org.attain.ingest.ImportOutcome;
import org.attain.ingest.Imports;
import org.attain.ingest.lookup.Directory;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.NumberStyle;
import org.attain.ingest.profiles.PeopleMatch;
import org.attain.ingest.profiles.Values;
import org.attain.sales.TransactionWrites;
import org.attain.sales.TransactionsChanged;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One load that meets new, changed, unchanged and repeated rows at once sorts each into its place;
 * the fast readers of plain numbers and ISO dates agree with the general ones; and the checked
 * references of a transaction hold for every writer, not only for imports.
 */
@RecordApplicationEvents
class TransactionLoadTest extends AttainIntegrationTest {

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    PlatformTransactionManager txManager;

    private ImportProfile profile(String source) {
        return ImportProfile.parse("load-test", """
                record: transactions
                source: %s
                format: {type: csv, date: yyyy-MM-dd, numbers: plain}
                columns: {external_id: id, owner: owner, close_date: date, amount: amount, currency: currency}
                people: {match: [employee_id]}
                """.formatted(source));
    }

    private ImportOutcome load(ImportProfile profile, String csv) throws Exception {
        Path file = Files.createTempFile("transactions-load", ".csv");
        Files.writeString(file, csv);
        return imports.importFile(new Imports.FileImport(profile, file, "transactions.csv", "test", false));
    }

    private List<String> people() {
        return jdbc.sql("select external_id from person order by id limit 3")
                .query(String.class)
                .list();
    }

    @Test
    void aLoadWithNewChangedUnchangedAndRepeatedRowsCountsEachAndVersionsOnlyTheChangedOne() throws Exception {
        ImportProfile profile = profile("load-" + UUID.randomUUID());
        List<String> p = people();
        load(profile, """
                id,owner,date,amount,currency
                L1,%1$s,2001-03-01,100.00,USD
                L2,%1$s,2001-03-02,200.00,USD
                L3,%2$s,2001-03-03,300.00,USD
                """.formatted(p.get(0), p.get(1)));
        long eventsBefore = events.stream(TransactionsChanged.class).count();

        ImportOutcome second = load(profile, """
                id,owner,date,amount,currency
                L1,%1$s,2001-03-01,100.00,USD
                L2,%3$s,2001-04-02,200.00,USD
                L4,%2$s,2001-05-04,400.00,USD
                L4,%2$s,2001-05-05,401.00,USD
                L3,%2$s,2001-03-03,300.0,USD
                """.formatted(p.get(0), p.get(1), p.get(2)));

        // L1 and L3 (300.0 = 300.00) unchanged, L2 moved to another rep and month, L4 new, its repeat quarantined
        assertThat(second.summary()).isEqualTo("accepted=2 rejected=1 unchanged=2 skipped=0");
        assertThat(second.inserted()).isEqualTo(1);
        assertThat(second.updated()).isEqualTo(1);
        var rows = jdbc.sql(
                        "select external_id, version, amount, close_date::text from sales_transaction where source = :s order by 1")
                .param("s", profile.source())
                .query((rs, n) -> rs.getString(1) + " v" + rs.getInt(2) + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + " " + rs.getString(4))
                .list();
        assertThat(rows)
                .containsExactly(
                        "L1 v1 100 2001-03-01", "L2 v2 200 2001-04-02", "L3 v1 300 2001-03-03", "L4 v1 400 2001-05-04");
        assertThat(jdbc.sql("select external_id || ' v' || version || ' ' || close_date from sales_transaction_version "
                                + "where replaced_by_import = :id")
                        .param("id", second.importId())
                        .query(String.class)
                        .list())
                .containsExactly("L2 v1 2001-03-02");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'transaction.changed' and entity_id = :t")
                        .param("t", profile.source() + ":L2")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the rep who lost L2 and the one who got it are both recalculated, over both months
        List<Long> ids = jdbc.sql("select id from person where external_id in (:e) order by id")
                .param("e", p)
                .query(Long.class)
                .list();
        assertThat(events.stream(TransactionsChanged.class).skip(eventsBefore))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.personIds()).containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2));
                    assertThat(e.earliest()).hasToString("2001-03-02");
                    assertThat(e.latest()).hasToString("2001-05-04");
                });
    }

    @Test
    void aBigLoadIntoASmallerTableRebuildsTheSecondaryIndexesAsTheyWere() throws Exception {
        ImportProfile profile = profile("bulk-" + UUID.randomUUID());
        String owner = people().get(0);
        String indexes =
                "select string_agg(indexdef, '; ' order by indexname) from pg_indexes where tablename = 'sales_transaction'";
        String before = jdbc.sql(indexes).query(String.class).single();
        long rows = TransactionWrites.BULK_ROWS + 1;
        StringBuilder csv = new StringBuilder("id,owner,date,amount,currency\n");
        for (long i = 1; i <= rows; i++) {
            // a year no plan pays for, so the shared demo company's earnings stay as they are
            csv.append("B")
                    .append(i)
                    .append(',')
                    .append(owner)
                    .append(",2001-0")
                    .append(1 + i % 9)
                    .append("-1")
                    .append(i % 9)
                    .append(',')
                    .append(i % 1000)
                    .append(".50,USD\n");
        }

        ImportOutcome outcome = load(profile, csv.toString());

        assertThat(outcome.summary()).isEqualTo("accepted=" + rows + " rejected=0 unchanged=0 skipped=0");
        assertThat(jdbc.sql(indexes).query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from sales_transaction where source = :s and owner_id is not null")
                        .param("s", profile.source())
                        .query(Long.class)
                        .single())
                .isEqualTo(rows);
        assertThat(load(profile, csv.toString()).summary())
                .isEqualTo("accepted=0 rejected=0 unchanged=" + rows + " skipped=0");
    }

    @Test
    void theFastNumberAndDateReadersGiveWhatTheGeneralOnesGive() {
        for (String style : List.of("plain", "en", "de")) {
            TransactionMapper mapper = new TransactionMapper(
                    ImportProfile.parse("fast", """
                    source: fast
                    format: {date: yyyy-MM-dd, numbers: %s}
                    columns: {external_id: id, owner: owner, close_date: date, amount: amount, currency: currency}
                    """.formatted(style)),
                    List.of("id", "owner", "date", "amount", "currency"),
                    new Directory(
                            List.of(new Directory.PersonRef(1, "P1", "p1@example.com", "P One")),
                            List.of(PeopleMatch.EMPLOYEE_ID),
                            Map.of()),
                    false);
            NumberStyle numbers = NumberStyle.valueOf(style.toUpperCase(java.util.Locale.ROOT));
            for (String amount : List.of(
                    "18200.00",
                    "-5",
                    "-0.00",
                    "1.234",
                    "1234.56",
                    "1,234.56",
                    "1.234,56",
                    "0.5",
                    ".5",
                    "5.",
                    "-",
                    "12k",
                    "1e5",
                    "$100",
                    "00012.3400")) {
                TransactionMapper.Mapped m = mapper.map(2, new String[] {"X", "P1", "2026-04-07", amount, "USD"});
                BigDecimal general = Values.number(amount, numbers);
                if (general == null) {
                    assertThat(m.ok()).as(style + " " + amount).isFalse();
                } else {
                    assertThat(m.row().amount()).as(style + " " + amount).isEqualTo(general);
                }
            }
        }
        TransactionMapper iso = new TransactionMapper(
                profile("fast"),
                List.of("id", "owner", "date", "amount", "currency"),
                new Directory(
                        List.of(new Directory.PersonRef(1, "P1", "p1@example.com", "P One")),
                        List.of(PeopleMatch.EMPLOYEE_ID),
                        Map.of()),
                false);
        for (String date : List.of(
                "2026-04-07",
                "2024-02-29",
                "2026-02-29",
                "2026-02-31",
                "2026-13-01",
                "2026-4-7",
                "26-04-07",
                "2026/04/07",
                "0000-01-01")) {
            TransactionMapper.Mapped m = iso.map(2, new String[] {"X", "P1", date, "1", "USD"});
            var general = Values.date(date, profile("fast").format().dates());
            // a real date outside the close-date window (year 0) is read alike and then refused by the bound
            assertThat(m.ok() ? m.row().closeDate() : null)
                    .as(date)
                    .isEqualTo(general == null || Bounds.closeDate(general) != null ? null : general);
        }
    }

    @Test
    void aTransactionNamingAPersonThatDoesNotExistIsRefusedAndANamedPersonCannotBeDeleted() {
        // Everything here is rolled back at the end, so the extra person never shows up in other tests.
        new TransactionTemplate(txManager).executeWithoutResult(tx -> {
            referencesAreChecked();
            tx.setRollbackOnly();
        });
    }

    private void referencesAreChecked() {
        String source = "refs-" + UUID.randomUUID();
        assertThatThrownBy(
                        () -> inSavepoint(() -> jdbc.sql("""
                insert into sales_transaction(source, external_id, owner_id, close_date, amount, currency)
                values (:s, 'R1', -42, date '2026-01-01', 1, 'USD')""").param("s", source).update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("person -42, which does not exist");
        assertThatThrownBy(
                        () -> inSavepoint(() -> jdbc.sql("""
                insert into sales_transaction(source, external_id, owner_id, account_id, close_date, amount, currency)
                values (:s, 'R2', (select min(id) from person), -7, date '2026-01-01', 1, 'USD')""").param("s", source).update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("account -7, which does not exist");

        long person = jdbc.sql("""
                insert into person(external_id, first_name, last_name, email, title, role_type, employment_start)
                values (:e, 'Ref', 'Check', :e || '@example.com', 'Rep', 'REP', date '2026-01-01') returning id""").param("e", source).query(Long.class).single();
        jdbc.sql("""
                insert into sales_transaction(source, external_id, owner_id, close_date, amount, currency)
                values (:s, 'R3', :p, date '2026-01-01', 1, 'USD')""").param("s", source).param("p", person).update();
        assertThatThrownBy(() -> inSavepoint(() -> jdbc.sql("delete from person where id = :p")
                        .param("p", person)
                        .update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("still named by sales transactions");
        assertThatThrownBy(() ->
                        inSavepoint(() -> jdbc.sql("update sales_transaction set owner_id = -43 where source = :s")
                                .param("s", source)
                                .update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("person -43");
        jdbc.sql("update person set title = 'Senior Rep' where id = :p")
                .param("p", person)
                .update();
    }

    /** A failed statement inside the test's transaction is undone alone, so the next one can run. */
    private void inSavepoint(Runnable statement) {
        new TransactionTemplate(txManager, nested()).executeWithoutResult(tx -> statement.run());
    }

    private static DefaultTransactionDefinition nested() {
        return new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    }
}
