package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.attain.fx.Conversion;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.fx.ReportingCurrency;
import org.junit.jupiter.api.Test;

/**
 * A report's money columns in the reporting currency, checked by hand: each row at its period's rate (its own period
 * column, else the report's), rounded half-even to the cent, the local columns untouched, and a currency without a
 * rate named with its period instead of converted.
 */
class ConvertedReportsTest {

    // GBP->USD 1.2705 until March, 1.25 from April; EUR->USD 1.1; no rate for CHF.
    static final RateTable RATES = new RateTable(List.of(
            rate("GBP", "USD", "2026-01-01", "1.2705"),
            rate("GBP", "USD", "2026-04-01", "1.25"),
            rate("EUR", "USD", "2026-01-01", "1.1")));

    static final Map<String, LocalDate> LAST_DAY =
            Map.of("2026-Q1", LocalDate.parse("2026-03-31"), "2026-Q2", LocalDate.parse("2026-06-30"));

    @Test
    void eachMoneyColumnGainsItsConvertedTwinAtTheReportsPeriodRate() {
        Table t = new Table(
                ReportKind.TEAM_TARGETS,
                "all",
                List.of(
                        Table.text("team"),
                        Table.text("currency"),
                        Table.money("quota"),
                        Table.money("bookings"),
                        Table.percent("attainment")),
                List.of(
                        row("North", "EUR", "1234.55", "1000.05", "0.81"),
                        row("South", "USD", "500.00", "250.00", "0.5"),
                        row("West", "CHF", "900.00", "100.00", "0.11")));

        ConvertedReports.Converted c = ConvertedReports.convert(
                t, "2026-Q2", new Conversion(new ReportingCurrency.Converter(RATES, "USD")), LAST_DAY::get);

        assertThat(c.table().columns().stream().map(Table.Column::key))
                .containsExactly(
                        "team",
                        "currency",
                        "quota",
                        "bookings",
                        "attainment",
                        "reportingCurrency",
                        "quotaConverted",
                        "bookingsConverted");
        // 1234.55 x 1.1 = 1358.005 -> 1358.00 (half to the even 0; half-up would say 1358.01);
        // 1000.05 x 1.1 = 1100.055 -> 1100.06 (half to the even 6).
        assertThat(c.table().rows().get(0))
                .containsExactly(
                        "North",
                        "EUR",
                        new BigDecimal("1234.55"),
                        new BigDecimal("1000.05"),
                        new BigDecimal("0.81"),
                        "USD",
                        new BigDecimal("1358.00"),
                        new BigDecimal("1100.06"));
        assertThat(c.table().rows().get(1).subList(5, 8))
                .containsExactly("USD", new BigDecimal("500.00"), new BigDecimal("250.00"));
        assertThat(c.table().rows().get(2).subList(5, 8)).containsExactly("USD", null, null);
        assertThat(c.missingRates())
                .containsExactly(new Conversion.MissingRate("CHF", "2026-Q2", LocalDate.parse("2026-06-30")));
        assertThat(Conversion.describe(c.missingRates())).isEqualTo("CHF 2026-Q2");
    }

    @Test
    void aRowWithItsOwnPeriodIsConvertedAtThatPeriodsRate() {
        Table t = new Table(
                ReportKind.COMMISSION_COST,
                "all",
                List.of(
                        Table.text("period"),
                        Table.text("team"),
                        Table.text("component"),
                        Table.text("currency"),
                        Table.money("amount")),
                List.of(
                        row("2026-Q1", "North", "base", "GBP", "1000.06"),
                        row("2026-Q2", "North", "base", "GBP", "1000.06")));

        ConvertedReports.Converted c = ConvertedReports.convert(
                t, "2026", new Conversion(new ReportingCurrency.Converter(RATES, "USD")), LAST_DAY::get);

        // Q1 at 1.2705: 1270.576230 -> 1270.58; Q2 at April's 1.25: 1250.075 -> 1250.08 (half to the even 8).
        assertThat(c.table().rows().get(0).get(6)).isEqualTo(new BigDecimal("1270.58"));
        assertThat(c.table().rows().get(1).get(6)).isEqualTo(new BigDecimal("1250.08"));
        assertThat(c.missingRates()).isEmpty();
    }

    @Test
    void aReportWithoutMoneyStaysAsItIs() {
        Table t = new Table(
                ReportKind.ATTAINMENT_DISTRIBUTION,
                "all",
                List.of(Table.text("bucket"), Table.count("payees")),
                List.of(List.of("< 50 %", 3L)));
        assertThat(ConvertedReports.convert(
                                t,
                                "2026-Q2",
                                new Conversion(new ReportingCurrency.Converter(RATES, "USD")),
                                LAST_DAY::get)
                        .table())
                .isSameAs(t);
    }

    private static List<Object> row(Object... values) {
        return Arrays.stream(values)
                .map(v -> v instanceof String s && s.matches("-?[0-9]+\\.[0-9]+") ? new BigDecimal(s) : v)
                .toList();
    }

    static FxRates.Rate rate(String from, String to, String day, String rate) {
        return new FxRates.Rate(from, to, LocalDate.parse(day), new BigDecimal(rate));
    }
}
