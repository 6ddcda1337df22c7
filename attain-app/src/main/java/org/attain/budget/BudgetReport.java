package org.attain.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.PersonScope;
import org.attain.pay.Earnings;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Budget against actual for one period and the teams a user may see: compensation from pay's current results
 * ({@code Earnings}, in the budget's currency), headcount from org's people on the team at the period's end (or
 * today, while it runs), marketing and other as entered or imported. A quarter without a budget line of its own takes
 * the sum of its months' lines. A manager sees the teams with someone of their subtree, and actuals of that subtree
 * only. Beside it the compensation cost of sales per team and role: earnings against won bookings.
 */
@Service
public class BudgetReport {

    /** One team's line of one category; {@code note} says why an actual is missing. */
    public record Row(
            long teamId, String team, BudgetCategory category, String currency, Variance variance, String note) {}

    /** Commissions against won bookings of one team and role, in one currency. */
    public record CostOfSales(
            String team,
            String role,
            String currency,
            int people,
            BigDecimal earnings,
            BigDecimal bookings,
            BigDecimal percent) {}

    public record Report(
            String period,
            PeriodKind kind,
            String closedBy,
            BigDecimal thresholdPercent,
            List<Row> rows,
            int alerts,
            String resultsPeriod,
            List<CostOfSales> costOfSales,
            Reporting reporting) {}

    /** A money row's budget, actual and variance in the reporting currency (null where the local one is null). */
    public record ConvertedRow(BigDecimal budget, BigDecimal actual, BigDecimal variance) {}

    /** A cost-of-sales row's commissions and bookings in the reporting currency. */
    public record ConvertedCost(BigDecimal earnings, BigDecimal bookings) {}

    /** A team's money budget and actual (every category with a currency) in the reporting currency. */
    public record TeamTotal(String team, BigDecimal budget, BigDecimal actual, BigDecimal variance) {}

    /**
     * Issue 21.8: the report in the reporting currency at the period's rate (the rate in force on its last day),
     * each amount rounded half-even to the currency's minor unit; totals add only converted amounts.
     *
     * @param rows per row of {@code rows}, in the same order (null for headcount, which has no currency)
     * @param costOfSales per row of {@code costOfSales}, in the same order
     * @param teams per team, its money lines added once converted; {@code total} all teams
     * @param missingRates the currencies no rate converts for the period (their amounts are left out of totals)
     */
    public record Reporting(
            String currency,
            int minorUnit,
            LocalDate rateDay,
            List<ConvertedRow> rows,
            List<ConvertedCost> costOfSales,
            List<TeamTotal> teams,
            TeamTotal total,
            List<org.attain.fx.Conversion.MissingRate> missingRates) {

        /** The missing rates as the page names them: "CHF 2026-Q1, SEK 2026-Q1". */
        public String missingText() {
            return org.attain.fx.Conversion.describe(missingRates);
        }
    }

    record Member(long id, long teamId, String team, String role, String currency) {}

    private final Budgets budgets;
    private final Periods periods;
    private final Earnings earnings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.attain.fx.ReportingCurrency reportingCurrency;

