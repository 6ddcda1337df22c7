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
import org.attain.calendar.Periods;
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

    Leaderboards(
            JdbcClient jdbc,
            Periods periods,
            Quotas quotas,
            Metrics metrics,
            Visibility visibility,
            AuditLog audit,
            Clock clock) {
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
            String formula) {}

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
        } else {
            problems.addAll(Metrics.check(metric.get(), in.formula(), true));
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
        String period = in.period() == null ? "" : in.period().strip();
        if (periods.find(period).isEmpty()) {
            problems.add(new FieldProblem("period", "game.error.period", "is not a known period"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into game_board(name, metric, basis, bands, scope, visibility, period_id, created_by, created_at,
                                       formula)
                values (:name, :metric, :basis, :bands, :scope, :visibility, :period, :by, :at, :formula) returning id""")
                .param("formula", metric.get() == Metric.FORMULA ? in.formula().strip() : null)
                .param("name", name)
                .param("metric", metric.get().name())
                .param("basis", basis.name())
                .param("bands", Boolean.TRUE.equals(in.bands()))
                .param("scope", scope.name())
                .param("visibility", shown.name())
                .param("period", period)
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
                    + " b.formula from game_board b";

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
                rs.getString(11));
    }

    /** Everyone's standing on a board (no privacy applied: for views and contests, never for a page directly). */
    record Computed(Board board, LocalDate from, LocalDate to, List<Standing> standings, Map<String, String> teamOf) {}

    Computed compute(Board b) {
        Periods.PeriodRow period =
                periods.find(b.periodId()).orElseThrow(() -> new NotFoundException("period", b.periodId()));
        List<Quotas.Row> reps = quotas.forPeriod(b.periodId(), null, PersonScope.everyone());
        List<Long> ids = reps.stream().map(Quotas.Row::personId).toList();
        Map<Long, BigDecimal> values =
                metrics.values(b.metric(), b.formula(), ids, period.startsOn(), period.endsOn(), b.periodId());
        Map<Long, BigDecimal> baselines = Map.of();
        if (b.basis() == RankingBasis.IMPROVEMENT) {
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
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> teamOf = new HashMap<>();
        for (Quotas.Row r : reps) {
            String key = String.valueOf(r.personId());
            entries.add(new Entry(key, r.name(), values.get(r.personId()), r.amount(), baselines.get(r.personId())));
            if (r.team() != null) {
                teamOf.put(key, r.team());
            }
        }
        if (b.scope() == BoardScope.TEAM) {
            Map<String, String> names = new HashMap<>();
            teamOf.values().forEach(t -> names.put(t, t));
            entries = Rankings.teams(entries, teamOf, names);
        }
        return new Computed(b, period.startsOn(), period.endsOn(), Rankings.rank(b.basis(), entries), teamOf);
    }

    /**
     * The board as its "everyone" visibility allows a viewer who is no one in particular (a TV screen): all rows of
     * an EVERYONE board, the leaders of a ME_AND_LEADERS board, no rows of a TEAM board; no values where they would
     * tell pay or quota ({@link Board#compensationPrivate()}), no ranks or scores on a banded board.
     */
    public BoardView everyoneView(long boardId) {
        Board b = find(boardId).orElseThrow(() -> new NotFoundException("leaderboard", boardId));
        Computed c = compute(b);
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
        return new BoardView(b, c.from(), c.to(), ranked, List.copyOf(rows), null, b.compensationPrivate());
    }

    /** The board for a viewer: rows filtered by the board's visibility, values and ranks hidden as {@link BoardView} says. */
    public BoardView view(AttainUser user, long boardId) {
        Board b = find(boardId).orElseThrow(() -> new NotFoundException("leaderboard", boardId));
        Computed c = compute(b);
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
        return new BoardView(b, c.from(), c.to(), ranked, List.copyOf(rows), me, hidden);
    }
}
