package org.attain.engine.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps periods to dates. The fiscal year starts on the first day of {@code firstMonth} and is named
 * after the calendar year in which it ends (a year starting February 2026 is fiscal 2027), the most
 * common convention; with the default January start fiscal and calendar years coincide.
 */
public record FiscalCalendar(int firstMonth) implements java.io.Serializable {

    public FiscalCalendar {
        if (firstMonth < 1 || firstMonth > 12) {
            throw new IllegalArgumentException("fiscal year start month out of range: " + firstMonth);
        }
    }

    public static FiscalCalendar calendarYear() {
        return new FiscalCalendar(1);
    }

    public DateRange range(PeriodId period) {
        return switch (period.kind()) {
            case MONTH -> {
                YearMonth ym = YearMonth.of(period.year(), period.index());
                yield new DateRange(ym.atDay(1), ym.atEndOfMonth());
            }
            case QUARTER -> {
                YearMonth start = fiscalYearStart(period.year()).plusMonths(3L * (period.index() - 1));
                yield new DateRange(start.atDay(1), start.plusMonths(2).atEndOfMonth());
            }
            case YEAR -> {
                YearMonth start = fiscalYearStart(period.year());
                yield new DateRange(start.atDay(1), start.plusMonths(11).atEndOfMonth());
            }
        };
    }

    /** The period of the given kind that contains the date. */
    public PeriodId periodOf(LocalDate date, PeriodKind kind) {
        if (kind == PeriodKind.MONTH) {
            return PeriodId.month(date.getYear(), date.getMonthValue());
        }
        int monthsIntoYear = Math.floorMod(date.getMonthValue() - firstMonth, 12);
        int fiscalYear = firstMonth == 1 || date.getMonthValue() < firstMonth ? date.getYear() : date.getYear() + 1;
        return kind == PeriodKind.YEAR
                ? PeriodId.year(fiscalYear)
                : PeriodId.quarter(fiscalYear, monthsIntoYear / 3 + 1);
    }

    /** The periods of {@code kind} from the start of the enclosing {@code container} through {@code period}, in order. */
    public List<PeriodId> toDate(PeriodId period, PeriodKind container) {
        DateRange outer = range(periodOf(range(period).first(), container));
        List<PeriodId> result = new ArrayList<>();
        PeriodId p = periodOf(outer.first(), period.kind());
        while (p.compareTo(period) <= 0) {
            result.add(p);
            p = next(p);
        }
        return result;
    }

    public PeriodId next(PeriodId period) {
        return periodOf(range(period).last().plusDays(1), period.kind());
    }

    public PeriodId previous(PeriodId period) {
        return periodOf(range(period).first().minusDays(1), period.kind());
    }

    private YearMonth fiscalYearStart(int fiscalYear) {
        return firstMonth == 1 ? YearMonth.of(fiscalYear, 1) : YearMonth.of(fiscalYear - 1, firstMonth);
    }
}
