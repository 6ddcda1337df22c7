package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.analytics.PerformerClassifier.Assessment;
import org.attain.analytics.PerformerClassifier.Band;
import org.attain.analytics.PerformerClassifier.Flag;
import org.attain.analytics.PerformerClassifier.Period;
import org.attain.analytics.PerformerClassifier.Reason;
import org.attain.analytics.PerformerClassifier.RepMetrics;
import org.junit.jupiter.api.Test;

/** The classifier on hand-made peers, on a pinned day 72% into the quarter. */
class PerformerClassifierTest {

    private static final LocalDate VETERAN = LocalDate.of(2020, 1, 1);
    // Q4: 2026-10-01 .. 2026-12-31 (92 days); day 66 is 2026-12-05, 66/92 = 0.7174
    private static final Period Q4 =
            new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 5), 6);

    private static RepMetrics rep(long id, String attainment, String last, long meetings, long calls) {
        return rep(id, VETERAN, attainment, last, "100000", "150000", meetings, calls);
    }

    private static RepMetrics rep(
            long id,
            LocalDate start,
            String attainment,
            String last,
            String quota,
            String pipeline,
            long meetings,
            long calls) {
        BigDecimal a = attainment == null ? null : new BigDecimal(attainment);
        BigDecimal q = quota == null ? null : new BigDecimal(quota);
        BigDecimal bookings = a == null || q == null ? BigDecimal.ZERO : a.multiply(q);
        return new RepMetrics(
                id,
                "Account Executive",
                start,
                "EUR",
                a,
                last == null ? null : new BigDecimal(last),
                q,
                bookings,
                new BigDecimal(pipeline),
                meetings,
                calls);
    }

    private static List<String> keys(Assessment a) {
        return a.reasons().stream().map(Reason::key).toList();
    }

    @Test
    void elapsedShareIsPinnedNotReadFromTheClock() {
        assertThat(Q4.elapsed()).isEqualByComparingTo("0.7174");
        assertThat(new Period(Q4.startsOn(), Q4.endsOn(), LocalDate.of(2026, 9, 30), 6).elapsed())
                .isEqualByComparingTo("0");
    }

    @Test
    void oneNoisyNumberDoesNotFlag() {
        // rep 1 is bottom on attainment only: on pace (0.60 of 0.72), pipeline 2.5x the rest, meetings and calls at the
        // median, and paid in USD so their bookings are not compared with EUR peers
        List<RepMetrics> reps = List.of(
                new RepMetrics(
                        1,
                        "Account Executive",
                        VETERAN,
                        "USD",
                        new BigDecimal("0.60"),
                        new BigDecimal("0.90"),
                        new BigDecimal("100000"),
                        new BigDecimal("60000"),
                        new BigDecimal("100000"),
                        10,
                        30),
                rep(2, "0.70", "0.80", 10, 30),
                rep(3, "0.75", "0.70", 10, 30),
                rep(4, "0.80", "0.75", 10, 30),
                rep(5, "0.85", "0.85", 10, 30));
        Assessment a = PerformerClassifier.classify(reps, Q4).get(1L);
        assertThat(a.flag()).isEqualTo(Flag.NONE);
        assertThat(a.reasons()).isEmpty();
        assertThat(a.band()).isEqualTo(Band.LOWER_HALF);
    }

    @Test
    void resultsFromTheSameDealsCountOnceAndEffortAloneDoesNotFlag() {
        // rep 1: bottom attainment, behind pace and bottom bookings, but pipeline and activity at the peers' level
        // rep 5: meetings and calls far above the median and a full pipeline, results in the middle
        List<RepMetrics> reps = List.of(
                rep(1, VETERAN, "0.20", "0.90", "100000", "150000", 10, 30),
                rep(2, "0.70", "0.80", 10, 30),
                rep(3, "0.75", "0.70", 10, 30),
                rep(4, "0.80", "0.75", 10, 30),
                rep(5, VETERAN, "0.50", "0.85", "100000", "900000", 30, 90),
                rep(6, "0.85", "0.85", 10, 30));
        Map<Long, Assessment> all = PerformerClassifier.classify(reps, Q4);
        assertThat(all.get(1L).flag()).isEqualTo(Flag.NONE);
        assertThat(all.get(5L).flag()).isEqualTo(Flag.NONE);
        assertThat(all.get(5L).reasons()).isEmpty();
    }

    @Test
    void twoAgreeingSignalsFlagLowWithTheirReasons() {
        List<RepMetrics> reps = List.of(
                rep(1, "0.20", "0.60", 6, 30),
                rep(2, "0.70", "0.80", 10, 30),
                rep(3, "0.75", "0.70", 10, 30),
                rep(4, "0.80", "0.75", 10, 30),
                rep(5, "0.85", "0.85", 10, 30));
        Assessment a = PerformerClassifier.classify(reps, Q4).get(1L);
        assertThat(a.flag()).isEqualTo(Flag.LOW);
        assertThat(keys(a))
                .containsExactly(
                        "insight.attainment.bottom10",
                        "insight.attainment.bottom2",
                        "insight.pace.behind",
                        "insight.bookings.bottom",
                        "insight.meetings.below");
        assertThat(a.reasons().get(2).args()).containsExactly(new BigDecimal("20"), new BigDecimal("72"));
        assertThat(a.reasons().get(4).args()).containsExactly(new BigDecimal("40"));
        // the same quarter after a good one (top quartile last time) is not a flag: it may be a one-off
        List<RepMetrics> afterAGoodOne = new ArrayList<>(reps);
        afterAGoodOne.set(0, rep(1, "0.20", "0.90", 6, 30));
        assertThat(PerformerClassifier.classify(afterAGoodOne, Q4).get(1L).flag())
                .isEqualTo(Flag.NONE);
    }

    @Test
    void bottomTenthAfterABottomQuarterFlagsOnlyWithPipelineOrActivityAgreeing() {
        // pace fine (0.60 of 0.72 elapsed), pipeline 150k over 40k remaining, meetings at the median, same bookings as
        // ever
        List<RepMetrics> reps = new ArrayList<>();
        reps.add(new RepMetrics(
                1,
                "AE",
                VETERAN,
                "EUR",
                new BigDecimal("0.60"),
                new BigDecimal("0.50"),
                new BigDecimal("100000"),
                new BigDecimal("90000"),
                new BigDecimal("100000"),
                10,
                30));
        for (long id = 2; id <= 5; id++) {
            reps.add(new RepMetrics(
                    id,
                    "AE",
                    VETERAN,
                    "EUR",
                    new BigDecimal("0.9" + id),
                    new BigDecimal("0.9" + id),
                    new BigDecimal("100000"),
                    new BigDecimal("90000"),
                    new BigDecimal("150000"),
                    10,
                    30));
        }
        assertThat(PerformerClassifier.classify(reps, Q4).get(1L).flag()).isEqualTo(Flag.NONE);
        // the same rep with 30k of pipeline against 40k of quota still open: coverage 0.75 agrees
        RepMetrics r = reps.get(0);
        reps.set(
                0,
                new RepMetrics(
                        1,
                        "AE",
                        VETERAN,
                        "EUR",
                        r.attainment(),
                        r.lastAttainment(),
                        r.quota(),
                        r.bookings(),
                        new BigDecimal("30000"),
                        10,
                        30));
        Assessment a = PerformerClassifier.classify(reps, Q4).get(1L);
        assertThat(a.flag()).isEqualTo(Flag.LOW);
        assertThat(keys(a))
                .containsExactly("insight.attainment.bottom10", "insight.attainment.bottom2", "insight.coverage.low");
    }

    @Test
    void tiedRepsShareAQuartileAndABand() {
        List<RepMetrics> reps = List.of(
                rep(1, "0", "0.50", 4, 30),
                rep(2, "0", "0.50", 4, 30),
                rep(3, "0", "0.50", 4, 30),
                rep(4, "0.80", "0.50", 10, 30),
                rep(5, "0.90", "0.50", 10, 30),
                rep(6, "0.95", "0.50", 10, 30),
                rep(7, "1.00", "0.50", 10, 30),
                rep(8, "1.10", "0.50", 10, 30));
        Map<Long, Assessment> all = PerformerClassifier.classify(reps, Q4);
        // three tied at 0% among eight: midrank (2·0 + 3 − 1) ÷ 14 = 0.14, the bottom quartile but not the bottom
        // tenth, and not two quarters running: one weak quarter with low meetings is not a flag
        for (long id = 1; id <= 3; id++) {
            assertThat(all.get(id).flag()).isEqualTo(Flag.NONE);
            assertThat(all.get(id).band()).isEqualTo(Band.LOWER_HALF);
            assertThat(PerformerClassifier.quartile(reps.get(0), reps, RepMetrics::attainment))
                    .isEqualTo(PerformerClassifier.Quartile.BOTTOM);
        }
        // median of the eight is (0.80 + 0.90) / 2 = 0.85
        assertThat(all.get(8L).pointsFromMedian()).isEqualByComparingTo("25.0");
        assertThat(all.get(8L).band()).isEqualTo(Band.TOP_10);
        assertThat(all.get(7L).band()).isEqualTo(Band.TOP_25);
        assertThat(all.get(1L).pointsFromMedian()).isEqualByComparingTo("-85.0");
        // everyone equal last quarter: nobody is bottom two quarters running
        assertThat(keys(all.get(1L))).doesNotContain("insight.attainment.bottom2");
    }

    @Test
    void rampingRepsAreComparedWithRampingPeersOnly() {
        LocalDate hired = LocalDate.of(2026, 9, 1);
        List<RepMetrics> reps = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            reps.add(rep(id, VETERAN, "1.0" + id, "1.0" + id, "100000", "150000", 10, 30));
        }
        // new hires at 30..45%: bottom among everyone, but compared only with one another
        for (long id = 11; id <= 14; id++) {
            reps.add(rep(id, hired, "0.3" + (id - 10), null, "100000", "150000", 10, 30));
        }
        Map<Long, Assessment> all = PerformerClassifier.classify(reps, Q4);
        Assessment best = all.get(14L);
        assertThat(best.ramping()).isTrue();
        assertThat(best.peers()).isEqualTo(4);
        assertThat(best.band()).isEqualTo(Band.TOP_10);
        assertThat(all.get(1L).ramping()).isFalse();
        assertThat(all.get(1L).peers()).isEqualTo(5);
    }

    @Test
    void aRepWithNoQuotaIsNotRankedAsZero() {
        List<RepMetrics> reps = List.of(
                rep(1, VETERAN, null, null, null, "0", 0, 0),
                rep(2, "0.70", "0.80", 10, 30),
                rep(3, "0.75", "0.70", 10, 30),
                rep(4, "0.80", "0.75", 10, 30),
                rep(5, "0.85", "0.85", 10, 30));
        Assessment a = PerformerClassifier.classify(reps, Q4).get(1L);
        assertThat(a.band()).isNull();
        assertThat(a.pointsFromMedian()).isNull();
        assertThat(a.notes()).extracting(Reason::key).containsExactly("insight.note.noQuota");
        assertThat(keys(a)).doesNotContain("insight.attainment.bottom", "insight.pace.behind");
        assertThat(PerformerClassifier.coverage(reps.get(0))).isNull();
        // the others are still ranked among the four that have a quota
        assertThat(PerformerClassifier.classify(reps, Q4).get(5L).band()).isEqualTo(Band.TOP_10);
    }

    @Test
    void anEmptyRangeSaysSoRatherThanZero() {
        // a period that has not begun and peers too few to compare
        Period notYet = new Period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), LocalDate.of(2026, 12, 5), 6);
        List<RepMetrics> reps = List.of(rep(1, "0", null, 0, 0), rep(2, "0", null, 0, 0));
        Assessment a = PerformerClassifier.classify(reps, notYet).get(1L);
        assertThat(a.flag()).isEqualTo(Flag.NONE);
        assertThat(a.band()).isNull();
        assertThat(a.pointsFromMedian()).isNull();
        assertThat(a.notes()).extracting(Reason::key).containsExactly("insight.note.fewPeers");
        assertThat(PerformerClassifier.classify(List.of(), Q4)).isEmpty();
    }

    @Test
    void coverageIsPipelineOverTheRemainingQuota() {
        RepMetrics r = rep(1, VETERAN, "0.60", null, "100000", "20000", 0, 0);
        assertThat(PerformerClassifier.coverage(r)).isEqualByComparingTo("0.5");
        assertThat(PerformerClassifier.coverage(rep(2, VETERAN, "1.10", null, "100000", "20000", 0, 0)))
                .isNull();
    }
}
