package org.attain.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.access.AuditLog;
import org.attain.platform.ConflictException;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored periods of the fiscal calendar and their open/closed status. */
@Service
public class Periods {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final int configuredStartMonth;
    private final org.springframework.context.ApplicationEventPublisher events;

    Periods(
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            @Value("${attain.fiscal-year-start-month:1}") int startMonth,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.events = events;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.configuredStartMonth = startMonth;
    }

    public record PeriodRow(
            String id,
            PeriodKind kind,
            int fiscalYear,
            LocalDate startsOn,
            LocalDate endsOn,
            PeriodStatus status,
            java.time.Instant closedAt,
            String closedBy) {}

    // Mapped by hand (columns id, kind, fiscal_year, starts_on, ends_on, status, closed_at, closed_by):
    // the generic record mapper pays a driver exception per camel-case field, and the current
    // quarter is read on every home page and earnings call.
    private static PeriodRow periodRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp closedAt = rs.getTimestamp(7);
        return new PeriodRow(
                rs.getString(1),
                PeriodKind.valueOf(rs.getString(2)),
                rs.getInt(3),
                rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class),
                PeriodStatus.valueOf(rs.getString(6)),
                closedAt == null ? null : closedAt.toInstant(),
                rs.getString(8));
    }

    public FiscalCalendar calendar() {
        int month = jdbc.sql("select fiscal_year_start_month from fiscal_setting where id = 1")
                .query(Integer.class)
                .single();
        return new FiscalCalendar(month);
    }

    /**
     * Makes sure the periods of the given fiscal years exist. The start month is fixed once periods
     * exist: moving it later would re-cut periods that pay was computed on.
     */
    @Transactional
    public void ensureYears(int fromFiscalYear, int toFiscalYear) {
        boolean any = jdbc.sql("select exists(select 1 from period)")
                .query(Boolean.class)
                .single();
        if (!any) {
            jdbc.sql("update fiscal_setting set fiscal_year_start_month = :m where id = 1")
                    .param("m", configuredStartMonth)
                    .update();
        }
        FiscalCalendar cal = calendar();
        for (int fy = fromFiscalYear; fy <= toFiscalYear; fy++) {
            for (FiscalCalendar.Period p : cal.periodsOf(fy)) {
                jdbc.sql("""
                        insert into period(id, kind, fiscal_year, starts_on, ends_on) values (:id, :kind, :fy, :s, :e)
                        on conflict (id) do nothing""")
                        .param("id", p.id())
                        .param("kind", p.kind().name())
                        .param("fy", p.fiscalYear())
                        .param("s", p.startsOn())
                        .param("e", p.endsOn())
                        .update();
            }
        }
    }

    /**
     * Makes sure every fiscal year from the one containing {@code from} to next year (or to {@code to}'s,
     * if later) has its periods, with no gap to the years already there: loads call this with the
     * earliest and latest date they brought. The years known complete are kept, so a load whose dates
     * are all in known years costs no query; the insert commits on its own (periods without data are
     * harmless, and a long import does not hold other loads back on the same new periods).
     */
    public void ensureCovering(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return;
        }
        FiscalCalendar cal = calendar();
        int thisYear = cal.fiscalYearOf(LocalDate.now(clock));
        int first = Math.min(cal.fiscalYearOf(from), thisYear + 1);
        int last = Math.max(cal.fiscalYearOf(to), thisYear + 1);
        if (!known(first, last)) {
            readKnownYears();
        }
        if (!known(first, last)) {
            int lo = Math.min(first, completeYears.isEmpty() ? first : completeYears.first());
            int hi = Math.max(last, completeYears.isEmpty() ? last : completeYears.last());
            newTransaction().executeWithoutResult(status -> ensureYears(lo, hi));
            readKnownYears();
        }
    }

    private boolean known(int first, int last) {
        return !completeYears.isEmpty()
                && completeYears.first() <= first
                && completeYears.last() >= last
                && completeYears.subSet(first, true, last, true).size() == last - first + 1;
    }

    /** Read back, not assumed: only committed years count as known (an insert may still roll back). */
    private void readKnownYears() {
        var years = jdbc.sql("select fiscal_year from period group by fiscal_year having count(*) = 17")
                .query(Integer.class)
                .list();
        completeYears.clear();
        completeYears.addAll(years);
    }

    private final java.util.concurrent.ConcurrentSkipListSet<Integer> completeYears =
            new java.util.concurrent.ConcurrentSkipListSet<>();

    private final org.springframework.transaction.PlatformTransactionManager transactionManager;

    private org.springframework.transaction.support.TransactionTemplate newTransaction() {
        var t = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        t.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return t;
    }

    /**
     * The periods a run over {@code from} to {@code to} covers (see {@link PeriodRange#parse}), created
     * where missing. A range holding a closed period is refused, naming it: its results are frozen, so
     * a run could not do what was asked for it, and skipping it would look as if it had been paid again.
     */
    public PeriodRange rangeToRun(String from, String to) {
        FiscalCalendar cal = calendar();
        PeriodRange range = PeriodRange.parse(cal, from, to);
        List<String> closed = jdbc.sql(
                        "select id from period where status = 'CLOSED' and id = any(:ids) order by starts_on, id")
                .param("ids", range.periods().stream().map(Object::toString).toArray(String[]::new))
                .query(String.class)
                .list();
        if (!closed.isEmpty()) {
            throw new PeriodRange.Refused(
                    "from",
                    "calendar.range.closed",
                    "the range holds the closed period "
                            + closed.get(0) + (closed.size() > 1 ? " (and " + (closed.size() - 1) + " more)" : "")
                            + "; closed periods keep their results, reopen it or choose a range of open periods",
                    closed.get(0),
                    closed.size() - 1);
        }
        ensureCovering(range.coveredFrom(cal), range.coveredTo(cal));
        return range;
    }

    /** The periods a run covers unless told otherwise: the months and quarters of last and this fiscal year. */
    public PeriodRange defaultRange() {
        FiscalCalendar cal = calendar();
        int thisYear = cal.fiscalYearOf(LocalDate.now(clock));
        return PeriodRange.years(cal, thisYear - 1, thisYear);
    }

    public List<PeriodRow> list(PeriodKind kind, Integer fiscalYear) {
        return jdbc.sql("""
                select id, kind, fiscal_year, starts_on, ends_on, status, closed_at, closed_by from period
                where (cast(:kind as text) is null or kind = cast(:kind as text))
                  and (cast(:fy as int) is null or fiscal_year = cast(:fy as int))
                order by starts_on, case kind when 'YEAR' then 0 when 'QUARTER' then 1 else 2 end""")
                .param("kind", kind == null ? null : kind.name())
                .param("fy", fiscalYear)
                .query(Periods::periodRow)
                .list();
    }

    /** The closed periods, with when they were closed (a run replays each closing as an event). */
    public List<PeriodRow> closed() {
        return jdbc.sql("""
                select id, kind, fiscal_year, starts_on, ends_on, status, closed_at, closed_by from period
                where status = 'CLOSED'""").query(Periods::periodRow).list();
    }

    public Optional<PeriodRow> find(String id) {
        return jdbc.sql(
                        "select id, kind, fiscal_year, starts_on, ends_on, status, closed_at, closed_by from period where id = :id")
                .param("id", id)
                .query(Periods::periodRow)
                .optional();
    }

    public PeriodRow current(PeriodKind kind) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select id, kind, fiscal_year, starts_on, ends_on, status, closed_at, closed_by from period
                where kind = :kind and starts_on <= :d and ends_on >= :d""")
                .param("kind", kind.name())
                .param("d", today)
                .query(Periods::periodRow)
                .optional()
                .orElseThrow(() -> new NotFoundException("period containing", today));
    }

    /** Which period it is: id, fiscal year and dates, without the status that closing and reopening change. */
    public record Span(String id, int fiscalYear, LocalDate startsOn, LocalDate endsOn) {}

    // A period's id, year and dates never change once it exists (ensureYears only adds periods, and the
    // start month is fixed from then on), so the period containing a day is kept by kind and day; only
    // its status moves, and a Span leaves it out. Pages and APIs ask for the current quarter per request.
    private final Map<String, Span> spans = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #current}'s id, year and dates, read from the database once per kind and day. */
    public Span currentSpan(PeriodKind kind) {
        LocalDate today = LocalDate.now(clock);
        String key = kind.name() + today;
        Span span = spans.get(key);
        if (span == null) {
            PeriodRow row = current(kind);
            span = new Span(row.id(), row.fiscalYear(), row.startsOn(), row.endsOn());
            if (spans.size() > 64) {
                spans.clear();
            }
            spans.put(key, span);
        }
        return span;
    }

    /** Locks a period. Closing twice is refused, so a double click cannot hide a second close. */
    @Transactional
    public PeriodRow close(String id, String actor) {
        PeriodRow before = find(id).orElseThrow(() -> new NotFoundException("period", id));
        int n = jdbc.sql(
                        "update period set status = 'CLOSED', closed_at = :at, closed_by = :by where id = :id and status = 'OPEN'")
                .param("at", Timestamp.from(clock.instant()))
                .param("by", actor)
                .param("id", id)
                .update();
        if (n == 0) {
            throw new ConflictException("Period " + id + " is already closed.");
        }
        audit.record(
                actor,
                "PERIOD_CLOSED",
                "period",
                id,
                Map.of("status", before.status().name()),
                Map.of("status", "CLOSED"));
        PeriodRow closed = find(id).orElseThrow();
        events.publishEvent(
                new PeriodClosed(id, closed.kind(), closed.startsOn(), closed.endsOn(), closed.closedAt(), actor));
        return closed;
    }

    @Transactional
    public PeriodRow reopen(String id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(
                    new FieldProblem("reason", "period.reopen.reason", "is required to reopen a period"));
        }
        find(id).orElseThrow(() -> new NotFoundException("period", id));
        int n = jdbc.sql(
                        "update period set status = 'OPEN', closed_at = null, closed_by = null where id = :id and status = 'CLOSED'")
                .param("id", id)
                .update();
        if (n == 0) {
            throw new ConflictException("Period " + id + " is not closed.");
        }
        audit.record(
                actor,
                "PERIOD_REOPENED",
                "period",
                id,
                Map.of("status", "CLOSED"),
                Map.of("status", "OPEN"),
                reason.trim());
        return find(id).orElseThrow();
    }
}
