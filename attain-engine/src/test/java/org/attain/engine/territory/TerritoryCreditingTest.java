package org.attain.engine.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.TraceStep;
import org.attain.engine.credit.Exclusion;
import org.attain.engine.model.TransactionId;
import org.attain.engine.testing.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * Crediting by territory with precedence across payees (issue 16, point 2): the territory in force on the
 * credit date credits its owner and overlays, the deal owner only where no territory claims the deal.
 */
class TerritoryCreditingTest {

    private static final String PEOPLE_AND_PLANS = """
            periods: [2026-Q1]
            people:
              - {id: old, start: 2025-01-01}
              - {id: new, start: 2025-01-01}
              - {id: rep, start: 2025-01-01}
              - {id: spec, start: 2025-01-01}
            plans:
              - applies_to: [old, new, rep]
                plan:
                  id: ae
                  frequency: quarter
                  measures: [{id: primary, credit: [{from: self, side: primary}]}]
                  components: [{id: commission, kind: rate, rate: "0.10", measure: primary}]
              - applies_to: [spec]
                plan:
                  id: overlay
                  frequency: quarter
                  measures: [{id: overlay, credit: [{from: self, side: overlay}]}]
                  components: [{id: overlay, kind: rate, rate: "0.01", measure: overlay}]
            accounts:
              - {id: A-SE, country: SE}
              - {id: A-DE, country: DE}
            """;

    private static String line(CalculationResult result, String person, String component) {
        return result.statement(person, "2026-Q1")
                .flatMap(s -> s.line(component))
                .map(l -> l.amount().amount().toPlainString() + " " + l.qualifying())
                .orElse("no line");
    }

    @Test
    void icm18TerritoryOwnerChangeOnTheFifteenthOfTheMiddleMonthMovesCreditByDate() {
        CalculationResult result = Scenarios.run(PEOPLE_AND_PLANS + """
                territories:
                  - id: NORDICS
                    rule: "account.country == 'SE'"
                    members:
                      - {person: old, role: owner, until: 2026-02-15}
                      - {person: new, role: owner, from: 2026-02-15}
                      - {person: spec, role: overlay}
                crediting: {precedence: [territory, owner], primary_once: true}
                transactions:
                  - {id: JAN, owner: rep, account: A-SE, close: 2026-01-20, amount: "1000.00"}
                  - {id: FEB14, owner: rep, account: A-SE, close: 2026-02-14, amount: "2000.00"}
                  - {id: FEB15, owner: rep, account: A-SE, close: 2026-02-15, amount: "3000.00"}
                  - {id: MAR, owner: rep, account: A-SE, close: 2026-03-10, amount: "4000.00"}
                  - {id: DE1, owner: rep, account: A-DE, close: 2026-02-20, amount: "5000.00"}
                """);
        // Before the 15th the old owner, from the 15th (the change day itself) the new one.
        assertThat(line(result, "old", "commission")).isEqualTo("300.00 [JAN, FEB14]");
        assertThat(line(result, "new", "commission")).isEqualTo("700.00 [FEB15, MAR]");
        // The deal owner keeps only the deal no territory claims.
        assertThat(line(result, "rep", "commission")).isEqualTo("500.00 [DE1]");
        // The overlay is on the territory all quarter, whoever owns it.
        assertThat(line(result, "spec", "overlay")).isEqualTo("100.00 [JAN, FEB14, FEB15, MAR]");
        EarningsLine newOwner = result.statement("new", "2026-Q1")
                .flatMap(s -> s.line("commission"))
                .orElseThrow();
        assertThat(newOwner.trace().render(""))
                .contains("FEB15 2026-02-15 source 3000.00 USD -> via territory NORDICS (owner new)")
                .contains("2 deal(s) via territory NORDICS (owner new): FEB15, MAR");
        TraceStep step = newOwner.trace().steps().stream()
                .filter(s -> "territory".equals(s.step()))
                .findFirst()
                .orElseThrow();
        assertThat(step.code()).isEqualTo("trace.territory.owner");
        assertThat(step.args()).containsExactly("NORDICS", "NORDICS", "new", "2", "FEB15, MAR");
        assertThat(result.statement("spec", "2026-Q1")
                        .flatMap(s -> s.line("overlay"))
                        .orElseThrow()
                        .trace()
                        .steps())
                .anyMatch(s ->
                        "trace.territory.overlay".equals(s.code()) && s.detail().contains("(overlay spec)"));
        assertThat(result.issues()).isEmpty();
        assertThat(result.exclusions()).isEmpty();
    }

    @Test
    void theHighestPrecedenceWinsAndEqualPrecedenceLeavesTheDealOutNamedInTheIssues() {
        Territory nordics = territory("NORDICS", 0, "SE", "old");
        Territory named = territory("NAMED", 10, "SE", "new");
        Territory rival = territory("RIVAL", 0, "DE", "old");
        Territory rival2 = territory("RIVAL2", 0, "DE", "new");
        CalculationInput base = Scenarios.input(PEOPLE_AND_PLANS + """
                transactions:
                  - {id: SE1, owner: rep, account: A-SE, close: 2026-01-20, amount: "1000.00"}
                  - {id: DE1, owner: rep, account: A-DE, close: 2026-02-20, amount: "5000.00"}
                """);
        CalculationInput input = withTerritories(base, CreditingPolicy.TERRITORY_FIRST, nordics, named, rival, rival2);
        CalculationResult result = new Engine().calculate(input);
        assertThat(line(result, "new", "commission")).isEqualTo("100.00 [SE1]");
        assertThat(line(result, "old", "commission")).isEqualTo("0.00 []");
        assertThat(line(result, "rep", "commission")).isEqualTo("0.00 []");
        assertThat(result.exclusions())
                .containsExactly(new Exclusion(
                        TransactionId.of("DE1"),
                        "claimed by territories RIVAL and RIVAL2 of equal precedence 0 on 2026-02-20"));
        assertThat(result.issues())
                .containsExactly("territories RIVAL and RIVAL2 of equal precedence 0 claim the same 1 deal(s)"
                        + " (first DE1 on 2026-02-20): left out; give one territory a higher precedence");
    }

