package org.attain.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage probabilities learned from the company's own history, pure: of the deals seen in a stage that have
 * closed since, the share won (by count, four decimals). A stage with fewer closed deals than the minimum
 * sample learns nothing: its probability stays the admin's, and the page says so.
 */
public final class StageLearning {

    /** A deal seen in {@code stage} that later closed, won or lost. */
    public record Outcome(String stage, boolean won) {}

    private StageLearning() {}

    public static List<StageProbabilities.Probability> learn(Collection<Outcome> outcomes, int minimumSample) {
        Map<String, int[]> byStage = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Outcome o : outcomes) {
            String key = o.stage().toLowerCase(Locale.ROOT);
            names.putIfAbsent(key, o.stage());
            int[] counts = byStage.computeIfAbsent(key, k -> new int[2]);
            counts[0]++;
            if (o.won()) {
                counts[1]++;
            }
        }
        List<StageProbabilities.Probability> learned = new ArrayList<>();
        byStage.forEach((key, counts) -> {
            if (counts[0] >= minimumSample && counts[0] > 0) {
                learned.add(new StageProbabilities.Probability(
                        names.get(key),
                        BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_EVEN),
                        StageProbabilities.Source.LEARNED,
                        counts[0]));
            }
        });
        return learned;
    }
}
