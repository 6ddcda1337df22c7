package org.attain.territory.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.territory.TerritoryRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a planner typed into a form, kept as text so a refused form shows it again, read into values with the
 * problems of unreadable fields; problems become messages by field in the page's language.
 */
final class FormValues {

    private final Map<String, String> typed;
    private final List<TerritoryRefused.Problem> unreadable = new ArrayList<>();

    FormValues(Map<String, String> typed) {
        this.typed = new LinkedHashMap<>(typed);
        this.typed.remove("_csrf");
    }

    Map<String, String> typed() {
        return typed;
    }

    String text(String field) {
        String v = typed.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    LocalDate date(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            unreadable.add(
                    new TerritoryRefused.Problem(field, "territory.problem.date", List.of(v), v + " is not a date"));
            return null;
        }
    }

    Integer number(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            unreadable.add(new TerritoryRefused.Problem(
                    field, "territory.problem.number", List.of(v), v + " is not a whole number"));
            return null;
        }
    }

    Long id(String field) {
        Integer n = number(field);
        return n == null ? null : n.longValue();
    }

    /** A list typed as "DE, AT; CH" or one per line. */
    List<String> list(String field) {
        String v = text(field);
        return v == null
                ? List.of()
                : Arrays.stream(v.split("[,;\\n]"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** Throws when some field could not be read (before anything is checked against the data). */
    void throwIfUnreadable() {
        if (!unreadable.isEmpty()) {
            throw new TerritoryRefused(unreadable);
        }
    }

    /** Messages by field in the page's language; a level argument is translated too. */
    static Map<String, String> messages(TerritoryRefused refused, MessageSource messages, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TerritoryRefused.Problem p : refused.reasons()) {
            Object[] args = p.args().stream()
                    .map(a -> String.valueOf(a).startsWith("territory.level.")
                            ? messages.getMessage(new DefaultMessageSourceResolvable(String.valueOf(a)), locale)
                            : a)
                    .toArray();
            String text = messages.getMessage(p.code(), args, p.reason(), locale);
            out.merge(p.field(), text, (a, b) -> a + " " + b);
        }
        return out;
    }
}
