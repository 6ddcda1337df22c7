package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.fx.ReportingCurrency;
import org.junit.jupiter.api.Test;

/**
 * The finance summary in the reporting currency, checked by hand: each local amount converted at its quarter's rate
 * (the rate in force on the quarter's last day), rounded half-even to the cent, and totals that add only converted
 * amounts; an amount no rate converts is left out and named.
 */
class ReportingCurrencyTest {

    // EUR->USD 1.0842 all year; GBP->USD 1.2705 until March, 1.25 from April; USD->AUD 1.5 (so AUD->USD is its
    // inverse, 1/1.5); EUR->JPY 161.5. No rate for CHF.
    static final RateTable RATES = new RateTable(List.of(
            rate("EUR", "USD", "2026-01-01", "1.0842"),
            rate("GBP", "USD", "2026-01-01", "1.2705"),
            rate("GBP", "USD", "2026-04-01", "1.25"),
            rate("USD", "AUD", "2026-01-01", "1.5"),
            rate("EUR", "JPY", "2026-01-01", "161.5")));

    static final Map<String, LocalDate> LAST_DAY =
            Map.of("2026-Q1", LocalDate.parse("2026-03-31"), "2026-Q2", LocalDate.parse("2026-06-30"));

    @Test
    void eachAmountIsConvertedAtItsQuartersRateAndRoundedHalfEvenToTheCent() {
        FinanceSummary.Summary s = summary();

        assertThat(s.currency()).isEqualTo("USD");
        assertThat(s.minorUnit()).isEqualTo(2);
        // Q1 EUR: 1234.5678 x 1.0842 = 1338.51840876 -> 1338.52; approved 1000.00 x 1.0842 = 1084.20;
        // open = 1338.52 - 1084.20 = 254.32.
        // Q1 USD: 500.00 stays 500.00, all approved.
        // Q1 AUD: 300.00 x (1 / 1.5) = 200.00, nothing approved, so 200.00 open.
        // Q1 CHF: no rate, left out.
        assertThat(s.accruedConverted())
                .containsExactly(
                        new BigDecimal("1338.52"),
                        new BigDecimal("500.00"),
                        new BigDecimal("200.00"),
                        null,
                        q2Accrued());
        FinanceSummary.QuarterLine q1 = s.quarters().get(0);
        assertThat(q1.period()).isEqualTo("2026-Q1");
        assertThat(q1.rateDay()).isEqualTo(LocalDate.parse("2026-03-31"));
        // 1338.52 + 500.00 + 200.00 = 2038.52 accrued; 1084.20 + 500.00 + 0.00 = 1584.20 approved;
        // 254.32 + 0.00 + 200.00 = 454.32 open.
        assertThat(q1.accrued()).isEqualByComparingTo("2038.52");
        assertThat(q1.approved()).isEqualByComparingTo("1584.20");
        assertThat(q1.open()).isEqualByComparingTo("454.32");
        // Q2 GBP at April's 1.25, not January's 1.2705: 1000.06 x 1.25 = 1250.075 -> 1250.08 (half to the even 8);
        // 1000.02 x 1.25 = 1250.025 -> 1250.02 (half to the even 2; half-up would say 1250.03); open 0.06.
        FinanceSummary.QuarterLine q2 = s.quarters().get(1);
        assertThat(q2.accrued()).isEqualByComparingTo("1250.08");
        assertThat(q2.approved()).isEqualByComparingTo("1250.02");
        assertThat(q2.open()).isEqualByComparingTo("0.06");
        // The year adds converted amounts only: 2038.52 + 1250.08 = 3288.60; 1584.20 + 1250.02 = 2834.22.
        assertThat(s.year().accrued()).isEqualByComparingTo("3288.60");
        assertThat(s.year().approved()).isEqualByComparingTo("2834.22");
        assertThat(s.year().open()).isEqualByComparingTo("454.38");
        assertThat(s.unconverted()).containsExactly("CHF");
    }

