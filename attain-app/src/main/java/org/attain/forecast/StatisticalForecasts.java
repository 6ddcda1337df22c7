package org.attain.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.org.PersonScope;
import org.attain.org.Teams;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.sales.Pipeline;
import org.springframework.stereotype.Service;

/**
 * The statistical forecast of won bookings per month and quarter for the company, a region or a team: every method
 * ({@link StatisticalMethod}) backtested with a rolling origin on the scope's own monthly history, the best one now
 * (lowest error) forecasting the current month to the end of the next quarter with an 80 % interval from its
 * backtest errors, every method's accuracy beside its number, the picked method's one-month-ahead forecasts against
 * what came, and a Monte-Carlo range of the current quarter from the probabilities the pipeline forecast weighs the open deals
 * with (by stage, or by stage and age band where the admin chose learned values).
 *
 * <p>Forecasts are made as of the first day of the current month from the complete months before it, exactly as
 * the backtest makes them at each of its origins, so the accuracy shown is the accuracy of the number shown. A scope
 * with fewer than {@link #MINIMUM_MONTHS} months of bookings gets no forecast, and is told so.
 */
@Service
public class StatisticalForecasts {

    /** Months of history a forecast needs: Holt-Winters' season to start from and three backtest origins. */
    public static final int MINIMUM_MONTHS = StatisticalForecast.FIRST_ORIGIN + 3;

    /** The longest history read. */
    static final int MAX_MONTHS = 48;

    public record Scope(String kind, Long id, String name) {}

    /** A month: what was booked (null for a month to come) and, for the months to come, the forecast and its interval. */
    public record Point(YearMonth month, BigDecimal actual, BigDecimal forecast, BigDecimal low, BigDecimal high) {}

    /**
     * A method's backtest accuracy and what it forecasts now (null when it cannot forecast this scope); flattered when
     * its backtest used facts not known at some origins (pipeline + run-rate before close dates were recorded): shown,
     * never picked.
     */
    public record Method(
            StatisticalMethod method,
            StatisticalForecast.Accuracy accuracy,
            boolean picked,
            BigDecimal currentMonth,
            BigDecimal currentQuarter,
            boolean flattered) {}

    /**
     * The close dates the pipeline + run-rate backtest forecast from: recorded by the weekly snapshot since
     * {@code recordedFrom} (null: none yet); of its {@code origins}, {@code withTodaysDates} came before that and used
     * today's close dates instead.
     */
    public record CloseDates(LocalDate recordedFrom, int origins, int withTodaysDates) {}

    /** The picked method's one-month-ahead forecast in the backtest and what came; error = (forecast − actual) / actual. */
    public record Check(YearMonth month, BigDecimal forecast, BigDecimal actual, BigDecimal errorPercent) {}

    /** A quarter: booked in its complete months, forecast with the months to come, and the interval of that total. */
    public record Quarter(
            String periodId,
            BigDecimal booked,
            BigDecimal forecast,
            BigDecimal low,
            BigDecimal high,
            int monthsToCome) {}

    /** The Monte-Carlo range of the current quarter: won to date plus the open deals drawn with their probabilities. */
    public record Range(
            String periodId,
            BigDecimal wonToDate,
            int openDeals,
            BigDecimal p10,
            BigDecimal p50,
            BigDecimal p90,
            int trials,
            long seed) {}

    public record View(
            Scope scope,
            String currency,
            YearMonth origin,
            int months,
            int monthsNeeded,
            boolean tooLittleHistory,
            List<Point> history,
            BigDecimal currentMonthToDate,
            List<Point> forecast,
            List<Method> methods,
            StatisticalMethod picked,
            List<Check> checks,
            List<Quarter> quarters,
            int intervalErrors,
            Range range,
            int unconverted,
            CloseDates closeDates) {}

    private final BookingStore bookings;
    private final Forecasts forecasts;
    private final Pipeline pipeline;
    private final Periods periods;
    private final Teams teams;
    private final Visibility visibility;
    private final FxRates fx;
    private final Clock clock;

