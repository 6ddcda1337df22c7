package org.attain.ingest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.ingest.ImportProgress;
import org.attain.ingest.Imports;
import org.attain.ingest.TransactionFeed;
import org.attain.ingest.records.ExactRecords;
import org.attain.ingest.transactions.TransactionFields;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Transactions in bulk over REST: the same mapping, validation, upsert and quarantine as a file
 * import, fed from JSON records with the canonical field names. An Idempotency-Key makes a retried
 * call return the first call's answer instead of loading again (see {@link BulkCalls}).
 */
@RestController
@Tag(name = "Transactions", description = "Bulk load of booked transactions")
class TransactionsBulkApi {

    static final int MAX_RECORDS = BulkCalls.MAX_RECORDS;
    private static final String PATH = "/api/v1/transactions/bulk";

    private final Imports imports;
    private final BulkCalls calls;

    TransactionsBulkApi(Imports imports, BulkCalls calls) {
        this.imports = imports;
        this.calls = calls;
    }

    /**
     * @param source  the system the records come from; with external_id it identifies a record
     * @param records objects with external_id, close_date (yyyy-MM-dd), amount, currency, owner (employee id or
     *                e-mail) and optionally kind, status, deal_type, product_code, term_months, account,
     *                splits ("P00038:0.6; P00041:0.4" or [{"person_id":"P00038","share":0.6}]), attributes (object)
     */
    record Bulk(
            String source,

            @JsonDeserialize(contentUsing = ExactRecords.class)
            List<Map<String, JsonNode>> records) {}

    @PostMapping(PATH)
    @Operation(
            summary = "Upsert up to 50,000 transactions by (source, external_id) in one transaction",
            description = "Rejected records come back with their position (row = index + 1), field and reason and stay "
                    + "in the import's quarantine. Sending the same Idempotency-Key again with the same body returns the first "
                    + "answer (a call still running with it is waited for); with another body it answers 422. Keys are per "
                    + "caller. Values no quarantine can keep (NUL, cells over 32,767 characters, numbers beyond 40 digits) "
                    + "answer 400 naming records[i].field.")
    ResponseEntity<BulkCalls.BulkResult> bulk(
            @AuthenticationPrincipal AttainUser user,
            @Parameter(description = "any unique string per logical request, e.g. a UUID")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String key,
            @RequestBody Bulk bulk) {
        return calls.call(
                user,
                key,
                PATH,
                bulk == null ? null : bulk.source(),
                bulk == null ? null : bulk.records(),
                (id, source, rows) -> imports.run(
                        new Imports.Run(
                                id,
                                TransactionFeed.canonicalProfile("bulk-api", source),
                                new TransactionFeed.MapRows(TransactionFields.ALL, rows),
                                "POST " + PATH,
                                user.getUsername(),
                                false,
                                null),
                        new ImportProgress()));
    }
}
