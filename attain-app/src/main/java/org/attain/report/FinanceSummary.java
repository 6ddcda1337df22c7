package org.attain.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.attain.calendar.Periods;
import org.attain.fx.ReportingCurrency;
import org.springframework.stereotype.Service;

/**
 * The finance page's summary in the reporting currency ({@link ReportingCurrency}): each local amount of the finance
 * reports converted at its period's rate (the rate in force on the period's last day), rounded to the reporting
 * currency's minor unit, and totals that add only converted amounts, never amounts in different currencies. Amounts
 * no rate converts are left out of the totals and named, never guessed.
 */
@Service
public class FinanceSummary {

    /** One quarter's accrued, approved, exported and still open pay in the reporting currency. */
    public record QuarterLine(
            String period,
            LocalDate rateDay,
            BigDecimal accrued,
            BigDecimal approved,
            BigDecimal exported,
            BigDecimal open) {}

    /** One team's commissions and bookings in the reporting currency, and their ratio (null without bookings). */
    public record TeamLine(String team, BigDecimal commissions, BigDecimal bookings, BigDecimal costOfSales) {}

    /**
     * @param accruedConverted per row of the accrued-vs-paid table, its accrued amount converted (null: no rate)
     * @param costOfSalesConverted per row of the cost-of-sales table, its commissions converted
     * @param costConverted per row of the commission-cost table, its amount converted
     * @param costByComponent per component, per period, the converted commission cost (for one chart axis)
     * @param unconverted currencies of amounts no rate converts (left out of totals)
     */
    public record Summary(
            String currency,
            int minorUnit,
            List<QuarterLine> quarters,
            QuarterLine year,
            List<TeamLine> teams,
            TeamLine allTeams,
            List<BigDecimal> accruedConverted,
            List<BigDecimal> costOfSalesConverted,
            List<BigDecimal> costConverted,
            Map<String, Map<String, BigDecimal>> costByComponent,
            List<String> unconverted) {}

    private final ReportingCurrency reporting;
    private final Periods periods;

    FinanceSummary(ReportingCurrency reporting, Periods periods) {
        this.reporting = reporting;
        this.periods = periods;
    }

    public Summary summarize(Table cost, Table accrued, Table costOfSales, String quarter) {
        return summarize(reporting.converter(), this::lastDay, cost, accrued, costOfSales, quarter);
    }

    private LocalDate lastDay(String period) {
        return periods.find(period).map(Periods.PeriodRow::endsOn).orElseThrow();
    }

    /** The same with the converter and the period's last day given: pure, for tests with rates of their own. */
    static Summary summarize(
            ReportingCurrency.Converter fx,
            Function<String, LocalDate> lastDay,
            Table cost,
            Table accrued,
            Table costOfSales,
            String quarter) {
        TreeSet<String> unconverted = new TreeSet<>();
        // Accrued vs paid: period, currency, accrued, approved, exported, open.
        Map<String, BigDecimal[]> byQuarter = new TreeMap<>();
        List<BigDecimal> accruedConverted = new ArrayList<>();
        for (List<Object> r : accrued.rows()) {
            String period = (String) r.get(0);
            String currency = (String) r.get(1);
            LocalDate day = lastDay.apply(period);
            BigDecimal[] sums = byQuarter.computeIfAbsent(period, k -> zeros(4));
            // Accrued, approved and exported converted; open is converted accrued less converted approved, so the
            // converted row adds up the way the local one does.
            BigDecimal[] c = new BigDecimal[3];
            boolean all = true;
            for (int i = 0; i < 3; i++) {
                c[i] = fx.convert((BigDecimal) r.get(2 + i), currency, day).orElse(null);
                all &= c[i] != null;
            }
            if (!all) {
                unconverted.add(currency);
                accruedConverted.add(null);
                continue;
            }
            sums[0] = sums[0].add(c[0]);
            sums[1] = sums[1].add(c[1]);
            sums[2] = sums[2].add(c[2]);
            sums[3] = sums[3].add(c[0].subtract(c[1]));
            accruedConverted.add(c[0]);
        }
        List<QuarterLine> quarters = new ArrayList<>();
        BigDecimal[] year = zeros(4);
        byQuarter.forEach((period, s) -> {
            quarters.add(new QuarterLine(period, lastDay.apply(period), s[0], s[1], s[2], s[3]));
            for (int i = 0; i < 4; i++) {
                year[i] = year[i].add(s[i]);
            }
        });

        // Cost of sales: team, currency, commissions, bookings, ratio; all in the chosen quarter.
        LocalDate quarterDay = lastDay.apply(quarter);
        Map<String, BigDecimal[]> byTeam = new TreeMap<>();
        List<BigDecimal> costOfSalesConverted = new ArrayList<>();
        for (List<Object> r : costOfSales.rows()) {
            String currency = (String) r.get(1);
            BigDecimal[] sums = byTeam.computeIfAbsent(String.valueOf(r.get(0)), k -> zeros(2));
            Optional<BigDecimal> commissions = fx.convert((BigDecimal) r.get(2), currency, quarterDay);
            Optional<BigDecimal> bookings = fx.convert((BigDecimal) r.get(3), currency, quarterDay);
            if (commissions.isEmpty() || bookings.isEmpty()) {
                unconverted.add(currency);
            }
            commissions.ifPresent(c -> sums[0] = sums[0].add(c));
            bookings.ifPresent(b -> sums[1] = sums[1].add(b));
            costOfSalesConverted.add(commissions.orElse(null));
        }
        List<TeamLine> teams = new ArrayList<>();
        BigDecimal[] all = zeros(2);
        byTeam.forEach((team, s) -> {
            teams.add(new TeamLine(team, s[0], s[1], Reports.ratio(s[0], s[1])));
            all[0] = all[0].add(s[0]);
            all[1] = all[1].add(s[1]);
        });

        // Commission cost: period, team, component, currency, amount.
        List<BigDecimal> costConverted = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> byComponent = new LinkedHashMap<>();
        for (List<Object> r : cost.rows()) {
            String period = (String) r.get(0);
            String currency = (String) r.get(3);
            Optional<BigDecimal> c = fx.convert((BigDecimal) r.get(4), currency, lastDay.apply(period));
            if (c.isEmpty()) {
                unconverted.add(currency);
            }
            c.ifPresent(v -> byComponent
                    .computeIfAbsent(String.valueOf(r.get(2)), k -> new TreeMap<>())
                    .merge(period, v, BigDecimal::add));
            costConverted.add(c.orElse(null));
        }
        return new Summary(
                fx.currency(),
                fx.minorUnit(),
                quarters,
                new QuarterLine(null, null, year[0], year[1], year[2], year[3]),
                teams,
                new TeamLine(null, all[0], all[1], Reports.ratio(all[0], all[1])),
                accruedConverted,
                costOfSalesConverted,
                costConverted,
                byComponent,
                List.copyOf(unconverted));
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] z = new BigDecimal[n];
        java.util.Arrays.fill(z, BigDecimal.ZERO.setScale(0, RoundingMode.UNNECESSARY));
        return z;
    }
}
