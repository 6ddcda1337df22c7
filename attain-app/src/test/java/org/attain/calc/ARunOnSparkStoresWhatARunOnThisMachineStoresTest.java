package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attain.spark.EngineOnSpark;
import org.attain.spark.SparkMaster;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo company computed in Spark local mode (two cores) stores, payee-period by payee-period, the rows a
 * run on this machine stores: payout, earnings, quota, attainment, measures, ledger, fingerprint, every earnings
 * line and every packed explained deal, to the cent and the byte, whether this process reads the transactions and
 * sends them along or each executor reads its own from PostgreSQL. Same numbers, so making the Spark run current
 * changes nothing.
 */
class ARunOnSparkStoresWhatARunOnThisMachineStoresTest extends AttainIntegrationTest {

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @EnumSource(SparkRun.Reads.class)
    void everyPayeePeriodsPayoutLinesDealsAndFingerprintAreTheSame(SparkRun.Reads reads) {
        // Both runs store every result, so their rows can be compared one by one (a run otherwise stores
        // only what changed, and here nothing does).
        runs.storeEveryResult = true;
        CalcRuns.Run here;
        List<SparkRun.Stage> stages = new ArrayList<>();
        CalcRuns.Run there;
        try (EngineOnSpark spark = EngineOnSpark.start(new SparkMaster("local[2]"), "attain-test")) {
            here = runs.runFull("test", "test");
            there = runs.runOnSpark(new SparkRun(spark, stages::add, reads), Set.of(), null, null, "test", "test");
        } finally {
            runs.storeEveryResult = false;
        }

        assertThat(there.status()).isEqualTo(RunStatus.DONE);
        assertThat(there.failedPayees()).isEmpty();
        assertThat(there.total()).isEqualTo(here.total()).isGreaterThan(6);
        assertThat(there.done()).isEqualTo(here.done());
        assertThat(there.exclusions()).isEqualTo(here.exclusions());
        assertThat(there.issues()).isEqualTo(here.issues());
        List<String> results = results(here.id());
        assertThat(results).hasSizeGreaterThan(20);
        assertThat(results(there.id())).containsExactlyElementsOf(results);
        List<String> lines = lines(here.id());
        assertThat(lines).isNotEmpty();
        assertThat(lines(there.id())).containsExactlyElementsOf(lines);
        List<String> deals = deals(here.id());
        assertThat(deals).isNotEmpty();
        assertThat(deals(there.id())).containsExactlyElementsOf(deals);
        assertThat(there.changed()).isZero();
        // Inputs read, computing (the executors reading), each task's results stored as it is done (the last one:
        // everyone), current.
        assertThat(stages)
                .extracting(SparkRun.Stage::key)
                .startsWith(
                        "calc.spark.stage.inputs",
                        reads == SparkRun.Reads.EXECUTORS
                                ? "calc.spark.stage.computingReading"
                                : "calc.spark.stage.computing")
                .endsWith("calc.spark.stage.stored", "calc.spark.stage.current");
        List<SparkRun.Stage> stored = stages.stream()
                .filter(s -> s.key().equals("calc.spark.stage.stored"))
                .toList();
        assertThat(stored).hasSize(stages.size() - 3).hasSizeGreaterThan(1);
        assertThat(stored.get(stored.size() - 1).args())
                .containsExactly(stored.size(), stored.size(), there.total(), there.total());
    }

    private List<String> results(long runId) {
        return jdbc.sql("""
                        select concat_ws('|', person_id, period_id, currency, earnings, payout, quota, attainment,
                               measures::text, ledger::text, fingerprint)
                          from payee_period_result where run_id = :run order by person_id, period_id""").param("run", runId).query(String.class).list();
    }

    private List<String> lines(long runId) {
        return jdbc.sql("""
                        select concat_ws('|', r.person_id, r.period_id, l.line_no, l.component, l.kind, l.plan_key,
                               l.amount, l.uncapped, l.for_period, l.qualifying::text, l.qualifying_in_pack, l.trace::text)
                          from earnings_line l join payee_period_result r on r.id = l.result_id
                         where r.run_id = :run order by r.person_id, r.period_id, l.line_no""").param("run", runId).query(String.class).list();
    }

    private List<String> deals(long runId) {
        return jdbc.sql("""
                        select concat_ws('|', r.person_id, r.period_id, d.line_no, d.deal_count, md5(d.deals))
                          from earnings_line_deal_pack d join payee_period_result r on r.id = d.result_id
                         where r.run_id = :run order by r.person_id, r.period_id, d.line_no""").param("run", runId).query(String.class).list();
    }
}
