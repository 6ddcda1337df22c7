package org.attain.objectives;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.Role;
import org.attain.calendar.PeriodStatus;
import org.attain.calendar.Periods;
import org.attain.org.People;
import org.attain.org.PersonRefs;
import org.attain.org.PersonView;
import org.attain.org.Visibility;
import org.attain.plan.PlanObjectives;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's MBO objectives in a period with their scores, and scoring them. Who sees a sheet is {@link Visibility}'s
 * rule (not visible answers 404, as if the person did not exist); who scores: a manager their subtree, an admin or
 * comp admin anyone, never anyone their own objectives (403). A closed period's scores no longer change.
 */
@Service
public class ObjectiveScores {

    /** The highest score accepted: ten times the objective (beyond that a typo is the likelier story). */
    public static final BigDecimal MAX_SCORE = BigDecimal.TEN;

    private final JdbcClient jdbc;
    private final PlanObjectives objectives;
    private final Periods periods;
    private final People people;
    private final Visibility visibility;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PersonRefs refs;

    ObjectiveScores(
            JdbcClient jdbc,
            PlanObjectives objectives,
            Periods periods,
            People people,
            Visibility visibility,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            PersonRefs refs) {
        this.jdbc = jdbc;
        this.objectives = objectives;
        this.periods = periods;
        this.people = people;
        this.visibility = visibility;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.refs = refs;
    }

    /** One objective with its score; {@code score} null when it is unscored. */
    public record Line(
            String planName,
            String component,
            String objective,
            BigDecimal weight,
            BigDecimal score,
            String scoredBy,
            Instant scoredAt) {

        public boolean scored() {
            return score != null;
        }
    }

    /** A person's objectives in a period; {@code editable} when the caller may score them (and the period is open). */
    public record Sheet(
            long personId, String personName, String period, boolean closed, boolean editable, List<Line> lines) {}

    public Sheet sheet(AttainUser user, long personId, String periodId) {
        if (!visibility.canSee(user, personId)) {
            throw new NotFoundException("person", personId);
        }
        Periods.PeriodRow period = periods.find(periodId).orElseThrow(() -> new NotFoundException("period", periodId));
        PersonView person = people.find(personId, period.endsOn())
                .or(() -> people.find(personId, period.startsOn()))
                .orElseThrow(() -> new NotFoundException("person", personId));
        Map<String, Object[]> stored = new HashMap<>();
        jdbc.sql(
                        "select objective, score, scored_by, scored_at from objective_score where person_id = :p and period_id = :q")
                .param("p", personId)
                .param("q", periodId)
                .query((rs, n) -> stored.put(rs.getString(1), new Object[] {
                    rs.getBigDecimal(2), rs.getString(3), rs.getTimestamp(4).toInstant()
                }))
                .list();
        List<Line> lines = new ArrayList<>();
        for (PlanObjectives.PlanObjective o : objectives.of(personId, period.startsOn(), period.endsOn())) {
            Object[] s = stored.get(o.objective());
            lines.add(new Line(
                    o.planName(),
                    o.component(),
                    o.objective(),
                    o.weight(),
                    s == null ? null : (BigDecimal) s[0],
                    s == null ? null : (String) s[1],
                    s == null ? null : (Instant) s[2]));
        }
        boolean closed = period.status() == PeriodStatus.CLOSED;
        return new Sheet(
                personId,
                person.firstName() + " " + person.lastName(),
                periodId,
                closed,
                !closed && mayScore(user, personId),
                lines);
    }

    /** A person with objectives of a period nobody has scored yet: how many. */
    public record Unscored(long personId, String personName, String period, int objectives) {}

