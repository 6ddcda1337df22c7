package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The pipeline + run-rate backtest forecasts a month from the close dates the deals had at its origin, as the weekly
 * snapshot recorded them, not today's: a deal expected in July that slipped to September is in July's pipeline as of
 * July 1st. Origins before close dates were recorded are counted, so the page can say the backtest was flattered
 * there and not pick the method on it. Pure, no Spring.
 */
class PipelineBacktestCloseDatesTest {

    static final YearMonth FIRST = YearMonth.of(2026, 1);

    /** Origin July 2026 (six months in): won 360 of 460 closed the year before; nothing won from young deals. */
    private static List<PipelineRunRate.Opp> history(PipelineRunRate.Opp slipped) {
        return List.of(
                opp(1, "2025-10-01", "2026-02-10", 300, ForecastCategory.CLOSED, new TreeMap<>()),
                opp(2, "2026-01-05", "2026-04-10", 100, ForecastCategory.OMITTED, new TreeMap<>()),
                opp(3, "2025-11-02", "2026-03-20", 60, ForecastCategory.CLOSED, new TreeMap<>()),
                slipped);
    }

    @Test
    void aDealThatSlippedOutOfJulyIsInJulysPipelineAsTheSnapshotBeforeJulySawIt() {
        NavigableMap<LocalDate, LocalDate> seen = new TreeMap<>(Map.of(
                LocalDate.parse("2026-06-15"), LocalDate.parse("2026-07-20"),
                LocalDate.parse("2026-06-22"), LocalDate.parse("2026-07-25"),
                // After the origin: the slip, not known on July 1st.
                LocalDate.parse("2026-07-13"), LocalDate.parse("2026-09-10")));
        PipelineRunRate.Opp slipped = opp(4, "2026-06-01", "2026-09-10", 200, ForecastCategory.PIPELINE, seen);
        assertThat(slipped.closeAsOf(LocalDate.parse("2026-07-01"))).isEqualTo("2026-07-25");
        assertThat(slipped.closeAsOf(LocalDate.parse("2026-08-01"))).isEqualTo("2026-09-10");
        assertThat(slipped.closeAsOf(LocalDate.parse("2026-06-01")))
                .as("before any snapshot: today's date")
                .isEqualTo("2026-09-10");

        double[] july = PipelineRunRate.forecaster(history(slipped), FIRST).forecast(6, 3);
        assertThat(july[0]).as("July: the 200 expected then").isCloseTo(360.0 / 460 * 200, within(1e-9));
        assertThat(july[2]).as("September: not expected then").isCloseTo(0, within(1e-9));

        // The same deal without snapshots: today's date puts it in September, which flatters July's forecast.
        PipelineRunRate.Opp unrecorded =
                opp(4, "2026-06-01", "2026-09-10", 200, ForecastCategory.PIPELINE, new TreeMap<>());
        double[] flattered =
                PipelineRunRate.forecaster(history(unrecorded), FIRST).forecast(6, 3);
        assertThat(flattered[0]).isCloseTo(0, within(1e-9));
        assertThat(flattered[2]).isCloseTo(360.0 / 460 * 200, within(1e-9));
    }

    @Test
    void aDealClosedBeforeTheOriginKeepsItsCloseDateWhateverAnEarlierSnapshotSaid() {
        NavigableMap<LocalDate, LocalDate> seen =
                new TreeMap<>(Map.of(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-07-31")));
        PipelineRunRate.Opp pulledIn = opp(5, "2026-04-01", "2026-06-12", 80, ForecastCategory.CLOSED, seen);
        assertThat(pulledIn.closeAsOf(LocalDate.parse("2026-07-01"))).isEqualTo("2026-06-12");
        assertThat(pulledIn.closeAsOf(LocalDate.parse("2026-06-01"))).isEqualTo("2026-07-31");
    }

    @Test
    void originsBeforeTheFirstRecordedCloseDateAreCountedAsUsingTodaysDates() {
        int n = StatisticalForecast.FIRST_ORIGIN + 8; // origins FIRST_ORIGIN..n-1: eight months
        YearMonth firstOriginMonth = FIRST.plusMonths(StatisticalForecast.FIRST_ORIGIN);

        assertThat(StatisticalForecasts.closeDates(Map.of(), FIRST, n))
                .isEqualTo(new StatisticalForecasts.CloseDates(null, 8, 8));

        // Recorded from the Monday in the third origin month's first week: its first day came before, so three
        // origins used today's dates and five the recorded ones.
        LocalDate monday = firstOriginMonth.plusMonths(2).atDay(1).with(java.time.DayOfWeek.MONDAY);
        if (!monday.isAfter(firstOriginMonth.plusMonths(2).atDay(1))) {
            monday = monday.plusWeeks(1);
        }
        NavigableMap<LocalDate, LocalDate> seen = new TreeMap<>(Map.of(monday, monday.plusMonths(2)));
        assertThat(StatisticalForecasts.closeDates(Map.of(7L, seen), FIRST, n))
                .isEqualTo(new StatisticalForecasts.CloseDates(monday, 8, 3));

        NavigableMap<LocalDate, LocalDate> early =
                new TreeMap<>(Map.of(FIRST.atDay(5), FIRST.plusMonths(3).atDay(1)));
        assertThat(StatisticalForecasts.closeDates(Map.of(7L, seen, 8L, early), FIRST, n))
                .as("the earliest snapshot counts")
                .isEqualTo(new StatisticalForecasts.CloseDates(FIRST.atDay(5), 8, 0));
    }

    private static PipelineRunRate.Opp opp(
            long id,
            String created,
            String close,
            double amount,
            ForecastCategory c,
            NavigableMap<LocalDate, LocalDate> seen) {
        return new PipelineRunRate.Opp(
                id,
                LocalDate.parse(created),
                LocalDate.parse(close),
                amount,
                BigDecimal.valueOf(amount),
                "Stage",
                c,
                seen);
    }
}
