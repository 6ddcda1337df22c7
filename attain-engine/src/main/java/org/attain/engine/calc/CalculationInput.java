package org.attain.engine.calc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.attain.engine.ledger.LedgerState;
import org.attain.engine.model.Event;
import org.attain.engine.model.KpiScore;
import org.attain.engine.model.ManualAdjustment;
import org.attain.engine.model.Person;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.Pods;
import org.attain.engine.model.Quota;
import org.attain.engine.model.ReportingLine;
import org.attain.engine.model.TargetIncentive;
import org.attain.engine.model.TeamId;
import org.attain.engine.model.TeamMembership;
import org.attain.engine.model.TeamQuota;
import org.attain.engine.model.Transaction;
import org.attain.engine.money.FxRate;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.territory.TerritoryCrediting;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.FiscalCalendar;
import org.attain.engine.time.PeriodId;

/**
 * Everything a calculation reads, as one immutable value. {@code periods} are the periods to compute, in
 * any order (they are computed oldest first). {@code payees} empty means every assigned payee; naming a
 * few computes only those (an incremental run). {@code openingLedger} is each payee's ledger before the
 * first period computed (absent: empty), so a run may start after earlier closed periods. {@code pods}
 * are team memberships and team quotas, read only by components on pod attainment. {@code territories} is
 * the crediting policy and the territories it consults (default {@link TerritoryCrediting#NONE}: every deal
 * credits its owner or split people, as before territories existed). {@code targetIncentives} are the payees'
 * target incentives (and base) per period, read only by components that pay shares of them.
 */
