package org.attain.engine.cel;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields a plan condition may read of {@code deal}, {@code account} and {@code person}, with their
 * types where known. The engine's own fields are always there; an application or a scenario adds the
 * custom attributes its data carries. A condition naming a field that is not here does not compile, so
 * {@code deal.typ} is an error instead of a rule that quietly never matches.
 */
public final class DataDictionary {

    /** What a condition may do with a field's value. ANY: the type varies or is unknown, so it is not checked. */
    public enum Type {
        STRING,
        NUMBER,
        INTEGER,
        BOOLEAN,
        ANY;

        /** The type of a value as a condition sees it (see {@code DealFacts}); null for a value of no such type. */
        public static Type of(Object value) {
            if (value instanceof String) {
                return STRING;
            }
            if (value instanceof Long || value instanceof Integer) {
                return INTEGER;
            }
            if (value instanceof BigDecimal d) {
                return of(CelNumbers.plain(d));
            }
            if (value instanceof Double || value instanceof Float) {
                return NUMBER;
            }
            if (value instanceof Boolean) {
                return BOOLEAN;
            }
            return ANY;
        }

        /** Two sources disagree: the field keeps a type only if they agree. */
        Type and(Type other) {
            return other == null || other == this ? this : ANY;
        }
    }

    public static final List<String> VARIABLES = List.of("deal", "account", "person");

    private static final DataDictionary STANDARD = new DataDictionary(Map.of(
            "deal",
                    sorted(Map.of(
                            "id",
                            Type.STRING,
                            "amount",
                            Type.NUMBER,
                            "currency",
                            Type.STRING,
                            "status",
                            Type.STRING,
                            "type",
                            Type.STRING,
                            "product",
                            Type.STRING,
                            "close_date",
                            Type.STRING,
                            "owner",
                            Type.STRING)),
            "account", Map.of(),
            "person", sorted(Map.of("id", Type.STRING, "name", Type.STRING, "role", Type.STRING))));

    /** What {@code period} holds in a period condition; fixed, not extensible. */
    static final Map<String, Type> PERIOD_FIELDS =
            sorted(Map.of("id", Type.STRING, "start", Type.STRING, "end", Type.STRING, "kind", Type.STRING));

    private final Map<String, Map<String, Type>> fields;

    private DataDictionary(Map<String, Map<String, Type>> fields) {
        Map<String, Map<String, Type>> copy = new LinkedHashMap<>();
        for (String v : VARIABLES) {
            copy.put(v, sorted(fields.getOrDefault(v, Map.of())));
        }
        this.fields = Map.copyOf(copy);
    }

    /** The fields the engine itself puts in every deal and person (see DealFacts and PeriodEvaluator). */
    public static DataDictionary standard() {
        return STANDARD;
    }

    /** This dictionary plus one field; a field already declared with another type becomes ANY. */
    public DataDictionary with(String variable, String field, Type type) {
        requireVariable(variable);
        Map<String, Map<String, Type>> next = new LinkedHashMap<>(fields);
        Map<String, Type> own = new TreeMap<>(fields.get(variable));
        own.merge(field, type, Type::and);
        next.put(variable, own);
        return new DataDictionary(next);
    }

    /** This dictionary plus every field of another one. */
    public DataDictionary with(DataDictionary other) {
        DataDictionary result = this;
        for (String v : VARIABLES) {
            for (Map.Entry<String, Type> f : other.fields.get(v).entrySet()) {
                result = result.with(v, f.getKey(), f.getValue());
            }
        }
        return result;
    }

    /**
     * The standard fields plus the attributes of these values, typed by what the values hold: e.g. the
     * attribute maps of a scenario's deals, accounts or people.
     */
    public DataDictionary withAttributesOf(String variable, Collection<Map<String, Object>> values) {
        requireVariable(variable);
        Map<String, Type> found = new TreeMap<>();
        for (Map<String, Object> value : values) {
            value.forEach((k, v) -> found.merge(k, Type.of(v), Type::and));
        }
        DataDictionary result = this;
        for (Map.Entry<String, Type> f : found.entrySet()) {
            if (!fields.get(variable).containsKey(f.getKey())) {
                result = result.with(variable, f.getKey(), f.getValue());
            }
        }
        return result;
    }

    public Map<String, Type> fields(String variable) {
        requireVariable(variable);
        return fields.get(variable);
    }

    public Optional<Type> type(String variable, String field) {
        return Optional.ofNullable(fields.getOrDefault(variable, Map.of()).get(field));
    }

    public Set<String> variables() {
        return fields.keySet();
    }

    private static void requireVariable(String variable) {
        if (!VARIABLES.contains(variable)) {
            throw new IllegalArgumentException("not a condition variable: " + variable + " (one of " + VARIABLES + ")");
        }
    }

    private static Map<String, Type> sorted(Map<String, Type> m) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataDictionary d && d.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