    /**
     * Of these people, those the caller may score whose objectives of an open period are not all scored, in the given
     * order: what a manager's home page lists as waiting.
     */
    public List<Unscored> unscored(AttainUser user, List<Long> personIds, String periodId) {
        // For a set of people at once (a manager's home page asks on every request): the period, the walk down the
        // caller's tree, the plans' objectives, the scores and the names each read once, not once per person.
        Periods.PeriodRow period = periods.find(periodId).orElse(null);
        if (period == null || period.status() == PeriodStatus.CLOSED || personIds.isEmpty()) {
            return List.of();
        }
        org.attain.org.PersonScope scope = visibility.scopeOf(user);
        List<Long> mine = personIds.stream()
                .filter(id -> mayScore(user, id) && scope.includes(id))
                .toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PlanObjectives.PlanObjective>> objectivesOf =
                objectives.ofEach(mine, period.startsOn(), period.endsOn());
        Map<Long, Set<String>> scored = new HashMap<>();
        String scores = """
                select person_id, objective from objective_score
                where person_id = any(:p) and period_id = :q and score is not null""";
        jdbc.sql(scores)
                .param("p", mine.toArray(Long[]::new))
                .param("q", periodId)
                .query(rs -> {
                    scored.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>())
                            .add(rs.getString(2));
                });
        Map<Long, Integer> open = new LinkedHashMap<>();
        for (long personId : mine) {
            Set<String> done = scored.getOrDefault(personId, Set.of());
            int count = (int) objectivesOf.getOrDefault(personId, List.of()).stream()
                    .filter(o -> !done.contains(o.objective()))
                    .count();
            if (count > 0) {
                open.put(personId, count);
            }
        }
        if (open.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>();
        people.list(org.attain.org.PersonScope.of(open.keySet()), People.Filter.none(), period.endsOn(), 0, open.size())
                .items()
                .forEach(v -> names.put(v.id(), v.firstName() + " " + v.lastName()));
        List<Unscored> out = new ArrayList<>();
        open.forEach((personId, count) -> {
            // Someone who left before the period's end is named as they were at its start, as their sheet does.
            String name = names.computeIfAbsent(
                    personId,
                    id -> people.find(id, period.startsOn())
                            .map(v -> v.firstName() + " " + v.lastName())
                            .orElse(null));
            if (name != null) {
                out.add(new Unscored(personId, name, periodId, count));
            }
        });
        return out;
    }

    /** One row of an import: its number (1-based, for errors), whose, when, which objective, and the score. */
    public record Imported(
            int row, org.attain.org.PersonRef person, String period, String objective, BigDecimal score) {}

