package org.attain.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reports there are, by their URL name, and who may read them: finance reports are for finance,
 * admins and comp admins; team reports for managers too; the earnings export for everyone, each
 * within what they may see (a rep their own lines).
 */
public enum ReportKind {
    TEAM_TARGETS("team-targets", Readers.MANAGERS),
    ATTAINMENT_DISTRIBUTION("attainment-distribution", Readers.MANAGERS),
    PAYOUTS_BY_COMPONENT("payouts-by-component", Readers.MANAGERS),
    PERFORMERS("performers", Readers.MANAGERS),
    COMMISSION_COST("commission-cost", Readers.BACK_OFFICE),
    ACCRUED_VS_PAID("accrued-vs-paid", Readers.BACK_OFFICE),
    COST_OF_SALES("cost-of-sales", Readers.BACK_OFFICE),
    /** One row per current earnings line of a period; paged in the API, whole in a file ({@link EarningsExport}). */
    EARNINGS("earnings", Readers.EVERYONE);

    /** Who may read a report; what they see of it is always limited by {@code Visibility}. */
    public enum Readers {
        EVERYONE,
        MANAGERS,
        BACK_OFFICE
    }

    private final String slug;
    private final Readers readers;

    ReportKind(String slug, Readers readers) {
        this.slug = slug;
        this.readers = readers;
    }

    public String slug() {
        return slug;
    }

    public Readers readers() {
        return readers;
    }

    /** Finance reports live under /finance and /api/v1/finance. */
    public boolean finance() {
        return readers == Readers.BACK_OFFICE;
    }

    /** Message key of the report's title. */
    public String title() {
        return "report." + slug;
    }

    public static Optional<ReportKind> of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
