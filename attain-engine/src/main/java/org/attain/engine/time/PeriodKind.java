package org.attain.engine.time;

/** How long a period is; a plan pays per month, quarter or year. */
public enum PeriodKind {
    MONTH,
    QUARTER,
    YEAR;

    /** Parses the words a plan author writes: month, quarter, year (also monthly, quarterly, yearly/annual). */
    public static PeriodKind parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "month", "monthly" -> MONTH;
            case "quarter", "quarterly" -> QUARTER;
            case "year", "yearly", "annual", "annually" -> YEAR;
            default ->
                throw new IllegalArgumentException("unknown period kind '" + text + "' (month, quarter or year)");
        };
    }
}
