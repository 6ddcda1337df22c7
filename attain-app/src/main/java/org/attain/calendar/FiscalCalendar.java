package org.attain.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;

/**
 * The stored calendar's view of the engine's fiscal calendar: the same period ids and date ranges
 * the engine pays by, listed per fiscal year. A fiscal year is named after the calendar year it ends in.
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

    public org.attain.engine.time.FiscalCalendar engine() {
        return new org.attain.engine.time.FiscalCalendar(startMonth);
    }

    public int fiscalYearOf(LocalDate day) {
        return engine().periodOf(day, org.attain.engine.time.PeriodKind.YEAR).year();
    }

    /** The year, its four quarters and twelve months, in that order. */
    public List<Period> periodsOf(int fiscalYear) {
        var cal = engine();
        List<Period> out = new ArrayList<>(17);
        PeriodId year = PeriodId.year(fiscalYear);
        out.add(period(year, PeriodKind.YEAR, fiscalYear));
        for (int q = 1; q <= 4; q++) {
            out.add(period(PeriodId.quarter(fiscalYear, q), PeriodKind.QUARTER, fiscalYear));
        }
        PeriodId month = cal.periodOf(cal.range(year).first(), org.attain.engine.time.PeriodKind.MONTH);
        for (int m = 0; m < 12; m++) {
            out.add(period(month, PeriodKind.MONTH, fiscalYear));
            month = cal.next(month);
        }
        return out;
    }

    public Period periodContaining(LocalDate day, PeriodKind kind) {
        PeriodId id = engine().periodOf(day, org.attain.engine.time.PeriodKind.valueOf(kind.name()));
        return period(id, kind, fiscalYearOf(day));
    }

    private Period period(PeriodId id, PeriodKind kind, int fiscalYear) {
        DateRange range = engine().range(id);
        return new Period(id.toString(), kind, fiscalYear, range.first(), range.last());
    }
}
