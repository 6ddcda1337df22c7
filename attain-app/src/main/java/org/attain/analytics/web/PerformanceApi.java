package org.attain.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.access.AttainUser;
import org.attain.analytics.PerformanceAnalytics;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Visibility;
import org.attain.platform.CellText;
import org.attain.pulse.PulseByGroup;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Performance analytics over any range, always within the caller's visibility: the company (as far as the caller
 * sees), a region or a team with the level below it, one rep with peers in the same role, and a CSV of the reps.
 * Without {@code from} and {@code to} the range is the current quarter.
 */
@RestController
class PerformanceApi {

    private final PerformanceAnalytics analytics;
    private final Visibility visibility;
    private final Periods periods;
    private final PulseByGroup pulse;
    private final Clock clock;

    PerformanceApi(
            PerformanceAnalytics analytics, Visibility visibility, Periods periods, PulseByGroup pulse, Clock clock) {
        this.analytics = analytics;
        this.visibility = visibility;
        this.periods = periods;
        this.pulse = pulse;
        this.clock = clock;
    }

    @GetMapping("/api/v1/analytics/performance")
    Map<String, Object> overview(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long region,
            @RequestParam(required = false) Long team) {
        return PerformanceJson.overview(
                analytics.overview(
                        visibility.scopeOf(user), range(periods, from, to), region, team, LocalDate.now(clock)),
                PulseBeside.byKey(pulse.latest(user)));
    }

    @GetMapping("/api/v1/analytics/performance/reps/{id}")
    Map<String, Object> rep(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        PerformanceAnalytics.Range range = range(periods, from, to);
        if (from == null && to == null) {
            range = analytics.openingRange(id, range);
        }
        return PerformanceJson.rep(analytics.rep(visibility.scopeOf(user), id, range, LocalDate.now(clock)));
    }

    /** The reps of the level asked for (all the caller sees, one region or one team), one row each. */
    @GetMapping("/api/v1/analytics/performance.csv")
    void csv(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long region,
            @RequestParam(required = false) Long team,
            HttpServletResponse response)
            throws IOException {
        PerformanceAnalytics.Range range = range(periods, from, to);
        var reps = analytics.reps(visibility.scopeOf(user), range, region, team);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"performance-" + range.from() + "-" + range.to() + ".csv\"");
        try (CSVPrinter out = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            out.printRecord(CellText.row(
                    "person_id",
                    "name",
                    "role",
                    "region",
                    "team",
                    "currency",
                    "attainment",
                    "bookings",
                    "won_deals",
                    "average_deal_size",
                    "win_rate",
                    "sales_cycle_days",
                    "calls",
                    "meetings",
                    "emails",
                    "webinars",
                    "opportunities",
                    "opportunities_won",
                    "opportunities_lost",
                    "other_bookings"));
            for (var r : reps) {
                var f = r.figures();
                out.printRecord(CellText.row(
                        r.personId(),
                        r.name(),
                        r.role(),
                        r.region(),
                        r.team(),
                        r.currency(),
                        plain(r.attainment()),
                        plain(f.bookings().getOrDefault(r.currency(), java.math.BigDecimal.ZERO)),
                        f.deals().getOrDefault(r.currency(), 0L),
                        plain(f.averageDealSize().get(r.currency())),
                        plain(f.winRate()),
                        plain(f.salesCycleDays()),
                        f.calls(),
                        f.meetings(),
                        f.emails(),
                        f.webinars(),
                        f.opportunities(),
                        f.won(),
                        f.lost(),
                        others(f.bookings(), r.currency())));
            }
        }
    }

    /** Bookings in currencies other than the rep's own, as "CUR amount" joined by "; " (empty when none). */
    private static String others(Map<String, java.math.BigDecimal> bookings, String currency) {
        return bookings.entrySet().stream()
                .filter(e -> !e.getKey().equals(currency))
                .map(e -> e.getKey() + " " + e.getValue().toPlainString())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** The range asked for, or the current quarter when neither end is given. */
    static PerformanceAnalytics.Range range(Periods periods, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            var quarter = periods.current(PeriodKind.QUARTER);
            return PerformanceAnalytics.Range.of(quarter.startsOn(), quarter.endsOn());
        }
        return PerformanceAnalytics.Range.of(from, to);
    }
}
