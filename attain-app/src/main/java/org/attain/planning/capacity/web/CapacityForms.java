package org.attain.planning.capacity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.attain.planning.capacity.CapacityProblem;
import org.attain.platform.LocaleNumbers;
import org.springframework.context.MessageSource;

/**
 * Reading the capacity page's fields in the page's language; what cannot be read becomes a problem
 * naming the field, collected so one answer lists every field in error.
 */
final class CapacityForms {

    final List<CapacityProblem> problems = new ArrayList<>();
    private final Locale locale;

    CapacityForms(Locale locale) {
        this.locale = locale;
    }

    BigDecimal number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<BigDecimal> n = LocaleNumbers.parse(text, locale);
        if (n.isEmpty()) {
            problems.add(new CapacityProblem(field, "capacity.form.number", "is not a number", text.strip()));
            return null;
        }
        return n.get();
    }

    Integer whole(String field, String text) {
        BigDecimal n = number(field, text);
        if (n == null) {
            return null;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            problems.add(new CapacityProblem(field, "capacity.form.whole", "is not a whole number", text.strip()));
            return null;
        }
    }

    LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new CapacityProblem(field, "capacity.form.date", "is not a date", text.strip()));
            return null;
        }
    }

    static YearMonth month(String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** Ramp percentages as typed: "25 / 50 / 75 / 100" (slashes, semicolons or spaces between; decimals in the page's language). */
    List<BigDecimal> percents(String field, String text) {
        List<BigDecimal> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.strip().split("\\s*[/;]\\s*|\\s+")) {
            String p = part.replace("%", "").strip();
            if (p.isEmpty()) {
                continue;
            }
            BigDecimal n = number(field, p);
            if (n == null) {
                return List.of();
            }
            out.add(n);
        }
        return out;
    }

    /** Each problem in the user's language, naming its field and reason. */
    static List<String> texts(List<CapacityProblem> problems, MessageSource messages, Locale locale) {
        return problems.stream()
                .map(p -> {
                    String text = messages.getMessage(p.code(), p.args(), p.field() + " " + p.reason(), locale);
                    String base = p.field().replaceAll("^.*\\.", "").replaceAll("\\[.*$", "");
                    String label = messages.getMessage("capacity.field." + base, null, null, locale);
                    return label == null ? text : label + ": " + text;
                })
                .toList();
    }
}
