package org.attain.territory.balance;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Balances territories: checks the problem ({@link #prepare}, refusing bad input as a whole), then searches
 * ({@link Run#solve}) with a construction heuristic (largest accounts first) and a local search of change and
 * swap moves. Same input, same answer: the solver runs REPRODUCIBLE with a fixed seed, and the search ends by
 * itself after a number of steps without a better plan or a budget of moves (1,000 per account), counted, not
 * timed; only a run that reaches the time limit first (or is stopped) depends on the machine's speed. No Spring,
 * no clock.
 */
public final class TerritoryBalancer {

    /** Steps without a better plan after which the search ends by itself, at least. */
    static final int MIN_UNIMPROVED_STEPS = 20_000;

    /** Moves the search may try per account before it ends by itself, and at least in all. */
    static final long MOVES_PER_ACCOUNT = 1_000;

    static final long MIN_MOVES = 200_000;

    /**
     * Moves weighed per step; the best of them is taken. Taking the first acceptable move (late acceptance, the
     * default) let the search wander through thousands of moves no better than what they replaced, and the plan it
     * ended with kept most of them (9,186 of 10,000 accounts moved in the benchmark).
     */
    static final int MOVES_PER_STEP = 200;

    /** An account just moved is left alone for this many steps, so the search does not move it back and forth. */
    static final int ENTITY_TABU = 7;

    private TerritoryBalancer() {}

    /** What a running search reports each time it finds a better plan. */
    @FunctionalInterface
    public interface Progress {

        void bestScore(String score, boolean feasible);

        Progress NONE = (score, feasible) -> {};
    }

    /** Checks the problem and readies a run; bad input throws {@code InvalidInputException} naming each field. */
    public static Run prepare(BalanceProblem problem) {
        return new Run(BalanceModel.of(problem));
    }

    /** One search, to solve once; {@link #stop} from another thread ends it with the best plan found so far. */
    public static final class Run {

        private final BalanceModel model;
        private final Solver<BalanceSolution> solver;
        private volatile boolean stopped;

        private Run(BalanceModel model) {
            this.model = model;
            int unimproved = Math.max(MIN_UNIMPROVED_STEPS, 2 * model.accounts.size());
            SolverConfig config = new SolverConfig()
                    .withSolutionClass(BalanceSolution.class)
                    .withEntityClasses(BalanceAccount.class)
                    .withConstraintProviderClass(BalanceConstraints.class)
                    .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                    .withRandomSeed(0L)
                    .withTerminationConfig(new TerminationConfig().withSpentLimit(model.problem.timeLimit()))
                    .withPhases(
                            new ConstructionHeuristicPhaseConfig(),
                            new LocalSearchPhaseConfig()
                                    .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(ENTITY_TABU))
                                    .withForagerConfig(
                                            new LocalSearchForagerConfig().withAcceptedCountLimit(MOVES_PER_STEP))
                                    .withTerminationConfig(new TerminationConfig()
                                            .withUnimprovedStepCountLimit(unimproved)
                                            .withMoveCountLimit(
                                                    Math.max(MIN_MOVES, MOVES_PER_ACCOUNT * model.accounts.size()))));
            this.solver = SolverFactory.<BalanceSolution>create(config).buildSolver();
        }

        public Duration timeLimit() {
            return model.problem.timeLimit();
        }

        /** Searches until the plan stops improving, the time limit or {@link #stop}; then reports the best plan. */
        public BalanceResult solve(Progress progress) {
            long started = System.nanoTime();
            solver.addEventListener(event -> {
                if (stopped) {
                    // A stop that came just as the search started (which clears an earlier request) is repeated here.
                    solver.terminateEarly();
                }
                HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
                progress.bestScore(score.toString(), score.isSolutionInitialized() && score.isFeasible());
            });
            BalanceSolution best = stopped ? null : solver.solve(model.solution());
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return report(best, elapsed, stopped);
        }

        /** Ends the search; {@link #solve} then returns the best plan found so far. */
        public void stop() {
            stopped = true;
            solver.terminateEarly();
        }

        private BalanceResult report(BalanceSolution best, long elapsedMillis, boolean stoppedEarly) {
            Map<String, BalanceTerritory> placed = new HashMap<>();
            if (best != null) {
                for (BalanceAccount account : best.accounts()) {
                    placed.put(account.id(), account.territory());
                }
            } else {
                for (BalanceAccount account : model.accounts) {
                    placed.put(account.id(), account.territory());
                }
            }
            Bands bands = model.bands;
            int metricCount = model.metrics.size();
            int territoryCount = model.territories.size();
            long[][] before = new long[territoryCount][metricCount];
            long[][] after = new long[territoryCount][metricCount];
            int[] countBefore = new int[territoryCount];
            int[] countAfter = new int[territoryCount];
            Map<String, String> assignment = new LinkedHashMap<>();
            List<BalanceResult.Move> moves = new ArrayList<>();
            int moveCount = 0;
            boolean unplaced = false;
            for (BalanceAccount account : model.accounts) {
                BalanceTerritory from = account.current();
                BalanceTerritory to = placed.get(account.id());
                if (from != null) {
                    add(before[from.index()], account.values());
                    countBefore[from.index()]++;
                }
                if (to == null) {
                    unplaced = true;
                    continue;
                }
                add(after[to.index()], account.values());
                countAfter[to.index()]++;
                assignment.put(account.id(), to.id());
                if (to != from) {
                    moves.add(new BalanceResult.Move(
                            account.id(),
                            from == null ? null : from.id(),
                            to.id(),
                            byMetric(account.values()),
                            account.lockedTo() == to));
                    if (from != null) {
                        moveCount++;
                    }
                }
            }
            List<BalanceResult.TerritoryTotals> totals = new ArrayList<>();
            boolean allWithin = !unplaced;
            for (BalanceTerritory territory : model.territories) {
                long[] sums = after[territory.index()];
                boolean within = bands.outsideBand(sums) == 0;
                allWithin &= within;
                totals.add(new BalanceResult.TerritoryTotals(
                        territory.id(),
                        byMetric(before[territory.index()]),
                        byMetric(sums),
                        countBefore[territory.index()],
                        countAfter[territory.index()],
                        within));
            }
            boolean locksKept =
                    model.accounts.stream().allMatch(a -> a.lockedTo() == null || placed.get(a.id()) == a.lockedTo());
            boolean feasible = allWithin && locksKept;
            List<BalanceResult.Distance> closest = new ArrayList<>();
            List<BalanceResult.Reason> reasons = new ArrayList<>();
            if (!feasible) {
                for (int m = 0; m < metricCount; m++) {
                    BalanceTerritory worst = null;
                    long worstDistance = 0;
                    for (BalanceTerritory territory : model.territories) {
                        long d = bands.distance(m, after[territory.index()][m]);
                        if (d > worstDistance) {
                            worst = territory;
                            worstDistance = d;
                        }
                    }
                    if (worst != null) {
                        closest.add(new BalanceResult.Distance(
                                model.metrics.get(m),
                                worst.id(),
                                BalanceModel.decimal(after[worst.index()][m]),
                                BalanceModel.decimal(bands.low(m)),
                                BalanceModel.decimal(bands.high(m)),
                                BalanceModel.decimal(worstDistance),
                                percentOfMean(worstDistance, m)));
                    }
                }
                reasons.addAll(Diagnosis.provenInfeasible(model));
                if (reasons.isEmpty()) {
                    reasons.add(Diagnosis.notFound(model.problem.timeLimit(), stoppedEarly));
                }
            }
            String score =
                    best == null || best.score() == null ? "" : best.score().toString();
            return new BalanceResult(
                    feasible,
                    score,
                    bandsOut(),
                    totals,
                    moves,
                    moveCount,
                    assignment,
                    closest,
                    reasons,
                    elapsedMillis,
                    stoppedEarly);
        }

        private List<BalanceResult.Band> bandsOut() {
            List<BalanceResult.Band> out = new ArrayList<>();
            Bands bands = model.bands;
            for (int m = 0; m < model.metrics.size(); m++) {
                BigDecimal total = BalanceModel.decimal(bands.grand(m));
                out.add(new BalanceResult.Band(
                        model.metrics.get(m),
                        total,
                        total.divide(
                                BigDecimal.valueOf(bands.territoryCount()), BalanceModel.SCALE, RoundingMode.HALF_UP),
                        BalanceModel.decimal(bands.low(m)),
                        BalanceModel.decimal(bands.high(m))));
            }
            return out;
        }

        /** distance / (G / T) in percent, 2 decimals. */
        private BigDecimal percentOfMean(long distance, int metric) {
            long grand = model.bands.grand(metric);
            if (grand == 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            return BigDecimal.valueOf(distance)
                    .multiply(BigDecimal.valueOf(model.bands.territoryCount()))
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(grand), 2, RoundingMode.HALF_UP);
        }

        private Map<String, BigDecimal> byMetric(long[] values) {
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            for (int m = 0; m < values.length; m++) {
                out.put(model.metrics.get(m), BalanceModel.decimal(values[m]));
            }
            return out;
        }

        private static void add(long[] sums, long[] values) {
            for (int m = 0; m < values.length; m++) {
                sums[m] += values[m];
            }
        }
    }
}
