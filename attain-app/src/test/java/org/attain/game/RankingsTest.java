package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingsTest {

    static Entry e(String key, String value, String goal, String baseline) {
        return new Entry(
                key,
                "name " + key,
                new BigDecimal(value),
                goal == null ? null : new BigDecimal(goal),
                baseline == null ? null : new BigDecimal(baseline));
    }

    @Test
    void tiesShareTheRankAreListedByNameAndTheNextRankSkips() {
        List<Standing> s = Rankings.rank(
                RankingBasis.VALUE,
                List.of(
                        e("c", "5", null, null),
                        e("a", "9", null, null),
                        e("b", "5", null, null),
                        e("d", "1", null, null)));
        assertThat(s).extracting(Standing::key).containsExactly("a", "b", "c", "d");
        assertThat(s).extracting(Standing::rank).containsExactly(1, 2, 2, 4);
        assertThat(s).extracting(Standing::tied).containsExactly(false, true, true, false);
    }

    @Test
    void percentOfGoalComparesExactRatiosNotTheRoundedOnes() {
        // 1/3 = 33.333..% and 2/6 are equal (a tie); 333/1000 = 33.30% is below although both show 33.33 vs 33.30
        List<Standing> s = Rankings.rank(
                RankingBasis.PERCENT_OF_GOAL,
                List.of(
                        e("x", "1", "3", null),
                        e("y", "2", "6", null),
                        e("z", "333", "1000", null),
                        e("n", "5", null, null)));
        assertThat(s).extracting(Standing::key).containsExactly("x", "y", "z", "n");
        assertThat(s).extracting(Standing::rank).containsExactly(1, 1, 3, null);
        assertThat(s.get(0).score()).isEqualByComparingTo("33.33");
        assertThat(s.get(3).ranked()).isFalse();
    }

    @Test
    void improvementIsPercentOverAPositiveBaseline() {
        List<Standing> s = Rankings.rank(
                RankingBasis.IMPROVEMENT,
                List.of(e("a", "150", null, "100"), e("b", "300", null, "250"), e("c", "10", null, "0")));
        assertThat(s).extracting(Standing::key).containsExactly("a", "b", "c");
        assertThat(s.get(0).score()).isEqualByComparingTo("50.00");
        assertThat(s.get(1).score()).isEqualByComparingTo("20.00");
        assertThat(s.get(2).rank()).isNull();
    }

    @Test
    void bandsFollowTheShareAhead() {
        assertThat(Band.of(1, 20)).isEqualTo(Band.TOP_10);
        assertThat(Band.of(2, 20)).isEqualTo(Band.TOP_10);
        assertThat(Band.of(3, 20)).isEqualTo(Band.TOP_25);
        assertThat(Band.of(5, 20)).isEqualTo(Band.TOP_25);
        assertThat(Band.of(6, 20)).isEqualTo(Band.TOP_50); // 5 of 20 ahead: 25 %, not fewer
        assertThat(Band.of(10, 20)).isEqualTo(Band.TOP_50);
        assertThat(Band.of(11, 20)).isEqualTo(Band.REST);
        assertThat(Band.of(1, 1)).isEqualTo(Band.TOP_10);
    }

    @Test
    void teamsSumTheirMembersAndLoseTheGoalWhenAMemberHasNone() {
        List<Entry> teams = Rankings.teams(
                List.of(
                        e("1", "10", "20", null),
                        e("2", "30", "20", null),
                        e("3", "5", null, null),
                        e("4", "7", "7", null)),
                Map.of("1", "t1", "2", "t1", "3", "t2", "4", "t2"),
                Map.of("t1", "One"));
        assertThat(teams)
                .containsExactly(
                        new Entry("t1", "One", new BigDecimal("40"), new BigDecimal("40"), null),
                        new Entry("t2", "t2", new BigDecimal("12"), null, null));
    }

    @Test
    void eliminationTiesDropTheLowerLastIntervalThenTheLaterName() {
        Elimination.Result r = Elimination.run(List.of(
                new Elimination.Competitor("a", "A", List.of(new BigDecimal("3"), new BigDecimal("1"))),
                new Elimination.Competitor("b", "B", List.of(new BigDecimal("3"), new BigDecimal("1")))));
        assertThat(r.outOrder()).containsExactly("b");
        assertThat(r.winner()).isEqualTo("a");
    }

    @Test
    void raceIsWonByTheFirstToReachTheTargetAndADeadHeatByKey() {
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        Race.Result r = Race.run(
                new BigDecimal("100"),
                List.of(
                        new Race.Step("b", t0.plusSeconds(60), new BigDecimal("60")),
                        new Race.Step("a", t0, new BigDecimal("50")),
                        new Race.Step("a", t0.plusSeconds(60), new BigDecimal("50")),
                        new Race.Step("b", t0, new BigDecimal("40"))));
        assertThat(r.winner()).isEqualTo("a");
        assertThat(r.finishers()).extracting(Race.Finish::key).containsExactly("a", "b");
        assertThatThrownBy(() -> Race.run(BigDecimal.ZERO, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
