package org.attain.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.engine.cel.DataDictionary;
import org.attain.engine.cel.DataDictionary.Type;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/**
 * A typo in a condition is a compile error with its place and the closest known field, instead of a rule
 * that is never true and quietly pays nothing.
 */
class ConditionCheckTest {

    private static final DataDictionary DICTIONARY = DataDictionary.standard()
            .with("deal", "term_months", Type.INTEGER)
            .with("deal", "segment", Type.STRING)
            .with("deal", "discount", Type.NUMBER)
            .with("deal", "source_system", Type.ANY)
            .with("account", "region", Type.STRING);

    private final PlanCompiler checking = new PlanCompiler().checking(DICTIONARY);

    private static final String SPIFF = """
            id: p
            currency: USD
            components:
              - id: spiff
                kind: per_deal_amount
                amount: "250.00"
                when: "%s"
            """;

    private List<SourceProblem> problems(String condition) {
        PlanCompilation result = checking.compile("plan.yaml", SPIFF.formatted(condition));
        assertThat(result.ok()).as("expected '%s' to be rejected", condition).isFalse();
        return result.problems();
    }

    private DealCondition compiled(String condition) {
        PlanCompilation result = checking.compile("plan.yaml", SPIFF.formatted(condition));
        assertThat(result.problems()).as(condition).isEmpty();
        return ((PerDealComponent) result.orThrow().components().get(0)).when();
    }

    @Test
    void aMisspeltDealFieldFailsAtItsLineAndColumnWithTheClosestKnownField() {
        List<SourceProblem> problems = problems("deal.typ == 'new_logo'");
        assertThat(problems).hasSize(1);
        SourceProblem p = problems.get(0);
        // Line 7 is `    when: "deal.typ == 'new_logo'"`: the quote is column 11, 'typ' starts at column 17.
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isEqualTo(17);
        assertThat(p.reason()).isEqualTo("unknown field 'typ' of deal (did you mean deal.type?)");
        assertThat(p.code()).isEqualTo("plan.cel.unknownField.didYouMean");
        assertThat(p.args()).containsExactly("deal", "typ", "deal.type");
    }

    @Test
    void aTypoOnALaterLineOfABlockConditionIsPlacedOnThatLine() {
        PlanCompilation result = checking.compile("plan.yaml", """
                id: p
                currency: USD
                components:
                  - id: spiff
                    kind: per_deal_amount
                    amount: "250.00"
                    when: >-
                      deal.type == 'new_logo' &&
                      deal.term_month >= 24
                """);
        assertThat(result.problems())
                .extracting(SourceProblem::toString)
                .containsExactly("plan.yaml:9:12: unknown field 'term_month' of deal (did you mean deal.term_months?)");
    }

    @Test
    void everyTypoInAConditionIsReportedAtOnce() {
        assertThat(problems("deal.typ == 'new_logo' && deal.segmnt == 'smb' && account.regoin == 'EMEA'"))
                .extracting(SourceProblem::reason)
                .containsExactly(
                        "unknown field 'typ' of deal (did you mean deal.type?)",
                        "unknown field 'segmnt' of deal (did you mean deal.segment?)",
                        "unknown field 'regoin' of account (did you mean account.region?)");
    }

    @Test
    void aFieldOfAnotherVariableIsSuggestedAndAnUnlikeNameListsTheKnownOnes() {
        assertThat(problems("deal.region == 'EMEA'"))
                .extracting(SourceProblem::reason)
                .containsExactly("unknown field 'region' of deal (did you mean account.region?)");
        assertThat(problems("person.rol == 'AE' && account.regio == 'NA'"))
                .extracting(SourceProblem::reason)
                .containsExactly(
                        "unknown field 'rol' of person (did you mean person.role?)",
                        "unknown field 'regio' of account (did you mean account.region?)");
        assertThat(new PlanCompiler()
                        .checking(DICTIONARY.with("person", "region_id", Type.INTEGER))
                        .compile("plan.yaml", SPIFF.formatted("person.region == 1"))
                        .problems())
                .extracting(SourceProblem::reason)
                .containsExactly("unknown field 'region' of person (did you mean person.region_id?)");
        assertThat(problems("person.quota_band == 'A'"))
                .extracting(SourceProblem::reason)
                .containsExactly("unknown field 'quota_band' of person (known: id, name, role)");
    }

