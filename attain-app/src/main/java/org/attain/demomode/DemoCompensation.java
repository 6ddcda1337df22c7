package org.attain.demomode;

import java.time.LocalDate;
import java.util.List;
import org.attain.calc.CalcRuns;
import org.attain.fx.FxBulkLoad;
import org.attain.plan.PlanBulkLoad;
import org.attain.plan.PlanScenarios;
import org.attain.plan.PlanTemplates;
import org.attain.plan.Plans;
import org.attain.quota.QuotaBulkLoad;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo company's compensation set-up: one account-executive plan and one manager plan per
 * region currency, each with a scenario that passes; assignments along employment, quarterly quotas
 * and FX rates (through plan's, quota's and fx's bulk loads); then a first full run so every page has
 * numbers from the start.
 */
@Component
class DemoCompensation {

    private final Plans plans;
    private final PlanScenarios scenarios;
    private final CalcRuns runs;
    private final PlanBulkLoad assignments;
    private final QuotaBulkLoad quotas;
    private final FxBulkLoad fx;
    private final JdbcClient jdbc;

    DemoCompensation(
            Plans plans,
            PlanScenarios scenarios,
            CalcRuns runs,
            PlanBulkLoad assignments,
            QuotaBulkLoad quotas,
            FxBulkLoad fx,
            JdbcClient jdbc) {
        this.plans = plans;
        this.scenarios = scenarios;
        this.runs = runs;
        this.assignments = assignments;
        this.quotas = quotas;
        this.fx = fx;
        this.jdbc = jdbc;
    }

    void setUp(LocalDate today) {
        List<String> currencies = jdbc.sql("select distinct currency from sales_region_v order by currency")
                .query(String.class)
                .list();
        for (String currency : currencies) {
            // Each plan ships with a scenario that passes, so its next change is tested before it pays anyone.
            String ae = plans.publish(aePlan(currency), "demo-mode").planKey();
            scenarios.attach(ae, "AE above quota", PlanTemplates.accountExecutiveScenario(currency), "demo-mode");
            String mgr = plans.publish(managerPlan(currency), "demo-mode").planKey();
            scenarios.attach(mgr, "Manager override", PlanTemplates.managerOverrideScenario(currency), "demo-mode");
        }
        assignments.assignRepsAndManagersByCurrency("ae-", "mgr-");
        // 110% of the region's median quarterly bookings per rep: stretching but reachable, so the demo
        // shows reps on both sides of 100%.
        quotas.repQuotasFromBookings(today.minusYears(2), today.plusMonths(3), today);
        setFxRates(today);
    }

    /** The first full run; outside the set-up transaction, because a run commits its own work as it goes. */
    void calculate() {
        runs.runFull("demo set-up", "demo-mode");
    }

    /** Rates against the US dollar, and every cross rate from them, so a split across regions converts. */
    private void setFxRates(LocalDate today) {
        java.util.Map<String, java.math.BigDecimal> usdPer = java.util.Map.of(
                "USD",
                java.math.BigDecimal.ONE,
                "EUR",
                new java.math.BigDecimal("1.0850"),
                "GBP",
                new java.math.BigDecimal("1.2700"),
                "AUD",
                new java.math.BigDecimal("0.6550"));
        usdPer.forEach((from, fromUsd) -> usdPer.forEach((to, toUsd) -> {
            if (!from.equals(to)) {
                fx.rate(from, to, today.minusYears(3), fromUsd.divide(toUsd, 10, java.math.RoundingMode.HALF_EVEN));
            }
        }));
    }

    private static String aePlan(String currency) {
        return PlanTemplates.accountExecutiveWithSpiff(
                "ae-" + currency.toLowerCase(), "Account Executive plan (" + currency + ")", currency);
    }

    private static String managerPlan(String currency) {
        return PlanTemplates.managerOverride(
                "mgr-" + currency.toLowerCase(), "Sales manager override (" + currency + ")", currency);
    }
}