    @Test
    void costOfSalesAddsATeamsCurrenciesOnlyOnceConverted() {
        FinanceSummary.Summary s = summary();
        // Team A in Q1: EUR commissions 1338.52 (as above) + USD 500.00 = 1838.52; bookings EUR 10,000.00 x 1.0842 =
        // 10,842.00 + USD 5,000.00 = 15,842.00; 1838.52 / 15842 = 0.11605353.. -> 0.116054.
        assertThat(s.teams()).hasSize(1);
        FinanceSummary.TeamLine a = s.teams().get(0);
        assertThat(a.commissions()).isEqualByComparingTo("1838.52");
        assertThat(a.bookings()).isEqualByComparingTo("15842.00");
        assertThat(a.costOfSales()).isEqualByComparingTo("0.116054");
        assertThat(s.costOfSalesConverted()).containsExactly(new BigDecimal("1338.52"), new BigDecimal("500.00"));
        // Commission cost per component on one axis: Q1 1338.52 (EUR), Q2 1250.08 (GBP at 1.25).
        assertThat(s.costByComponent().get("Commission"))
                .containsEntry("2026-Q1", new BigDecimal("1338.52"))
                .containsEntry("2026-Q2", new BigDecimal("1250.08"));
    }

    @Test
    void aCurrencyWithoutMinorUnitsRoundsToWholeUnits() {
        ReportingCurrency.Converter yen = new ReportingCurrency.Converter(RATES, "JPY");
        // 12.34 EUR x 161.5 = 1992.91 -> 1993 yen (JPY has no minor unit).
        assertThat(yen.minorUnit()).isZero();
        assertThat(yen.convert(new BigDecimal("12.34"), "EUR", LocalDate.parse("2026-05-01")))
                .contains(new BigDecimal("1993"));
        assertThat(yen.convert(BigDecimal.TEN, "CHF", LocalDate.parse("2026-05-01")))
                .isEmpty();
    }

    private static BigDecimal q2Accrued() {
        return new BigDecimal("1250.08");
    }

    private static FinanceSummary.Summary summary() {
        Table accrued = new Table(
                ReportKind.ACCRUED_VS_PAID,
                "all",
                List.of(
                        Table.text("period"),
                        Table.text("currency"),
                        Table.money("accrued"),
                        Table.money("approved"),
                        Table.money("exported"),
                        Table.money("open")),
                List.of(
                        row("2026-Q1", "EUR", "1234.5678", "1000.00", "0", "234.5678"),
                        row("2026-Q1", "USD", "500.00", "500.00", "500.00", "0"),
                        row("2026-Q1", "AUD", "300.00", "0", "0", "300.00"),
                        row("2026-Q1", "CHF", "99.00", "0", "0", "99.00"),
                        row("2026-Q2", "GBP", "1000.06", "1000.02", "0", "0.04")));
        Table costOfSales = new Table(
                ReportKind.COST_OF_SALES,
                "all",
                List.of(
                        Table.text("team"),
                        Table.text("currency"),
                        Table.money("commissions"),
                        Table.money("bookings"),
                        Table.percent("costOfSales")),
                List.of(
                        java.util.Arrays.asList(
                                "A", "EUR", new BigDecimal("1234.5678"), new BigDecimal("10000.00"), null),
                        java.util.Arrays.asList(
                                "A", "USD", new BigDecimal("500.00"), new BigDecimal("5000.00"), null)));
        Table cost = new Table(
                ReportKind.COMMISSION_COST,
                "all",
                List.of(
                        Table.text("period"),
                        Table.text("team"),
                        Table.text("component"),
                        Table.text("currency"),
                        Table.money("amount")),
                List.of(
                        List.of("2026-Q1", "A", "Commission", "EUR", new BigDecimal("1234.5678")),
                        List.of("2026-Q2", "A", "Commission", "GBP", new BigDecimal("1000.06"))));
        return FinanceSummary.summarize(
                new ReportingCurrency.Converter(RATES, "USD"), LAST_DAY::get, cost, accrued, costOfSales, "2026-Q1");
    }

    private static List<Object> row(String period, String currency, String... amounts) {
        List<Object> r = new java.util.ArrayList<>(List.of(period, currency));
        for (String a : amounts) {
            r.add(new BigDecimal(a));
        }
        return r;
    }

    private static FxRates.Rate rate(String from, String to, String day, String rate) {
        return new FxRates.Rate(from, to, LocalDate.parse(day), new BigDecimal(rate));
    }
}
