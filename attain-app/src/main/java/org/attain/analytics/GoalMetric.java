package org.attain.analytics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a coaching goal tracks, read from {@link Figures} over the goal's days: counts (the target is a total over
 * the goal's range, tracked against the share of it gone) or rates (the target is a ratio, met when reached).
 */
public enum GoalMetric {
    CALLS("calls", false, f -> BigDecimal.valueOf(f.calls())),
    MEETINGS("meetings", false, f -> BigDecimal.valueOf(f.meetings())),
    EMAILS("emails", false, f -> BigDecimal.valueOf(f.emails())),
    WEBINARS("webinars", false, f -> BigDecimal.valueOf(f.webinars())),
    OPPORTUNITIES("opportunities", false, f -> BigDecimal.valueOf(f.opportunities())),
    WINS("wins", false, f -> BigDecimal.valueOf(f.won())),
    MEETINGS_PER_CALL("meetings_per_call", true, f -> Figures.ratio(f.meetings(), f.calls())),
    OPPORTUNITIES_PER_MEETING("opportunities_per_meeting", true, f -> Figures.ratio(f.opportunities(), f.meetings())),
    WINS_PER_OPPORTUNITY("wins_per_opportunity", true, f -> Figures.ratio(f.won(), f.opportunities())),
    WIN_RATE("win_rate", true, Figures::winRate);

    private final String key;
    private final boolean rate;
    private final Function<Figures, BigDecimal> value;

    GoalMetric(String key, boolean rate, Function<Figures, BigDecimal> value) {
        this.key = key;
        this.rate = rate;
        this.value = value;
    }

    public String key() {
        return key;
    }

    /** A ratio (target like 0.45) rather than a count over the goal's range. */
    public boolean rate() {
        return rate;
    }

    /** The metric's value in these figures; null for a rate whose base is zero. */
    public BigDecimal of(Figures f) {
        return value.apply(f);
    }

    public static Optional<GoalMetric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
