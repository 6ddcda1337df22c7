package org.attain.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.fx.RateTable;
import org.attain.org.People;
import org.attain.org.PersonScope;
import org.attain.org.PersonView;
import org.attain.org.ReportingLines;
import org.attain.org.RoleType;
import org.attain.sales.SalesFigures;
import org.springframework.stereotype.Component;

/**
 * The tree a plan is made over, read once when the plan is made: the people who carry the measure (reps, and
 * managers with reps below them) under the root on a day, with their subtree's won bookings over a year and
 * open pipeline converted to the plan's currency. SDRs, overlays and operations staff carry other numbers and
 * are left out.
 */
@Component
class PlanTrees {

    private static final int EVERYONE = 100_000;

    private final People people;
    private final ReportingLines lines;
    private final SalesFigures sales;

    PlanTrees(People people, ReportingLines lines, SalesFigures sales) {
        this.people = people;
        this.lines = lines;
        this.sales = sales;
    }

    /** The root person (a manager with nobody above them on the day) when the org has exactly one; else empty. */
    Optional<PersonView> top(LocalDate day) {
        Map<Long, PersonView> byId = byId(day);
        List<PersonView> roots = lines.onDay(day, null).stream()
                .map(ReportingLines.ReportingLine::managerId)
                .distinct()
                .filter(id -> byId.containsKey(id) && byId.get(id).managerId() == null)
                .map(byId::get)
                .toList();
        return roots.size() == 1 ? Optional.of(roots.get(0)) : Optional.empty();
    }

    /** The figures came in a currency no rate converts on the day. */
    static final class NoRate extends RuntimeException {
        final String from;

        NoRate(String from) {
            super("no rate from " + from);
            this.from = from;
        }
    }

    /** The tree in the plan's currency (the root's when none is asked for); parents before their reports. */
    record Snapshot(String currency, List<QuotaPlanNode> nodes) {}

    /** Empty nodes when the root carries nothing below it (or is nobody). */
    Snapshot snapshot(
            long rootId, LocalDate day, String asked, LocalDate historyFrom, LocalDate historyTo, RateTable rates) {
        Map<Long, PersonView> byId = byId(day);
        if (!byId.containsKey(rootId)) {
            return new Snapshot(asked, List.of());
        }
        String currency = asked == null ? byId.get(rootId).currency() : asked;
        Map<Long, List<Long>> reports = new HashMap<>();
        lines.onDay(day, null)
                .forEach(l -> reports.computeIfAbsent(l.managerId(), k -> new ArrayList<>())
                        .add(l.personId()));
        Map<Long, Boolean> carries = new HashMap<>();
        if (!carries(rootId, byId, reports, carries, day)) {
            return new Snapshot(currency, List.of());
        }
        List<Long> kept = carries.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        Map<Long, SalesFigures.OwnerFigures> figures = sales.byOwner(kept, historyFrom, historyTo);
        Map<Long, BigDecimal> history = new HashMap<>();
        Map<Long, BigDecimal> pipeline = new HashMap<>();
        for (long id : kept) {
            SalesFigures.OwnerFigures f = figures.get(id);
            String own = byId.get(id).currency();
            history.put(
                    id,
                    f == null
                            ? BigDecimal.ZERO
                            : convert(f.bookings(), f.currency() == null ? own : f.currency(), currency, day, rates));
            pipeline.put(id, f == null ? BigDecimal.ZERO : convert(f.pipeline(), own, currency, day, rates));
        }
        Map<Long, BigDecimal> potential = new HashMap<>();
        for (SalesFigures.OwnerPotential p : sales.potentialByOwner(kept)) {
            potential.merge(p.ownerId(), convert(p.potential(), p.currency(), currency, day, rates), BigDecimal::add);
        }
        List<QuotaPlanNode> out = new ArrayList<>();
        add(rootId, null, 0, byId, reports, carries, history, pipeline, potential, out);
        return new Snapshot(currency, out);
    }

    private Map<Long, PersonView> byId(LocalDate day) {
        Map<Long, PersonView> byId = new HashMap<>();
        people.list(PersonScope.everyone(), People.Filter.none(), day, 0, EVERYONE)
                .items()
                .forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    private static boolean carries(
            long id,
            Map<Long, PersonView> byId,
            Map<Long, List<Long>> reports,
            Map<Long, Boolean> carries,
            LocalDate day) {
        PersonView p = byId.get(id);
        boolean below = false;
        for (long r : reports.getOrDefault(id, List.of())) {
            below |= carries(r, byId, reports, carries, day);
        }
        boolean active = p != null && p.activeOn(day);
        boolean result = active && (p.roleType() == RoleType.REP || (p.roleType() == RoleType.MANAGER && below));
        carries.put(id, result);
        return result;
    }

    // Adds the node and its subtree after it; returns the subtree's history, pipeline and potential.
    private static BigDecimal[] add(
            long id,
            Long parent,
            int depth,
            Map<Long, PersonView> byId,
            Map<Long, List<Long>> reports,
            Map<Long, Boolean> carries,
            Map<Long, BigDecimal> history,
            Map<Long, BigDecimal> pipeline,
            Map<Long, BigDecimal> potential,
            List<QuotaPlanNode> out) {
        PersonView p = byId.get(id);
        int at = out.size();
        out.add(null);
        BigDecimal h = history.getOrDefault(id, BigDecimal.ZERO);
        BigDecimal pl = pipeline.getOrDefault(id, BigDecimal.ZERO);
        BigDecimal pt = potential.getOrDefault(id, BigDecimal.ZERO);
        for (long r : reports.getOrDefault(id, List.of()).stream().sorted().toList()) {
            if (carries.getOrDefault(r, false)) {
                BigDecimal[] sub = add(r, id, depth + 1, byId, reports, carries, history, pipeline, potential, out);
                h = h.add(sub[0]);
                pl = pl.add(sub[1]);
                pt = pt.add(sub[2]);
            }
        }
        out.set(at, new QuotaPlanNode(id, parent, p.name(), p.title(), p.currency(), depth, null, h, pl, pt));
        return new BigDecimal[] {h, pl, pt};
    }

    private static BigDecimal convert(BigDecimal amount, String from, String to, LocalDate day, RateTable rates) {
        if (amount == null || amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal rate = rates.rate(from, to, day).orElseThrow(() -> new NoRate(from));
        return amount.multiply(rate).setScale(4, RoundingMode.HALF_EVEN);
    }
}
