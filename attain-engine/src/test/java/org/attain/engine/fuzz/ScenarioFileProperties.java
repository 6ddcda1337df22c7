package org.attain.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioParse;
import org.attain.engine.scenario.ScenarioReader;
import org.attain.engine.scenario.ScenarioRunner;
import org.attain.engine.testing.BadText;

/**
 * A scenario file (what-if: people, plan, deals, expected pay) however broken: it is read into a scenario
 * that runs, or refused with problems naming line, column and reason; nothing throws.
 */
class ScenarioFileProperties {

    private static final PlanCompiler COMPILER = new PlanCompiler();
    private static final List<String> SCENARIOS = Documents.scenarios();

    static void readsOrNamesItsProblems(String text) {
        ScenarioParse parse = new ScenarioReader(COMPILER).read("scenario.yaml", text, null);
        if (parse.scenario().isEmpty()) {
            assertThat(parse.problems()).as("a refused scenario names why").isNotEmpty();
        } else {
            // A scenario that reads also runs: its expectations may fail, the run may not throw.
            new ScenarioRunner(COMPILER).run(parse.scenario().get());
        }
        parse.problems().forEach(p -> Documents.assertClear(p, text));
    }

    @Example
    void everySeedScenarioReads() {
        assertThat(SCENARIOS).hasSizeGreaterThan(10);
        for (String s : SCENARIOS) {
            assertThat(new ScenarioReader(COMPILER).read("s.yaml", s, null).problems())
                    .as(s)
                    .isEmpty();
        }
    }

    @Property(tries = 300)
    void aDamagedScenarioReadsOrNamesItsProblems(@ForAll("damagedScenarios") String text) {
        readsOrNamesItsProblems(text);
    }

    @Example
    void deepNestingAndHugeListsAreProblemsNotCrashes() {
        String seed = SCENARIOS.get(0);
        for (String text : List.of(
                BadText.nested("[", "1", "]", 100_000),
                seed.replace("periods: [2026-Q1]", "periods: [" + "2026-Q1, ".repeat(5_000) + "]"),
                seed + "\nextra: " + BadText.nested("{a: ", "1", "}", 20_000),
                "\uFEFF" + seed,
                seed.replace("amount: \"12000.00\"", "amount: \"1e400\""),
                seed.replace("amount: \"12000.00\"", "amount: \"" + "9".repeat(100_000) + "\""),
                seed.replace("close: 2026-01-15", "close: 20266-01-15"))) {
            readsOrNamesItsProblems(text);
        }
    }

    @Provide
    Arbitrary<String> damagedScenarios() {
        return BadText.damaged(SCENARIOS);
    }
}
