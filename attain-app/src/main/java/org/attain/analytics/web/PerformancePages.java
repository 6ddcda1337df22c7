package org.attain.analytics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.analytics.PerformanceAnalytics;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.PersonScope;
import org.attain.org.Visibility;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.pulse.PulseByGroup;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The performance dashboard: company (as far as the viewer sees) → region → team → rep, over a range picked on the
 * page, with the funnel, the months and a CSV of the reps. A viewer who sees only themself goes straight to their
 * own page. A bad range is said beside the form instead of replacing the page.
 */
@Controller
class PerformancePages {

    private final PerformanceAnalytics analytics;
    private final Visibility visibility;
    private final Periods periods;
    private final JsonMapper json;
    private final PulseByGroup pulse;
    private final Clock clock;

    PerformancePages(
            PerformanceAnalytics analytics,
            Visibility visibility,
            Periods periods,
            JsonMapper json,
            PulseByGroup pulse,
            Clock clock) {
        this.analytics = analytics;
        this.visibility = visibility;
        this.periods = periods;
        this.json = json;
        this.pulse = pulse;
        this.clock = clock;
    }

    /** A quick choice of range beside the form. */
    record Preset(String key, LocalDate from, LocalDate to) {}

    @GetMapping("/insights")
    String overview(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long region,
            @RequestParam(required = false) Long team,
            Model model) {
        PersonScope scope = visibility.scopeOf(user);
        if (!scope.all() && user.personId() != null && scope.personIds().equals(java.util.Set.of(user.personId()))) {
            // a rep's overview is their own page: shown here (200), as every menu link answers
            return rep(user, user.personId(), from, to, model);
        }
        PerformanceAnalytics.Range range = range(from, to, model);
        if (range != null) {
            var overview = analytics.overview(scope, range, region, team, LocalDate.now(clock));
            model.addAttribute("overview", overview);
            // eNPS beside attainment: pulse's latest result per region and team, hidden groups with their reason only.
            model.addAttribute("enps", PulseBeside.byKey(pulse.latest(user)));
            model.addAttribute(
                    "chartJson", json.writeValueAsString(chart(overview.group().months())));
        }
        model.addAttribute("region", region);
        model.addAttribute("team", team);
        return "analytics/performance";
    }

    @GetMapping("/insights/reps/{id}")
    String rep(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        PerformanceAnalytics.Range range = range(from, to, model);
        if (range != null && from == null && to == null) {
            // a rep who left before this quarter opens on their last quarter, up to their last day
            range = analytics.openingRange(id, range);
            model.addAttribute("from", range.from());
            model.addAttribute("to", range.to());
        }
        if (range != null) {
            try {
                var view = analytics.rep(visibility.scopeOf(user), id, range, LocalDate.now(clock));
                model.addAttribute("view", view);
                model.addAttribute(
                        "chartJson", json.writeValueAsString(chart(view.rep().months())));
            } catch (NotFoundException e) {
                if (!"perf.error.notEmployed".equals(e.problem().code())) {
                    throw e;
                }
                // a rep the viewer may see, asked for days they did not work: said beside the range form
                model.addAttribute("problems", List.of(e.problem()));
            }
        }
        model.addAttribute("personId", id);
        model.addAttribute("own", user.personId() != null && user.personId() == id);
        return "analytics/performance-rep";
    }

    private PerformanceAnalytics.Range range(LocalDate from, LocalDate to, Model model) {
        var quarter = periods.current(PeriodKind.QUARTER);
        LocalDate today = LocalDate.now(clock);
        var last = periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> q.endsOn().isBefore(quarter.startsOn()))
                .reduce((a, b) -> b)
                .orElse(quarter);
        model.addAttribute(
                "presets",
                List.of(
                        new Preset("perf.preset.quarter", quarter.startsOn(), quarter.endsOn()),
                        new Preset("perf.preset.lastQuarter", last.startsOn(), last.endsOn()),
                        new Preset("perf.preset.year", today.withDayOfYear(1), today),
                        new Preset("perf.preset.twelve", today.minusMonths(12).plusDays(1), today)));
        model.addAttribute("from", from == null && to == null ? quarter.startsOn() : from);
        model.addAttribute("to", from == null && to == null ? quarter.endsOn() : to);
        try {
            return PerformanceApi.range(periods, from, to);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return null;
        }
    }

    private static String query(LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder();
        if (from != null) {
            q.append("?from=").append(from);
        }
        if (to != null) {
            q.append(q.isEmpty() ? '?' : '&').append("to=").append(to);
        }
        return q.toString();
    }

    /** Months and the funnel's counts per month, for the chart. */
    record Chart(
            List<String> months, List<Long> calls, List<Long> meetings, List<Long> opportunities, List<Long> wins) {}

    private static Chart chart(List<PerformanceAnalytics.Month> months) {
        return new Chart(
                months.stream().map(m -> m.month().toString().substring(0, 7)).toList(),
                months.stream().map(m -> m.figures().calls()).toList(),
                months.stream().map(m -> m.figures().meetings()).toList(),
                months.stream().map(m -> m.figures().opportunities()).toList(),
                months.stream().map(m -> m.figures().won()).toList());
    }
}