    /**
     * Imports scores, all or none: rows are grouped by person and period and scored as {@link #score} does; every
     * problem names {@code rows[n]} and the field. Returns how many rows changed.
     */
    @Transactional
    public int importRows(AttainUser user, List<Imported> rows) {
        Map<String, Map<String, BigDecimal>> groups = new LinkedHashMap<>();
        Map<String, Long> people = new HashMap<>();
        Map<String, Integer> rowOf = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (Imported r : rows) {
            long id;
            try {
                id = refs.resolve(user, r.person(), "rows[" + r.row() + "].person", PersonRefs.Miss.BAD_REQUEST);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
                continue;
            }
            String group = id + " " + r.period();
            people.put(group, id);
            if (groups.computeIfAbsent(group, k -> new LinkedHashMap<>()).containsKey(r.objective())) {
                problems.add(new FieldProblem(
                        "rows[" + r.row() + "].objective",
                        "objectives.twice",
                        "is scored twice for this person and period"));
            }
            groups.get(group).put(r.objective(), r.score());
            rowOf.put(group + " " + r.objective(), r.row());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int changed = 0;
        for (Map.Entry<String, Map<String, BigDecimal>> g : groups.entrySet()) {
            String period = g.getKey().substring(g.getKey().indexOf(' ') + 1);
            try {
                changed += score(
                        user,
                        people.get(g.getKey()),
                        period,
                        g.getValue(),
                        o -> "rows[" + rowOf.get(g.getKey() + " " + o) + "].score");
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (NotFoundException e) {
                problems.add(new FieldProblem(
                        "rows["
                                + rowOf.get(g.getKey() + " "
                                        + g.getValue().keySet().iterator().next()) + "].period",
                        "objectives.unknownPeriod",
                        "names no period " + period));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return changed;
    }

    /** Whether the caller may score this person's objectives (visibility aside: ask {@link Visibility} first). */
    public static boolean mayScore(AttainUser user, long personId) {
        boolean role = user.has(Role.MANAGER) || user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN);
        return role && (user.personId() == null || user.personId() != personId);
    }

    /**
     * Sets scores (objective id to score as a fraction, null to clear) for one person and period, all or none: an
     * objective not in their plans, a negative or implausible score, or a closed period is an error naming the field
     * ({@code fieldOf} an objective). Returns how many rows changed; recalculates the person after commit.
     */
    @Transactional
    public int score(
            AttainUser user,
            long personId,
            String periodId,
            Map<String, BigDecimal> scores,
            java.util.function.Function<String, String> fieldOf) {
        Sheet sheet = sheet(user, personId, periodId);
        if (!mayScore(user, personId)) {
            throw new ForbiddenException(
                    "objectives.forbidden",
                    user.personId() != null && user.personId() == personId
                            ? "Nobody scores their own objectives."
                            : "Only managers, admins and comp admins score objectives.");
        }
        if (sheet.closed()) {
            throw new InvalidInputException(new FieldProblem(
                    "period", "objectives.closed", "period " + periodId + " is closed; its scores no longer change"));
        }
        Set<String> known = new java.util.HashSet<>();
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        sheet.lines().forEach(l -> {
            known.add(l.objective());
            before.put(l.objective(), l.score());
        });
        List<FieldProblem> problems = new ArrayList<>();
        scores.forEach((objective, score) -> {
            String field = fieldOf.apply(objective);
            if (!known.contains(objective)) {
                problems.add(new FieldProblem(
                        field,
                        "objectives.unknown",
                        "is not an objective of this person's plans in " + periodId + " (" + known + ")"));
            } else if (score != null && score.signum() < 0) {
                problems.add(new FieldProblem(field, "objectives.negative", "must not be negative"));
            } else if (score != null && score.compareTo(MAX_SCORE) > 0) {
                problems.add(new FieldProblem(field, "objectives.tooHigh", "must be at most 10 (1.00 = fully met)"));
            } else if (score != null && score.stripTrailingZeros().scale() > 4) {
                problems.add(new FieldProblem(field, "objectives.decimals", "has more than 4 decimals"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        int changed = 0;
        Map<String, Object> after = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : scores.entrySet()) {
            BigDecimal was = before.get(e.getKey());
            BigDecimal given = e.getValue();
            if (was == null ? given == null : given != null && was.compareTo(given) == 0) {
                continue;
            }
            if (given == null) {
                jdbc.sql("delete from objective_score where person_id = :p and period_id = :q and objective = :o")
                        .param("p", personId)
                        .param("q", periodId)
                        .param("o", e.getKey())
                        .update();
            } else {
                jdbc.sql("""
                        insert into objective_score(person_id, period_id, objective, score, scored_by, scored_at)
                        values (:p, :q, :o, :s, :by, :at)
                        on conflict (person_id, period_id, objective)
                        do update set score = excluded.score, scored_by = excluded.scored_by, scored_at = excluded.scored_at""")
                        .param("p", personId)
                        .param("q", periodId)
                        .param("o", e.getKey())
                        .param("s", given)
                        .param("by", user.getUsername())
                        .param("at", java.sql.Timestamp.from(now))
                        .update();
            }
            after.put(e.getKey(), given == null ? "unscored" : given.toPlainString());
            changed++;
        }
        if (changed > 0) {
            audit.record(user.getUsername(), "OBJECTIVES_SCORED", "person", personId + "/" + periodId, null, after);
            events.publishEvent(
                    new ObjectiveScoresChanged(Set.of(personId), "objective scores changed", user.getUsername(), true));
        }
        return changed;
    }
}
