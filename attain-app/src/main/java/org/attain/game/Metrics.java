package org.attain.game;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.attain.activity.ActivityKind;
import org.attain.activity.ActivityReads;
import org.attain.engine.cel.CelFormula;
import org.attain.engine.cel.ExpressionError;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.pay.Earnings;
import org.attain.platform.FieldProblem;
import org.attain.sales.SalesFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Metric values per person from the owners' public reads, one statement per metric and set of people.
 * Everyone asked for gets a value (zero when they have none). Money (bookings, open pipeline, pipeline created) is
 * in the company currency ({@code attain.company-currency}, default USD): sales gives amounts per owner, day and
 * currency, each converted by fx's {@link RateTable} at the rate of its day (a deal's closing day, an opportunity's
 * creation day; the open pipeline at the window's last day), rounded to four decimals and then summed, so the same
 * data always gives the same value. An amount with no rate is left out and its currency reported
 * ({@link Measured#unconverted()}), never added unconverted.
 *
 * <p>A {@link Metric#FORMULA} is a CEL expression over the other metrics' {@link Metric#variable()} names,
 * compiled once per computation by the engine's {@link CelFormula} (the plans' CEL options) and evaluated once per
 * person (never per deal); only the metrics it reads are fetched. It is a score, not money.
 */
@Service
public class Metrics {

    /** The names a formula may read: every metric but the formula itself. */
    static final Set<String> VARIABLES = Arrays.stream(Metric.values())
            .filter(m -> m != Metric.FORMULA)
            .map(Metric::variable)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private static final CelFormula.Compiler COMPILER = new CelFormula.Compiler(VARIABLES);

    private final SalesFigures sales;
    private final ActivityReads activity;
    private final Earnings earnings;
    private final FxRates fx;
    private final String currency;

    Metrics(
            SalesFigures sales,
            ActivityReads activity,
            Earnings earnings,
            FxRates fx,
            @Value("${attain.company-currency:USD}") String currency) {
        this.sales = sales;
        this.activity = activity;
        this.earnings = earnings;
        this.fx = fx;
        this.currency = currency;
    }

    /** The company currency money metrics are given in. */
    public String currency() {
        return currency;
    }

    /**
     * Values and what they are in: {@code currency} is the company currency when the metric (or a metric the
     * formula reads) is money, else null; {@code unconverted}: currencies of amounts left out for want of a rate.
     */
    public record Measured(Map<Long, BigDecimal> values, String currency, Set<String> unconverted) {}

    /** Values with their currency; see {@link Measured}. */
    public Measured measure(
            Metric metric, String formula, Collection<Long> people, LocalDate from, LocalDate to, String periodId) {
        Conversion conversion = new Conversion(new RateTable(fx.all()), currency);
        boolean money;
        Map<Long, BigDecimal> values;
        if (metric != Metric.FORMULA) {
            money = metric.money();
            values = plain(metric, people, from, to, periodId, conversion);
        } else {
            CelFormula.Compiled c = COMPILER.compile(formula);
            if (!c.ok()) {
                throw new IllegalArgumentException("a stored formula no longer compiles: " + c.errors());
            }
            money = c.formula().reads().stream()
                    .anyMatch(n -> Metric.parse(n).orElseThrow().money());
            Map<String, Map<Long, BigDecimal>> read = new HashMap<>();
            for (String name : c.formula().reads()) {
                read.put(name, plain(Metric.parse(name).orElseThrow(), people, from, to, periodId, conversion));
            }
            values = new HashMap<>();
            for (Long p : people) {
                Map<String, BigDecimal> vars = new HashMap<>();
                read.forEach((name, v) -> vars.put(name, v.get(p)));
                values.put(p, c.formula().evaluate(vars));
            }
        }
        return new Measured(values, money ? currency : null, Set.copyOf(conversion.missing));
    }

    /** Converts amounts into the company currency at their day's rate, noting currencies no rate converts. */
    private static final class Conversion {
        private final RateTable rates;
        private final String to;
        private final Set<String> missing = new java.util.TreeSet<>();

        Conversion(RateTable rates, String to) {
            this.rates = rates;
            this.to = to;
        }

        void add(Map<Long, BigDecimal> out, SalesFigures.DailyMoney d) {
            java.util.Optional<BigDecimal> rate = rates.rate(d.currency(), to, d.day());
            if (rate.isEmpty()) {
                missing.add(d.currency());
                return;
            }
            BigDecimal converted = d.currency().equals(to)
                    ? d.amount()
                    : d.amount().multiply(rate.get()).setScale(4, java.math.RoundingMode.HALF_EVEN);
            out.merge(d.ownerId(), converted, BigDecimal::add);
        }
    }

    /**
     * Checks a metric's formula (field {@code formula}): required for {@link Metric#FORMULA} and refused for any
     * other metric; it must compile, name only known metrics (the reason lists the unknown ones and the known),
     * give a number, and read attainment only where a period is known ({@code periodKnown}).
     */
    static List<FieldProblem> check(Metric metric, String formula, boolean periodKnown) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean blank = formula == null || formula.isBlank();
        if (metric != Metric.FORMULA) {
            if (!blank) {
                problems.add(new FieldProblem(
                        "formula", "game.error.formulaUnused", "is only for the metric FORMULA; leave it empty"));
            }
            return problems;
        }
        if (blank) {
            problems.add(new FieldProblem(
                    "formula",
                    "game.error.formulaRequired",
                    "the metric FORMULA needs a CEL expression such as " + "bookings + 1000 * meetings"));
            return problems;
        }
        if (formula.strip().length() > 500) {
            problems.add(new FieldProblem("formula", "game.error.formulaLong", "is longer than 500 characters"));
            return problems;
        }
        CelFormula.Compiled c = COMPILER.compile(formula.strip());
        if (!c.unknownNames().isEmpty()) {
            problems.add(new FieldProblem(
                    "formula",
                    "game.error.formulaUnknown",
                    "names no metric: " + String.join(", ", c.unknownNames()) + " (metrics: "
                            + String.join(", ", VARIABLES) + ")"));
        } else if (!c.ok()) {
            ExpressionError e = c.errors().get(0);
            problems.add(new FieldProblem(
                    "formula",
                    "game.error.formulaInvalid",
                    "does not compile at line " + e.line() + ", column " + e.column() + ": " + e.message()));
        } else if (!periodKnown && c.formula().reads().contains(Metric.ATTAINMENT.variable())) {
            problems.add(new FieldProblem(
                    "formula",
                    "game.error.metricPeriod",
                    "attainment is measured per period; use it on a period board"));
        }
        return problems;
    }

    /** Values of a metric over the days [from, to]; for attainment the period is required (and the days unused). */
    public Map<Long, BigDecimal> values(
            Metric metric, Collection<Long> people, LocalDate from, LocalDate to, String periodId) {
        return values(metric, null, people, from, to, periodId);
    }

    /** {@link #values(Metric, Collection, LocalDate, LocalDate, String)}, for a formula metric with its formula. */
    public Map<Long, BigDecimal> values(
            Metric metric, String formula, Collection<Long> people, LocalDate from, LocalDate to, String periodId) {
        return measure(metric, formula, people, from, to, periodId).values();
    }

    /**
     * A countable metric per person and day on days [from, to] (bookings, deals won, calls, meetings), days with
     * nothing left out; the days of a person add up to {@link #values} over the same days. One statement for all days:
     * what achievement rules slide their windows over.
     */
    Map<Long, Map<LocalDate, BigDecimal>> daily(Metric metric, Collection<Long> people, LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, BigDecimal>> out = new HashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        switch (metric) {
            case BOOKINGS -> {
                Conversion conversion = new Conversion(new RateTable(fx.all()), currency);
                for (SalesFigures.DailyMoney d : sales.wonByOwnerAndDay(people, from, to)) {
                    Map<Long, BigDecimal> one = new HashMap<>();
                    conversion.add(one, d);
                    one.forEach((p, v) ->
                            out.computeIfAbsent(p, k -> new HashMap<>()).merge(d.day(), v, BigDecimal::add));
                }
            }
            case DEALS_WON ->
                sales.wonByOwnerAndDay(people, from, to)
                        .forEach(d -> out.computeIfAbsent(d.ownerId(), k -> new HashMap<>())
                                .merge(d.day(), BigDecimal.valueOf(d.count()), BigDecimal::add));
            case CALLS, MEETINGS ->
                activity.dailyCounts(
                                people, metric == Metric.CALLS ? ActivityKind.CALL : ActivityKind.MEETING, from, to)
                        .forEach((p, days) -> days.forEach((day, n) ->
                                out.computeIfAbsent(p, k -> new HashMap<>()).put(day, BigDecimal.valueOf(n))));
            default -> throw new IllegalArgumentException(metric + " is not counted per day");
        }
        return out;
    }

    private Map<Long, BigDecimal> plain(
            Metric metric,
            Collection<Long> people,
            LocalDate from,
            LocalDate to,
            String periodId,
            Conversion conversion) {
        Map<Long, BigDecimal> out = new HashMap<>();
        people.forEach(p -> out.put(p, BigDecimal.ZERO));
        if (people.isEmpty()) {
            return out;
        }
        switch (metric) {
            case BOOKINGS -> sales.wonByOwnerAndDay(people, from, to).forEach(d -> conversion.add(out, d));
            case DEALS_WON ->
                sales.byOwner(people, from, to).forEach((p, f) -> out.put(p, BigDecimal.valueOf(f.deals())));
            case PIPELINE -> sales.openPipelineByOwner(people, to).forEach(d -> conversion.add(out, d));
            case PIPELINE_CREATED -> sales.createdByOwner(people, from, to).forEach(d -> conversion.add(out, d));
            case CALLS ->
                activity.counts(people, ActivityKind.CALL, from, to)
                        .forEach((p, n) -> out.put(p, BigDecimal.valueOf(n)));
            case MEETINGS ->
                activity.counts(people, ActivityKind.MEETING, from, to)
                        .forEach((p, n) -> out.put(p, BigDecimal.valueOf(n)));
            case ATTAINMENT -> {
                if (periodId == null) {
                    throw new IllegalArgumentException("attainment needs a period");
                }
                earnings.summariesOf(people, periodId).forEach((p, s) -> {
                    if (s.attainment() != null) {
                        out.put(p, s.attainment().multiply(BigDecimal.valueOf(100)));
                    }
                });
            }
            case FORMULA -> throw new IllegalArgumentException("a formula is evaluated over the other metrics");
        }
        return out;
    }
}
