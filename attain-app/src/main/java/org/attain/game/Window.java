package org.attain.game;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Which days a board or contest measures: a calendar period (its dates), a custom range [from, to], the rolling
 * last {@code days} days up to today, or this (ISO, Monday to Sunday) week or this month. Pure: today is given.
 * A board keeps its kind and resolves it whenever it is shown (a rolling board moves with the days); a contest
 * resolves it once, when it is created, into fixed start and end days.
 */
public record Window(Kind kind, LocalDate from, LocalDate to, Integer days) {

    public static final int MAX_DAYS = 366;

    public enum Kind {
        PERIOD,
        RANGE,
        ROLLING,
        THIS_WEEK,
        THIS_MONTH
    }

    /** The days [from, to] this window covers on {@code today}; a period's dates are given by the caller. */
    public Days on(LocalDate today, LocalDate periodStart, LocalDate periodEnd) {
        return switch (kind) {
            case PERIOD -> new Days(periodStart, periodEnd);
            case RANGE -> new Days(from, to);
            case ROLLING -> new Days(today.minusDays(days - 1L), today);
            case THIS_WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Days(monday, monday.plusDays(6));
            }
            case THIS_MONTH -> new Days(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** Both days included. */
    public record Days(LocalDate from, LocalDate to) {

        public long length() {
            return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        }

        /** The same number of days just before: the baseline of an improvement board or a contest's effect. */
        public Days before() {
            return new Days(from.minusDays(length()), from.minusDays(1));
        }
    }
}
