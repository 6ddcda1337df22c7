package org.attain.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Top and low performers from several live signals, never from one number. Pure: no Spring, no JDBC, no
 * clock (the day is an argument). Peers are the reps with the same role; a ramping rep (tenure shorter than
 * the ramp) is compared with ramping peers only. Signals come in three families:
 * <ul>
 *   <li>results: attainment this period in the top or bottom quartile of peers (midrank, so ties share a
 *       quartile); bookings in the top or bottom quartile of peers paid in the same currency. Pace (attainment
 *       against the share of the period gone: behind under half of it, ahead from 1.2 times) is shown as a
 *       reason beside them but counts for nothing on its own: it is absolute, not against peers;</li>
 *   <li>pipeline: coverage of the remaining quota under 1x or from 3x;</li>
 *   <li>activity: meetings or calls at least 40% below (or above) the peer median.</li>
 * </ul>
 * A flag is for the exceptional, and always needs two independent kinds of evidence: a strong result, meaning
 * attainment in the top or bottom tenth of peers this period and in the same quartile the period before (when there
 * was one to compare: a new hire's first quarter counts on its own); and pipeline or activity pointing the same way. Bookings come from the same deals as attainment, so they
 * are shown as a reason but never count as the second signal. (Until session 10 a quartile in one period plus a
 * second results or effort signal flagged, which flagged 45% of the demo company's reps.)
 * Reasons are message keys with arguments, so the page renders them in the reader's language.
 */
public final class PerformerClassifier {

    /** Fewest peers (the rep included) a quartile or median is taken over. */
    public static final int MIN_PEERS = 4;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");
    private static final BigDecimal TENTH = new BigDecimal("0.10");
    private static final BigDecimal NINE_TENTHS = new BigDecimal("0.90");
    private static final BigDecimal ACTIVITY_GAP = new BigDecimal("0.40");

    private PerformerClassifier() {}

    /**
     * One rep's live figures. Attainment and quota are null when the rep has no quota for that period (never
     * read as zero); bookings and pipeline are in {@code currency}.
     */
    public record RepMetrics(
            long personId,
            String role,
            LocalDate employmentStart,
            String currency,
            BigDecimal attainment,
            BigDecimal lastAttainment,
            BigDecimal quota,
            BigDecimal bookings,
            BigDecimal pipeline,
            long meetings,
            long calls) {}

    /** The period being judged and the day it is judged on. */
    public record Period(LocalDate startsOn, LocalDate endsOn, LocalDate today, int rampMonths) {

        /** Share of the period's days gone on {@code today}, 0..1, four places. */
        public BigDecimal elapsed() {
            long days = ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
            long gone = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(startsOn, today) + 1));
            return BigDecimal.valueOf(gone).divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_EVEN);
        }

        boolean ramping(LocalDate start) {
            return start != null && start.plusMonths(rampMonths).isAfter(today);
        }
    }

    public enum Flag {
        TOP,
        LOW,
        NONE
    }

    /** A message key under {@code insight.} with its arguments. */
    public record Reason(String key, List<Object> args) {
        public Reason {
            args = List.copyOf(args);
        }

        static Reason of(String key, Object... args) {
            return new Reason(key, List.of(args));
        }
    }

    public enum Band {
        TOP_10,
        TOP_25,
        TOP_50,
        LOWER_HALF
    }

    /**
     * One rep's verdict: the flag and the reasons that agree with it, whether they count as ramping, how many
     * peers they were compared with, their rank band and distance to the peer median attainment in percentage
     * points (both null when the rep or their peers have no attainment to compare), and notes on what could
     * not be judged (no quota, too few peers).
     */
    public record Assessment(
            long personId,
            Flag flag,
            List<Reason> reasons,
            boolean ramping,
            int peers,
            Band band,
            BigDecimal pointsFromMedian,
            List<Reason> notes) {}

    public static Map<Long, Assessment> classify(Collection<RepMetrics> reps, Period period) {
        Map<Long, Assessment> out = new LinkedHashMap<>();
        for (RepMetrics rep : reps) {
            boolean ramping = period.ramping(rep.employmentStart());
            List<RepMetrics> peers = reps.stream()
                    .filter(p -> Objects.equals(p.role(), rep.role()) && period.ramping(p.employmentStart()) == ramping)
                    .toList();
            out.put(rep.personId(), assess(rep, peers, ramping, period));
        }
        return out;
    }

    private static Assessment assess(RepMetrics rep, List<RepMetrics> peers, boolean ramping, Period period) {
        List<Reason> up = new ArrayList<>();
        List<Reason> down = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        boolean strongUp = false;
        boolean strongDown = false;
        boolean pipelineUp = false;
        boolean pipelineDown = false;

        Quartile now = quartile(rep, peers, RepMetrics::attainment);
        Quartile last = quartile(rep, peers, RepMetrics::lastAttainment);
        BigDecimal rank = percentile(rep, peers, RepMetrics::attainment);
        if (rep.attainment() == null) {
            notes.add(Reason.of("insight.note.noQuota"));
        } else if (now == Quartile.UNKNOWN) {
            notes.add(Reason.of("insight.note.fewPeers", MIN_PEERS));
        }
        // strong: the bottom (top) tenth now, and not a one-off: the same quartile the period before, unless there
        // was nothing to compare then (a new hire, no quota)
        boolean bottomTenth = rank != null && rank.compareTo(TENTH) <= 0;
        boolean topTenth = rank != null && rank.compareTo(NINE_TENTHS) >= 0;
        if (bottomTenth && (last == Quartile.BOTTOM || last == Quartile.UNKNOWN)) {
            down.add(Reason.of("insight.attainment.bottom10"));
            if (last == Quartile.BOTTOM) {
                down.add(Reason.of("insight.attainment.bottom2"));
            }
            strongDown = true;
        } else if (topTenth && (last == Quartile.TOP || last == Quartile.UNKNOWN)) {
            up.add(Reason.of("insight.attainment.top10"));
            if (last == Quartile.TOP) {
                up.add(Reason.of("insight.attainment.top2"));
            }
            strongUp = true;
        } else if (now == Quartile.BOTTOM) {
            down.add(Reason.of(last == Quartile.BOTTOM ? "insight.attainment.bottom2" : "insight.attainment.bottom"));
        } else if (now == Quartile.TOP) {
            up.add(Reason.of(last == Quartile.TOP ? "insight.attainment.top2" : "insight.attainment.top"));
        }

        BigDecimal elapsed = period.elapsed();
        if (rep.attainment() != null && elapsed.signum() > 0) {
            BigDecimal ratio = rep.attainment().divide(elapsed, 4, RoundingMode.HALF_EVEN);
            Object[] args = {percent(rep.attainment()), percent(elapsed)};
            if (ratio.compareTo(new BigDecimal("0.5")) < 0) {
                down.add(Reason.of("insight.pace.behind", args));
            } else if (ratio.compareTo(new BigDecimal("1.2")) >= 0) {
                up.add(Reason.of("insight.pace.ahead", args));
            }
        }

        List<RepMetrics> sameCurrency = peers.stream()
                .filter(p -> Objects.equals(p.currency(), rep.currency()))
                .toList();
        Quartile bookings = quartile(rep, sameCurrency, RepMetrics::bookings);
        if (bookings == Quartile.BOTTOM) {
            down.add(Reason.of("insight.bookings.bottom"));
        } else if (bookings == Quartile.TOP) {
            up.add(Reason.of("insight.bookings.top"));
        }

        BigDecimal coverage = coverage(rep);
        if (coverage != null) {
            if (coverage.compareTo(BigDecimal.ONE) < 0) {
                down.add(Reason.of("insight.coverage.low", coverage.setScale(1, RoundingMode.HALF_EVEN)));
                pipelineDown = true;
            } else if (coverage.compareTo(BigDecimal.valueOf(3)) >= 0) {
                up.add(Reason.of("insight.coverage.high", coverage.setScale(1, RoundingMode.HALF_EVEN)));
                pipelineUp = true;
            }
        }

        boolean activityDown = false;
        boolean activityUp = false;
        for (String kind : List.of("meetings", "calls")) {
            Function<RepMetrics, BigDecimal> count = "meetings".equals(kind)
                    ? r -> BigDecimal.valueOf(r.meetings())
                    : r -> BigDecimal.valueOf(r.calls());
            BigDecimal median = peers.size() < MIN_PEERS
                    ? null
                    : median(peers.stream().map(count).toList());
            if (median == null || median.signum() == 0) {
                continue;
            }
            BigDecimal gap = count.apply(rep).subtract(median).divide(median, 4, RoundingMode.HALF_EVEN);
            if (gap.compareTo(ACTIVITY_GAP.negate()) <= 0) {
                down.add(Reason.of("insight." + kind + ".below", percent(gap.negate())));
                activityDown = true;
            } else if (gap.compareTo(ACTIVITY_GAP) >= 0) {
                up.add(Reason.of("insight." + kind + ".above", percent(gap)));
                activityUp = true;
            }
        }
        boolean low = strongDown && (pipelineDown || activityDown);
        boolean top = strongUp && (pipelineUp || activityUp);
        Flag flag;
        if (low && top) {
            flag = Flag.NONE;
        } else if (low) {
            flag = Flag.LOW;
        } else if (top) {
            flag = Flag.TOP;
        } else {
            flag = Flag.NONE;
        }
        List<Reason> reasons = flag == Flag.LOW ? down : flag == Flag.TOP ? up : List.of();

        Band band = null;
        BigDecimal fromMedian = null;
        List<BigDecimal> attained = peers.stream()
                .map(RepMetrics::attainment)
                .filter(Objects::nonNull)
                .toList();
        if (rep.attainment() != null && attained.size() >= MIN_PEERS) {
            long above = attained.stream()
                    .filter(a -> a.compareTo(rep.attainment()) > 0)
                    .count();
            // share of peers strictly ahead: 0 for the best; ties share the better band
            BigDecimal ahead =
                    BigDecimal.valueOf(above).divide(BigDecimal.valueOf(attained.size()), 4, RoundingMode.HALF_EVEN);
            band = ahead.compareTo(new BigDecimal("0.10")) < 0
                    ? Band.TOP_10
                    : ahead.compareTo(QUARTER) < 0
                            ? Band.TOP_25
                            : ahead.compareTo(new BigDecimal("0.5")) < 0 ? Band.TOP_50 : Band.LOWER_HALF;
            fromMedian = rep.attainment()
                    .subtract(median(attained))
                    .multiply(HUNDRED)
                    .setScale(1, RoundingMode.HALF_EVEN);
        }
        return new Assessment(rep.personId(), flag, reasons, ramping, peers.size(), band, fromMedian, notes);
    }

    /** Pipeline ÷ remaining quota; null without a quota or once the quota is reached. */
    static BigDecimal coverage(RepMetrics rep) {
        if (rep.quota() == null || rep.quota().signum() <= 0 || rep.attainment() == null) {
            return null;
        }
        BigDecimal remaining = rep.quota().multiply(BigDecimal.ONE.subtract(rep.attainment()));
        if (remaining.signum() <= 0) {
            return null;
        }
        BigDecimal pipeline = rep.pipeline() == null ? BigDecimal.ZERO : rep.pipeline();
        return pipeline.divide(remaining, 4, RoundingMode.HALF_EVEN);
    }

    enum Quartile {
        TOP,
        MIDDLE,
        BOTTOM,
        UNKNOWN
    }

    /**
     * The quartile of the rep's {@link #percentile}, so tied reps land in the same one: unknown without the figure or
     * with fewer than {@link #MIN_PEERS}, the middle when everyone has the same.
     */
    static Quartile quartile(RepMetrics rep, List<RepMetrics> peers, Function<RepMetrics, BigDecimal> figure) {
        List<BigDecimal> values =
                peers.stream().map(figure).filter(Objects::nonNull).toList();
        BigDecimal mine = figure.apply(rep);
        if (mine != null && values.size() >= MIN_PEERS && values.stream().allMatch(v -> v.compareTo(mine) == 0)) {
            return Quartile.MIDDLE;
        }
        BigDecimal p = percentile(rep, peers, figure);
        if (p == null) {
            return Quartile.UNKNOWN;
        }
        if (p.compareTo(QUARTER) <= 0) {
            return Quartile.BOTTOM;
        }
        return p.compareTo(THREE_QUARTERS) >= 0 ? Quartile.TOP : Quartile.MIDDLE;
    }

    /**
     * Midrank percentile among the peers that have the figure: (below + (equal - 1) / 2) / (n - 1), 0..1, so tied
     * reps share one. Null without the figure, with fewer than {@link #MIN_PEERS} or when all are equal.
     */
    static BigDecimal percentile(RepMetrics rep, List<RepMetrics> peers, Function<RepMetrics, BigDecimal> figure) {
        BigDecimal mine = figure.apply(rep);
        List<BigDecimal> values =
                peers.stream().map(figure).filter(Objects::nonNull).toList();
        if (mine == null || values.size() < MIN_PEERS) {
            return null;
        }
        long below = values.stream().filter(v -> v.compareTo(mine) < 0).count();
        long equal = values.stream().filter(v -> v.compareTo(mine) == 0).count();
        if (equal == values.size()) {
            return null;
        }
        return BigDecimal.valueOf(2 * below + equal - 1)
                .divide(BigDecimal.valueOf(2L * (values.size() - 1)), 4, RoundingMode.HALF_EVEN);
    }

    static BigDecimal median(List<BigDecimal> values) {
        return TeamInsights.median(values);
    }

    /** A ratio as whole percent, e.g. 0.4 → 40. */
    private static BigDecimal percent(BigDecimal ratio) {
        return ratio.multiply(HUNDRED).setScale(0, RoundingMode.HALF_EVEN);
    }
}
