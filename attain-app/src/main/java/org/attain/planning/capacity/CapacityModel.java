package org.attain.planning.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The capacity arithmetic, pure (no Spring, no database, no clock): per month, the quota the team
 * carries (every seat's full monthly quota x its ramp share x headcount, less the planned leavers),
 * times the expected attainment, against the revenue target. Quarters add up their months as shown
 * (each month rounded to cents once), so the table adds up on paper.
 *
 * <p>Joining and leaving use the mid-month rule: a seat with no ramp profile counts from its start
 * month if it starts on or before the 15th, else from the next month; a seat leaving after the 15th
 * still counts in its last month, one leaving on or before the 15th does not.
 */
public final class CapacityModel {

    public static final int MID_MONTH = 15;

    private CapacityModel() {}

    /** A seat's full (unramped) quota per month. */
    @FunctionalInterface
    public interface MonthlyQuota {
        BigDecimal of(YearMonth month);

        static MonthlyQuota flat(BigDecimal amount) {
            return month -> amount;
        }
    }

    /**
     * A rep (existing or planned) or a group of planned hires alike. {@code endsOn} may be null (staying);
     * {@code ramp} null means fully ramped from the first month counted.
     */
    public record Seat(
            String label, LocalDate startsOn, LocalDate endsOn, RampProfile ramp, MonthlyQuota quota, int headcount) {

        /** The share of a full seat (0..1) counted in {@code month}. */
        public BigDecimal share(YearMonth month) {
            if (endsOn != null && !countsInLeavingMonth(endsOn, month)) {
                return BigDecimal.ZERO;
            }
            if (ramp != null) {
                return ramp.share(startsOn, month);
            }
            YearMonth first = startsOn.getDayOfMonth() <= MID_MONTH
                    ? YearMonth.from(startsOn)
                    : YearMonth.from(startsOn).plusMonths(1);
            return month.isBefore(first) ? BigDecimal.ZERO : BigDecimal.ONE;
        }

        /** The quota this seat carries in {@code month}: full quota x ramp share x headcount. */
        public BigDecimal carried(YearMonth month) {
            BigDecimal share = share(month);
            if (share.signum() == 0) {
                return BigDecimal.ZERO;
            }
            return quota.of(month).multiply(share).multiply(BigDecimal.valueOf(headcount));
        }
    }

    /** Planned leavers by count (no names yet): {@code count} seats of {@code quota} stop counting by the mid-month rule. */
    public record Leavers(String label, int count, LocalDate leavesOn, MonthlyQuota quota) {

        public BigDecimal removed(YearMonth month) {
            return countsInLeavingMonth(leavesOn, month)
                    ? BigDecimal.ZERO
                    : quota.of(month).multiply(BigDecimal.valueOf(count));
        }

        BigDecimal removedHeads(YearMonth month) {
            return countsInLeavingMonth(leavesOn, month) ? BigDecimal.ZERO : BigDecimal.valueOf(count);
        }
    }

    /** A fiscal quarter by id and the months of it that the plan covers. */
    public record Quarter(String id, List<YearMonth> months) {
        public Quarter {
            months = List.copyOf(months);
        }
    }

    /** Everything a plan is computed from; {@code targets} may leave months out (no target: no gap). */
    public record Inputs(
            List<YearMonth> months,
            List<Quarter> quarters,
            List<Seat> seats,
            List<Leavers> leavers,
            BigDecimal expectedAttainment,
            Map<YearMonth, BigDecimal> targets) {
        public Inputs {
            months = List.copyOf(months);
            quarters = List.copyOf(quarters);
            seats = List.copyOf(seats);
            leavers = List.copyOf(leavers);
            targets = Map.copyOf(targets);
        }
    }

    /**
     * One row of the table: the period, the full-seat equivalents counted (at the period's end for a
     * quarter), the quota carried, capacity (carried x attainment), the target and capacity - target.
     */
    public record Line(
            String period,
            BigDecimal seats,
            BigDecimal quotaCarried,
            BigDecimal capacity,
            BigDecimal target,
            BigDecimal gap) {}

    public record Result(List<Line> months, List<Line> quarters, Line total) {}

    static boolean countsInLeavingMonth(LocalDate leavesOn, YearMonth month) {
        YearMonth leaving = YearMonth.from(leavesOn);
        return month.isBefore(leaving) || (month.equals(leaving) && leavesOn.getDayOfMonth() > MID_MONTH);
    }

    public static Result compute(Inputs in) {
        List<Line> months = new ArrayList<>();
        for (YearMonth month : in.months()) {
            BigDecimal carried = BigDecimal.ZERO;
            BigDecimal seats = BigDecimal.ZERO;
            for (Seat seat : in.seats()) {
                carried = carried.add(seat.carried(month));
                seats = seats.add(seat.share(month).multiply(BigDecimal.valueOf(seat.headcount())));
            }
            for (Leavers l : in.leavers()) {
                carried = carried.subtract(l.removed(month));
                seats = seats.subtract(l.removedHeads(month));
            }
            carried = carried.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
            seats = seats.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal capacity = carried.multiply(in.expectedAttainment()).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal target = in.targets().get(month);
            months.add(line(
                    month.toString(),
                    seats,
                    carried,
                    capacity,
                    target == null ? null : target.setScale(2, RoundingMode.HALF_EVEN)));
        }
        List<Line> quarters = new ArrayList<>();
        for (Quarter q : in.quarters()) {
            List<Line> of = months.stream()
                    .filter(l -> q.months().stream().anyMatch(m -> m.toString().equals(l.period())))
                    .toList();
            if (!of.isEmpty()) {
                quarters.add(sum(q.id(), of));
            }
        }
        return new Result(months, quarters, months.isEmpty() ? null : sum("total", months));
    }

    private static Line sum(String period, List<Line> lines) {
        BigDecimal carried = BigDecimal.ZERO;
        BigDecimal capacity = BigDecimal.ZERO;
        BigDecimal target = null;
        for (Line l : lines) {
            carried = carried.add(l.quotaCarried());
            capacity = capacity.add(l.capacity());
            if (l.target() != null) {
                target = target == null ? l.target() : target.add(l.target());
            }
        }
        return line(period, lines.get(lines.size() - 1).seats(), carried, capacity, target);
    }

    private static Line line(
            String period, BigDecimal seats, BigDecimal carried, BigDecimal capacity, BigDecimal target) {
        return new Line(period, seats, carried, capacity, target, target == null ? null : capacity.subtract(target));
    }
}
