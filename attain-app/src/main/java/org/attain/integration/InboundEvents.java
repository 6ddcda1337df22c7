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
import org.attain.ingest.TransactionFeed;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and applies inbound CRM events. Reading checks the shape (every field that must be there
 * and be a date, an amount, a currency) and names the field of the first problems found; applying
 * books won deals through the import load path, keeps open deals as opportunities and captures
 * activities. Unknown people or accounts are not malformed input: they come back as "rejected"
 * with reasons, and won deals sit in the import's quarantine to fix and replay.
 */
@Component
class InboundEvents {

    static final Set<String> EVENTS = Set.of("deal.won", "deal.changed", "activity.logged");
    static final String WON_STAGE = "Closed Won";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Problem(String field, String reason) {
    }

    record Parsed(String event, JsonNode data, List<Problem> problems) {
    }

    private final TransactionFeed feed;
    private final ActivityCapture activities;
    private final CrmRecords crm;

    InboundEvents(TransactionFeed feed, ActivityCapture activities, CrmRecords crm) {
        this.feed = feed;
        this.activities = activities;
        this.crm = crm;
    }

    Parsed parse(byte[] body) {
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
            return new Parsed(event, null, List.of(new Problem("event", event == null ? "is required"
                    : "'" + event + "' is not one of deal.won, deal.changed, activity.logged")));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            return new Parsed(event, null, List.of(new Problem("data", "is required and must be an object")));
        }
        List<Problem> problems = new ArrayList<>();
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
            require(data, "owner", problems);
            date(data, "close_date", true, problems);
            date(data, "created_on", false, problems);
            decimal(data, "amount", true, problems);
            decimal(data, "probability", false, problems);
            String currency = text(data.get("currency"));
            if (currency == null || !currency.matches("[A-Za-z]{3}")) {
                problems.add(new Problem("data.currency", currency == null ? "is required" : "'" + currency + "' is not a 3-letter ISO code"));
            }
            if (event.equals("deal.changed")) {
                require(data, "stage", problems);
            }
        }
        return new Parsed(event, data, problems);
    }

    Map<String, Object> apply(String source, String delivery, Parsed p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("delivery", delivery);
        out.put("event", p.event());
        JsonNode d = p.data();
        if (p.event().equals("activity.logged")) {
            Captured c = ActivityRecords.capture(activities, source, List.of(fields(d)));
            out.put("status", c.rejections().isEmpty() ? (c.accepted() > 0 ? "applied" : "unchanged") : "rejected");
            out.put("problems", c.rejections().stream().map(r -> new Problem("data." + r.field(), r.reason())).toList());
            return out;
        }
        boolean won = p.event().equals("deal.won") || WON_STAGE.equalsIgnoreCase(text(d.get("stage")));
        Long owner = crm.person(text(d.get("owner")));
        List<Problem> problems = new ArrayList<>();
        boolean changed = false;
        if (owner != null) {
            changed = crm.upsertDeal(source, new CrmRecords.Deal(text(d.get("external_id")), text(d.get("name")),
                    text(d.get("account")), owner, won ? WON_STAGE : text(d.get("stage")), text(d.get("deal_type")),
                    text(d.get("product_code")), new BigDecimal(text(d.get("amount"))),
                    text(d.get("currency")).toUpperCase(Locale.ROOT), date(d, "created_on"), date(d, "close_date"),
                    won ? BigDecimal.ONE : decimal(d, "probability")));
        } else if (!won) {
            problems.add(new Problem("data.owner", "unknown person '" + text(d.get("owner")) + "' (matched by employee id or e-mail)"));
        }
        if (won) {
            Map<String, String> record = new LinkedHashMap<>();
            for (String f : List.of("external_id", "close_date", "amount", "currency", "owner", "deal_type", "product_code", "account")) {
                record.put(f, text(d.get(f)));
            }
            record.put("kind", "DEAL");
            record.put("status", "won");
            TransactionFeed.Loaded loaded = feed.load(source, List.of(record), "webhook " + source + " delivery " + delivery,
                    "webhook:" + source);
            out.put("importId", loaded.outcome().importId());
            changed |= loaded.outcome().accepted() > 0;
            loaded.rejections().forEach(r -> r.problems().forEach(x -> problems.add(new Problem("data." + x.column(), x.reason()))));
        }
        out.put("status", !problems.isEmpty() ? "rejected" : changed ? "applied" : "unchanged");
        out.put("problems", problems);
        return out;
    }

    static ProblemDetail invalid(List<Problem> problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                String.join("; ", problems.stream().map(x -> x.field() + ": " + x.reason()).toList()));
        body.setTitle("Invalid input");
        body.setType(URI.create("https://attain.dev/problems/invalid-input"));
        body.setProperty("errors", problems.stream().map(x -> Map.of("field", x.field(), "reason", x.reason())).toList());
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
        String s = v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void require(JsonNode data, String field, List<Problem> problems) {
        if (text(data.get(field)) == null) {
            problems.add(new Problem("data." + field, "is required"));
        }
    }

    private static void date(JsonNode data, String field, boolean required, List<Problem> problems) {
        String s = text(data.get(field));
        if (s == null) {
            if (required) {
                problems.add(new Problem("data." + field, "is required (yyyy-MM-dd)"));
            }
            return;
        }
        try {
            LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("data." + field, "'" + s + "' is not a date like 2026-05-04"));
        }
    }

    private static void decimal(JsonNode data, String field, boolean required, List<Problem> problems) {
        String s = text(data.get(field));
        if (s == null) {
            if (required) {
                problems.add(new Problem("data." + field, "is required"));
            }
            return;
        }
        try {
            new BigDecimal(s);
        } catch (NumberFormatException e) {
            problems.add(new Problem("data." + field, "'" + s + "' is not a number like 1234.56"));
        }
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
