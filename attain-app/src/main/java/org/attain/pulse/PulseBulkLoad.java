package org.attain.pulse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attain.org.PersonScope;
import org.attain.org.PersonView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The demo company's past pulse surveys: two closed surveys to everyone, about four months and one month before
 * the demo's day, answered by about three in four people with scores that differ by team, so the results and the
 * trend show something on first start, including teams hidden for too few answers. Deterministic: the same day and
 * company give the same answers. Loaded in the demo loader's one transaction, so recipients and answers share its
 * transaction id until {@link PulseSeals} shuffles the answers in their own once the application has started.
 */
@Service
public class PulseBulkLoad {

    private static final String[] COMMENTS = {
        "More time with customers, fewer internal meetings.",
        "Clearer territory rules would help.",
        "The new onboarding was great.",
        "Commission statements are easier to read now.",
        "I would like more coaching from my manager."
    };

    private final PulseSurveys surveys;
    private final JdbcClient jdbc;

    PulseBulkLoad(PulseSurveys surveys, JdbcClient jdbc) {
        this.surveys = surveys;
        this.jdbc = jdbc;
    }

    /** Sends and answers the demo's past surveys as of {@code today}; returns how many answers were stored. */
    public int demo(LocalDate today) {
        int answers = 0;
        answers += survey("Pulse – summer", today.minusDays(130), today.minusDays(116), 0, 20_261_201L);
        answers += survey("Pulse – autumn", today.minusDays(40), today.minusDays(26), 1, 20_261_202L);
        return answers;
    }

    private int survey(String title, LocalDate opens, LocalDate closes, int round, long seed) {
        List<PersonView> recipients = surveys.active(PersonScope.everyone(), opens);
        PulseSurveys.NewSurvey s = new PulseSurveys.NewSurvey(
                title,
                null,
                Enps.Thresholds.DEFAULT.promoterMin(),
                Enps.Thresholds.DEFAULT.passiveMin(),
                GroupSuppression.DEFAULT_MINIMUM,
                opens,
                closes,
                PulseSurveys.Target.EVERYONE,
                List.of(),
                List.of(
                        new PulseSurveys.NewQuestion(
                                PulseSurveys.QuestionKind.SCALE, "I have what I need to do my job well."),
                        new PulseSurveys.NewQuestion(
                                PulseSurveys.QuestionKind.TEXT, "What one thing should we change?")));
        long id = surveys.insert(s, null, "demo-mode", recipients);
        List<PulseSurveys.Question> questions = surveys.questions(id);
        SplittableRandom random = new SplittableRandom(seed);
        List<long[]> rows = jdbc.sql(
                        "select r.person_id, r.group_id, coalesce(g.ref_id, 0) from pulse_recipient r join pulse_group g on g.id = r.group_id"
                                + " where r.survey_id = :s order by r.person_id")
                .param("s", id)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .list();
        int stored = 0;
        for (long[] row : rows) {
            if (random.nextInt(100) >= 72) {
                continue;
            }
            // Each team has its own mood (by team id), a little better in the later survey.
            int mood = (int) Math.floorMod(row[2] * 7919L, 5L) - 2;
            int score = Math.max(0, Math.min(10, 7 + mood + round + random.nextInt(5) - 2));
            Map<Long, Object> items = new LinkedHashMap<>();
            if (random.nextInt(100) < 80) {
                items.put(
                        questions.get(0).id(),
                        Math.max(1, Math.min(5, 3 + (mood + round) / 2 + random.nextInt(3) - 1)));
            }
            if (random.nextInt(100) < 15) {
                items.put(questions.get(1).id(), COMMENTS[random.nextInt(COMMENTS.length)]);
            }
            surveys.seal(id, row[0]);
            surveys.record(id, row[1], closes.minusDays(random.nextInt(14)), score, items);
            stored++;
        }
        return stored;
    }
}
