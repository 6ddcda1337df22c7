package org.attain.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.attain.access.AttainUser;
import org.attain.platform.ConflictException;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What every bulk endpoint shares: the size limits, the Idempotency-Key (the same key again returns
 * the first call's answer instead of loading again) and the answer with counts and rejected records.
 */
@Component
class BulkCalls {

    static final int MAX_RECORDS = 50_000;

    private final JdbcClient jdbc;
    private final ImportRecords records;
    private final Clock clock;

    BulkCalls(JdbcClient jdbc, ImportRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    /** The answer of a bulk call; rejections carry row = position in the list, from 1. */
    record BulkResult(long importId, long accepted, long rejected, long unchanged, long inserted, long updated,
            boolean replayed, List<ImportRecords.QuarantinedRow> rejections) {
    }

    /**
     * Checks the call, answers a repeated key from the first call, or runs the load and remembers its key.
     *
     * @param load runs the import and returns its id
     */
    ResponseEntity<BulkResult> call(AttainUser user, String key, List<Map<String, JsonNode>> sent, LongSupplier load) {
        ImportsApi.requireImporter(user);
        if (sent == null || sent.isEmpty()) {
            throw new InvalidInputException(new FieldProblem("records", "ingest.bulk.empty", "send at least one record"));
        }
        if (sent.size() > MAX_RECORDS) {
            throw new InvalidInputException(new FieldProblem("records", "ingest.bulk.tooMany",
                    sent.size() + " records; at most " + MAX_RECORDS + " per call"));
        }
        boolean keyed = key != null && !key.isBlank();
        if (keyed) {
            Long earlier = jdbc.sql("select import_id from ingest_idempotency where key = :k and actor = :a")
                    .param("k", key).param("a", user.getUsername()).query(Long.class).optional().orElse(null);
            if (earlier != null) {
                return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(result(earlier, true));
            }
        }
        long id = load.getAsLong();
        if (keyed) {
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

    static String source(String sent) {
        return sent == null || sent.isBlank() ? "api" : sent.trim();
    }

    private BulkResult result(long importId, boolean replayed) {
        var r = records.find(importId).orElseThrow();
        return new BulkResult(importId, r.accepted(), r.rejected(), r.unchanged(), r.inserted(), r.updated(), replayed,
                r.rejected() == 0 ? List.of() : records.quarantine(importId, 1000));
    }

    /** JSON values as the text a file cell would hold: numbers plain, objects and arrays as JSON. */
    static List<Map<String, String>> asText(List<Map<String, JsonNode>> records) {
        List<Map<String, String>> out = new ArrayList<>(records.size());
        for (Map<String, JsonNode> record : records) {
            Map<String, String> row = new HashMap<>();
            if (record != null) {
                record.forEach((field, v) -> row.put(field, v == null || v.isNull() ? "" : v.isContainer() ? v.toString()
                        : v.isNumber() ? v.decimalValue().toPlainString() : v.asString()));
            }
            out.add(row);
        }
        return out;
    }
}
