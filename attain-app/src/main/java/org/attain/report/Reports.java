package org.attain.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.PersonScope;
import org.attain.org.Visibility;
import org.attain.payout.Approvals;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Builds every report as a {@link Table} for one user: managers get their subtree, the back office
 * everyone, reps nothing. Money is summed per currency and never added across currencies.
 */
@Service
public class Reports {

    /** Attainment buckets as [from, to) ratios; the last is open-ended. */
    static final List<BigDecimal> BUCKETS = List.of(
            new BigDecimal("0.5"),
            new BigDecimal("0.75"),
            BigDecimal.ONE,
            new BigDecimal("1.25"),
            new BigDecimal("1.5"));

    static final int PERFORMERS = 5;

    private final ReportData data;
    private final Visibility visibility;
    private final Periods periods;
    private final Approvals approvals;

    Reports(ReportData data, Visibility visibility, Periods periods, Approvals approvals) {
        this.data = data;
        this.visibility = visibility;
        this.periods = periods;
        this.approvals = approvals;
    }

    /** The period a report shows by default: the current quarter, or the current fiscal year for finance over time. */
    public String defaultPeriod(ReportKind kind) {
        var quarter = periods.current(PeriodKind.QUARTER);
        return kind == ReportKind.COMMISSION_COST || kind == ReportKind.ACCRUED_VS_PAID
                ? String.valueOf(quarter.fiscalYear())
                : quarter.id();
    }

    public Table build(AttainUser user, ReportKind kind, String period) {
        requireReader(user, kind);
        String p = period == null || period.isBlank() ? defaultPeriod(kind) : period.strip();
        var row = periods.find(p).orElseThrow(() -> new NotFoundException("period", p));
        PersonScope scope = visibility.scopeOf(user);
        Long[] ids = scope.idsOrNull();
        String label = scope.all() ? "all" : "subtree";
        return switch (kind) {
            case TEAM_TARGETS -> teamTargets(p, ids, label);
            case ATTAINMENT_DISTRIBUTION -> distribution(p, ids, label);
            case PAYOUTS_BY_COMPONENT ->
                new Table(
                        kind,
                        label,
                        List.of(Table.text("component"), Table.text("currency"), Table.money("amount")),
                        data.payoutsByComponent(p, ids).stream()
                                .map(c -> List.<Object>of(c.component(), c.currency(), c.amount()))
                                .toList());
            case PERFORMERS -> performers(p, ids, label);
            case COMMISSION_COST ->
                new Table(
                        kind,
                        label,
                        List.of(
                                Table.text("period"),
                                Table.text("team"),
                                Table.text("component"),
                                Table.text("currency"),
                                Table.money("amount")),
                        data.commissionCost(quarters(row), ids).stream()
                                .map(c ->
                                        List.<Object>of(c.period(), c.team(), c.component(), c.currency(), c.amount()))
                                .toList());
            case ACCRUED_VS_PAID -> accruedVsPaid(quarters(row), ids, scope, label);
            case COST_OF_SALES -> costOfSales(p, ids, label);
            // Too large for one table in memory: EarningsExport pages it and streams its files.
            case EARNINGS -> throw new IllegalArgumentException("the earnings export is built by EarningsExport");
        };
    }

    private Table teamTargets(String period, Long[] ids, String scope) {
        Map<String, BigDecimal[]> byTeam = new TreeMap<>();
        data.quotaByTeam(period, ids).forEach(q -> slot(byTeam, q.team(), q.currency())[0] = q.amount());
        data.bookingsByTeam(period, ids).forEach(b -> slot(byTeam, b.team(), b.currency())[1] = b.amount());
        List<List<Object>> rows = new ArrayList<>();
        byTeam.forEach((key, v) -> {
            String[] k = key.split("\\|", -1);
            rows.add(java.util.Arrays.asList(k[0], k[1], v[0], v[1], ratio(v[1], v[0])));
        });
        return new Table(
                ReportKind.TEAM_TARGETS,
                scope,
                List.of(
                        Table.text("team"),
                        Table.text("currency"),
                        Table.money("quota"),
                        Table.money("bookings"),
                        Table.percent("attainment")),
                rows);
    }

    private Table distribution(String period, Long[] ids, String scope) {
        long[] counts = new long[BUCKETS.size() + 1];
        for (ReportData.Attainment a : data.attainments(period, ids)) {
            int i = 0;
            while (i < BUCKETS.size() && a.attainment().compareTo(BUCKETS.get(i)) >= 0) {
                i++;
            }
            counts[i]++;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            rows.add(List.of(bucketLabel(i), counts[i]));
        }
        return new Table(
                ReportKind.ATTAINMENT_DISTRIBUTION, scope, List.of(Table.text("bucket"), Table.count("payees")), rows);
    }

