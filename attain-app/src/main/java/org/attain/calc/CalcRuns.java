package org.attain.calc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.attain.calendar.Periods;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.time.PeriodId;
import org.attain.engine.time.PeriodKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calculation runs. A run loads one snapshot of the inputs, computes payee by payee (in chunks, so
 * progress can be followed), writes the results as new rows that are not yet current, and at the
 * end switches all of them to current in one transaction: readers see the old run or the new one,
 * never a mix. Results are immutable; a rerun adds a version.
 */
@Service
public class CalcRuns {

    private static final Logger log = LoggerFactory.getLogger(CalcRuns.class);
    private static final int CHUNK = 50;

    private final JdbcClient jdbc;
    private final CalcInputs inputs;
    private final ResultWriter writer;
    private final Periods periods;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Engine engine = new Engine();

    CalcRuns(JdbcClient jdbc, CalcInputs inputs, ResultWriter writer, Periods periods, TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.inputs = inputs;
        this.writer = writer;
        this.periods = periods;
        this.tx = tx;
        this.clock = clock;
    }

    public record Run(long id, String kind, String status, String trigger, String startedBy, java.time.Instant startedAt,
            java.time.Instant finishedAt, List<String> periods, int total, int done, int changed, String exclusions,
            String issues, String error) {
    }

    /** Every payee on a plan, over the default periods. */
    public Run runFull(String trigger, String actor) {
        return run("FULL", Set.of(), defaultPeriods(), trigger, actor);
    }

    /** Only these payees (and nobody else's results change). */
    public Run runFor(Set<Long> personIds, String trigger, String actor) {
        Set<PersonId> payees = new TreeSet<>();
        personIds.forEach(id -> payees.add(CalcInputs.pid(id)));
        return run("INCREMENTAL", payees, defaultPeriods(), trigger, actor);
    }

    Run run(String kind, Set<PersonId> payees, List<PeriodId> runPeriods, String trigger, String actor) {
        long runId = jdbc.sql("""
                insert into calc_run(kind, status, trigger, started_by, started_at, periods)
                values (:k, 'RUNNING', :t, :a, :at, :p) returning id""")
                .param("k", kind).param("t", trigger).param("a", actor).param("at", Timestamp.from(clock.instant()))
                .param("p", runPeriods.stream().map(PeriodId::toString).toArray(String[]::new))
                .query(Long.class).single();
        try {
            CalculationInput input = inputs.load(runPeriods, payees);
            List<PersonId> who = new ArrayList<>(payeesOf(input, payees));
            jdbc.sql("update calc_run set total = :n where id = :id").param("n", who.size()).param("id", runId).update();
            List<Object> exclusions = new ArrayList<>();
            Set<String> issues = new TreeSet<>();
            for (int i = 0; i < who.size(); i += CHUNK) {
                List<PersonId> chunk = who.subList(i, Math.min(who.size(), i + CHUNK));
                CalculationResult result = engine.calculate(input.only(Set.copyOf(chunk), runPeriods, Map.of()));
                writer.write(runId, result.statements());
                if (i == 0) {
                    result.exclusions().forEach(e -> exclusions.add(Map.of("transaction", e.transaction().value(), "reason", e.reason())));
                }
                issues.addAll(result.issues());
                jdbc.sql("update calc_run set done = :n where id = :id").param("n", i + chunk.size()).param("id", runId).update();
            }
            int changed = tx.execute(status -> writer.makeCurrent(runId));
            jdbc.sql("""
                    update calc_run set status = 'DONE', finished_at = :at, changed = :c,
                           exclusions = cast(:ex as jsonb), issues = cast(:is as jsonb) where id = :id""")
                    .param("at", Timestamp.from(clock.instant())).param("c", changed)
                    .param("ex", writer.toJson(exclusions)).param("is", writer.toJson(List.copyOf(issues)))
                    .param("id", runId).update();
        } catch (RuntimeException e) {
            log.error("Calculation run {} failed", runId, e);
            jdbc.sql("update calc_run set status = 'FAILED', finished_at = :at, error = :e where id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("e", String.valueOf(e.getMessage()))
                    .param("id", runId).update();
        }
        return find(runId).orElseThrow();
    }

    public Optional<Run> find(long runId) {
        return jdbc.sql("""
                select id, kind, status, trigger, started_by, started_at, finished_at, periods, total, done, changed,
                       exclusions::text as exclusions, issues::text as issues, error
                from calc_run where id = :id""").param("id", runId)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("kind"), rs.getString("status"),
                        rs.getString("trigger"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        List.of((String[]) rs.getArray("periods").getArray()), rs.getInt("total"), rs.getInt("done"),
                        rs.getInt("changed"), rs.getString("exclusions"), rs.getString("issues"), rs.getString("error")))
                .optional();
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("select id from calc_run order by id desc limit :n").param("n", limit).query(Long.class).list()
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** The quarters and months of the previous and the current fiscal year: what pages show and statements pay. */
    List<PeriodId> defaultPeriods() {
        var cal = periods.calendar().engine();
        LocalDate today = LocalDate.now(clock);
        PeriodId thisYear = cal.periodOf(today, PeriodKind.YEAR);
        PeriodId lastYear = cal.previous(thisYear);
        List<PeriodId> out = new ArrayList<>();
        for (PeriodId year : List.of(lastYear, thisYear)) {
            LocalDate d = cal.range(year).first();
            while (!d.isAfter(cal.range(year).last())) {
                PeriodId month = cal.periodOf(d, PeriodKind.MONTH);
                PeriodId quarter = cal.periodOf(d, PeriodKind.QUARTER);
                if (!out.contains(quarter)) {
                    out.add(quarter);
                }
                out.add(month);
                d = cal.range(month).last().plusDays(1);
            }
        }
        return out;
    }

    private static Set<PersonId> payeesOf(CalculationInput input, Set<PersonId> wanted) {
        Set<PersonId> out = new TreeSet<>();
        input.assignments().forEach(a -> {
            if (wanted.isEmpty() || wanted.contains(a.person())) {
                out.add(a.person());
            }
        });
        return out;
    }

    static long personIdOf(PayeePeriodResult r) {
        return Long.parseLong(r.person().value());
    }
}
