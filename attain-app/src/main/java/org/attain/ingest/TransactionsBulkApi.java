package org.attain.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.platform.ConflictException;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Transactions in bulk over REST: the same mapping, validation, upsert and quarantine as a file
 * import, fed from JSON records with the canonical field names. An Idempotency-Key makes a retried
 * call return the first call's answer instead of loading again.
 */
@RestController
@Tag(name = "Transactions", description = "Bulk load of booked transactions")
class TransactionsBulkApi {

    static final int MAX_RECORDS = 50_000;

    private final Imports imports;
    private final ImportRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    TransactionsBulkApi(Imports imports, ImportRecords records, JdbcClient jdbc, Clock clock) {
        this.imports = imports;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param source  the system the records come from; with external_id it identifies a record
     * @param records objects with external_id, close_date (yyyy-MM-dd), amount, currency, owner (employee id or
     *                e-mail) and optionally kind, status, deal_type, product_code, term_months, account,
     *                splits ("P00038:0.6; P00041:0.4" or [{"person_id":"P00038","share":0.6}]), attributes (object)
     */
    record Bulk(String source, List<Map<String, JsonNode>> records) {
    }

    record BulkResult(long importId, long accepted, long rejected, long unchanged, long inserted, long updated,
            boolean replayed, List<ImportRecords.QuarantinedRow> rejections) {
    }

    @PostMapping("/api/v1/transactions/bulk")
    @Operation(summary = "Upsert up to 50,000 transactions by (source, external_id) in one transaction",
            description = "Rejected records come back with their position (row = index + 1), field and reason and stay "
                    + "in the import's quarantine. Sending the same Idempotency-Key again returns the first answer.")
    ResponseEntity<BulkResult> bulk(@AuthenticationPrincipal AttainUser user,
            @Parameter(description = "any unique string per logical request, e.g. a UUID")
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody Bulk bulk) {
        ImportsApi.requireImporter(user);
        if (bulk == null || bulk.records() == null || bulk.records().isEmpty()) {
            throw new InvalidInputException(new FieldProblem("records", "ingest.bulk.empty", "send at least one record"));
        }
        if (bulk.records().size() > MAX_RECORDS) {
            throw new InvalidInputException(new FieldProblem("records", "ingest.bulk.tooMany",
                    bulk.records().size() + " records; at most " + MAX_RECORDS + " per call"));
        }
        String source = bulk.source() == null || bulk.source().isBlank() ? "api" : bulk.source().trim();
        if (key != null && !key.isBlank()) {
            Long earlier = jdbc.sql("select import_id from ingest_idempotency where key = :k and actor = :a")
                    .param("k", key).param("a", user.getUsername()).query(Long.class).optional().orElse(null);
            if (earlier != null) {
                return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(result(earlier, true));
            }
        }
        ImportProfile profile = TransactionFeed.canonicalProfile("bulk-api", source);
        long id = imports.reserveId();
        imports.run(new Imports.Run(id, profile, new TransactionFeed.MapRows(asText(bulk.records())), "POST /api/v1/transactions/bulk",
                user.getUsername(), false, null), new ImportProgress());
        if (key != null && !key.isBlank()) {
            int stored = jdbc.sql("""
                    insert into ingest_idempotency(key, actor, import_id, created_at) values (:k, :a, :id, :at)
                    on conflict (key) do nothing""")
                    .param("k", key).param("a", user.getUsername()).param("id", id)
                    .param("at", Timestamp.from(clock.instant())).update();
            if (stored == 0) {
                throw new ConflictException("Idempotency-Key " + key + " is already used by another caller.");
            }
        }
        return ResponseEntity.ok(result(id, false));
    }

    private BulkResult result(long importId, boolean replayed) {
        var r = records.find(importId).orElseThrow();
        return new BulkResult(importId, r.accepted(), r.rejected(), r.unchanged(), r.inserted(), r.updated(), replayed,
                records.quarantine(importId, 1000));
    }

    /** JSON records as rows whose columns are the canonical field names. */
    /** JSON values as the text a file cell would hold: numbers plain, objects and arrays as JSON. */
    private static List<Map<String, String>> asText(List<Map<String, JsonNode>> records) {
        List<Map<String, String>> out = new ArrayList<>(records.size());
        for (Map<String, JsonNode> record : records) {
            Map<String, String> row = new java.util.HashMap<>();
            if (record != null) {
                record.forEach((field, v) -> row.put(field, v == null || v.isNull() ? "" : v.isContainer() ? v.toString()
                        : v.isNumber() ? v.decimalValue().toPlainString() : v.asString()));
            }
            out.add(row);
        }
        return out;
    }
}
