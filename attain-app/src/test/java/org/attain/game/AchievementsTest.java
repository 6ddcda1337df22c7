package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AchievementsTest {

    static final LocalDate MON = LocalDate.parse("2026-11-02");

    static BigDecimal n(int v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void tenMeetingsWithinSevenDaysIsMetOnTheDayTheRollingWindowReachesTen() {
        Achievements.CountInWindow rule = new Achievements.CountInWindow(n(10), 7);
        Map<LocalDate, BigDecimal> daily = Map.of(
                MON, n(4), MON.plusDays(3), n(3), MON.plusDays(7), n(2), MON.plusDays(9), n(2), MON.plusDays(10), n(4));
        // Rolling 7-day sums: days 0-6: 7, days 3-9: 7, days 4-10: 8 - never 10. Three more on day 6 make days 0-6 10.
        assertThat(Achievements.firstMet(rule, daily, MON)).isEmpty();
        Map<LocalDate, BigDecimal> more = new java.util.HashMap<>(daily);
        more.put(MON.plusDays(6), n(3));
        assertThat(Achievements.firstMet(rule, more, MON)).contains(MON.plusDays(6));
    }

    @Test
    void aRuleIsNotRetroactiveUnlessAskedFromAnEarlierDay() {
        Achievements.CountInWindow rule = new Achievements.CountInWindow(n(5), 7);
        Map<LocalDate, BigDecimal> daily = Map.of(MON, n(5), MON.plusDays(20), n(6));
        assertThat(Achievements.firstMet(rule, daily, MON.plusDays(10))).contains(MON.plusDays(20));
        assertThat(Achievements.firstMet(rule, daily, MON)).contains(MON);
    }

    @Test
    void theFirstDealOverFiftyThousandIsStrictlyOverAndTheEarliest() {
        List<Achievements.Dated> deals = List.of(
                new Achievements.Dated(MON.plusDays(2), "b", new BigDecimal("50000.00")),
                new Achievements.Dated(MON.plusDays(5), "d", new BigDecimal("80000")),
                new Achievements.Dated(MON.plusDays(3), "c", new BigDecimal("50000.01")),
                new Achievements.Dated(MON.plusDays(3), "a", new BigDecimal("60000")));
        assertThat(Achievements.firstOver(new BigDecimal("50000"), deals, MON))
                .map(Achievements.Dated::id)
                .contains("a");
    }

    @Test
    void aBadgeNeedsNAchievementsWithinTheWindow() {
        List<LocalDate> days = List.of(MON, MON.plusDays(20), MON.plusDays(25), MON.plusDays(29));
        assertThat(Achievements.badge(days, 3, 10)).contains(MON.plusDays(29));
        assertThat(Achievements.badge(days, 3, 9)).isEmpty();
    }

    @Test
    void streaksCountConsecutivePeriodsAtOrOverTheThreshold() {
        assertThat(Achievements.streak(List.of(n(5), n(6), n(2), n(5), n(5), n(5), n(1), n(7)), n(5)))
                .isEqualTo(new Achievements.Streak(1, 3));
    }
}
