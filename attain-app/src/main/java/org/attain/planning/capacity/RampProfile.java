package org.attain.planning.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How a new rep grows into a full quota: the share of it they carry in tenure month 1, 2, … (percent),
 * full from the last step on. A hire on or before the cut-off day starts ramp month 1 in the hire
 * month; after it, in the next month (the hire month then carries nothing).
 */
public record RampProfile(Long id, String name, int cutoffDay, List<BigDecimal> percents, boolean isDefault) {

    public static final int DEFAULT_CUTOFF_DAY = 15;
    public static final int MAX_STEPS = 36;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public RampProfile {
        percents = List.copyOf(percents);
    }

    public static RampProfile of(String name, int cutoffDay, String... percents) {
        return new RampProfile(
                null,
                name,
                cutoffDay,
                List.of(percents).stream().map(BigDecimal::new).toList(),
                false);
    }

    /** The month a hire on {@code hiredOn} is in ramp month 1. */
    public YearMonth firstMonth(LocalDate hiredOn) {
        YearMonth hireMonth = YearMonth.from(hiredOn);
        return hiredOn.getDayOfMonth() <= cutoffDay ? hireMonth : hireMonth.plusMonths(1);
    }

    /** The share of a full quota (0..1) a hire on {@code hiredOn} carries in {@code month}. */
    public BigDecimal share(LocalDate hiredOn, YearMonth month) {
        YearMonth first = firstMonth(hiredOn);
        if (month.isBefore(first)) {
            return BigDecimal.ZERO;
        }
        long index = ChronoUnit.MONTHS.between(first, month);
        if (index >= percents.size()) {
            return BigDecimal.ONE;
        }
        return percents.get((int) index).divide(HUNDRED, 6, RoundingMode.UNNECESSARY);
    }

    /** What is wrong with this profile, fields prefixed with {@code prefix}; empty when it can be saved. */
    public List<CapacityProblem> problems(String prefix) {
        List<CapacityProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new CapacityProblem(prefix + "name", "capacity.ramp.name.missing", "is required"));
        } else if (name.strip().length() > 80) {
            problems.add(
                    new CapacityProblem(prefix + "name", "capacity.ramp.name.long", "is longer than 80 characters"));
        }
        if (cutoffDay < 1 || cutoffDay > 31) {
            problems.add(new CapacityProblem(
                    prefix + "cutoffDay", "capacity.ramp.cutoff.range", "must be a day from 1 to 31"));
        }
        if (percents.isEmpty()) {
            problems.add(new CapacityProblem(
                    prefix + "percents", "capacity.ramp.percents.missing", "needs at least one step"));
            return problems;
        }
        if (percents.size() > MAX_STEPS) {
            problems.add(new CapacityProblem(
                    prefix + "percents",
                    "capacity.ramp.percents.many",
                    "has more than " + MAX_STEPS + " steps",
                    MAX_STEPS));
        }
        for (int i = 0; i < percents.size(); i++) {
            BigDecimal p = percents.get(i);
            if (p == null || p.signum() < 0 || p.compareTo(HUNDRED) > 0) {
                problems.add(new CapacityProblem(
                        prefix + "percents[" + (i + 1) + "]",
                        "capacity.ramp.percent.range",
                        "month " + (i + 1) + " must be a percentage from 0 to 100",
                        i + 1));
            } else if (p.stripTrailingZeros().scale() > 4) {
                problems.add(new CapacityProblem(
                        prefix + "percents[" + (i + 1) + "]",
                        "capacity.ramp.percent.scale",
                        "month " + (i + 1) + " has more than 4 decimals",
                        i + 1));
            }
        }
        BigDecimal last = percents.get(percents.size() - 1);
        if (last != null && last.compareTo(HUNDRED) != 0) {
            problems.add(new CapacityProblem(
                    prefix + "percents",
                    "capacity.ramp.percents.end",
                    "must end at 100 (a ramped rep carries the full quota)"));
        }
        return problems;
    }
}
