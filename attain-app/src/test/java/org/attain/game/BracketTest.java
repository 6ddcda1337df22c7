package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure bracket: re-seeded pairings best against worst, a bye for the best seed when odd, the documented tie rule. */
class BracketTest {

    private static Map<String, BigDecimal> round(Object... keyValue) {
        java.util.HashMap<String, BigDecimal> m = new java.util.HashMap<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            m.put((String) keyValue[i], new BigDecimal(keyValue[i + 1].toString()));
        }
        return m;
    }

    @Test
    void fiveSeedsPlayThreeRoundsWithAByeForTheBestSeedAndTiesGoToTheHigherTotalThenTheBetterSeed() {
        assertThat(Bracket.rounds(5)).isEqualTo(3);
        assertThat(Bracket.rounds(4)).isEqualTo(2);
        assertThat(Bracket.rounds(2)).isEqualTo(1);
        List<String> seeds = List.of("S1", "S2", "S3", "S4", "S5");
        Bracket.Result r = Bracket.run(
                seeds,
                List.of(
                        // S1 bye; S2 v S5: S5 wins 6-4; S3 v S4: 3-3 tie and equal totals: the better seed S3 advances
                        round("S1", 1, "S2", 4, "S3", 3, "S4", 3, "S5", 6),
                        // left S1, S3, S5: S1 bye; S3 v S5 5-5, the higher total so far advances: S5 (11) over S3 (8)
                        round("S1", 0, "S3", 5, "S5", 5),
                        // S1 v S5: 2-9
                        round("S1", 2, "S5", 9)));
        assertThat(r.matches())
                .extracting(Bracket.Match::round, Bracket.Match::first, Bracket.Match::second, Bracket.Match::winner)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "S1", null, "S1"),
                        org.assertj.core.groups.Tuple.tuple(1, "S2", "S5", "S5"),
                        org.assertj.core.groups.Tuple.tuple(1, "S3", "S4", "S3"),
                        org.assertj.core.groups.Tuple.tuple(2, "S1", null, "S1"),
                        org.assertj.core.groups.Tuple.tuple(2, "S3", "S5", "S5"),
                        org.assertj.core.groups.Tuple.tuple(3, "S1", "S5", "S5"));
        assertThat(r.winner()).isEqualTo("S5");
        assertThat(r.outInRound())
                .containsEntry("S2", 1)
                .containsEntry("S4", 1)
                .containsEntry("S3", 2)
                .containsEntry("S1", 3);
    }

    @Test
    void aRunningBracketHasNoWinnerAndThoseStillInAreListed() {
        Bracket.Result r = Bracket.run(List.of("A", "B", "C", "D"), List.of(round("A", 1, "D", 2, "B", 5, "C", 0)));
        assertThat(r.winner()).isNull();
        assertThat(r.left()).containsExactly("B", "D");
    }
}