public record CalculationInput(
        FiscalCalendar calendar,
        List<CompiledPlan> plans,
        List<PlanAssignment> assignments,
        List<Person> people,
        List<ReportingLine> reportingLines,
        List<Quota> quotas,
        List<FxRate> fxRates,
        List<Transaction> transactions,
        List<Event> events,
        List<KpiScore> kpiScores,
        List<ManualAdjustment> adjustments,
        List<PeriodId> periods,
        Set<PersonId> payees,
        Map<PersonId, LedgerState> openingLedger,
        Pods pods,
        TerritoryCrediting territories,
        List<TargetIncentive> targetIncentives)
        implements java.io.Serializable {

    /** An input without target incentives (kept for callers written before plans paid shares of them). */
    public CalculationInput(
            FiscalCalendar calendar,
            List<CompiledPlan> plans,
            List<PlanAssignment> assignments,
            List<Person> people,
            List<ReportingLine> reportingLines,
            List<Quota> quotas,
            List<FxRate> fxRates,
            List<Transaction> transactions,
            List<Event> events,
            List<KpiScore> kpiScores,
            List<ManualAdjustment> adjustments,
            List<PeriodId> periods,
            Set<PersonId> payees,
            Map<PersonId, LedgerState> openingLedger,
            Pods pods,
            TerritoryCrediting territories) {
        this(
                calendar,
                plans,
                assignments,
                people,
                reportingLines,
                quotas,
                fxRates,
                transactions,
                events,
                kpiScores,
                adjustments,
                periods,
                payees,
                openingLedger,
                pods,
                territories,
                List.of());
    }

    /** An input without territories (kept for callers written before territory crediting existed). */
    public CalculationInput(
            FiscalCalendar calendar,
            List<CompiledPlan> plans,
            List<PlanAssignment> assignments,
            List<Person> people,
            List<ReportingLine> reportingLines,
            List<Quota> quotas,
            List<FxRate> fxRates,
            List<Transaction> transactions,
            List<Event> events,
            List<KpiScore> kpiScores,
            List<ManualAdjustment> adjustments,
            List<PeriodId> periods,
            Set<PersonId> payees,
            Map<PersonId, LedgerState> openingLedger,
            Pods pods) {
        this(
                calendar,
                plans,
                assignments,
                people,
                reportingLines,
                quotas,
                fxRates,
                transactions,
                events,
                kpiScores,
                adjustments,
                periods,
                payees,
                openingLedger,
                pods,
                TerritoryCrediting.NONE);
    }

    /** An input without pods (kept for callers written before team quotas existed). */
    public CalculationInput(
            FiscalCalendar calendar,
            List<CompiledPlan> plans,
            List<PlanAssignment> assignments,
            List<Person> people,
            List<ReportingLine> reportingLines,
            List<Quota> quotas,
            List<FxRate> fxRates,
            List<Transaction> transactions,
            List<Event> events,
            List<KpiScore> kpiScores,
            List<ManualAdjustment> adjustments,
            List<PeriodId> periods,
            Set<PersonId> payees,
            Map<PersonId, LedgerState> openingLedger) {
        this(
                calendar,
                plans,
                assignments,
                people,
                reportingLines,
                quotas,
                fxRates,
                transactions,
                events,
                kpiScores,
                adjustments,
                periods,
                payees,
                openingLedger,
                Pods.NONE,
                TerritoryCrediting.NONE);
    }

    public CalculationInput {
        Objects.requireNonNull(calendar, "calendar");
        plans = List.copyOf(plans);
        assignments = List.copyOf(assignments);
        people = List.copyOf(people);
        reportingLines = List.copyOf(reportingLines);
        quotas = List.copyOf(quotas);
        fxRates = List.copyOf(fxRates);
        transactions = List.copyOf(transactions);
        events = List.copyOf(events);
        kpiScores = List.copyOf(kpiScores);
        adjustments = List.copyOf(adjustments);
        periods = List.copyOf(new LinkedHashSet<>(periods));
        payees = Set.copyOf(payees);
        openingLedger = Map.copyOf(openingLedger);
        pods = pods == null ? Pods.NONE : pods;
        territories = territories == null ? TerritoryCrediting.NONE : territories;
        targetIncentives = List.copyOf(targetIncentives == null ? List.of() : targetIncentives);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same input restricted to some payees and periods, starting from the given ledgers. */
    public CalculationInput only(
            Set<PersonId> somePayees, List<PeriodId> somePeriods, Map<PersonId, LedgerState> opening) {
        return new CalculationInput(
                calendar,
                plans,
                assignments,
                people,
                reportingLines,
                quotas,
                fxRates,
                transactions,
                events,
                kpiScores,
                adjustments,
                somePeriods,
                somePayees,
                opening,
                pods,
                territories,
                targetIncentives);
    }

    /**
     * The same input (pods included) with another set of transactions and payees and empty opening
     * ledgers: one chunk of a run that loads transactions per group of payees.
     */
    public CalculationInput forChunk(List<Transaction> chunkTransactions, Set<PersonId> chunkPayees) {
        return new CalculationInput(
                calendar,
                plans,
                assignments,
                people,
                reportingLines,
                quotas,
                fxRates,
                chunkTransactions,
                events,
                kpiScores,
                adjustments,
                periods,
                chunkPayees,
                Map.of(),
                pods,
                territories,
                targetIncentives);
    }

    /**
     * Everyone whose deals can count toward a pod these people were in at some time inside {@code window}:
     * their pod mates (themselves included). Empty when no plan pays on pod attainment, so a loader
     * that widens what it reads by this costs nothing for plans without pods.
     */
    public Set<PersonId> podMates(Set<PersonId> of, DateRange window) {
        if (pods.memberships().isEmpty() || plans.stream().noneMatch(CompiledPlan::paysOnPods)) {
            return Set.of();
        }
        Set<TeamId> teams = new java.util.HashSet<>();
        for (TeamMembership m : pods.memberships()) {
            if (of.contains(m.person()) && m.during().overlaps(window)) {
                teams.add(m.team());
            }
        }
        Set<PersonId> mates = new java.util.TreeSet<>();
        for (TeamMembership m : pods.memberships()) {
            if (teams.contains(m.team()) && m.during().overlaps(window)) {
                mates.add(m.person());
            }
        }
        return mates;
    }

    /** The same input crediting under {@code value} (a policy and the territories it consults). */
    public CalculationInput withTerritories(TerritoryCrediting value) {
        return new CalculationInput(
                calendar,
                plans,
                assignments,
                people,
                reportingLines,
                quotas,
                fxRates,
                transactions,
                events,
                kpiScores,
                adjustments,
                periods,
                payees,
                openingLedger,
                pods,
                value,
                targetIncentives);
    }

    /**
     * The same input with {@code draft} in place of every version of the plan with its id (a draft previewed
     * against real data, in force over the whole input).
     */
    public CalculationInput withPlan(CompiledPlan draft) {
        List<CompiledPlan> replaced = new ArrayList<>();
        for (CompiledPlan p : plans) {
            if (!p.id().equals(draft.id())) {
                replaced.add(p);
            }
        }
        replaced.add(draft);
        return new CalculationInput(
                calendar,
                replaced,
                assignments,
                people,
                reportingLines,
                quotas,
                fxRates,
                transactions,
                events,
                kpiScores,
                adjustments,
                periods,
                payees,
                openingLedger,
                pods,
                territories,
                targetIncentives);
    }

    /** The same input with more transactions, as used by what-if. */
    public CalculationInput withTransactions(List<Transaction> more) {
        List<Transaction> all = new ArrayList<>(transactions);
        all.addAll(more);
        return new CalculationInput(
                calendar,
                plans,
                assignments,
                people,
                reportingLines,
                quotas,
                fxRates,
                all,
                events,
                kpiScores,
                adjustments,
                periods,
                payees,
                openingLedger,
                pods,
                territories,
                targetIncentives);
    }

    /** Collects the parts of an input; every list starts empty and the calendar starts in January. */
    public static final class Builder {
        private FiscalCalendar calendar = FiscalCalendar.calendarYear();
        private final List<CompiledPlan> plans = new ArrayList<>();
        private final List<PlanAssignment> assignments = new ArrayList<>();
        private List<Person> people = new ArrayList<>();
        private List<ReportingLine> reportingLines = new ArrayList<>();
        private final List<Quota> quotas = new ArrayList<>();
        private final List<FxRate> fxRates = new ArrayList<>();
        private final List<Transaction> transactions = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();
        private final List<KpiScore> kpiScores = new ArrayList<>();
        private final List<ManualAdjustment> adjustments = new ArrayList<>();
        private final List<PeriodId> periods = new ArrayList<>();
        private final Set<PersonId> payees = new LinkedHashSet<>();
        private final Map<PersonId, LedgerState> openingLedger = new HashMap<>();
        private final Map<TeamId, String> teamNames = new HashMap<>();
        private final List<TeamMembership> memberships = new ArrayList<>();
        private final List<TeamQuota> teamQuotas = new ArrayList<>();
        private TerritoryCrediting territories = TerritoryCrediting.NONE;
        private final List<TargetIncentive> targetIncentives = new ArrayList<>();

        public Builder calendar(FiscalCalendar value) {
            this.calendar = value;
            return this;
        }

        public Builder plan(CompiledPlan value) {
            plans.add(value);
            return this;
        }

        public Builder assignment(PlanAssignment value) {
            assignments.add(value);
            return this;
        }

        public Builder person(Person value) {
            people = growable(people);
            people.add(value);
            return this;
        }

        public Builder reportingLine(ReportingLine value) {
            reportingLines = growable(reportingLines);
            reportingLines.add(value);
            return this;
        }

        /**
         * Everyone at once. Given to an empty builder, an unmodifiable list is kept as it is (not copied), so runs
         * handed the same list share what the engine derives from it (its people map, see {@link org.attain.engine.model.OrgChart#of}).
         */
        public Builder people(List<Person> values) {
            people = shared(people, values);
            return this;
        }

        /** All reporting lines at once; an unmodifiable list given to an empty builder is kept as it is. */
        public Builder reportingLines(List<ReportingLine> values) {
            reportingLines = shared(reportingLines, values);
            return this;
        }

        private static <T> List<T> shared(List<T> current, List<T> values) {
            if (current.isEmpty() && List.copyOf(values) == values) {
                return values;
            }
            List<T> out = growable(current);
            out.addAll(values);
            return out;
        }

        /** The list itself when it is the builder's own, else a growable copy of a shared one. */
        private static <T> List<T> growable(List<T> list) {
            return list instanceof ArrayList<T> ? list : new ArrayList<>(list);
        }

        public Builder quota(Quota value) {
            quotas.add(value);
            return this;
        }

        public Builder fxRate(FxRate value) {
            fxRates.add(value);
            return this;
        }

        public Builder transaction(Transaction value) {
            transactions.add(value);
            return this;
        }

        public Builder transactions(List<Transaction> values) {
            transactions.addAll(values);
            return this;
        }

        public Builder event(Event value) {
            events.add(value);
            return this;
        }

        public Builder kpiScore(KpiScore value) {
            kpiScores.add(value);
            return this;
        }

        public Builder adjustment(ManualAdjustment value) {
            adjustments.add(value);
            return this;
        }

        public Builder period(PeriodId value) {
            periods.add(value);
            return this;
        }

        public Builder payee(PersonId value) {
            payees.add(value);
            return this;
        }

        public Builder openingLedger(PersonId person, LedgerState state) {
            openingLedger.put(person, state);
            return this;
        }

        /** Names a team (pod) for traces; a team without a name is shown by its id. */
        public Builder team(TeamId team, String name) {
            teamNames.put(team, name);
            return this;
        }

        public Builder teamMembership(TeamMembership value) {
            memberships.add(value);
            return this;
        }

        public Builder teamQuota(TeamQuota value) {
            teamQuotas.add(value);
            return this;
        }

        /** The crediting policy and the territories it consults (see {@link TerritoryCrediting}). */
        public Builder territories(TerritoryCrediting value) {
            this.territories = value;
            return this;
        }

        /** A payee's target incentive (and base) for a period, paid in shares by curves on it. */
        public Builder targetIncentive(TargetIncentive value) {
            targetIncentives.add(value);
            return this;
        }

        public CalculationInput build() {
            return new CalculationInput(
                    calendar,
                    plans,
                    assignments,
                    people,
                    reportingLines,
                    quotas,
                    fxRates,
                    transactions,
                    events,
                    kpiScores,
                    adjustments,
                    periods,
                    payees,
                    openingLedger,
                    new Pods(teamNames, memberships, teamQuotas),
                    territories,
                    targetIncentives);
        }
    }
}
