package org.attain.report;

import java.util.Arrays;
import java.util.Optional;

/** The reports there are, by their URL name. Finance reports are for finance, admins and comp admins only. */
public enum ReportKind {
    TEAM_TARGETS("team-targets", false),
    ATTAINMENT_DISTRIBUTION("attainment-distribution", false),
    PAYOUTS_BY_COMPONENT("payouts-by-component", false),
    PERFORMERS("performers", false),
    COMMISSION_COST("commission-cost", true),
    ACCRUED_VS_PAID("accrued-vs-paid", true),
    COST_OF_SALES("cost-of-sales", true);

    private final String slug;
    private final boolean finance;

    ReportKind(String slug, boolean finance) {
        this.slug = slug;
        this.finance = finance;
    }

    public String slug() {
        return slug;
    }

    public boolean finance() {
        return finance;
    }

    /** Message key of the report's title. */
    public String title() {
        return "report." + slug;
    }

    public static Optional<ReportKind> of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
