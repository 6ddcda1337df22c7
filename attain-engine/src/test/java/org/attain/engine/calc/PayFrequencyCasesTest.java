package org.attain.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.attain.engine.model.TransactionId;
import org.attain.engine.scenario.ScenarioReport;
import org.attain.engine.scenario.ScenarioRunner;
import org.attain.engine.testing.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * Golden case 15 and its neighbours: a plan paid more often than it is measured ({@code frequency: month,
 * measurement: quarter}) pays each month the quarter to date minus what the quarter's earlier months earned.
 */
class PayFrequencyCasesTest {

    private static final String QUARTERLY_MONTHLY = """
            currency: USD
            people:
              - {id: ae1, role: AE, start: 2025-01-01}
            quotas:
              - {person: ae1, period: 2026-Q1, amount: "120000.00"}
            plan:
              id: qm
              frequency: month
              measurement: quarter
              components:
                - id: commission
                  kind: tiered
                  tiers_on: attainment
                  tiers:
                    - {from: "0.00", to: "1.00", rate: "0.10"}
                    - {from: "1.00", rate: "0.15"}
            """;

    @Test
    void monthlyPayoutQuarterlyQuota15PaysQuarterToDateMinusEarlierMonthsAndRestartsInApril() {
        ScenarioReport report = new ScenarioRunner()
                .run(Path.of("..", "scenarios", "golden", "15-monthly-payout-quarterly-quota.yaml"));
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.results()).hasSize(12);
    }

    @Test
    void monthlyPayoutQuarterlyQuota15TraceShowsToDateQuotaAttainmentEarnedPaidBeforeAndThisMonth() {
        CalculationResult result = Scenarios.run(QUARTERLY_MONTHLY + """
                periods: [2026-01, 2026-02]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-20, amount: "30000.00", status: won}
                  - {id: D2, owner: ae1, close: 2026-02-10, amount: "100000.00", status: won}
                """);
        PayeePeriodResult feb = result.statement("ae1", "2026-02").orElseThrow();
        EarningsLine line = feb.line("commission").orElseThrow();
        assertThat(line.amount().toPlainString()).isEqualTo("10500.00");
        String trace = line.trace().render("");
        assertThat(trace)
                .contains("to date: 2026-Q1 to date (2026-01 .. 2026-02): 130000.00 USD")
                .contains("quota: quota of 2026-Q1: 120000.00")
                .contains("attainment to date: 130000.00 / 120000.00 = 1.0833")
                .contains("earned to date: 2026-Q1 to date earns 13500.00 USD")
                .contains("paid before: already paid for 2026-01 .. 2026-01: 3000.00 USD")
                .contains("this period: 13500.00 - 3000.00 = 10500.00 USD paid in 2026-02");
        assertThat(line.trace().steps())
                .filteredOn(s -> s.code() != null && s.code().startsWith("trace.payfreq."))
                .extracting(TraceStep::code)
                .containsExactly(
                        "trace.payfreq.toDate",
                        "trace.payfreq.quota",
                        "trace.payfreq.attainment",
                        "trace.payfreq.earned",
                        "trace.payfreq.paidBefore",
                        "trace.payfreq.pay");
        // February's deals: D2 only (D1's 3,000 was January's); its slices straddle the quota.
        assertThat(line.qualifying()).containsExactly(new TransactionId("D2"));
        assertThat(line.trace().contributions().get(0).slices()).hasSize(2);
        // The month's own bookings; quota and attainment are the quarter's to date.
        PlanPeriodResult plan = feb.plans().get(0);
        assertThat(plan.measures().get("bookings").toPlainString()).isEqualTo("100000.00");
        assertThat(plan.quota().toPlainString()).isEqualTo("120000.00");
        EarningsLine jan = result.statement("ae1", "2026-01")
                .orElseThrow()
                .line("commission")
                .orElseThrow();
        assertThat(jan.trace().render("")).contains("paid before: 2026-01 is the first period of 2026-Q1");
    }

    @Test
    void aMeasuredPlanKeepsItsMeasurementInEveryVersion() {
        // A second version in force from February (15 % above quota becomes 20 %): both versions are still measured
        // on the quarter, so February pays the quarter to date by the version in force at its end, minus January.
        String versioned = """
                currency: USD
                people:
                  - {id: ae1, role: AE, start: 2025-01-01}
                quotas:
                  - {person: ae1, period: 2026-Q1, amount: "120000.00"}
                plan:
                  id: qm
                  frequency: month
                  measurement: quarter
                  versions:
                    - version: 1
                      effective_from: 2026-01-01
                      components:
                        - id: commission
                          kind: tiered
                          tiers_on: attainment
                          tiers: [{from: "0.00", to: "1.00", rate: "0.10"}, {from: "1.00", rate: "0.15"}]
                    - version: 2
                      effective_from: 2026-02-01
                      components:
                        - id: commission
                          kind: tiered
                          tiers_on: attainment
                          tiers: [{from: "0.00", to: "1.00", rate: "0.10"}, {from: "1.00", rate: "0.20"}]
                """;
        CalculationResult result = Scenarios.run(versioned + """
                periods: [2026-01, 2026-02]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-20, amount: "30000.00", status: won}
                  - {id: D2, owner: ae1, close: 2026-02-10, amount: "100000.00", status: won}
                """);
        PayeePeriodResult feb = result.statement("ae1", "2026-02").orElseThrow();
        // 12,000 + 10,000 x 20 % = 14,000 to date, January paid 3,000 (at 10 %, below quota)
        assertThat(feb.amountOf("commission").toPlainString()).isEqualTo("11000.00");
        assertThat(feb.quota().orElseThrow().toPlainString()).isEqualTo("120000.00");
    }

    @Test
    void aTrueUpAfterAClosedMonthGoesToTheNextOpenMonth() {
        // January (D1 30,000: pays 3,000) is closed on 02-03; on 02-12 D1 is corrected to 40,000.
        // January stays 3,000. February: quarter to date 140,000 earns 12,000 + 20,000 x 15% = 15,000;
        // its own line is 15,000 - January as known now (4,000) = 11,000, plus a prior-period adjustment
        // of 4,000 - 3,000 = 1,000 for January: 12,000 in all, the quarter to date minus what January paid.
        CalculationResult result = Scenarios.run(QUARTERLY_MONTHLY + """
                periods: [2026-01, 2026-02, 2026-03]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-20, amount: "30000.00", status: won}
                  - {id: D2, owner: ae1, close: 2026-02-10, amount: "100000.00", status: won}
                events:
                  - {kind: close_period, period: 2026-01, on: 2026-02-03}
                  - {kind: correct_transaction, transaction: D1, on: 2026-02-12, amount: "40000.00"}
                """);
        PayeePeriodResult jan = result.statement("ae1", "2026-01").orElseThrow();
        assertThat(jan.payout().toPlainString()).isEqualTo("3000.00");
        PayeePeriodResult feb = result.statement("ae1", "2026-02").orElseThrow();
        assertThat(feb.amountOf("commission").toPlainString()).isEqualTo("11000.00");
        EarningsLine adjustment = feb.line("prior_period_adjustment").orElseThrow();
        assertThat(adjustment.amount().toPlainString()).isEqualTo("1000.00");
        assertThat(adjustment.forPeriod()).hasToString("2026-01");
        assertThat(feb.payout().toPlainString()).isEqualTo("12000.00");
        assertThat(feb.attainmentShown().orElseThrow().toPlainString()).isEqualTo("1.1666");
        // Nothing more in March: the correction was posted once.
        PayeePeriodResult mar = result.statement("ae1", "2026-03").orElseThrow();
        assertThat(mar.payout().toPlainString()).isEqualTo("0.00");
        assertThat(mar.line("prior_period_adjustment")).isEmpty();
    }

    @Test
    void aCorrectionAfterTwoClosedMonthsIsPaidInTheFirstOpenOne() {
        // January and February closed; a March correction of D1 (30,000 -> 20,000): quarter to date
        // 20,000 + 100,000 + 5,000 (D3) = 125,000 earns 12,750; January and February paid 13,500, so March
        // earns -750: its own 750 plus adjustments of -1,000 (January) and -500 (February).
        CalculationResult result = Scenarios.run(QUARTERLY_MONTHLY + """
                periods: [2026-01, 2026-02, 2026-03]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-20, amount: "30000.00", status: won}
                  - {id: D2, owner: ae1, close: 2026-02-10, amount: "100000.00", status: won}
                  - {id: D3, owner: ae1, close: 2026-03-15, amount: "5000.00", status: won}
                events:
                  - {kind: close_period, period: 2026-01, on: 2026-02-03}
                  - {kind: close_period, period: 2026-02, on: 2026-03-03}
                  - {kind: correct_transaction, transaction: D1, on: 2026-03-10, amount: "20000.00"}
                """);
        assertThat(payout(result, "2026-01")).isEqualTo("3000.00");
        assertThat(payout(result, "2026-02")).isEqualTo("10500.00");
        PayeePeriodResult mar = result.statement("ae1", "2026-03").orElseThrow();
        assertThat(mar.earnings().toPlainString()).isEqualTo("-750.00");
        assertThat(mar.amountOf("commission").toPlainString()).isEqualTo("750.00");
        assertThat(mar.lines())
                .filteredOn(l -> l.component().equals("prior_period_adjustment"))
                .extracting(l -> l.forPeriod().toString())
                .containsExactlyInAnyOrder("2026-01", "2026-02");
    }

    @Test
    void aYearMeasuredPlanPaysQuarterlyOnYearToDateAgainstTheYearsQuota() {
        // Yearly quota 400,000; 10% to 100%, 15% above. Q1 150,000 -> 15,000; Q2 +200,000 (350,000) -> 35,000
        // to date, pays 20,000; Q3 +100,000 (450,000) -> 40,000 + 7,500 = 47,500, pays 12,500; Q4 nothing, 0.
        CalculationResult result = Scenarios.run("""
                currency: USD
                periods: [2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4]
                people:
                  - {id: ae1, role: AE, start: 2025-01-01}
                quotas:
                  - {person: ae1, period: 2026, amount: "400000.00"}
                plan:
                  id: yq
                  frequency: quarter
                  measurement: year
                  components:
                    - id: commission
                      kind: tiered
                      tiers_on: attainment
                      tiers:
                        - {from: "0.00", to: "1.00", rate: "0.10"}
                        - {from: "1.00", rate: "0.15"}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-20, amount: "150000.00", status: won}
                  - {id: D2, owner: ae1, close: 2026-05-10, amount: "200000.00", status: won}
                  - {id: D3, owner: ae1, close: 2026-08-25, amount: "100000.00", status: won}
                """);
        assertThat(List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4").stream()
                        .map(p -> payout(result, p))
                        .toList())
                .containsExactly("15000.00", "20000.00", "12500.00", "0.00");
        PayeePeriodResult q3 = result.statement("ae1", "2026-Q3").orElseThrow();
        assertThat(q3.quota().orElseThrow().toPlainString()).isEqualTo("400000.00");
        assertThat(q3.attainmentShown().orElseThrow().toPlainString()).isEqualTo("1.1250");
    }

    @Test
    void aMonthlyPlanMeasuredOnTheYearDoesNotRestartAtAQuarter() {
        // Yearly quota 480,000. Jan 300,000 earns 30,000. Feb +300,000 (600,000): 48,000 + 120,000 x 15% = 66,000
        // to date, pays 36,000. April +10,000 is still above the year's quota: 1,500.
        CalculationResult result = Scenarios.run("""
                currency: USD
                periods: [2026-01, 2026-02, 2026-03, 2026-04]
                people:
                  - {id: ae1, role: AE, start: 2025-01-01}
                quotas:
                  - {person: ae1, period: 2026, amount: "480000.00"}
                plan:
                  id: ym
                  frequency: month
                  measurement: year
                  components:
                    - id: commission
                      kind: tiered
                      tiers_on: attainment
                      tiers:
                        - {from: "0.00", to: "1.00", rate: "0.10"}
                        - {from: "1.00", rate: "0.15"}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-20, amount: "300000.00", status: won}
                  - {id: D2, owner: ae1, close: 2026-02-10, amount: "300000.00", status: won}
                  - {id: D3, owner: ae1, close: 2026-04-25, amount: "10000.00", status: won}
                """);
        assertThat(List.of("2026-01", "2026-02", "2026-03", "2026-04").stream()
                        .map(p -> payout(result, p))
                        .toList())
                .containsExactly("30000.00", "36000.00", "0.00", "1500.00");
        assertThat(result.statement("ae1", "2026-04")
                        .orElseThrow()
                        .quota()
                        .orElseThrow()
                        .toPlainString())
                .isEqualTo("480000.00");
    }

    @Test
    void aBonusOnQuarterToDateAttainmentIsPaidOnceInTheMonthItIsReached() {
        CalculationResult result = Scenarios.run("""
                currency: USD
                periods: [2026-01, 2026-02, 2026-03]
                people:
                  - {id: ae1, role: AE, start: 2025-01-01}
                quotas:
                  - {person: ae1, period: 2026-Q1, amount: "120000.00"}
                plan:
                  id: qb
                  frequency: month
                  measurement: quarter
                  components:
                    - {id: bonus, kind: bonus, amount: "5000.00", when: "attainment >= 1.00"}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-20, amount: "30000.00", status: won}
                  - {id: D2, owner: ae1, close: 2026-02-10, amount: "100000.00", status: won}
                  - {id: D3, owner: ae1, close: 2026-03-25, amount: "20000.00", status: won}
                """);
        assertThat(List.of("2026-01", "2026-02", "2026-03").stream()
                        .map(p -> payout(result, p))
                        .toList())
                .containsExactly("0.00", "5000.00", "0.00");
    }

    private static String payout(CalculationResult result, String period) {
        return result.statement("ae1", period).orElseThrow().payout().toPlainString();
    }
}
