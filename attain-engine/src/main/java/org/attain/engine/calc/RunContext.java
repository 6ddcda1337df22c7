package org.attain.engine.calc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.credit.CreditIndex;
import org.attain.engine.credit.Crediting;
import org.attain.engine.credit.Knowledge;
import org.attain.engine.model.Event;
import org.attain.engine.model.ManualAdjustment;
import org.attain.engine.model.OrgChart;
import org.attain.engine.model.Person;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.FxRates;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanVersions;
import org.attain.engine.territory.TerritoryCrediting;
import org.attain.engine.time.FiscalCalendar;
import org.attain.engine.time.PeriodId;

/**
 * The input, validated and indexed once per run. Immutable after construction, so every payee
 * calculation can read it concurrently without locks.
 */
final class RunContext {

    final FiscalCalendar calendar;
    final Map<String, CompiledPlan> plans;
    /** Every plan's versions in force by date (see {@link PlanVersions}); most plans have one. */
    final Map<String, List<CompiledPlan>> versions;

    final Map<PersonId, Person> people;
    final Map<PersonId, List<PlanAssignment>> assignments;
    final Crediting crediting;
    final QuotaBook quotas;
    final PodBook pods;
    final KpiBook kpis;
    final TargetIncentiveBook targetIncentives;
    final Map<TransactionId, List<Event.TransactionCancelled>> cancellations;
    final Map<TransactionId, List<Event.TransactionMilestone>> milestones;
    final Map<PeriodId, LocalDate> closedOn;
    final Map<PersonId, List<ManualAdjustment>> adjustments;
    /** Linked returns and reversals (refers_to), judged once per run or chunk. */
    final Returns.Book returns;
    /** Links given as events (returns whose transactions do not carry them), applied to every chunk. */
    private final Map<TransactionId, org.attain.engine.model.ReturnOf> returnLinks;
    // Kept to credit another chunk's transactions against the same run (see the chunk constructor).
    private final FxRates fx;
    private final OrgChart org;
    private final Knowledge knowledge;
    private final TerritoryCrediting territories;

    /**
     * The same run for another set of transactions: everything but the credit index is shared with
     * {@code run} as it is (all of it immutable), so a run split into many chunks indexes its people,
     * plans, quotas, reporting lines and events once instead of once per chunk.
     */
    RunContext(RunContext run, List<org.attain.engine.model.Transaction> transactions) {
        this.calendar = run.calendar;
        this.plans = run.plans;
        this.versions = run.versions;
        this.people = run.people;
        this.assignments = run.assignments;
        this.fx = run.fx;
        this.org = run.org;
        this.knowledge = run.knowledge;
        this.territories = run.territories;
        this.returnLinks = run.returnLinks;
        this.crediting = new Crediting(
                CreditIndex.build(Returns.linked(transactions, returnLinks), people.keySet(), territories),
                org,
                fx,
                knowledge);
        this.quotas = run.quotas;
        this.pods = run.pods;
        this.kpis = run.kpis;
        this.targetIncentives = run.targetIncentives;
        this.cancellations = run.cancellations;
        this.milestones = run.milestones;
        this.closedOn = run.closedOn;
        this.adjustments = run.adjustments;
        this.returns = Returns.book(crediting.index());
    }

    RunContext(CalculationInput in) {
        this.calendar = in.calendar();
        // A plan with several versions stands for all of them: the latest, in force over their whole span.
        this.versions = Map.copyOf(PlanVersions.byPlan(in.plans()));
        Map<String, CompiledPlan> planMap = new LinkedHashMap<>();
        versions.forEach((id, list) -> planMap.put(
                id,
                list.size() == 1
                        ? list.get(0)
                        : PlanVersions.withEffective(list.get(list.size() - 1), PlanVersions.span(list))));
        this.plans = Map.copyOf(planMap);
        this.people = peopleById(in.people());
        this.assignments = group(in.assignments(), PlanAssignment::person);
        this.fx = FxRates.of(in.fxRates());
        this.org = OrgChart.of(in.reportingLines());
        this.knowledge = Knowledge.of(in.events());
        this.territories = in.territories();
        this.returnLinks = Returns.links(in.events());
        CreditIndex index =
                CreditIndex.build(Returns.linked(in.transactions(), returnLinks), people.keySet(), territories);
        this.crediting = new Crediting(index, org, fx, knowledge);
        this.quotas = new QuotaBook(in.quotas(), calendar);
        this.pods = new PodBook(in.pods(), calendar);
        this.kpis = new KpiBook(in.kpiScores());
        this.targetIncentives = new TargetIncentiveBook(in.targetIncentives(), calendar);
        List<Event.TransactionCancelled> cancelled = new ArrayList<>();
        List<Event.TransactionMilestone> milestoneList = new ArrayList<>();
        Map<PeriodId, LocalDate> closed = new HashMap<>();
        for (Event e : in.events()) {
            if (e instanceof Event.TransactionCancelled c) {
                cancelled.add(c);
            } else if (e instanceof Event.TransactionMilestone m) {
                milestoneList.add(m);
            } else if (e instanceof Event.PeriodClosed pc) {
                closed.merge(pc.period(), pc.on(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        this.cancellations = group(cancelled, Event.TransactionCancelled::transaction);
        this.milestones = group(milestoneList, Event.TransactionMilestone::transaction);
        this.closedOn = Map.copyOf(closed);
        this.adjustments = group(in.adjustments(), ManualAdjustment::person);
        this.returns = Returns.book(index);
    }

    /** The last people map built and the unmodifiable list it was built from (see {@link OrgChart#of}). */
    private record PeopleBuilt(List<Person> people, Map<PersonId, Person> byId) {}

    private static volatile PeopleBuilt lastPeople;

    private static Map<PersonId, Person> peopleById(List<Person> people) {
        PeopleBuilt b = lastPeople;
        if (b != null && b.people() == people) {
            return b.byId();
        }
        Map<PersonId, Person> map = new HashMap<>();
        people.forEach(p -> map.put(p.id(), p));
        Map<PersonId, Person> byId = Map.copyOf(map);
        if (List.copyOf(people) == people) { // unmodifiable: the same list always holds the same people
            lastPeople = new PeopleBuilt(people, byId);
        }
        return byId;
    }

    /** Knowledge cut-off for a period's own statement: the close date if closed, else everything. */
    LocalDate asOf(PeriodId period) {
        return closedOn.getOrDefault(period, Knowledge.EVERYTHING);
    }

    /** What had been settled for a period by the end of its run: the close date, or its last day if open. */
    LocalDate settledThrough(PeriodId period) {
        LocalDate closed = closedOn.get(period);
        return closed != null ? closed : calendar.range(period).last();
    }

    private static <K, V> Map<K, List<V>> group(List<V> values, java.util.function.Function<V, K> key) {
        Map<K, List<V>> map = new HashMap<>();
        for (V v : values) {
            map.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(map);
    }
}