    /** "<50%", "50–75%", … "≥150%": the same in every language. */
    static String bucketLabel(int i) {
        if (i == 0) {
            return "<" + pct(BUCKETS.get(0)) + "%";
        }
        if (i == BUCKETS.size()) {
            return "≥" + pct(BUCKETS.get(i - 1)) + "%";
        }
        return pct(BUCKETS.get(i - 1)) + "–" + pct(BUCKETS.get(i)) + "%";
    }

    private static String pct(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private Table performers(String period, Long[] ids, String scope) {
        List<ReportData.Attainment> all = data.attainments(period, ids);
        List<List<Object>> rows = new ArrayList<>();
        int top = Math.min(PERFORMERS, all.size());
        for (int i = 0; i < top; i++) {
            rows.add(performer("top", i + 1, all.get(i)));
        }
        int bottomFrom = Math.max(top, all.size() - PERFORMERS);
        for (int i = all.size() - 1; i >= bottomFrom; i--) {
            rows.add(performer("bottom", all.size() - i, all.get(i)));
        }
        return new Table(
                ReportKind.PERFORMERS,
                scope,
                List.of(
                        Table.text("group"),
                        Table.count("rank"),
                        Table.text("name"),
                        Table.text("team"),
                        Table.percent("attainment"),
                        Table.money("earnings"),
                        Table.text("currency")),
                rows);
    }

    private static List<Object> performer(String group, int rank, ReportData.Attainment a) {
        return List.of(group, (long) rank, a.name(), a.team(), a.attainment(), a.earnings(), a.currency());
    }

    private Table accruedVsPaid(List<String> quarters, Long[] ids, PersonScope scope, String label) {
        Map<String, BigDecimal[]> byPeriod = new TreeMap<>();
        data.accrued(quarters, ids).forEach(a -> slot(byPeriod, a.period(), a.currency())[0] = a.payout());
        approvals.released(quarters, scope.all() ? null : scope.personIds()).forEach(r -> {
            BigDecimal[] s = slot(byPeriod, r.period(), r.currency());
            s[1] = r.approved();
            s[2] = r.exported();
        });
        List<List<Object>> rows = new ArrayList<>();
        byPeriod.forEach((key, v) -> {
            String[] k = key.split("\\|", -1);
            rows.add(java.util.Arrays.asList(
                    k[0], k[1], zero(v[0]), zero(v[1]), zero(v[2]), zero(v[0]).subtract(zero(v[1]))));
        });
        return new Table(
                ReportKind.ACCRUED_VS_PAID,
                label,
                List.of(
                        Table.text("period"),
                        Table.text("currency"),
                        Table.money("accrued"),
                        Table.money("approved"),
                        Table.money("exported"),
                        Table.money("open")),
                rows);
    }

    private Table costOfSales(String period, Long[] ids, String scope) {
        Map<String, BigDecimal[]> byTeam = new TreeMap<>();
        data.commissionsByTeam(period, ids).forEach(c -> slot(byTeam, c.team(), c.currency())[0] = c.amount());
        data.bookingsByTeam(period, ids).forEach(b -> slot(byTeam, b.team(), b.currency())[1] = b.amount());
        List<List<Object>> rows = new ArrayList<>();
        byTeam.forEach((key, v) -> {
            String[] k = key.split("\\|", -1);
            rows.add(java.util.Arrays.asList(k[0], k[1], zero(v[0]), zero(v[1]), ratio(v[0], v[1])));
        });
        return new Table(
                ReportKind.COST_OF_SALES,
                scope,
                List.of(
                        Table.text("team"),
                        Table.text("currency"),
                        Table.money("commissions"),
                        Table.money("bookings"),
                        Table.percent("costOfSales")),
                rows);
    }

    /** The quarters a period covers: itself, or the quarters of a fiscal year. */
    private List<String> quarters(Periods.PeriodRow row) {
        if (row.kind() == PeriodKind.QUARTER) {
            return List.of(row.id());
        }
        return periods.list(PeriodKind.QUARTER, row.fiscalYear()).stream()
                .map(Periods.PeriodRow::id)
                .toList();
    }

    private static BigDecimal[] slot(Map<String, BigDecimal[]> map, String a, String currency) {
        return map.computeIfAbsent(a + "|" + currency, k -> new BigDecimal[3]);
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** part / whole at 6 decimals, or null when there is no whole in this currency to compare with. */
    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return (part == null ? BigDecimal.ZERO : part).divide(whole, 6, RoundingMode.HALF_EVEN);
    }

    static void requireReader(AttainUser user, ReportKind kind) {
        boolean allowed = switch (kind.readers()) {
            case EVERYONE -> true;
            case MANAGERS -> user.seesEveryone() || user.has(Role.MANAGER);
            case BACK_OFFICE -> user.seesEveryone();
        };
        if (!allowed) {
            throw new ForbiddenException(
                    kind.finance()
                            ? "Finance reports are for finance, admins and comp admins."
                            : "Reports are for managers and the back office.");
        }
    }
}
