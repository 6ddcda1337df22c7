package org.attain.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.PersonScope;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everyone's earnings of a period in one export: a row per current earnings line, with the person,
 * the plan version that paid it and the payee's attainment, limited to what the user may see (a rep
 * their own lines, a manager their subtree, the back office everyone).
 *
 * <p>A period's export holds the results of every period inside it: a month its own, a quarter its
 * own and its months', a year all of its months, quarters and itself; each row names its period.
 * Rows are sorted by employee id, period (months, then their quarter, then the year), component and
 * line, so pages of the API follow each other without gaps or repeats while nothing is recalculated.
 * Counting and reading happen in one read-only snapshot: a page and its totals, or a file, never mix
 * the results of two runs.
 */
@Service
public class EarningsExport {

    public static final int DEFAULT_PAGE_SIZE = 1000;
    public static final int MAX_PAGE_SIZE = 5000;
    /** One file at most: below a spreadsheet's 1,048,576 rows, and about 100 MB of CSV. */
    static final int MAX_FILE_ROWS = 1_000_000;

    public static final int PAGE_ROWS_ON_SCREEN = 50;

    public static final List<Table.Column> COLUMNS = List.of(
            Table.text("employeeId"),
            Table.text("name"),
            Table.text("period"),
            Table.text("plan"),
            Table.count("planVersion"),
            Table.text("component"),
            Table.money("amount"),
            Table.text("currency"),
            Table.percent("attainment"),
            Table.text("forPeriod"),
            Table.text("email"));

    private final ReportData data;
    private final Visibility visibility;
    private final Periods periods;
    private final TableExport export;
    private final MessageSource messages;
    private final TransactionTemplate snapshot;

