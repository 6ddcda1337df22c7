package org.attain.calc;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.attain.engine.model.Event;
import org.attain.engine.model.TransactionId;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.calendar.Periods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happened after deals were booked, as engine events: periods closed (their statements are
 * then recomputed as known on the closing day, and later corrections are paid as prior-period
 * adjustments), cancellations (clawbacks), invoice payments (holdback releases) and corrections
 * of amount or status (each stored version of a transaction and the one that replaced it).
 */
@Component
class CalcEvents {

    private final JdbcClient jdbc;
    private final Periods periods;

    CalcEvents(JdbcClient jdbc, Periods periods) {
        this.jdbc = jdbc;
        this.periods = periods;
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
        jdbc.sql("""
                select source, attributes->>'reverses_id', close_date, kind from sales_transaction
                where kind in ('CANCELLATION', 'INVOICE_PAYMENT') and attributes->>'reverses_id' is not null and close_date >= :from""")
                .param("from", window.first())
                .query((rs, n) -> {
                    TransactionId target = id(rs.getString(1), rs.getString(2));
                    LocalDate on = rs.getObject(3, LocalDate.class);
                    return "CANCELLATION".equals(rs.getString(4))
                            ? new Event.TransactionCancelled(target, on)
                            : (Event) new Event.TransactionMilestone(target, "invoice_paid", on);
                })
                .list().forEach(events::add);
        jdbc.sql("""
                select t.source, t.external_id, v.valid_until, coalesce(nv.amount, t.amount), coalesce(nv.status, t.status),
                       v.amount, v.status
                from sales_transaction_version v
                join sales_transaction t on t.id = v.transaction_id
                left join sales_transaction_version nv on nv.transaction_id = v.transaction_id and nv.version = v.version + 1
                where t.close_date >= :from""")
                .param("from", window.first())
                .query(rs -> {
                    boolean amountChanged = rs.getBigDecimal(4).compareTo(rs.getBigDecimal(6)) != 0;
                    boolean statusChanged = !rs.getString(5).equals(rs.getString(7));
                    if (amountChanged || statusChanged) {
                        events.add(new Event.TransactionCorrected(id(rs.getString(1), rs.getString(2)),
                                correctionDay(rs.getTimestamp(3).toInstant(), closings), amountChanged ? rs.getBigDecimal(4) : null,
                                statusChanged ? rs.getString(5) : null));
                    }
                });
        return events;
    }

    /** The same id the transactions get: the external id, prefixed by its source unless it is Attain's own. */
    static TransactionId id(String source, String externalId) {
        return TransactionId.of("attain".equals(source) ? externalId : source + ":" + externalId);
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