    StatisticalForecasts(
            BookingStore bookings,
            Forecasts forecasts,
            Pipeline pipeline,
            Periods periods,
            Teams teams,
            Visibility visibility,
            FxRates fx,
            Clock clock) {
        this.bookings = bookings;
        this.forecasts = forecasts;
        this.pipeline = pipeline;
        this.periods = periods;
        this.teams = teams;
        this.visibility = visibility;
        this.fx = fx;
        this.clock = clock;
    }

    /**
     * The scopes a user may forecast: everything for finance and admins; a manager the teams with a current member in
     * their subtree, each counted over the members the manager may see (a team can hold people of another manager).
     */
    public List<Scope> scopes(AttainUser user) {
        List<Scope> out = new ArrayList<>();
        if (user.seesEveryone()) {
            out.add(new Scope("company", null, null));
            teams.regions().forEach(r -> out.add(new Scope("region", r.id(), r.name())));
        }
        PersonScope seen = visibility.scopeOf(user);
        for (Teams.Team t : teams.all()) {
            if (user.seesEveryone() || seesSomeone(seen, t.id())) {
                out.add(new Scope("team", t.id(), t.name()));
            }
        }
        return out;
    }

    private boolean seesSomeone(PersonScope seen, long teamId) {
        return bookings.members(teamId).stream().anyMatch(seen::includes);
    }

    public View view(AttainUser user, String kind, Long id, String currency) {
        Scope scope = scope(user, kind, id);
        String cur = currency == null || currency.isBlank() ? "USD" : currency.strip();
        if (!cur.matches("[A-Z]{3}")) {
            throw new InvalidInputException(new FieldProblem(
                    "currency", "forecast.error.currency", "a currency is three capital letters, e.g. USD"));
        }
        LocalDate today = LocalDate.now(clock);
        YearMonth origin = YearMonth.from(today);
        YearMonth earliest = origin.minusMonths(MAX_MONTHS);
        RateTable rates = new RateTable(fx.all());
        // A manager's team counts only the people the manager may see.
        Predicate<Long> seen = user.seesEveryone() ? owner -> true : visibility.scopeOf(user)::includes;
        BiPredicate<Long, LocalDate> inScope = scope.kind().equals("team")
                ? membership(scope).and((owner, day) -> seen.test(owner))
                : membership(scope);

        TreeMap<YearMonth, BigDecimal> booked = new TreeMap<>();
        int[] unconverted = {0};
        for (BookingStore.Booked b : booked(scope, seen, earliest.atDay(1), today)) {
            if (b.ownerId() != 0 && !inScope.test(b.ownerId(), b.day())) {
                continue;
            }
            YearMonth m = YearMonth.from(b.day());
            LocalDate day = m.equals(origin) ? today : m.atEndOfMonth();
            Optional<BigDecimal> rate = rates.rate(b.currency(), cur, day);
            if (rate.isEmpty()) {
                unconverted[0]++;
                continue;
            }
            booked.merge(m, b.amount().multiply(rate.get()), BigDecimal::add);
        }
        BigDecimal toDate = cents(booked.getOrDefault(origin, BigDecimal.ZERO));
        YearMonth first = booked.keySet().stream()
                .filter(m -> m.isBefore(origin) && booked.get(m).signum() != 0)
                .findFirst()
                .orElse(origin);
        int n = (int) first.until(origin, java.time.temporal.ChronoUnit.MONTHS);
        List<Point> history = new ArrayList<>();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            BigDecimal v = cents(booked.getOrDefault(first.plusMonths(i), BigDecimal.ZERO));
            history.add(new Point(first.plusMonths(i), v, null, null, null));
            y[i] = v.doubleValue();
        }
        if (n < MINIMUM_MONTHS) {
            return new View(
                    scope,
                    cur,
                    origin,
                    n,
                    MINIMUM_MONTHS,
                    true,
                    history,
                    toDate,
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    0,
                    null,
                    unconverted[0],
                    null);
        }

