package org.attain.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Where one value sits among the same metric's values of a rep's peers (the rep included): the midrank percentile
 * (0 the worst, 100 the best; tied values share one: (2·worse + equal − 1) ÷ (2·(n − 1))), the peer median and the
 * distance from it. For metrics where less is better (the sales cycle) "worse" means larger. Pure.
 *
 * @param metric        the metric's key (attainment, bookings, win_rate, average_deal_size, sales_cycle_days,
 *                      calls, meetings, opportunities)
 * @param percentile    null when the rep has no value or fewer than {@link PerformerClassifier#MIN_PEERS} peers do
 * @param fromMedian    value − median, in the metric's unit (attainment and win rate as ratios)
 */
public record PeerStanding(
        String metric,
        BigDecimal value,
        BigDecimal median,
        BigDecimal fromMedian,
        BigDecimal percentile,
        int peers,
        boolean lowerIsBetter) {

    public static PeerStanding of(String metric, BigDecimal mine, List<BigDecimal> peerValues, boolean lowerIsBetter) {
        List<BigDecimal> values = peerValues.stream().filter(Objects::nonNull).toList();
        if (mine == null || values.size() < PerformerClassifier.MIN_PEERS) {
            return new PeerStanding(metric, mine, null, null, null, values.size(), lowerIsBetter);
        }
        long worse = values.stream()
                .filter(v -> lowerIsBetter ? v.compareTo(mine) > 0 : v.compareTo(mine) < 0)
                .count();
        long equal = values.stream().filter(v -> v.compareTo(mine) == 0).count();
        BigDecimal percentile = BigDecimal.valueOf(100 * (2 * worse + equal - 1))
                .divide(BigDecimal.valueOf(2L * (values.size() - 1)), 0, RoundingMode.HALF_EVEN);
        BigDecimal median = TeamInsights.median(values);
        return new PeerStanding(metric, mine, median, mine.subtract(median), percentile, values.size(), lowerIsBetter);
    }
}
