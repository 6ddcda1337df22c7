package org.attain.engine.yaml;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one YAML mapping field by field and reports, with locations, missing fields, bad values and any
 * key that was never asked for (a typo is an error, not a silently ignored line).
 */
public final class MapReader {

    private final YamlNode node;
    private final Problems problems;
    private final Set<String> asked = new HashSet<>();
    private final boolean valid;

    private MapReader(YamlNode node, Problems problems, boolean valid) {
        this.node = node;
        this.problems = problems;
        this.valid = valid;
        Vocabulary.asked(node, asked);
    }

    public static MapReader of(YamlNode node, String what, Problems problems) {
        if (!node.isMapping()) {
            problems.add(node, what + " must be a mapping of key: value");
            return new MapReader(node, problems, false);
        }
        return new MapReader(node, problems, true);
    }

    public YamlNode node() {
        return node;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String key) {
        asked.add(key);
        return valid
                && node.entries().containsKey(key)
                && !node.entries().get(key).isNull();
    }

    public Optional<YamlNode> optional(String key) {
        asked.add(key);
        if (!valid) {
            return Optional.empty();
        }
        YamlNode value = node.entries().get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public Optional<YamlNode> required(String key) {
        Optional<YamlNode> value = optional(key);
        if (value.isEmpty() && valid) {
            problems.add(node, "missing required field '" + key + "'");
        }
        return value;
    }

    public Optional<String> string(String key) {
        return optional(key).flatMap(v -> scalarText(v, key));
    }

    public Optional<String> requiredString(String key) {
        return required(key).flatMap(v -> scalarText(v, key));
    }

    public Optional<BigDecimal> decimal(String key) {
        return optional(key).flatMap(v -> parse(v, key, "a decimal number like \"0.10\"", BigDecimal::new));
    }

    public Optional<BigDecimal> requiredDecimal(String key) {
        return required(key).flatMap(v -> parse(v, key, "a decimal number like \"0.10\"", BigDecimal::new));
    }

    public Optional<Integer> integer(String key) {
        return optional(key).flatMap(v -> parse(v, key, "a whole number", Integer::parseInt));
    }

    public Optional<LocalDate> date(String key) {
        return optional(key).flatMap(v -> parse(v, key, "a date like 2026-02-01", LocalDate::parse));
    }

    public Optional<LocalDate> requiredDate(String key) {
        return required(key).flatMap(v -> parse(v, key, "a date like 2026-02-01", LocalDate::parse));
    }

    public Optional<Boolean> bool(String key) {
        return optional(key)
                .flatMap(v -> parse(v, key, "true or false", s -> {
                    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(s);
                    }
                    throw new IllegalArgumentException(s);
                }));
    }

    /** The items of a sequence field; a single value is accepted as a one-item list. */
    public List<YamlNode> list(String key) {
        Optional<YamlNode> value = optional(key);
        if (value.isEmpty()) {
            return List.of();
        }
        return value.get().isSequence() ? value.get().items() : List.of(value.get());
    }

    public List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        for (YamlNode item : list(key)) {
            scalarText(item, key).ifPresent(result::add);
        }
        return result;
    }

    /** Parses a scalar with {@code parser}, reporting {@code expected} at the value's location on failure. */
    public <T> Optional<T> parse(YamlNode value, String key, String expected, Function<String, T> parser) {
        Vocabulary.expected(key, expected);
        Optional<String> text = scalarText(value, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text.get().trim()));
        } catch (NumberFormatException | DateTimeParseException e) {
            problems.add(value, "'" + key + "' must be " + expected + ", not '" + text.get() + "'");
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage() == null || e.getMessage().equals(text.get())
                    ? "must be " + expected
                    : e.getMessage();
            problems.add(value, "'" + key + "' " + reason);
        }
        return Optional.empty();
    }

    private Optional<String> scalarText(YamlNode value, String key) {
        if (!value.isScalar()) {
            problems.add(value, "'" + key + "' must be a single value");
            return Optional.empty();
        }
        return Optional.of(value.text());
    }

    /** Reports every key that no reader asked for; call once after reading all fields. */
    public void rejectUnknownKeys() {
        if (!valid) {
            return;
        }
        List<String> allowed = asked.stream().sorted().toList();
        for (String key : node.entries().keySet()) {
            if (!asked.contains(key)) {
                Optional<String> best = EditDistance.closest(key, allowed, 2);
                if (best.isPresent()) {
                    problems.add(
                            node.keyLocation(key),
                            "unknown key '" + key + "' (did you mean '" + best.get() + "'?)",
                            "yaml.unknownKey.didYouMean",
                            List.of(key, best.get()));
                } else {
                    String list = String.join(", ", allowed);
                    problems.add(
                            node.keyLocation(key),
                            "unknown key '" + key + "' (allowed: " + list + ")",
                            "yaml.unknownKey.allowed",
                            List.of(key, list));
                }
            }
        }
    }
}
