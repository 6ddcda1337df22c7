package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.attain.pulse.Enps.Thresholds;
import org.attain.pulse.GroupSuppression.Decision;
import org.attain.pulse.GroupSuppression.Group;
import org.attain.pulse.GroupSuppression.Reason;
import org.junit.jupiter.api.Test;

class EnpsTest {

    @Test
    void roundsHalfAwayFromZeroToAWholeNumber() {
        // 1 promoter, 7 passives out of 8: 12.5 -> 13; 1 detractor, 7 passives: -12.5 -> -13.
        assertThat(Enps.tally(List.of(10, 7, 7, 7, 7, 7, 7, 7), Thresholds.DEFAULT)
                        .enps())
                .isEqualTo(13);
        assertThat(Enps.tally(List.of(0, 7, 7, 7, 7, 7, 7, 7), Thresholds.DEFAULT)
                        .enps())
                .isEqualTo(-13);
        assertThat(Enps.tally(List.of(), Thresholds.DEFAULT).enps()).isNull();
    }

    @Test
    void thresholdsAreConfigurablePerSurvey() {
        Thresholds strict = new Thresholds(10, 8);
        assertThat(Enps.tally(List.of(10, 9, 8, 7), strict)).isEqualTo(new Enps.Tally(1, 2, 1));
        assertThatThrownBy(() -> new Thresholds(7, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Thresholds.DEFAULT.classify(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMinimumNeverGoesBelowThree() {
        assertThatThrownBy(() -> GroupSuppression.decide(List.of(new Group<>("a", null, 9)), 2))
                .hasMessageContaining("at least 3");
    }

    @Test
    void twoSmallHiddenTeamsAreNotRevealedTogetherBySubtraction() {
        // P 10 = A 2 + B 2 + C 6: P − C would show A and B's four answers as a block, so C is hidden too.
        Map<String, Decision<String>> d = GroupSuppression.decide(
                List.of(
                        new Group<>("P", null, 10),
                        new Group<>("A", "P", 2),
                        new Group<>("B", "P", 2),
                        new Group<>("C", "P", 6)),
                5);
        assertThat(d.get("P").shown()).isTrue();
        assertThat(d.get("C").shown()).isFalse();
        assertThat(d.get("C").reason()).isEqualTo(Reason.WOULD_REVEAL);
    }

    @Test
    void theDirectMembersOfAGroupAreProtectedLikeAGroup() {
        // P 12 = A 5 + B 5 + 2 people in P but in no team: showing P, A and B would reveal those two.
        Map<String, Decision<String>> d = GroupSuppression.decide(
                List.of(new Group<>("P", null, 12), new Group<>("A", "P", 5), new Group<>("B", "P", 5)), 5);
        assertThat(d.values().stream().filter(Decision::shown).count()).isEqualTo(2);
        assertThat(d.get("P").shown()).isTrue();
        assertThat(d.get("A").reveals()).isEqualTo("P");
        assertThat(d.get("A").revealsRest()).isTrue();
    }

    @Test
    void aHiddenParentIsNotRebuiltFromItsShownChildrenThroughTheLevels() {
        // R 20 = D 10 + E 10; D = A 4 + B 6; E = F 5 + G 5. A hides B; R − E would give D? D holds A+B (10), shown
        // anyway.
        Map<String, Decision<String>> d = GroupSuppression.decide(
                List.of(
                        new Group<>("R", null, 20),
                        new Group<>("D", "R", 10),
                        new Group<>("E", "R", 10),
                        new Group<>("A", "D", 4),
                        new Group<>("B", "D", 6),
                        new Group<>("F", "E", 5),
                        new Group<>("G", "E", 5)),
                5);
        assertThat(d.get("A").shown()).isFalse();
        assertThat(d.get("B").shown()).isFalse();
        assertThat(d.get("R").shown()).isTrue();
        assertThat(d.get("D").shown()).isTrue();
        assertThat(d.get("F").shown()).isTrue();
    }
}
