package org.attain.plan;

import java.util.Locale;

/**
 * Starting points for plan documents: the editor's "new plan", the demo company's plans and the
 * benchmark's plan all begin here, so the shape of a typical plan is written once.
 */
public final class PlanTemplates {

    private PlanTemplates() {}

    /** Quarterly marginal tiers on attainment (5 % to 50 %, 8 % to 100 %, 12 % above) on owner-credited won bookings. */
    public static String accountExecutive(String id, String name, String currency) {
        return """
                id: %s
                name: %s
                currency: %s
                frequency: quarter
                measures:
                  - id: bookings
                    statuses: [won]
                    credit:
                      - {id: owner, from: self}
                components:
                  - id: commission
                    kind: tiered
                    measure: bookings
                    tier_mode: marginal
                    tiers_on: attainment
                    tiers:
                      - {from: "0.00", to: "0.50", rate: "0.05"}
                      - {from: "0.50", to: "1.00", rate: "0.08"}
                      - {from: "1.00", rate: "0.12"}
                """.formatted(id, name, currency.toUpperCase(Locale.ROOT));
    }

    /** The account-executive plan plus a SPIFF for multi-year new logos. */
    public static String accountExecutiveWithSpiff(String id, String name, String currency) {
        return accountExecutive(id, name, currency) + """
                  - id: new_logo_spiff
                    kind: per_deal_amount
                    measure: bookings
                    amount: "250.00"
                    when: "deal.type == 'new_logo' && deal.term_months >= 24"
                """;
    }

    /** A manager's override on the credited bookings of their direct reports, rolled up on the close date. */
    public static String managerOverride(String id, String name, String currency) {
        return """
                id: %s
                name: %s
                currency: %s
                frequency: quarter
                measures:
                  - id: team_bookings
                    statuses: [won]
                    credit:
                      - {id: direct-reports, from: direct_reports}
                components:
                  - {id: override, kind: rate, rate: "0.015", measure: team_bookings}
                """.formatted(id, name, currency.toUpperCase(Locale.ROOT));
    }

    /**
     * The test the demo's account-executive plans ship with: an AE at 130% of quota gets the three
     * marginal tiers (50,000 x 5% + 50,000 x 8% + 30,000 x 12% = 10,100) and the SPIFF for the one won
     * multi-year new logo (a lost one and a one-year upsell get none).
     */
    public static String accountExecutiveScenario(String currency) {
        return """
                scenario: ae-above-quota
                title: An AE at 130%% of quota with one multi-year new logo
                periods: [2026-Q1]
                currency: %s
                people:
                  - {id: ae1, role: AE, start: 2025-01-01}
                quotas:
                  - {person: ae1, period: 2026-Q1, amount: "100000.00"}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-15, amount: "60000.00", type: new_logo, attributes: {term_months: 24}}
                  - {id: D2, owner: ae1, close: 2026-02-10, amount: "70000.00", type: upsell, attributes: {term_months: 12}}
                  - {id: D3, owner: ae1, close: 2026-03-05, amount: "5000.00", type: new_logo, status: lost, attributes: {term_months: 36}}
                expected:
                  - {person: ae1, period: 2026-Q1, component: commission, amount: "10100.00"}
                  - {person: ae1, period: 2026-Q1, component: new_logo_spiff, amount: "250.00", qualifying: [D1]}
                """.formatted(currency.toUpperCase(Locale.ROOT));
    }

    /**
     * The test the demo's manager plans ship with: 1.5% on the direct reports' won bookings (40,000 +
     * 60,000), not on the manager's own deal nor a lost one.
     */
    public static String managerOverrideScenario(String currency) {
        return """
                scenario: manager-override
                title: A manager's override on two direct reports
                periods: [2026-Q1]
                currency: %s
                people:
                  - {id: mgr, role: Manager, start: 2025-01-01}
                  - {id: ae1, role: AE, start: 2025-01-01}
                  - {id: ae2, role: AE, start: 2025-01-01}
                reporting:
                  - {person: ae1, manager: mgr, from: 2025-01-01}
                  - {person: ae2, manager: mgr, from: 2025-01-01}
                transactions:
                  - {id: T1, owner: ae1, close: 2026-01-20, amount: "40000.00"}
                  - {id: T2, owner: ae2, close: 2026-02-20, amount: "60000.00"}
                  - {id: T3, owner: ae2, close: 2026-03-02, amount: "25000.00", status: lost}
                  - {id: T4, owner: mgr, close: 2026-02-25, amount: "10000.00"}
                expected:
                  - {person: mgr, period: 2026-Q1, component: override, amount: "1500.00", qualifying: [T1, T2]}
                """.formatted(currency.toUpperCase(Locale.ROOT));
    }
}
