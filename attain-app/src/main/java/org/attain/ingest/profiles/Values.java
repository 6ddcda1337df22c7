package org.attain.ingest.profiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Turns cell text into dates and numbers the way a profile says the file writes them. */
public final class Values {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Values() {}

    /** The date in the profile's pattern; ISO yyyy-MM-dd is accepted too because it cannot be misread. */
    public static LocalDate date(String text, DateTimeFormatter pattern) {
        String s = text.trim();
        try {
            return LocalDate.parse(s, pattern);
        } catch (DateTimeParseException first) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException second) {
                return null;
            }
        }
    }

    /**
     * The number in the file's style, or null when it is not one. Grouping must come in threes, so a
     * "1234.56" in a German file is refused instead of silently becoming 123456.
     */
    public static BigDecimal number(String text, NumberStyle style) {
        String s = text.trim().replace("\u00a0", "").replace(" ", "").replace("'", "");
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        s = stripCurrencySymbol(s);
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1);
        }
        if (style != NumberStyle.PLAIN) {
            s = ungroup(s, style);
            if (s == null) {
                return null;
            }
        }
        if (!PLAIN_NUMBER.matcher(s).matches()) {
            return null;
        }
        BigDecimal n = new BigDecimal(s);
        return negative ? n.negate() : n;
    }

    private static String ungroup(String s, NumberStyle style) {
        int decimalAt = s.indexOf(style.decimal);
        if (decimalAt != s.lastIndexOf(style.decimal)) {
            return null;
        }
        String whole = decimalAt < 0 ? s : s.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : s.substring(decimalAt + 1);
        if (whole.indexOf(style.grouping) >= 0) {
            String[] groups = whole.split(Pattern.quote(String.valueOf(style.grouping)), -1);
            for (int i = 1; i < groups.length; i++) {
                if (groups[i].length() != 3) {
                    return null;
                }
            }
            if (groups[0].isEmpty() || groups[0].length() > 3) {
                return null;
            }
            whole = String.join("", groups);
        }
        return fraction.isEmpty() ? whole : whole + "." + fraction;
    }

    private static String stripCurrencySymbol(String s) {
        if (!s.isEmpty() && "$€£".indexOf(s.charAt(0)) >= 0) {
            return s.substring(1);
        }
        if (!s.isEmpty() && "$€£".indexOf(s.charAt(s.length() - 1)) >= 0) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    public static String example(NumberStyle style) {
        return switch (style) {
            case EN -> "1,234.56";
            case DE -> "1.234,56";
            case PLAIN -> "1234.56";
        };
    }
}
