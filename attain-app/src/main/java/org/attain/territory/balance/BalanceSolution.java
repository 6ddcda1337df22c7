package org.attain.territory.balance;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The territories and accounts of one run, and the score of the accounts' current placement. Cloned by hand: the
 * solver clones the plan on every new best, and the generic (reflective) cloner made that the search's main cost
 * on 10,000 accounts.
 */
@PlanningSolution(solutionCloner = BalanceSolution.Cloner.class)
class BalanceSolution {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<BalanceTerritory> territories;

    @PlanningEntityCollectionProperty
    private List<BalanceAccount> accounts;

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For the solver's planning clone. */
    BalanceSolution() {}

    BalanceSolution(List<BalanceTerritory> territories, List<BalanceAccount> accounts) {
        this.territories = territories;
        this.accounts = accounts;
    }

    List<BalanceTerritory> territories() {
        return territories;
    }

    List<BalanceAccount> accounts() {
        return accounts;
    }

    HardMediumSoftLongScore score() {
        return score;
    }

    /** A planning clone: new account objects (their territory is what changes), the same territories. */
    public static final class Cloner implements SolutionCloner<BalanceSolution> {

        @Override
        public BalanceSolution cloneSolution(BalanceSolution original) {
            List<BalanceAccount> accounts = new ArrayList<>(original.accounts.size());
            for (BalanceAccount account : original.accounts) {
                accounts.add(account.copy());
            }
            BalanceSolution clone = new BalanceSolution(original.territories, accounts);
            clone.score = original.score;
            return clone;
        }
    }
}
