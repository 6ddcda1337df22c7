package org.attain.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.ingest.files.RowSource;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.records.RecordKinds;
import org.attain.ingest.transactions.TransactionFields;
import org.springframework.stereotype.Service;

/**
 * The public door for systems that deliver transactions as records rather than files (webhooks,
 * CRM connectors): the records take the same mapping, validation, upsert by (source, external_id),
 * versioning, quarantine and change event as an import, so there is one load path for every source.
 */
@Service
public class TransactionFeed {

    private final Imports imports;
    private final ImportRecords records;

    TransactionFeed(Imports imports, ImportRecords records) {
        this.imports = imports;
        this.records = records;
    }

    /** What a feed load did, with the records that were quarantined (row = position in the list, from 1). */
    public record Loaded(ImportOutcome outcome, List<ImportRecords.QuarantinedRow> rejections) {}

    /**
     * @param records canonical field name (external_id, close_date yyyy-MM-dd, amount plain, currency, owner as
     *                employee id or e-mail, kind, status, deal_type, product_code, term_months, account external id,
     *                splits, attributes as JSON) -> value; missing or null fields are empty
     * @param origin  what the import record names as its file, e.g. "webhook crm delivery 42"
     */
    public Loaded load(String source, List<Map<String, String>> records, String origin, String actor) {
        ImportProfile profile = canonicalProfile("feed-" + source, source);
        long id = imports.reserveId();
        ImportOutcome outcome = imports.run(
                new Imports.Run(id, profile, new MapRows(TransactionFields.ALL, records), origin, actor, false, null),
                new ImportProgress());
        return new Loaded(outcome, outcome.rejected() == 0 ? List.of() : this.records.quarantine(id, 1000));
    }

    /** The profile for records that already use the canonical field names, ISO dates and plain numbers. */
    public static ImportProfile canonicalProfile(String name, String source) {
        return canonicalProfile(name, RecordKinds.TRANSACTIONS, source);
    }

    /**
     * Feeds check no product codes: the systems behind them keep catalogues of their own. The profile is YAML
     * because the import record keeps it for replays; the source goes in quoted, so it reads back exactly.
     */
    public static ImportProfile canonicalProfile(String name, String record, String source) {
        return ImportProfile.parse(name, """
                record: %s
                source: %s
                format: {date: yyyy-MM-dd, numbers: plain}
                people: {match: [employee_id, email]}
                products: {check: %s}
                columns: {%s}
                """.formatted(
                        record,
                        yamlQuoted(source),
                        !record.equals(RecordKinds.TRANSACTIONS),
                        String.join(
                                ", ",
                                RecordKinds.fieldNames(record).stream()
                                        .map(f -> f + ": " + f)
                                        .toList())));
    }

    /** A YAML double-quoted scalar that reads back as exactly the text: backslash, quote and control characters escaped. */
    static String yamlQuoted(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Records as rows whose columns are the canonical field names. */
    public static final class MapRows implements RowSource {
        private final List<String> fields;
        private final List<Map<String, String>> rows;
        private volatile long done;

        public MapRows(List<String> fields, List<Map<String, String>> rows) {
            this.fields = fields;
            this.rows = rows;
        }

        @Override
        public void read(Handler handler) {
            handler.header(new ArrayList<>(fields));
            long row = 0;
            for (Map<String, String> record : rows) {
                String[] cells = new String[fields.size()];
                for (int i = 0; i < cells.length; i++) {
                    String v = record.get(fields.get(i));
                    cells[i] = v == null ? "" : v;
                }
                handler.row(++row, cells);
                done = row;
            }
        }

        @Override
        public boolean typedCells() {
            return true;
        }

        @Override
        public long bytesRead() {
            return done;
        }

        @Override
        public long totalBytes() {
            return rows.size();
        }
    }
}
