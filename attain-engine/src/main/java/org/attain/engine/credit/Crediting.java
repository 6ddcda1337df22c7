package org.attain.engine.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.attain.engine.model.OrgChart;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.FxRates;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CreditRule;
import org.attain.engine.plan.Measure;
import org.attain.engine.time.DateRange;

/**
 * Applies a measure's credit rules for one payee and date range. Reads only immutable inputs (the one
 * thing it keeps, the credits it could not convert, is a concurrent map), so any number of payee
 * calculations may use one instance at the same time.
 */
public final class Crediting {

    private final CreditIndex index;
    private final OrgChart org;
    private final FxRates fx;
    private final Knowledge knowledge;
    // Credits left out because their amount cannot be converted into the payee's plan currency on the
    // deal's date; reported with the run's exclusions. Only the credits that need the rate are left out:
    // a deal in the plan's own currency is paid whatever rates other plans miss.
    private final Map<TransactionId, String> unconverted = new ConcurrentHashMap<>();

    public Crediting(CreditIndex index, OrgChart org, FxRates fx, Knowledge knowledge) {
        this.index = index;
        this.org = org;
        this.fx = fx;
        this.knowledge = knowledge;
    }

    public CreditIndex index() {
        return index;
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    /** The index's exclusions and the credits left out for want of an FX rate, by transaction, each once. */
    public List<Exclusion> exclusions() {
        if (unconverted.isEmpty()) {
            return index.exclusions();
        }
        Map<TransactionId, Exclusion> all = new TreeMap<>();
        index.exclusions().forEach(e -> all.put(e.transaction(), e));
        unconverted.forEach((id, reason) -> all.putIfAbsent(id, new Exclusion(id, reason)));
        return List.copyOf(all.values());
    }

    /**
     * The payee's credits under {@code measure} for transactions credited inside {@code range}, as known on
     * {@code asOf}, in credit order. A (transaction, via-person) pair is credited once, by the first rule
     * that takes it, so overlapping rules never double-count.
     */
    public List<Credit> credits(
            PersonId payee,
            Map<String, Object> person,
            Measure measure,
            CurrencyUnit currency,
            DateRange range,
            LocalDate asOf) {
        List<Credit> result = new ArrayList<>();
        // One rule yields each (transaction, person) once; only overlapping rules need de-duplication.
        Set<String> taken = measure.creditRules().size() > 1 ? new HashSet<>() : null;
        for (CreditRule rule : measure.creditRules()) {
            boolean unweighted = rule.weight().compareTo(BigDecimal.ONE) == 0;
            // Candidates are in credit order (by date first): a period's credits are one run of them,
            // found by binary search, instead of a pass over all of the payee's credits per period.
            List<SourceCredit> candidates = candidates(payee, rule, range);
            int n = candidates.size();
            for (int i = firstOnOrAfter(candidates, range.first()); i < n; i++) {
                SourceCredit source = candidates.get(i);
                Transaction t = source.transaction();
                if (t.closeDate().isAfter(range.last())) {
                    break;
                }
                String key = taken == null
                        ? null
                        : t.id().value() + "\u0000" + source.person().value();
                if (key != null && taken.contains(key) || !rule.side().takes(source.overlay())) {
                    continue;
                }
                Transaction known = knowledge.asOf(t, asOf);
                if (known == null
                        || !measure.statuses().contains(known.status())
                        || !rule.acceptsTypeAndProduct(known.type(), known.product())) {
                    continue;
                }
                if (rule.when() != null && !rule.when().test(DealFacts.of(known), known.account(), person)) {
                    continue;
                }
                Optional<BigDecimal> rate = fx.factor(known.amount().currency(), currency, known.closeDate());
                if (rate.isEmpty()) {
                    unconverted.putIfAbsent(
                            known.id(),
                            "no FX rate " + known.amount().currency() + "->" + currency + " on " + known.closeDate());
                    continue;
                }
                if (key != null) {
                    taken.add(key);
                }
                BigDecimal factor = rate.get();
                BigDecimal share = unweighted ? source.share() : source.share().multiply(rule.weight());
                BigDecimal amount =
                        measure.count() ? share : times(times(known.amount().amount(), share), factor);
                result.add(new Credit(
                        known,
                        rule.id(),
                        source.person(),
                        share,
                        factor,
                        new Money(amount, currency),
                        source.territory()));
            }
        }
        if (measure.creditRules().size() > 1) {
            result.sort((a, b) -> CreditIndex.CREDIT_ORDER.compare(a.transaction(), b.transaction()) != 0
                    ? CreditIndex.CREDIT_ORDER.compare(a.transaction(), b.transaction())
                    : a.via().compareTo(b.via()));
        }
        return result;
    }

    /** The first position whose transaction closed on or after {@code day}, in a list in credit order. */
    static int firstOnOrAfter(List<SourceCredit> inCreditOrder, LocalDate day) {
        int low = 0;
        int high = inCreditOrder.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (inCreditOrder.get(mid).transaction().closeDate().isBefore(day)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * {@code a x b}, skipping the multiplication when {@code b} is exactly 1 with scale 0 (an unsplit deal's
     * share, a same-currency FX factor): the product would be {@code a} with its own scale, so the result
     * is the same BigDecimal, value and scale, and most credits need no multiplication at all.
     */
    private static BigDecimal times(BigDecimal a, BigDecimal b) {
        return b.scale() == 0 && BigDecimal.ONE.equals(b) ? a : a.multiply(b);
    }

    /** What a rule may credit the payee, in credit order (see {@link CreditIndex#CREDIT_ORDER}). */
    private List<SourceCredit> candidates(PersonId payee, CreditRule rule, DateRange range) {
        return switch (rule.from()) {
            case SELF -> index.creditsOf(payee);
            case DIRECT_REPORTS -> fromReports(org.everReportedTo(payee), payee, range, true);
            case SUBTREE -> fromReports(org.everBelow(payee), payee, range, false);
            case TERRITORY ->
                index.transactions().stream()
                        .map(t -> new SourceCredit(t, t.owner() == null ? payee : t.owner(), BigDecimal.ONE, true))
                        .toList();
        };
    }

    private List<SourceCredit> fromReports(List<PersonId> reports, PersonId manager, DateRange range, boolean direct) {
        List<SourceCredit> result = new ArrayList<>();
        for (PersonId report : reports) {
            for (SourceCredit c : index.creditsOf(report)) {
                LocalDate on = c.transaction().closeDate();
                if (!range.contains(on)) {
                    continue;
                }
                boolean reportsThen = direct
                        ? org.managerOn(report, on).map(manager::equals).orElse(false)
                        : org.managersAbove(report, on).contains(manager);
                if (reportsThen) {
                    result.add(c);
                }
            }
        }
        result.sort((a, b) -> CreditIndex.CREDIT_ORDER.compare(a.transaction(), b.transaction()));
        return result;
    }
}
