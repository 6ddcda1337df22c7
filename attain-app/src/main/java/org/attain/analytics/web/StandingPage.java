package org.attain.analytics.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.analytics.PerformanceReview;
import org.attain.analytics.PerformerClassifier;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.platform.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Where I stand": a rep's rank band among peers in the same role and distance to the peer median attainment.
 * Only the viewer's own verdict leaves this class: no other person's name, pay or quota.
 */
@Controller
class StandingPage {

    private final PerformanceReview review;
    private final Periods periods;
    private final Clock clock;

    StandingPage(PerformanceReview review, Periods periods, Clock clock) {
        this.review = review;
        this.periods = periods;
        this.clock = clock;
    }

    /** The viewer's standing; {@code band} and {@code pointsFromMedian} are null when there is nothing to compare. */
    record Standing(
            String period,
            boolean ramping,
            int peers,
            PerformerClassifier.Band band,
            BigDecimal pointsFromMedian,
            List<PerformerClassifier.Reason> notes) {}

    @GetMapping("/standing")
    String page(@AuthenticationPrincipal AttainUser user, Model model) {
        model.addAttribute("standing", standing(user));
        return "analytics/standing";
    }

    @GetMapping("/api/v1/me/standing")
    @ResponseBody
    Map<String, Object> api(@AuthenticationPrincipal AttainUser user) {
        Standing s = standing(user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", s.period());
        out.put("ramping", s.ramping());
        out.put("peers", s.peers());
        out.put("band", s.band());
        out.put("points_from_median", s.pointsFromMedian());
        out.put("notes", s.notes().stream().map(PerformerClassifier.Reason::key).toList());
        return out;
    }

    private Standing standing(AttainUser user) {
        if (user.personId() == null) {
            throw new ForbiddenException("standing");
        }
        LocalDate today = LocalDate.now(clock);
        var quarter = periods.current(PeriodKind.QUARTER);
        String last = periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> q.endsOn().isBefore(quarter.startsOn()))
                .reduce((a, b) -> b)
                .map(Periods.PeriodRow::id)
                .orElse(null);
        var mine = review.review(quarter.id(), last, quarter.startsOn(), quarter.endsOn(), today)
                .get(user.personId());
        if (mine == null) {
            return new Standing(
                    quarter.id(),
                    false,
                    0,
                    null,
                    null,
                    List.of(new PerformerClassifier.Reason("insight.note.notRep", List.of())));
        }
        return new Standing(
                quarter.id(), mine.ramping(), mine.peers(), mine.band(), mine.pointsFromMedian(), mine.notes());
    }
}
