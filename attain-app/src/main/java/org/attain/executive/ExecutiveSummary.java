package org.attain.executive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.access.AttainUser;
import org.attain.budget.BudgetCategory;
import org.attain.budget.BudgetReport;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.expense.CommissionExpense;
import org.attain.forecast.ForecastCategory;
import org.attain.forecast.Forecasts;
import org.attain.forecast.StatisticalForecast;
import org.attain.forecast.StatisticalForecasts;
import org.attain.forecast.StatisticalMethod;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.org.PersonScope;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What an executive reads on one screen, in one currency: bookings against target per quarter of the fiscal year,
 * the current quarter's forecast (the pipeline's roll-up, and the statistical forecast with its interval and the
 * accuracy of its method), budget against actual of the current quarter, and the commission expense
 * roll-forward of the fiscal year. Amounts in other currencies are converted at each quarter's end; what has no
 * rate is counted, never guessed.
 */
@Service
public class ExecutiveSummary {

    public record Quarter(
            String period, BigDecimal bookings, BigDecimal target, BigDecimal attainmentPercent, boolean current) {}

    public record Forecast(
            String period,
            BigDecimal closed,
            BigDecimal commit,
            BigDecimal bestCase,
            BigDecimal pipeline,
            BigDecimal weighted,
            BigDecimal quota,
            int deals) {}

    /**
     * The statistical forecast of the current quarter for the company: booked so far plus the months to come by the
     * method whose backtest erred least, its 80 % interval, and that method's backtest accuracy beside it.
     */
    public record StatisticalQuarter(
            String period,
            BigDecimal forecast,
            BigDecimal low,
            BigDecimal high,
            BigDecimal booked,
            StatisticalMethod method,
            BigDecimal mape,
            BigDecimal mase,
            BigDecimal bias,
            int months) {}

    /**
     * One category's budget and actual summed over the teams in this currency (headcount in people); budget and
     * variance are null when no team has a budget of the category.
     */
    public record BudgetLine(
            BudgetCategory category, BigDecimal budget, BigDecimal actual, BigDecimal variance, int alerts) {}

    public record Summary(
            String currency,
            int fiscalYear,
            List<Quarter> quarters,
            int unconverted,
            Forecast forecast,
            StatisticalQuarter statistical,
            String budgetPeriod,
            List<BudgetLine> budget,
            CommissionExpense.Report expense) {}

    private final Periods periods;
    private final Forecasts forecasts;
    private final StatisticalForecasts statistical;
    private final BudgetReport budgets;
    private final CommissionExpense expense;
    private final FxRates fx;
    private final JdbcClient jdbc;

    ExecutiveSummary(
            Periods periods,
            Forecasts forecasts,
            StatisticalForecasts statistical,
            BudgetReport budgets,
            CommissionExpense expense,
            FxRates fx,
            JdbcClient jdbc) {
        this.periods = periods;
        this.forecasts = forecasts;
        this.statistical = statistical;
        this.budgets = budgets;
        this.expense = expense;
        this.fx = fx;
        this.jdbc = jdbc;
    }

    public Summary summary(AttainUser user, String currency) {
        Periods.Span now = periods.currentSpan(PeriodKind.QUARTER);
        RateTable rates = new RateTable(fx.all());
        List<Quarter> quarters = new ArrayList<>();
        int[] unconverted = {0};
        for (Periods.PeriodRow q : periods.list(PeriodKind.QUARTER, now.fiscalYear())) {
            BigDecimal bookings = BigDecimal.ZERO;
            for (Map<String, Object> r : jdbc.sql("""
                    select currency, sum(amount) as amount from sales_booking_v
                    where status = 'won' and close_date between :from and :to group by currency""")
                    .param("from", q.startsOn())
                    .param("to", q.endsOn())
                    .query()
                    .listOfRows()) {
                Optional<BigDecimal> c =
                        convert((BigDecimal) r.get("amount"), (String) r.get("currency"), currency, rates, q);
                bookings = c.map(bookings::add).orElse(bookings);
                unconverted[0] += c.isEmpty() ? 1 : 0;
            }
            BigDecimal target = BigDecimal.ZERO;
            for (Map<String, Object> r :
                    jdbc.sql("""
                    select currency, sum(amount) as amount from quota_person_v
                    where period_id = :p and measure = 'bookings' group by currency""").param("p", q.id()).query().listOfRows()) {
                Optional<BigDecimal> c =
                        convert((BigDecimal) r.get("amount"), (String) r.get("currency"), currency, rates, q);
                target = c.map(target::add).orElse(target);
                unconverted[0] += c.isEmpty() ? 1 : 0;
            }
            quarters.add(new Quarter(
                    q.id(),
                    bookings.setScale(2, RoundingMode.HALF_EVEN),
                    target.setScale(2, RoundingMode.HALF_EVEN),
                    target.signum() == 0
                            ? null
                            : bookings.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_EVEN),
                    q.id().equals(now.id())));
        }

