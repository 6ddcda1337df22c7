package org.attain.ingest;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.attain.ingest.files.Cells;

/**
 * The limits a value meets where it enters (files, bulk API, webhooks, connectors), so nothing the
 * database or a calculation cannot hold gets past the door. A check answers null when the value is
 * fine, or a {@link Refusal}: a key of the ingest message bundle with its arguments, whose English
 * text the API returns and the pages show in the user's language.
 */
public final class Bounds {

    /**
     * Amounts are numeric(19,4), below 10^15. A result sums a payee-period's deals and multiplies them by
     * rates, accelerators and FX factors into columns of the same size, so one deal must leave room for about
     * a thousand of its kind: below a trillion it does, and no single deal comes near that in the currencies
     * sales teams book in (in the few with tiny units, IDR, VND, IRR, it is still USD 60 million or less).
     * FX into such a currency can still overflow a result; the calculation must name that payee, not fail.
     */
    public static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000");
    /** The scale of the numeric(19,4) columns: more decimals would be rounded by the database, silently. */
    public static final int AMOUNT_SCALE = 4;
    /** Any id a CRM or ERP keeps in its usual varchar(255) fits; longer text is not an id but a pasted cell. */
    public static final int ID_LENGTH = 255;
    /** A source names a system ("crm", "salesforce-emea"); it is part of every transaction's key. */
    public static final int SOURCE_LENGTH = 100;
    /**
     * Close dates drive periods and pay: nothing a commission system pays on predates 1970, and anything
     * after 2199 is a typo (20266) rather than a contract; both would make periods no plan or quota covers.
     */
    public static final LocalDate FIRST_CLOSE_DATE = LocalDate.of(1970, 1, 1);

    public static final LocalDate LAST_CLOSE_DATE = LocalDate.of(2199, 12, 31);
    /**
     * Other dates (hire dates, reporting lines, FX rates, pipeline): four-digit years, as exports and period
     * ids write them; hire dates of people still employed reach back decades, and 9999-12-31 is the usual
     * "open-ended" of HR exports. Year 1 (an empty date in some exports) or 20266 are typos.
     */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    /**
     * Attributes are read by plan rules and kept in memory for every booked transaction (the calculation's
     * transaction store), so they stay a handful of short fields: CRMs send a few dozen custom fields at most.
     */
    public static final int ATTRIBUTE_COUNT = 100;

    public static final int ATTRIBUTE_KEY_LENGTH = 100;
    public static final int ATTRIBUTE_VALUE_LENGTH = 1000;
    /** Digits a number from JSON may have before or after its point: far beyond any value, far within numeric and jsonb. */
    public static final int PLAIN_DIGITS = 40;

    /**
     * Currencies in circulation: the current currency of every ISO 3166 country. The other ISO 4217 codes
     * Java knows are funds (USN, CHE), metals (XAU), "no currency" and testing (XXX, XTS) or withdrawn (DEM,
     * HRK): no sales team is paid in them, and they would need FX rates no one publishes.
     */
    public static final Set<String> CURRENCIES = circulating();

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
            "i18n.ingest",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /** Why a value is refused: a message key of the ingest bundle and its arguments. */
    public record Refusal(String code, List<String> args) {

        public Refusal(String code, Object... args) {
            this(code, Arrays.stream(args).map(String::valueOf).toList());
        }

        /** The reason in English, as the API and the logs give it. */
        public String english() {
            return new MessageFormat(ENGLISH.getString(code), Locale.ENGLISH).format(args.toArray());
        }
    }

    private Bounds() {}

