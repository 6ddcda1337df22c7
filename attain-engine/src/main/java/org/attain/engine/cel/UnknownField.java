package org.attain.engine.cel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.yaml.EditDistance;

/**
 * A field a condition reads that the data does not have, with the closest known one: a typo such as
 * {@code deal.typ} would otherwise make a rule that is never true and quietly pays nothing. Closest is,
 * in turn: within two edits, a longer name of the same variable ({@code person.region} for
 * {@code region_id}), the same name on another variable.
 */
final class UnknownField {

    private UnknownField() {}

    /** The error for one read, or empty when the field is known (or its variable's fields are not checked). */
    static Optional<ExpressionError> check(DataDictionary dictionary, FieldReads.Read read, Set<String> measureIds) {
        Map<String, ?> known = known(dictionary, read.variable(), measureIds);
        if (known == null || known.containsKey(read.field())) {
            return Optional.empty();
        }
        String variable = read.variable();
        String field = read.field();
        Optional<String> suggestion = EditDistance.closest(field, known.keySet(), maxDistance(field))
                .or(() -> known.keySet().stream()
                        .filter(f -> f.startsWith(field + "_"))
                        .findFirst())
                .map(f -> variable + "." + f)
                .or(() -> elsewhere(dictionary, variable, field));
        if (suggestion.isPresent()) {
            return Optional.of(new ExpressionError(
                    1,
                    1,
                    "unknown field '" + field + "' of " + variable + " (did you mean " + suggestion.get() + "?)",
                    "plan.cel.unknownField.didYouMean",
                    List.of(variable, field, suggestion.get())));
        }
        if (known.isEmpty()) {
            return Optional.of(new ExpressionError(
                    1,
                    1,
                    "unknown field '" + field + "' of " + variable + " (" + variable + " has no fields in this data)",
                    "plan.cel.unknownField.none",
                    List.of(variable, field)));
        }
        String list = String.join(", ", known.keySet());
        return Optional.of(new ExpressionError(
                1,
                1,
                "unknown field '" + field + "' of " + variable + " (known: " + list + ")",
                "plan.cel.unknownField.known",
                List.of(variable, field, list)));
    }

    private static Map<String, ?> known(DataDictionary dictionary, String variable, Set<String> measureIds) {
        return switch (variable) {
            case "period" -> DataDictionary.PERIOD_FIELDS;
            case "measure" ->
                measureIds == null
                        ? null
                        : measureIds.stream()
                                .sorted()
                                .collect(java.util.stream.Collectors.toMap(
                                        m -> m, m -> m, (a, b) -> a, java.util.TreeMap::new));
            default -> dictionary.variables().contains(variable) ? dictionary.fields(variable) : null;
        };
    }

    /** Short names tolerate one edit, longer ones two: "id" must not suggest "kind". */
    private static int maxDistance(String field) {
        return field.length() <= 3 ? 1 : 2;
    }

    /** The same field on another variable: {@code deal.region} when only {@code account.region} exists. */
    private static Optional<String> elsewhere(DataDictionary dictionary, String variable, String field) {
        if (!DataDictionary.VARIABLES.contains(variable)) {
            return Optional.empty();
        }
        return DataDictionary.VARIABLES.stream()
                .filter(v -> !v.equals(variable) && dictionary.fields(v).containsKey(field))
                .findFirst()
                .map(v -> v + "." + field);
    }
}