        Forecast forecast = null;
        try {
            Forecasts.View v = forecasts.view(user, forecasts.defaultPerson(user), now.id(), currency);
            forecast = new Forecast(
                    v.periodId(),
                    line(v, ForecastCategory.CLOSED),
                    line(v, ForecastCategory.COMMIT),
                    line(v, ForecastCategory.BEST_CASE),
                    line(v, ForecastCategory.PIPELINE),
                    v.total().weighted(),
                    v.quota(),
                    v.deals());
        } catch (NotFoundException e) {
            // No reporting tree yet: the page says there is no forecast.
        }

        StatisticalQuarter statisticalQuarter = statisticalQuarter(user, currency, now.id());

        BudgetReport.Report b = budgets.report(now.id(), PersonScope.everyone());
        List<BudgetLine> budget = new ArrayList<>();
        Map<BudgetCategory, BigDecimal[]> sums = new EnumMap<>(BudgetCategory.class);
        Map<BudgetCategory, Integer> alerts = new EnumMap<>(BudgetCategory.class);
        for (BudgetReport.Row r : b.rows()) {
            if (r.category().isMoney() && !currency.equals(r.currency())) {
                continue;
            }
            BigDecimal[] s = sums.computeIfAbsent(r.category(), k -> new BigDecimal[] {null, BigDecimal.ZERO});
            if (r.variance().budget() != null) {
                s[0] = s[0] == null
                        ? r.variance().budget()
                        : s[0].add(r.variance().budget());
            }
            if (r.variance().actual() != null) {
                s[1] = s[1].add(r.variance().actual());
            }
            alerts.merge(r.category(), r.variance().alert() ? 1 : 0, Integer::sum);
        }
        sums.forEach((k, s) -> budget.add(
                new BudgetLine(k, s[0], s[1], s[0] == null ? null : s[1].subtract(s[0]), alerts.getOrDefault(k, 0))));

        YearMonth first = YearMonth.from(
                periods.list(PeriodKind.YEAR, now.fiscalYear()).get(0).startsOn());
        CommissionExpense.Report rollForward = expense.report(currency, first, first.plusMonths(11), true);
        return new Summary(
                currency,
                now.fiscalYear(),
                quarters,
                unconverted[0],
                forecast,
                statisticalQuarter,
                b.period(),
                budget,
                rollForward);
    }

    /** Null when the company has too little history for a forecast (the page says so) or the quarter is not its first. */
    private StatisticalQuarter statisticalQuarter(AttainUser user, String currency, String period) {
        StatisticalForecasts.View v = statistical.view(user, "company", null, currency);
        if (v.tooLittleHistory()
                || v.quarters().isEmpty()
                || !v.quarters().get(0).periodId().equals(period)) {
            return null;
        }
        StatisticalForecasts.Quarter q = v.quarters().get(0);
        StatisticalForecast.Accuracy a = v.methods().stream()
                .filter(StatisticalForecasts.Method::picked)
                .findFirst()
                .map(StatisticalForecasts.Method::accuracy)
                .orElse(null);
        return new StatisticalQuarter(
                q.periodId(),
                q.forecast(),
                q.low(),
                q.high(),
                q.booked(),
                v.picked(),
                a == null ? null : a.mape(),
                a == null ? null : a.mase(),
                a == null ? null : a.bias(),
                v.months());
    }

    private static BigDecimal line(Forecasts.View v, ForecastCategory c) {
        var l = v.total().lines().get(c);
        return l == null ? BigDecimal.ZERO : l.rolledUp();
    }

    private static Optional<BigDecimal> convert(
            BigDecimal amount, String from, String to, RateTable rates, Periods.PeriodRow q) {
        if (amount == null) {
            return Optional.of(BigDecimal.ZERO);
        }
        if (from.equals(to)) {
            return Optional.of(amount);
        }
        return rates.rate(from, to, q.endsOn()).map(r -> amount.multiply(r));
    }
}
