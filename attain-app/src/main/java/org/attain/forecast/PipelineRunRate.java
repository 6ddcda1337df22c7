package org.attain.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The pipeline + run-rate method of the statistical forecast, pure: see {@link #forecaster}. */
final class PipelineRunRate {

    /** Complete months before the origin the run-rate is averaged over. */
    static final int RUN_RATE_MONTHS = 6;

    /** Months before the origin the win rate is learned from. */
    static final int WIN_RATE_MONTHS = 12;

    /**
     * An opportunity of the scope in the forecast's currency: won, lost or still open by its stage's category, with the
     * close dates the weekly snapshots recorded for it (by week; empty before they were kept).
     */
    record Opp(
            long id,
            LocalDate created,
            LocalDate close,
            double amount,
            BigDecimal exact,
            String stage,
            ForecastCategory category,
            NavigableMap<LocalDate, LocalDate> closeSeen) {

        Opp(
                long id,
                LocalDate created,
                LocalDate close,
                double amount,
                BigDecimal exact,
                String stage,
                ForecastCategory c) {
            this(id, created, close, amount, exact, stage, c, new TreeMap<>());
        }

        /**
         * The close date known on a day: today's when the deal had closed by then (or was never snapshot before it),
         * else the one the last snapshot on or before the day recorded.
         */
        LocalDate closeAsOf(LocalDate day) {
            if (close.isBefore(day)) {
                return close;
            }
            Map.Entry<LocalDate, LocalDate> seen = closeSeen.floorEntry(day);
            return seen == null ? close : seen.getValue();
        }
    }

    private PipelineRunRate() {}

    /**
     * Pipeline + run-rate as of an origin month: the deals created before it that close in the target month, weighed
     * by the share (by amount) of the deals closed in the twelve months before it that were won, plus the run-rate —
     * the average, over the six months before the origin, of what was won from deals created no earlier than the same
     * distance before their month (deals the pipeline could not yet show). Only what was known at the origin is used:
     * a deal's close date is the one the weekly snapshot recorded before the origin; before snapshots kept close dates
     * it is today's, which flatters the backtest (a deal that slipped out of a month is missing from its pipeline), and
     * the statistical forecast says so and does not pick the method on such a backtest.
     */
    static StatisticalForecast.Forecaster forecaster(List<Opp> opps, YearMonth first) {
        return (n, h) -> {
            if (n < RUN_RATE_MONTHS) {
                return null;
            }
            YearMonth origin = first.plusMonths(n);
            LocalDate start = origin.atDay(1);
            double won = 0;
            double closed = 0;
            LocalDate learnFrom = start.minusMonths(WIN_RATE_MONTHS);
            for (Opp o : opps) {
                if (!o.close().isBefore(learnFrom) && o.close().isBefore(start)) {
                    if (o.category() == ForecastCategory.CLOSED) {
                        won += o.amount();
                        closed += o.amount();
                    } else if (o.category() == ForecastCategory.OMITTED) {
                        closed += o.amount();
                    }
                }
            }
            if (closed == 0) {
                return null;
            }
            double winRate = won / closed;
            double[] out = new double[h];
            for (int i = 0; i < h; i++) {
                YearMonth target = origin.plusMonths(i);
                double pipe = 0;
                for (Opp o : opps) {
                    if (o.created().isBefore(start)
                            && YearMonth.from(o.closeAsOf(start)).equals(target)) {
                        pipe += o.amount();
                    }
                }
                double run = 0;
                for (int k = 1; k <= RUN_RATE_MONTHS; k++) {
                    YearMonth x = origin.minusMonths(k);
                    LocalDate visibleFrom = x.atDay(1).minusMonths(i);
                    for (Opp o : opps) {
                        if (o.category() == ForecastCategory.CLOSED
                                && YearMonth.from(o.close()).equals(x)
                                && !o.created().isBefore(visibleFrom)) {
                            run += o.amount();
                        }
                    }
                }
                out[i] = winRate * pipe + run / RUN_RATE_MONTHS;
            }
            return out;
        };
    }
}