    BudgetReport(
            Budgets budgets,
            Periods periods,
            Earnings earnings,
            JdbcClient jdbc,
            Clock clock,
            org.attain.fx.ReportingCurrency reportingCurrency) {
        this.reportingCurrency = reportingCurrency;
        this.budgets = budgets;
        this.periods = periods;
        this.earnings = earnings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Periods.PeriodRow period(String id) {
        return periods.find(id == null ? "" : id.strip())
                .filter(p -> p.kind() != PeriodKind.YEAR)
                .orElseThrow(() -> new InvalidInputException(new FieldProblem(
                        "period",
                        "budget.error.period",
                        "'" + id + "' is not a month (2026-11) or quarter (2026-Q4) of the calendar")));
    }

    public Report report(String periodId, PersonScope scope) {
        Periods.PeriodRow p = period(periodId);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = p.endsOn().isAfter(today) ? today : p.endsOn();
        List<Member> members = members(scope, day);
        Map<Long, String> teamNames = new TreeMap<>();
        members.forEach(m -> teamNames.put(m.teamId(), m.team()));
        List<String> months = p.kind() == PeriodKind.QUARTER
                ? periods.list(PeriodKind.MONTH, p.fiscalYear()).stream()
                        .filter(m -> !m.startsOn().isBefore(p.startsOn())
                                && !m.endsOn().isAfter(p.endsOn()))
                        .map(Periods.PeriodRow::id)
                        .toList()
                : List.of();
        List<String> ids = new ArrayList<>(months);
        ids.add(p.id());
        Map<String, Budgets.Line> budget = rolled(budgets.budgets(ids), p.id());
        Map<String, Budgets.Line> entered = rolled(budgets.actuals(ids), p.id());

        String resultsPeriod = resultsPeriod(p);
        Map<Long, Earnings.Summary> pay = resultsPeriod == null
                ? Map.of()
                : earnings.summariesOf(members.stream().map(Member::id).toList(), resultsPeriod);
        BigDecimal threshold = budgets.alertThreshold();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Long, String> team : teamNames.entrySet()) {
            List<Member> on =
                    members.stream().filter(m -> m.teamId() == team.getKey()).toList();
            for (BudgetCategory c : BudgetCategory.values()) {
                Budgets.Line b = budget.get(team.getKey() + "|" + c);
                String currency = b != null ? b.currency() : c.isMoney() ? mainCurrency(on) : null;
                BigDecimal actual;
                String note = null;
                switch (c) {
                    case HEADCOUNT -> actual = BigDecimal.valueOf(on.size());
                    case COMPENSATION -> {
                        if (resultsPeriod == null) {
                            actual = null;
                            note = "budget.note.notCalculated";
                        } else {
                            actual = on.stream()
                                    .map(m -> pay.get(m.id()))
                                    .filter(s -> s != null && s.currency().equals(currency))
                                    .map(Earnings.Summary::earnings)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                                    .setScale(2, RoundingMode.HALF_EVEN);
                        }
                    }
                    default -> {
                        Budgets.Line a = entered.get(team.getKey() + "|" + c);
                        actual = a == null ? null : a.amount();
                        if (a != null && b != null && !a.currency().equals(b.currency())) {
                            actual = null;
                            note = "budget.note.currency";
                        } else if (a == null) {
                            note = "budget.note.notEntered";
                        }
                    }
                }
                if (b == null && (actual == null || actual.signum() == 0)) {
                    continue;
                }
                rows.add(new Row(
                        team.getKey(),
                        team.getValue(),
                        c,
                        currency,
                        Variance.of(b == null ? null : b.amount(), actual, threshold),
                        note));
            }
        }
        int alerts = (int) rows.stream().filter(r -> r.variance().alert()).count();
        List<CostOfSales> cost = costOfSales(members, pay, resultsPeriod);
        return new Report(
                p.id(),
                p.kind(),
                budgets.closedOverlapping(p).orElse(null),
                threshold,
                rows,
                alerts,
                resultsPeriod,
                cost,
                reporting(reportingCurrency.conversion(), p.id(), p.endsOn(), rows, cost));
    }

