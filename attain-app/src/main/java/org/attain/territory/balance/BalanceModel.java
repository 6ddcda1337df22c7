package org.attain.territory.balance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;

/**
 * A checked balancing problem in the solver's terms: metric values as longs scaled by 10^4 (exact; a value with
 * more decimals is refused, never rounded), the bands rounded inwards, the accounts with their start territory
 * (locked ones already on their lock) and pins. Bad input is refused as a whole, each problem naming its field.
 */
final class BalanceModel {

    static final int SCALE = 4;

    private static final int MAX_PROBLEMS = 50;
    private static final BigDecimal MAX_WEIGHT = new BigDecimal("100");
    private static final int MAX_TERRITORIES = 1000;
    private static final BigDecimal MAX_DISRUPTION = new BigDecimal("10000");

    final BalanceProblem problem;
    final List<String> metrics;
    final Bands bands;
    final List<BalanceTerritory> territories;
    /** In the problem's order. */
    final List<BalanceAccount> accounts;

    private BalanceModel(
            BalanceProblem problem,
            List<String> metrics,
            Bands bands,
            List<BalanceTerritory> territories,
            List<BalanceAccount> accounts) {
        this.problem = problem;
        this.metrics = metrics;
        this.bands = bands;
        this.territories = territories;
        this.accounts = accounts;
    }

    /**
     * The solver's starting point: the accounts moved into the band by {@link Repair} where they all have a territory,
     * ordered largest first, so the construction places big ones first.
     */
    BalanceSolution solution() {
        Map<String, BalanceTerritory> start = Repair.start(this);
        List<BalanceAccount> ordered = new ArrayList<>(accounts.size());
        for (BalanceAccount a : accounts) {
            BalanceTerritory repaired = start.get(a.id());
            ordered.add(repaired == null ? a.copy() : a.startingIn(repaired));
        }
        ordered.sort(
                Comparator.comparingLong((BalanceAccount a) -> -a.values()[0]).thenComparing(BalanceAccount::id));
        return new BalanceSolution(territories, ordered);
    }

    static BigDecimal decimal(long scaled) {
        return BigDecimal.valueOf(scaled, SCALE);
    }

