package org.attain.engine.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/** A general CEL condition over period facts; evaluated once per payee-period, never per transaction. */
public record CelPeriodCondition(String text, CelRuntime.Program program) implements PeriodCondition {

    @Override
    public boolean test(PeriodFacts facts) {
        try {
            return Boolean.TRUE.equals(program.eval(facts.celVariables()));
        } catch (CelEvaluationException e) {
            return false;
        }
    }
}
