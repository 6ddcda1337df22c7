package org.attain.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What the engine and the stored results say, in the words of the page's reader: trace step labels,
 * ledger notes, component and plan names instead of ids, amounts to the currency's minor unit and rates
 * as percentages, in the user's language. Templates call it as {@code @words}; the statement PDF too.
 * Texts the engine writes in English without a message code (older results, the ledger's notes) are
 * looked up by their English text, so results stored before a text got a code are translated as well.
 */
@Component("words")
public class BusinessWords {

    static final String STEP = "words.step.";
    static final String NOTE = "words.ledger.note.";
    static final String COMPONENT = "words.component.";

    /** Ledger notes with an amount at the end, as {@code PayoutLedger} writes them. */
    private static final Map<Pattern, String> NOTES_WITH_AMOUNT = Map.of(
            Pattern.compile("recoverable draw tops up to (-?[0-9.]+)"), "drawTopUp",
            Pattern.compile("non-recoverable minimum (-?[0-9.]+)"), "minimum");

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern WITH_CURRENCY = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?) ([A-Z]{3})");
    private static final Pattern BOUNDS = Pattern.compile("\\[(-?[0-9.]+), (-?[0-9.]+|∞)\\)(?: @ .*)?");

    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final RuleWords rules;

    BusinessWords(MessageSource messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.rules = new RuleWords(messages);
    }

    /** Words without a database (plan names then stay their keys): for rendering tests and tools. */
    public static BusinessWords withoutPlans(MessageSource messages) {
        return new BusinessWords(messages, null);
    }

    /** A plan rule (a CEL condition) in words beside the expression: "deal type is new_logo and term months ≥ 24". */
    public String rule(String expression) {
        return rules.inWords(expression, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** A trace step's label ("to date", "paid before", "slice") in the reader's language. */
    public String step(String label) {
        return step(label, locale());
    }

    public String step(String label, Locale locale) {
        if (label == null) {
            return "";
        }
        return messages.getMessage(STEP + label.strip().replace(' ', '_'), null, label, locale);
    }

    /** A trace step's detail: its message when it has a code, otherwise its (English) detail. */
    public String detail(JsonNode step) {
        return detail(step, locale());
    }

    public String detail(JsonNode step, Locale locale) {
        String detail = step.path("detail").asString("");
        if (!step.hasNonNull("code")) {
            return detail;
        }
        String code = step.get("code").asString();
        String kinds = ARG_KINDS.getOrDefault(code, "");
        List<String> args = new ArrayList<>();
        step.path("args").forEach(a -> args.add(a.asString("")));
        for (int i = 0; i < args.size() && i < kinds.length(); i++) {
            args.set(i, arg(kinds.charAt(i), args.get(i), locale));
        }
        return messages.getMessage(code, args.toArray(), detail, locale);
    }

    /**
     * How to show each argument of a step's message, by position: m an amount (two decimals, grouped),
     * x a number with all its decimals (grouped), p a share as a percentage with one decimal, r a rate
     * as a percentage, e a rule (its words, then the expression), k a measure's name, c a component's name, - as it is.
     */
    private static final Map<String, String> ARG_KINDS = Map.ofEntries(
            Map.entry("trace.words.measure", "km-"),
            Map.entry("trace.words.rate", "mrm"),
            Map.entry("trace.words.tieredToDate", "-mm"),
            Map.entry("trace.words.quota", "m"),
            Map.entry("trace.words.attainment", "mmp"),
            Map.entry("trace.words.tierSlab", "-mmr"),
            Map.entry("trace.words.tierMarginal", "-mmr"),
            Map.entry("trace.words.tierSlabOnAttainment", "-ppr"),
            Map.entry("trace.words.tierMarginalOnAttainment", "-ppr"),
            Map.entry("trace.words.sumOfSlices", "m"),
            Map.entry("trace.words.trueUp", "mmm"),
            Map.entry("trace.words.bonusMet", "em"),
            Map.entry("trace.words.bonusNotMet", "em"),
            Map.entry("trace.words.dealsQualify", "e"),
            Map.entry("trace.words.perDeal", "-mm"),
            Map.entry("trace.words.gateMet", "e"),
            Map.entry("trace.words.gateNotMet", "ep"),
            Map.entry("trace.words.capPerDeal", "-mm"),
            Map.entry("trace.words.cap", "mm"),
            Map.entry("trace.words.floor", "mm"),
            Map.entry("trace.words.rounding", "xm"),
            Map.entry("trace.words.amount", "m"),
            Map.entry("trace.payfreq.toDate", "---m"),
            Map.entry("trace.payfreq.quota", "-m"),
            Map.entry("trace.payfreq.attainment", "mmp"),
            Map.entry("trace.payfreq.earned", "-m"),
            Map.entry("trace.payfreq.paidBefore", "--m"),
            Map.entry("trace.payfreq.pay", "mmm"),
            Map.entry("trace.ote.bonusMet", "er"),
            Map.entry("trace.ote.bonusNotMet", "er"),
            Map.entry("trace.ratetable.row", "-r-mm"),
            Map.entry("trace.words.attainmentShare", "p"),
            Map.entry("trace.pod.credited", "-mmp"),
            Map.entry("trace.pod.creditedNoQuota", "-m"),
            Map.entry("trace.pod.proration", "m---m"),
            Map.entry("trace.pod.prorationDeals", "m---m"),
            Map.entry("trace.curve.below", "mm"),
            Map.entry("trace.curve.belowOnAttainment", "pp"),
            Map.entry("trace.curve.above", "mm"),
            Map.entry("trace.curve.aboveOnAttainment", "pm"),
            Map.entry("trace.curve.between", "mmmmm"),
            Map.entry("trace.curve.betweenOnAttainment", "pmpmm"),
            Map.entry("trace.clawback.takenBack", "-----mr"),
            Map.entry("trace.ppa.issued", "--m"),
            Map.entry("trace.ppa.recomputed", "--m"),
            Map.entry("trace.ppa.changed", "cmm"),
            Map.entry("trace.ppa.posted", "m-"));

    private String arg(char kind, String value, Locale locale) {
        BigDecimal v = decimal(value);
        if (kind == 'e') {
            return rules.inWords(value, locale);
        }
        if (kind == 'k') {
            return measure(value, locale);
        }
        if (kind == 'c') {
            return component(value, locale);
        }
        if (v == null) {
            return NOT_AVAILABLE.equals(value) ? messages.getMessage("words.notAvailable", null, value, locale) : value;
        }
        return switch (kind) {
            case 'm' -> number(v, locale);
            case 'x' -> exact(v, locale);
            case 'p' -> percent(v, 1, locale);
            case 'r' -> rate(v, locale);
            case 'k' -> value;
            default -> value;
        };
    }

    /** What the engine writes for an attainment without a quota. */
    private static final String NOT_AVAILABLE = "n/a (no quota)";

    private static String exact(BigDecimal v, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(Math.min(2, Math.max(v.scale(), 0)));
        f.setMaximumFractionDigits(Math.max(v.stripTrailingZeros().scale(), 2));
        return f.format(v);
    }

    private static String percent(BigDecimal v, int decimals, Locale locale) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    /**
     * A share (0.9525) as a percentage with one decimal, rounded half-up as people round ("95.3%", "95,3 %"):
     * the same rounding as the charts' labels, so a chart's table view shows the numbers its chart draws.
     */
    public String share(Object value) {
        return share(value, locale());
    }

    public String share(Object value, Locale locale) {
        BigDecimal v = decimal(value);
        return v == null ? value == null ? "" : value.toString() : percent(v, 1, locale);
    }

    /** A number with exactly this many decimals, rounded half-up, grouped the reader's way ("95.3", "1.234,5"). */
    public String decimals(Object value, int digits) {
        BigDecimal v = decimal(value);
        if (v == null) {
            return value == null ? "" : value.toString();
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(v.setScale(digits, RoundingMode.HALF_UP));
    }

    /** A share (0.9525) as a percentage number with one decimal, rounded half-up (95.3): what charts are given. */
    public static BigDecimal percentOf(BigDecimal share) {
        return share == null ? null : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    /** A ledger entry's note ("sum of earnings lines") in the reader's language. */
    public String ledgerNote(String note) {
        return ledgerNote(note, locale());
    }

    public String ledgerNote(String note, Locale locale) {
        if (note == null || note.isBlank()) {
            return "";
        }
        for (Map.Entry<Pattern, String> p : NOTES_WITH_AMOUNT.entrySet()) {
            Matcher m = p.getKey().matcher(note);
            if (m.matches()) {
                return messages.getMessage(
                        NOTE + p.getValue(), new Object[] {number(m.group(1), locale)}, note, locale);
            }
        }
        return messages.getMessage(NOTE + note.strip().replace(' ', '_'), null, note, locale);
    }

    /** Reasons the engine gives in English (excluded transactions), by their shape, with what varies as arguments. */
    private static final List<Map.Entry<Pattern, String>> REASONS = List.of(
            Map.entry(Pattern.compile("transaction id appears more than once; the first is used"), "duplicate"),
            Map.entry(Pattern.compile("no owner and no splits: nobody to credit"), "nobody"),
            Map.entry(Pattern.compile("unknown payee '(.*)' in splits"), "unknownSplitPayee"),
            Map.entry(Pattern.compile("unknown payee '(.*)'"), "unknownPayee"),
            Map.entry(Pattern.compile("split shares add up to (.*), not 1\\.00"), "splitShares"),
            Map.entry(Pattern.compile("claimed by territories (.*) of equal precedence (.*) on (.*)"), "territoryTie"),
            Map.entry(Pattern.compile("no territory claims it on (.*): nobody to credit"), "noTerritory"),
            Map.entry(Pattern.compile("no FX rate (.*)->(.*) on (.*)"), "noFxRate"));

    /** An engine's reason (why a transaction was excluded) in the reader's language; unknown shapes as written. */
    public String reason(String reason) {
        return reason(reason, locale());
    }

    public String reason(String reason, Locale locale) {
        if (reason == null) {
            return "";
        }
        for (Map.Entry<Pattern, String> r : REASONS) {
            Matcher m = r.getKey().matcher(reason.strip());
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1).replace(" and ", " & ");
                }
                return messages.getMessage("words.reason." + r.getValue(), args, reason, locale);
            }
        }
        return reason;
    }

    /** A component's name: its message when there is one, else its id made readable ("new_logo_spiff" → "New logo spiff"). */
    public String component(String id) {
        return component(id, locale());
    }

    public String component(String id, Locale locale) {
        if (id == null || id.isBlank()) {
            return "";
        }
        return messages.getMessage(COMPONENT + id, null, readable(id), locale);
    }

    /** A plan's name (its latest version's) for its key; the key when no plan has it. */
    public String plan(String key) {
        if (key == null || key.isBlank() || jdbc == null) {
            return key == null ? "" : key;
        }
        return jdbc.sql("select name from plan_version_v where plan_key = :k order by version desc limit 1")
                .param("k", key)
                .query(String.class)
                .optional()
                .filter(n -> !n.isBlank())
                .orElse(key);
    }

    /** An amount to its currency's minor unit, grouped the reader's way ("130,000.00", "130.000,00"). */
    public String money(Object amount, String currency) {
        return money(amount, currency, locale());
    }

    public String money(Object amount, String currency, Locale locale) {
        BigDecimal v = decimal(amount);
        if (v == null) {
            return amount == null ? "" : amount.toString();
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        int digits = minorUnit(currency);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(v.setScale(digits, RoundingMode.HALF_UP));
    }

    /** A plain number to two decimals the reader's way; text that is no number is returned as it is. */
    public String number(Object value) {
        return number(value, locale());
    }

    public String number(Object value, Locale locale) {
        if (value instanceof String text) {
            Matcher m = WITH_CURRENCY.matcher(text.strip());
            if (m.matches()) {
                return money(m.group(1), m.group(2), locale) + " " + m.group(2);
            }
        }
        return money(value, null, locale);
    }

    /** A tier's bounds as the engine writes them ("[0.50, 1.00) @ 0.08"): "0.50 – 1.00", numbers the reader's way. */
    public String tierBounds(String bounds) {
        return tierBounds(bounds, locale());
    }

    public String tierBounds(String bounds, Locale locale) {
        Matcher m = BOUNDS.matcher(bounds == null ? "" : bounds.strip());
        if (!m.matches()) {
            return bounds == null ? "" : bounds;
        }
        String to = "∞".equals(m.group(2)) ? "∞" : number(m.group(2), locale);
        return number(m.group(1), locale) + " – " + to;
    }

    /** A measure's name ("bookings" in the reader's language); its id made readable when it has no message. */
    public String measure(String id) {
        return measure(id, locale());
    }

    public String measure(String id, Locale locale) {
        if (id == null || id.isBlank()) {
            return "";
        }
        return messages.getMessage("words.measure." + id, null, readable(id).toLowerCase(locale), locale);
    }

    /** A rate or share (0.04) as a percentage ("4%", "4 %"), with up to two decimals. */
    public String rate(Object value) {
        return rate(value, locale());
    }

    public String rate(Object value, Locale locale) {
        BigDecimal v = decimal(value);
        if (v == null) {
            return value == null ? "" : value.toString();
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(2);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    static String readable(String id) {
        String words = id.replace('_', ' ').replace('-', ' ').strip();
        return words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static int minorUnit(String currency) {
        if (currency == null || currency.isBlank()) {
            return 2;
        }
        try {
            int d = Currency.getInstance(currency.strip()).getDefaultFractionDigits();
            return d < 0 ? 2 : d;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof JsonNode j) {
            return decimal(j.isNumber() ? j.decimalValue() : j.asString(""));
        }
        if (value instanceof String s && NUMBER.matcher(s.strip()).matches()) {
            return new BigDecimal(s.strip());
        }
        return null;
    }
}
