package org.attain.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.attain.engine.time.PeriodId;
import org.attain.engine.time.PeriodKind;

/**
 * The periods a run covers: from the first day of one period to the last day of another, as the
 * months in between and the quarters they fall in (the grain statements pay by; year-to-date measures
 * look back by themselves). Names are the calendar's own: a month "2017-01", a fiscal quarter
 * "2017-Q1", a fiscal year "2017".
 */
public record PeriodRange(LocalDate first, LocalDate last, List<PeriodId> periods) {

    /**
     * A run over more fiscal years than this is refused: it would recompute a decade of pay in one go,
     * which is a typo (20017) far more often than an intent; a longer history is run in pieces.
     */
    public static final int MAX_YEARS = 10;
    /** The years close dates may have (ingest's bounds): no period outside them can hold a deal. */
    static final int FIRST_YEAR = 1970;

    static final int LAST_YEAR = 2199;

    public PeriodRange {
        periods = List.copyOf(periods);
    }

    /** A bad range: a message key of the calendar bundle, its arguments, and the English text the API and CLI show. */
    public static final class Refused extends org.attain.platform.InvalidInputException {
        private final String code;
        private final transient Object[] args;

        Refused(String field, String code, String reason, Object... args) {
            super(new org.attain.platform.FieldProblem(field, code, reason));
            this.code = code;
            this.args = args;
        }

        public String code() {
            return code;
        }

        public Object[] args() {
            return args.clone();
        }

        /** The one-line reason in English, for the CLI. */
        public String reason() {
            return problems().get(0).reason();
        }
    }

    /**
     * The range from {@code from} to {@code to} (either may be left out: then the range is the other
     * period alone). Refuses what cannot be read, a range that runs backwards, and one over more than
     * {@link #MAX_YEARS} fiscal years.
     */
    public static PeriodRange parse(FiscalCalendar calendar, String from, String to) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            throw new Refused(
                    "from", "calendar.range.missing", "give the first period (from) and the last (to) of the run");
        }
        PeriodId start = period("from", noFrom ? to : from);
        PeriodId end = period("to", noTo ? from : to);
        var cal = calendar.engine();
        LocalDate first = cal.range(start).first();
        LocalDate last = cal.range(end).last();
        if (last.isBefore(first)) {
            throw new Refused(
                    "to",
                    "calendar.range.reversed",
                    "the range runs backwards: " + end + " ends before " + start
                            + " starts; give the earlier period as from and the later one as to",
                    start.toString(),
                    end.toString());
        }
        int years = calendar.fiscalYearOf(last) - calendar.fiscalYearOf(first) + 1;
        if (years > MAX_YEARS) {
            throw new Refused(
                    "to",
                    "calendar.range.tooLong",
                    "the range " + start + " to " + end + " spans " + years + " fiscal years; a run covers at most "
                            + MAX_YEARS + ", run a longer history in pieces",
                    start.toString(),
                    end.toString(),
                    String.valueOf(years),
                    String.valueOf(MAX_YEARS));
        }
        return covering(calendar, first, last);
    }

    /** Every month from {@code first} to {@code last} and the quarters they fall in, each quarter before its first month. */
    public static PeriodRange covering(FiscalCalendar calendar, LocalDate first, LocalDate last) {
        var cal = calendar.engine();
        List<PeriodId> out = new ArrayList<>();
        LocalDate d = cal.range(cal.periodOf(first, PeriodKind.MONTH)).first();
        while (!d.isAfter(last)) {
            PeriodId month = cal.periodOf(d, PeriodKind.MONTH);
            PeriodId quarter = cal.periodOf(d, PeriodKind.QUARTER);
            if (!out.contains(quarter)) {
                out.add(quarter);
            }
            out.add(month);
            d = cal.range(month).last().plusDays(1);
        }
        return new PeriodRange(first, last, out);
    }

    /** The range of whole fiscal years, the first to the last. */
    public static PeriodRange years(FiscalCalendar calendar, int firstYear, int lastYear) {
        var cal = calendar.engine();
        return covering(
                calendar,
                cal.range(PeriodId.year(firstYear)).first(),
                cal.range(PeriodId.year(lastYear)).last());
    }

    /** The days the run's periods span together (a partly covered quarter counts whole). */
    public LocalDate coveredFrom(FiscalCalendar calendar) {
        return periods.stream()
                .map(p -> calendar.engine().range(p).first())
                .min(LocalDate::compareTo)
                .orElse(first);
    }

    public LocalDate coveredTo(FiscalCalendar calendar) {
        return periods.stream()
                .map(p -> calendar.engine().range(p).last())
                .max(LocalDate::compareTo)
                .orElse(last);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    private static PeriodId period(String field, String text) {
        PeriodId id;
        try {
            id = PeriodId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused(
                    field,
                    "calendar.range.unreadable",
                    "'" + text.strip()
                            + "' is not a period: write a month (2017-01), a quarter (2017-Q1) or a fiscal year (2017)",
                    text.strip());
        }
        if (id.year() < FIRST_YEAR || id.year() > LAST_YEAR) {
            throw new Refused(
                    field,
                    "calendar.range.outOfYears",
                    "'" + text.strip() + "' is outside the years " + FIRST_YEAR + " to " + LAST_YEAR
                            + " that deals can close in",
                    text.strip(),
                    String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        return id;
    }
}
