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
 * Stage probabilities learned by stage and deal age, pure: a deal seen in a stage when it was 0–30, 31–90, 91–180
 * or more than 180 days old counts once for that stage and age band; of those since closed, the share won (four
 * decimals). A young Proposal and one that has sat there for half a year rarely close alike. A band with fewer closed
 * deals than the minimum learns nothing, and the forecast falls back to the stage's learned probability, then to the
 * admin's.
 */
public final class StageAgeLearning {

    /** How old a deal was (days since it was created) when it was seen in a stage. */
    public enum AgeBand {
        UP_TO_30(0, 30),
        UP_TO_90(31, 90),
        UP_TO_180(91, 180),
        OVER_180(181, Long.MAX_VALUE);

        private final long from;
        private final long to;

        AgeBand(long from, long to) {
            this.from = from;
            this.to = to;
        }

        /** The band of an age in days; a deal seen before its own creation date (bad data) counts as new. */
        public static AgeBand of(long days) {
            for (AgeBand b : values()) {
                if (days <= b.to) {
                    return b;
                }
            }
            return OVER_180;
        }

        public long from() {
            return from;
        }

        /** The last day of the band, or null for the open-ended one. */
        public Long to() {
            return to == Long.MAX_VALUE ? null : to;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A deal seen in {@code stage} at {@code ageDays} that later closed, won or lost. */
    public record Outcome(String stage, long ageDays, boolean won) {}

    /** What one stage and age band learned: the share won and how many closed deals it rests on. */
    public record Learned(String stage, AgeBand band, BigDecimal value, int sample) {}

    private StageAgeLearning() {}

    /** Every stage and band with at least {@code minimumSample} outcomes, by stage (case ignored) then band. */
    public static List<Learned> learn(Collection<Outcome> outcomes, int minimumSample) {
        Map<String, Map<AgeBand, int[]>> counts = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Outcome o : outcomes) {
            String key = o.stage().toLowerCase(Locale.ROOT);
            names.putIfAbsent(key, o.stage());
            int[] c = counts.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(AgeBand.of(o.ageDays()), k -> new int[2]);
            c[0]++;
            if (o.won()) {
                c[1]++;
            }
        }
        List<Learned> out = new ArrayList<>();
        counts.forEach((key, bands) -> bands.forEach((band, c) -> {
            if (c[0] >= Math.max(1, minimumSample)) {
                out.add(new Learned(
                        names.get(key),
                        band,
                        BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_EVEN),
                        c[0]));
            }
        }));
        return out;
    }
}
