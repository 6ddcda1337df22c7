package org.attain.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.engine.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** Components beyond the golden cases: curves, MBOs, to-date true-ups, per-deal caps, floors, guarantees. */
class MoreComponentsTest {

    private static final String PEOPLE = """
            currency: USD
            people:
              - {id: ae1, role: AE, start: 2025-01-01}
            """;

    @Test
    void aCurveBonusPaysLinearlyBetweenItsPointsAndStopsAtTheLast() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                periods: [2026-Q1]
                quotas: [{person: ae1, period: 2026-Q1, amount: "100000.00"}]
                plan:
                  id: p
                  components:
                    - id: kicker
                      kind: curve
                      curve_on: attainment
                      points: [{at: "0.50", pay: "0.00"}, {at: "1.00", pay: "10000.00"}, {at: "1.50", pay: "15000.00"}]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-01, amount: "80000.00"}
                """);
        assertThat(result.statement("ae1", "2026-Q1")
                        .orElseThrow()
                        .amountOf("kicker")
                        .toPlainString())
                .isEqualTo("6000.00");
    }

    @Test
    void anMboPaysTheWeightedScoresWithEachScoreCapped() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                periods: [2026-Q1]
                plan:
                  id: p
                  components:
                    - id: mbo
                      kind: mbo
                      target: "4000.00"
                      objectives:
                        - {kpi: pipeline, weight: "0.60", max_score: "1.20"}
                        - {kpi: nps, weight: "0.40"}
                kpi_scores:
                  - {person: ae1, period: 2026-Q1, kpi: pipeline, score: "1.50"}
                  - {person: ae1, period: 2026-Q1, kpi: nps, score: "0.50"}
                """);
        // 4000 x (0.60 x 1.20 + 0.40 x 0.50) = 4000 x 0.92
        assertThat(result.statement("ae1", "2026-Q1")
                        .orElseThrow()
                        .amountOf("mbo")
                        .toPlainString())
                .isEqualTo("3680.00");
    }

    @Test
    void yearToDateTiersTrueUpWhatEarlierMonthsEarned() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                periods: [2026-01, 2026-02]
                quotas:
                  - {person: ae1, period: 2026-01, amount: "10000.00"}
                  - {person: ae1, period: 2026-02, amount: "10000.00"}
                plan:
                  id: p
                  frequency: month
                  components:
                    - id: commission
                      kind: tiered
                      cumulative: ytd
                      tiers: [{from: "0.00", to: "1.00", rate: "0.05"}, {from: "1.00", rate: "0.10"}]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-15, amount: "15000.00"}
                  - {id: D2, owner: ae1, close: 2026-02-15, amount: "10000.00"}
                """);
        // January alone: 10000 x 5% + 5000 x 10% = 1000. Year to date February: quota 20000, bookings 25000:
        // 20000 x 5% + 5000 x 10% = 1500 earned to date, of which 1000 was paid: 500.
        assertThat(result.statement("ae1", "2026-01")
                        .orElseThrow()
                        .amountOf("commission")
                        .toPlainString())
                .isEqualTo("1000.00");
        assertThat(result.statement("ae1", "2026-02")
                        .orElseThrow()
                        .amountOf("commission")
                        .toPlainString())
                .isEqualTo("500.00");
    }

    @Test
    void aCapPerDealLimitsEachDealBeforeThePeriodTotal() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                periods: [2026-Q1]
                plan:
                  id: p
                  components: [{id: commission, kind: rate, rate: "0.10", cap_per_deal: "2000.00"}]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-01, amount: "50000.00"}
                  - {id: D2, owner: ae1, close: 2026-02-02, amount: "10000.00"}
                """);
        EarningsLine line = result.statement("ae1", "2026-Q1")
                .orElseThrow()
                .line("commission")
                .orElseThrow();
        assertThat(line.amount().toPlainString()).isEqualTo("3000.00");
        assertThat(line.trace().steps()).extracting(TraceStep::step).contains("cap per deal");
    }

    @Test
    void aThresholdGatePaysNothingBelowItAndAGuaranteeTopsUp() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                periods: [2026-Q1]
                quotas: [{person: ae1, period: 2026-Q1, amount: "100000.00"}]
                plan:
                  id: p
                  components: [{id: commission, kind: rate, rate: "0.10", when: "attainment >= 0.50"}]
                  guarantee: {amount_per_period: "3000.00", from: 2026-01-01, to: 2026-06-30}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-01, amount: "40000.00"}
                """);
        PayeePeriodResult s = result.statement("ae1", "2026-Q1").orElseThrow();
        assertThat(s.amountOf("commission").toPlainString()).isEqualTo("0.00");
        assertThat(s.payout().toPlainString()).isEqualTo("3000.00");
    }

    @Test
    void returnsKeepTheirSignAndReduceTheMeasure() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                periods: [2026-Q1]
                plan:
                  id: p
                  components: [{id: commission, kind: rate, rate: "0.10"}]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-01, amount: "10000.00"}
                  - {id: R1, owner: ae1, close: 2026-02-20, amount: "-2500.00", type: return}
                """);
        PayeePeriodResult s = result.statement("ae1", "2026-Q1").orElseThrow();
        assertThat(s.amountOf("commission").toPlainString()).isEqualTo("750.00");
        assertThat(s.plans().get(0).measures().get("bookings").toPlainString()).isEqualTo("7500.00");
    }

    @Test
    void territoryOverlayAndSubtreeRulesCreditPeopleWhoDoNotOwnTheDeal() {
        CalculationResult result = Scenarios.run("""
                currency: USD
                periods: [2026-Q1]
                people:
                  - {id: vp, start: 2020-01-01}
                  - {id: m1, start: 2020-01-01}
                  - {id: ae1, start: 2020-01-01}
                  - {id: se, start: 2020-01-01, attributes: {region: EMEA}}
                reporting:
                  - {person: m1, manager: vp}
                  - {person: ae1, manager: m1}
                plans:
                  - applies_to: [vp]
                    plan:
                      id: vp
                      measures: [{id: org, credit: [{from: subtree}]}]
                      components: [{id: override, kind: rate, rate: "0.01"}]
                  - applies_to: [se]
                    plan:
                      id: overlay
                      measures:
                        - id: territory
                          credit: [{from: territory, when: "account.region == person.region", types: [new_logo]}]
                      components: [{id: overlay, kind: rate, rate: "0.02"}]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-01, amount: "10000.00", type: new_logo, account: {region: EMEA}}
                  - {id: D2, owner: ae1, close: 2026-02-02, amount: "20000.00", type: new_logo, account: {region: APAC}}
                """);
        assertThat(result.statement("vp", "2026-Q1")
                        .orElseThrow()
                        .amountOf("override")
                        .toPlainString())
                .isEqualTo("300.00");
        assertThat(result.statement("se", "2026-Q1")
                        .orElseThrow()
                        .amountOf("overlay")
                        .toPlainString())
                .isEqualTo("200.00");
    }

    @Test
    void anUnknownPayeeOrCurrencyExcludesTheDealAndTheRunGoesOn() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                periods: [2026-Q1]
                plan:
                  id: p
                  components: [{id: commission, kind: rate, rate: "0.10"}]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-01, amount: "10000.00"}
                  - {id: D2, owner: nobody, close: 2026-02-01, amount: "10000.00"}
                  - {id: D3, owner: ae1, close: 2026-02-01, amount: "10000.00", currency: GBP}
                """);
        assertThat(result.exclusions())
                .extracting(Object::toString)
                .containsExactly("D2: unknown payee 'nobody'", "D3: no FX rate GBP->USD on 2026-02-01");
        assertThat(result.statement("ae1", "2026-Q1")
                        .orElseThrow()
                        .amountOf("commission")
                        .toPlainString())
                .isEqualTo("1000.00");
    }

    @Test
    void aMissingRateLeavesOutOnlyTheCreditsThatNeedIt() {
        // The rep's plan is in the deal's currency; only the manager's EUR plan needs USD->EUR, which
        // nobody loaded: the rep is paid, the manager's roll-up credit is left out and reported.
        CalculationResult result = Scenarios.run("""
                currency: USD
                people:
                  - {id: ae1, role: AE, start: 2025-01-01}
                  - {id: m1, role: Manager, start: 2025-01-01}
                reporting:
                  - {person: ae1, manager: m1}
                periods: [2026-Q1]
                plans:
                  - applies_to: [ae1]
                    plan:
                      id: rep-usd
                      components: [{id: commission, kind: rate, rate: "0.10"}]
                  - applies_to: [m1]
                    plan:
                      id: manager-eur
                      currency: EUR
                      measures: [{id: team, credit: [{from: subtree}]}]
                      components: [{id: override, kind: rate, rate: "0.01"}]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-01, amount: "10000.00"}
                """);
        assertThat(result.statement("ae1", "2026-Q1")
                        .orElseThrow()
                        .amountOf("commission")
                        .toPlainString())
                .isEqualTo("1000.00");
        assertThat(result.statement("m1", "2026-Q1")
                        .orElseThrow()
                        .amountOf("override")
                        .toPlainString())
                .isEqualTo("0.00");
        assertThat(result.exclusions())
                .extracting(Object::toString)
                .containsExactly("D1: no FX rate USD->EUR on 2026-02-01");
    }

    @Test
    void everyLineHasATraceThatSerialisesToPlainMaps() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                periods: [2026-Q1]
                quotas: [{person: ae1, period: 2026-Q1, amount: "100000.00"}]
                plan:
                  id: p
                  components:
                    - {id: commission, kind: tiered, tiers: [{from: "0.00", to: "1.00", rate: "0.05"}, {from: "1.00", rate: "0.10"}]}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-01, amount: "120000.00"}
                """);
        java.util.Map<String, Object> trace = result.statement("ae1", "2026-Q1")
                .orElseThrow()
                .line("commission")
                .orElseThrow()
                .trace()
                .toMap();
        assertThat(trace.toString())
                .contains("transaction=D1", "credit_rule=self", "bounds=[1.00, ∞) @ 0.10", "step=attainment");
    }
}
