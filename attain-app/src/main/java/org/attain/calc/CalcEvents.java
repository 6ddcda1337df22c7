package org.attain.calc;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.attain.calendar.Periods;
import org.attain.engine.model.Event;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.sales.BookedTransactions;
import org.springframework.stereotype.Component;

/**
 * What happened after deals were booked, as engine events: periods closed (their statements are
 * then recomputed as known on the closing day, and later corrections are paid as prior-period
 * adjustments), cancellations (clawbacks), invoice payments (holdback releases) and corrections
 * of amount or status (each stored version of a transaction and the one that replaced it).
 */
@Component
class CalcEvents {

    private final Periods periods;
    private final BookedTransactions booked;

    CalcEvents(Periods periods, BookedTransactions booked) {
        this.periods = periods;
        this.booked = booked;
    }

    List<Event> load(DateRange window) {
        List<Event> events = new ArrayList<>();
        List<java.time.Instant> closings = new ArrayList<>();
        for (Periods.PeriodRow p : periods.closed()) {
            if (p.closedAt() != null) {
                closings.add(p.closedAt());
                events.add(new Event.PeriodClosed(PeriodId.parse(p.id()), day(Timestamp.from(p.closedAt()))));
            }
        }
        events.addAll(booked.reversals(window.first()));
        events.addAll(booked.returnLinks(window));
        for (BookedTransactions.Correction c : booked.corrections(window.first())) {
            events.add(new Event.TransactionCorrected(c.id(), correctionDay(c.at(), closings), c.amount(), c.status()));
        }
        return events;
    }

    /**
     * The run's window reaching back to the fiscal year of the earliest deal a return in it takes back, so the
     * deal's own period is computed (and clawed back) as it was earned; the window itself when there is none.
     */
    DateRange withReturnedDeals(DateRange window, org.attain.engine.time.FiscalCalendar cal) {
        return booked.earliestReturnedDeal(window)
                .filter(d -> d.isBefore(window.first()))
                .map(d -> new DateRange(
                        cal.range(cal.periodOf(d, org.attain.engine.time.PeriodKind.YEAR))
                                .first(),
                        window.last()))
                .orElse(window);
    }

    /**
     * The engine counts in days. A correction made after a period was closed on the same day must
     * still land after the close, or it would count as known when the statement was issued; it is
     * dated the next day.
     */
    static LocalDate correctionDay(java.time.Instant at, List<java.time.Instant> closings) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        boolean closedEarlierThatDay = closings.stream()
                .anyMatch(c -> c.atZone(ZoneOffset.UTC).toLocalDate().equals(day) && !c.isAfter(at));
        return closedEarlierThatDay ? day.plusDays(1) : day;
    }

    private static LocalDate day(Timestamp ts) {
        return ts.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