    /** The rows and cost of sales in the reporting currency at the period's rate: pure, for tests with own rates. */
    static Reporting reporting(
            org.attain.fx.Conversion fx, String period, LocalDate day, List<Row> rows, List<CostOfSales> cost) {
        List<ConvertedRow> converted = new ArrayList<>();
        Map<String, BigDecimal[]> byTeam = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.currency() == null || !r.category().isMoney()) {
                converted.add(null);
                continue;
            }
            BigDecimal budget = fx.convert(r.variance().budget(), r.currency(), period, day);
            BigDecimal actual = fx.convert(r.variance().actual(), r.currency(), period, day);
            converted.add(new ConvertedRow(
                    budget, actual, budget == null || actual == null ? null : actual.subtract(budget)));
            BigDecimal[] t = byTeam.computeIfAbsent(r.team(), k -> new BigDecimal[] {fx.zero(), fx.zero()});
            if (budget != null) {
                t[0] = t[0].add(budget);
            }
            if (actual != null) {
                t[1] = t[1].add(actual);
            }
        }
        List<TeamTotal> teams = new ArrayList<>();
        BigDecimal[] all = {fx.zero(), fx.zero()};
        byTeam.forEach((team, t) -> {
            teams.add(new TeamTotal(team, t[0], t[1], t[1].subtract(t[0])));
            all[0] = all[0].add(t[0]);
            all[1] = all[1].add(t[1]);
        });
        List<ConvertedCost> costs = cost.stream()
                .map(c -> new ConvertedCost(
                        fx.convert(c.earnings(), c.currency(), period, day),
                        fx.convert(c.bookings(), c.currency(), period, day)))
                .toList();
        return new Reporting(
                fx.currency(),
                fx.minorUnit(),
                day,
                java.util.Collections.unmodifiableList(converted),
                costs,
                teams,
                new TeamTotal(null, all[0], all[1], all[1].subtract(all[0])),
                fx.missing());
    }

    /** The period calc keeps results for that this one is (the demo's plans pay per quarter): itself or none. */
    private String resultsPeriod(Periods.PeriodRow p) {
        Boolean any = jdbc.sql("select exists(select 1 from calc_current_result_v where period_id = :p)")
                .param("p", p.id())
                .query(Boolean.class)
                .single();
        return any ? p.id() : null;
    }

    private List<CostOfSales> costOfSales(List<Member> members, Map<Long, Earnings.Summary> pay, String resultsPeriod) {
        if (resultsPeriod == null) {
            return List.of();
        }
        Periods.PeriodRow p = periods.find(resultsPeriod).orElseThrow();
        Map<Long, Member> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, Set<Long>> people = new HashMap<>();
        for (Member m : members) {
            Earnings.Summary s = pay.get(m.id());
            if (s != null && s.earnings() != null) {
                String key = m.team() + "|" + m.role() + "|" + s.currency();
                sums.computeIfAbsent(key, k -> zeros())[0] = sums.get(key)[0].add(s.earnings());
                people.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(m.id());
            }
        }
        jdbc.sql("""
                select owner_id, currency, sum(amount) from sales_booking_v
                where status = 'won' and close_date between :from and :to and owner_id = any(:ids)
                group by owner_id, currency""")
                .param("from", p.startsOn())
                .param("to", p.endsOn())
                .param("ids", members.stream().map(Member::id).toArray(Long[]::new))
                .query(rs -> {
                    Member m = byId.get(rs.getLong(1));
                    String key = m.team() + "|" + m.role() + "|" + rs.getString(2);
                    sums.computeIfAbsent(key, k -> zeros())[1] = sums.get(key)[1].add(rs.getBigDecimal(3));
                });
        List<CostOfSales> out = new ArrayList<>();
        sums.forEach((key, v) -> {
            if (v[0].signum() == 0) {
                return;
            }
            String[] k = key.split("\\|", -1);
            out.add(new CostOfSales(
                    k[0],
                    k[1],
                    k[2],
                    people.getOrDefault(key, Set.of()).size(),
                    v[0].setScale(2, RoundingMode.HALF_EVEN),
                    v[1].setScale(2, RoundingMode.HALF_EVEN),
                    v[1].signum() == 0
                            ? null
                            : v[0].multiply(BigDecimal.valueOf(100)).divide(v[1], 2, RoundingMode.HALF_EVEN)));
        });
        out.sort(Comparator.comparing(CostOfSales::team).thenComparing(CostOfSales::role));
        return out;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /** People on a team on {@code day} whom the scope includes. */
    List<Member> members(PersonScope scope, LocalDate day) {
        return jdbc.sql("""
                select id, team_id, team_name, role_type, currency from org_person_v
                where team_id is not null and employment_start <= :day
                  and (employment_end is null or employment_end > :day)
                  and (cast(:ids as bigint[]) is null or id = any(cast(:ids as bigint[])))
                order by team_name, id""")
                .param("day", day)
                .param("ids", scope.idsOrNull())
                .query((rs, n) ->
                        new Member(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The teams a scope sees (someone of theirs is on it today), by id. */
    public Map<Long, String> teams(PersonScope scope) {
        Map<Long, String> out = new LinkedHashMap<>();
        members(scope, LocalDate.now(clock)).forEach(m -> out.putIfAbsent(m.teamId(), m.team()));
        return out;
    }

    private static String mainCurrency(List<Member> on) {
        Map<String, Long> count = new TreeMap<>();
        on.forEach(m -> count.merge(m.currency(), 1L, Long::sum));
        return count.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The period's own line per team and category, else the sum of its months' lines (same currency). */
    private static Map<String, Budgets.Line> rolled(List<Budgets.Line> lines, String period) {
        Map<String, Budgets.Line> own = new HashMap<>();
        Map<String, Budgets.Line> months = new HashMap<>();
        for (Budgets.Line l : lines) {
            String key = l.teamId() + "|" + l.category();
            if (l.period().equals(period)) {
                own.put(key, l);
            } else {
                months.merge(
                        key,
                        l,
                        (a, b) -> new Budgets.Line(
                                period, a.teamId(), a.category(), a.amount().add(b.amount()), a.currency()));
            }
        }
        months.putAll(own);
        return months;
    }
}
