package org.attain.pulse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The employee Net Promoter Score of answers on 0..10. Pure: no Spring, no database.
 *
 * <p>Rounding rule: eNPS = 100 × (promoters − detractors) / answers, rounded to a whole number half away
 * from zero ({@link RoundingMode#HALF_UP} on the exact quotient), so +12.5 shows as 13 and −12.5 as −13; the
 * category shares are rounded the same way. No answers: no score (null), never 0.
 */
public final class Enps {

    private Enps() {}

    /** The bands of a survey: promoters from {@code promoterMin}, passives from {@code passiveMin}, the rest detractors. */
    public record Thresholds(int promoterMin, int passiveMin) {

        public static final Thresholds DEFAULT = new Thresholds(9, 7);

        public Thresholds {
            if (passiveMin < 1 || passiveMin > promoterMin || promoterMin > 10) {
                throw new IllegalArgumentException("thresholds need 1 <= passives from <= promoters from <= 10, got "
                        + passiveMin + " and " + promoterMin);
            }
        }

        public Category classify(int score) {
            if (score < 0 || score > 10) {
                throw new IllegalArgumentException("a score is from 0 to 10, got " + score);
            }
            if (score >= promoterMin) {
                return Category.PROMOTER;
            }
            return score >= passiveMin ? Category.PASSIVE : Category.DETRACTOR;
        }
    }

    public enum Category {
        PROMOTER,
        PASSIVE,
        DETRACTOR
    }

    /** How many answers fell in each category. */
    public record Tally(int promoters, int passives, int detractors) {

        public static final Tally EMPTY = new Tally(0, 0, 0);

        public int answers() {
            return promoters + passives + detractors;
        }

        public Tally plus(Tally other) {
            return new Tally(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
        }

        /** The eNPS from −100 to +100, or null without answers. */
        public Integer enps() {
            return answers() == 0 ? null : percent(promoters - detractors, answers());
        }

        public Integer promoterPercent() {
            return answers() == 0 ? null : percent(promoters, answers());
        }

        public Integer passivePercent() {
            return answers() == 0 ? null : percent(passives, answers());
        }

        public Integer detractorPercent() {
            return answers() == 0 ? null : percent(detractors, answers());
        }
    }

    public static Tally tally(Collection<Integer> scores, Thresholds thresholds) {
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        for (int score : scores) {
            switch (thresholds.classify(score)) {
                case PROMOTER -> promoters++;
                case PASSIVE -> passives++;
                case DETRACTOR -> detractors++;
            }
        }
        return new Tally(promoters, passives, detractors);
    }

    /** 100 × part / whole as a whole number, half away from zero. */
    static int percent(int part, int whole) {
        return BigDecimal.valueOf(100L * part)
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }
}
