package org.attain.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.attain.analytics.CoachingSuggestions.Association;
import org.attain.analytics.CoachingSuggestions.StepGap;
import org.attain.platform.ConflictException;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching plans: per-rep goals tracked from live metrics ({@link PerformanceAnalytics} over the goal's days), the
 * manager's notes and 1:1 agendas, and suggestions from {@link CoachingSuggestions} a manager accepts as goals.
 * Who may read or write a plan is decided by the caller (the web layer asks {@code org.Visibility}); this class
 * trusts the person id it is given. Owns coaching_plan, coaching_goal, coaching_entry.
 */
@Service
public class Coaching {

    /** Suggestions compare the last 90 days; an accepted goal runs the next 90. */
    public static final int WINDOW_DAYS = 90;

    /** The association of activities with wins is learned from the last 12 months of every rep. */
    public static final int EVIDENCE_MONTHS = 12;

    private final JdbcClient jdbc;
    private final PerformanceAnalytics analytics;

    Coaching(JdbcClient jdbc, PerformanceAnalytics analytics) {
        this.jdbc = jdbc;
        this.analytics = analytics;
    }

    public enum Status {
        MET,
        ON_TRACK,
        BEHIND,
        MISSED,
        NO_DATA
    }

    /** A goal with its live value over [startsOn, min(dueOn, today)] and its progress (value ÷ target, 4 places). */
    public record Goal(
            long id,
            GoalMetric metric,
            BigDecimal target,
            LocalDate startsOn,
            LocalDate dueOn,
            String source,
            BigDecimal value,
            BigDecimal progress,
            Status status) {}

    public record Entry(long id, String kind, LocalDate meetingOn, String body, String createdBy, Instant createdAt) {}

    public record Plan(long personId, boolean exists, List<Goal> goals, List<Entry> agendas, List<Entry> notes) {}

    /** A goal offered to the manager: its key, metric, target, due day, and the reason as a message key with args. */
    public record Suggestion(
            String key, GoalMetric metric, BigDecimal target, LocalDate dueOn, String reasonKey, List<Object> args) {}

    /**
     * The suggestions for a rep, the funnel step furthest behind (or null), and the company's activity associations
     * behind the activity suggestion, with how many rep-months they were learned from.
     */
    public record Suggestions(
            List<Suggestion> items, StepGap behind, List<Association> associations, LocalDate from, LocalDate to) {}

    public Plan plan(long personId, LocalDate today) {
        Optional<Long> planId = planId(personId);
        if (planId.isEmpty()) {
            return new Plan(personId, false, List.of(), List.of(), List.of());
        }
        record Row(long id, String metric, BigDecimal target, LocalDate startsOn, LocalDate dueOn, String source) {}
        List<Row> rows = jdbc.sql("""
                select id, metric, target, starts_on, due_on, source from coaching_goal
                where plan_id = :plan order by due_on, id""")
                .param("plan", planId.get())
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6)))
                .list();
        List<Goal> goals = new ArrayList<>();
        for (Row r : rows) {
            GoalMetric metric = GoalMetric.byKey(r.metric()).orElseThrow();
            goals.add(track(r.id(), metric, r.target(), r.startsOn(), r.dueOn(), r.source(), personId, today));
        }
        List<Entry> entries = jdbc.sql("""
                select id, kind, meeting_on, body, created_by, created_at from coaching_entry
                where plan_id = :plan order by coalesce(meeting_on, cast(created_at as date)) desc, id desc""")
                .param("plan", planId.get())
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
        return new Plan(
                personId,
                true,
                goals,
                entries.stream().filter(e -> e.kind().equals("AGENDA")).toList(),
                entries.stream().filter(e -> e.kind().equals("NOTE")).toList());
    }

    private Goal track(
            long id,
            GoalMetric metric,
            BigDecimal target,
            LocalDate startsOn,
            LocalDate dueOn,
            String source,
            long personId,
            LocalDate today) {
        if (today.isBefore(startsOn)) {
            return new Goal(id, metric, target, startsOn, dueOn, source, null, null, Status.NO_DATA);
        }
        LocalDate until = dueOn.isBefore(today) ? dueOn : today;
        Figures f = analytics.all(new PerformanceAnalytics.Range(startsOn, until)).stream()
                .filter(r -> r.personId() == personId)
                .map(PerformanceAnalytics.Rep::figures)
                .findFirst()
                .orElse(Figures.NONE);
        BigDecimal value = metric.of(f);
        if (value == null) {
            return new Goal(id, metric, target, startsOn, dueOn, source, null, null, Status.NO_DATA);
        }
        BigDecimal progress = value.divide(target, 4, RoundingMode.HALF_EVEN);
        boolean met = progress.compareTo(BigDecimal.ONE) >= 0;
        boolean over = dueOn.isBefore(today);
        Status status;
        if (met && (metric.rate() ? over : true)) {
            status = Status.MET;
        } else if (over) {
            status = Status.MISSED;
        } else if (metric.rate()) {
            status = met ? Status.ON_TRACK : Status.BEHIND;
        } else {
            long days = ChronoUnit.DAYS.between(startsOn, dueOn) + 1;
            long gone = ChronoUnit.DAYS.between(startsOn, until) + 1;
            BigDecimal pace = BigDecimal.valueOf(gone).divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_EVEN);
            status = progress.compareTo(pace) >= 0 ? Status.ON_TRACK : Status.BEHIND;
        }
        return new Goal(id, metric, target, startsOn, dueOn, source, value, progress, status);
    }

    /** The suggestions for one rep on {@code today}; empty when the rep is not a rep or nothing stands out. */
    public Suggestions suggest(long personId, LocalDate today) {
        LocalDate from = today.minusDays(WINDOW_DAYS - 1L);
        List<PerformanceAnalytics.Rep> all = analytics.all(new PerformanceAnalytics.Range(from, today));
        Optional<PerformanceAnalytics.Rep> me =
                all.stream().filter(r -> r.personId() == personId).findFirst();
        List<Association> associations = associations(today);
        if (me.isEmpty()) {
            return new Suggestions(List.of(), null, associations, from, today);
        }
        List<Figures> peers = all.stream()
                .filter(r -> Objects.equals(r.role(), me.get().role()))
                .map(PerformanceAnalytics.Rep::figures)
                .toList();
        Figures mine = me.get().figures();
        LocalDate due = today.plusDays(WINDOW_DAYS);
        List<Suggestion> items = new ArrayList<>();
        StepGap behind = CoachingSuggestions.furthestBehind(mine, peers).orElse(null);
        if (behind != null) {
            items.add(new Suggestion(
                    "funnel:" + behind.step().key(),
                    behind.step(),
                    target(behind.step(), behind.peerMedian()),
                    due,
                    "coach.suggest.funnel",
                    List.of(
                            "coach.metric." + behind.step().key(),
                            behind.gap().negate().movePointRight(2).setScale(0, RoundingMode.HALF_EVEN))));
        }
        Optional<Association> strongest = CoachingSuggestions.strongest(associations);
        if (strongest.isPresent()) {
            GoalMetric kind = strongest.get().activity();
            BigDecimal median = TeamInsights.median(peers.stream().map(kind::of).toList());
            BigDecimal mineCount = kind.of(mine);
            boolean already = behind != null && behind.step() == kind;
            if (median != null && mineCount.compareTo(median) < 0 && !already) {
                items.add(new Suggestion(
                        "activity:" + kind.key(),
                        kind,
                        target(kind, median),
                        due,
                        "coach.suggest.activity",
                        List.of(
                                "coach.metric." + kind.key(),
                                mineCount.setScale(0, RoundingMode.HALF_EVEN),
                                median.setScale(0, RoundingMode.CEILING),
                                strongest.get().r())));
            }
        }
        return new Suggestions(List.copyOf(items), behind, associations, from, today);
    }

    /** Every rep's months of the last {@link #EVIDENCE_MONTHS} months (whole months before today's). */
    private List<Association> associations(LocalDate today) {
        LocalDate end = today.withDayOfMonth(1).minusDays(1);
        LocalDate start = end.withDayOfMonth(1).minusMonths(EVIDENCE_MONTHS - 1L);
        List<Figures> repMonths = analytics.all(new PerformanceAnalytics.Range(start, end)).stream()
                .flatMap(r -> r.months().stream().map(PerformanceAnalytics.Month::figures))
                .toList();
        return CoachingSuggestions.associations(repMonths);
    }

    /** A count's target is the peer median rounded up to a whole; a rate's the median at four places. */
    private static BigDecimal target(GoalMetric metric, BigDecimal median) {
        return metric.rate()
                ? median.setScale(4, RoundingMode.HALF_EVEN)
                : median.setScale(0, RoundingMode.CEILING).max(BigDecimal.ONE);
    }

    /** Accepts one of today's suggestions into the rep's plan; twice the same open suggestion is refused. */
    @Transactional
    public long accept(long personId, String key, LocalDate today, String actor) {
        Suggestion s = suggest(personId, today).items().stream()
                .filter(x -> x.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(new FieldProblem(
                        "key", "coach.error.noSuggestion", "no suggestion " + key + " for this rep today")));
        long plan = ensurePlan(personId, actor);
        Integer open = jdbc.sql(
                        "select count(*) from coaching_goal where plan_id = :plan and source = :key and due_on >= :today")
                .param("plan", plan)
                .param("key", key)
                .param("today", today)
                .query(Integer.class)
                .single();
        if (open > 0) {
            throw new ConflictException("This suggestion is already a goal in the plan.");
        }
        return insertGoal(plan, s.metric(), s.target(), today, s.dueOn(), key, actor);
    }

    /** A goal set by hand; the target of a rate is given as a ratio (0.45 for 45%). */
    @Transactional
    public long addGoal(
            long personId, String metricKey, BigDecimal target, LocalDate dueOn, LocalDate today, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<GoalMetric> metric = GoalMetric.byKey(metricKey == null ? "" : metricKey);
        if (metric.isEmpty()) {
            problems.add(new FieldProblem("metric", "coach.error.metric", "pick one of " + keys()));
        }
        if (target == null || target.signum() <= 0) {
            problems.add(new FieldProblem("target", "coach.error.target", "give a target above zero"));
        } else if (metric.isPresent() && metric.get().rate() && target.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new FieldProblem("target", "coach.error.rate", "a rate is at most 100%"));
        }
        if (dueOn == null || dueOn.isBefore(today)) {
            problems.add(new FieldProblem("due", "coach.error.due", "give a due date from today on"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long plan = ensurePlan(personId, actor);
        return insertGoal(plan, metric.get(), target, today, dueOn, null, actor);
    }

    /** A note ({@code meetingOn} null) or a 1:1 agenda (for a meeting day). */
    @Transactional
    public long addEntry(long personId, String kind, LocalDate meetingOn, String body, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 2000) {
            problems.add(new FieldProblem("body", "coach.error.body", "write between 1 and 2000 characters"));
        }
        if ("AGENDA".equals(kind) && meetingOn == null) {
            problems.add(new FieldProblem("meeting", "coach.error.meeting", "give the day of the 1:1"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long plan = ensurePlan(personId, actor);
        return jdbc.sql("""
                insert into coaching_entry(plan_id, kind, meeting_on, body, created_by)
                values (:plan, :kind, :meeting, :body, :actor) returning id""")
                .param("plan", plan)
                .param("kind", "AGENDA".equals(kind) ? "AGENDA" : "NOTE")
                .param("meeting", "AGENDA".equals(kind) ? meetingOn : null)
                .param("body", text)
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    /** How many goals each of these people's plans holds (people without a plan left out). */
    public Map<Long, Long> goalCounts(List<Long> people) {
        return jdbc
                .sql("""
                select p.person_id, count(g.id) from coaching_plan p left join coaching_goal g on g.plan_id = p.id
                where p.person_id = any(:ids) group by p.person_id""")
                .param("ids", people.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String keys() {
        return java.util.Arrays.stream(GoalMetric.values()).map(GoalMetric::key).collect(Collectors.joining(", "));
    }

    private long insertGoal(
            long plan,
            GoalMetric metric,
            BigDecimal target,
            LocalDate startsOn,
            LocalDate dueOn,
            String source,
            String actor) {
        return jdbc.sql("""
                insert into coaching_goal(plan_id, metric, target, starts_on, due_on, source, created_by)
                values (:plan, :metric, :target, :starts, :due, :source, :actor) returning id""")
                .param("plan", plan)
                .param("metric", metric.key())
                .param("target", target)
                .param("starts", startsOn)
                .param("due", dueOn)
                .param("source", source)
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    private Optional<Long> planId(long personId) {
        return jdbc.sql("select id from coaching_plan where person_id = :p")
                .param("p", personId)
                .query(Long.class)
                .optional();
    }

    private long ensurePlan(long personId, String actor) {
        jdbc.sql(
                        "insert into coaching_plan(person_id, created_by) values (:p, :actor) on conflict (person_id) do nothing")
                .param("p", personId)
                .param("actor", actor)
                .update();
        return planId(personId).orElseThrow();
    }
}
