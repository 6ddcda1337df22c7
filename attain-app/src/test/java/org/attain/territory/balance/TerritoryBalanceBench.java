package org.attain.territory.balance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The territory balancing benchmark (no JUnit; run by bench/territory.sh): a generated company of accounts with
 * potential, last year's bookings, an account count and workload, unevenly spread over the territories as a
 * planner finds them (the first territories hold far more), 3 % locked and 2 % named, balanced within ±10 % of the
 * mean on potential, bookings and account count. Prints key=value lines.
 *
 * <p>Options: --accounts N (10000), --territories T (100), --seed S (1), --time-limit SECONDS (15: with the repair
 * and set-up on a loaded machine the whole run stays under 30 s),
 * --disruption W (1: a move costs 1 % of the mean).
 */
public final class TerritoryBalanceBench {

    private TerritoryBalanceBench() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of(
                "--accounts",
                "10000",
                "--territories",
                "100",
                "--seed",
                "1",
                "--time-limit",
                "15",
                "--disruption",
                "1"));
        for (int i = 0; i < args.length; i++) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println(
                        "error: " + args[i] + ": unknown option or missing value (options: " + options.keySet() + ")");
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        int accounts = Integer.parseInt(options.get("--accounts"));
        int territories = Integer.parseInt(options.get("--territories"));
        BalanceProblem problem = generate(
                accounts,
                territories,
                Long.parseLong(options.get("--seed")),
                Integer.parseInt(options.get("--time-limit")),
                new BigDecimal(options.get("--disruption")));

        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        TerritoryBalancer.Run run = TerritoryBalancer.prepare(problem);
        long solveStarted = System.nanoTime();
        long[] firstFeasibleNanos = {-1};
        BalanceResult result = run.solve((score, feasible) -> {
            if (feasible && firstFeasibleNanos[0] < 0) {
                firstFeasibleNanos[0] = System.nanoTime();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;

        BigDecimal worstBefore = worstPercentOutside(result, true);
        BigDecimal worstAfter = worstPercentOutside(result, false);
        System.out.println("accounts=" + accounts);
        System.out.println("territories=" + territories);
        System.out.println("metrics=potential,bookings,accounts");
        System.out.println("locked=" + problem.locks().size());
        System.out.println("named=" + problem.named().size());
        System.out.println("time_limit_s=" + problem.timeLimitSeconds());
        System.out.println("worst_band_distance_before_pct=" + worstBefore.toPlainString());
        System.out.printf("seconds=%.2f%n", seconds);
        System.out.printf("prepare_s=%.2f%n", (solveStarted - started) / 1e9);
        // The solver runs on this thread: its CPU time says more than the wall clock on a shared machine.
        System.out.printf("cpu_s=%.2f%n", cpuSeconds);
        System.out.printf(
                "load_average=%.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.println("solver_ms=" + result.elapsedMillis());
        System.out.println("feasible=" + result.feasible());
        System.out.println(
                firstFeasibleNanos[0] < 0
                        ? "first_feasible_s=never"
                        : String.format("first_feasible_s=%.2f", (firstFeasibleNanos[0] - solveStarted) / 1e9));
        System.out.println("moves=" + result.moveCount());
        System.out.println("score=" + result.score());
        System.out.println("worst_band_distance_pct=" + worstAfter.toPlainString());
        result.reasons().forEach(r -> System.out.println("reason=" + r.detail()));
    }

    /** The largest distance of any territory outside any metric's band, in percent of that metric's mean. */
    private static BigDecimal worstPercentOutside(BalanceResult result, boolean before) {
        BigDecimal worst = BigDecimal.ZERO;
        for (BalanceResult.Band band : result.bands()) {
            for (BalanceResult.TerritoryTotals t : result.territories()) {
                BigDecimal total = (before ? t.before() : t.after()).get(band.metric());
                BigDecimal distance = total.compareTo(band.low()) < 0
                        ? band.low().subtract(total)
                        : total.compareTo(band.high()) > 0 ? total.subtract(band.high()) : BigDecimal.ZERO;
                BigDecimal pct = band.mean().signum() == 0
                        ? BigDecimal.ZERO
                        : distance.multiply(BigDecimal.valueOf(100))
                                .divide(band.mean(), 2, java.math.RoundingMode.HALF_UP);
                worst = worst.max(pct);
            }
        }
        return worst;
    }

    static BalanceProblem generate(
            int accountCount, int territoryCount, long seed, int timeLimitSeconds, BigDecimal disruption) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> territories = new ArrayList<>();
        for (int t = 0; t < territoryCount; t++) {
            territories.add(String.format("T%03d", t + 1));
        }
        List<BalanceProblem.Account> accounts = new ArrayList<>();
        Map<String, String> locks = new HashMap<>();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            String id = String.format("A%05d", i + 1);
            // Potential from 1,000.00 to about 200,000.00, most accounts small; bookings 20 % to 120 % of it.
            double u = random.nextDouble();
            long potentialCents = 100_000L + (long) (u * u * u * 19_900_000L);
            long bookingsCents = potentialCents * (20 + random.nextInt(101)) / 100;
            long workloadHours = 10 + random.nextInt(190);
            // Uneven start: the square of a uniform number puts many more accounts in the first territories.
            double v = random.nextDouble();
            String territory = territories.get((int) (v * v * territoryCount));
            accounts.add(new BalanceProblem.Account(
                    id,
                    Map.of(
                            "potential", BigDecimal.valueOf(potentialCents, 2),
                            "bookings", BigDecimal.valueOf(bookingsCents, 2),
                            "workload", BigDecimal.valueOf(workloadHours)),
                    territory));
            int roll = random.nextInt(100);
            if (roll < 3) {
                locks.put(id, territories.get(random.nextInt(territoryCount)));
            } else if (roll < 5) {
                named.add(id);
            }
        }
        List<BalanceProblem.Metric> metrics = List.of(
                new BalanceProblem.Metric("potential", BigDecimal.ONE),
                new BalanceProblem.Metric("bookings", BigDecimal.ONE),
                new BalanceProblem.Metric(BalanceProblem.ACCOUNT_COUNT, new BigDecimal("0.5")));
        return new BalanceProblem(
                accounts,
                territories,
                locks,
                named,
                metrics,
                BalanceProblem.DEFAULT_BAND,
                disruption,
                timeLimitSeconds);
    }
}
