package org.attain.engine.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * A compiled CEL condition over {@code deal}, {@code account} and {@code person}. Compiled once per plan;
 * evaluated at most once per deal and rule at crediting time.
 */
public final class DealCondition {

    private final String text;
    private final CelRuntime.Program program;

    DealCondition(String text, CelRuntime.Program program) {
        this.text = text;
        this.program = program;
    }

    public String text() {
        return text;
    }

    /**
     * True when the condition holds. A deal that lacks a field the condition reads does not match, rather
     * than failing the run: conditions are filters, and {@code has(deal.x)} makes the intent explicit.
     */
    public boolean test(Map<String, Object> deal, Map<String, Object> account, Map<String, Object> person) {
        try {
            Object result = program.eval(Map.of("deal", deal, "account", account, "person", person));
            return Boolean.TRUE.equals(result);
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
