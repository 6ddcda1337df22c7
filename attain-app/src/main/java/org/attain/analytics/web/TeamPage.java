package org.attain.analytics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.attain.access.AttainUser;
import org.attain.analytics.PerformanceReview;
import org.attain.analytics.PerformerClassifier;
import org.attain.analytics.TeamInsights;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Visibility;
import org.attain.platform.ForbiddenException;
import org.attain.pulse.PulseByGroup;
import org.attain.pulse.PulseByGroup.GroupEnps;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's team page: sortable, filterable team table, top and bottom performers, trends, and the eNPS of the
 * viewer's teams and regions beside them.
 */
@Controller
class TeamPage {

    private final TeamInsights insights;
    private final PerformanceReview review;
    private final Visibility visibility;
    private final Periods periods;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final PulseByGroup pulse;

    TeamPage(
            TeamInsights insights,
            PerformanceReview review,
            Visibility visibility,
            Periods periods,
            JsonMapper json,
            Clock clock,
            org.springframework.context.MessageSource messages,
            PulseByGroup pulse) {
        this.messages = messages;
        this.pulse = pulse;
        this.insights = insights;
        this.review = review;
        this.visibility = visibility;
        this.periods = periods;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/team")
    String team(@AuthenticationPrincipal AttainUser user, java.util.Locale locale, Model model) {
        if (user.personId() == null && !user.seesEveryone()) {
            throw new ForbiddenException("team");
        }
        LocalDate today = LocalDate.now(clock);
        Set<Long> people = user.seesEveryone() && user.personId() == null
                ? Set.of()
                : new TreeSet<>(visibility.subtree(user.personId(), today));
        if (user.personId() != null) {
            people.remove(user.personId());
        }
        var quarter = periods.current(PeriodKind.QUARTER);
        var members = insights.members(people, quarter.id(), quarter.startsOn(), quarter.endsOn());
        List<String> lastQuarters = new ArrayList<>();
        periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> !q.startsOn().isAfter(quarter.startsOn()))
                .map(Periods.PeriodRow::id)
                .forEach(lastQuarters::add);
        List<String> trendPeriods = lastQuarters.subList(Math.max(0, lastQuarters.size() - 6), lastQuarters.size());
        model.addAttribute("quarter", quarter);
        model.addAttribute("members", members);
        String lastQuarter = lastQuarters.size() > 1 ? lastQuarters.get(lastQuarters.size() - 2) : null;
        var verdicts = review.review(quarter.id(), lastQuarter, quarter.startsOn(), quarter.endsOn(), today);
        model.addAttribute("top", flagged(members, verdicts, PerformerClassifier.Flag.TOP));
        model.addAttribute("bottom", flagged(members, verdicts, PerformerClassifier.Flag.LOW));
        model.addAttribute(
                "elapsed", new PerformerClassifier.Period(quarter.startsOn(), quarter.endsOn(), today, 0).elapsed());
        model.addAttribute("live", true);
        // The chart and its table are given the same numbers: percentages rounded half-up to one decimal here.
        TeamInsights.Trend trend = inPercent(insights.trend(people, trendPeriods));
        model.addAttribute("trendJson", json.writeValueAsString(trend));
        // Issue 21.4: the trend's numbers as a table (the median first, then each rep) and the reps to highlight.
        List<String> labels = new ArrayList<>();
        List<List<java.math.BigDecimal>> values = new ArrayList<>();
        labels.add(messages.getMessage("team.median", null, locale));
        values.add(java.util.Arrays.asList(trend.median()));
        trend.byRep().forEach((name, v) -> {
            labels.add(name);
            values.add(java.util.Arrays.asList(v));
        });
        model.addAttribute("trendPeriods", trend.periods());
        model.addAttribute("trendLabels", labels);
        model.addAttribute("trendValues", values);
        model.addAttribute("trendReps", new ArrayList<>(trend.byRep().keySet()));
        // eNPS beside the team's performance: the regions and teams wholly within the viewer's reach, each from the
        // latest survey that reached it, hidden ones with their reason only (pulse's own suppression and visibility).
        List<GroupEnps> groupsPulse = new ArrayList<>();
        pulse.latest(user).values().forEach(byId -> groupsPulse.addAll(byId.values()));
        groupsPulse.sort(java.util.Comparator.comparing(GroupEnps::level).thenComparing(GroupEnps::name));
        model.addAttribute("pulse", groupsPulse);
        return "analytics/team";
    }

    /** The trend's shares as percentages with one decimal, rounded half-up (0.9525 as 95.3), as chart and table show them. */
    static TeamInsights.Trend inPercent(TeamInsights.Trend trend) {
        java.util.Map<String, java.math.BigDecimal[]> byRep = new java.util.LinkedHashMap<>();
        trend.byRep().forEach((name, v) -> byRep.put(name, inPercent(v)));
        return new TeamInsights.Trend(trend.periods(), inPercent(trend.median()), byRep);
    }

    private static java.math.BigDecimal[] inPercent(java.math.BigDecimal[] shares) {
        return java.util.Arrays.stream(shares)
                .map(org.attain.platform.BusinessWords::percentOf)
                .toArray(java.math.BigDecimal[]::new);
    }

    /** A flagged member of the viewer's team with the verdict's reasons. */
    record Flagged(TeamInsights.Member member, PerformerClassifier.Assessment verdict) {}

    private static List<Flagged> flagged(
            List<TeamInsights.Member> members,
            java.util.Map<Long, PerformerClassifier.Assessment> verdicts,
            PerformerClassifier.Flag flag) {
        return members.stream()
                .filter(m -> verdicts.containsKey(m.personId())
                        && verdicts.get(m.personId()).flag() == flag)
                .map(m -> new Flagged(m, verdicts.get(m.personId())))
                .toList();
    }
}
