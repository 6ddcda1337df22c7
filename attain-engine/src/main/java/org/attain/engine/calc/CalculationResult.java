package org.attain.engine.calc;

import java.util.List;
import java.util.Optional;
import org.attain.engine.credit.Exclusion;
import org.attain.engine.model.PersonId;
import org.attain.engine.time.PeriodId;

/**
 * The outcome of a run: statements ordered by payee then period, every excluded transaction with its
 * reason, and run-level issues (e.g. an assignment to an unknown plan) that did not stop the run.
 */
public record CalculationResult(List<PayeePeriodResult> statements, List<Exclusion> exclusions, List<String> issues)
        implements java.io.Serializable {

    public CalculationResult {
        statements = List.copyOf(statements);
        exclusions = List.copyOf(exclusions);
        issues = List.copyOf(issues);
    }

    public Optional<PayeePeriodResult> statement(PersonId person, PeriodId period) {
        return statements.stream()
                .filter(s -> s.person().equals(person) && s.period().equals(period))
                .findFirst();
    }

    public Optional<PayeePeriodResult> statement(String person, String period) {
        return statement(PersonId.of(person), PeriodId.parse(period));
    }
}
