package org.attain.ingest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.ingest.ImportProgress;
import org.attain.ingest.Imports;
import org.attain.ingest.TransactionFeed;
import org.attain.ingest.profiles.Field;
import org.attain.ingest.records.ExactRecords;
import org.attain.ingest.records.RecordKind;
import org.attain.ingest.records.RecordKinds;
import org.attain.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Every other record kind in bulk over REST, through the same mapping, checks, upsert by natural key,
 * quarantine and audit as a file import of that kind; JSON records use the canonical field names with
 * ISO dates and plain numbers. GET /api/v1/imports/records/{record} lists a kind's fields.
 */
@RestController
@Tag(
        name = "Bulk records",
        description = "Bulk upsert of people, reporting lines, teams, quotas, accounts, products, "
                + "opportunities, activities and FX rates by their natural keys")
class RecordsBulkApi {

    private final Imports imports;
    private final BulkCalls calls;

    RecordsBulkApi(Imports imports, BulkCalls calls) {
        this.imports = imports;
        this.calls = calls;
    }

    /**
     * @param source  the system the records come from: part of the key of accounts, opportunities and activities
     * @param records objects keyed by the kind's canonical field names (see GET /api/v1/imports/records/{record})
     */
    record Bulk(
            String source,

            @JsonDeserialize(contentUsing = ExactRecords.class)
            List<Map<String, JsonNode>> records) {}

    /** One canonical field of a record kind. */
    record FieldInfo(String name, String type, boolean required, String fallback, List<String> choices, String takes) {}

    record RecordInfo(
            String record, List<String> key, boolean keyIncludesSource, String bulkPath, List<FieldInfo> fields) {}

    @GetMapping("/api/v1/imports/records")
    @Operation(summary = "The record kinds an import profile or bulk call can load, with their fields and natural keys")
    List<RecordInfo> kinds(@AuthenticationPrincipal AttainUser user) {
        ImportsApi.requireImporter(user);
        return RecordKinds.ALL.stream().map(RecordsBulkApi::info).toList();
    }

    @GetMapping("/api/v1/imports/records/{record}")
    @Operation(summary = "The fields of one record kind: name, type, required, fallback when empty")
    RecordInfo kind(@AuthenticationPrincipal AttainUser user, @PathVariable String record) {
        ImportsApi.requireImporter(user);
        return info(RecordKinds.named(record).orElseThrow(() -> new NotFoundException("record kind", record)));
    }

    @PostMapping({
        "/api/v1/people/bulk",
        "/api/v1/reporting-lines/bulk",
        "/api/v1/teams/bulk",
        "/api/v1/quotas/bulk",
        "/api/v1/budgets/bulk",
        "/api/v1/target-incentives/bulk",
        "/api/v1/accounts/bulk",
        "/api/v1/products/bulk",
        "/api/v1/opportunities/bulk",
        "/api/v1/activities/bulk",
        "/api/v1/fx-rates/bulk",
        "/api/v1/territories/bulk",
        "/api/v1/territory-rules/bulk",
        "/api/v1/territory-members/bulk",
        "/api/v1/quota-plan-targets/bulk",
        "/api/v1/quota-plan-submissions/bulk"
    })
    @Operation(
            summary = "Upsert up to 50,000 records of one kind by its natural key in one transaction",
            description =
                    "Keys: people by external_id; accounts, opportunities and activities by (source, external_id); "
                            + "products and teams by code; quotas by (person, period, measure); target incentives by (person, period); FX rates by (from_currency, "
                            + "to_currency, effective_from); reporting lines by (person, valid_from), closing the person's open "
                            + "line; territories by code, territory rules by (territory, precedence, valid_from), territory members by "
                            + "(territory, person, valid_from), each row through the territory checks; quota plan targets and submissions "
                            + "by (plan, person), each row through the plan's checks. Identical records count as unchanged; changed ones are audited. Rejected records come back "
                            + "with their position (row = index + 1), field, reason and closest known value, and stay in the "
                            + "import's quarantine. Sending the same Idempotency-Key again with the same body returns the first answer; "
                            + "with another body it answers 422. Changes to "
                            + "quotas, target incentives, reporting lines, FX rates and employment dates recalculate the people concerned.")
    ResponseEntity<BulkCalls.BulkResult> bulk(
            @AuthenticationPrincipal AttainUser user,
            HttpServletRequest request,
            @Parameter(description = "any unique string per logical request, e.g. a UUID")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String key,
            @RequestBody Bulk bulk) {
        String path = request.getRequestURI();
        RecordKind kind = RecordKinds.ALL.stream()
                .filter(k -> path.endsWith(k.bulkPath()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("bulk endpoint", path));
        return calls.call(
                user,
                key,
                kind.bulkPath(),
                bulk == null ? null : bulk.source(),
                bulk == null ? null : bulk.records(),
                (id, source, rows) -> imports.run(
                        new Imports.Run(
                                id,
                                TransactionFeed.canonicalProfile("bulk-api", kind.name(), source),
                                new TransactionFeed.MapRows(kind.fieldNames(), rows),
                                "POST " + kind.bulkPath(),
                                user.getUsername(),
                                false,
                                null),
                        new ImportProgress()));
    }

    private static RecordInfo info(RecordKind k) {
        return new RecordInfo(
                k.name(),
                k.key().stream()
                        .map(c -> k.byColumn(c).map(Field::name).orElse(c))
                        .toList(),
                k.sourceScoped(),
                k.bulkPath(),
                k.fields().stream()
                        .map(f -> new FieldInfo(
                                f.name(),
                                f.type().name().toLowerCase(java.util.Locale.ROOT),
                                f.required(),
                                f.fallback(),
                                f.choices(),
                                f.describe()))
                        .toList());
    }
}