    EarningsExport(
            ReportData data,
            Visibility visibility,
            Periods periods,
            TableExport export,
            MessageSource messages,
            PlatformTransactionManager transactions) {
        this.data = data;
        this.visibility = visibility;
        this.periods = periods;
        this.export = export;
        this.messages = messages;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Amount and lines of one currency; amounts are never added across currencies. */
    public record Total(String currency, BigDecimal amount, long lines) {}

    /**
     * One page of the export. {@code empty} is set when the period has no rows at all for this user,
     * with {@code seeAlso}: the longer periods containing it that do have results (a month of a
     * quarterly plan points to its quarter).
     */
    public record Page(
            String period,
            PeriodKind periodKind,
            List<String> periods,
            String scope,
            int page,
            int size,
            long total,
            long people,
            List<Total> totals,
            List<ReportData.EarningsRow> rows,
            boolean empty,
            List<String> seeAlso) {}

    /** The period an export shows when none is named: the current quarter. */
    public String defaultPeriod() {
        return periods.current(PeriodKind.QUARTER).id();
    }

    public Page page(AttainUser user, String period, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException(new FieldProblem("page", "report.earnings.page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(
                    new FieldProblem("size", "report.earnings.size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        Scope s = scope(user, period);
        return snapshot.execute(tx -> {
            List<ReportData.EarningsTotal> totals = data.earningsTotals(s.within(), s.ids());
            ReportData.EarningsTotal all = totals.stream()
                    .filter(t -> t.currency() == null)
                    .findFirst()
                    .orElse(new ReportData.EarningsTotal(null, BigDecimal.ZERO, 0, 0));
            List<ReportData.EarningsRow> rows = (long) page * size >= all.lines()
                    ? List.of()
                    : data.earnings(s.within(), s.ids(), (long) page * size, size);
            List<String> seeAlso = all.lines() == 0
                    ? data.periodsWithResults(s.containing(), s.ids()).stream()
                            .sorted(Comparator.comparingInt(s.containing()::indexOf))
                            .toList()
                    : List.of();
            return new Page(
                    s.row().id(),
                    s.row().kind(),
                    s.within(),
                    s.label(),
                    page,
                    size,
                    all.lines(),
                    all.people(),
                    totals.stream()
                            .filter(t -> t.currency() != null)
                            .map(t -> new Total(t.currency(), t.amount(), t.lines()))
                            .toList(),
                    rows,
                    all.lines() == 0,
                    seeAlso);
        });
    }

    /** What an empty export says, in the reader's language; null when there are rows. */
    public String message(Page page, Locale locale) {
        if (!page.empty()) {
            return null;
        }
        String key = switch (page.scope()) {
            case "all" -> "report.earnings.empty";
            case "own" -> "report.earnings.empty.own";
            default -> "report.earnings.empty.scoped";
        };
        String none = messages.getMessage(key, new Object[] {page.period()}, locale);
        return page.seeAlso().isEmpty()
                ? none
                : none + " "
                        + messages.getMessage(
                                "report.earnings.seeAlso",
                                new Object[] {page.period(), String.join(", ", page.seeAlso())},
                                locale);
    }

    /** The whole export as one CSV or XLSX file: a header row, then every row; built whole before it is sent. */
    public File file(AttainUser user, String period, TableExport.Format format, Locale locale) {
        if (format == TableExport.Format.PDF) {
            throw new InvalidInputException(
                    new FieldProblem("format", "report.earnings.format", "must be csv or xlsx"));
        }
        Scope s = scope(user, period);
        return snapshot.execute(tx -> {
            long lines = data.earningsTotals(s.within(), s.ids()).stream()
                    .filter(t -> t.currency() == null)
                    .mapToLong(ReportData.EarningsTotal::lines)
                    .findFirst()
                    .orElse(0);
            if (lines > MAX_FILE_ROWS) {
                throw new InvalidInputException(new FieldProblem(
                        "period",
                        "report.earnings.tooLarge",
                        s.row().id() + " has " + lines + " earnings lines; one file holds at most " + MAX_FILE_ROWS
                                + ": export a quarter or a month, or page through GET /api/v1/reports/earnings"));
            }
            TableExport.File f = export.write(
                    ReportKind.EARNINGS,
                    COLUMNS,
                    s.row().id(),
                    format,
                    locale,
                    sink -> data.eachEarnings(s.within(), s.ids(), 2000, r -> sink.accept(cells(r))));
            return new File(f, lines);
        });
    }

    /** A file and how many rows it holds beside its header. */
    public record File(TableExport.File file, long rows) {}

    static List<Object> cells(ReportData.EarningsRow r) {
        return Arrays.asList(
                r.employeeId(),
                r.name(),
                r.period(),
                r.plan(),
                r.planVersion(),
                r.component(),
                r.amount(),
                r.currency(),
                r.attainment(),
                r.forPeriod(),
                r.email());
    }

    /** The periods a request covers and whose rows it may show. */
    private record Scope(
            Periods.PeriodRow row, List<String> within, List<String> containing, Long[] ids, String label) {}

    private Scope scope(AttainUser user, String period) {
        Reports.requireReader(user, ReportKind.EARNINGS);
        String id = period == null || period.isBlank()
                ? defaultPeriod()
                : period.strip().toUpperCase(Locale.ROOT);
        Periods.PeriodRow row = periods.find(id).orElseThrow(() -> new NotFoundException("period", id));
        List<Periods.PeriodRow> year = periods.list(null, row.fiscalYear());
        List<String> within = year.stream()
                .filter(p ->
                        !p.startsOn().isBefore(row.startsOn()) && !p.endsOn().isAfter(row.endsOn()))
                .sorted(Comparator.comparing(Periods.PeriodRow::endsOn)
                        .thenComparing(Periods.PeriodRow::startsOn, Comparator.reverseOrder()))
                .map(Periods.PeriodRow::id)
                .toList();
        List<String> containing = new ArrayList<>(year.stream()
                .filter(p -> !p.id().equals(row.id())
                        && !p.startsOn().isAfter(row.startsOn())
                        && !p.endsOn().isBefore(row.endsOn()))
                .sorted(Comparator.comparing(Periods.PeriodRow::endsOn))
                .map(Periods.PeriodRow::id)
                .toList());
        PersonScope scope = visibility.scopeOf(user);
        String label = scope.all()
                ? "all"
                : user.personId() != null && scope.personIds().equals(java.util.Set.of(user.personId()))
                        ? "own"
                        : "subtree";
        return new Scope(row, within, containing, scope.idsOrNull(), label);
    }
}