    static BalanceModel of(BalanceProblem p) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> territoryIds = new LinkedHashSet<>();
        if (p.territories().isEmpty()) {
            problems.add(new FieldProblem(
                    "territories", "territory.balance.error.required", "at least one territory is needed"));
        }
        if (p.territories().size() > MAX_TERRITORIES) {
            problems.add(new FieldProblem(
                    "territories",
                    "territory.balance.error.too-many",
                    "at most " + MAX_TERRITORIES + " territories can be balanced at once, not "
                            + p.territories().size()));
        }
        for (int i = 0; i < p.territories().size(); i++) {
            String id = p.territories().get(i);
            if (id == null || id.isBlank()) {
                problems.add(new FieldProblem(
                        "territories[" + i + "]", "territory.balance.error.blank", "a territory id is blank"));
            } else if (!territoryIds.add(id)) {
                problems.add(new FieldProblem(
                        "territories[" + i + "]",
                        "territory.balance.error.duplicate",
                        "territory '" + id + "' is listed twice"));
            }
        }
        List<String> metrics = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        if (p.metrics().isEmpty()) {
            problems.add(new FieldProblem(
                    "metrics", "territory.balance.error.required", "choose at least one metric to balance"));
        }
        for (int i = 0; i < p.metrics().size(); i++) {
            BalanceProblem.Metric metric = p.metrics().get(i);
            String field = "metrics[" + i + "]";
            if (metric == null || metric.name() == null || metric.name().isBlank()) {
                problems.add(
                        new FieldProblem(field + ".name", "territory.balance.error.blank", "a metric name is blank"));
                continue;
            }
            if (metrics.contains(metric.name())) {
                problems.add(new FieldProblem(
                        field + ".name",
                        "territory.balance.error.duplicate",
                        "metric '" + metric.name() + "' is chosen twice"));
                continue;
            }
            if (metric.weight().signum() < 0
                    || metric.weight().compareTo(MAX_WEIGHT) > 0
                    || metric.weight().scale() > 2) {
                problems.add(new FieldProblem(
                        field + ".weight",
                        "territory.balance.error.weight",
                        "the weight must lie between 0 and 100 with at most 2 decimals, not "
                                + metric.weight().toPlainString()));
                continue;
            }
            metrics.add(metric.name());
            weights.add(metric.weight().movePointRight(2).longValueExact());
        }
        if (p.band().signum() < 0 || p.band().compareTo(BigDecimal.ONE) >= 0) {
            problems.add(new FieldProblem(
                    "band",
                    "territory.balance.error.band",
                    "the band must be at least 0 and below 1 (0.10 = ±10 % of the mean), not "
                            + p.band().toPlainString()));
        }
        if (p.disruptionWeight().signum() < 0
                || p.disruptionWeight().compareTo(MAX_DISRUPTION) > 0
                || p.disruptionWeight().scale() > 2) {
            problems.add(new FieldProblem(
                    "disruptionWeight",
                    "territory.balance.error.weight",
                    "the disruption weight must lie between 0 and 10000 with at most 2 decimals, not "
                            + p.disruptionWeight().toPlainString()));
        }
        if (p.timeLimitSeconds() < 1 || p.timeLimitSeconds() > BalanceProblem.MAX_TIME_LIMIT_SECONDS) {
            problems.add(new FieldProblem(
                    "timeLimitSeconds",
                    "territory.balance.error.time-limit",
                    "the time limit must lie between 1 and " + BalanceProblem.MAX_TIME_LIMIT_SECONDS + " seconds, not "
                            + p.timeLimitSeconds()));
        }
        if (p.accounts().isEmpty()) {
            problems.add(new FieldProblem(
                    "accounts", "territory.balance.error.required", "there are no accounts to balance"));
        }
        Set<String> accountIds = new HashSet<>();
        long[][] values = new long[p.accounts().size()][];
        for (int i = 0; i < p.accounts().size() && problems.size() < MAX_PROBLEMS; i++) {
            BalanceProblem.Account account = p.accounts().get(i);
            String field = "accounts[" + i + "]";
            if (account == null || account.id() == null || account.id().isBlank()) {
                problems.add(
                        new FieldProblem(field + ".id", "territory.balance.error.blank", "an account id is blank"));
                continue;
            }
            if (!accountIds.add(account.id())) {
                problems.add(new FieldProblem(
                        field + ".id",
                        "territory.balance.error.duplicate",
                        "account '" + account.id() + "' is listed twice"));
            }
            if (account.territory() != null && !territoryIds.contains(account.territory())) {
                problems.add(new FieldProblem(
                        field + ".territory",
                        "territory.balance.error.unknown-territory",
                        "territory '" + account.territory() + "' of account '" + account.id()
                                + "' is not among the territories"));
            }
            values[i] = new long[metrics.size()];
            for (int m = 0; m < metrics.size(); m++) {
                String name = metrics.get(m);
                BigDecimal value = account.values().get(name);
                if (value == null && BalanceProblem.ACCOUNT_COUNT.equals(name)) {
                    value = BigDecimal.ONE;
                }
                String valueField = field + ".values." + name;
                if (value == null) {
                    problems.add(new FieldProblem(
                            valueField,
                            "territory.balance.error.missing-value",
                            "account '" + account.id() + "' has no value for metric '" + name + "'"));
                } else if (value.signum() < 0) {
                    problems.add(new FieldProblem(
                            valueField,
                            "territory.balance.error.negative",
                            "account '" + account.id() + "' has a negative " + name + " (" + value.toPlainString()
                                    + ")"));
                } else if (value.stripTrailingZeros().scale() > SCALE) {
                    problems.add(new FieldProblem(
                            valueField,
                            "territory.balance.error.decimals",
                            "account '" + account.id() + "' has more than " + SCALE + " decimals in " + name + " ("
                                    + value.toPlainString() + ")"));
                } else if (value.movePointRight(SCALE).toBigInteger().bitLength() > 62) {
                    problems.add(new FieldProblem(
                            valueField,
                            "territory.balance.error.too-large",
                            "account '" + account.id() + "' has a " + name + " too large to balance ("
                                    + value.toPlainString() + ")"));
                } else {
                    values[i][m] = value.movePointRight(SCALE).longValueExact();
                }
            }
        }
        int territoryCount = territoryIds.size();
        long[] grand = new long[metrics.size()];
        for (int m = 0; m < metrics.size() && territoryCount > 0; m++) {
            BigInteger sum = BigInteger.ZERO;
            for (long[] v : values) {
                if (v != null) {
                    sum = sum.add(BigInteger.valueOf(v[m]));
                }
            }
            // Totals times the number of territories must stay exact in a long (the score compares total * T with G).
            if (sum.multiply(BigInteger.valueOf(territoryCount)).bitLength() > 62) {
                problems.add(new FieldProblem(
                        "metrics[" + m + "]",
                        "territory.balance.error.too-large",
                        "the accounts' total " + metrics.get(m) + " is too large to balance"));
            } else {
                grand[m] = sum.longValueExact();
            }
        }
        Map<String, Integer> accountIndex = new HashMap<>();
        for (int i = 0; i < p.accounts().size(); i++) {
            BalanceProblem.Account account = p.accounts().get(i);
            if (account != null && account.id() != null) {
                accountIndex.putIfAbsent(account.id(), i);
            }
        }
        p.locks().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(lock -> {
            if (!accountIndex.containsKey(lock.getKey())) {
                problems.add(new FieldProblem(
                        "locks." + lock.getKey(),
                        "territory.balance.error.unknown-account",
                        "locked account '" + lock.getKey() + "' is not among the accounts"));
            }
            if (!territoryIds.contains(lock.getValue())) {
                problems.add(new FieldProblem(
                        "locks." + lock.getKey(),
                        "territory.balance.error.unknown-territory",
                        "account '" + lock.getKey() + "' is locked to '" + lock.getValue()
                                + "', which is not among the territories"));
            }
        });
        for (int i = 0; i < p.named().size(); i++) {
            String id = p.named().get(i);
            Integer index = accountIndex.get(id);
            if (index == null) {
                problems.add(new FieldProblem(
                        "named[" + i + "]",
                        "territory.balance.error.unknown-account",
                        "named account '" + id + "' is not among the accounts"));
            } else if (p.accounts().get(index).territory() == null && !p.locks().containsKey(id)) {
                problems.add(new FieldProblem(
                        "named[" + i + "]",
                        "territory.balance.error.named-unassigned",
                        "named account '" + id + "' has no territory to stay in"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }

        long[] low = new long[metrics.size()];
        long[] high = new long[metrics.size()];
        BigDecimal count = BigDecimal.valueOf(territoryCount);
        for (int m = 0; m < metrics.size(); m++) {
            BigDecimal g = BigDecimal.valueOf(grand[m]);
            low[m] = g.multiply(BigDecimal.ONE.subtract(p.band()))
                    .divide(count, 0, RoundingMode.CEILING)
                    .longValueExact();
            high[m] = g.multiply(BigDecimal.ONE.add(p.band()))
                    .divide(count, 0, RoundingMode.FLOOR)
                    .longValueExact();
        }
        // The weight has at most 2 decimals: weight x100 times a hundredth of a percent's soft points.
        long movePenalty = p.disruptionWeight().movePointRight(2).longValueExact() * (Bands.PERCENT / 100);
        Bands bands = new Bands(
                grand, low, high, weights.stream().mapToLong(Long::longValue).toArray(), territoryCount, movePenalty);
        List<BalanceTerritory> territories = new ArrayList<>();
        Map<String, BalanceTerritory> byId = new HashMap<>();
        for (String id : territoryIds) {
            BalanceTerritory territory = new BalanceTerritory(id, territories.size(), bands);
            territories.add(territory);
            byId.put(id, territory);
        }
        Set<String> named = Set.copyOf(p.named());
        List<BalanceAccount> accounts = new ArrayList<>();
        for (int i = 0; i < p.accounts().size(); i++) {
            BalanceProblem.Account account = p.accounts().get(i);
            BalanceTerritory current = account.territory() == null ? null : byId.get(account.territory());
            String lock = p.locks().get(account.id());
            BalanceTerritory lockedTo = lock == null ? null : byId.get(lock);
            boolean pinned = lockedTo != null || named.contains(account.id());
            accounts.add(new BalanceAccount(
                    account.id(), values[i], current, lockedTo, pinned, lockedTo != null ? lockedTo : current));
        }
        return new BalanceModel(p, List.copyOf(metrics), bands, List.copyOf(territories), List.copyOf(accounts));
    }
}