    @Test
    void withoutAPolicyTerritoriesChangeNothing() {
        String deals = """
                transactions:
                  - {id: SE1, owner: rep, account: A-SE, close: 2026-01-20, amount: "1000.00"}
                """;
        CalculationInput base = Scenarios.input(PEOPLE_AND_PLANS + deals);
        assertThat(base.territories()).isEqualTo(TerritoryCrediting.NONE);
        CalculationResult result = new Engine().calculate(base);
        assertThat(line(result, "rep", "commission")).isEqualTo("100.00 [SE1]");
        // Territories given to the input but no policy: still the deal owner.
        CalculationInput noPolicy = base.withTerritories(
                new TerritoryCrediting(null, new TerritoryMap(List.of(territory("NORDICS", 0, "SE", "old")))));
        assertThat(line(new Engine().calculate(noPolicy), "rep", "commission")).isEqualTo("100.00 [SE1]");
    }

    @Test
    void ownerFirstKeepsTheDealOwnerAndStillAddsTheTerritorysOverlays() {
        CalculationResult result = Scenarios.run(PEOPLE_AND_PLANS + """
                territories:
                  - {id: NORDICS, rule: "account.country == 'SE'", owner: old, overlays: [spec]}
                crediting: {precedence: [owner, territory]}
                transactions:
                  - {id: SE1, owner: rep, account: A-SE, close: 2026-01-20, amount: "1000.00"}
                  - {id: SE2, splits: [{person: spec, share: "0.5", overlay: true}], account: A-SE, close: 2026-01-21, amount: "500.00"}
                """);
        assertThat(line(result, "rep", "commission")).isEqualTo("100.00 [SE1]");
        // SE2 has no owner: the territory's owner takes it; spec is credited once per deal although named twice.
        assertThat(line(result, "old", "commission")).isEqualTo("50.00 [SE2]");
        assertThat(line(result, "spec", "overlay")).isEqualTo("15.00 [SE1, SE2]");
    }

    @Test
    void primaryCreditTwiceWhenThePolicySaysSoAndAVacantTerritoryIsNamed() {
        CalculationResult twice = Scenarios.run(PEOPLE_AND_PLANS + """
                territories:
                  - {id: NORDICS, rule: "account.country == 'SE'", owner: old}
                crediting: {precedence: [territory, owner], primary_once: false}
                transactions:
                  - {id: SE1, owner: rep, account: A-SE, close: 2026-01-20, amount: "1000.00"}
                """);
        assertThat(line(twice, "rep", "commission")).isEqualTo("100.00 [SE1]");
        assertThat(line(twice, "old", "commission")).isEqualTo("100.00 [SE1]");

        CalculationResult vacant = Scenarios.run(PEOPLE_AND_PLANS + """
                territories:
                  - {id: NORDICS, rule: "account.country == 'SE'", overlays: [spec],
                     members: [{person: old, role: owner, until: 2026-01-01}]}
                transactions:
                  - {id: SE1, owner: rep, account: A-SE, close: 2026-01-20, amount: "1000.00"}
                """);
        assertThat(line(vacant, "rep", "commission")).isEqualTo("0.00 []");
        assertThat(line(vacant, "old", "commission")).isEqualTo("0.00 []");
        assertThat(line(vacant, "spec", "overlay")).isEqualTo("10.00 [SE1]");
        assertThat(vacant.issues())
                .containsExactly("territory NORDICS has no owner on the credit date of 1 deal(s)"
                        + " (first SE1 on 2026-01-20): nobody gets their primary credit");
    }

    @Test
    void aTerritoryHasOneOwnerAtATime() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Territory(
                        "T",
                        null,
                        0,
                        TerritoryRule.of("true", t -> true),
                        null,
                        null,
                        List.of(
                                TerritoryMember.owner("a", LocalDate.of(2026, 1, 1), null),
                                TerritoryMember.owner("b", LocalDate.of(2026, 3, 1), null))))
                .hasMessage("territory T has two owners at once (a and b from 2026-03-01); one owner at a time");
    }

    private static Territory territory(String id, int precedence, String country, String owner) {
        TerritoryRule rule = TerritoryRule.of(
                "account.country == '" + country + "'",
                t -> country.equals(t.account().get("country")));
        return new Territory(id, null, precedence, rule, null, null, List.of(TerritoryMember.owner(owner, null, null)));
    }

    private static CalculationInput withTerritories(
            CalculationInput base, CreditingPolicy policy, Territory... territories) {
        return base.withTerritories(TerritoryCrediting.of(policy, new TerritoryMap(List.of(territories))));
    }
}
