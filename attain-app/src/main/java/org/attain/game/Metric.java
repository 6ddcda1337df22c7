package org.attain.game;

import java.util.Locale;
import java.util.Optional;

/**
 * What boards and contests measure, each read through its owner's public API: bookings and deals won
 * ({@code sales.SalesFigures}), attainment ({@code pay.Earnings}, per period only), calls and meetings
 * ({@code activity.ActivityReads}) and open pipeline ({@code sales.SalesFigures}: the pipeline open now, not
 * the pipeline created in the window — sales publishes no read for that yet).
 */
public enum Metric {
    BOOKINGS(true),
    DEALS_WON(false),
    ATTAINMENT(false),
    CALLS(false),
    MEETINGS(false),
    PIPELINE(true);

    private final boolean money;

    Metric(boolean money) {
        this.money = money;
    }

    public boolean money() {
        return money;
    }

    /** Attainment is a percentage of a period's quota: it exists per period, so contests over dates cannot use it. */
    public boolean perPeriodOnly() {
        return this == ATTAINMENT;
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
