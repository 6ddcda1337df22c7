package org.attain.engine.cel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Formulas over named numbers: whole-number literals mix with metrics; unknown names and non-numbers are refused. */
class CelFormulaTest {

    private static final CelFormula.Compiler COMPILER =
            new CelFormula.Compiler(Set.of("bookings", "meetings", "calls"));

    @Test
    void wholeNumbersMixWithMetricsAndOnlyTheNamesReadAreRead() {
        CelFormula.Compiled c = COMPILER.compile("bookings + 1000 * meetings");
        assertThat(c.ok()).as(c.errors().toString()).isTrue();
        assertThat(c.formula().reads()).containsExactlyInAnyOrder("bookings", "meetings");
        assertThat(c.formula()
                        .evaluate(Map.of("bookings", new BigDecimal("12500.50"), "meetings", new BigDecimal("4"))))
                .isEqualByComparingTo("16500.50");
        assertThat(c.formula().evaluate(Map.of())).isEqualByComparingTo("0");
    }

    @Test
    void aDivisionByZeroIsZeroAndResultsAreRoundedToFourDecimals() {
        CelFormula formula = COMPILER.compile("calls / meetings").formula();
        assertThat(formula.evaluate(Map.of("calls", BigDecimal.TEN, "meetings", BigDecimal.ZERO)))
                .isEqualByComparingTo("0");
        assertThat(formula.evaluate(Map.of("calls", BigDecimal.ONE, "meetings", new BigDecimal("3"))))
                .isEqualByComparingTo("0.3333");
    }

    @Test
    void unknownNamesSyntaxErrorsAndConditionsAreRefusedWithTheirPlace() {
        CelFormula.Compiled unknown = COMPILER.compile("bookings + 2 * handshakes");
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.unknownNames()).containsExactly("handshakes");
        assertThat(unknown.errors().get(0).column()).isEqualTo(16);

        CelFormula.Compiled syntax = COMPILER.compile("bookings +* 2");
        assertThat(syntax.ok()).isFalse();
        assertThat(syntax.errors().get(0).message()).startsWith("CEL:");

        CelFormula.Compiled condition = COMPILER.compile("bookings > 10");
        assertThat(condition.ok()).isFalse();
        assertThat(condition.errors().get(0).code()).isEqualTo("cel.formula.notNumber");
        assertThat(COMPILER.compile(" ").ok()).isFalse();
    }
}