        List<Periods.PeriodRow> quarters = quartersFrom(origin);
        YearMonth last = quarters.isEmpty()
                ? origin
                : YearMonth.from(quarters.get(quarters.size() - 1).endsOn());
        int horizon = (int) origin.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;

        Map<Long, java.util.NavigableMap<LocalDate, LocalDate>> closeSeen = forecasts.closeDatesSeen();
        List<PipelineRunRate.Opp> opps = opportunities(
                first.minusMonths(PipelineRunRate.WIN_RATE_MONTHS), last, inScope, rates, cur, unconverted, closeSeen);
        CloseDates closeDates = closeDates(closeSeen, first, n);
        Map<StatisticalMethod, StatisticalForecast.Forecaster> forecasters =
                new java.util.EnumMap<>(StatisticalMethod.class);
        forecasters.put(StatisticalMethod.SEASONAL_NAIVE, StatisticalForecast.seasonalNaive(y));
        forecasters.put(
                StatisticalMethod.HOLT_WINTERS_ADDITIVE,
                StatisticalForecast.holtWinters(y, HoltWinters.Season.ADDITIVE));
        forecasters.put(
                StatisticalMethod.HOLT_WINTERS_MULTIPLICATIVE,
                StatisticalForecast.holtWinters(y, HoltWinters.Season.MULTIPLICATIVE));
        forecasters.put(StatisticalMethod.PIPELINE_RUN_RATE, PipelineRunRate.forecaster(opps, first));

        double scale = StatisticalForecast.scale(y);
        List<StatisticalForecast.Backtest> backtests = new ArrayList<>();
        Map<StatisticalMethod, double[]> now = new java.util.EnumMap<>(StatisticalMethod.class);
        for (Map.Entry<StatisticalMethod, StatisticalForecast.Forecaster> e : forecasters.entrySet()) {
            StatisticalForecast.backtest(
                            e.getKey(),
                            y,
                            e.getValue(),
                            StatisticalForecast.FIRST_ORIGIN,
                            StatisticalForecast.BACKTEST_HORIZON,
                            scale)
                    .ifPresent(backtests::add);
            double[] f = e.getValue().forecast(n, Math.max(horizon, 3));
            if (f != null) {
                now.put(e.getKey(), f);
            }
        }
        // A backtest that used today's close dates where the origin did not know them is shown, not trusted.
        Set<StatisticalMethod> flattered =
                closeDates.withTodaysDates() > 0 ? Set.of(StatisticalMethod.PIPELINE_RUN_RATE) : Set.of();
        StatisticalForecast.Backtest best = StatisticalForecast.pick(backtests.stream()
                        .filter(b -> now.containsKey(b.method()) && !flattered.contains(b.method()))
                        .toList())
                .orElse(null);
        if (best == null) {
            return new View(
                    scope,
                    cur,
                    origin,
                    n,
                    MINIMUM_MONTHS,
                    true,
                    history,
                    toDate,
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    0,
                    null,
                    unconverted[0],
                    null);
        }
        double[] f = now.get(best.method());

