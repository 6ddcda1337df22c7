package org.attain.calc;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.calcinputs.CalcInputContributor;
import org.attain.calendar.Periods;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.CreditFrom;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.springframework.stereotype.Component;

/**
 * Loads a snapshot of everything the engine needs for a run from the database and translates it
 * into the engine's input records. Person ids are the database ids as text; transaction ids are
 * the source's external ids, which is what a rep recognises on a statement.
 */
@Component
class CalcInputs {

    private final Periods periods;
    private final CalcEvents events;
    private final List<CalcInputContributor> contributors;

    CalcInputs(Periods periods, CalcEvents events, List<CalcInputContributor> contributors) {
        this.events = events;
        this.contributors = contributors;
        this.periods = periods;
    }

    /** Everything but the transactions: small, loaded once per run and shared by every chunk. */
    record Snapshot(
            CalculationInput base,
            DateRange window,
            boolean creditsAnyTransaction,
            Map<Long, Set<Long>> reportsOf,
            List<Long> planVersionIds,
            Map<Long, Set<Long>> accountsCrediting) {

        /**
         * What a chunk reads: the deals these people own or share, and the deals on these accounts whoever owns
         * them (the accounts the people's territories claim when crediting goes by territory; else none).
         */
        record Reach(Set<Long> people, Set<Long> accounts) {}

        /** The base input with a chunk's transactions and payees. */
        CalculationInput forChunk(List<Transaction> transactions, Set<PersonId> payees) {
            return base.forChunk(transactions, payees);
        }

        /**
         * The transactions that can credit these payees: those of the payees themselves and, when a plan rolls
         * up, of everyone who ever reported to them (directly or not), and those on the accounts any of them may
         * be credited on through a territory. A superset is harmless; the engine decides by the reporting line
         * and the territory in force on each credit date.
         */
        Reach reach(Set<Long> payees) {
            Set<Long> people = people(payees);
            if (accountsCrediting.isEmpty()) {
                return new Reach(people, Set.of());
            }
            // Everyone in reach counts: a manager rolls up, and a pod mate shares, credit a report or mate
            // earned through a territory.
            Set<Long> accounts = new java.util.TreeSet<>();
            people.forEach(p -> accounts.addAll(accountsCrediting.getOrDefault(p, Set.of())));
            return new Reach(people, accounts);
        }

        private Set<Long> people(Set<Long> payees) {
            Set<Long> out = new HashSet<>(payees);
            // Pod members are paid on their pod mates' deals too (empty when no plan pays on pods).
            Set<PersonId> of = new HashSet<>();
            payees.forEach(p -> of.add(pid(p)));
            base.podMates(of, window).forEach(p -> out.add(Long.parseLong(p.value())));
            ArrayDeque<Long> todo = new ArrayDeque<>(out);
            while (!todo.isEmpty()) {
                for (Long report : reportsOf.getOrDefault(todo.pop(), Set.of())) {
                    if (out.add(report)) {
                        todo.add(report);
                    }
                }
            }
            return out;
        }
    }

    /**
     * Assembles the snapshot from the contributors (plans, assignments, people, reporting lines, quotas,
     * pods, FX rates, adjustments: each from its owner) and the events. For a run over a few payees
     * ({@code only} not empty) owners may limit their part to them, which keeps a single-deal
     * recalculation cheap however large the company is.
     */
    Snapshot snapshot(List<PeriodId> runPeriods, Set<Long> only) {
        // The fiscal calendar is one query: read once for the window and the engine.
        var calendar = periods.calendar().engine();
        DateRange window = events.withReturnedDeals(window(calendar, runPeriods), calendar);
        CalculationInput.Builder in = CalculationInput.builder().calendar(calendar);
        CalcInputContributor.Scope scope = new CalcInputContributor.Scope(runPeriods, window, only);
        contributors.forEach(c -> c.contribute(in, scope));
        events.load(window).forEach(in::event);
        runPeriods.forEach(in::period);
        CalculationInput base = in.build();
        List<CompiledPlan> compiled = base.plans();
        boolean rollsUp = compiled.stream()
                .flatMap(p -> p.measures().stream())
                .flatMap(m -> m.creditRules().stream())
                .anyMatch(r -> r.from() == CreditFrom.DIRECT_REPORTS || r.from() == CreditFrom.SUBTREE);
        boolean anyTransaction = compiled.stream()
                .flatMap(p -> p.measures().stream())
                .flatMap(m -> m.creditRules().stream())
                .anyMatch(r -> r.from() == CreditFrom.TERRITORY);
        return new Snapshot(
                base,
                window,
                anyTransaction,
                rollsUp ? scope.reportsOf() : Map.of(),
                scope.planVersionIds(),
                scope.accountsCrediting());
    }

    private static DateRange window(org.attain.engine.time.FiscalCalendar cal, List<PeriodId> runPeriods) {
        LocalDate first = runPeriods.stream()
                .map(p -> cal.range(p).first())
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = runPeriods.stream()
                .map(p -> cal.range(p).last())
                .max(LocalDate::compareTo)
                .orElseThrow();
        // Year-to-date measures look back to the start of the fiscal year.
        LocalDate yearStart = cal.range(cal.periodOf(first, org.attain.engine.time.PeriodKind.YEAR))
                .first();
        return new DateRange(yearStart, last);
    }

    static PersonId pid(long id) {
        return PersonId.of(Long.toString(id));
    }
}
