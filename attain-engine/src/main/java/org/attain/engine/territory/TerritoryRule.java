package org.attain.engine.territory;

import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.cel.DealFacts;
import org.attain.engine.model.Transaction;

/** Which deals a territory claims, written once on the territory (not in every plan that credits it). */
public interface TerritoryRule extends java.io.Serializable {

    boolean covers(Transaction t);

    /** The rule as its author wrote it, for messages. */
    String text();

    /** A rule written in Java (tests, an application's own matching), shown as {@code text}. */
    static TerritoryRule of(String text, Predicate<Transaction> covers) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(covers, "covers");
        return new TerritoryRule() {
            @Override
            public boolean covers(Transaction t) {
                return covers.test(t);
            }

            @Override
            public String text() {
                return text;
            }
        };
    }

    /** A CEL condition over {@code account.*} and {@code deal.*} (no {@code person}: a territory is nobody's). */
    static TerritoryRule cel(DealCondition condition) {
        Objects.requireNonNull(condition, "condition");
        return new CelRule(condition);
    }

    /** A CEL rule, a named type so that it serializes (its condition travels as text). */
    record CelRule(DealCondition condition) implements TerritoryRule {
        @Override
        public boolean covers(Transaction t) {
            return condition.test(DealFacts.of(t), t.account(), Map.of());
        }

        @Override
        public String text() {
            return condition.text();
        }
    }
}
