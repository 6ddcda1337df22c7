package org.attain.calc;

import java.math.BigDecimal;
import java.util.List;
import org.attain.engine.calc.Contribution;
import org.attain.engine.calc.TierSlice;

/**
 * Encodes an earnings line's explained deals as one row of {@code earnings_line_deals}: one
 * PostgreSQL array literal per column, element n describing deal n, tier slices flattened with the
 * running end index of each deal's slices (see migration V2026.11.26.60). Numbers are written with
 * {@link BigDecimal#toPlainString()}, so the stored values keep their scale exactly.
 * <p>
 * Not thread-safe: one instance per writer, and the values of a row are valid until the next row.
 */
final class PackedDeals {

    static final String COLUMNS = """
            result_id, line_no, transaction_ids, close_dates, credit_rules, shares, credited, currencies, amounts,
            slice_ends, tiers, tier_bases, tier_rates""";

    private final StringBuilder ids = new StringBuilder(1 << 12);
    private final StringBuilder dates = new StringBuilder(1 << 12);
    private final StringBuilder rules = new StringBuilder(1 << 12);
    private final StringBuilder shares = new StringBuilder(1 << 12);
    private final StringBuilder credited = new StringBuilder(1 << 12);
    private final StringBuilder currencies = new StringBuilder(1 << 12);
    private final StringBuilder amounts = new StringBuilder(1 << 12);
    private final StringBuilder sliceEnds = new StringBuilder(1 << 12);
    private final StringBuilder tiers = new StringBuilder(1 << 12);
    private final StringBuilder bases = new StringBuilder(1 << 12);
    private final StringBuilder rates = new StringBuilder(1 << 12);
    private final StringBuilder[] all = {ids, dates, rules, shares, credited, currencies, amounts, sliceEnds, tiers,
            bases, rates};

    /** The COPY values of one line's row, in the order of {@link #COLUMNS}. */
    Object[] row(long resultId, int lineNo, List<Contribution> contributions) {
        for (StringBuilder b : all) {
            b.setLength(0);
            b.append('{');
        }
        int sliceEnd = 0;
        boolean firstSlice = true;
        for (int n = 0; n < contributions.size(); n++) {
            Contribution c = contributions.get(n);
            if (n > 0) {
                for (int i = 0; i < 8; i++) {
                    all[i].append(',');
                }
            }
            quoted(ids, c.transaction().value());
            dates.append(c.date());
            quoted(rules, c.rule());
            number(shares, c.share());
            number(credited, c.credited() == null ? null : c.credited().amount());
            quoted(currencies, c.credited() == null ? null : c.credited().currency().code());
            number(amounts, c.amount());
            for (TierSlice s : c.slices()) {
                if (!firstSlice) {
                    tiers.append(',');
                    bases.append(',');
                    rates.append(',');
                }
                firstSlice = false;
                tiers.append(s.tier());
                number(bases, s.base());
                number(rates, s.rate());
                sliceEnd++;
            }
            sliceEnds.append(sliceEnd);
        }
        for (StringBuilder b : all) {
            b.append('}');
        }
        return new Object[] {resultId, lineNo, ids, dates, rules, shares, credited, currencies, amounts, sliceEnds,
                tiers, bases, rates};
    }

    private static void number(StringBuilder b, BigDecimal value) {
        if (value == null) {
            b.append("NULL");
        } else {
            b.append(value.toPlainString());
        }
    }

    /** An array element in double quotes, so commas, braces, spaces or the word NULL in a value stay text. */
    private static void quoted(StringBuilder b, String value) {
        if (value == null) {
            b.append("NULL");
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\');
            }
            b.append(ch);
        }
        b.append('"');
    }
}