        List<Point> ahead = new ArrayList<>();
        for (int i = 0; i < horizon; i++) {
            Optional<BigDecimal[]> interval = StatisticalForecast.interval(f[i], best.monthErrors());
            ahead.add(new Point(
                    origin.plusMonths(i),
                    null,
                    StatisticalForecast.cents(Math.max(0, f[i])),
                    interval.map(v -> v[0]).orElse(null),
                    interval.map(v -> v[1]).orElse(null)));
        }
        List<Quarter> qs = new ArrayList<>();
        for (Periods.PeriodRow q : quarters) {
            qs.add(quarter(q, history, ahead, best));
        }
        List<Method> methods = new ArrayList<>();
        for (StatisticalMethod m : StatisticalMethod.values()) {
            StatisticalForecast.Backtest b =
                    backtests.stream().filter(x -> x.method() == m).findFirst().orElse(null);
            double[] mf = now.get(m);
            BigDecimal quarter = null;
            if (mf != null && !quarters.isEmpty()) {
                quarter = quarterTotal(quarters.get(0), history, origin, mf);
            }
            methods.add(new Method(
                    m,
                    b == null ? null : b.accuracy(),
                    m == best.method(),
                    mf == null ? null : StatisticalForecast.cents(Math.max(0, mf[0])),
                    quarter,
                    b != null && flattered.contains(m)));
        }
        List<Check> checks = new ArrayList<>();
        for (StatisticalForecast.Check c : best.oneAhead()) {
            BigDecimal fc = StatisticalForecast.cents(c.forecast());
            BigDecimal ac = StatisticalForecast.cents(c.actual());
            checks.add(new Check(
                    first.plusMonths(c.index()),
                    fc,
                    ac,
                    ac.signum() == 0
                            ? null
                            : fc.subtract(ac)
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(ac.abs(), 1, RoundingMode.HALF_EVEN)));
        }
        Range range = quarters.isEmpty() ? null : range(quarters.get(0), history, toDate, opps, origin);
        return new View(
                scope,
                cur,
                origin,
                n,
                MINIMUM_MONTHS,
                false,
                history,
                toDate,
                ahead,
                methods,
                best.method(),
                checks,
                qs,
                best.monthErrors().length,
                range,
                unconverted[0],
                closeDates);
    }

    // ---- scope

    private Scope scope(AttainUser user, String kind, Long id) {
        String k = kind == null || kind.isBlank()
                ? (user.seesEveryone() ? "company" : "team")
                : kind.strip().toLowerCase(Locale.ROOT);
        if (!user.seesEveryone() && !user.has(org.attain.access.Role.MANAGER)) {
            throw new ForbiddenException("The statistical forecast is for managers, finance and admins.");
        }
        switch (k) {
            case "company" -> {
                if (!user.seesEveryone()) {
                    throw new ForbiddenException("The company's forecast is for finance and admins.");
                }
                return new Scope("company", null, null);
            }
            case "region" -> {
                if (!user.seesEveryone()) {
                    throw new ForbiddenException("A region's forecast is for finance and admins.");
                }
                return teams.regions().stream()
                        .filter(r -> id != null && r.id() == id)
                        .findFirst()
                        .map(r -> new Scope("region", r.id(), r.name()))
                        .orElseThrow(() -> new InvalidInputException(
                                new FieldProblem("id", "forecast.error.scopeId", "no region with id " + id)));
            }
            case "team" -> {
                List<Scope> allowed = scopes(user).stream()
                        .filter(s -> s.kind().equals("team"))
                        .toList();
                if (id == null && !allowed.isEmpty() && !user.seesEveryone()) {
                    return allowed.get(0);
                }
                Scope team = teams.all().stream()
                        .filter(t -> id != null && t.id() == id)
                        .findFirst()
                        .map(t -> new Scope("team", t.id(), t.name()))
                        .orElseThrow(() -> new InvalidInputException(
                                new FieldProblem("id", "forecast.error.scopeId", "no team with id " + id)));
                if (allowed.stream().noneMatch(s -> s.id().equals(team.id()))) {
                    throw new ForbiddenException(
                            "A manager forecasts the teams with someone in their own reporting tree.");
                }
                return team;
            }
            default ->
                throw new InvalidInputException(new FieldProblem(
                        "scope", "forecast.error.scope", "a scope is company, region or team, not " + k));
        }
    }

    /** Whether a deal of this owner on this day belongs to the scope: a region by the owner's region, a team by membership then. */
    private BiPredicate<Long, LocalDate> membership(Scope scope) {
        if (scope.kind().equals("company")) {
            return (owner, day) -> true;
        }
        if (scope.kind().equals("region")) {
            Map<Long, Long> regions = bookings.regions();
            return (owner, day) -> scope.id().equals(regions.get(owner));
        }
        List<Teams.Membership> members = teams.memberships().stream()
                .filter(m -> m.teamId() == scope.id())
                .toList();
        return (owner, day) -> members.stream()
                .anyMatch(m -> m.personId() == owner
                        && !m.validFrom().isAfter(day)
                        && (m.validUntil() == null || m.validUntil().isAfter(day)));
    }

    private List<BookingStore.Booked> booked(Scope scope, Predicate<Long> seen, LocalDate from, LocalDate to) {
        return switch (scope.kind()) {
            case "company" -> bookings.monthly(null, from, to);
            case "region" -> bookings.monthly(scope.id(), from, to);
            default -> {
                Set<Long> owners = new HashSet<>();
                teams.memberships().stream()
                        .filter(m -> m.teamId() == scope.id() && seen.test(m.personId()))
                        .forEach(m -> owners.add(m.personId()));
                yield bookings.daily(owners, from, to);
            }
        };
    }

    // ---- the deals pipeline + run-rate and the range read

    private List<PipelineRunRate.Opp> opportunities(
            YearMonth from,
            YearMonth to,
            BiPredicate<Long, LocalDate> inScope,
            RateTable rates,
            String currency,
            int[] unconverted,
            Map<Long, java.util.NavigableMap<LocalDate, LocalDate>> closeSeen) {
        Map<String, ForecastCategory> categories = forecasts.categoriesByStage();
        List<PipelineRunRate.Opp> out = new ArrayList<>();
        // Deals closing after the last month forecast still count where a snapshot had them closing earlier.
        LocalDate through = to.atEndOfMonth();
        LocalDate latest = LocalDate.now(clock).plusYears(2);
        for (Pipeline.Opportunity o :
                pipeline.closingBetween(from.atDay(1), latest.isAfter(through) ? latest : through)) {
            java.util.NavigableMap<LocalDate, LocalDate> seen = closeSeen.getOrDefault(o.id(), new TreeMap<>());
            if (!inScope.test(o.ownerId(), o.closeDate())
                    || o.closeDate().isAfter(through) && seen.values().stream().allMatch(d -> d.isAfter(through))) {
                continue;
            }
            Optional<BigDecimal> rate = rates.rate(o.currency(), currency, o.closeDate());
            if (rate.isEmpty()) {
                unconverted[0]++;
                continue;
            }
            BigDecimal amount = cents(o.amount().multiply(rate.get()));
            ForecastCategory c = categories.getOrDefault(o.stage().toLowerCase(Locale.ROOT), ForecastCategory.PIPELINE);
            out.add(new PipelineRunRate.Opp(
                    o.id(),
                    o.createdOn() == null ? LocalDate.MIN : o.createdOn(),
                    o.closeDate(),
                    amount.doubleValue(),
                    amount,
                    o.stage(),
                    c,
                    seen));
        }
        return out;
    }

    /** Which backtest origins (months {@code FIRST_ORIGIN..n-1} from {@code first}) knew the deals' close dates then. */
    static CloseDates closeDates(
            Map<Long, java.util.NavigableMap<LocalDate, LocalDate>> closeSeen, YearMonth first, int n) {
        LocalDate from = closeSeen.values().stream()
                .map(java.util.NavigableMap::firstKey)
                .min(LocalDate::compareTo)
                .orElse(null);
        int origins = 0;
        int todays = 0;
        for (int origin = StatisticalForecast.FIRST_ORIGIN; origin < n; origin++) {
            origins++;
            if (from == null || first.plusMonths(origin).atDay(1).isBefore(from)) {
                todays++;
            }
        }
        return new CloseDates(from, origins, todays);
    }

    // ---- quarters and the Monte-Carlo range

    private List<Periods.PeriodRow> quartersFrom(YearMonth origin) {
        List<Periods.PeriodRow> all = periods.list(PeriodKind.QUARTER, null);
        List<Periods.PeriodRow> out = new ArrayList<>();
        LocalDate day = origin.atDay(1);
        for (int i = 0; i < 2; i++) {
            LocalDate d = day;
            Optional<Periods.PeriodRow> q = all.stream()
                    .filter(p -> !p.startsOn().isAfter(d) && !p.endsOn().isBefore(d))
                    .findFirst();
            if (q.isEmpty()) {
                break;
            }
            out.add(q.get());
            day = q.get().endsOn().plusDays(1);
        }
        return out;
    }

    private static BigDecimal quarterTotal(Periods.PeriodRow q, List<Point> history, YearMonth origin, double[] f) {
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth m = YearMonth.from(q.startsOn()); !m.isAfter(YearMonth.from(q.endsOn())); m = m.plusMonths(1)) {
            if (m.isBefore(origin)) {
                total = total.add(actual(history, m));
            } else {
                int i = (int) origin.until(m, java.time.temporal.ChronoUnit.MONTHS);
                total = total.add(i < f.length ? StatisticalForecast.cents(Math.max(0, f[i])) : BigDecimal.ZERO);
            }
        }
        return total;
    }

    private static Quarter quarter(
            Periods.PeriodRow q, List<Point> history, List<Point> ahead, StatisticalForecast.Backtest best) {
        BigDecimal booked = BigDecimal.ZERO;
        BigDecimal forecast = BigDecimal.ZERO;
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        boolean intervals = true;
        int toCome = 0;
        YearMonth end = YearMonth.from(q.endsOn());
        for (YearMonth m = YearMonth.from(q.startsOn()); !m.isAfter(end); m = m.plusMonths(1)) {
            YearMonth month = m;
            Optional<Point> p =
                    ahead.stream().filter(x -> x.month().equals(month)).findFirst();
            if (p.isPresent()) {
                toCome++;
                forecast = forecast.add(p.get().forecast());
                intervals &= p.get().low() != null;
                if (p.get().low() != null) {
                    low = low.add(p.get().low());
                    high = high.add(p.get().high());
                }
            } else {
                booked = booked.add(actual(history, m));
            }
        }
        BigDecimal qLow = intervals ? booked.add(low) : null;
        BigDecimal qHigh = intervals ? booked.add(high) : null;
        // A whole quarter to come: its interval from the backtest's three-month totals (summing monthly bounds would
        // assume every month misses the same way at once).
        if (toCome == 3) {
            Optional<BigDecimal[]> i = StatisticalForecast.interval(forecast.doubleValue(), best.quarterErrors());
            qLow = i.map(v -> v[0]).orElse(null);
            qHigh = i.map(v -> v[1]).orElse(null);
        }
        return new Quarter(q.id(), booked, booked.add(forecast), qLow, qHigh, toCome);
    }

    private Range range(
            Periods.PeriodRow q,
            List<Point> history,
            BigDecimal toDate,
            List<PipelineRunRate.Opp> opps,
            YearMonth origin) {
        BigDecimal won = toDate;
        for (YearMonth m = YearMonth.from(q.startsOn()); m.isBefore(origin); m = m.plusMonths(1)) {
            won = won.add(actual(history, m));
        }
        // Each open deal with the probability the pipeline forecast weighs it with (its stage's, or its age band's).
        Forecasts.DealProbability probabilities = forecasts.dealProbabilityInForce();
        List<MonteCarloRange.Deal> open = new ArrayList<>();
        for (PipelineRunRate.Opp o : opps) {
            if (!o.close().isBefore(q.startsOn())
                    && !o.close().isAfter(q.endsOn())
                    && o.category() != ForecastCategory.CLOSED
                    && o.category() != ForecastCategory.OMITTED) {
                open.add(new MonteCarloRange.Deal(
                        o.exact(),
                        probabilities.of(o.stage(), o.created().equals(LocalDate.MIN) ? null : o.created())));
            }
        }
        MonteCarloRange.Range r = MonteCarloRange.of(won, open, MonteCarloRange.SEED, MonteCarloRange.TRIALS);
        return new Range(q.id(), won, open.size(), r.p10(), r.p50(), r.p90(), r.trials(), r.seed());
    }

    private static BigDecimal actual(List<Point> history, YearMonth m) {
        return history.stream()
                .filter(p -> p.month().equals(m))
                .map(Point::actual)
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