    /** A transaction or pipeline amount: below {@link #AMOUNT_LIMIT} in size, at most four decimals (trailing zeros aside). */
    public static Refusal amount(BigDecimal amount) {
        if (amount.abs().compareTo(AMOUNT_LIMIT) >= 0) {
            return new Refusal(
                    "ingest.bound.amountSize", Cells.preview(amount.toString()), AMOUNT_LIMIT.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
            return new Refusal("ingest.bound.amountScale", amount.toPlainString(), AMOUNT_SCALE);
        }
        return null;
    }

    /**
     * An external id or code: any printable text, quotes and commas included ({@code =HYPERLINK("x","y"),z} is a
     * valid id and is stored exactly), but no control characters (NUL cannot be stored at all; tabs and line breaks
     * in an id break every export it appears in) and at most {@link #ID_LENGTH} characters.
     */
    public static Refusal id(String id) {
        if (id.length() > ID_LENGTH) {
            return new Refusal("ingest.bound.idLength", id.length(), ID_LENGTH);
        }
        int bad = controlAt(id);
        return bad < 0 ? null : new Refusal("ingest.bound.idControl", codePoint(id, bad));
    }

    /**
     * Any text: no longer than a spreadsheet cell ({@link Cells#MAX_LENGTH}) and nothing PostgreSQL text cannot
     * store (NUL, an unpaired surrogate).
     */
    public static Refusal text(String text) {
        if (text.length() > Cells.MAX_LENGTH) {
            return new Refusal("ingest.bulk.textLength", text.length(), Cells.MAX_LENGTH);
        }
        int bad = Cells.unstorableAt(text);
        return bad < 0 ? null : new Refusal("ingest.bulk.character", codePoint(text, bad));
    }

    /** A value short enough to quote in a message, with what cannot be stored made visible. */
    public static String shown(String value) {
        return Cells.preview(value, 60);
    }

    /** The name of a source system; the same rule as ids, shorter. */
    public static Refusal source(String source) {
        if (source.length() > SOURCE_LENGTH) {
            return new Refusal("ingest.bound.sourceLength", source.length(), SOURCE_LENGTH);
        }
        int bad = controlAt(source);
        return bad < 0 ? null : new Refusal("ingest.bound.sourceControl", codePoint(source, bad));
    }

    public static Refusal closeDate(LocalDate date) {
        return date.isBefore(FIRST_CLOSE_DATE) || date.isAfter(LAST_CLOSE_DATE)
                ? new Refusal("ingest.bound.closeDate", date, FIRST_CLOSE_DATE, LAST_CLOSE_DATE)
                : null;
    }

    public static Refusal date(LocalDate date) {
        return date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)
                ? new Refusal("ingest.bound.date", date, FIRST_DATE, LAST_DATE)
                : null;
    }

    /** @param code upper case */
    public static Refusal currency(String code) {
        if (CURRENCIES.contains(code)) {
            return null;
        }
        boolean known = Currency.getAvailableCurrencies().stream()
                .anyMatch(c -> c.getCurrencyCode().equals(code));
        return new Refusal(
                known ? "ingest.bound.currencyNotInCirculation" : "ingest.bound.currencyUnknown", Cells.preview(code));
    }

    /**
     * Whether a number written out plainly has at most {@link #PLAIN_DIGITS} digits before and after its point:
     * 1e999999999 is a valid JSON number whose plain digits would not fit in memory.
     */
    public static boolean plain(BigDecimal n) {
        return n.precision() - n.scale() <= PLAIN_DIGITS && n.scale() <= PLAIN_DIGITS;
    }

    /** Index of the first control character (C0, DEL, C1) or unpaired surrogate, or -1. */
    public static int controlAt(String s) {
        return firstAt(s, Character::isISOControl);
    }

    /** Index of the first character {@code forbidden} names, or of an unpaired surrogate, or -1. */
    public static int firstAt(String s, java.util.function.IntPredicate forbidden) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (forbidden.test(c)) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A character as U+0009, the way the reasons name it. */
    public static String codePoint(String s, int at) {
        return String.format(Locale.ROOT, "U+%04X", (int) s.charAt(at));
    }

    @SuppressWarnings("deprecation") // Locale.of is Java 19+; the language level is 17
    private static Set<String> circulating() {
        Set<String> codes = new TreeSet<>();
        for (String country : Locale.getISOCountries()) {
            Currency c = Currency.getInstance(new Locale("", country));
            if (c != null) {
                codes.add(c.getCurrencyCode());
            }
        }
        return Set.copyOf(codes);
    }
}
