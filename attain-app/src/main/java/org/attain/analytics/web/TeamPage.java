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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** The manager's team page: sortable, filterable team table, top and bottom performers, trends. */
@Controller
class TeamPage {

    private final TeamInsights insights;
    private final PerformanceReview review;
    private final Visibility visibility;
    private final Periods periods;
    private final JsonMapper json;
    private final Clock clock;

    TeamPage(
            TeamInsights insights,
            PerformanceReview review,
            Visibility visibility,
            Periods periods,
            JsonMapper json,
            Clock clock) {
        this.insights = insights;
        this.review = review;
        this.visibility = visibility;
        this.periods = periods;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/team")
    String team(@AuthenticationPrincipal AttainUser user, Model model) {
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
        model.addAttribute("trendJson", json.writeValueAsString(insights.trend(people, trendPeriods)));
        return "analytics/team";
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
