package org.attain.game;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.People;
import org.attain.org.PersonView;
import org.attain.payout.Adjustments;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contests: checked creation, standings from the metric's owner through the pure {@link Race},
 * {@link Rankings} and {@link Elimination}, settling (awards per prize place, points granted) and the
 * approval that pays a cash prize as a SPIFF line through {@code payout.Adjustments} with a trace.
 *
 * <p>Never paid twice: an award is unique per contest and winner, settling flips the contest from OPEN to
 * SETTLED in the same transaction (a second settle is refused, field {@code contest}), and approving moves
 * an award from PENDING to PAID with the adjustment in one transaction (a second approval is refused, field
 * {@code award}). Nobody approves their own prize ({@code payout.OwnPay}, applied by Adjustments).
 */
@Service
public class Contests {

    static final int MAX_RACE_DAYS = 92;
    static final int MAX_PARTICIPANTS = 1000;

    private final JdbcClient jdbc;
    private final People people;
    private final Metrics metrics;
    private final Periods periods;
    private final Adjustments adjustments;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Contests(
            JdbcClient jdbc,
            People people,
            Metrics metrics,
            Periods periods,
            Adjustments adjustments,
            AuditLog audit,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.metrics = metrics;
        this.periods = periods;
        this.adjustments = adjustments;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A prize as typed: cash with currency, points and/or an item (non-cash); {@code code} for a prize that exists once. */
    public record NewPrize(Integer place, String cash, String currency, Integer points, String item, String code) {

        public NewPrize(Integer place, String cash, String currency, Integer points) {
            this(place, cash, currency, points, null, null);
        }
    }

    /** A contest as typed or sent: participants by employee id or e-mail. */
    public record NewContest(
            String name,
            String kind,
            String metric,
            String startsOn,
            String endsOn,
            String target,
            Integer intervalDays,
            List<String> participants,
            List<NewPrize> prizes,
            String formula,
            String window,
            Integer days,
            String period,
            String teamScore) {

        /** A contest over the days typed (a custom range). */
        public NewContest(
                String name,
                String kind,
                String metric,
                String startsOn,
                String endsOn,
                String target,
                Integer intervalDays,
                List<String> participants,
                List<NewPrize> prizes,
                String formula) {
            this(
                    name,
                    kind,
                    metric,
                    startsOn,
                    endsOn,
                    target,
                    intervalDays,
                    participants,
                    prizes,
                    formula,
                    null,
                    null,
                    null,
                    null);
        }
    }

    @Transactional
    public Contest create(AttainUser user, NewContest in) {
        if (!Leaderboards.mayManage(user)) {
            throw new ForbiddenException("game.forbidden", "Only admins, comp admins and managers manage contests.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "game.error.name", "is required (at most 200 characters)"));
        }
        ContestKind kind = Leaderboards.parse(ContestKind.class, in.kind(), null, "kind", problems);
        if (kind == null && (in.kind() == null || in.kind().isBlank())) {
            problems.add(new FieldProblem("kind", "game.error.kind", "is required: RACE, CLASSIC or ELIMINATION"));
        }
        Optional<Metric> metric = Metric.parse(in.metric());
        if (metric.isEmpty()) {
            problems.add(new FieldProblem(
                    "metric",
                    "game.error.metric",
                    "is not a known metric " + java.util.Arrays.toString(Metric.values())));
        } else if (metric.get().perPeriodOnly()) {
            problems.add(new FieldProblem(
                    "metric", "game.error.metricPeriod", "attainment is measured per period; use it on a leaderboard"));
        } else {
            problems.addAll(Metrics.check(metric.get(), in.formula(), false));
        }
        LocalDate starts;
        LocalDate ends;
        Window.Kind window = Leaderboards.parse(Window.Kind.class, in.window(), Window.Kind.RANGE, "window", problems);
        if (window == Window.Kind.RANGE) {
            starts = date(in.startsOn(), "startsOn", problems);
            ends = date(in.endsOn(), "endsOn", problems);
        } else {
            Window.Days days = resolve(window, in, problems);
            starts = days == null ? null : days.from();
            ends = days == null ? null : days.to();
        }
        if (starts != null && ends != null) {
            if (ends.isBefore(starts)) {
                problems.add(new FieldProblem("endsOn", "game.error.endBeforeStart", "must not be before startsOn"));
            } else if (kind == ContestKind.RACE && ChronoUnit.DAYS.between(starts, ends) >= MAX_RACE_DAYS) {
                problems.add(new FieldProblem(
                        "endsOn", "game.error.raceLong", "a race lasts at most " + MAX_RACE_DAYS + " days"));
            }
        }
        BigDecimal target = null;
        if (kind == ContestKind.RACE) {
            target = amount(in.target(), "target", problems);
            if (target == null && (in.target() == null || in.target().isBlank())) {
                problems.add(new FieldProblem("target", "game.error.target", "a race needs a positive target"));
            }
        }
        Integer interval = null;
        if (kind == ContestKind.ELIMINATION || kind == ContestKind.BRACKET) {
            interval = in.intervalDays();
            if (interval == null || interval < 1 || interval > 366) {
                interval = null;
                problems.add(new FieldProblem(
                        "intervalDays",
                        "game.error.interval",
                        "an elimination or a bracket needs an interval of 1 to 366 days"));
            }
        }
        String teamScore = null;
        if (kind == ContestKind.TEAM_BATTLE) {
            teamScore = in.teamScore() == null || in.teamScore().isBlank()
                    ? "SUM"
                    : in.teamScore().strip().toUpperCase(Locale.ROOT);
            if (!teamScore.equals("SUM") && !teamScore.equals("AVERAGE")) {
                problems.add(new FieldProblem("teamScore", "game.error.teamScore", "must be SUM or AVERAGE"));
            }
        }
        List<String> keys = in.participants() == null
                ? List.of()
                : in.participants().stream()
                        .filter(k -> k != null && !k.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        List<Long> participants = new ArrayList<>();
        if (keys.isEmpty()) {
            problems.add(new FieldProblem("participants", "game.error.noParticipants", "add at least one participant"));
        } else if (keys.size() > MAX_PARTICIPANTS) {
            problems.add(new FieldProblem(
                    "participants", "game.error.tooMany", "at most " + MAX_PARTICIPANTS + " participants"));
        } else {
            Map<String, Long> ids = people.idsByKey(keys);
            List<String> unknown = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (String k : keys) {
                Long id = ids.get(k.toLowerCase(Locale.ROOT));
                if (id == null) {
                    unknown.add(k);
                } else if (seen.add(id)) {
                    participants.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                problems.add(new FieldProblem(
                        "participants",
                        "game.error.unknownParticipants",
                        "unknown people: " + String.join(", ", unknown)));
            } else if ((kind == ContestKind.ELIMINATION || kind == ContestKind.BRACKET) && participants.size() < 2) {
                problems.add(new FieldProblem(
                        "participants",
                        "game.error.twoNeeded",
                        "an elimination or a bracket needs at least two participants"));
            } else if (kind == ContestKind.BRACKET && interval != null && starts != null && ends != null) {
                int rounds = Bracket.rounds(participants.size());
                LocalDate last = starts.plusDays((long) rounds * interval - 1);
                if (ends.isBefore(last)) {
                    problems.add(new FieldProblem(
                            "endsOn",
                            "game.error.bracketShort",
                            participants.size() + " participants need " + rounds + " rounds of " + interval
                                    + " days: end on " + last + " or later"));
                }
            }
        }
        Map<Long, String> teams = new LinkedHashMap<>();
        if (kind == ContestKind.TEAM_BATTLE && !participants.isEmpty() && starts != null) {
            List<String> teamless = new ArrayList<>();
            for (Long p : participants) {
                Optional<PersonView> person = people.find(p, starts);
                String team = person.map(PersonView::team).orElse(null);
                if (team == null) {
                    teamless.add(person.map(PersonView::name).orElse(String.valueOf(p)));
                } else {
                    teams.put(p, team);
                }
            }
            if (!teamless.isEmpty()) {
                problems.add(new FieldProblem(
                        "participants", "game.error.teamless", "not in a team: " + String.join(", ", teamless)));
            } else if (new HashSet<>(teams.values()).size() < 2) {
                problems.add(new FieldProblem(
                        "participants", "game.error.twoTeams", "a team battle needs people from at least two teams"));
            }
        }
        List<Contest.Prize> prizes = prizes(in.prizes(), problems);
        if (problems.isEmpty()) {
            sameContest(kind, metric.get(), in.formula(), starts, ends, participants, prizes)
                    .ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                insert into game_contest(name, kind, metric, starts_on, ends_on, target, interval_days, created_by, created_at,
                                         formula, team_score)
                values (:name, :kind, :metric, :starts, :ends, :target, :interval, :by, :at, :formula, :teamScore)
                returning id""")
                .param("teamScore", teamScore)
                .param("formula", metric.get() == Metric.FORMULA ? in.formula().strip() : null)
                .param("name", name)
                .param("kind", kind.name())
                .param("metric", metric.get().name())
                .param("starts", starts)
                .param("ends", ends)
                .param("target", target)
                .param("interval", interval)
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        int seed = 0;
        for (Long p : participants) {
            jdbc.sql(
                            "insert into game_contest_participant(contest_id, person_id, seed, team) values (:c, :p, :seed, :team)")
                    .param("c", id)
                    .param("p", p)
                    .param("seed", ++seed)
                    .param("team", teams.get(p))
                    .update();
        }
        for (Contest.Prize p : prizes) {
            jdbc.sql("""
                    insert into game_contest_prize(contest_id, place, cash, currency, points, item, code)
                    values (:c, :place, :cash, :currency, :points, :item, :code)""")
                    .param("item", p.item())
                    .param("code", p.code())
                    .param("c", id)
                    .param("place", p.place())
                    .param("cash", p.cash())
                    .param("currency", p.currency())
                    .param("points", p.points())
                    .update();
        }
        audit.record(
                user.getUsername(),
                "GAME_CONTEST_CREATED",
                "game_contest",
                String.valueOf(id),
                null,
                Map.of("name", name));
        return find(id).orElseThrow();
    }

    /**
     * Two contests paying the same prize twice: another contest of the same kind over the same metric (and formula),
     * the same days and exactly the same participants that gives a prize for a place this one gives one for would
     * pay the same performance twice (a contest created twice, by two managers or by a second click). Refused,
     * naming the contest that pays it already (field {@code prizes[i].place}).
     */
    private Optional<FieldProblem> sameContest(
            ContestKind kind,
            Metric metric,
            String formula,
            LocalDate starts,
            LocalDate ends,
            List<Long> participants,
            List<Contest.Prize> prizes) {
        if (prizes.isEmpty()) {
            return Optional.empty();
        }
        record Paying(long id, String name, int place) {}
        Optional<Paying> paying = jdbc.sql("""
                        select c.id, c.name, z.place from game_contest c
                        join game_contest_prize z on z.contest_id = c.id
                        where c.kind = :kind and c.metric = :metric and c.formula is not distinct from :formula
                          and c.starts_on = :starts and c.ends_on = :ends and z.place = any(:places)
                          and (select array_agg(p.person_id order by p.person_id) from game_contest_participant p
                               where p.contest_id = c.id) = cast(:people as bigint[])
                        order by c.id, z.place limit 1""")
                .param("kind", kind.name())
                .param("metric", metric.name())
                .param("formula", metric == Metric.FORMULA ? formula.strip() : null)
                .param("starts", starts)
                .param("ends", ends)
                .param("places", prizes.stream().map(Contest.Prize::place).toArray(Integer[]::new))
                .param("people", participants.stream().sorted().toArray(Long[]::new))
                .query((rs, n) -> new Paying(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .optional();
        if (paying.isEmpty()) {
            return Optional.empty();
        }
        int index = 0;
        while (prizes.get(index).place() != paying.get().place()) {
            index++;
        }
        return Optional.of(new FieldProblem(
                "prizes[" + index + "].place",
                "game.error.sameContest",
                "place " + paying.get().place() + " is paid already by contest "
                        + paying.get().id()
                        + ", of the same kind, metric, days and participants; a prize is paid once: \""
                        + paying.get().name() + "\""));
    }

    /**
     * A contest's window resolved once, at creation, into fixed days: a PERIOD's dates ({@code period}), ROLLING
     * {@code days} days from {@code startsOn} (today when empty), or this week or month (of today).
     */
    private Window.Days resolve(Window.Kind kind, NewContest in, List<FieldProblem> problems) {
        LocalDate today = LocalDate.now(clock);
        switch (kind) {
            case PERIOD -> {
                Optional<Periods.PeriodRow> p = in.period() == null
                        ? Optional.empty()
                        : periods.find(in.period().strip());
                if (p.isEmpty()) {
                    problems.add(new FieldProblem("period", "game.error.period", "is not a known period"));
                    return null;
                }
                return new Window.Days(p.get().startsOn(), p.get().endsOn());
            }
            case ROLLING -> {
                if (in.days() == null || in.days() < 1 || in.days() > Window.MAX_DAYS) {
                    problems.add(new FieldProblem(
                            "days", "game.error.days", "a rolling window needs 1 to " + Window.MAX_DAYS + " days"));
                    return null;
                }
                LocalDate from = in.startsOn() == null || in.startsOn().isBlank()
                        ? today
                        : date(in.startsOn(), "startsOn", problems);
                return from == null ? null : new Window.Days(from, from.plusDays(in.days() - 1L));
            }
            default -> {
                return new Window(kind, null, null, null).on(today, null, null);
            }
        }
    }

    private static LocalDate date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "game.error.date", "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "game.error.date", "is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static BigDecimal amount(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(text.strip());
            if (v.signum() <= 0
                    || v.compareTo(new BigDecimal("1000000000000000")) >= 0
                    || v.stripTrailingZeros().scale() > 4) {
                problems.add(new FieldProblem(
                        field, "game.error.amount", "must be a positive amount below 10^15 with at most 4 decimals"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "game.error.amount", "is not a number"));
            return null;
        }
    }

    private List<Contest.Prize> prizes(List<NewPrize> in, List<FieldProblem> problems) {
        List<Contest.Prize> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        Set<Integer> places = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            NewPrize p = in.get(i);
            String at = "prizes[" + i + "].";
            if (p == null) {
                continue;
            }
            boolean blank = p.place() == null
                    && (p.cash() == null || p.cash().isBlank())
                    && p.points() == null
                    && (p.item() == null || p.item().isBlank());
            if (blank) {
                continue;
            }
            if (p.place() == null || p.place() < 1 || p.place() > 100) {
                problems.add(new FieldProblem(at + "place", "game.error.place", "must be a place from 1 to 100"));
                continue;
            }
            if (!places.add(p.place())) {
                problems.add(new FieldProblem(
                        at + "place", "game.error.samePrize", "place " + p.place() + " has a prize already"));
                continue;
            }
            BigDecimal cash = amount(p.cash(), at + "cash", problems);
            String currency = p.currency() == null ? "" : p.currency().strip().toUpperCase(Locale.ROOT);
            if (cash != null && !currency.matches("[A-Z]{3}")) {
                problems.add(new FieldProblem(
                        at + "currency", "game.error.currency", "must be a three-letter code such as EUR"));
            }
            if (p.points() != null && p.points() <= 0) {
                problems.add(new FieldProblem(at + "points", "game.error.points", "must be a positive whole number"));
            }
            String item =
                    p.item() == null || p.item().isBlank() ? null : p.item().strip();
            if (item != null && item.length() > 200) {
                problems.add(new FieldProblem(at + "item", "game.error.item", "an item is at most 200 characters"));
            }
            if (cash == null
                    && p.points() == null
                    && item == null
                    && (p.cash() == null || p.cash().isBlank())) {
                problems.add(new FieldProblem(at + "cash", "game.error.prize", "give cash, points or an item"));
            }
            String code =
                    p.code() == null || p.code().isBlank() ? null : p.code().strip();
            if (code != null) {
                Optional<Long> offered = jdbc.sql(
                                "select contest_id from game_contest_prize where lower(code) = lower(:code) limit 1")
                        .param("code", code)
                        .query(Long.class)
                        .optional();
                if (code.length() > 100) {
                    problems.add(new FieldProblem(at + "code", "game.error.code", "a code is at most 100 characters"));
                } else if (offered.isPresent()) {
                    problems.add(new FieldProblem(
                            at + "code",
                            "game.error.prizeTwice",
                            "prize " + code + " is offered by contest " + offered.get()
                                    + " already; a prize is paid once"));
                } else if (!codes.add(code.toLowerCase(Locale.ROOT))) {
                    problems.add(new FieldProblem(
                            at + "code", "game.error.prizeTwice", "prize " + code + " is given for two places"));
                }
            }
            out.add(new Contest.Prize(p.place(), cash, cash == null ? null : currency, p.points(), item, code));
        }
        return out;
    }

    public List<Contest> all() {
        return jdbc.sql(SELECT + " order by c.starts_on desc, c.id desc")
                .query(this::contest)
                .list();
    }

    public Optional<Contest> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", id)
                .query(this::contest)
                .optional();
    }

    private static final String SELECT = """
            select c.id, c.name, c.kind, c.metric, c.starts_on, c.ends_on, c.target, c.interval_days, c.state,
                   c.created_by, c.created_at, c.formula, c.team_score from game_contest c""";

    private Contest contest(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong(1);
        List<Long> participants = jdbc.sql(
                        "select person_id from game_contest_participant where contest_id = :c order by seed nulls last, person_id")
                .param("c", id)
                .query(Long.class)
                .list();
        Map<Long, String> teams = new LinkedHashMap<>();
        jdbc.sql("select person_id, team from game_contest_participant where contest_id = :c and team is not null"
                        + " order by seed nulls last, person_id")
                .param("c", id)
                .query(r -> {
                    teams.put(r.getLong(1), r.getString(2));
                });
        List<Contest.Prize> prizes = jdbc.sql(
                        "select place, cash, currency, points, item, code from game_contest_prize where contest_id = :c order by place")
                .param("c", id)
                .query((r, i) -> new Contest.Prize(
                        r.getInt(1),
                        r.getBigDecimal(2),
                        r.getString(3),
                        (Integer) r.getObject(4),
                        r.getString(5),
                        r.getString(6)))
                .list();
        return new Contest(
                id,
                rs.getString(2),
                ContestKind.valueOf(rs.getString(3)),
                Metric.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                rs.getBigDecimal(7),
                (Integer) rs.getObject(8),
                rs.getString(9),
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                participants,
                prizes,
                rs.getString(12),
                rs.getString(13),
                Map.copyOf(teams));
    }

    /** Standings as of today (or the end, when past): leading places while running, final ones after the end. */
    public ContestStandings standings(long contestId) {
        Contest c = find(contestId).orElseThrow(() -> new NotFoundException("contest", contestId));
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = today.isAfter(c.endsOn()) ? c.endsOn() : today;
        Map<Long, String> names = new HashMap<>();
        for (Long p : c.participants()) {
            names.put(p, people.find(p, c.endsOn()).map(PersonView::name).orElse(String.valueOf(p)));
        }
        boolean done = today.isAfter(c.endsOn());
        if (!asOf.isBefore(c.startsOn()) && c.kind() == ContestKind.TEAM_BATTLE) {
            return Battles.teamBattle(c, asOf, done, names, (from, to) -> part(c, from, to));
        }
        if (!asOf.isBefore(c.startsOn()) && c.kind() == ContestKind.BRACKET) {
            return Battles.bracket(c, asOf, today, done, names, (from, to) -> part(c, from, to));
        }
        List<ContestStandings.Place> places = asOf.isBefore(c.startsOn())
                ? notStarted(c, names)
                : switch (c.kind()) {
                    case CLASSIC -> classic(c, asOf, names);
                    case ELIMINATION -> elimination(c, asOf, names);
                    case RACE -> race(c, asOf, names);
                    case TEAM_BATTLE, BRACKET -> throw new IllegalStateException("handled above");
                };
        return new ContestStandings(c, asOf, done, places);
    }

    private static List<ContestStandings.Place> notStarted(Contest c, Map<Long, String> names) {
        List<ContestStandings.Place> out = new ArrayList<>();
        c.participants().stream()
                .sorted(Comparator.comparing((Long p) -> names.get(p)).thenComparing(p -> p))
                .forEach(p -> out.add(new ContestStandings.Place(p, names.get(p), 1, BigDecimal.ZERO, null, null)));
        return out;
    }

    private List<ContestStandings.Place> classic(Contest c, LocalDate asOf, Map<Long, String> names) {
        Map<Long, BigDecimal> values =
                metrics.values(c.metric(), c.formula(), c.participants(), c.startsOn(), asOf, null);
        List<Entry> entries = new ArrayList<>();
        values.forEach((p, v) -> entries.add(new Entry(String.valueOf(p), names.get(p), v, null, null)));
        List<ContestStandings.Place> out = new ArrayList<>();
        for (Standing s : Rankings.rank(RankingBasis.VALUE, entries)) {
            out.add(new ContestStandings.Place(Long.parseLong(s.key()), s.name(), s.rank(), s.value(), null, null));
        }
        return out;
    }

    private List<ContestStandings.Place> elimination(Contest c, LocalDate asOf, Map<Long, String> names) {
        Map<Long, List<BigDecimal>> perInterval = new LinkedHashMap<>();
        c.participants().forEach(p -> perInterval.put(p, new ArrayList<>()));
        for (LocalDate from = c.startsOn(); !from.isAfter(asOf); from = from.plusDays(c.intervalDays())) {
            LocalDate to = from.plusDays(c.intervalDays() - 1L);
            to = to.isAfter(c.endsOn()) ? c.endsOn() : to;
            to = to.isAfter(asOf) ? asOf : to;
            Map<Long, BigDecimal> v = part(c, from, to);
            perInterval.forEach((p, list) -> list.add(v.get(p)));
        }
        List<Elimination.Competitor> competitors = new ArrayList<>();
        perInterval.forEach(
                (p, list) -> competitors.add(new Elimination.Competitor(String.valueOf(p), names.get(p), list)));
        Elimination.Result r = Elimination.run(competitors);
        List<ContestStandings.Place> out = new ArrayList<>();
        List<Map.Entry<String, BigDecimal>> left =
                new ArrayList<>(r.finalTotals().entrySet());
        left.sort(Comparator.comparing(
                        (Map.Entry<String, BigDecimal> e) -> !e.getKey().equals(r.winner()))
                .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                .thenComparing(e -> names.get(Long.parseLong(e.getKey())))
                .thenComparing(Map.Entry::getKey));
        int place = 1;
        for (Map.Entry<String, BigDecimal> e : left) {
            long p = Long.parseLong(e.getKey());
            out.add(new ContestStandings.Place(p, names.get(p), place++, e.getValue(), null, null));
        }
        for (int i = r.out().size() - 1; i >= 0; i--) {
            Elimination.Out o = r.out().get(i);
            long p = Long.parseLong(o.key());
            out.add(new ContestStandings.Place(p, names.get(p), place++, o.total(), o.afterInterval(), null));
        }
        return out;
    }

    /**
     * What the days [from, to] add to each participant's total: the metric over those days; for a formula (not
     * additive: {@code calls / meetings}) the formula over the contest so far to {@code to} minus the same to the
     * day before {@code from}, so the parts add up to the formula over the whole contest.
     */
    private Map<Long, BigDecimal> part(Contest c, LocalDate from, LocalDate to) {
        if (c.metric() != Metric.FORMULA) {
            return metrics.values(c.metric(), c.participants(), from, to, null);
        }
        Map<Long, BigDecimal> upTo = metrics.values(c.metric(), c.formula(), c.participants(), c.startsOn(), to, null);
        if (!from.isAfter(c.startsOn())) {
            return upTo;
        }
        Map<Long, BigDecimal> before =
                metrics.values(c.metric(), c.formula(), c.participants(), c.startsOn(), from.minusDays(1), null);
        Map<Long, BigDecimal> out = new HashMap<>();
        upTo.forEach((p, v) -> out.put(p, v.subtract(before.getOrDefault(p, BigDecimal.ZERO))));
        return out;
    }

    private List<ContestStandings.Place> race(Contest c, LocalDate asOf, Map<Long, String> names) {
        List<Race.Step> steps = new ArrayList<>();
        for (LocalDate d = c.startsOn(); !d.isAfter(asOf); d = d.plusDays(1)) {
            Instant at = d.atStartOfDay().toInstant(ZoneOffset.UTC);
            part(c, d, d).forEach((p, v) -> {
                if (v.signum() != 0) {
                    steps.add(new Race.Step(String.valueOf(p), at, v));
                }
            });
        }
        Race.Result r = Race.run(c.target(), steps);
        List<ContestStandings.Place> out = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        int place = 1;
        for (Race.Finish f : r.finishers()) {
            long p = Long.parseLong(f.key());
            done.add(p);
            out.add(new ContestStandings.Place(
                    p, names.get(p), place++, f.total(), null, LocalDate.ofInstant(f.at(), ZoneOffset.UTC)));
        }
        List<Entry> rest = new ArrayList<>();
        for (Long p : c.participants()) {
            if (!done.contains(p)) {
                rest.add(new Entry(
                        String.valueOf(p),
                        names.get(p),
                        r.totals().getOrDefault(String.valueOf(p), BigDecimal.ZERO),
                        null,
                        null));
            }
        }
        int base = place - 1;
        for (Standing s : Rankings.rank(RankingBasis.VALUE, rest)) {
            out.add(new ContestStandings.Place(
                    Long.parseLong(s.key()), s.name(), base + s.rank(), s.value(), null, null));
        }
        return out;
    }

    /**
     * Settles an ended contest: one award per prize place and winner (tied places each get their place's
     * prize; a race's places go only to those who reached the target), points granted at once, cash waiting
     * for approval. Refused when the contest has not ended or is settled already (nothing awarded twice).
     */
    @Transactional
    public List<Award> settle(AttainUser user, long contestId) {
        if (!Leaderboards.mayManage(user)) {
            throw new ForbiddenException("game.forbidden", "Only admins, comp admins and managers manage contests.");
        }
        ContestStandings s = standings(contestId);
        Contest c = s.contest();
        if (!s.done()) {
            throw new InvalidInputException(new FieldProblem(
                    "endsOn",
                    "game.error.notEnded",
                    "the contest runs until " + c.endsOn() + "; settle it after that day"));
        }
        int flipped = jdbc.sql("""
                update game_contest set state = 'SETTLED', settled_by = :by, settled_at = :at
                where id = :id and state = 'OPEN'""")
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", contestId)
                .update();
        if (flipped == 0) {
            throw new InvalidInputException(new FieldProblem(
                    "contest", "game.error.settled", "is settled already; its prizes were awarded once"));
        }
        Map<Integer, Contest.Prize> prizeOf = new HashMap<>();
        c.prizes().forEach(p -> prizeOf.put(p.place(), p));
        Instant now = clock.instant();
        Set<String> codesGiven = new HashSet<>();
        for (ContestStandings.Place p : s.places()) {
            Contest.Prize prize = prizeOf.get(p.place());
            boolean qualifies = c.kind() != ContestKind.RACE || p.finishedOn() != null;
            if (prize == null || !qualifies) {
                continue;
            }
            // A coded prize exists once: of those sharing its place (a tie, a team) the first in standings order gets
            // it.
            if (prize.code() != null && !codesGiven.add(prize.code().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("contest", c.id());
            trace.put("name", c.name());
            trace.put("kind", c.kind().name());
            trace.put("metric", c.metric().name());
            trace.put("from", c.startsOn().toString());
            trace.put("to", c.endsOn().toString());
            trace.put("place", p.place());
            trace.put("value", p.value().toPlainString());
            if (p.team() != null) {
                trace.put("team", p.team());
            }
            if (prize.item() != null) {
                trace.put("item", prize.item());
            }
            if (prize.code() != null) {
                trace.put("code", prize.code());
            }
            if (c.target() != null) {
                trace.put("target", c.target().toPlainString());
            }
            if (p.finishedOn() != null) {
                trace.put("reachedOn", p.finishedOn().toString());
            }
            List<Map<String, Object>> field = new ArrayList<>();
            for (ContestStandings.Place q : s.places()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("person", q.personId());
                row.put("place", q.place());
                row.put("value", q.value().toPlainString());
                if (q.outAfter() != null) {
                    row.put("outAfterInterval", q.outAfter());
                }
                field.add(row);
            }
            trace.put("standings", field);
            Long award = jdbc.sql("""
                    insert into game_award(contest_id, person_id, place, metric_value, cash, currency, points, state, trace, created_at,
                                           item, code)
                    values (:c, :p, :place, :value, :cash, :currency, :points, :state, :trace, :at, :item, :code)
                    on conflict (contest_id, person_id) do nothing returning id""")
                    .param("item", prize.item())
                    .param("code", prize.code())
                    .param("c", c.id())
                    .param("p", p.personId())
                    .param("place", p.place())
                    .param("value", p.value())
                    .param("cash", prize.cash())
                    .param("currency", prize.currency())
                    .param("points", prize.points())
                    .param("state", prize.cash() == null ? "NO_CASH" : "PENDING")
                    .param("trace", json.writeValueAsString(trace))
                    .param("at", Timestamp.from(now))
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (award != null && prize.points() != null) {
                jdbc.sql("""
                        insert into game_points(person_id, points, reason, award_id, granted_at)
                        values (:p, :points, :reason, :award, :at) on conflict (award_id) do nothing""")
                        .param("p", p.personId())
                        .param("points", prize.points())
                        .param("reason", "contest " + c.id() + " " + c.name() + ": place " + p.place())
                        .param("award", award)
                        .param("at", Timestamp.from(now))
                        .update();
            }
        }
        audit.record(
                user.getUsername(),
                "GAME_CONTEST_SETTLED",
                "game_contest",
                String.valueOf(contestId),
                null,
                Map.of("state", "SETTLED"));
        return awards(contestId);
    }

    public List<Award> awards(long contestId) {
        return jdbc.sql(AWARDS + " where a.contest_id = :c order by a.place, a.id")
                .param("c", contestId)
                .query(Contests::award)
                .list();
    }

    public Optional<Award> award(long awardId) {
        return jdbc.sql(AWARDS + " where a.id = :id")
                .param("id", awardId)
                .query(Contests::award)
                .optional();
    }

    private static final String AWARDS = """
            select a.id, a.contest_id, a.person_id, p.first_name || ' ' || p.last_name, a.place, a.metric_value, a.cash,
                   a.currency, a.points, a.state, a.trace, a.adjustment_id, a.approved_by, a.approved_at, a.item, a.code
            from game_award a join org_person_v p on p.id = a.person_id""";

    private static Award award(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp approved = rs.getTimestamp(14);
        return new Award(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                rs.getString(8),
                (Integer) rs.getObject(9),
                rs.getString(10),
                rs.getString(11),
                (Long) rs.getObject(12),
                rs.getString(13),
                approved == null ? null : approved.toInstant(),
                rs.getString(15),
                rs.getString(16));
    }

    /**
     * Approves a pending cash prize: pays it as a SPIFF line (a payout adjustment in the month the contest
     * ended, its reason naming contest, place and award) and marks the award paid, in one transaction.
     * Refused when already paid (field {@code award}); Adjustments refuses one's own pay, non comp admins and
     * a closed month, and then nothing changes.
     */
    @Transactional
    public Award approve(AttainUser user, long awardId) {
        // Paying is an adjustment, which only comp admins and admins record: refused by role first, before the
        // award is looked at, so any other role is told so whatever state the award is in.
        if (!user.has(org.attain.access.Role.ADMIN) && !user.has(org.attain.access.Role.COMP_ADMIN)) {
            throw new ForbiddenException("game.forbidden.approve", "Only comp admins and admins pay prizes.");
        }
        Award a = award(awardId).orElseThrow(() -> new NotFoundException("award", awardId));
        Contest c = find(a.contestId()).orElseThrow();
        int claimed = jdbc.sql("""
                update game_award set state = 'PAID', approved_by = :by, approved_at = :at
                where id = :id and state = 'PENDING'""")
                .param("by", user.getUsername())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", awardId)
                .update();
        if (claimed == 0) {
            throw new InvalidInputException(new FieldProblem(
                    "award",
                    "game.error.paid",
                    "PAID".equals(a.state())
                            ? "is paid already (adjustment " + a.adjustmentId() + ")"
                            : "has no cash to pay"));
        }
        String month = periods.list(PeriodKind.MONTH, null).stream()
                .filter(p -> !p.startsOn().isAfter(c.endsOn()) && !p.endsOn().isBefore(c.endsOn()))
                .map(Periods.PeriodRow::id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("month containing", c.endsOn()));
        Adjustments.Adjustment paid = adjustments.create(
                user,
                new Adjustments.NewAdjustment(
                        a.personId(),
                        month,
                        a.cash(),
                        a.currency(),
                        "SPIFF: contest " + c.id() + " \"" + c.name() + "\", place " + a.place() + " ("
                                + c.metric().name() + " "
                                + a.metricValue().stripTrailingZeros().toPlainString() + "), award " + a.id()));
        jdbc.sql("update game_award set adjustment_id = :adj where id = :id")
                .param("adj", paid.id())
                .param("id", awardId)
                .update();
        return award(awardId).orElseThrow();
    }

    /** A person's points: the total and the grants, newest first (with the contest and place that earned them). */
    public record Points(long total, List<Grant> history) {

        /** Either a contest's place or an achievement ({@code achievement}: the rule's name) earned it. */
        public record Grant(
                int points, Long contestId, String contest, Integer place, String achievement, Instant grantedAt) {}
    }

    public Points points(long personId) {
        List<Points.Grant> grants = jdbc.sql("""
                        select g.points, a.contest_id, c.name, a.place, r.name, g.granted_at
                        from game_points g
                        left join game_award a on a.id = g.award_id
                        left join game_contest c on c.id = a.contest_id
                        left join game_achievement e on e.id = g.achievement_id
                        left join game_achievement_rule r on r.id = e.rule_id
                        where g.person_id = :p order by g.granted_at desc, g.id desc""")
                .param("p", personId)
                .query((rs, n) -> new Points.Grant(
                        rs.getInt(1),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        (Integer) rs.getObject(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
        return new Points(grants.stream().mapToLong(Points.Grant::points).sum(), grants);
    }
}
