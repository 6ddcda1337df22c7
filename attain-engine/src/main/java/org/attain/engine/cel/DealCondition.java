package org.attain.engine.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.yaml.SourceLocation;

/**
 * A compiled CEL condition over {@code deal}, {@code account} and {@code person}. Compiled once per plan;
 * evaluated at most once per deal and rule at crediting time.
 */
public final class DealCondition implements java.io.Serializable {

    private final String text;
    private final CelRuntime.Program program;
    private final Set<String> reads;
    private final SourceLocation location;

    DealCondition(String text, CelRuntime.Program program, Set<String> reads, SourceLocation location) {
        this.text = text;
        this.program = program;
        this.reads = reads == null ? null : Set.copyOf(reads);
        this.location = location;
    }

    public String text() {
        return text;
    }

    /**
     * Every field the condition reads ("deal.type", "account.region"), when that is all it depends on;
     * empty when it also uses a variable as a whole (e.g. {@code 'x' in deal}). Lets a plan check evaluate
     * it over the distinct values of just those fields.
     */
    public Optional<Set<String>> reads() {
        return Optional.ofNullable(reads);
    }

    /** Where the condition is written in its plan; null when not known. */
    public SourceLocation location() {
        return location;
    }

    /** The same condition, placed in its source. */
    public DealCondition at(SourceLocation where) {
        return new DealCondition(text, program, reads, where);
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

    /** A compiled CEL program is not serializable: the condition travels as its text and is compiled again where it lands. */
    private Object writeReplace() {
        return new AsText(text, location);
    }

    private record AsText(String text, SourceLocation location) implements java.io.Serializable {
        private Object readResolve() {
            DealCondition compiled = SharedConditions.CEL.deal(text).condition();
            return location == null ? compiled : compiled.at(location);
        }
    }
}
