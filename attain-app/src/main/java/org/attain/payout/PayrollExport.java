package org.attain.payout;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.calendar.Periods;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payroll files of a period's approved payouts (and only those): a generic CSV and a German payroll
 * layout after DATEV's Lohnarten import (semicolons, comma decimals, one Lohnart per row). Making an
 * export (a POST) records it with its file, audits it and marks the payouts as exported; reading a
 * recorded export again changes nothing.
 */
@Service
public class PayrollExport {

    public enum Layout {
        GENERIC,
        DATEV
    }

    public record File(String name, String contentType, byte[] bytes, int payees, long exportId) {}

    /** One recorded export; {@code stored} says whether its file can be downloaded again. */
    public record Recorded(
            long id, String period, Layout layout, int payees, String exportedBy, Instant exportedAt, boolean stored) {}

    private static final String CSV = "text/csv; charset=UTF-8";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final DateTimeFormatter GERMAN_DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Approvals approvals;
    private final Periods periods;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final String lohnart;

    PayrollExport(
            Approvals approvals,
            Periods periods,
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            @Value("${attain.payroll.datev-lohnart:1100}") String lohnart) {
        this.approvals = approvals;
        this.periods = periods;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.lohnart = lohnart;
    }

    /** What would be exported: the approved payouts of the period. */
    public List<Approvals.Item> payouts(AttainUser user, String period) {
        requirePayroll(user);
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        return approvals.approved(period);
    }

    @Transactional
    public File export(AttainUser user, String period, Layout layout) {
        List<Approvals.Item> items = payouts(user, period);
        var row = periods.find(period).orElseThrow();
        String text = layout == Layout.DATEV
                ? datev(items, row.endsOn().format(MONTH), lohnart, clock.getZone())
                : generic(items);
        Instant now = clock.instant();
        String name = "payroll-" + period + "-" + layout.name().toLowerCase(java.util.Locale.ROOT) + ".csv";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long id = jdbc.sql("""
                insert into payroll_export(period_id, layout, payees, exported_by, exported_at, file_name, content)
                values (:p, :l, :n, :by, :at, :name, :content) returning id""")
                .param("p", period)
                .param("l", layout.name())
                .param("n", items.size())
                .param("by", user.getUsername())
                .param("at", Timestamp.from(now))
                .param("name", name)
                .param("content", bytes)
                .query(Long.class)
                .single();
        if (!items.isEmpty()) {
            approvals.markExported(
                    period, items.stream().map(Approvals.Item::personId).toList(), now);
        }
        audit.record(
                user.getUsername(),
                "PAYROLL_EXPORTED",
                "payroll",
                period,
                null,
                Map.of("layout", layout.name(), "payees", items.size(), "export", id));
        return new File(name, CSV, bytes, items.size(), id);
    }

    /** The recorded exports of a period, newest first. */
    public List<Recorded> exports(AttainUser user, String period) {
        requirePayroll(user);
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        return jdbc.sql("""
                select id, period_id as period, layout, payees, exported_by, exported_at, content is not null as stored
                from payroll_export where period_id = :p order by exported_at desc, id desc""").param("p", period).query(Recorded.class).list();
    }

    /** The file of one recorded export, exactly as it was made; reading it changes nothing. */
    public File stored(AttainUser user, String period, long id) {
        requirePayroll(user);
        return file(jdbc.sql("""
                select id, file_name, content, payees from payroll_export
                where period_id = :p and id = :id and content is not null""").param("p", period).param("id", id), "payroll export " + id + " of", period);
    }

    /** The file of the period's latest recorded export (of one layout, or any when null); nothing changes. */
    public File latest(AttainUser user, String period, Layout layout) {
        requirePayroll(user);
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        return file(
                jdbc.sql("""
                select id, file_name, content, payees from payroll_export
                where period_id = :p and content is not null and (cast(:l as text) is null or layout = cast(:l as text))
                order by exported_at desc, id desc limit 1""").param("p", period).param("l", layout == null ? null : layout.name()),
                "payroll export of",
                period);
    }

    private static File file(JdbcClient.StatementSpec query, String what, String period) {
        return query.query((rs, n) -> new File(
                        rs.getString("file_name"), CSV, rs.getBytes("content"), rs.getInt("payees"), rs.getLong("id")))
                .optional()
                .orElseThrow(() -> new NotFoundException(what, period));
    }

    static String generic(List<Approvals.Item> items) {
        return csv(
                CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get(),
                List.of("employee_id", "name", "period", "currency", "payout", "approved_by", "approved_at"),
                items.stream()
                        .map(i -> List.<Object>of(
                                text(i.externalId()),
                                text(i.personName()),
                                text(i.period()),
                                text(i.currency()),
                                i.approvedPayout()
                                        .setScale(2, RoundingMode.HALF_EVEN)
                                        .toPlainString(),
                                text(i.approvedBy()),
                                i.approvedAt().toString()))
                        .toList());
    }

    static String datev(List<Approvals.Item> items, String month, String lohnart, ZoneId zone) {
        return csv(
                CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(';')
                        .setRecordSeparator("\r\n")
                        .get(),
                List.of(
                        "Personalnummer",
                        "Name",
                        "Lohnart",
                        "Betrag",
                        "Währung",
                        "Abrechnungsmonat",
                        "Freigegeben von",
                        "Freigegeben am"),
                items.stream()
                        .map(i -> List.<Object>of(
                                text(i.externalId()),
                                text(i.personName()),
                                text(lohnart),
                                germanAmount(i.approvedPayout()),
                                text(i.currency()),
                                month,
                                text(i.approvedBy()),
                                i.approvedAt().atZone(zone).format(GERMAN_DAY)))
                        .toList());
    }

    /** 1234.5 → "1234,50": German payroll imports read a comma decimal and no grouping. */
    static String germanAmount(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString().replace('.', ',');
    }

    private static String text(String s) {
        return CellText.safe(s);
    }

    private static String csv(CSVFormat format, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(header);
            for (List<Object> r : rows) {
                printer.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void requirePayroll(AttainUser user) {
        if (!Backoffice.payroll(user)) {
            throw new ForbiddenException("Payroll export is for admins, comp admins and finance.");
        }
    }
}
