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

    /** A compiled CEL program is not serializable: the condition travels as its text and is compiled again where it lands. */
    private Object writeReplace() {
        return new AsText(text);
    }

    private record AsText(String text) implements java.io.Serializable {
        private Object readResolve() {
            return SharedConditions.CEL.period(text).condition();
        }
    }
}
