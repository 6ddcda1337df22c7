package org.attain.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * Numbers as people type them on a page: read in the page's language, exactly, and never guessed.
 * English "50,000.50" and German "50.000,50" are fifty thousand and fifty cents; plain "50000.50"
 * (no grouping) is read the same in both, and spaces may group thousands too. Grouping must come in
 * threes after a first group of one to three digits, so "1.2.3" and "50,00" are refused, not read
 * as 123 or 5000. One overlap is decided for the language: German "50.000" is fifty thousand.
 * A number not readable this way is refused; {@link #amount} also refuses more than two decimals,
 * so German "50,000" (fifty with three decimals) and English "50.000" cannot pass for 50.
 *
 * <p>{@code java.text.DecimalFormat} is not used for reading because it skips grouping separators
 * wherever they stand ("1.2.3" is 123 in German) and stops quietly at the first foreign character.
 * JSON in the API stays plain decimal strings and does not come through here.
 */
public final class LocaleNumbers {

    /** Beyond numeric(19,4): no amount we store is this large. */
    public static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000000");

    public static final int MONEY_DECIMALS = 2;
    // A hundred characters is more than any real number and keeps BigDecimal's parsing cheap.
    private static final int MAX_LENGTH = 100;
    private static final String SPACES = " \u00a0\u202f";

    private LocaleNumbers() {}

    /** The number the text writes in this locale, with the decimals typed as its scale; empty when it writes none. */
    public static Optional<BigDecimal> parse(String text, Locale locale) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        boolean negative = isMinus(s.charAt(0), symbols);
        if (negative || s.charAt(0) == '+') {
            s = s.substring(1);
        }
        String digits = localReading(s, symbols.getDecimalSeparator(), symbols.getGroupingSeparator());
        if (digits == null) {
            digits = plainReading(s);
        }
        if (digits == null) {
            return Optional.empty();
        }
        BigDecimal n = new BigDecimal(digits);
        return Optional.of(negative ? n.negate() : n);
    }

    /**
     * A money amount typed into a field: null when the field is blank (the caller decides whether
     * it is required), otherwise the exact amount. Refused, naming the field: text that is no
     * number in this locale, more than two decimals, and amounts beyond what is stored.
     */
    public static BigDecimal amount(String field, String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal n = parse(text, locale)
                .orElseThrow(() -> new InvalidInputException(new FieldProblem(
                        field, "number.unreadable", "is not a number; write it like 50000.50 or " + example(locale))));
        if (n.scale() > MONEY_DECIMALS) {
            throw new InvalidInputException(new FieldProblem(field, "number.decimals", "has more than 2 decimals"));
        }
        if (n.abs().compareTo(TOO_LARGE) >= 0) {
            throw new InvalidInputException(new FieldProblem(field, "number.tooLarge", "is too large"));
        }
        return n;
    }

    /**
     * An amount for an input field in this locale, grouped, with every decimal it has (at least two
     * when it has any), so saving the form unchanged reads back exactly the same amount.
     */
    public static String format(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        BigDecimal exact = amount.stripTrailingZeros();
        int decimals = Math.max(exact.scale(), 0);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setMinimumFractionDigits(decimals == 0 ? 0 : Math.max(decimals, MONEY_DECIMALS));
        format.setMaximumFractionDigits(Math.max(decimals, MONEY_DECIMALS));
        return format.format(exact);
    }

    private static String example(Locale locale) {
        return format(new BigDecimal("50000.50"), locale);
    }

    private static boolean isMinus(char c, DecimalFormatSymbols symbols) {
        return c == '-' || c == '\u2212' || c == symbols.getMinusSign();
    }

    /** Digits and an optional '.' as BigDecimal reads them, or null when the text is not written this locale's way. */
    private static String localReading(String s, char decimal, char grouping) {
        int at = s.indexOf(decimal);
        if (at != s.lastIndexOf(decimal)) {
            return null;
        }
        String whole = at < 0 ? s : s.substring(0, at);
        String fraction = at < 0 ? "" : s.substring(at + 1);
        if (at >= 0 && !allDigits(fraction)) {
            return null;
        }
        whole = ungrouped(whole, grouping);
        return whole == null ? null : at < 0 ? whole : whole + "." + fraction;
    }

    /** The whole part without its separators: one kind of separator, a first group of 1-3 digits, then groups of 3. */
    private static String ungrouped(String whole, char grouping) {
        char separator = 0;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == grouping || SPACES.indexOf(c) >= 0) {
                separator = c;
                break;
            }
        }
        if (separator == 0) {
            return allDigits(whole) ? whole : null;
        }
        String[] groups = whole.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3 || !allDigits(groups[0])) {
            return null;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3 || !allDigits(groups[i])) {
                return null;
            }
        }
        return String.join("", groups);
    }

    /** "50000.5" read the same in every locale; only reached when the locale's own reading failed. */
    private static String plainReading(String s) {
        int at = s.indexOf('.');
        if (at < 0 || at != s.lastIndexOf('.')) {
            return null;
        }
        String whole = s.substring(0, at);
        String fraction = s.substring(at + 1);
        return allDigits(whole) && allDigits(fraction) ? s : null;
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
