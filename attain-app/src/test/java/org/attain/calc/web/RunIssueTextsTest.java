package org.attain.calc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attain.engine.calc.Engine;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioParse;
import org.attain.engine.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A run's issues read in German (issue 21.6): the real engine calculates the pod cases, and every issue it states has
 * a fixed form the run page says in the reader's language, with the engine's facts in it. Returns that go wrong are
 * refused by the scenario reader and by imports before a run; the engine's own sentences for them (when a run gets
 * such input another way) are checked as the engine writes them.
 */
class RunIssueTextsTest {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @Test
    void everyIssueTheEngineStatesIsSaidInGerman() throws Exception {
        List<String> issues = new ArrayList<>();
        issues.addAll(issues(Files.readString(Path.of("..", "scenarios", "pods", "pod-movers-and-zero-quota.yaml"))));
        issues.addAll(issues(Files.readString(Path.of("..", "scenarios", "pods", "pod-quota-basics.yaml"))));
        assertThat(issues).as("the pod cases state issues").isNotEmpty();
        // Returns.verdicts, as the engine writes them
        issues.add("return R2 (refers_to): refers to transaction 'NOPE', which is unknown (or excluded from this run);"
                + " nothing is clawed back");
        issues.add("return R3 (refers_to): R1 is itself a return; refer to the original deal");
        issues.add("return R4 (amount): returns 1000.00 of D2, but only 0.00 of its 40000.00 is left (already returned"
                + " 40000.00 by R1); nothing is clawed back");
        issues.add("return R6 (amount): returns 5.00 of D3, but only 0.00 of its 0.00 is left (already returned 0.00);"
                + " nothing is clawed back");
        issues.add("return R5 (amount): is in EUR but D2 is in USD; nothing is clawed back");
        for (String issue : issues) {
            String german = RunIssueTexts.shown(issue, MESSAGES, Locale.GERMAN);
            assertThat(german).as("no German form for: " + issue).isNotEqualTo(issue);
            assertThat(german).as(issue).doesNotContain("{").doesNotContain("nothing is clawed back");
        }
        List<String> german = issues.stream()
                .map(i -> RunIssueTexts.shown(i, MESSAGES, Locale.GERMAN))
                .toList();
        assertThat(german)
                .contains(
                        "return R2: verweist auf die Transaktion „NOPE“, die unbekannt ist (oder nicht in diesem Lauf);"
                                + " nichts wird zurückgefordert.",
                        "return R3: R1 ist selbst eine Rückgabe; verweisen Sie auf den ursprünglichen Abschluss.")
                .anyMatch(t ->
                        t.startsWith("return R4: gibt 1000.00 von D2 zurück, aber von 40000.00 sind nur noch 0.00"))
                .anyMatch(t -> t.startsWith("Pod ") && t.contains("hat eine Quote von null für 2026-Q1"));
        assertThat(issues.stream().map(i -> RunIssueTexts.shown(i, MESSAGES, Locale.ENGLISH)))
                .contains("return R3: R1 is itself a return; refer to the original deal.");
    }

    @Test
    void anIssueOfNoKnownFormIsShownAsTheEngineSaidIt() {
        assertThat(RunIssueTexts.shown("something new happened", MESSAGES, Locale.GERMAN))
                .isEqualTo("something new happened");
    }

    static List<String> issues(String scenario) {
        ScenarioParse parse = new ScenarioReader(new PlanCompiler()).read("issues.yaml", scenario, null);
        assertThat(parse.problems()).isEmpty();
        return new Engine().calculate(parse.scenario().orElseThrow().input()).issues();
    }
}
