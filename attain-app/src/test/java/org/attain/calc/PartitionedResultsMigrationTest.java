package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.attain.platform.EmbeddedPostgresServer;
import org.attain.support.SchemaAt;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration 2027.01.01.10 on a database that already holds results: every result, line and packed explained deal
 * comes through unchanged into its period's year, a result that points at another's deals still finds them, the
 * approvals and disputes still hold on to their results, and new rows get new ids.
 */
class PartitionedResultsMigrationTest {

    /** The last migration before the one that partitions results. */
    private static final String BEFORE = "2026.12.31.90";

    private static final String EVERY_RESULT = "select json_agg(r order by r.id)::text from calc_result_v r";

    /** Every line with its packed deals as the published view shows them (without the period it gained). */
    private static final String EVERY_LINE = """
            select json_agg(json_build_object('id', l.id, 'result', l.result_id, 'no', l.line_no, 'component', l.component,
                   'amount', l.amount, 'trace', l.trace, 'qualifying', l.qualifying, 'deals', encode(l.packed_deals, 'hex'))
                   order by l.result_id, l.line_no)::text
            from calc_earnings_line_v l""";

    @Test
    void existingResultsLinesAndDealsMoveIntoTheirPeriodsYearsUnchanged() throws IOException {
        Path work = Files.createTempDirectory("attain-result-partitions-");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(work.resolve("pg"), Map.of("max_connections", "20"));
        try {
            server.start();
            DataSource db = server.dataSource();
            SchemaAt.migrate(db, BEFORE);
            JdbcClient jdbc = JdbcClient.create(db);
            long person = jdbc.sql("""
                    insert into person (external_id, first_name, last_name, email, title, role_type, employment_start)
                    values ('P1', 'Ana', 'Rep', 'ana@example.com', 'AE', 'REP', '2020-01-01') returning id""").query(Long.class).single();
            jdbc.sql("""
                    insert into period (id, kind, fiscal_year, starts_on, ends_on)
                    values ('2025-Q4', 'QUARTER', 2025, '2025-10-01', '2025-12-31'),
                           ('2026-Q1', 'QUARTER', 2026, '2026-01-01', '2026-03-31')
                    on conflict (id) do nothing""").update();
            long run = jdbc.sql("""
                    insert into calc_run (kind, status, trigger, started_by, started_at, periods)
                    values ('FULL', 'DONE', 'test', 'test', now(), '{2025-Q4,2026-Q1}') returning id""").query(Long.class).single();
            long q4 = result(jdbc, run, person, "2025-Q4", null, true);
            long q1 = result(jdbc, run, person, "2026-Q1", null, false);
            // A rerun's equal result: its own row and lines, its explained deals those of q1 (deals_in).
            long q1Again = result(jdbc, run, person, "2026-Q1", q1, true);
            for (long r : new long[] {q4, q1, q1Again}) {
                jdbc.sql("""
                        insert into earnings_line (result_id, line_no, component, kind, plan_key, amount, trace, qualifying)
                        values (:r, 1, 'commission', 'COMMISSION', 'ae', 123.4500, '{"steps": []}', '{T1,T2}')""").param("r", r).update();
            }
            for (long r : new long[] {q4, q1}) {
                jdbc.sql("""
                        insert into earnings_line_deal_pack (result_id, line_no, deal_count, deals)
                        values (:r, 1, 2, decode('0102030405', 'hex'))""").param("r", r).update();
            }
            jdbc.sql("""
                    insert into payout_approval (person_id, period_id, result_id, fingerprint, currency, payout, approved_by, approved_at)
                    values (:p, '2025-Q4', :r, 'f', 'USD', 100, 'finance', now())""").param("p", person).param("r", q4).update();
            jdbc.sql("""
                    insert into dispute (person_id, period_id, result_id, line_no, component, text, opened_by, opened_at, updated_at)
                    values (:p, '2026-Q1', :r, 1, 'commission', 'Missing deal', 'ana', now(), now())""").param("p", person).param("r", q1Again).update();
            String results = jdbc.sql(EVERY_RESULT).query(String.class).single();
            String lines = jdbc.sql(EVERY_LINE).query(String.class).single();

            SchemaAt.migrate(db, null);

            assertThat(jdbc.sql(EVERY_RESULT).query(String.class).single()).isEqualTo(results);
            assertThat(jdbc.sql(EVERY_LINE).query(String.class).single())
                    .as("every line with its deals, the rerun's read from the result it points at")
                    .isEqualTo(lines);
            assertThat(jdbc.sql(EVERY_LINE).query(String.class).single()).contains("0102030405");
            for (String table : new String[] {"payee_period_result", "earnings_line", "earnings_line_deal_pack"}) {
                assertThat(jdbc.sql("""
                                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                                where i.inhparent = cast(:t as regclass) and c.relname ~ '_(2025|2026|default)$'
                                order by 1""").param("t", table).query(String.class).list())
                        .containsExactly(table + "_2025", table + "_2026", table + "_default");
                assertThat(jdbc.sql("select count(*) from " + table + "_default")
                                .query(Long.class)
                                .single())
                        .isZero();
            }
            assertThat(jdbc.sql("select count(*) from earnings_line_2026")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from earnings_line_deal_pack_2025")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            long next = result(jdbc, run, person, "2026-Q1", null, false);
            assertThat(next).as("ids go on from the old sequence").isGreaterThan(q1Again);
            assertThatThrownBy(() ->
                            jdbc.sql("""
                            insert into payout_approval (person_id, period_id, result_id, fingerprint, currency, payout,
                                                         approved_by, approved_at)
                            values (:p, '2025-Q4', :r, 'f', 'USD', 100, 'finance', now())""").param("p", person).param("r", q1).update())
                    .as("an approval of 2025-Q4 cannot point at a result of 2026-Q1")
                    .hasMessageContaining("payout_approval_result_fkey");
            assertThatThrownBy(() -> jdbc.sql("delete from payee_period_result where id = :r")
                            .param("r", q4)
                            .update())
                    .as("a result with an approval is not deleted under it")
                    .hasMessageContaining("violates foreign key constraint");
        } finally {
            server.close();
            SchemaAt.delete(work);
        }
    }

    private static long result(JdbcClient jdbc, long run, long person, String period, Long dealsIn, boolean current) {
        return jdbc.sql("""
                insert into payee_period_result (run_id, person_id, period_id, currency, earnings, payout, quota, attainment,
                                                 measures, ledger, fingerprint, is_current, deals_in, content_hash)
                values (:run, :p, :period, 'USD', 123.4500, 123.4500, 1000, 0.1234500000, '[]', '{"entries": []}', 'f',
                        :current, :dealsIn, 'h')
                returning id""")
                .param("run", run)
                .param("p", person)
                .param("period", period)
                .param("current", current)
                .param("dealsIn", dealsIn)
                .query(Long.class)
                .single();
    }
}
