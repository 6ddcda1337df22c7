package org.attain.payout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attain.access.AttainUser;
import org.attain.calendar.Periods;
import org.attain.platform.ConflictException;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The approval queue as approvers work it: filtered (team, plan, waiting level, outliers, state), a page at a time,
 * each payout compared with its reference so that unchanged ones can be approved in bulk and outliers stand out with
 * their reason in words. The reference is the approved amount of the same period when the payout changed since
 * approval, else the previous period's payout of the same payee in the same currency. Outliers: a change against the
 * previous period above {@link #UP_THRESHOLD} up or {@link #DOWN_THRESHOLD} down, or a payout above {@link #PLAN_MULTIPLE} times the median payout of
 * its plan among the payouts the approver sees. Only what {@link Approvals#queue} shows is read, so privacy is the
 * queue's.
 */
@Service
public class ApprovalReview {

    /** Unchanged means within 2 % of the reference (either way) unless the approver says otherwise. */
    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.02");
    /** A payout more than doubled against the previous period (up more than 100 %) is an outlier. */
    public static final BigDecimal UP_THRESHOLD = BigDecimal.ONE;
    /** A payout less than half the previous period's (down more than 50 %) is an outlier. */
    public static final BigDecimal DOWN_THRESHOLD = new BigDecimal("0.50");
    /** A payout above 3 times its plan's median payout is an outlier (with at least 3 payouts on the plan). */
    public static final BigDecimal PLAN_MULTIPLE = new BigDecimal("3");

    public static final int PAGE_SIZE = 25;

    /** What the queue is narrowed to; null or blank = any. */
    public record Filter(String team, String plan, Integer level, boolean outliersOnly, ApprovalState state) {}

    /** A sentence for the page: a message key (approvals.*) and its arguments (numbers formatted by the page's locale). */
    public record Reason(String key, List<Object> args) {}

    /**
     * One payout under review. {@code bulk}: unchanged against its reference within the tolerance and approvable by
     * this user at the level it waits for.
     */
    public record Row(
            Approvals.Item item,
            String planName,
            BigDecimal reference,
            Reason comparison,
            boolean unchanged,
            boolean bulk,
            List<Reason> outliers) {}

    public record Plan(String key, String name) {}

    public record Page(
            String period,
            String previousPeriod,
            BigDecimal tolerance,
            List<Row> rows,
            int page,
            int pages,
            int total,
            int bulkInView,
            int outliersInView,
            List<String> teams,
            List<Plan> plans,
            int maxLevels) {}

    /** What a bulk approval did: approved ids, and how many were skipped for which reason. */
    public record BulkResult(List<Long> approved, int changed, int notYours, int conflicts) {}

    private final Approvals approvals;
    private final Periods periods;
    private final JdbcClient jdbc;

    ApprovalReview(Approvals approvals, Periods periods, JdbcClient jdbc) {
        this.approvals = approvals;
        this.periods = periods;
        this.jdbc = jdbc;
    }

    public Page page(AttainUser user, String period, Filter filter, int page, BigDecimal tolerance) {
        BigDecimal tol = tolerance(tolerance);
        String previous = previousPeriod(period);
        List<Row> all = review(user, period, previous, tol);
        List<Row> shown = all.stream().filter(r -> matches(r, filter)).toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(page, 0), pages - 1);
        Set<String> teams = new TreeSet<>();
        Map<String, String> plans = new java.util.TreeMap<>();
        int maxLevels = 1;
        for (Row r : all) {
            if (r.item().team() != null) {
                teams.add(r.item().team());
            }
            if (r.item().planKey() != null) {
                plans.put(r.item().planKey(), r.planName());
            }
            maxLevels = Math.max(maxLevels, r.item().levels());
        }
        return new Page(
                period,
                previous,
                tol,
                shown.subList(p * PAGE_SIZE, Math.min(shown.size(), (p + 1) * PAGE_SIZE)),
                p,
                pages,
                shown.size(),
                (int) shown.stream().filter(Row::bulk).count(),
                (int) shown.stream().filter(r -> !r.outliers().isEmpty()).count(),
                List.copyOf(teams),
                plans.entrySet().stream()
                        .map(e -> new Plan(e.getKey(), e.getValue()))
                        .toList(),
                maxLevels);
    }

    /**
     * Approves the unchanged payouts among the given people (null: every unchanged one in the filtered view), each at
     * the level it waits for and each in its own transaction; changed ones and those waiting for someone else are
     * skipped and counted, never approved.
     */
    public BulkResult bulkApprove(
            AttainUser user, String period, Collection<Long> personIds, Filter filter, BigDecimal tolerance) {
        List<Row> rows = review(user, period, previousPeriod(period), tolerance(tolerance));
        Map<Long, Row> byPerson = new HashMap<>();
        rows.forEach(r -> byPerson.put(r.item().personId(), r));
        Collection<Long> wanted = personIds != null
                ? new LinkedHashSet<>(personIds)
                : rows.stream()
                        .filter(r -> matches(r, filter))
                        .filter(Row::bulk)
                        .map(r -> r.item().personId())
                        .toList();
        List<Long> approved = new ArrayList<>();
        int changed = 0;
        int notYours = 0;
        int conflicts = 0;
        for (Long id : wanted) {
            Row r = byPerson.get(id);
            if (r == null || !r.item().canApprove()) {
                notYours++;
            } else if (!r.bulk()) {
                changed++;
            } else {
                try {
                    approvals.approve(user, id, period);
                    approved.add(id);
                } catch (ConflictException | ForbiddenException | NotFoundException e) {
                    conflicts++;
                }
            }
        }
        return new BulkResult(approved, changed, notYours, conflicts);
    }

    private List<Row> review(AttainUser user, String period, String previous, BigDecimal tolerance) {
        List<Approvals.Item> items = approvals.queue(user, period, null);
        Map<Long, Approvals.Item> before = new HashMap<>();
        if (previous != null) {
            approvals.queue(user, previous, null).forEach(i -> before.put(i.personId(), i));
        }
        Map<String, BigDecimal> medians = medians(items);
        Map<String, String> planNames = planNames();
        List<Row> rows = new ArrayList<>();
        for (Approvals.Item i : items) {
            Approvals.Item last = before.get(i.personId());
            BigDecimal reference = null;
            Reason comparison = null;
            boolean unchanged = false;
            if (i.state() == ApprovalState.CHANGED && i.approvedPayout() != null) {
                reference = i.approvedPayout();
                unchanged = within(i.payout(), reference, tolerance);
                comparison = reference.signum() == 0
                        ? new Reason(
                                unchanged
                                        ? "approvals.unchanged.zeroSinceApproval"
                                        : "approvals.changed.zeroSinceApproval",
                                List.of())
                        : new Reason(
                                unchanged ? "approvals.unchanged.sinceApproval" : "approvals.changed.sinceApproval",
                                List.of(change(i.payout(), reference), reference, i.currency()));
            } else if (last != null && last.currency().equals(i.currency())) {
                reference = last.payout();
                unchanged = within(i.payout(), reference, tolerance);
                comparison = reference.signum() == 0
                        ? new Reason(
                                unchanged
                                        ? "approvals.unchanged.zeroSincePrevious"
                                        : "approvals.changed.zeroSincePrevious",
                                List.of(previous))
                        : new Reason(
                                unchanged ? "approvals.unchanged.sincePrevious" : "approvals.changed.sincePrevious",
                                List.of(change(i.payout(), reference), previous, reference, i.currency()));
            } else {
                comparison = new Reason("approvals.noReference", List.of(previous == null ? "–" : previous));
            }
            List<Reason> outliers = new ArrayList<>();
            if (last != null && last.currency().equals(i.currency())) {
                BigDecimal prev = last.payout();
                if (prev.signum() > 0) {
                    BigDecimal ch = i.payout().subtract(prev).divide(prev, MathContext.DECIMAL64);
                    if (ch.compareTo(UP_THRESHOLD) > 0 || ch.negate().compareTo(DOWN_THRESHOLD) > 0) {
                        outliers.add(new Reason(
                                ch.signum() > 0 ? "approvals.outlier.up" : "approvals.outlier.down",
                                List.of(ch.abs(), previous, prev, i.payout(), i.currency())));
                    }
                } else if (prev.signum() == 0 && i.payout().signum() > 0) {
                    outliers.add(
                            new Reason("approvals.outlier.fromNothing", List.of(previous, i.payout(), i.currency())));
                }
            }
            BigDecimal median = i.planKey() == null ? null : medians.get(i.planKey() + "|" + i.currency());
            if (median != null && median.signum() > 0 && i.payout().compareTo(median.multiply(PLAN_MULTIPLE)) > 0) {
                outliers.add(new Reason(
                        "approvals.outlier.plan",
                        List.of(
                                i.payout().divide(median, 1, RoundingMode.HALF_EVEN),
                                planNames.getOrDefault(i.planKey(), i.planKey()),
                                median,
                                i.currency())));
            }
            boolean bulk = unchanged && i.canApprove();
            rows.add(new Row(
                    i,
                    i.planKey() == null ? null : planNames.getOrDefault(i.planKey(), i.planKey()),
                    reference,
                    comparison,
                    unchanged,
                    bulk,
                    List.copyOf(outliers)));
        }
        return rows;
    }

    static boolean matches(Row r, Filter f) {
        if (f == null) {
            return true;
        }
        Approvals.Item i = r.item();
        return (blank(f.team()) || f.team().equals(i.team()))
                && (blank(f.plan()) || f.plan().equals(i.planKey()))
                && (f.level() == null || f.level() == i.level())
                && (!f.outliersOnly() || !r.outliers().isEmpty())
                && (f.state() == null || f.state() == i.state());
    }

    /** |current - reference| within tolerance x |reference|; a zero reference only matches zero. */
    static boolean within(BigDecimal current, BigDecimal reference, BigDecimal tolerance) {
        return current.subtract(reference).abs().compareTo(reference.abs().multiply(tolerance)) <= 0;
    }

    /** The relative change against a non-zero reference. */
    private static BigDecimal change(BigDecimal current, BigDecimal reference) {
        return current.subtract(reference).divide(reference, MathContext.DECIMAL64);
    }

    /** The median payout per plan and currency among the given payouts (plans with at least 3 payouts). */
    static Map<String, BigDecimal> medians(List<Approvals.Item> items) {
        Map<String, List<BigDecimal>> byPlan = new HashMap<>();
        items.stream()
                .filter(i -> i.planKey() != null)
                .forEach(i -> byPlan.computeIfAbsent(i.planKey() + "|" + i.currency(), k -> new ArrayList<>())
                        .add(i.payout()));
        Map<String, BigDecimal> out = new HashMap<>();
        byPlan.forEach((k, v) -> {
            if (v.size() < 3) {
                return;
            }
            List<BigDecimal> sorted = v.stream().sorted().toList();
            int n = sorted.size();
            out.put(
                    k,
                    n % 2 == 1
                            ? sorted.get(n / 2)
                            : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2)));
        });
        return out;
    }

    private Map<String, String> planNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select distinct on (plan_key) plan_key, name from plan_version_v order by plan_key, version desc")
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The period just before this one, of the same kind; null for the first. */
    String previousPeriod(String period) {
        Periods.PeriodRow row = periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        return periods.list(row.kind(), null).stream()
                .filter(p -> p.endsOn().equals(row.startsOn().minusDays(1)))
                .map(Periods.PeriodRow::id)
                .findFirst()
                .orElse(null);
    }

    private static BigDecimal tolerance(BigDecimal t) {
        if (t == null) {
            return DEFAULT_TOLERANCE;
        }
        return t.max(BigDecimal.ZERO).min(new BigDecimal("0.5"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
