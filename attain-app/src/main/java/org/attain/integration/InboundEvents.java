package org.attain.integration;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attain.activity.ActivityCapture;
import org.attain.activity.ActivityRecords;
import org.attain.activity.Captured;
import org.attain.ingest.Bounds;
import org.attain.ingest.TransactionFeed;
import org.attain.sales.OpportunityWrites;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and applies inbound CRM events. Reading checks the shape (every field that must be there
 * and be a date, an amount, a currency) and names the field of the first problems found; applying
 * books won deals through the import load path, keeps open deals as opportunities and captures
 * activities. Unknown people or accounts are not malformed input: they come back as "rejected"
 * with reasons, and won deals sit in the import's quarantine to fix and replay.
 */
@Component
public class InboundEvents {

    public static final Set<String> EVENTS = Set.of("deal.won", "deal.changed", "activity.logged");
    static final String WON_STAGE = "Closed Won";
    // amounts exactly as sent: 12345678901234.5678 through a double would come back as ...5680, 1e400 as Infinity
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public record Problem(String field, String reason) {}

    public record Parsed(String event, JsonNode data, List<Problem> problems) {}

    private final TransactionFeed feed;
    private final ActivityCapture activities;
    private final CrmRecords crm;

    InboundEvents(TransactionFeed feed, ActivityCapture activities, CrmRecords crm) {
        this.feed = feed;
        this.activities = activities;
        this.crm = crm;
    }

