package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.SchemaAt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Results, earnings lines and packed explained deals live in yearly partitions by period (migration 2027.01.01.10):
 * every year of the demo company's results has its partitions, a statement's read touches only its period's year,
 * a run over a year nobody has calculated makes that year's partitions before it writes, and a year whose rows were
 * written into the default partition without asking stays there, still read the same.
 */
class ResultPartitionsTest extends AttainIntegrationTest {

    private static final List<String> TABLES =
            List.of("payee_period_result", "earnings_line", "earnings_line_deal_pack");

    private static final Pattern PARTITION =
            Pattern.compile("\\b(payee_period_result|earnings_line|earnings_line_deal_pack)_(\\d{4}|default)\\b");

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyYearOfTheDemoCompanysResultsHasItsPartitionsAndNothingWaitsInTheDefault() {
        List<String> years = jdbc.sql("select distinct left(period_id, 4) from payee_period_result order by 1")
                .query(String.class)
                .list();
        assertThat(years).hasSizeGreaterThan(1);
        for (String table : TABLES) {
            assertThat(partitionsOf(table))
                    .containsAll(years.stream().map(y -> table + "_" + y).toList())
                    .contains(table + "_default");
            assertThat(jdbc.sql("select count(*) from " + table + "_default")
                            .query(Long.class)
                            .single())
                    .as(table + "_default")
                    .isZero();
        }
        assertThat(jdbc.sql("""
                        select count(*) from earnings_line l join payee_period_result r on r.id = l.result_id
                        where r.period_id <> l.period_id""").query(Long.class).single())
                .as("a line is stored in its result's period")
                .isZero();
    }

    @Test
    void aStatementsLinesAndDealsAreReadFromItsPeriodsYearOnly() {
        record Current(long id, String period) {}
        Current current = jdbc.sql("""
                        select r.id, r.period_id from payee_period_result r
                        where r.is_current and r.period_id like '%-Q%'
                          and exists (select 1 from earnings_line_deal_pack p where p.result_id = coalesce(r.deals_in, r.id))
                        order by r.period_id desc, r.id limit 1""")
                .query((rs, n) -> new Current(rs.getLong(1), rs.getString(2)))
                .single();
        String year = current.period().substring(0, 4);
        // What the statement page reads (pay's Earnings): the result, then its lines with their packed deals.
        String plan = explain(
                "select l.line_no, l.packed_deals from calc_earnings_line_v l where l.result_id = :r and l.period_id = :period",
                current.id(),
                current.period());
        assertThat(partitionsNamedIn(plan))
                .as(plan)
                .containsExactlyInAnyOrder(
                        "payee_period_result_" + year, "earnings_line_" + year, "earnings_line_deal_pack_" + year);
        String head = explain(
                "select measures, ledger from calc_result_v where id = :r and period_id = :period",
                current.id(),
                current.period());
        assertThat(partitionsNamedIn(head)).as(head).containsExactly("payee_period_result_" + year);
    }

    @Test
    void aRunOverAYearNobodyHasCalculatedMakesItsPartitionsBeforeItWrites() {
        long rep = jdbc.sql("""
                        select r.person_id from payee_period_result r join earnings_line l
                          on l.result_id = r.id and l.period_id = r.period_id
                        where r.is_current order by r.person_id limit 1""").query(Long.class).single();
        assertThat(partitionsOf("payee_period_result")).doesNotContain("payee_period_result_2098");
        CalcRuns.Run run = null;
        try {
            run = runs.runRange(Set.of(rep), "2098-01", "2098-02", "partitions test", "test");

            assertThat(run.status()).isEqualTo(RunStatus.DONE);
            for (String table : TABLES) {
                assertThat(partitionsOf(table)).contains(table + "_2098");
            }
            assertThat(jdbc.sql("""
                            select distinct tableoid::regclass::text from payee_period_result where run_id = :r""").param("r", run.id()).query(String.class).list())
                    .containsExactly("payee_period_result_2098");
            assertThat(jdbc.sql("""
                            select distinct l.tableoid::regclass::text from earnings_line l
                            join payee_period_result r on r.id = l.result_id and r.period_id = l.period_id
                            where r.run_id = :r""").param("r", run.id()).query(String.class).list())
                    .containsExactly("earnings_line_2098");
        } finally {
            if (run != null) {
                for (String table : List.of("earnings_line_deal_pack", "earnings_line")) {
                    jdbc.sql("delete from " + table + " d using payee_period_result r "
                                    + "where d.result_id = r.id and d.period_id = r.period_id and r.run_id = :r")
                            .param("r", run.id())
                            .update();
                }
                jdbc.sql("delete from payee_period_result where run_id = :r")
                        .param("r", run.id())
                        .update();
            }
            dropYear("2098");
        }
    }

    @Test
    void aYearWhoseRowsWaitInTheDefaultPartitionStaysThereAndReadsTheSame() {
        long any = jdbc.sql("select id from payee_period_result where is_current limit 1")
                .query(Long.class)
                .single();
        try {
            // Written without asking for the year's partitions: it lands in the default partition.
            long waiting = jdbc.sql("""
                            insert into payee_period_result (run_id, person_id, period_id, currency, earnings, payout, measures,
                                                             ledger, fingerprint)
                            select run_id, person_id, '2096-Q1', currency, earnings, payout, measures, ledger, fingerprint
                            from payee_period_result where id = :id returning id""").param("id", any).query(Long.class).single();
            assertThat(jdbc.sql("select tableoid::regclass::text from payee_period_result where id = :id")
                            .param("id", waiting)
                            .query(String.class)
                            .single())
                    .isEqualTo("payee_period_result_default");

            assertThat(jdbc.sql("select calc_result_partition('2096-Q1')")
                            .query(String.class)
                            .optional())
                    .as("no partition made while the year's rows sit in the default")
                    .isEmpty();
            assertThat(partitionsOf("payee_period_result")).doesNotContain("payee_period_result_2096");
            assertThat(jdbc.sql("select count(*) from calc_result_v where id = :id and period_id = '2096-Q1'")
                            .param("id", waiting)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            jdbc.sql("delete from payee_period_result_default where period_id like '2096%'")
                    .update();
        }
        assertThat(jdbc.sql("select calc_result_partition('2096-Q1')")
                        .query(String.class)
                        .single())
                .as("once the default holds none of its rows, the year gets its partitions")
                .isEqualTo("2096");
        dropYear("2096");
    }

    private List<String> partitionsOf(String table) {
        return jdbc.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = cast(:t as regclass) order by 1""").param("t", table).query(String.class).list();
    }

    private String explain(String query, long id, String period) {
        return String.join(
                "\n",
                jdbc.sql("explain " + query)
                        .param("r", id)
                        .param("period", period)
                        .query(String.class)
                        .list());
    }

    /** Detached first: a partition of a table others reference is dropped only once it no longer belongs to it. */
    private void dropYear(String year) {
        for (String table : List.of("earnings_line_deal_pack", "earnings_line", "payee_period_result")) {
            if (partitionsOf(table).contains(table + "_" + year)) {
                jdbc.sql("alter table " + table + " detach partition " + table + "_" + year)
                        .update();
            }
            jdbc.sql("drop table if exists " + table + "_" + year).update();
        }
    }

    private static Set<String> partitionsNamedIn(String plan) {
        return SchemaAt.partitionsNamedIn(plan, PARTITION);
    }
}
