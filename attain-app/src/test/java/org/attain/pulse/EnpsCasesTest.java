package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.attain.pulse.Enps.Tally;
import org.attain.pulse.Enps.Thresholds;
import org.attain.pulse.GroupSuppression.Decision;
import org.attain.pulse.GroupSuppression.Group;
import org.attain.pulse.GroupSuppression.Reason;
import org.junit.jupiter.api.Test;

/**
 * The golden cases of ../shared/cases/enps, their numbers written out here as in the YAML files (hand-checked: they
 * are the contract), run through the pure core.
 */
class EnpsCasesTest {

    /** enps-01-basic: promoters 9–10, passives 7–8, detractors 0–6; eNPS = %promoters − %detractors. */
    @Test
    void enps01BasicCategoriesAndScore() {
        assertCase(List.of(10, 9, 8, 6, 0), 2, 1, 2, 0);
        assertCase(List.of(10, 10, 9, 9, 9, 8, 7, 6, 5, 3), 5, 2, 3, 20);
        assertCase(List.of(6, 6, 6, 7, 8), 0, 2, 3, -60);
    }

    /**
     * enps-02-anonymity: minimum 5; D (10 answers) has teams A (4) and B (6). A is too small; B would reveal A as
     * D − B, so B is hidden too; D is shown with eNPS 20. Hidden answers still count in the response rate (D's 10).
     */
    @Test
    void enps02AnonymityHidesTheSmallTeamAndTheSiblingThatWouldRevealIt() {
        Map<String, List<Integer>> answers = Map.of(
                "D", List.of(10, 9, 9, 8, 7, 6, 5, 9, 10, 3),
                "A", List.of(10, 9, 9, 8),
                "B", List.of(7, 6, 5, 9, 10, 3));
        Map<String, Decision<String>> decisions = GroupSuppression.decide(
                List.of(
                        new Group<>("D", null, answers.get("D").size()),
                        new Group<>("A", "D", answers.get("A").size()),
                        new Group<>("B", "D", answers.get("B").size())),
                5);

        assertThat(decisions.get("D").shown()).isTrue();
        assertThat(Enps.tally(answers.get("D"), Thresholds.DEFAULT).enps()).isEqualTo(20);
        assertThat(decisions.get("A").shown()).isFalse();
        assertThat(decisions.get("A").reason()).isEqualTo(Reason.TOO_FEW);
        assertThat(decisions.get("B").shown()).isFalse();
        assertThat(decisions.get("B").reason()).isEqualTo(Reason.WOULD_REVEAL);
        assertThat(decisions.get("B").reveals()).isEqualTo("A");
        // D's 10 answers include A's hidden 4: the response count of the shown parent is every answer.
        assertThat(answers.get("D"))
                .hasSize(answers.get("A").size() + answers.get("B").size());
    }

    private static void assertCase(List<Integer> scores, int promoters, int passives, int detractors, int enps) {
        Tally tally = Enps.tally(scores, Thresholds.DEFAULT);
        assertThat(tally).isEqualTo(new Tally(promoters, passives, detractors));
        assertThat(tally.enps()).isEqualTo(enps);
    }
}
