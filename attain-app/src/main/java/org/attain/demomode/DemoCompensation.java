package org.attain.demomode;

import java.time.LocalDate;
import java.util.List;
import org.attain.calc.CalcRuns;
import org.attain.plan.PlanScenarios;
import org.attain.plan.PlanTemplates;
import org.attain.plan.Plans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo company's compensation set-up: one account-executive plan and one manager plan per
 * region currency, each with a scenario that passes; assignments along employment, quarterly quotas
 * and FX rates; then a first full run so every page has numbers from the start.
 */
@Component
class DemoCompensation {

    private final Plans plans;
    private final PlanScenarios scenarios;
    private final CalcRuns runs;
    private final JdbcClient jdbc;

    DemoCompensation(Plans plans, PlanScenarios scenarios, CalcRuns runs, JdbcClient jdbc) {
        this.plans = plans;
        this.scenarios = scenarios;
        this.runs = runs;
        this.jdbc = jdbc;
    }

    void setUp(LocalDate today) {
        List<String> currencies = jdbc.sql("select distinct currency from region order by currency").query(String.class).list();
        for (String currency : currencies) {
            // Each plan ships with a scenario that passes, so its next change is tested before it pays anyone.
            String ae = plans.publish(aePlan(currency), "demo-mode").planKey();
            scenarios.attach(ae, "AE above quota", PlanTemplates.accountExecutiveScenario(currency), "demo-mode");
            String mgr = plans.publish(managerPlan(currency), "demo-mode").planKey();
            scenarios.attach(mgr, "Manager override", PlanTemplates.managerOverrideScenario(currency), "demo-mode");
        }
        jdbc.sql("""
                insert into plan_assignment(person_id, plan_key, valid_from, valid_until)
                select id, case when role_type = 'REP' then 'ae-' else 'mgr-' end || lower(currency),
                       employment_start, employment_end + 1
                from person where role_type in ('REP', 'MANAGER')""").update();
        setQuotas(today);
        setFxRates(today);
    }

    /** The first full run; outside the set-up transaction, because a run commits its own work as it goes. */
    void calculate() {
        runs.runFull("demo set-up", "demo-mode");
    }

    /**
     * One quota per region and quarter for every rep employed in it: 110% of the region's median
     * quarterly bookings per rep over the history, rounded to 10,000 — stretching but reachable, so
     * the demo shows reps on both sides of 100%.
     */
    private void setQuotas(LocalDate today) {
        jdbc.sql("""
                with rep_quarter as (
                    select p.id as person_id, p.region_id, date_trunc('quarter', t.close_date) as q, sum(t.amount) as booked
                    from sales_transaction t join person p on p.id = t.owner_id
                    where p.role_type = 'REP' and t.status = 'won'
                    group by p.id, p.region_id, date_trunc('quarter', t.close_date)
                ), region_quota as (
                    select region_id, round(percentile_cont(0.5) within group (order by booked) * 1.1 / 10000) * 10000 as amount
                    from rep_quarter group by region_id
                )
                insert into quota(person_id, period_id, measure, amount, currency, prorate)
                select p.id, per.id, 'bookings', greatest(rq.amount, 10000), p.currency, true
                from person p
                join region_quota rq on rq.region_id = p.region_id
                join period per on per.kind = 'QUARTER' and per.ends_on >= p.employment_start
                     and (p.employment_end is null or per.starts_on <= p.employment_end)
                     and per.starts_on <= :horizon and per.ends_on >= :since
                where p.role_type = 'REP'""")
                .param("horizon", today.plusMonths(3)).param("since", today.minusYears(2)).update();
    }

    /** Rates against the US dollar, and every cross rate from them, so a split across regions converts. */
    private void setFxRates(LocalDate today) {
        java.util.Map<String, java.math.BigDecimal> usdPer = java.util.Map.of(
                "USD", java.math.BigDecimal.ONE, "EUR", new java.math.BigDecimal("1.0850"),
                "GBP", new java.math.BigDecimal("1.2700"), "AUD", new java.math.BigDecimal("0.6550"));
        usdPer.forEach((from, fromUsd) -> usdPer.forEach((to, toUsd) -> {
            if (!from.equals(to)) {
                jdbc.sql("insert into fx_rate(from_currency, to_currency, effective_from, rate) values (:f, :t, :d, :r)")
                        .param("f", from).param("t", to).param("d", today.minusYears(3))
                        .param("r", fromUsd.divide(toUsd, 10, java.math.RoundingMode.HALF_EVEN)).update();
            }
        }));
    }

    private static String aePlan(String currency) {
        return PlanTemplates.accountExecutiveWithSpiff("ae-" + currency.toLowerCase(), "Account Executive plan (" + currency + ")", currency);
    }

    private static String managerPlan(String currency) {
        return PlanTemplates.managerOverride("mgr-" + currency.toLowerCase(), "Sales manager override (" + currency + ")", currency);
    }
}
