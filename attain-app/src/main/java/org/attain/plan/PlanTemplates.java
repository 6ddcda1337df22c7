package org.attain.plan;

import java.util.Locale;

/**
 * Starting points for plan documents: the editor's "new plan", the demo company's plans and the
 * benchmark's plan all begin here, so the shape of a typical plan is written once.
 */
public final class PlanTemplates {

    private PlanTemplates() {
    }

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
}
