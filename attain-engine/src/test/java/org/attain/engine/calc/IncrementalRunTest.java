package org.attain.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.engine.model.PersonId;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioReader;
import org.attain.engine.time.PeriodId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Computing only the affected payee-periods, starting from the ledger the previous run left, gives exactly
 * the statements a full run gives; and the same input always gives equal results.
 */
class IncrementalRunTest {

    private final Engine engine = new Engine();

    private static CalculationInput golden(String file) {
        return new ScenarioReader(new PlanCompiler())
                .read(Path.of("..", "scenarios", "golden", file))
                .scenario()
                .orElseThrow()
                .input();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10-clawback.yaml", "11-draws.yaml", "12-prior-period-adjustment.yaml", "14-holdback.yaml"})
    void theLastPeriodAloneFromThePreviousLedgerEqualsTheFullRun(String file) {
        CalculationInput input = golden(file);
        CalculationResult full = engine.calculate(input);
        List<PeriodId> periods = input.periods().stream().sorted().toList();
        PeriodId last = periods.get(periods.size() - 1);
        PeriodId previous = periods.get(periods.size() - 2);
        for (PayeePeriodResult before : full.statements().stream()
                .filter(s -> s.period().equals(previous))
                .toList()) {
            CalculationInput incremental =
                    input.only(Set.of(before.person()), List.of(last), Map.of(before.person(), before.ledgerAfter()));
            CalculationResult partial = engine.calculate(incremental);
            assertThat(partial.statement(before.person(), last)).isEqualTo(full.statement(before.person(), last));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"07-manager-rollup.yaml", "06-split-credit.yaml"})
    void onePayeeAloneEqualsThatPayeeInTheFullRun(String file) {
        CalculationInput input = golden(file);
        CalculationResult full = engine.calculate(input);
        for (PayeePeriodResult s : full.statements()) {
            CalculationResult one = engine.calculate(input.only(Set.of(s.person()), input.periods(), Map.of()));
            assertThat(one.statements()).containsExactly(s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-marginal-tiers.yaml", "10-clawback.yaml", "13-multi-currency.yaml"})
    void theSameInputGivesEqualResults(String file) {
        CalculationInput input = golden(file);
        assertThat(engine.calculate(input)).isEqualTo(engine.calculate(input));
        assertThat(engine.calculate(input).statements()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"07-manager-rollup.yaml"})
    void payeesCanBeComputedOnManyThreads(String file) {
        CalculationInput input = golden(file);
        CalculationResult full = engine.calculate(input);
        List<PayeePeriodResult> parallel = full.statements().parallelStream()
                .map(s -> engine.calculate(input.only(Set.of(s.person()), input.periods(), Map.of()))
                        .statements()
                        .get(0))
                .toList();
        assertThat(parallel).containsExactlyElementsOf(full.statements());
        assertThat(full.statements())
                .extracting(PayeePeriodResult::person)
                .containsExactly(PersonId.of("m1"), PersonId.of("m2"));
    }
}
