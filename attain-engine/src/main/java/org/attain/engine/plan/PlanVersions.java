package org.attain.engine.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.time.DateRange;

/**
 * The versions of one plan in force by date. Each version is in force from the first day of its
 * {@code effective} range until the day before the next version's first day (or its own last day, if
 * earlier). Which version pays what:
 *
 * <ul>
 *   <li>components paid deal by deal ({@link #paidByDealDate}: a rate or a per-deal amount without a period
 *       gate, period cap or floor, or pod) are paid by the version in force on each deal's credit date;
 *   <li>every other component (tiers, curves, bonuses, MBOs, pods, anything gated or capped on the period)
 *       is paid once for the period, over all of the period's credits, by the version in force on the last
 *       day the payee is on the plan in that period.
 * </ul>
 */
public final class PlanVersions {

    private PlanVersions() {}

    /**
     * Groups plans by id, each group sorted by the first day in force and narrowed so that no two versions
     * are in force on the same day. Two versions starting on the same day: the later one in the list wins
     * (as a repeated plan did before versions existed).
     */
    public static Map<String, List<CompiledPlan>> byPlan(List<CompiledPlan> plans) {
        Map<String, List<CompiledPlan>> grouped = new LinkedHashMap<>();
        for (CompiledPlan p : plans) {
            List<CompiledPlan> list = grouped.computeIfAbsent(p.id(), k -> new ArrayList<>());
            list.removeIf(q -> q.effective().first().equals(p.effective().first()));
            list.add(p);
        }
        Map<String, List<CompiledPlan>> result = new LinkedHashMap<>();
        grouped.forEach((id, list) -> result.put(id, inForce(list)));
        return result;
    }

    /** One plan's versions, sorted by their first day and each ending the day before the next begins. */
    public static List<CompiledPlan> inForce(List<CompiledPlan> versions) {
        List<CompiledPlan> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(p -> p.effective().first()));
        List<CompiledPlan> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            CompiledPlan v = sorted.get(i);
            if (i + 1 < sorted.size()) {
                var nextFirst = sorted.get(i + 1).effective().first();
                var last =
                        v.effective().last().isBefore(nextFirst) ? v.effective().last() : nextFirst.minusDays(1);
                v = withEffective(v, new DateRange(v.effective().first(), last));
            }
            result.add(v);
        }
        return List.copyOf(result);
    }

    /** The whole span of a plan's versions: from the first version's first day to the last one's last. */
    public static DateRange span(List<CompiledPlan> versions) {
        return new DateRange(
                versions.get(0).effective().first(),
                versions.get(versions.size() - 1).effective().last());
    }

    /** True when the component is paid deal by deal, so each deal can be paid by its own version. */
    public static boolean paidByDealDate(Component c) {
        ComponentBasics b = c.basics();
        return (c instanceof RateComponent || c instanceof PerDealComponent)
                && b.gate() == null
                && b.capPerPeriod() == null
                && b.floorPerPeriod() == null
                && b.pod() == null;
    }

    /** The same plan version in force over another range of dates. */
    public static CompiledPlan withEffective(CompiledPlan p, DateRange effective) {
        return asVersion(p, p.version(), effective);
    }

    /** The same plan as version {@code version}, in force over {@code effective} (e.g. a published version). */
    public static CompiledPlan asVersion(CompiledPlan p, String version, DateRange effective) {
        return new CompiledPlan(
                p.id(),
                p.name(),
                version,
                p.currency(),
                p.frequency(),
                effective,
                p.measures(),
                p.quotaMeasure(),
                p.components(),
                p.payout(),
                p.source(),
                p.measurement());
    }
}
