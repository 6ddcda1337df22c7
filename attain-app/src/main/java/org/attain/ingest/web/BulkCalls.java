package org.attain.ingest.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.access.AttainUser;
import org.attain.ingest.Bounds;
import org.attain.ingest.ImportRecords;
import org.attain.ingest.Imports;
import org.attain.ingest.OutsideRun;
import org.attain.ingest.files.Cells;
import org.attain.ingest.records.ExactRecords;
import org.attain.platform.ConflictException;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every bulk endpoint shares: the size limits, the checks of what cannot even be kept in a
 * quarantine (400 naming records[i].field), the Idempotency-Key and the answer with counts and
 * rejected records. Values that can be kept but are wrong (an unknown owner, an amount out of bounds)
 * are not refused here: they come back as rejections and wait in the import's quarantine.
 *
 * <p>An Idempotency-Key belongs to its caller and to the request it was first sent with (a SHA-256 of
 * endpoint, source and records). It is claimed in the load's own transaction, so the key and the data
 * commit together or not at all; a concurrent call with the same key waits on that claim and then
 * answers from it: the same request gets the first answer, another request 422.
 */
@Component
public class BulkCalls {

    static final int MAX_RECORDS = 50_000;
    static final String KEY_HEADER = "Idempotency-Key";
    // How long a call waits for a running call with its key; a load of 50,000 records takes seconds.
    private static final String CLAIM_WAIT = "60s";
    // A bad batch is usually bad throughout: the first problems tell the caller what to fix.
    private static final int PROBLEMS_LISTED = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ImportRecords records;
    private final Imports imports;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BulkCalls(
            JdbcClient jdbc,
            ImportRecords records,
            Imports imports,
            PlatformTransactionManager txManager,
            Clock clock,
            OutsideRun.Counter outsideRun) {
        this.outsideRun = outsideRun;
        this.jdbc = jdbc;
        this.records = records;
        this.imports = imports;
        this.transactions = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** The answer of a bulk call; rejections carry row = position in the list, from 1. */
    public record BulkResult(
            long importId,
            long accepted,
            long rejected,
            long unchanged,
            long inserted,
            long updated,
            boolean replayed,
            List<ImportRecords.QuarantinedRow> rejections,
            OutsideRun outsideRun) {}

    private final OutsideRun.Counter outsideRun;

    /** Runs the import of the checked records as import {@code importId}, inside the call's transaction. */
    public interface Load {
        void run(long importId, String source, List<Map<String, String>> rows);
    }

    /**
     * Checks the call, answers a repeated key from the first call, or runs the load and remembers its key.
     *
     * @param endpoint the path called: a key used on another endpoint is another request
     */
    public ResponseEntity<BulkResult> call(
            AttainUser user,
            String key,
            String endpoint,
            String sentSource,
            List<Map<String, JsonNode>> sent,
            Load load) {
        ImportsApi.requireImporter(user);
        if (sent == null || sent.isEmpty()) {
            throw new InvalidInputException(
                    new FieldProblem("records", "ingest.bulk.empty", "send at least one record"));
        }
        if (sent.size() > MAX_RECORDS) {
            throw new InvalidInputException(new FieldProblem(
                    "records", "ingest.bulk.tooMany", sent.size() + " records; at most " + MAX_RECORDS + " per call"));
        }
        String source = source(sentSource);
        List<Map<String, String>> rows = asText(sent);
        boolean keyed = key != null && !key.isBlank();
        if (keyed) {
            refuseIf(KEY_HEADER, Bounds.id(key));
        }
        String request = keyed ? sha256(endpoint, source, rows) : null;
        long id = imports.reserveId();
        Long earlier = transactions.execute(tx -> {
            if (keyed) {
                Long claimed = claim(user.getUsername(), key, request, id);
                if (claimed != null) {
                    return claimed;
                }
            }
            load.run(id, source, rows);
            return null;
        });
        if (earlier != null) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(result(earlier, true));
        }
        return ResponseEntity.ok(result(id, false));
    }

