package org.attain.calcinputs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;

/**
 * The one way a run's inputs arrive: each capability that owns some of the engine's inputs (plans and
 * assignments, people and reporting lines, quotas, pods, FX rates, adjustments …) adds its part of a
 * run's snapshot through this, so the calculation reads no other capability's tables. Called once per
 * run, before the transactions are read, in no particular order.
 */
public interface CalcInputContributor {

    /** The engine's ranges are closed: an open-ended database row (valid_until null) ends here. */
    java.time.LocalDate OPEN_END = java.time.LocalDate.of(9999, 12, 31);

    void contribute(CalculationInput.Builder input, Scope run);

    /**
     * What a run covers, and the two facts about its inputs the run itself needs back.
     *
     * @param periods the periods computed
     * @param window the dates whose inputs matter (from the start of the first period's fiscal year)
     * @param payees the payees a small run is limited to; empty means everyone. Inputs of others may be
     *     left out (a single-deal recalculation stays cheap however large the company is).
     */
    final class Scope {

        private final List<PeriodId> periods;
        private final DateRange window;
        private final Set<Long> payees;
        private volatile List<Long> planVersionIds = List.of();
        private volatile Map<Long, Set<Long>> reportsOf = Map.of();
        private volatile Map<Long, Set<Long>> accountsCrediting = Map.of();

        public Scope(List<PeriodId> periods, DateRange window, Set<Long> payees) {
            this.periods = List.copyOf(periods);
            this.window = window;
            this.payees = Set.copyOf(payees);
        }

        public List<PeriodId> periods() {
            return periods;
        }

        public DateRange window() {
            return window;
        }

        public Set<Long> payees() {
            return payees;
        }

        /** True when the run covers everyone (no payee filter). */
        public boolean everyone() {
            return payees.isEmpty();
        }

        /** The plan versions whose compiled plans were added: the run records them, so an export can name them. */
        public void planVersions(List<Long> ids) {
            planVersionIds = List.copyOf(ids);
        }

        /**
         * Manager id to the ids of everyone who ever reported to them directly (read only): a run over a
         * few payees reads the deals of their reports too when a plan rolls up.
         */
        public void reportsOf(Map<Long, Set<Long>> value) {
            reportsOf = value;
        }

        /**
         * Person id to the ids of the accounts whose deals may credit them other than as the deal's owner or split
         * people (territory crediting: the accounts their territories claim in the window, as owner or overlay).
         * A run over a few payees reads those accounts' deals too; a superset is harmless.
         */
        public void accountsCrediting(Map<Long, Set<Long>> value) {
            accountsCrediting = Map.copyOf(value);
        }

        public Map<Long, Set<Long>> accountsCrediting() {
            return accountsCrediting;
        }

        public List<Long> planVersionIds() {
            return planVersionIds;
        }

        public Map<Long, Set<Long>> reportsOf() {
            return reportsOf;
        }
    }
}
