package org.attain.game;

import java.util.Locale;
import java.util.Optional;

/**
 * What boards and contests measure, each read through its owner's public API: bookings and deals won
 * ({@code sales.SalesFigures}), attainment ({@code pay.Earnings}, per period only), calls and meetings
 * ({@code activity.ActivityReads}), open pipeline ({@code sales.SalesFigures}: the pipeline open now),
 * pipeline created (opportunities created in the window, their amount: {@code SalesFigures#createdByOwner}) and
 * a formula: a CEL expression over the others by their {@link #variable()} names, such as
 * {@code bookings + 1000 * meetings} ({@link Metrics#compile}).
 */
public enum Metric {
    BOOKINGS(true),
    DEALS_WON(false),
    ATTAINMENT(false),
    CALLS(false),
    MEETINGS(false),
    PIPELINE(true),
    PIPELINE_CREATED(true),
    FORMULA(false);

    private final boolean money;

    Metric(boolean money) {
        this.money = money;
    }

    public boolean money() {
        return money;
    }

    /** Decimals a page shows: two for money and formulas (a score), none for counts. */
    public int decimals() {
        return money || this == FORMULA || this == ATTAINMENT ? 2 : 0;
    }

    /** Attainment is a percentage of a period's quota: it exists per period, so contests over dates cannot use it. */
    public boolean perPeriodOnly() {
        return this == ATTAINMENT;
    }

    /** The name a formula reads this metric by: {@code bookings}, {@code deals_won}, {@code pipeline_created}. */
    public String variable() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Metric> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
