package org.attain.budget;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Teams;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets per period (a month or a quarter of the calendar) and team, the marketing and other actuals entered beside
 * them, and the alert threshold. A period that is closed (or lies in a closed quarter or year, or holds a closed
 * month) is read-only: saving into it is refused naming the field {@code period}.
 */
@Service
public class Budgets {

    /** A budget (or entered actual) line: headcount has no currency. */
    public record Line(String period, long teamId, BudgetCategory category, BigDecimal amount, String currency) {}

    private static final BigDecimal MAX = new BigDecimal("1000000000000000");

    private final JdbcClient jdbc;
    private final Periods periods;
    private final Teams teams;
    private final Clock clock;

    Budgets(JdbcClient jdbc, Periods periods, Teams teams, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.teams = teams;
        this.clock = clock;
    }

    /** The budgets of these periods (every period when null). */
    public List<Line> budgets(List<String> periodIds) {
        return read("budget", periodIds);
    }

    /** The marketing and other actuals of these periods (every period when null). */
    public List<Line> actuals(List<String> periodIds) {
        return read("budget_actual", periodIds);
    }

    private List<Line> read(String table, List<String> periodIds) {
        String sql = "select period_id, team_id, category, amount, currency from " + table
                + " where cast(:periods as text[]) is null or period_id = any(cast(:periods as text[]))"
                + " order by period_id, team_id, category";
        return jdbc.sql(sql)
                .param("periods", periodIds == null ? null : periodIds.toArray(String[]::new))
                .query((rs, n) -> new Line(
                        rs.getString(1),
                        rs.getLong(2),
                        BudgetCategory.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4)
                                .stripTrailingZeros()
                                .setScale(rs.getString(3).equals("HEADCOUNT") ? 0 : 2),
                        rs.getString(5)))
                .list();
    }

    /** Saves one budget line (replacing the period's, team's and category's earlier one). */
    @Transactional
    public Line save(Line line, String actor) {
        return saveAll(List.of(line), false, actor).get(0);
    }

    /**
     * Saves one imported budget line within the import's own transaction. Deliberately not transactional itself: a
     * refused line must not mark the import's transaction for rollback, only its own row for quarantine.
     */
    Line saveImported(Line line) {
        return saveAll(List.of(line), false, "import").get(0);
    }

    /** Saves one entered actual (marketing or other). */
    @Transactional
    public Line saveActual(Line line, String actor) {
        return saveAll(List.of(line), true, actor).get(0);
    }

    /**
     * Checks every line first and saves all or none: a refused line is named by its position ({@code rows[3].amount}
     * for the fourth) when there is more than one.
     */
    @Transactional
    public List<Line> saveAll(List<Line> lines, boolean actuals, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Line> clean = new ArrayList<>();
        Map<Long, String> teamNames = teams.names();
        for (int i = 0; i < lines.size(); i++) {
            String prefix = lines.size() == 1 ? "" : "rows[" + i + "].";
            clean.add(checked(lines.get(i), actuals, teamNames, prefix, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String table = actuals ? "budget_actual" : "budget";
        for (Line l : clean) {
            jdbc.sql("insert into " + table
                            + " (period_id, team_id, category, amount, currency, updated_by, updated_at)"
                            + " values (:p, :t, :c, :a, :cur, :by, :at) on conflict (period_id, team_id, category) do update"
                            + " set amount = excluded.amount, currency = excluded.currency,"
                            + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                    .param("p", l.period())
                    .param("t", l.teamId())
                    .param("c", l.category().name())
                    .param("a", l.amount())
                    .param("cur", l.currency())
                    .param("by", actor)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        }
        return clean;
    }

    private Line checked(
            Line l, boolean actual, Map<Long, String> teamNames, String prefix, List<FieldProblem> problems) {
        int before = problems.size();
        String period = l.period() == null ? "" : l.period().strip();
        Optional<Periods.PeriodRow> row = periods.find(period);
        if (row.isEmpty() || row.get().kind() == PeriodKind.YEAR) {
            problems.add(new FieldProblem(
                    prefix + "period",
                    "budget.error.period",
                    "'" + period + "' is not a month (2026-11) or quarter (2026-Q4) of the calendar"));
        } else {
            closedOverlapping(row.get())
                    .ifPresent(closed -> problems.add(new FieldProblem(
                            prefix + "period",
                            "budget.error.closed",
                            "period " + period + " is closed (" + closed + "): its budgets are read-only")));
        }
        if (!teamNames.containsKey(l.teamId())) {
            problems.add(
                    new FieldProblem(prefix + "team", "budget.error.team", "team " + l.teamId() + " does not exist"));
        }
        if (l.category() == null || (actual && !l.category().actualEntered())) {
            problems.add(new FieldProblem(
                    prefix + "category",
                    "budget.error.category",
                    actual
                            ? "actuals are entered for MARKETING or OTHER only (compensation comes from pay, headcount from org)"
                            : "is one of COMPENSATION, HEADCOUNT, MARKETING, OTHER"));
        }
        BigDecimal amount = l.amount();
        if (amount == null
                || amount.abs().compareTo(MAX) >= 0
                || amount.stripTrailingZeros().scale() > 4
                || (!actual && amount.signum() < 0)) {
            problems.add(new FieldProblem(
                    prefix + "amount",
                    "budget.error.amount",
                    "is a number from 0 below 10^15 with at most 4 decimals"));
        } else if (l.category() == BudgetCategory.HEADCOUNT
                && amount.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem(prefix + "amount", "budget.error.headcount", "headcount is a whole number"));
        }
        String currency = l.currency() == null ? "" : l.currency().strip().toUpperCase(Locale.ROOT);
        if (l.category() != null && l.category().isMoney() && !currency.matches("[A-Z]{3}")) {
            problems.add(new FieldProblem(
                    prefix + "currency", "budget.error.currency", "is a three-letter code such as EUR"));
        }
        if (problems.size() > before) {
            return l;
        }
        return new Line(period, l.teamId(), l.category(), amount, l.category().isMoney() ? currency : null);
    }

    /** The closed period overlapping this one (itself, its quarter or year, or a month inside it), if any. */
    public Optional<String> closedOverlapping(Periods.PeriodRow p) {
        return periods.closed().stream()
                .filter(c -> !c.startsOn().isAfter(p.endsOn()) && !c.endsOn().isBefore(p.startsOn()))
                .map(Periods.PeriodRow::id)
                .sorted()
                .findFirst();
    }

    /** Percent over budget above which a line is flagged. */
    public BigDecimal alertThreshold() {
        return jdbc.sql("select alert_threshold_pct from budget_setting")
                .query(BigDecimal.class)
                .single()
                .stripTrailingZeros();
    }

    @Transactional
    public BigDecimal setAlertThreshold(BigDecimal percent, String actor) {
        if (percent == null
                || percent.signum() < 0
                || percent.compareTo(BigDecimal.valueOf(1000)) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(new FieldProblem(
                    "alertThresholdPercent",
                    "budget.error.threshold",
                    "is a percent from 0 to 1000 with at most 2 decimals"));
        }
        jdbc.sql("update budget_setting set alert_threshold_pct = :p, updated_by = :by, updated_at = :at")
                .param("p", percent)
                .param("by", actor)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return percent;
    }
}
