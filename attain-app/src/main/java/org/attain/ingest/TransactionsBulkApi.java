package org.attain.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.springframework.http.ResponseEntity;
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

    static final int MAX_RECORDS = BulkCalls.MAX_RECORDS;

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
    record Bulk(String source, List<Map<String, JsonNode>> records) {
    }

    @PostMapping("/api/v1/transactions/bulk")
    @Operation(summary = "Upsert up to 50,000 transactions by (source, external_id) in one transaction",
            description = "Rejected records come back with their position (row = index + 1), field and reason and stay "
                    + "in the import's quarantine. Sending the same Idempotency-Key again returns the first answer.")
    ResponseEntity<BulkCalls.BulkResult> bulk(@AuthenticationPrincipal AttainUser user,
            @Parameter(description = "any unique string per logical request, e.g. a UUID")
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody Bulk bulk) {
        return calls.call(user, key, bulk == null ? null : bulk.records(), () -> {
            String source = BulkCalls.source(bulk.source());
            ImportProfile profile = TransactionFeed.canonicalProfile("bulk-api", source);
            long id = imports.reserveId();
            imports.run(new Imports.Run(id, profile, new TransactionFeed.MapRows(TransactionFields.ALL,
                    BulkCalls.asText(bulk.records())), "POST /api/v1/transactions/bulk", user.getUsername(), false, null),
                    new ImportProgress());
            return id;
        });
    }
}
