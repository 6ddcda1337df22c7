package org.attain.engine.scenario;

import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.plan.PlanVocabulary;
import org.attain.engine.yaml.Vocabulary;

/**
 * The keys of the scenario format, as {@link ScenarioReader} asks for them, with the plan language under
 * {@code plan}: recorded while the reader reads a skeleton that has one item of every section.
 */
public final class ScenarioVocabulary {

    private ScenarioVocabulary() {}

    private static final String SECTIONS = """
            scenario: sample
            title: Sample
            story: Sample
            currency: "?"
            fiscal_year_start_month: 1
            periods: [2026-Q1]
            people: [{}]
            reporting: [{}]
            quotas: [{}]
            teams: [{}]
            team_memberships: [{}]
            team_quotas: [{}]
            fx_rates: [{}]
            accounts: [{}]
            transactions: [{splits: [{}]}]
            events: [{}]
            close_periods: [{}]
            kpi_scores: [{}]
            objective_scores: [{}]
            adjustments: [{}]
            territories: [{}]
            crediting: {}
            expected: [{component: c}, {deal: d}, {run_issue: {}}]
            expected_errors: [{}]
            """;

    public static Vocabulary of(PlanCompiler compiler) {
        StringBuilder text = new StringBuilder(SECTIONS).append("plan:\n");
        PlanVocabulary.sample()
                .lines()
                .forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("plans:\n  - applies_to: []\n    plan:\n");
        PlanVocabulary.sample()
                .lines()
                .forEach(line -> text.append("      ").append(line).append('\n'));
        return Vocabulary.recording(() -> new ScenarioReader(compiler).read("vocabulary", text.toString(), null));
    }
}
