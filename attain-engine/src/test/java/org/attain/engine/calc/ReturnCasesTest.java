package org.attain.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attain.engine.model.ReturnOf;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioParse;
import org.attain.engine.scenario.ScenarioReader;
import org.attain.engine.scenario.ScenarioReport;
import org.attain.engine.scenario.ScenarioRunner;
import org.attain.engine.testing.Scenarios;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** Returns and reversals linked to their deal (golden case 19): the original's commission is taken back as earned. */
class ReturnCasesTest {

    private static final String CASE = """
            periods: [2026-Q1, 2026-Q2]
            currency: USD
            people:
              - {id: ae1, role: AE, start: 2025-01-01}
            quotas:
              - {person: ae1, period: 2026-Q1, amount: "100000.00"}
              - {person: ae1, period: 2026-Q2, amount: "100000.00"}
            plan:
              id: ae
              frequency: quarter
              components:
                - id: commission
                  kind: tiered
                  tier_mode: marginal
                  tiers_on: attainment
                  tiers:
                    - {from: "0.00", to: "1.00", rate: "0.05"}
                    - {from: "1.00", rate: "0.10"}
            """;

    private static final String DEALS = """
            close_periods: [{period: 2026-Q1, on: 2026-04-05}]
            transactions:
              - {id: D1, owner: ae1, close: 2026-01-20, amount: "80000.00"}
              - {id: D2, owner: ae1, close: 2026-03-10, amount: "40000.00"}
              - {id: D3, owner: ae1, close: 2026-05-12, amount: "90000.00"}
            """;

    @Test
    void return19ClawsBackItsCommission() {
        ScenarioReport report = new ScenarioRunner()
                .run(Path.of("..", "scenarios", "golden", "19-return-claws-back-its-commission.yaml"));
        assertThat(report.passed()).as(report.toString()).isTrue();

        CalculationResult result = Scenarios.run(CASE + DEALS + """
                  - {id: R1, owner: ae1, close: 2026-04-10, amount: "-40000.00", kind: return, refers_to: D2}
                """);
        PayeePeriodResult q1 = result.statement("ae1", "2026-Q1").orElseThrow();
        PayeePeriodResult q2 = result.statement("ae1", "2026-Q2").orElseThrow();
        assertThat(q1.payout().toPlainString()).isEqualTo("7000.00");
        assertThat(q2.amountOf("commission").toPlainString()).isEqualTo("4500.00");
        assertThat(q2.attainmentShown().orElseThrow().toPlainString()).isEqualTo("0.9000");
        EarningsLine clawback = q2.line("clawback").orElseThrow();
        assertThat(clawback.amount().toPlainString()).isEqualTo("-3000.00");
        assertThat(clawback.qualifying()).containsExactly(TransactionId.of("R1"));
        assertThat(q2.payout().toPlainString()).isEqualTo("1500.00");
        // The line names the deal and the Q1 slices it reverses, each coded for the statement's language.
        List<TraceStep> steps = clawback.trace().steps();
        assertThat(steps)
                .filteredOn(s -> Returns.CLAWBACK_CODE.equals(s.code()))
                .singleElement()
                .satisfies(s -> assertThat(s.args()).containsExactly("R1", "D2", "2026-Q1", "100%", "3000.00"));
        assertThat(steps)
                .filteredOn(s -> Returns.SLICE_CODE.equals(s.code()))
                .extracting(s -> String.join(" ", s.args()))
                .containsExactly(
                        "D2 1 [0.00, 1.00) @ 0.05 -20000.00 -1000.00", "D2 2 [1.00, ∞) @ 0.10 -20000.00 -2000.00");
        assertThat(clawback.trace().render(""))
                .contains("R1 returns 100% of D2 (40000.00), which earned 3000.00 in 2026-Q1");
        assertThat(result.issues()).isEmpty();
    }

    @Test
    void aPartialReturnTakesBackItsShareOfEachSlice() {
        CalculationResult result = Scenarios.run(CASE + DEALS + """
                  - {id: R1, owner: ae1, close: 2026-04-10, amount: "-10000.00", kind: return, refers_to: D2}
                  - {id: R2, owner: ae1, close: 2026-06-01, amount: "-30000.00", kind: reversal, refers_to: D2}
                """);
        PayeePeriodResult q2 = result.statement("ae1", "2026-Q2").orElseThrow();
        // 10,000 of 40,000 = 25% of 3,000 = 750; then the remaining 75% = 2,250: 3,000 in all, never more.
        EarningsLine clawback = q2.line("clawback").orElseThrow();
        assertThat(clawback.amount().toPlainString()).isEqualTo("-3000.00");
        assertThat(clawback.trace().contributions())
                .extracting(c -> c.transaction().value() + " " + ComponentEvaluator.plain(c.amount()))
                .containsExactly("R1 -750.00", "R2 -2250.00");
        assertThat(clawback.trace().steps())
                .filteredOn(s -> Returns.CLAWBACK_CODE.equals(s.code()))
                .extracting(s -> s.args().get(3))
                .containsExactly("25%", "75%");
        assertThat(q2.amountOf("commission").toPlainString()).isEqualTo("4500.00");
    }

    @Test
    void aPlanThatReducesAttainmentCountsTheReturnAsANegativeBookingInstead() {
        CalculationResult result = Scenarios.run(
                CASE.replace("frequency: quarter", "frequency: quarter\n  returns: reduce_attainment") + DEALS + """
                  - {id: R1, owner: ae1, close: 2026-04-10, amount: "-40000.00", kind: return, refers_to: D2}
                """);
        PayeePeriodResult q2 = result.statement("ae1", "2026-Q2").orElseThrow();
        // Bookings 90,000 - 40,000 = 50,000: attainment 0.5000, all at 5% = 2,500, and no clawback on top.
        assertThat(q2.attainmentShown().orElseThrow().toPlainString()).isEqualTo("0.5000");
        assertThat(q2.amountOf("commission").toPlainString()).isEqualTo("2500.00");
        assertThat(q2.line("clawback")).isEmpty();
    }