    @Test
    void hasAndIndexAndComprehensionsAreCheckedTooWithoutConfusingTheirOwnVariables() {
        assertThat(problems("has(deal.segmnt)"))
                .extracting(SourceProblem::reason)
                .containsExactly("unknown field 'segmnt' of deal (did you mean deal.segment?)");
        assertThat(problems("deal['typ'] == 'x'"))
                .extracting(SourceProblem::reason)
                .containsExactly("unknown field 'typ' of deal (did you mean deal.type?)");
        compiled("has(deal.segment) && deal.segment == 'smb'");
        compiled("['new_logo', 'upsell'].exists(deal, deal == 'new_logo')");
    }

    @Test
    void declaredCustomAttributesAreTypedAndATypeMismatchFails() {
        compiled("deal.term_months >= 24 && deal.discount > 0.1 && deal.segment.startsWith('ent')");
        compiled("deal.source_system == 1 || deal.source_system == 'crm'");
        assertThat(problems("deal.segment == 3")).singleElement().satisfies(p -> {
            assertThat(p.reason()).contains("no matching overload").contains("string, int");
            assertThat(p.code()).isEqualTo("plan.cel.error");
        });
        assertThat(problems("deal.amount / 2 > 1000"))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("double, int"));
        assertThat(problems("deal.type"))
                .extracting(SourceProblem::reason)
                .containsExactly("a condition must be true or false, not string");
    }

    @Test
    void periodConditionsCheckPeriodPersonAndThePlansMeasures() {
        PlanCompilation result = checking.compile("plan.yaml", """
                id: p
                currency: USD
                measures:
                  - {id: bookings}
                components:
                  - {id: bonus, kind: bonus, amount: "1000.00", when: "measure.booking >= 100000.0 && period.kindd == 'quarter'"}
                  - {id: gate, kind: bonus, amount: "500.00", when: "attainment >= 1.0 && person.role == 'AE'"}
                """);
        assertThat(result.problems())
                .extracting(SourceProblem::reason)
                .containsExactly(
                        "unknown field 'booking' of measure (did you mean measure.bookings?)",
                        "unknown field 'kindd' of period (did you mean period.kind?)");
    }

    @Test
    void validPlansCompileTheSameWithAndWithoutTheCheck() {
        String plan = """
                id: ae
                currency: USD
                frequency: quarter
                measures:
                  - id: bookings
                    statuses: [won]
                    credit:
                      - {id: owner, from: self}
                      - {id: territory, from: territory, when: "account.region == 'EMEA'"}
                components:
                  - {id: commission, kind: tiered, tier_mode: marginal, tiers_on: attainment, tiers: [
                      {from: "0.00", to: "1.00", rate: "0.08"}, {from: "1.00", rate: "0.12"}]}
                  - {id: spiff, kind: per_deal_amount, amount: "250.00", when: "deal.type == 'new_logo' && deal.term_months >= 24"}
                  - {id: bonus, kind: bonus, amount: "5000.00", when: "attainment >= 1.00"}
                """;
        assertThat(checking.compile("plan.yaml", plan).problems()).isEmpty();
        assertThat(new PlanCompiler().compile("plan.yaml", plan).problems()).isEmpty();
    }

    @Test
    void aCompilerWithoutADictionaryStillCompilesPublishedPlansWhoseDataChanged() {
        assertThat(new PlanCompiler()
                        .compile("plan.yaml", SPIFF.formatted("deal.typ == 'new_logo'"))
                        .problems())
                .isEmpty();
    }

    @Test
    void aConditionKnowsTheFieldsItReadsAndWhereItIsWritten() {
        DealCondition c = compiled("deal.type == 'new_logo' && deal.term_months >= 24 && account.region == 'EMEA'");
        assertThat(c.reads()).contains(Set.of("deal.type", "deal.term_months", "account.region"));
        assertThat(c.location().line()).isEqualTo(7);
        assertThat(compiled("'segment' in deal").reads()).isEmpty();
    }

    @Test
    void exactNumbersFromAnImportCompareLikeNumbersWrittenInAScenario() {
        DealCondition c = compiled("deal.discount > 0.1 && deal.term_months >= 24");
        var deal = org.attain.engine.model.Transaction.won(
                "D1", "ae", java.time.LocalDate.of(2026, 1, 5), org.attain.engine.money.Money.of("1000.00", "USD"));
        deal = new org.attain.engine.model.Transaction(
                deal.id(),
                deal.owner(),
                List.of(),
                deal.closeDate(),
                deal.amount(),
                "won",
                "new_logo",
                null,
                null,
                Map.of("discount", new java.math.BigDecimal("0.25"), "term_months", new java.math.BigDecimal("24")),
                null);
        assertThat(c.test(org.attain.engine.credit.DealFacts.of(deal), Map.of(), Map.of()))
                .isTrue();
    }
}
