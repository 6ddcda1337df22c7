package org.attain.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a company as one CSV file per table, with a header row of the table's column names,
 * ISO dates and instants, plain decimals with '.', '\n' line ends and UTF-8, so the same company
 * always gives the same bytes. The history is streamed straight to disk in one pass.
 */
public final class DemoCsvWriter {

    /** How many data rows (headers not counted) went into each file. */
    public record Counts(
            long regions,
            long teams,
            long people,
            long reportingLines,
            long teamMemberships,
            long accounts,
            long products,
            long opportunities,
            long transactions,
            long activities) {}

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final int BUFFER = 1 << 16;

    private DemoCsvWriter() {}

    public static Counts write(DemoCompany company, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (CSVPrinter out = open(directory, "regions.csv", "code", "name", "currency", "time_zone")) {
            for (Region r : company.regions()) {
                out.printRecord(r.code(), r.name(), r.currency(), r.timeZone());
            }
        }
        try (CSVPrinter out = open(directory, "teams.csv", "code", "name", "region_code", "manager_id")) {
            for (Team t : company.teams()) {
                out.printRecord(t.code(), t.name(), t.regionCode(), t.managerId());
            }
        }
        try (CSVPrinter out = open(
                directory,
                "people.csv",
                "external_id",
                "first_name",
                "last_name",
                "email",
                "title",
                "role_type",
                "region_code",
                "team_code",
                "employment_start",
                "employment_end",
                "currency")) {
            for (Person p : company.people()) {
                out.printRecord(
                        p.externalId(),
                        p.firstName(),
                        p.lastName(),
                        p.email(),
                        p.title(),
                        p.roleType(),
                        p.regionCode(),
                        p.teamCode(),
                        iso(p.employmentStart()),
                        iso(p.employmentEnd()),
                        p.currency());
            }
        }
        try (CSVPrinter out =
                open(directory, "reporting_lines.csv", "person_id", "manager_id", "valid_from", "valid_until")) {
            for (ReportingLine l : company.reportingLines()) {
                out.printRecord(l.personId(), l.managerId(), iso(l.validFrom()), iso(l.validUntil()));
            }
        }
        try (CSVPrinter out =
                open(directory, "team_memberships.csv", "team_code", "person_id", "valid_from", "valid_until")) {
            for (TeamMembership m : company.teamMemberships()) {
                out.printRecord(m.teamCode(), m.personId(), iso(m.validFrom()), iso(m.validUntil()));
            }
        }
        try (CSVPrinter out = open(
                directory,
                "accounts.csv",
                "external_id",
                "name",
                "industry",
                "country",
                "size_band",
                "employees",
                "region_code",
                "owner_id")) {
            for (Account a : company.accounts()) {
                out.printRecord(
                        a.externalId(),
                        a.name(),
                        a.industry(),
                        a.country(),
                        a.sizeBand(),
                        a.employees(),
                        a.regionCode(),
                        a.ownerId());
            }
        }
        try (CSVPrinter out = open(directory, "products.csv", "code", "name", "family")) {
            for (Product p : company.products()) {
                out.printRecord(p.code(), p.name(), p.family());
            }
        }
        HistoryFiles history = new HistoryFiles(directory);
        try (history) {
            company.streamHistory(history);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Counts(
                company.regions().size(),
                company.teams().size(),
                company.people().size(),
                company.reportingLines().size(),
                company.teamMemberships().size(),
                company.accounts().size(),
                company.products().size(),
                history.opportunities,
                history.transactions,
                history.activities);
    }

    /** The three big files, open together so the history is generated once. */
    private static final class HistoryFiles implements DemoSink, AutoCloseable {
        private final CSVPrinter opportunityFile;
        private final Writer transactionFile;
        private final StringBuilder line = new StringBuilder(256);
        private final CSVPrinter activityFile;
        private long opportunities;
        private long transactions;
        private long activities;

        HistoryFiles(Path directory) throws IOException {
            opportunityFile = open(
                    directory,
                    "opportunities.csv",
                    "external_id",
                    "name",
                    "account_id",
                    "owner_id",
                    "stage",
                    "deal_type",
                    "product_code",
                    "amount",
                    "currency",
                    "created_on",
                    "close_date",
                    "probability",
                    "term_months");
            transactionFile = writer(directory, "transactions.csv");
            transactionFile.write("external_id,kind,status,opportunity_id,account_id,owner_id,close_date,amount,"
                    + "currency,deal_type,product_code,term_months,splits,attributes\n");
            activityFile = open(
                    directory,
                    "activities.csv",
                    "external_id",
                    "person_id",
                    "kind",
                    "occurred_at",
                    "duration_minutes",
                    "outcome",
                    "account_id",
                    "opportunity_id");
        }

        @Override
        public void opportunity(Opportunity o) {
            opportunities++;
            print(
                    opportunityFile,
                    o.externalId(),
                    o.name(),
                    o.accountId(),
                    o.ownerId(),
                    o.stage().label(),
                    o.dealType().code(),
                    o.productCode(),
                    plain(o.amount()),
                    o.currency(),
                    iso(o.createdOn()),
                    iso(o.closeDate()),
                    plain(o.probability()),
                    o.termMonths());
        }

        @Override
        public void transaction(SalesTransaction t) {
            transactions++;
            // The one file that reaches tens of millions of rows is written by hand: its ids, codes,
            // dates and amounts never need quoting, only the two JSON columns do.
            line.setLength(0);
            line.append(t.externalId())
                    .append(',')
                    .append(t.kind())
                    .append(',')
                    .append(t.status())
                    .append(',');
            if (t.opportunityId() != null) {
                line.append(t.opportunityId());
            }
            line.append(',')
                    .append(t.accountId())
                    .append(',')
                    .append(t.ownerId())
                    .append(',')
                    .append(t.closeDate())
                    .append(',')
                    .append(t.amount().toPlainString())
                    .append(',')
                    .append(t.currency())
                    .append(',')
                    .append(t.dealType().code())
                    .append(',')
                    .append(t.productCode())
                    .append(',')
                    .append(t.termMonths())
                    .append(',');
            quoted(line, t.splitsJson());
            line.append(',');
            quoted(line, t.attributesJson());
            line.append('\n');
            try {
                transactionFile.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void activity(Activity a) {
            activities++;
            print(
                    activityFile,
                    a.externalId(),
                    a.personId(),
                    a.kind(),
                    a.occurredAt().toString(),
                    a.durationMinutes(),
                    a.outcome(),
                    a.accountId(),
                    a.opportunityId());
        }

        /** RFC 4180 quoting, the same Commons CSV applies to these values. */
        private static void quoted(StringBuilder out, String value) {
            if (value == null) {
                return;
            }
            if (value.indexOf('"') < 0 && value.indexOf(',') < 0) {
                out.append(value);
                return;
            }
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        }

        private static void print(CSVPrinter printer, Object... values) {
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try (opportunityFile;
                    transactionFile;
                    activityFile) {
                // closing flushes all three, even when one of them fails
            }
        }
    }

    private static Writer writer(Path directory, String file) throws IOException {
        return new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(directory.resolve(file)), StandardCharsets.UTF_8), BUFFER);
    }

    private static CSVPrinter open(Path directory, String file, String... header) throws IOException {
        Writer writer = writer(directory, file);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(List.of(header));
        return printer;
    }

    private static String iso(Temporal date) {
        return date == null ? null : date.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
