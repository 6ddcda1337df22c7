package org.attain.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON activity records (as the API and webhooks receive them) into {@link NewActivity}
 * values, naming the field of anything that cannot be read, and runs the readable ones through
 * {@link ActivityCapture} with their original positions kept in the answer.
 */
public final class ActivityRecords {

    private ActivityRecords() {}

    /** Field names of a JSON activity record. */
    public static final List<String> FIELDS =
            List.of("external_id", "person", "kind", "occurred_at", "duration_minutes", "outcome", "account", "deal");

    public static Captured capture(ActivityCapture capture, String source, List<Map<String, JsonNode>> records) {
        List<Captured.Rejection> unreadable = new ArrayList<>();
        List<NewActivity> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, JsonNode> r = records.get(i);
            String id = r == null ? null : text(r.get("external_id"));
            try {
                readable.add(read(r));
                positions.add(i + 1);
            } catch (Unreadable e) {
                unreadable.add(new Captured.Rejection(i + 1, id, e.field, e.getMessage()));
            }
        }
        Captured done = capture.capture(source, readable);
        List<Captured.Rejection> all = new ArrayList<>(unreadable);
        done.rejections()
                .forEach(x -> all.add(
                        new Captured.Rejection(positions.get(x.row() - 1), x.externalId(), x.field(), x.reason())));
        all.sort(java.util.Comparator.comparingInt(Captured.Rejection::row));
        return new Captured(done.inserted(), done.updated(), done.unchanged(), all);
    }

    /** Reads one record; throws {@link Unreadable} naming the field that is not readable. */
    public static NewActivity read(Map<String, JsonNode> r) {
        if (r == null) {
            throw new Unreadable("record", "is empty");
        }
        return new NewActivity(
                text(r.get("external_id")),
                text(r.get("person")),
                text(r.get("kind")),
                instant(r.get("occurred_at")),
                minutes(r.get("duration_minutes")),
                text(r.get("outcome")),
                text(r.get("account")),
                text(r.get("deal")));
    }

    /** A field that cannot be read at all (as opposed to a readable value that breaks a rule). */
    public static final class Unreadable extends RuntimeException {
        private final String field;

        Unreadable(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString();
    }

    private static Instant instant(JsonNode v) {
        String s = text(v);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable("occurred_at", "'" + s + "' is not a date-time with offset like 2026-05-04T09:30:00Z");
        }
    }

    private static Integer minutes(JsonNode v) {
        String s = text(v);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new Unreadable("duration_minutes", "'" + s + "' is not a whole number of minutes");
        }
    }
}
