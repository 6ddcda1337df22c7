package org.attain.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.attain.calendar.Periods;
import org.attain.fx.Conversion;
import org.attain.fx.ReportingCurrency;
import org.springframework.stereotype.Service;

/**
 * A report beside its local amounts in the reporting currency (issue 21.8): each money column gains a column
 * {@code <key>Converted} at the rate of its row's period (a row's own {@code period} column, else the report's period;
 * the rate in force on the period's last day), rounded half-even to the reporting currency's minor unit, after a
 * {@code reportingCurrency} column that names the currency. The local columns stay as they were. A row no rate
 * converts shows no converted amount, and the answer names the currency and period that lack a rate.
 */
@Service
public class ConvertedReports {

    /**
     * @param table the report with the converted columns appended (unchanged when it has no currency or no money)
     * @param currency the reporting currency
     * @param minorUnit its digits after the point
     * @param missingRates which currency lacked a rate for which period
     */
    public record Converted(Table table, String currency, int minorUnit, List<Conversion.MissingRate> missingRates) {}

    private final ReportingCurrency reporting;
    private final Periods periods;

    ConvertedReports(ReportingCurrency reporting, Periods periods) {
        this.reporting = reporting;
        this.periods = periods;
    }

    public Converted convert(Table t, String period) {
        return convert(
                t,
                period,
                reporting.conversion(),
                p -> periods.find(p).map(Periods.PeriodRow::endsOn).orElse(null));
    }

    /** The same with the conversion and the periods' last days given: pure, for tests with rates of their own. */
    static Converted convert(Table t, String period, Conversion fx, Function<String, LocalDate> lastDay) {
        int currencyCol = index(t, "currency");
        int periodCol = index(t, "period");
        List<Integer> money = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).kind() == Table.Kind.MONEY) {
                money.add(i);
            }
        }
        if (currencyCol < 0 || money.isEmpty()) {
            return new Converted(t, fx.currency(), fx.minorUnit(), List.of());
        }
        List<Table.Column> columns = new ArrayList<>(t.columns());
        columns.add(Table.text("reportingCurrency"));
        money.forEach(i -> columns.add(Table.money(t.columns().get(i).key() + "Converted")));
        Map<String, LocalDate> days = new java.util.HashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            String p = periodCol >= 0 ? String.valueOf(r.get(periodCol)) : period;
            LocalDate day = days.computeIfAbsent(p, lastDay);
            String from = (String) r.get(currencyCol);
            List<Object> out = new ArrayList<>(r);
            out.add(fx.currency());
            for (int i : money) {
                out.add(day == null ? null : fx.convert((BigDecimal) r.get(i), from, p, day));
            }
            rows.add(java.util.Collections.unmodifiableList(out));
        }
        return new Converted(
                new Table(t.kind(), t.scope(), List.copyOf(columns), List.copyOf(rows)),
                fx.currency(),
                fx.minorUnit(),
                fx.missing());
    }

    private static int index(Table t, String key) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
