package org.attain.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.attain.engine.plan.PlanCompilation;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.testing.BadText;

/**
 * A plan document (plan as code) however broken: the compiler answers with a plan or with problems that
 * name a line, a column and a reason; it never throws, loops or overflows its stack.
 */
class PlanDocumentProperties {

    private static final PlanCompiler COMPILER = new PlanCompiler();
    private static final List<String> PLANS = Documents.plans();

    static void compilesOrNamesItsProblems(String text) {
        PlanCompilation compiled = COMPILER.compile("plan.yaml", text);
        if (compiled.plan().isEmpty()) {
            assertThat(compiled.problems()).as("a refused plan names why").isNotEmpty();
        }
        compiled.problems().forEach(p -> Documents.assertClear(p, text));
    }

    @Example
    void everySeedPlanCompiles() {
        assertThat(PLANS).hasSizeGreaterThan(10);
        for (String plan : PLANS) {
            assertThat(COMPILER.compile("plan.yaml", plan).problems()).as(plan).isEmpty();
        }
    }

    @Property(tries = 400)
    void aDamagedPlanCompilesOrNamesItsProblems(@ForAll("damagedPlans") String text) {
        compilesOrNamesItsProblems(text);
    }

    @Property(tries = 200)
    void noiseIsRefusedWithProblems(@ForAll("noise") String text) {
        compilesOrNamesItsProblems(text);
    }

    @Example
    void deepNestingHugeValuesAndWrongEncodingsAreProblemsNotCrashes() {
        String seed = PLANS.get(0);
        for (String text : List.of(
                BadText.nested("[", "1", "]", 100_000),
                BadText.nested("{a: ", "1", "}", 20_000),
                "id: " + BadText.nested("- ", "x", "", 5_000),
                "id: p\nname: " + "n".repeat(5_000_000),
                "a: &a [" + "*a,".repeat(1000) + "]",
                "\uFEFF" + seed,
                seed.replace("\n", "\u0000\n"),
                new String(
                        seed.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                        java.nio.charset.StandardCharsets.UTF_8),
                "",
                "\u0000")) {
            compilesOrNamesItsProblems(text);
        }
    }

    @Provide
    Arbitrary<String> damagedPlans() {
        return BadText.damaged(PLANS);
    }

    @Provide
    Arbitrary<String> noise() {
        return BadText.noise();
    }
}
