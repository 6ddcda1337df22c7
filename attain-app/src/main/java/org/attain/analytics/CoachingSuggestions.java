package org.attain.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The two coaching cues, pure and exact (integer sums, BigDecimal division and square root, so the same data gives
 * the same answer on any machine):
 * <ul>
 *   <li>the funnel step where a rep falls furthest behind peers: for calls (volume) and each conversion (meetings per
 *       call, opportunities per meeting, wins per opportunity), the rep's value against the peer median, as a share
 *       ((mine − median) ÷ median); the most negative, if at least {@link #BEHIND} below;</li>
 *   <li>the activity most associated with wins in the company's own data: over every rep's months, the Pearson
 *       correlation between how many of an activity (calls, meetings, e-mails, webinars) a rep logged in a month and
 *       how many opportunities they won that month; the kind with the highest coefficient, if positive, over at least
 *       {@link #MIN_OBSERVATIONS} rep-months.</li>
 * </ul>
 */
public final class CoachingSuggestions {

    /** A step counts as behind from 10% under the peer median. */
    public static final BigDecimal BEHIND = new BigDecimal("-0.10");

    public static final int MIN_OBSERVATIONS = 30;

    static final List<GoalMetric> FUNNEL = List.of(
            GoalMetric.CALLS,
            GoalMetric.MEETINGS_PER_CALL,
            GoalMetric.OPPORTUNITIES_PER_MEETING,
            GoalMetric.WINS_PER_OPPORTUNITY);

    static final List<GoalMetric> ACTIVITIES =
            List.of(GoalMetric.CALLS, GoalMetric.MEETINGS, GoalMetric.EMAILS, GoalMetric.WEBINARS);

    private CoachingSuggestions() {}

    /** One funnel step of a rep against the peer median; {@code gap} is (mine − median) ÷ median, four places. */
    public record StepGap(GoalMetric step, BigDecimal mine, BigDecimal peerMedian, BigDecimal gap) {}

    /** How strongly an activity's monthly count goes with monthly wins: Pearson's r (four places) over n rep-months. */
    public record Association(GoalMetric activity, BigDecimal r, int observations) {}

    /** Every funnel step's gap (steps without a peer median left out), worst first. */
    public static List<StepGap> funnelGaps(Figures mine, List<Figures> peers) {
        List<StepGap> out = new ArrayList<>();
        for (GoalMetric step : FUNNEL) {
            BigDecimal value = step.of(mine);
            List<BigDecimal> values =
                    peers.stream().map(step::of).filter(Objects::nonNull).toList();
            if (value == null || values.size() < PerformerClassifier.MIN_PEERS) {
                continue;
            }
            BigDecimal median = TeamInsights.median(values);
            if (median.signum() == 0) {
                continue;
            }
            out.add(new StepGap(step, value, median, value.subtract(median).divide(median, 4, RoundingMode.HALF_EVEN)));
        }
        out.sort(Comparator.comparing(StepGap::gap).thenComparing(g -> g.step().ordinal()));
        return out;
    }

    /** The step furthest behind peers, when one is at least {@link #BEHIND} under the median. */
    public static Optional<StepGap> furthestBehind(Figures mine, List<Figures> peers) {
        return funnelGaps(mine, peers).stream().findFirst().filter(g -> g.gap().compareTo(BEHIND) <= 0);
    }

    /** Each activity's association with wins over the rep-months given, strongest first (kinds without variance left out). */
    public static List<Association> associations(List<Figures> repMonths) {
        List<Association> out = new ArrayList<>();
        if (repMonths.size() < MIN_OBSERVATIONS) {
            return out;
        }
        for (GoalMetric kind : ACTIVITIES) {
            long n = repMonths.size();
            long sx = 0;
            long sy = 0;
            long sxx = 0;
            long syy = 0;
            long sxy = 0;
            for (Figures f : repMonths) {
                long x = kind.of(f).longValueExact();
                long y = f.won();
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
            }
            BigDecimal varX = BigDecimal.valueOf(n * sxx - sx * sx);
            BigDecimal varY = BigDecimal.valueOf(n * syy - sy * sy);
            if (varX.signum() <= 0 || varY.signum() <= 0) {
                continue;
            }
            BigDecimal cov = BigDecimal.valueOf(n * sxy - sx * sy);
            BigDecimal r = cov.divide(varX.multiply(varY).sqrt(MathContext.DECIMAL64), 4, RoundingMode.HALF_EVEN);
            out.add(new Association(kind, r, (int) n));
        }
        out.sort(Comparator.comparing(Association::r)
                .reversed()
                .thenComparing(a -> a.activity().ordinal()));
        return out;
    }

    /** The activity most associated with wins, when its association is positive. */
    public static Optional<Association> strongest(List<Association> associations) {
        return associations.stream().findFirst().filter(a -> a.r().signum() > 0);
    }
}
