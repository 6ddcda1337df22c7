package org.attain.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly history of calls, taken on schedule (Mondays, {@code attain.forecast.weekly.cron}) so a week without a
 * new call still has its row: for the current quarter, everyone who manages someone or has called it, in each currency
 * the quarter has been called in (USD when none), the call in force per category beside the computed roll-up and the
 * weighted pipeline; and this week's stage snapshot of open deals, which probabilities are learned from. The week and
 * quarter come from the injected clock.
 */
@Service
public class WeeklyForecastSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyForecastSnapshot.class);

    private final Forecasts forecasts;
    private final ForecastStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    WeeklyForecastSnapshot(Forecasts forecasts, ForecastStore store, JdbcClient jdbc, Clock clock) {
        this.forecasts = forecasts;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one run took: the week, the quarter, how many people and open deals. */
    public record Taken(LocalDate weekOf, String periodId, int people, int deals) {}

    /**
     * The scheduled turn: on one node only when several serve the database (the others' timers find it taken, for a
     * minute at least, so a node whose clock runs a little late does not take the week again); null on those.
     */
    @Scheduled(cron = "${attain.forecast.weekly.cron:0 0 5 * * MON}")
    @SchedulerLock(name = "forecast.weekly-snapshot", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    Taken onSchedule() {
        Taken t = take();
        LOG.info(
                "forecast: week of {} taken for {}: {} people, {} open deals",
                t.weekOf(),
                t.periodId(),
                t.people(),
                t.deals());
        return t;
    }

    @Transactional
    public Taken take() {
        LocalDate today = LocalDate.now(clock);
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String period = forecasts.quarterOn(today);
        int deals = forecasts.snapshot();
        Set<Long> people = new TreeSet<>(forecasts.managersOn(today));
        Set<String> currencies = new TreeSet<>();
        for (ForecastStore.Call c : store.callsIn(period)) {
            people.add(c.personId());
            currencies.add(c.currency());
        }
        if (currencies.isEmpty()) {
            currencies.add("USD");
        }
        jdbc.sql("delete from forecast_call_week where week_of = :w and period_id = :p")
                .param("w", week)
                .param("p", period)
                .update();
        for (long person : people) {
            for (String currency : currencies) {
                RollUp.PersonRollUp r = forecasts.rollUp(person, period, currency);
                for (Map.Entry<ForecastCategory, RollUp.Line> e : r.lines().entrySet()) {
                    insert(week, person, period, currency, e.getKey(), e.getValue(), r.weighted());
                }
            }
        }
        return new Taken(week, period, people.size(), deals);
    }

    private void insert(
            LocalDate week,
            long person,
            String period,
            String currency,
            ForecastCategory category,
            RollUp.Line line,
            BigDecimal weighted) {
        jdbc.sql("""
                insert into forecast_call_week (week_of, person_id, period_id, currency, category, called, computed,
                                                rolled_up, weighted)
                values (:w, :person, :period, :currency, :category, :called, :computed, :rolled, :weighted)""")
                .param("w", week)
                .param("person", person)
                .param("period", period)
                .param("currency", currency)
                .param("category", category.key())
                .param("called", line.called())
                .param("computed", line.computed())
                .param("rolled", line.rolledUp())
                .param("weighted", weighted)
                .update();
    }

    /** A person's taken weeks for a quarter and currency, newest first. */
    public record Week(LocalDate weekOf, Map<ForecastCategory, RollUp.Line> lines, BigDecimal weighted) {}

    public List<Week> weeks(long personId, String periodId, String currency) {
        Map<LocalDate, Map<ForecastCategory, RollUp.Line>> byWeek =
                new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        Map<LocalDate, BigDecimal> weighted = new java.util.HashMap<>();
        jdbc.sql("""
                select week_of, category, called, computed, rolled_up, weighted from forecast_call_week
                where person_id = :p and period_id = :period and currency = :c""")
                .param("p", personId)
                .param("period", periodId)
                .param("c", currency)
                .query(rs -> {
                    LocalDate w = rs.getObject(1, LocalDate.class);
                    byWeek.computeIfAbsent(w, k -> new java.util.EnumMap<>(ForecastCategory.class))
                            .put(
                                    ForecastCategory.ofKey(rs.getString(2)),
                                    new RollUp.Line(
                                            cents(rs.getBigDecimal(5)),
                                            cents(rs.getBigDecimal(4)),
                                            cents(rs.getBigDecimal(3))));
                    weighted.put(w, cents(rs.getBigDecimal(6)));
                });
        return byWeek.entrySet().stream()
                .map(e -> new Week(e.getKey(), e.getValue(), weighted.get(e.getKey())))
                .toList();
    }

    private static BigDecimal cents(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
