package org.attain.territory.balance;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import java.util.function.Function;

/**
 * The score, calculated incrementally by constraint streams. Hard: locks kept (pinning already keeps them; this
 * makes a broken lock visible if a plan ever arrives with one) and every territory within every metric's band,
 * as the distance outside it. Medium: each moved account costs the disruption weight, and the weighted spread of
 * the territories around the mean, in the same unit (percent of the mean), so the weight is the price of a move.
 * Soft: the squared spread, which only decides between plans equal in the rest: of 500, 100, 0 and 500, 50, 50
 * around a mean of 200 (both 600 from it in all) the more even one wins.
 */
public class BalanceConstraints implements ConstraintProvider {

    /** A broken lock outweighs any band distance a plan can have. */
    static final long LOCK_BROKEN = 1_000_000_000_000L;

    private static final Function<BalanceAccount, BalanceTerritory> TERRITORY = BalanceAccount::territory;

    private static final Function<BalanceTerritory, Totals> EMPTY =
            t -> Totals.zero(t.bands().metricCount());

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            locksKept(factory), withinBand(factory), fewMoves(factory), smallSpread(factory), evenSpread(factory)
        };
    }

    Constraint locksKept(ConstraintFactory factory) {
        return factory.forEach(BalanceAccount.class)
                .filter(BalanceAccount::lockBroken)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> LOCK_BROKEN)
                .asConstraint("locks kept");
    }

    Constraint withinBand(ConstraintFactory factory) {
        return totalsPerTerritory(factory)
                .penalizeLong(
                        HardMediumSoftLongScore.ONE_HARD,
                        (t, totals) -> t.bands().outsideBand(totals.sums()))
                .asConstraint("within band");
    }

    Constraint fewMoves(ConstraintFactory factory) {
        return factory.forEach(BalanceAccount.class)
                .filter(BalanceAccount::moved)
                .penalizeLong(
                        HardMediumSoftLongScore.ONE_MEDIUM,
                        a -> a.territory().bands().movePenalty())
                .asConstraint("few moves");
    }

    Constraint smallSpread(ConstraintFactory factory) {
        return totalsPerTerritory(factory)
                .penalizeLong(
                        HardMediumSoftLongScore.ONE_MEDIUM,
                        (t, totals) -> t.bands().spread(totals.sums()))
                .asConstraint("small spread");
    }

    Constraint evenSpread(ConstraintFactory factory) {
        return totalsPerTerritory(factory)
                .penalizeLong(
                        HardMediumSoftLongScore.ONE_SOFT,
                        (t, totals) -> t.bands().evenness(totals.sums()))
                .asConstraint("even spread");
    }

    /** Every territory with its totals; an empty territory (no account in it) totals zero. */
    private static BiConstraintStream<BalanceTerritory, Totals> totalsPerTerritory(ConstraintFactory factory) {
        return factory.forEach(BalanceAccount.class)
                .groupBy(TERRITORY, Totals.Collector.INSTANCE)
                .complement(BalanceTerritory.class, EMPTY);
    }
}
