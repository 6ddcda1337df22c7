package org.attain.calc;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.time.PeriodId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calc_run rows: a run's start, progress, end and how it is read back for pages, API and CLI. */
@Component
class RunRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final MessageSource messages;

    private final org.attain.calendar.Periods periods;
    private final org.attain.sales.BookedTransactions booked;
    private final org.attain.platform.Broadcasts broadcasts;

    RunRecords(
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            MessageSource messages,
            org.attain.calendar.Periods periods,
            org.attain.sales.BookedTransactions booked,
            org.attain.platform.Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
        this.periods = periods;
        this.booked = booked;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.messages = messages;
    }

    /** A new RUNNING run on this server's cores. */
    long start(RunKind kind, List<PeriodId> periods, String trigger, String actor) {
        return start(kind, periods, trigger, actor, null);
    }

    /**
     * A new RUNNING run; its id orders runs by start (see {@link ResultWriter#makeCurrent}). {@code sparkMaster}: the
     * Apache Spark master its payees are computed on, null on this server's cores.
     */
    long start(RunKind kind, List<PeriodId> periods, String trigger, String actor, String sparkMaster) {
        return jdbc.sql("""
                insert into calc_run(kind, status, trigger, started_by, started_at, periods, spark_master)
                values (:k, :status, :t, :a, :at, :p, :spark) returning id""")
                .param("k", kind.name())
                .param("status", RunStatus.RUNNING.name())
                .param("t", trigger)
                .param("a", actor)
                .param("at", Timestamp.from(clock.instant()))
                .param("p", periods.stream().map(PeriodId::toString).toArray(String[]::new))
                .param("spark", sparkMaster)
                .query(Long.class)
                .single();
    }

    /**
     * Records the stage a run on Spark has begun: appended, or in place of the last one when that has the same key
     * (one line per kind of stage, the count of tasks done going up in it). Pages on any node read it.
     */
    void stage(long runId, SparkRun.Stage stage) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("key", stage.key());
        recorded.put("args", stage.args());
        recorded.put("at", clock.instant().toString());
        jdbc.sql("""
                update calc_run
                   set stages = case when stages -> -1 ->> 'key' = :key then stages - (-1) else stages end
                                || jsonb_build_array(cast(:stage as jsonb))
                 where id = :id""")
                .param("key", stage.key())
                .param("stage", json.writeValueAsString(recorded))
                .param("id", runId)
                .update();
    }

    /** How many payees the run computes, and the plan versions it compiled (a line names only its plan's key). */
    void total(long runId, int payees, java.util.Collection<Long> planVersions) {
        jdbc.sql("update calc_run set total = :n, plan_versions = :pv where id = :id")
                .param("n", payees)
                .param("pv", planVersions.toArray(Long[]::new))
                .param("id", runId)
                .update();
    }

    void done(long runId, int payees) {
        jdbc.sql("update calc_run set done = greatest(done, :n) where id = :id")
                .param("n", payees)
                .param("id", runId)
                .update();
    }

    /** What a finished run did; it is DONE even with payees left out (they are listed). */
    record Finished(
            ResultWriter.Switched switched,
            List<Map<String, String>> exclusions,
            Collection<String> issues,
            Collection<PayeeProblems.Problem> failed,
            Map<String, Long> timings) {}

    void finish(long runId, Finished f) {
        List<Map<String, Object>> failed = new ArrayList<>();
        f.failed().stream()
                .sorted(java.util.Comparator.comparingLong(PayeeProblems.Problem::personId))
                .forEach(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("personId", p.personId());
                    m.put("reason", p.reason());
                    m.put("args", p.args());
                    failed.add(m);
                });
        jdbc.sql("""
                update calc_run set status = :status, finished_at = :at, changed = :c, superseded = :s,
                       exclusions = cast(:ex as jsonb), issues = cast(:is as jsonb), failed_payees = cast(:fp as jsonb),
                       timings = cast(:tm as jsonb)
                where id = :id""")
                .param("status", RunStatus.DONE.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("c", f.switched().changed())
                .param("s", f.switched().superseded())
                .param("ex", json.writeValueAsString(f.exclusions()))
                .param("is", json.writeValueAsString(List.copyOf(f.issues())))
                .param("fp", json.writeValueAsString(failed))
                .param("tm", json.writeValueAsString(f.timings()))
                .param("id", runId)
                .update();
        // The open pages of the other nodes hear of it at once (web.LiveUpdates, topic "calc.runs") instead of at
        // their next look; this node's look at the runs finds it within a second.
        broadcasts.send("calc.runs", Long.toString(runId));
    }

    /**
     * Counts the booked transactions whose credit date falls outside the run's periods (only those of
     * {@code people}, when the run was for a few) per fiscal year, and stores them on the run. Counted by
     * month (months never straddle fiscal years), so it reads the close-date index, not the rows.
     */
    void notCovered(long runId, List<PeriodId> runPeriods, java.util.Set<Long> people) {
        var calendar = periods.calendar();
        var cal = calendar.engine();
        java.time.LocalDate first = runPeriods.stream()
                .map(p -> cal.range(p).first())
                .min(java.time.LocalDate::compareTo)
                .orElseThrow();
        java.time.LocalDate last = runPeriods.stream()
                .map(p -> cal.range(p).last())
                .max(java.time.LocalDate::compareTo)
                .orElseThrow();
        java.util.SortedMap<Integer, Long> byYear = new java.util.TreeMap<>();
        booked.countByMonthOutside(first, last, people)
                .forEach((month, count) -> byYear.merge(calendar.fiscalYearOf(month), count, Long::sum));
        Map<String, Long> stored = new LinkedHashMap<>();
        byYear.forEach((y, c) -> stored.put(String.valueOf(y), c));
        jdbc.sql("update calc_run set not_covered = cast(:nc as jsonb) where id = :id")
                .param("nc", json.writeValueAsString(stored))
                .param("id", runId)
                .update();
    }

    private CalcRuns.NotCovered notCovered(String stored) {
        if (stored == null) {
            return null;
        }
        java.util.SortedMap<Integer, Long> byYear = new java.util.TreeMap<>();
        json.readTree(stored)
                .properties()
                .forEach(e ->
                        byYear.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
        return new CalcRuns.NotCovered(
                byYear.values().stream().mapToLong(Long::longValue).sum(),
                java.util.Collections.unmodifiableSortedMap(byYear));
    }

    void fail(long runId, RuntimeException e) {
        fail(runId, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }

    /** Ends the run as FAILED with {@code error}: a message key {@code runs.error.…} (pages translate it) or a text. */
    void fail(long runId, String error) {
        jdbc.sql("update calc_run set status = :status, finished_at = :at, error = :e where id = :id")
                .param("status", RunStatus.FAILED.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("e", error)
                .param("id", runId)
                .update();
    }

    /** The runs whose trigger starts with {@code prefix}, oldest first (an import's recalculations). */
    List<Long> idsTriggeredBy(String prefix) {
        return jdbc.sql("select id from calc_run where starts_with(trigger, :prefix) order by id")
                .param("prefix", prefix)
                .query(Long.class)
                .list();
    }

    /** The run with its failed payees' reasons in the current request's language (English outside a request). */
    Optional<CalcRuns.Run> find(long runId) {
        return jdbc.sql("""
                select id, kind, status, trigger, started_by, started_at, finished_at, periods, total, done, changed,
                       exclusions::text as exclusions, issues::text as issues, error, superseded,
                       failed_payees::text as failed_payees, not_covered::text as not_covered, spark_master,
                       stages::text as stages
                from calc_run where id = :id""")
                .param("id", runId)
                .query((rs, n) -> new CalcRuns.Run(
                        rs.getLong("id"),
                        RunKind.valueOf(rs.getString("kind")),
                        RunStatus.valueOf(rs.getString("status")),
                        rs.getString("trigger"),
                        rs.getString("started_by"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant(),
                        List.of((String[]) rs.getArray("periods").getArray()),
                        rs.getInt("total"),
                        rs.getInt("done"),
                        rs.getInt("changed"),
                        rs.getString("exclusions"),
                        rs.getString("issues"),
                        rs.getString("error"),
                        rs.getInt("superseded"),
                        failedPayees(rs.getString("failed_payees")),
                        notCovered(rs.getString("not_covered")),
                        rs.getString("spark_master"),
                        stages(rs.getString("stages"))))
                .optional();
    }

    List<CalcRuns.Run> recent(int limit) {
        return jdbc
                .sql("select id from calc_run order by id desc limit :n")
                .param("n", limit)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    /** One page of runs, newest first, by status and kind (null = any) and a search in trigger, starter and periods. */
    org.attain.platform.Paged<CalcRuns.Run> page(
            RunStatus status, RunKind kind, String q, org.attain.platform.PageRequest page) {
        String where = """
                where (cast(:status as text) is null or status = cast(:status as text))
                  and (cast(:kind as text) is null or kind = cast(:kind as text))
                  and (:q = '' or trigger ilike :like or started_by ilike :like
                       or array_to_string(periods, ' ') ilike :like or cast(id as text) = :q)""";
        String statusName = status == null ? null : status.name();
        String kindName = kind == null ? null : kind.name();
        long total = jdbc.sql("select count(*) from calc_run " + where)
                .param("status", statusName)
                .param("kind", kindName)
                .param("q", org.attain.platform.SearchText.of(q))
                .param("like", org.attain.platform.SearchText.like(q))
                .query(Long.class)
                .single();
        List<CalcRuns.Run> rows = jdbc
                .sql("select id from calc_run " + where + " order by id desc limit :n offset :o")
                .param("status", statusName)
                .param("kind", kindName)
                .param("q", org.attain.platform.SearchText.of(q))
                .param("like", org.attain.platform.SearchText.like(q))
                .param("n", page.limit())
                .param("o", page.offset())
                .query(Long.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
        return org.attain.platform.Paged.of(rows, page, total);
    }

    private List<CalcRuns.RunStage> stages(String stored) {
        List<CalcRuns.RunStage> out = new ArrayList<>();
        for (JsonNode s : json.readTree(stored)) {
            List<Object> args = new ArrayList<>();
            s.get("args").forEach(a -> args.add(a.isIntegralNumber() ? (Object) a.asLong() : a.asString()));
            out.add(new CalcRuns.RunStage(
                    s.get("key").asString(),
                    List.copyOf(args),
                    java.time.Instant.parse(s.get("at").asString())));
        }
        return List.copyOf(out);
    }

    private static java.util.Locale locale() {
        return LocaleContextHolder.getLocaleContext() == null
                ? java.util.Locale.ENGLISH
                : LocaleContextHolder.getLocale();
    }

    private List<CalcRuns.FailedPayee> failedPayees(String stored) {
        JsonNode list = json.readTree(stored);
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        list.forEach(f -> ids.add(f.get("personId").asLong()));
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, first_name || ' ' || last_name from org_person_v where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        List<CalcRuns.FailedPayee> out = new ArrayList<>();
        for (JsonNode f : list) {
            long person = f.get("personId").asLong();
            String reason = f.get("reason").asString();
            List<String> args = new ArrayList<>();
            f.get("args").forEach(a -> args.add(a.asString()));
            out.add(new CalcRuns.FailedPayee(
                    person,
                    names.get(person),
                    reason,
                    List.copyOf(args),
                    messages.getMessage(reason, args.toArray(), reason, locale())));
        }
        return out;
    }
}
