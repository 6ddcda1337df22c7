package org.attain.engine.calc;

import static org.attain.engine.calc.ComponentEvaluator.display;
import static org.attain.engine.calc.ComponentEvaluator.plain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.plan.BonusComponent;
import org.attain.engine.plan.Component;
import org.attain.engine.plan.ComponentBasics;

/**
 * The rules every component obeys after its raw amount, as an ordered list of steps, each adding its
 * own trace line: gate, cap per deal, cap and floor per period, one rounding, the line.
 *
 * <p>A to-date true-up hands over its already rounded amount ({@code roundedOverride}); any step that
 * changes the amount drops it, so the line is rounded once from what it really pays.
 */
final class ComponentFinish {

    private final Component component;
    private final ComponentBasics basics;
    private final ComponentInput in;
    private final ComponentEvaluator.Raw raw;
    private final CurrencyUnit currency;
    private final List<TraceStep> steps;
    private final Map<TransactionId, BigDecimal> perDeal = new LinkedHashMap<>();
    private BigDecimal amount;
    private BigDecimal roundedOverride;
    private BigDecimal beforePeriodLimits;

    private ComponentFinish(Component component, ComponentInput in, ComponentEvaluator.Raw raw) {
        this.component = component;
        this.basics = component.basics();
        this.in = in;
        this.raw = raw;
        this.currency = in.plan().currency();
        this.steps = new ArrayList<>(raw.steps());
        TerritorySteps.add(raw.contributions(), steps);
        this.amount = raw.amount();
        this.roundedOverride = raw.roundedOverride();
    }

    static ComponentOutcome finish(
            Component component, ComponentInput in, ComponentEvaluator.Raw raw, boolean checkGate) {
        ComponentFinish f = new ComponentFinish(component, in, raw);
        if (checkGate) {
            f.gate();
        }
        f.capPerDeal();
        f.capAndFloorPerPeriod();
        return f.roundedLine();
    }

    /** A gate not met pays nothing; bonuses carry their own condition and have no gate. */
    private void gate() {
        if (component instanceof BonusComponent || basics.gate() == null) {
            return;
        }
        if (!basics.gate().test(in.facts())) {
            steps.add(new TraceStep(
                    "gate",
                    "not met: " + basics.gate().text() + " (attainment "
                            + display(in.facts().attainment()) + "), pays 0",
                    "trace.words.gateNotMet",
                    List.of(basics.gate().text(), display(in.facts().attainment()))));
            amount = BigDecimal.ZERO;
            roundedOverride = null;
        } else {
            steps.add(new TraceStep(
                    "gate",
                    "met: " + basics.gate().text(),
                    "trace.words.gateMet",
                    List.of(basics.gate().text())));
        }
    }

    /** Collects what each deal earned (per-deal components) and caps each deal on its own. */
    private void capPerDeal() {
        if (!component.perDeal() || amount.signum() == 0) {
            return;
        }
        for (Contribution c : raw.contributions()) {
            perDeal.merge(c.transaction(), c.amount(), BigDecimal::add);
        }
        if (basics.capPerDeal() == null) {
            return;
        }
        BigDecimal cap = basics.capPerDeal().amount();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<TransactionId, BigDecimal> e : perDeal.entrySet()) {
            if (e.getValue().compareTo(cap) > 0) {
                steps.add(new TraceStep(
                        "cap per deal",
                        e.getKey() + " earned " + plain(e.getValue()) + ", capped to " + cap.toPlainString(),
                        "trace.words.capPerDeal",
                        List.of(e.getKey().toString(), plain(e.getValue()), cap.toPlainString())));
                e.setValue(cap);
            }
            total = total.add(e.getValue());
        }
        if (total.compareTo(amount) != 0) {
            roundedOverride = null;
        }
        amount = total;
    }

    /** The period's cap, then its floor; the deals' amounts are scaled to what the period pays. */
    private void capAndFloorPerPeriod() {
        beforePeriodLimits = amount;
        if (basics.capPerPeriod() != null
                && amount.compareTo(basics.capPerPeriod().amount()) > 0) {
            amount = basics.capPerPeriod().amount();
            steps.add(new TraceStep(
                    "cap",
                    plain(beforePeriodLimits) + " capped to "
                            + basics.capPerPeriod().toPlainString(),
                    "trace.words.cap",
                    List.of(
                            plain(beforePeriodLimits),
                            basics.capPerPeriod().amount().toPlainString())));
        }
        if (basics.floorPerPeriod() != null
                && amount.compareTo(basics.floorPerPeriod().amount()) < 0) {
            amount = basics.floorPerPeriod().amount();
            steps.add(new TraceStep(
                    "floor",
                    plain(beforePeriodLimits) + " raised to the floor "
                            + basics.floorPerPeriod().toPlainString(),
                    "trace.words.floor",
                    List.of(
                            plain(beforePeriodLimits),
                            basics.floorPerPeriod().amount().toPlainString())));
        }
        if (changedByPeriodLimits()) {
            roundedOverride = null;
            scale(perDeal, beforePeriodLimits, amount);
        }
    }

    private boolean changedByPeriodLimits() {
        return beforePeriodLimits.compareTo(amount) != 0;
    }

    /** Rounds once (HALF_EVEN, the currency's digits) and builds the line with its trace. */
    private ComponentOutcome roundedLine() {
        BigDecimal rounded = roundedOverride != null ? roundedOverride : currency.round(amount);
        if (rounded.compareTo(amount) != 0 && roundedOverride == null) {
            steps.add(new TraceStep(
                    "rounding",
                    plain(amount) + " rounded HALF_EVEN to " + rounded.toPlainString(),
                    "trace.words.rounding",
                    List.of(plain(amount), rounded.toPlainString())));
        }
        steps.add(new TraceStep(
                "amount",
                rounded.toPlainString() + " " + currency,
                "trace.words.amount",
                List.of(rounded.toPlainString(), currency.toString())));
        Money uncapped = changedByPeriodLimits() ? new Money(currency.round(beforePeriodLimits), currency) : null;
        EarningsLine line = new EarningsLine(
                component.id(),
                raw.kind(),
                in.plan().id(),
                new Money(rounded, currency),
                uncapped,
                qualifying(raw.contributions(), perDeal),
                null,
                new Trace(steps, raw.contributions()));
        return new ComponentOutcome(line, Map.copyOf(perDeal));
    }

    /**
     * The line's deals, each once, in credit order. When the per-deal amounts were collected they hold
     * exactly these ids in this order (first occurrence), so the set is not built a second time.
     */
    private static List<TransactionId> qualifying(
            List<Contribution> contributions, Map<TransactionId, BigDecimal> perDeal) {
        if (!perDeal.isEmpty()) {
            return List.copyOf(perDeal.keySet());
        }
        Set<TransactionId> qualifying = new LinkedHashSet<>();
        for (Contribution c : contributions) {
            qualifying.add(c.transaction());
        }
        return List.copyOf(qualifying);
    }

    private static void scale(Map<TransactionId, BigDecimal> perDeal, BigDecimal from, BigDecimal to) {
        if (from.signum() == 0) {
            perDeal.replaceAll((k, v) -> BigDecimal.ZERO);
            return;
        }
        BigDecimal factor = to.divide(from, MathContext.DECIMAL128);
        perDeal.replaceAll((k, v) -> v.multiply(factor, MathContext.DECIMAL128));
    }
}
