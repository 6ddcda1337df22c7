package org.attain.game;

import java.math.BigDecimal;

/**
 * One competitor's figures for a ranking: the metric's value in the window and, where the basis needs them,
 * the goal (percent of goal) and the baseline (improvement). {@code key} identifies the competitor (a person
 * or team id as text), {@code name} is what a board shows and the second tie-breaker.
 */
public record Entry(String key, String name, BigDecimal value, BigDecimal goal, BigDecimal baseline) {

    public Entry {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an entry needs a key");
        }
        name = name == null ? key : name;
        value = value == null ? BigDecimal.ZERO : value;
    }

    public static Entry of(String key, BigDecimal value) {
        return new Entry(key, key, value, null, null);
    }
}
