package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Golden case game-01-rankings (../shared/cases/gamification/game-01-rankings.yaml, copied unchanged to
 * src/test/resources/cases/gamification so the test runs anywhere): the inputs are read from the case's
 * story, the expected order, eliminations and winner from its {@code expected} block.
 */
class GamificationCasesTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String id) throws IOException {
        try (InputStream in = GamificationCasesTest.class.getResourceAsStream("/cases/gamification/" + id + ".yaml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            assertThat(yaml.get("id")).isEqualTo(id);
            return yaml;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> expected(Map<String, Object> yaml, String kind) {
        return ((List<Map<String, Object>>) yaml.get("expected"))
                .stream().filter(e -> e.containsKey(kind)).findFirst().orElseThrow();
    }

    static BigDecimal number(String text) {
        return new BigDecimal(text.replace(",", ""));
    }

    @Test
    void game01RankingsPercentOfGoalOrdersXZY() throws IOException {
        Map<String, Object> yaml = load("game-01-rankings");
        String story = (String) yaml.get("story");
        List<Entry> entries = new ArrayList<>();
        Matcher m = Pattern.compile("\\b([A-Z]) ([\\d,]+) of ([\\d,]+)").matcher(story);
        while (m.find()) {
            entries.add(new Entry(m.group(1), m.group(1), number(m.group(2)), number(m.group(3)), null));
        }
        assertThat(entries).hasSize(3);
        Map<String, Object> board = expected(yaml, "board");
        assertThat(board.get("board")).isEqualTo("percent_of_goal");

        List<Standing> byGoal = Rankings.rank(RankingBasis.PERCENT_OF_GOAL, entries);
        assertThat(byGoal).extracting(Standing::key).isEqualTo(board.get("order"));
        assertThat(byGoal)
                .extracting(Standing::score)
                .containsExactly(new BigDecimal("120.00"), new BigDecimal("100.00"), new BigDecimal("90.00"));
        assertThat(byGoal).extracting(Standing::rank).containsExactly(1, 2, 3);
        // "by value it would be Y, Z, X"
        assertThat(Rankings.rank(RankingBasis.VALUE, entries))
                .extracting(Standing::key)
                .containsExactly("Y", "Z", "X");
    }

    @Test
    void game01RankingsEliminationDropsP2P3P5AndP1Wins() throws IOException {
        Map<String, Object> yaml = load("game-01-rankings");
        String story = (String) yaml.get("story");
        String weekly = story.substring(story.indexOf("Weekly meetings:"), story.indexOf("Cumulative"));
        List<Elimination.Competitor> competitors = new ArrayList<>();
        Matcher m = Pattern.compile("(P\\d) ([\\d,]+)").matcher(weekly);
        while (m.find()) {
            List<BigDecimal> weeks = new ArrayList<>();
            for (String w : m.group(2).split(",")) {
                weeks.add(new BigDecimal(w));
            }
            competitors.add(new Elimination.Competitor(m.group(1), m.group(1), weeks));
        }
        assertThat(competitors)
                .hasSize(5)
                .allSatisfy(c -> assertThat(c.perInterval()).hasSize(4));
        Map<String, Object> contest = expected(yaml, "contest");
        assertThat(contest.get("contest")).isEqualTo("elimination");

        Elimination.Result result = Elimination.run(competitors);
        assertThat(result.outOrder()).isEqualTo(contest.get("out"));
        assertThat(result.winner()).isEqualTo(contest.get("winner"));
        assertThat(result.out())
                .extracting(Elimination.Out::afterInterval, o -> o.total().intValueExact())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 2),
                        org.assertj.core.groups.Tuple.tuple(2, 5),
                        org.assertj.core.groups.Tuple.tuple(3, 9));
        assertThat(result.finalTotals())
                .containsEntry("P1", new BigDecimal("18"))
                .containsEntry("P4", new BigDecimal("14"));
    }
}
