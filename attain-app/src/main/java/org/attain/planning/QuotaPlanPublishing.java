package org.attain.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.PeriodStatus;
import org.attain.calendar.Periods;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.org.People;
import org.attain.org.PersonView;
import org.attain.quota.PlannedQuotas;
import org.springframework.stereotype.Component;

/**
 * Publishing an approved plan: every node's number split evenly over the plan's quarters (residue to the
 * first), converted to the payee's currency at the quarter's first day, written through quota's
 * {@link PlannedQuotas} in the caller's transaction. Everything is checked first and refused together, so a
 * plan is published whole or not at all: one that does not add up, a quarter missing or closed, a payee not
 * employed in a quarter, a currency no rate converts.
 */
@Component
class QuotaPlanPublishing {

    private final Periods periods;
    private final People people;
    private final FxRates fx;
    private final PlannedQuotas quotas;

    QuotaPlanPublishing(Periods periods, People people, FxRates fx, PlannedQuotas quotas) {
        this.periods = periods;
        this.people = people;
        this.fx = fx;
        this.quotas = quotas;
    }

    void publish(QuotaPlan plan, List<QuotaPlanNode> nodes, Map<Long, BigDecimal> amounts, String actor) {
        PlanRefused.Collector problems = new PlanRefused.Collector();
        checkAddsUp(plan, nodes, amounts, problems);
        List<Periods.PeriodRow> quarters = quarters(plan, problems);
        problems.throwIfAny();
        RateTable rates = new RateTable(fx.all());
        List<PlannedQuotas.Planned> planned = new ArrayList<>();
        for (QuotaPlanNode n : nodes) {
            Optional<PersonView> person =
                    people.find(n.personId(), quarters.get(0).startsOn());
            List<Allocation.Share<String>> shares = quarters.stream()
                    .map(q -> new Allocation.Share<>(q.id(), BigDecimal.ONE))
                    .toList();
            Map<String, BigDecimal> byQuarter = Allocation.split(amounts.get(n.personId()), shares);
            for (Periods.PeriodRow q : quarters) {
                if (person.isEmpty() || !employedDuring(person.get(), q)) {
                    problems.add(
                            "nodes[" + n.personId() + "]",
                            "planning.publish.notEmployed",
                            n.name() + " is not employed in " + q.id() + ": a quota there would pay no one",
                            n.name(),
                            q.id());
                    continue;
                }
                String currency = person.get().currency();
                Optional<BigDecimal> rate = rates.rate(plan.currency(), currency, q.startsOn());
                if (rate.isEmpty()) {
                    problems.add(
                            "nodes[" + n.personId() + "].currency",
                            "planning.publish.noRate",
                            "no exchange rate converts " + plan.currency() + " to " + currency + " on " + q.startsOn()
                                    + " for " + n.name(),
                            plan.currency(),
                            currency,
                            q.startsOn().toString(),
                            n.name());
                    continue;
                }
                BigDecimal amount =
                        byQuarter.get(q.id()).multiply(rate.get()).setScale(Allocation.CENTS, RoundingMode.HALF_EVEN);
                planned.add(new PlannedQuotas.Planned(n.personId(), q.id(), amount, currency));
            }
        }
        problems.throwIfAny();
        quotas.write(plan.measure(), planned, actor, "quota plan " + plan.id() + " published");
    }

    private static void checkAddsUp(
            QuotaPlan plan, List<QuotaPlanNode> nodes, Map<Long, BigDecimal> amounts, PlanRefused.Collector problems) {
        Map<Long, BigDecimal> childSums = new HashMap<>();
        for (QuotaPlanNode n : nodes) {
            BigDecimal amount = amounts.get(n.personId());
            if (amount == null) {
                problems.add(
                        "nodes[" + n.personId() + "]",
                        "planning.publish.unallocated",
                        n.name() + " has no number: the plan does not reach them",
                        n.name());
                continue;
            }
            if (n.parentId() == null && amount.compareTo(plan.target()) != 0) {
                problems.add(
                        "target",
                        "planning.publish.topNotTarget",
                        "the top, " + n.name() + ", carries " + amount.toPlainString() + ", not the plan's target "
                                + plan.target().toPlainString(),
                        n.name(),
                        amount.toPlainString(),
                        plan.target().toPlainString());
            }
            if (n.parentId() != null) {
                childSums.merge(n.parentId(), amount, BigDecimal::add);
            }
        }
        childSums.forEach((parent, sum) -> {
            BigDecimal own = amounts.get(parent);
            if (own != null && own.compareTo(sum) != 0) {
                String name = nodes.stream()
                        .filter(n -> n.personId() == parent)
                        .map(QuotaPlanNode::name)
                        .findFirst()
                        .orElse("?");
                problems.add(
                        "nodes[" + parent + "]",
                        "planning.publish.notAddingUp",
                        "the reports of " + name + " add up to " + sum.toPlainString() + ", not " + own.toPlainString(),
                        name,
                        sum.toPlainString(),
                        own.toPlainString());
            }
        });
    }

    private List<Periods.PeriodRow> quarters(QuotaPlan plan, PlanRefused.Collector problems) {
        Periods.PeriodRow period = periods.find(plan.periodId()).orElse(null);
        List<Periods.PeriodRow> quarters = period == null
                ? List.of()
                : period.kind() == PeriodKind.QUARTER
                        ? List.of(period)
                        : periods.list(PeriodKind.QUARTER, period.fiscalYear());
        if (quarters.isEmpty()) {
            problems.add(
                    "periodId",
                    "planning.publish.noQuarter",
                    plan.periodId() + " has no quarters in the calendar to hold the quotas",
                    plan.periodId());
        }
        for (Periods.PeriodRow q : quarters) {
            if (q.status() != PeriodStatus.OPEN) {
                problems.add(
                        "periodId",
                        "planning.publish.quarterClosed",
                        q.id() + " is closed: its quotas can no longer change",
                        q.id());
            }
        }
        return quarters;
    }

    private static boolean employedDuring(PersonView p, Periods.PeriodRow q) {
        LocalDate start = p.employmentStart();
        return !start.isAfter(q.endsOn())
                && (p.employmentEnd() == null || !p.employmentEnd().isBefore(q.startsOn()));
    }
}
