package org.attain.ingest.profiles;

import java.util.List;

/**
 * One canonical field of a record kind: the name a profile maps a column to, the database column
 * it is stored in, its type, whether a row needs it, the value used when the cell is empty, and
 * other header names a file commonly gives it (for the drafted profile on the page).
 */
public record Field(
        String name,
        String column,
        FieldType type,
        boolean required,
        String fallback,
        List<String> choices,
        List<String> aliases) {

    public static Field required(String name, FieldType type, String... aliases) {
        return new Field(name, columnFor(name, type), type, true, null, List.of(), List.of(aliases));
    }

    public static Field optional(String name, FieldType type, String... aliases) {
        return new Field(name, columnFor(name, type), type, false, null, List.of(), List.of(aliases));
    }

    public static Field choice(
            String name, boolean required, String fallback, List<String> choices, String... aliases) {
        return new Field(name, name, FieldType.CHOICE, required, fallback, choices, List.of(aliases));
    }

    public Field withFallback(String value) {
        return new Field(name, column, type, false, value, choices, aliases);
    }

    Field storedIn(String dbColumn) {
        return new Field(name, dbColumn, type, required, fallback, choices, aliases);
    }

    /** What the field takes, in words for the page and for error messages. */
    public String describe() {
        return type == FieldType.CHOICE ? "one of " + String.join(", ", choices) : type.words;
    }

    private static String columnFor(String name, FieldType type) {
        return switch (type) {
            case PERSON, TEAM, REGION, ACCOUNT, OPPORTUNITY -> name + "_id";
            case PRODUCT -> "product_code";
            case PERIOD -> "period_id";
            default -> name;
        };
    }
}
