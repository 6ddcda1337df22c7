package org.attain.activity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.attain.access.AttainUser;
import org.attain.activity.ActivityKind;
import org.attain.activity.ActivitySummaries;
import org.attain.org.Visibility;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The activity dashboard: a manager sees their reporting subtree, a rep themself, admins everyone;
 * a chart of activity per day or week by kind and a table per rep, from the daily summaries.
 */
@Controller
class ActivityPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ActivitySummaries summaries;
    private final Visibility visibility;
    private final Clock clock;

    ActivityPage(ActivitySummaries summaries, Visibility visibility, Clock clock) {
        this.summaries = summaries;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** One rep's totals per kind over the range, for the table. */
    public record RepRow(long personId, String name, Map<String, Long> byKind, long total, long minutes) {}

    @GetMapping("/activity")
    String dashboard(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(defaultValue = "DAY") ActivitySummaries.Grain grain,
            @RequestParam(defaultValue = "30") int days,
            Model model) {
        if (user.personId() == null && !user.seesEveryone()) {
            throw new NotFoundException("activity of", user.getUsername());
        }
        int range = Math.min(Math.max(days, 7), 365);
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(range - 1L);
        List<ActivitySummaries.Summary> rows = summaries.summaries(visibility.scopeOf(user), from, to, grain);

        Map<Long, RepRow> reps = new LinkedHashMap<>();
        Map<String, Map<LocalDate, Long>> series = new TreeMap<>();
        for (ActivityKind kind : ActivityKind.values()) {
            series.put(kind.name(), new TreeMap<>());
        }
        TreeSet<LocalDate> periods = new TreeSet<>();
        for (LocalDate d = grain == ActivitySummaries.Grain.WEEK ? from.with(java.time.DayOfWeek.MONDAY) : from;
                !d.isAfter(to);
                d = d.plusDays(grain == ActivitySummaries.Grain.WEEK ? 7 : 1)) {
            periods.add(d);
        }
        for (ActivitySummaries.Summary s : rows) {
            RepRow r = reps.computeIfAbsent(s.personId(), id -> new RepRow(id, s.name(), new TreeMap<>(), 0, 0));
            r.byKind().merge(s.kind(), s.activities(), Long::sum);
            reps.put(
                    s.personId(),
                    new RepRow(
                            r.personId(), r.name(), r.byKind(), r.total() + s.activities(), r.minutes() + s.minutes()));
            series.get(s.kind()).merge(s.period(), s.activities(), Long::sum);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("periods", periods.stream().map(LocalDate::toString).toList());
        Map<String, List<Long>> data = new LinkedHashMap<>();
        series.forEach((kind, byPeriod) -> data.put(
                kind, periods.stream().map(p -> byPeriod.getOrDefault(p, 0L)).toList()));
        chart.put("series", data);

        List<RepRow> table = new ArrayList<>(reps.values());
        table.sort((a, b) -> Long.compare(b.total(), a.total()));
        model.addAttribute("reps", table);
        model.addAttribute("kinds", List.of(ActivityKind.values()));
        model.addAttribute("grain", grain.name());
        model.addAttribute("days", range);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("total", table.stream().mapToLong(RepRow::total).sum());
        model.addAttribute("chartJson", JSON.writeValueAsString(chart));
        // Issue 21.4: the chart's numbers as a table view below it: a row per period, a column per kind (CALL, EMAIL,
        // MEETING, WEBINAR).
        model.addAttribute("chartPeriods", chart.get("periods"));
        model.addAttribute("chartValues", List.copyOf(data.values()));
        model.addAttribute("team", user.has(org.attain.access.Role.MANAGER) || user.seesEveryone());
        return "activity/dashboard";
    }
}