    @Test
    void aScenarioNamesAnUnknownOriginalAndAReturnBeyondWhatIsLeft() {
        assertThat(problems(CASE + DEALS + """
                  - {id: R1, owner: ae1, close: 2026-04-10, amount: "-40000.00", kind: return, refers_to: D9}
                  - {id: R2, owner: ae1, close: 2026-04-11, amount: "-40000.00", kind: return, refers_to: D2}
                  - {id: R3, owner: ae1, close: 2026-04-12, amount: "-1.00", kind: return, refers_to: D2}
                  - {id: R4, owner: ae1, close: 2026-04-12, amount: "-1.00", kind: return}
                  - {id: R5, owner: ae1, close: 2026-04-12, amount: "-1.00", kind: refund, refers_to: D2}
                """))
                .containsExactly(
                        "t.yaml:27:5: a return needs 'refers_to' (the id of the deal it takes back)",
                        "t.yaml:28:62: 'kind' must be deal, return or reversal, not 'refund'",
                        "t.yaml:24:80: refers_to names unknown transaction 'D9'",
                        "t.yaml:26:45: return R3 returns 1.00 of D2, but only 0.00 of its 40000.00 is left"
                                + " (already returned 40000.00)");
    }

    @Test
    void aPlanNamesABadReturnsChoice() {
        assertThat(problems(CASE.replace("frequency: quarter", "frequency: quarter\n  returns: net_it") + DEALS))
                .singleElement()
                .asString()
                .contains("'returns' must be claw_back_original_commission or reduce_attainment, not 'net_it'");
    }

    @Test
    void theEngineReportsAReturnItCannotPlaceAndTakesNothingBack() {
        CalculationInput input = Scenarios.input(CASE + DEALS);
        List<Transaction> transactions = new ArrayList<>(input.transactions());
        transactions.add(returnOf("R1", "2026-04-10", "-40000.00", "D9"));
        transactions.add(returnOf("R2", "2026-04-11", "-40000.00", "D2"));
        transactions.add(returnOf("R3", "2026-04-12", "-100.00", "D2"));
        CalculationResult result = new Engine().calculate(input.forChunk(transactions, Set.of()));
        assertThat(result.issues())
                .containsExactly(
                        "return R1 (refers_to): refers to transaction 'D9', which is unknown (or excluded from this"
                                + " run); nothing is clawed back",
                        "return R3 (amount): returns 100.00 of D2, but only 0.00 of its 40000.00 is left (already"
                                + " returned 40000.00 by R2); nothing is clawed back");
        // R2 alone is taken back, once; R1 and R3 are neither booked nor clawed back.
        PayeePeriodResult q2 = result.statement("ae1", "2026-Q2").orElseThrow();
        assertThat(q2.line("clawback").orElseThrow().amount().toPlainString()).isEqualTo("-3000.00");
        assertThat(q2.attainmentShown().orElseThrow().toPlainString()).isEqualTo("0.9000");
    }

    @Test
    void aLinkGivenAsAnEventWorksAsOneTheTransactionCarries() {
        CalculationInput input = Scenarios.input(CASE + DEALS);
        List<Transaction> transactions = new ArrayList<>(input.transactions());
        transactions.add(Transaction.won(
                "R1",
                "ae1",
                java.time.LocalDate.parse("2026-04-10"),
                org.attain.engine.money.Money.of("-40000.00", "USD")));
        List<org.attain.engine.model.Event> events = new ArrayList<>(input.events());
        events.add(new org.attain.engine.model.Event.TransactionReturned(
                TransactionId.of("R1"), TransactionId.of("D2"), "return", java.time.LocalDate.parse("2026-04-10")));
        CalculationInput linked = new CalculationInput(
                input.calendar(),
                input.plans(),
                input.assignments(),
                input.people(),
                input.reportingLines(),
                input.quotas(),
                input.fxRates(),
                transactions,
                events,
                input.kpiScores(),
                input.adjustments(),
                input.periods(),
                input.payees(),
                input.openingLedger(),
                input.pods(),
                input.territories());
        Engine engine = new Engine();
        // Whole, and in chunks as the application runs it: the same clawback, the same Q2 attainment.
        for (CalculationResult result : List.of(
                engine.calculate(linked),
                engine.calculate(
                        engine.prepare(linked), transactions, Set.of(org.attain.engine.model.PersonId.of("ae1"))))) {
            PayeePeriodResult q2 = result.statement("ae1", "2026-Q2").orElseThrow();
            assertThat(q2.line("clawback").orElseThrow().amount().toPlainString())
                    .isEqualTo("-3000.00");
            assertThat(q2.attainmentShown().orElseThrow().toPlainString()).isEqualTo("0.9000");
            assertThat(q2.payout().toPlainString()).isEqualTo("1500.00");
        }
    }

    private static Transaction returnOf(String id, String on, String amount, String original) {
        return Transaction.won(
                        id, "ae1", java.time.LocalDate.parse(on), org.attain.engine.money.Money.of(amount, "USD"))
                .withReturnOf(new ReturnOf("return", TransactionId.of(original)));
    }

    private static List<String> problems(String yaml) {
        ScenarioParse parse = new ScenarioReader(new PlanCompiler()).read("t.yaml", yaml, null);
        assertThat(parse.scenario()).isEmpty();
        return parse.problems().stream().map(SourceProblem::toString).toList();
    }
}
