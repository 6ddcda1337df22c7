package org.attain.forecast;

import java.util.Locale;

/**
 * Where a deal stands in a forecast. The first four are cumulative: closed counts in commit, commit in best
 * case, best case in pipeline; omitted counts nowhere.
 */
public enum ForecastCategory {
    CLOSED,
    COMMIT,
    BEST_CASE,
    PIPELINE,
    OMITTED;

    /** True when a deal of this category counts in the cumulative figure of {@code level}. */
    public boolean countsIn(ForecastCategory level) {
        return this != OMITTED && level != OMITTED && ordinal() <= level.ordinal();
    }

    /** The lower-case key used in the API and the message bundles ({@code best_case}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category of a key ({@code best_case}, case ignored), or an error naming the accepted keys. */
    public static ForecastCategory ofKey(String key) {
        for (ForecastCategory c : values()) {
            if (c.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown forecast category '" + key + "'; one of closed, commit, best_case, pipeline, omitted");
    }
}
