package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.ledger.LedgerState;
import org.attain.engine.model.PersonId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the database refuses one payee's rows (a value it cannot hold) or a value cannot be sent at
 * all, the writer stores the rest of the chunk and names that payee; nothing of theirs is left behind.
 */
class ResultWriterIsolationTest extends AttainIntegrationTest {

    private static final CurrencyUnit USD = CurrencyUnit.of("USD");

    @Autowired
    ResultWriter writer;

    @Autowired
    RunRecords records;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChunkWithOnePayeeTheDatabaseRefusesStoresEveryoneElse() {
        List<Long> people = jdbc.sql("select id from person where role_type = 'REP' order by id limit 3")
                .query(Long.class)
                .list();
        long runId = records.start(RunKind.INCREMENTAL, List.of(), "test", "test");
        try {
            PayeePeriodResult fine = statement(people.get(0), "commission", "1000.00");
            // Past the run's own range check, as if it had missed something: numeric(19,4) overflows.
            PayeePeriodResult overflowing = statement(people.get(1), "commission", "10000000000000000.00");
            PayeePeriodResult unsendable = statement(people.get(2), "commission\0", "10.00");

            List<PayeeProblems.Problem> problems = writer.write(runId, List.of(fine, overflowing, unsendable));

            assertThat(problems)
                    .extracting(PayeeProblems.Problem::personId)
                    .containsExactly(people.get(1), people.get(2));
            assertThat(problems).allMatch(p -> p.reason().equals("runs.failed.storing"));
            assertThat(problems.get(0).args().get(0)).contains("numeric field overflow");
            assertThat(problems.get(1).args().get(0)).contains("NUL");
            assertThat(jdbc.sql("select person_id from payee_period_result where run_id = :r")
                            .param("r", runId)
                            .query(Long.class)
                            .list())
                    .containsExactly(people.get(0));
            assertThat(jdbc.sql("""
                    select count(*) from earnings_line l join payee_period_result r on r.id = l.result_id where r.run_id = :r""").param("r", runId).query(Long.class).single())
                    .isEqualTo(1);
        } finally {
            jdbc.sql(
                            "delete from earnings_line where result_id in (select id from payee_period_result where run_id = :r)")
                    .param("r", runId)
                    .update();
            jdbc.sql("delete from payee_period_result where run_id = :r")
                    .param("r", runId)
                    .update();
            jdbc.sql("delete from calc_run where id = :r").param("r", runId).update();
        }
    }

    private static PayeePeriodResult statement(long person, String component, String amount) {
        Money money = Money.of(amount, "USD");
        EarningsLine line = new EarningsLine(component, "rate", "test-plan", money, null, List.of(), null, null);
        return new PayeePeriodResult(
                PersonId.of(Long.toString(person)),
                PeriodId.parse("2000-Q1"),
                false,
                List.of(),
                List.of(line),
                List.of(),
                LedgerState.empty(USD),
                money);
    }
}
