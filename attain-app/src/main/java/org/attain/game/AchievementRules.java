package org.attain.game;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.PersonScope;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.quota.Quotas;
import org.attain.sales.SalesFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Achievement rules defined by admins and what people achieved, evaluated with the pure {@link Achievements} over
 * the same reads as boards ({@link Metrics}, {@code sales.SalesFigures}; competitors: the reps of the current
 * quarter from {@code quota.Quotas}). A rule counts from the day it was created unless the admin applied it to the
 * past ({@link #PAST_DAYS} days back); a person achieves a rule once (unique rule and person), its points granted
 * once in {@code game_points}. Badges count the other rules' achievements.
 */
@Service
public class AchievementRules {

    /** How far back a rule applied to the past counts, and the longest span any evaluation reads. */
    public static final int PAST_DAYS = 366;

    public enum Kind {
        COUNT_IN_WINDOW,
        FIRST_DEAL_OVER,
        BADGE,
        STREAK
    }

    public record Rule(
            long id,
            String name,
            Kind kind,
            Metric metric,
            BigDecimal threshold,
            Integer days,
            Integer times,
            Integer points,
            LocalDate countsFrom,
            boolean retroactive,
            String createdBy,
            Instant createdAt) {}

    /** A rule as typed into a form or sent to the API: text and numbers, checked by {@link #create}. */
    public record NewRule(
            String name,
            String kind,
            String metric,
            String threshold,
            Integer days,
            Integer times,
            Integer points,
            Boolean applyToPast) {}

    /** What one person achieved: the rule, the day, how (the trace) and the points it brought. */
    public record Earned(
            long id,
            long ruleId,
            String rule,
            Kind kind,
            long personId,
            LocalDate achievedOn,
            String detail,
            Integer points) {}

    private final JdbcClient jdbc;
    private final Metrics metrics;
    private final SalesFigures sales;
    private final Quotas quotas;
    private final Periods periods;
    private final AuditLog audit;
    private final Clock clock;

    AchievementRules(
            JdbcClient jdbc,
            Metrics metrics,
            SalesFigures sales,
            Quotas quotas,
            Periods periods,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.sales = sales;
        this.quotas = quotas;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Rule create(AttainUser user, NewRule in) {
        if (!Leaderboards.mayManage(user)) {
            throw new ForbiddenException(
                    "game.forbidden", "Only admins, comp admins and managers manage achievements.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "game.error.name", "is required (at most 200 characters)"));
        }
        Kind kind = Leaderboards.parse(Kind.class, in.kind(), null, "ruleKind", problems);
        if (kind == null && problems.stream().noneMatch(p -> p.field().equals("ruleKind"))) {
            problems.add(new FieldProblem("ruleKind", "game.error.ruleKind", "choose the kind of rule"));
        }
        Metric metric = null;
        BigDecimal threshold = null;
        if (kind != null && kind != Kind.BADGE) {
            metric = kind == Kind.FIRST_DEAL_OVER
                    ? Metric.BOOKINGS
                    : Metric.parse(in.metric())
                            .filter(m ->
                                    m != Metric.ATTAINMENT && !m.name().startsWith("PIPELINE") && m != Metric.FORMULA)
                            .orElse(null);
            if (metric == null) {
                problems.add(new FieldProblem(
                        "metric", "game.error.ruleMetric", "must be bookings, deals won, calls or meetings"));
            }
            try {
                threshold = new BigDecimal(
                        in.threshold() == null ? "" : in.threshold().strip());
                if (threshold.signum() <= 0 || threshold.scale() > 4) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                threshold = null;
                problems.add(new FieldProblem(
                        "threshold", "game.error.threshold", "must be a positive number with at most 4 decimals"));
            }
        }
        boolean needsDays = kind == Kind.COUNT_IN_WINDOW || kind == Kind.BADGE;
        if (needsDays && (in.days() == null || in.days() < 1 || in.days() > 366)) {
            problems.add(new FieldProblem("days", "game.error.days", "must be 1 to 366 days"));
        }
        boolean needsTimes = kind == Kind.BADGE || kind == Kind.STREAK;
        if (needsTimes && (in.times() == null || in.times() < 1 || in.times() > 100)) {
            problems.add(new FieldProblem("times", "game.error.times", "must be 1 to 100"));
        }
        if (in.points() != null && in.points() <= 0) {
            problems.add(new FieldProblem("points", "game.error.points", "must be a positive whole number"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean past = Boolean.TRUE.equals(in.applyToPast());
        LocalDate today = LocalDate.now(clock);
        long id = jdbc.sql("""
                insert into game_achievement_rule(name, kind, metric, threshold, days, times, points, counts_from,
                                                  retroactive, created_by, created_at)
                values (:name, :kind, :metric, :threshold, :days, :times, :points, :from, :past, :by, :at) returning id""")
                .param("name", name)
                .param("kind", kind.name())
                .param("metric", metric == null ? null : metric.name())
                .param("threshold", threshold)
                .param("days", needsDays ? in.days() : null)
                .param("times", needsTimes ? in.times() : null)
                .param("points", in.points())
                .param("from", past ? today.minusDays(PAST_DAYS) : today)
                .param("past", past)
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(
                user.getUsername(),
                "GAME_ACHIEVEMENT_RULE_CREATED",
                "game_achievement_rule",
                String.valueOf(id),
                null,
                Map.of("name", name, "kind", kind.name(), "retroactive", past),
                null);
        return find(id).orElseThrow();
    }

    public List<Rule> all() {
        return jdbc.sql(SELECT + " order by r.created_at desc, r.id desc")
                .query(AchievementRules::rule)
                .list();
    }

    public Optional<Rule> find(long id) {
        return jdbc.sql(SELECT + " where r.id = :id")
                .param("id", id)
                .query(AchievementRules::rule)
                .optional();
    }

    private static final String SELECT = """
            select r.id, r.name, r.kind, r.metric, r.threshold, r.days, r.times, r.points, r.counts_from, r.retroactive,
                   r.created_by, r.created_at from game_achievement_rule r""";

    private static Rule rule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Rule(
                rs.getLong(1),
                rs.getString(2),
                Kind.valueOf(rs.getString(3)),
                rs.getString(4) == null ? null : Metric.valueOf(rs.getString(4)),
                rs.getBigDecimal(5),
                (Integer) rs.getObject(6),
                (Integer) rs.getObject(7),
                (Integer) rs.getObject(8),
                rs.getDate(9).toLocalDate(),
                rs.getBoolean(10),
                rs.getString(11),
                rs.getTimestamp(12).toInstant());
    }

    /** A person's achievements, newest first (badges among them). */
    public List<Earned> of(long personId) {
        return jdbc.sql("""
                        select a.id, a.rule_id, r.name, r.kind, a.person_id, a.achieved_on, a.detail, g.points
                        from game_achievement a join game_achievement_rule r on r.id = a.rule_id
                        left join game_points g on g.achievement_id = a.id
                        where a.person_id = :p order by a.achieved_on desc, a.id desc""")
                .param("p", personId)
                .query((rs, n) -> new Earned(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Kind.valueOf(rs.getString(4)),
                        rs.getLong(5),
                        rs.getDate(6).toLocalDate(),
                        rs.getString(7),
                        (Integer) rs.getObject(8)))
                .list();
    }

    /** How many people achieved each rule. */
    public Map<Long, Long> counts() {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("select rule_id, count(*) from game_achievement group by rule_id")
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /**
     * Evaluates every rule up to today and stores what was newly achieved (badges last, over the achievements
     * of the other rules); returns the number of new achievements. Running it again awards nothing twice.
     */
    @Transactional
    public int evaluate() {
        return evaluate(null);
    }

    /**
     * {@link #evaluate()} for some people only (those whose deals or activities just changed; null: everyone
     * competing), so what they achieved is awarded without waiting for anyone to ask. Each rule still counts only
     * from its own first day: evaluating sooner or more often never makes a rule retroactive.
     */
    @Transactional
    public int evaluate(java.util.Collection<Long> only) {
        List<Rule> rules = new ArrayList<>(all());
        if (rules.isEmpty()) {
            return 0; // a company without rules pays nothing per deal for this
        }
        LocalDate today = LocalDate.now(clock);
        List<Long> people =
                quotas.forPeriod(periods.current(PeriodKind.QUARTER).id(), null, PersonScope.everyone()).stream()
                        .map(Quotas.Row::personId)
                        .distinct()
                        .filter(p -> only == null || only.contains(p))
                        .toList();
        if (people.isEmpty()) {
            return 0;
        }
        rules.sort(java.util.Comparator.comparing((Rule r) -> r.kind() == Kind.BADGE)
                .thenComparing(Rule::id));
        int added = 0;
        for (Rule rule : rules) {
            Set<Long> done = Set.copyOf(jdbc.sql("select person_id from game_achievement where rule_id = :r")
                    .param("r", rule.id())
                    .query(Long.class)
                    .list());
            List<Long> open = people.stream().filter(p -> !done.contains(p)).toList();
            if (open.isEmpty()) {
                continue;
            }
            LocalDate from = rule.countsFrom().isBefore(today.minusDays(PAST_DAYS))
                    ? today.minusDays(PAST_DAYS)
                    : rule.countsFrom();
            for (Map.Entry<Long, Hit> hit : hits(rule, open, from, today).entrySet()) {
                added += award(rule, hit.getKey(), hit.getValue()) ? 1 : 0;
            }
        }
        return added;
    }

    record Hit(LocalDate on, String detail) {}

    private Map<Long, Hit> hits(Rule rule, List<Long> people, LocalDate from, LocalDate to) {
        Map<Long, Hit> out = new HashMap<>();
        if (from.isAfter(to)) {
            return out;
        }
        switch (rule.kind()) {
            case COUNT_IN_WINDOW -> {
                Map<Long, Map<LocalDate, BigDecimal>> daily = metrics.daily(rule.metric(), people, from, to);
                Achievements.CountInWindow count = new Achievements.CountInWindow(rule.threshold(), rule.days());
                daily.forEach((p, values) -> Achievements.firstMet(count, values, from)
                        .ifPresent(on -> out.put(
                                p,
                                new Hit(
                                        on,
                                        plain(rule.threshold()) + " " + rule.metric() + " within " + rule.days()
                                                + " days, reached on " + on))));
            }
            case FIRST_DEAL_OVER -> {
                for (long p : people) {
                    List<Achievements.Dated> deals = sales.ofOwner(p, from, to, 1000).recentDeals().stream()
                            .filter(d -> !d.closeDate().isBefore(from)
                                    && !d.closeDate().isAfter(to))
                            .map(d -> new Achievements.Dated(d.closeDate(), d.externalId(), d.amount()))
                            .toList();
                    Achievements.firstOver(rule.threshold(), deals, from)
                            .ifPresent(d -> out.put(
                                    p,
                                    new Hit(
                                            d.on(),
                                            "deal " + d.id() + " of " + plain(d.amount()) + " over "
                                                    + plain(rule.threshold()))));
                }
            }
            case STREAK -> {
                Map<Long, List<BigDecimal>> weekly = new HashMap<>();
                List<LocalDate> ends = new ArrayList<>();
                for (LocalDate start = from; !start.plusDays(6).isAfter(to); start = start.plusDays(7)) {
                    ends.add(start.plusDays(6));
                }
                Map<Long, Map<LocalDate, BigDecimal>> daily = ends.isEmpty()
                        ? Map.of()
                        : metrics.daily(rule.metric(), people, from, ends.get(ends.size() - 1));
                for (long p : people) {
                    Map<LocalDate, BigDecimal> days = daily.getOrDefault(p, Map.of());
                    List<BigDecimal> weeks = new ArrayList<>();
                    for (LocalDate end : ends) {
                        BigDecimal week = BigDecimal.ZERO;
                        for (LocalDate d = end.minusDays(6); !d.isAfter(end); d = d.plusDays(1)) {
                            week = week.add(days.getOrDefault(d, BigDecimal.ZERO));
                        }
                        weeks.add(week);
                    }
                    weekly.put(p, weeks);
                }
                weekly.forEach((p, values) -> {
                    for (int i = 0; i < values.size(); i++) {
                        if (Achievements.streak(values.subList(0, i + 1), rule.threshold())
                                        .current()
                                >= rule.times()) {
                            out.put(
                                    p,
                                    new Hit(
                                            ends.get(i),
                                            rule.times() + " weeks in a row at " + plain(rule.threshold()) + " "
                                                    + rule.metric() + " or more, to " + ends.get(i)));
                            break;
                        }
                    }
                });
            }
            case BADGE -> {
                Map<Long, List<LocalDate>> dates = new HashMap<>();
                jdbc.sql("""
                                select a.person_id, a.achieved_on from game_achievement a
                                join game_achievement_rule r on r.id = a.rule_id
                                where r.kind <> 'BADGE' and a.achieved_on between :from and :to
                                  and a.person_id = any(cast(:ids as bigint[]))""")
                        .param("from", from)
                        .param("to", to)
                        .param("ids", people.toArray(Long[]::new))
                        .query(rs -> {
                            dates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(rs.getDate(2).toLocalDate());
                        });
                dates.forEach((p, on) -> Achievements.badge(on, rule.times(), rule.days())
                        .ifPresent(day -> out.put(
                                p,
                                new Hit(
                                        day,
                                        rule.times() + " achievements within " + rule.days() + " days, on " + day))));
            }
        }
        return out;
    }

    private boolean award(Rule rule, long person, Hit hit) {
        Instant now = clock.instant();
        Long id = jdbc.sql("""
                        insert into game_achievement(rule_id, person_id, achieved_on, detail, awarded_at)
                        values (:r, :p, :on, :detail, :at) on conflict (rule_id, person_id) do nothing returning id""")
                .param("r", rule.id())
                .param("p", person)
                .param("on", hit.on())
                .param("detail", hit.detail())
                .param("at", Timestamp.from(now))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            return false;
        }
        if (rule.points() != null) {
            jdbc.sql("""
                    insert into game_points(person_id, points, reason, achievement_id, granted_at)
                    values (:p, :points, :reason, :a, :at) on conflict (achievement_id) do nothing""")
                    .param("p", person)
                    .param("points", rule.points())
                    .param("reason", "achievement " + rule.name())
                    .param("a", id)
                    .param("at", Timestamp.from(now))
                    .update();
        }
        return true;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
