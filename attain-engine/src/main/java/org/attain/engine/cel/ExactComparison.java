package org.attain.engine.cel;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code name op number}, e.g. {@code attainment >= 1.00}, evaluated in exact decimals. A gate at 100%
 * must not pass at 99.99999999999999% because a double rounded up; so the common form bypasses CEL.
 */
public record ExactComparison(String text, String name, String operator, BigDecimal value) implements PeriodCondition {

    private static final Pattern FORM =
            Pattern.compile("\\s*([a-z_][a-z0-9_]*)\\s*(>=|<=|==|!=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    static Optional<ExactComparison> tryParse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ExactComparison(text, m.group(1), m.group(2), new BigDecimal(m.group(3))));
    }

    @Override
    public boolean test(PeriodFacts facts) {
        BigDecimal actual = facts.exact(name);
        if (actual == null) {
            return false;
        }
        int c = actual.compareTo(value);
        return switch (operator) {
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
    }
}
