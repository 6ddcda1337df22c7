package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The funnel gap and the activity-to-wins association, checked by hand. */
class CoachingSuggestionsTest {

    /** Figures with only the funnel's counts (and e-mails, webinars) set. */
    private static Figures f(long calls, long meetings, long opportunities, long won, long emails, long webinars) {
        return new Figures(Map.of(), Map.of(), opportunities, won, 0, 0, calls, meetings, emails, webinars);
    }

    @Test
    void theStepFurthestUnderItsPeerMedianIsSuggested() {
        // peers' meetings per call: 0.5, 0.5, 0.5, 0.25 (mine) → median 0.5, mine 50% under;
        // opportunities per meeting: 1, 1, 1, 1 → level; calls 100 each → level
        Figures mine = f(100, 25, 25, 5, 0, 0);
        List<Figures> peers =
                List.of(f(100, 50, 50, 10, 0, 0), f(100, 50, 50, 10, 0, 0), f(100, 50, 50, 10, 0, 0), mine);
        var behind = CoachingSuggestions.furthestBehind(mine, peers).orElseThrow();
        assertThat(behind.step()).isEqualTo(GoalMetric.MEETINGS_PER_CALL);
        assertThat(behind.peerMedian()).isEqualByComparingTo("0.5");
        // median of 0.25, 0.5, 0.5, 0.5 is 0.5; (0.25 − 0.5) ÷ 0.5 = −0.5
        assertThat(behind.gap()).isEqualByComparingTo("-0.5");
    }

    @Test
    void nothingIsSuggestedWhenNoStepIsTenPercentBehind() {
        Figures mine = f(95, 50, 50, 10, 0, 0);
        List<Figures> peers =
                List.of(f(100, 50, 50, 10, 0, 0), f(100, 50, 50, 10, 0, 0), f(100, 50, 50, 10, 0, 0), mine);
        assertThat(CoachingSuggestions.furthestBehind(mine, peers)).isEmpty();
    }

    @Test
    void theActivityThatMovesWithWinsHasTheHighestCorrelation() {
        // 40 rep-months: wins follow meetings exactly (r = 1), calls run against them (r = −1), e-mails are constant
        List<Figures> months = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            months.add(f(100 - i, i, 0, 2L * i, 5, i % 2));
        }
        var associations = CoachingSuggestions.associations(months);
        assertThat(associations.get(0).activity()).isEqualTo(GoalMetric.MEETINGS);
        assertThat(associations.get(0).r()).isEqualByComparingTo("1.0000");
        assertThat(associations.get(0).observations()).isEqualTo(40);
        assertThat(associations)
                .extracting(CoachingSuggestions.Association::activity)
                .doesNotContain(GoalMetric.EMAILS);
        assertThat(associations.get(associations.size() - 1).activity()).isEqualTo(GoalMetric.CALLS);
        assertThat(associations.get(associations.size() - 1).r()).isEqualByComparingTo("-1.0000");
        assertThat(CoachingSuggestions.strongest(associations)).isPresent();
    }

    @Test
    void tooFewRepMonthsTeachNothing() {
        assertThat(CoachingSuggestions.associations(List.of(f(1, 1, 1, 1, 1, 1))))
                .isEmpty();
    }
}
