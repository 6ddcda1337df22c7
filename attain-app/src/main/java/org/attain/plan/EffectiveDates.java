package org.attain.plan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a new plan version may take effect. A date inside or before a closed period would change pay that was
 * closed, and a date before the latest version's would reorder versions already paying: both are refused.
 * No date means "from where the latest version is in force" (it replaces it, as before versions had dates).
 * Closed periods are read from calendar's published view {@code calendar_period_v}.
 */
@Component
class EffectiveDates {

    private final JdbcClient jdbc;

    EffectiveDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Closed(String id, LocalDate endsOn) {}

    /** The date to store (null: from the beginning), or {@link EffectiveDateRefused}. */
    LocalDate check(List<Plans.PlanVersion> earlier, LocalDate requested) {
        Optional<Plans.PlanVersion> latest = earlier.stream().max(Comparator.comparingInt(Plans.PlanVersion::version));
        if (requested == null) {
            return latest.map(Plans.PlanVersion::effectiveFrom).orElse(null);
        }
        jdbc.sql("""
                select id, ends_on from calendar_period_v where status = 'CLOSED' and ends_on >= :d
                order by ends_on desc, starts_on limit 1""")
                .param("d", requested)
                .query((rs, n) -> new Closed(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .optional()
                .ifPresent(p -> {
                    throw new EffectiveDateRefused(
                            "plan.versions.closedPeriod",
                            "effective date " + requested + " falls in or before the closed period " + p.id()
                                    + " (closed through " + p.endsOn() + "); choose a date after " + p.endsOn(),
                            List.of(requested.toString(), p.id(), p.endsOn().toString()));
                });
        if (latest.isPresent()
                && latest.get().effectiveFrom() != null
                && requested.isBefore(latest.get().effectiveFrom())) {
            Plans.PlanVersion v = latest.get();
            throw new EffectiveDateRefused(
                    "plan.versions.beforeLatest",
                    "effective date " + requested + " is before version " + v.version() + "'s (" + v.effectiveFrom()
                            + "); a new version takes effect on or after it",
                    List.of(
                            requested.toString(),
                            Integer.toString(v.version()),
                            v.effectiveFrom().toString()));
        }
        return requested;
    }
}