    public Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return new Parsed(null, null, List.of(new Problem("body", "is not valid JSON")));
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, null, List.of(new Problem("body", "must be a JSON object with event and data")));
        }
        String event = text(root.get("event"));
        if (event == null || !EVENTS.contains(event)) {
            return new Parsed(
                    event,
                    null,
                    List.of(new Problem(
                            "event",
                            event == null
                                    ? "is required"
                                    : "'" + event + "' is not one of deal.won, deal.changed, activity.logged")));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            return new Parsed(event, null, List.of(new Problem("data", "is required and must be an object")));
        }
        List<Problem> problems = new ArrayList<>();
        unstorable(data, problems);
        if (event.equals("activity.logged")) {
            try {
                ActivityRecords.read(fields(data));
            } catch (ActivityRecords.Unreadable e) {
                problems.add(new Problem("data." + e.field(), e.getMessage()));
            }
            for (String f : List.of("external_id", "person", "kind", "occurred_at")) {
                if (text(data.get(f)) == null) {
                    problems.add(new Problem("data." + f, "is required"));
                }
            }
        } else {
            require(data, "external_id", problems);
            String id = text(data.get("external_id"));
            bound("external_id", id == null ? null : Bounds.id(id), problems);
            require(data, "owner", problems);
            bound("close_date", date(data, "close_date", true, problems), Bounds::closeDate, problems);
            bound("created_on", date(data, "created_on", false, problems), Bounds::date, problems);
            bound("amount", decimal(data, "amount", true, problems), Bounds::amount, problems);
            bound("probability", decimal(data, "probability", false, problems), InboundEvents::probability, problems);
            String currency = text(data.get("currency"));
            if (currency == null || !currency.matches("[A-Za-z]{3}")) {
                problems.add(new Problem(
                        "data.currency",
                        currency == null ? "is required" : "'" + currency + "' is not a 3-letter ISO code"));
            } else {
                bound("currency", Bounds.currency(currency.toUpperCase(Locale.ROOT)), problems);
            }
            if (event.equals("deal.changed")) {
                require(data, "stage", problems);
            }
        }
        return new Parsed(event, data, problems);
    }

    public Map<String, Object> apply(String source, String delivery, Parsed p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("delivery", delivery);
        out.put("event", p.event());
        JsonNode d = p.data();
        if (p.event().equals("activity.logged")) {
            Captured c = ActivityRecords.capture(activities, source, List.of(fields(d)));
            out.put("status", c.rejections().isEmpty() ? (c.accepted() > 0 ? "applied" : "unchanged") : "rejected");
            out.put(
                    "problems",
                    c.rejections().stream()
                            .map(r -> new Problem("data." + r.field(), r.reason()))
                            .toList());
            return out;
        }
        boolean won = p.event().equals("deal.won") || WON_STAGE.equalsIgnoreCase(text(d.get("stage")));
        Long owner = crm.person(text(d.get("owner")));
        List<Problem> problems = new ArrayList<>();
        boolean changed = false;
        if (owner != null) {
            changed = crm.upsertDeal(
                    source,
                    new OpportunityWrites.Deal(
                            text(d.get("external_id")),
                            text(d.get("name")),
                            text(d.get("account")),
                            owner,
                            won ? WON_STAGE : text(d.get("stage")),
                            text(d.get("deal_type")),
                            text(d.get("product_code")),
                            new BigDecimal(text(d.get("amount"))),
                            text(d.get("currency")).toUpperCase(Locale.ROOT),
                            date(d, "created_on"),
                            date(d, "close_date"),
                            won ? BigDecimal.ONE : decimal(d, "probability")));
        } else if (!won) {
            problems.add(new Problem(
                    "data.owner", "unknown person '" + text(d.get("owner")) + "' (matched by employee id or e-mail)"));
        }
        if (won) {
            Map<String, String> record = new LinkedHashMap<>();
            for (String f : List.of(
                    "external_id",
                    "close_date",
                    "amount",
                    "currency",
                    "owner",
                    "deal_type",
                    "product_code",
                    "account")) {
                record.put(f, text(d.get(f)));
            }
            record.put("kind", "DEAL");
            record.put("status", "won");
            TransactionFeed.Loaded loaded = feed.load(
                    source, List.of(record), "webhook " + source + " delivery " + delivery, "webhook:" + source);
            out.put("importId", loaded.outcome().importId());
            changed |= loaded.outcome().accepted() > 0;
            loaded.rejections()
                    .forEach(r ->
                            r.problems().forEach(x -> problems.add(new Problem("data." + x.column(), x.reason()))));
        }
        out.put("status", !problems.isEmpty() ? "rejected" : changed ? "applied" : "unchanged");
        out.put("problems", problems);
        return out;
    }

    public static ProblemDetail invalid(List<Problem> problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                String.join(
                        "; ",
                        problems.stream()
                                .map(x -> x.field() + ": " + x.reason())
                                .toList()));
        body.setTitle("Invalid input");
        body.setType(URI.create("https://attain.dev/problems/invalid-input"));
        body.setProperty(
                "errors",
                problems.stream()
                        .map(x -> Map.of("field", x.field(), "reason", x.reason()))
                        .toList());
        return body;
    }

    private static Map<String, JsonNode> fields(JsonNode data) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        data.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        // 1e999999999 written out plainly would not fit in memory; as 1E+999999999 the amount check refuses it
        String s = v.isNumber()
                ? Bounds.plain(v.decimalValue())
                        ? v.decimalValue().toPlainString()
                        : v.decimalValue().toString()
                : v.asString();
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void require(JsonNode data, String field, List<Problem> problems) {
        if (text(data.get(field)) == null) {
            problems.add(new Problem("data." + field, "is required"));
        }
    }

    /** The date, or null when it is missing (a problem when required) or not a date (a problem). */
    private static LocalDate date(JsonNode data, String field, boolean required, List<Problem> problems) {
        String s = text(data.get(field));
        if (s == null) {
            if (required) {
                problems.add(new Problem("data." + field, "is required (yyyy-MM-dd)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("data." + field, "'" + s + "' is not a date like 2026-05-04"));
            return null;
        }
    }

    private static BigDecimal decimal(JsonNode data, String field, boolean required, List<Problem> problems) {
        String s = text(data.get(field));
        if (s == null) {
            if (required) {
                problems.add(new Problem("data." + field, "is required"));
            }
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            problems.add(new Problem("data." + field, "'" + s + "' is not a number like 1234.56"));
            return null;
        }
    }

    private static <T> void bound(
            String field, T value, java.util.function.Function<T, Bounds.Refusal> check, List<Problem> problems) {
        if (value != null) {
            bound(field, check.apply(value), problems);
        }
    }

    private static void bound(String field, Bounds.Refusal refusal, List<Problem> problems) {
        if (refusal != null) {
            problems.add(new Problem("data." + field, refusal.english()));
        }
    }

    /** A win probability is a share, as opportunities store it (numeric(5,4)): 0.6, not 60. */
    private static Bounds.Refusal probability(BigDecimal p) {
        return p.signum() < 0
                        || p.compareTo(BigDecimal.ONE) > 0
                        || p.stripTrailingZeros().scale() > 4
                ? new Bounds.Refusal("ingest.bound.share", p.toString())
                : null;
    }

    /** Text no table can store (NUL) or longer than any field: refused before anything is written. */
    private static void unstorable(JsonNode data, List<Problem> problems) {
        data.properties().forEach(e -> {
            if (e.getValue().isString()) {
                bound(Bounds.shown(e.getKey()), Bounds.text(e.getValue().asString()), problems);
            }
        });
    }

    private static LocalDate date(JsonNode d, String field) {
        String s = text(d.get(field));
        return s == null ? null : LocalDate.parse(s);
    }

    private static BigDecimal decimal(JsonNode d, String field) {
        String s = text(d.get(field));
        return s == null ? null : new BigDecimal(s);
    }
}
