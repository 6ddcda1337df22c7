package org.attain.forecast;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The probability of each stage (0..1), by stage name (case ignored), and where each came from. A stage nobody
 * set weighs zero: the forecast does not guess.
 */
public final class StageProbabilities {

    /** Where a stage's probability comes from. */
    public enum Source {
        ADMIN,
        LEARNED
    }

    public record Probability(String stage, BigDecimal value, Source source, int sample) {}

    private final Map<String, Probability> byStage = new TreeMap<>();

    public StageProbabilities(Iterable<Probability> probabilities) {
        for (Probability p : probabilities) {
            if (p.value().signum() < 0 || p.value().compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(
                        "stage " + p.stage() + ": a probability must be from 0 to 1, not " + p.value());
            }
            byStage.put(p.stage().toLowerCase(Locale.ROOT), p);
        }
    }

    public static StageProbabilities of(Map<String, String> probabilities) {
        return new StageProbabilities(probabilities.entrySet().stream()
                .map(e -> new Probability(e.getKey(), new BigDecimal(e.getValue()), Source.ADMIN, 0))
                .toList());
    }

    public BigDecimal of(String stage) {
        Probability p = stage == null ? null : byStage.get(stage.toLowerCase(Locale.ROOT));
        return p == null ? BigDecimal.ZERO : p.value();
    }

    public java.util.Collection<Probability> all() {
        return byStage.values();
    }
}