    /**
     * Claims the caller's key for this request and import; null when claimed, else the import of the call that
     * holds it with the same request. A call still running with the key is waited for (its claim is not yet
     * committed), so of concurrent calls with one key exactly one loads.
     */
    private Long claim(String actor, String key, String request, long importId) {
        int claimed;
        try {
            jdbc.sql("set local lock_timeout = '" + CLAIM_WAIT + "'").update();
            claimed = jdbc.sql("""
                    insert into ingest_idempotency(actor, key, request_sha256, import_id, created_at)
                    values (:a, :k, :r, :id, :at) on conflict (actor, key) do nothing""")
                    .param("a", actor)
                    .param("k", key)
                    .param("r", request)
                    .param("id", importId)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            jdbc.sql("set local lock_timeout to default").update();
        } catch (PessimisticLockingFailureException e) {
            throw new ConflictException(
                    "A call with Idempotency-Key " + key + " is still running; send it again later.");
        }
        if (claimed == 1) {
            return null;
        }
        var first = jdbc.sql("select import_id, request_sha256 from ingest_idempotency where actor = :a and key = :k")
                .param("a", actor)
                .param("k", key)
                .query()
                .singleRow();
        // keys stored before requests were recorded have none; they replay as they always did
        if (first.get("request_sha256") != null && !first.get("request_sha256").equals(request)) {
            throw otherRequest(key);
        }
        return ((Number) first.get("import_id")).longValue();
    }

    private static ErrorResponseException otherRequest(String key) {
        Bounds.Refusal refusal = new Bounds.Refusal("ingest.bulk.keyReused", Cells.preview(key, 60));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refusal.english());
        body.setTitle("Idempotency-Key reused");
        body.setType(URI.create("https://attain.dev/problems/idempotency-key-reused"));
        body.setProperty("errors", List.of(Map.of("field", KEY_HEADER, "reason", refusal.english())));
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, body, null);
    }

    /** The source as sent (trimmed), "api" when none: any text without control characters, stored exactly. */
    static String source(String sent) {
        if (sent == null || sent.isBlank()) {
            return "api";
        }
        String source = sent.trim();
        refuseIf("source", Bounds.source(source));
        return source;
    }

    private static void refuseIf(String field, Bounds.Refusal refusal) {
        if (refusal != null) {
            throw new InvalidInputException(new FieldProblem(field, refusal.code(), refusal.english()));
        }
    }

    private BulkResult result(long importId, boolean replayed) {
        var r = records.find(importId).orElseThrow();
        return new BulkResult(
                importId,
                r.accepted(),
                r.rejected(),
                r.unchanged(),
                r.inserted(),
                r.updated(),
                replayed,
                r.rejected() == 0 ? List.of() : records.quarantine(importId, 1000),
                outsideRun.find(jdbc, importId));
    }

    /**
     * JSON values as the text a file cell would hold: numbers plain and exact (read as BigDecimal by
     * {@link ExactRecords}), objects and arrays as JSON. What no cell may hold is refused for the whole call, naming
     * records[i].field: text longer than a cell, characters that cannot be stored, numbers too long to write out.
     */
    static List<Map<String, String>> asText(List<Map<String, JsonNode>> records) {
        List<Map<String, String>> out = new ArrayList<>(records.size());
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            Map<String, JsonNode> record = records.get(i);
            if (record != null) {
                for (Map.Entry<String, JsonNode> e : record.entrySet()) {
                    String text = text(e.getValue());
                    Bounds.Refusal refusal = refusal(e.getValue(), text);
                    if (refusal != null) {
                        if (problems.size() < PROBLEMS_LISTED) {
                            problems.add(new FieldProblem(
                                    "records[" + i + "]." + Cells.preview(e.getKey(), 60),
                                    refusal.code(),
                                    refusal.english()));
                        }
                    } else {
                        row.put(e.getKey(), text);
                    }
                }
            }
            out.add(row);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    /** The value's text, or null for a number too long to write out (see {@link #refusal}). */
    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isNumber()) {
            return Bounds.plain(v.decimalValue()) ? v.decimalValue().toPlainString() : null;
        }
        return v.isContainer() ? v.toString() : v.asString();
    }

    private static Bounds.Refusal refusal(JsonNode v, String text) {
        if (text == null) {
            return new Bounds.Refusal(
                    "ingest.bulk.numberRange", Cells.preview(v.decimalValue().toString(), 60), Bounds.PLAIN_DIGITS);
        }
        return Bounds.text(text);
    }

    /** The request a key stands for: endpoint, source and records (fields in name order), hashed. */
    private static String sha256(String endpoint, String source, List<Map<String, String>> rows) {
        List<Object> request = new ArrayList<>(rows.size() + 2);
        request.add(endpoint);
        request.add(source);
        rows.forEach(r -> request.add(new TreeMap<>(r)));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
