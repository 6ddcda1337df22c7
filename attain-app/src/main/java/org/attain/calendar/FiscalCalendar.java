package org.attain.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Months, quarters and years of a fiscal calendar whose year starts in a configurable month.
 * A fiscal year is named after the calendar year it ends in (a year starting February 2026 is
 * FY2027), the common convention; with a January start the plain names "2026" and "2026-Q1" are used.
 */
public record FiscalCalendar(int startMonth) {

    public FiscalCalendar {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("fiscal year start month must be 1..12, was " + startMonth);
        }
    }

    public record Period(String id, PeriodKind kind, int fiscalYear, LocalDate startsOn, LocalDate endsOn) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    public int fiscalYearOf(LocalDate day) {
        if (startMonth == 1) {
            return day.getYear();
        }
        return day.getMonthValue() >= startMonth ? day.getYear() + 1 : day.getYear();
    }

    public LocalDate fiscalYearStart(int fiscalYear) {
        return startMonth == 1 ? LocalDate.of(fiscalYear, 1, 1) : LocalDate.of(fiscalYear - 1, startMonth, 1);
    }

    /** The year, its four quarters and twelve months, in that order. */
    public List<Period> periodsOf(int fiscalYear) {
        List<Period> out = new ArrayList<>(17);
        LocalDate start = fiscalYearStart(fiscalYear);
        String yearId = startMonth == 1 ? Integer.toString(fiscalYear) : "FY" + fiscalYear;
        out.add(new Period(yearId, PeriodKind.YEAR, fiscalYear, start, start.plusYears(1).minusDays(1)));
        for (int q = 0; q < 4; q++) {
            LocalDate qs = start.plusMonths(3L * q);
            out.add(new Period(yearId + "-Q" + (q + 1), PeriodKind.QUARTER, fiscalYear, qs, qs.plusMonths(3).minusDays(1)));
        }
        for (int m = 0; m < 12; m++) {
            YearMonth ym = YearMonth.from(start.plusMonths(m));
            out.add(new Period(ym.toString(), PeriodKind.MONTH, fiscalYear, ym.atDay(1), ym.atEndOfMonth()));
        }
        return out;
    }

    public Period periodContaining(LocalDate day, PeriodKind kind) {
        return periodsOf(fiscalYearOf(day)).stream()
                .filter(p -> p.kind() == kind && p.contains(day))
                .findFirst().orElseThrow();
    }
}
