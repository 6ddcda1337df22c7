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
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.org.PersonScope;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.quota.Quotas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaderboards: stored definitions (admins, comp admins and managers create them) and their standings, computed
 * when asked from the metric's owner (competitors: the reps of the board's period, with their bookings quota as
 * goal, from {@code quota.Quotas}) and ranked by the pure {@link Rankings}. {@link #view} applies the board's
 * visibility and compensation privacy for the viewer.
 */
@Service
public class Leaderboards {

    private final JdbcClient jdbc;
    private final Periods periods;
    private final Quotas quotas;
    private final Metrics metrics;
    private final Visibility visibility;
    private final AuditLog audit;
    private final Clock clock;
    /** Screens refreshing at once after a live change share one computation of the board ({@link FreshShared}). */
    private final FreshShared<Long, Computed> shared = new FreshShared<>();

    private final FxRates fx;

    Leaderboards(
            JdbcClient jdbc,
            Periods periods,
            Quotas quotas,
            Metrics metrics,
            Visibility visibility,
            AuditLog audit,
            Clock clock,
            FxRates fx) {
        this.fx = fx;
        this.jdbc = jdbc;
        this.periods = periods;
        this.quotas = quotas;
        this.metrics = metrics;
        this.visibility = visibility;
        this.audit = audit;
        this.clock = clock;
    }

    /** A board as typed into a form or sent to the API: text, checked by {@link #create}. */
    public record NewBoard(
            String name,
            String metric,
            String basis,
            Boolean bands,
            String scope,
            String visibility,
            String period,
            String formula,
            String window,
            String from,
            String to,
            Integer days) {

        /** The board's fields before windows: a period board. */
        public NewBoard(
                String name,
                String metric,
                String basis,
                Boolean bands,
                String scope,
                String visibility,
                String period,
                String formula) {
            this(name, metric, basis, bands, scope, visibility, period, formula, null, null, null, null);
        }
    }

    public static boolean mayManage(AttainUser user) {
        return user != null && (user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN) || user.has(Role.MANAGER));
    }

    @Transactional
    public Board create(AttainUser user, NewBoard in) {
        if (!mayManage(user)) {
            throw new ForbiddenException(
                    "game.forbidden", "Only admins, comp admins and managers manage leaderboards.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "game.error.name", "is required (at most 200 characters)"));
        }
        Optional<Metric> metric = Metric.parse(in.metric());
        if (metric.isEmpty()) {
            problems.add(new FieldProblem(
                    "metric",
                    "game.error.metric",
                    "is not a known metric " + java.util.Arrays.toString(Metric.values())));
        }
        Window window = window(in.window(), in.from(), in.to(), in.days(), problems);
        boolean perPeriod = window == null
                ? in.window() == null
                        || in.window().isBlank()
                        || in.window().strip().equalsIgnoreCase("PERIOD")
                : window.kind() == Window.Kind.PERIOD;
        if (metric.isPresent()) {
            problems.addAll(Metrics.check(metric.get(), in.formula(), perPeriod));
            if (metric.get() == Metric.ATTAINMENT && !perPeriod) {
                problems.add(new FieldProblem(
                        "metric",
                        "game.error.metricPeriod",
                        "attainment is measured per period; choose a period window"));
            }
        }
        RankingBasis basis = parse(RankingBasis.class, in.basis(), RankingBasis.VALUE, "basis", problems);
        BoardScope scope = parse(BoardScope.class, in.scope(), BoardScope.INDIVIDUAL, "scope", problems);
        BoardVisibility shown =
                parse(BoardVisibility.class, in.visibility(), BoardVisibility.EVERYONE, "visibility", problems);
        if (basis == RankingBasis.PERCENT_OF_GOAL && metric.isPresent() && metric.get() != Metric.BOOKINGS) {
            problems.add(new FieldProblem(
                    "basis",
                    "game.error.basisGoal",
                    "percent of goal needs the bookings metric (the goal is the bookings quota)"));
        }
        if (basis == RankingBasis.PERCENT_OF_GOAL && !perPeriod) {
            problems.add(new FieldProblem(
                    "basis",
                    "game.error.basisWindow",
                    "percent of goal needs a period window (quotas are per period)"));
        }
        String period = in.period() == null ? "" : in.period().strip();
        if (perPeriod && periods.find(period).isEmpty()) {
            problems.add(new FieldProblem("period", "game.error.period", "is not a known period"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into game_board(name, metric, basis, bands, scope, visibility, period_id, created_by, created_at,
                                       formula, window_kind, window_from, window_to, window_days)
                values (:name, :metric, :basis, :bands, :scope, :visibility, :period, :by, :at,
                        :formula, :kind, :from, :to, :days) returning id""")
                .param("kind", window.kind().name())
                .param("from", window.from())
                .param("to", window.to())
                .param("days", window.days())
                .param("formula", metric.get() == Metric.FORMULA ? in.formula().strip() : null)
                .param("name", name)
                .param("metric", metric.get().name())
                .param("basis", basis.name())
                .param("bands", Boolean.TRUE.equals(in.bands()))
                .param("scope", scope.name())
                .param("visibility", shown.name())
                .param("period", perPeriod ? period : null)
                .param("by", user.getUsername())
                .param("at", Timestamp.from(now))
                .query(Long.class)
                .single();
        audit.record(
                user.getUsername(),
                "GAME_BOARD_CREATED",
                "game_board",
                String.valueOf(id),
                null,
                Map.of("name", name),
                null);
        return find(id).orElseThrow();
    }

    /**
     * A board's window from its fields: {@code window} (PERIOD by default), {@code from} and {@code to} for a RANGE
     * (at most 366 days, the end not before the start), {@code days} (1 to 366) for ROLLING. Null when refused.
     */
    static Window window(String kindText, String fromText, String toText, Integer days, List<FieldProblem> problems) {
        int before = problems.size();
        Window.Kind kind = parse(Window.Kind.class, kindText, Window.Kind.PERIOD, "window", problems);
        if (problems.size() > before) {
            return null;
        }
        LocalDate from = null;
        LocalDate to = null;
        if (kind == Window.Kind.RANGE) {
            from = day(fromText, "from", problems);
            to = day(toText, "to", problems);
            if (from != null && to != null) {
                if (to.isBefore(from)) {
                    problems.add(new FieldProblem("to", "game.error.endBeforeStart", "must not be before from"));
                } else if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= Window.MAX_DAYS) {
                    problems.add(new FieldProblem(
                            "to", "game.error.windowLong", "a window covers at most " + Window.MAX_DAYS + " days"));
                }
            }
        }
        if (kind == Window.Kind.ROLLING && (days == null || days < 1 || days > Window.MAX_DAYS)) {
            problems.add(new FieldProblem(
                    "days", "game.error.days", "a rolling window needs 1 to " + Window.MAX_DAYS + " days"));
        }
        return problems.size() > before ? null : new Window(kind, from, to, kind == Window.Kind.ROLLING ? days : null);
    }

    private static LocalDate day(String text, String field, List<FieldProblem> problems) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new FieldProblem(field, "game.error.date", "is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    static <E extends Enum<E>> E parse(
            Class<E> type, String text, E fallback, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(
                    field,
                    "game.error." + field,
                    "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return fallback;
        }
    }

    public List<Board> all() {
        return jdbc.sql(SELECT + " order by b.created_at desc, b.id desc")
                .query(Leaderboards::board)
                .list();
    }

    public Optional<Board> find(long id) {
        return jdbc.sql(SELECT + " where b.id = :id")
                .param("id", id)
                .query(Leaderboards::board)
                .optional();
    }

    private static final String SELECT =
            "select b.id, b.name, b.metric, b.basis, b.bands, b.scope, b.visibility, b.period_id, b.created_by, b.created_at,"
                    + " b.formula, b.window_kind, b.window_from, b.window_to, b.window_days from game_board b";

    private static Board board(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Board(
                rs.getLong(1),
                rs.getString(2),
                Metric.valueOf(rs.getString(3)),
                RankingBasis.valueOf(rs.getString(4)),
                rs.getBoolean(5),
                BoardScope.valueOf(rs.getString(6)),
                BoardVisibility.valueOf(rs.getString(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getString(11),
                new Window(
                        Window.Kind.valueOf(rs.getString(12)),
                        rs.getObject(13, LocalDate.class),
                        rs.getObject(14, LocalDate.class),
                        (Integer) rs.getObject(15)));
    }

    /** Everyone's standing on a board (no privacy applied: for views and contests, never for a page directly). */
    record Computed(
            Board board,
            LocalDate from,
            LocalDate to,
            List<Standing> standings,
            Map<String, String> teamOf,
            String currency,
            java.util.Set<String> unconverted) {}

    /** The days a board measures today: its period's dates, or its window resolved on today. */
    public Window.Days daysOf(Board b) {
        Window w = b.window();
        if (w.kind() == Window.Kind.PERIOD) {
            Periods.PeriodRow period =
                    periods.find(b.periodId()).orElseThrow(() -> new NotFoundException("period", b.periodId()));
            return new Window.Days(period.startsOn(), period.endsOn());
        }
        return w.on(LocalDate.now(clock), null, null);
    }

    Computed compute(Board b) {
        Window w = b.window();
        Periods.PeriodRow period = w.kind() == Window.Kind.PERIOD
                ? periods.find(b.periodId()).orElseThrow(() -> new NotFoundException("period", b.periodId()))
                : null;
        Window.Days days = daysOf(b);
        // Who competes: the reps with a quota in the board's period, or in the quarter holding the window's last day.
        String competing = period != null
                ? period.id()
                : periods.list(PeriodKind.QUARTER, null).stream()
                        .filter(p ->
                                !p.startsOn().isAfter(days.to()) && !p.endsOn().isBefore(days.to()))
                        .map(Periods.PeriodRow::id)
                        .findFirst()
                        .orElse(periods.current(PeriodKind.QUARTER).id());
        List<Quotas.Row> reps = quotas.forPeriod(competing, null, PersonScope.everyone());
        List<Long> ids = reps.stream().map(Quotas.Row::personId).toList();
        Metrics.Measured measured = metrics.measure(b.metric(), b.formula(), ids, days.from(), days.to(), b.periodId());
        Map<Long, BigDecimal> values = measured.values();
        Map<Long, BigDecimal> baselines = Map.of();
        if (b.basis() == RankingBasis.IMPROVEMENT) {
            if (period != null) {
                Optional<Periods.PeriodRow> before = periods.list(period.kind(), null).stream()
                        .filter(p -> p.endsOn().equals(period.startsOn().minusDays(1)))
                        .findFirst();
                baselines = before.isEmpty()
                        ? Map.of()
                        : metrics.values(
                                b.metric(),
                                b.formula(),
                                ids,
                                before.get().startsOn(),
                                before.get().endsOn(),
                                before.get().id());
            } else {
                Window.Days before = days.before();
                baselines = metrics.values(b.metric(), b.formula(), ids, before.from(), before.to(), null);
            }
        }
        // Goals (percent of goal: bookings against the bookings quota) in the company currency, like the bookings.
        RateTable rates = new RateTable(fx.all());
        List<Entry> entries = new ArrayList<>();
        Map<String, String> teamOf = new HashMap<>();
        java.util.Set<String> unconverted = new java.util.TreeSet<>(measured.unconverted());
        for (Quotas.Row r : reps) {
            String key = String.valueOf(r.personId());
            BigDecimal goal = r.amount();
            if (goal != null && r.currency() != null && !r.currency().equals(metrics.currency())) {
                Optional<BigDecimal> rate = rates.rate(r.currency(), metrics.currency(), days.to());
                if (rate.isEmpty()) {
                    unconverted.add(r.currency());
                }
                goal = rate.map(x -> r.amount().multiply(x).setScale(4, java.math.RoundingMode.HALF_EVEN))
                        .orElse(null);
            }
            entries.add(new Entry(key, r.name(), values.get(r.personId()), goal, baselines.get(r.personId())));
            if (r.team() != null) {
                teamOf.put(key, r.team());
            }
        }
        if (b.scope() == BoardScope.TEAM) {
            Map<String, String> names = new HashMap<>();
            teamOf.values().forEach(t -> names.put(t, t));
            entries = Rankings.teams(entries, teamOf, names);
        }
        return new Computed(
                b,
                days.from(),
                days.to(),
                Rankings.rank(b.basis(), entries),
                teamOf,
                measured.currency(),
                java.util.Set.copyOf(unconverted));
    }

    /**
     * The board as its "everyone" visibility allows a viewer who is no one in particular (a TV screen): all rows of
     * an EVERYONE board, the leaders of a ME_AND_LEADERS board, no rows of a TEAM board; no values where they would
     * tell pay or quota ({@link Board#compensationPrivate()}), no ranks or scores on a banded board.
     */
    public BoardView everyoneView(long boardId) {
        Board b = find(boardId).orElseThrow(() -> new NotFoundException("leaderboard", boardId));
        Computed c = shared.get(b.id(), () -> compute(b));
        List<BoardView.Row> rows = new ArrayList<>();
        for (Standing s : c.standings()) {
            boolean listed = switch (b.visibility()) {
                case EVERYONE -> true;
                case TEAM -> false;
                case ME_AND_LEADERS -> s.rank() != null && s.rank() <= BoardVisibility.LEADERS;
            };
            if (listed) {
                rows.add(new BoardView.Row(
                        s.key(),
                        s.name(),
                        b.bands() ? null : s.rank(),
                        s.band(),
                        b.bands() ? null : s.score(),
                        b.compensationPrivate() ? null : s.value(),
                        s.tied(),
                        false));
            }
        }
        int ranked = (int) c.standings().stream().filter(Standing::ranked).count();
        return new BoardView(
                b,
                c.from(),
                c.to(),
                ranked,
                List.copyOf(rows),
                null,
                b.compensationPrivate(),
                c.currency(),
                c.unconverted());
    }

    /** The board for a viewer: rows filtered by the board's visibility, values and ranks hidden as {@link BoardView} says. */
    public BoardView view(AttainUser user, long boardId) {
        Board b = find(boardId).orElseThrow(() -> new NotFoundException("leaderboard", boardId));
        Computed c = shared.get(b.id(), () -> compute(b));
        boolean all = user.seesEveryone();
        String myKey = user.personId() == null ? null : String.valueOf(user.personId());
        String myTeam = myKey == null ? null : c.teamOf().get(myKey);
        boolean teamBoard = b.scope() == BoardScope.TEAM;
        String mine = teamBoard ? myTeam : myKey;
        List<BoardView.Row> rows = new ArrayList<>();
        BoardView.Row me = null;
        boolean hidden = false;
        for (Standing s : c.standings()) {
            boolean isMine = s.key().equals(mine);
            boolean valueShown = all
                    || !b.compensationPrivate()
                    || (!teamBoard && (isMine || visibility.canSee(user, Long.parseLong(s.key()))));
            boolean rankShown = all || !b.bands() || isMine;
            hidden |= !valueShown;
            BoardView.Row row = new BoardView.Row(
                    s.key(),
                    s.name(),
                    rankShown ? s.rank() : null,
                    s.band(),
                    rankShown ? s.score() : null,
                    valueShown ? s.value() : null,
                    s.tied(),
                    isMine);
            if (isMine) {
                me = row;
            }
            boolean listed = all
                    || isMine
                    || switch (b.visibility()) {
                        case EVERYONE -> true;
                        case TEAM ->
                            teamBoard
                                    || (myTeam != null
                                            && myTeam.equals(c.teamOf().get(s.key())));
                        case ME_AND_LEADERS -> s.rank() != null && s.rank() <= BoardVisibility.LEADERS;
                    };
            if (listed) {
                rows.add(row);
            }
        }
        int ranked = (int) c.standings().stream().filter(Standing::ranked).count();
        return new BoardView(b, c.from(), c.to(), ranked, List.copyOf(rows), me, hidden, c.currency(), c.unconverted());
    }
}
