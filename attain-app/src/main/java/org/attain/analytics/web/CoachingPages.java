package org.attain.analytics.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.analytics.Coaching;
import org.attain.analytics.GoalMetric;
import org.attain.analytics.PerformanceAnalytics;
import org.attain.org.PersonScope;
import org.attain.org.Visibility;
import org.attain.platform.ConflictException;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coaching: a manager's list of their reps with plans, one rep's plan (goals tracked live, 1:1 agendas, notes) with
 * the suggestions the manager may accept, and the rep's own plan read-only. Anyone outside the viewer's visibility
 * is "not found"; nobody writes their own plan, and only managers and the roles that see everyone write at all.
 */
@Controller
class CoachingPages {

    private final Coaching coaching;
    private final PerformanceAnalytics analytics;
    private final Visibility visibility;
    private final Clock clock;

    CoachingPages(Coaching coaching, PerformanceAnalytics analytics, Visibility visibility, Clock clock) {
        this.coaching = coaching;
        this.analytics = analytics;
        this.visibility = visibility;
        this.clock = clock;
    }

    @GetMapping("/coaching")
    String list(@AuthenticationPrincipal AttainUser user, Model model) {
        PersonScope scope = visibility.scopeOf(user);
        if (!scope.all() && user.personId() != null && scope.personIds().equals(Set.of(user.personId()))) {
            // a rep's list is their own plan: shown here (200), as every menu link answers
            return render(user, user.personId(), model);
        }
        LocalDate today = LocalDate.now(clock);
        var reps = analytics
                .reps(
                        scope,
                        PerformanceAnalytics.Range.of(today.minusDays(Coaching.WINDOW_DAYS - 1L), today),
                        null,
                        null)
                .stream()
                .filter(r -> user.personId() == null || r.personId() != user.personId())
                .toList();
        model.addAttribute("reps", reps);
        model.addAttribute(
                "goals",
                coaching.goalCounts(
                        reps.stream().map(PerformanceAnalytics.Rep::personId).toList()));
        return "analytics/coaching-list";
    }

    @GetMapping("/coaching/reps/{id}")
    String plan(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        return render(user, id, model);
    }

    @PostMapping("/coaching/reps/{id}/accept")
    String accept(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam String key,
            Model model,
            RedirectAttributes flash) {
        writable(user, id);
        try {
            coaching.accept(id, key, LocalDate.now(clock), user.getUsername());
        } catch (ConflictException e) {
            model.addAttribute("problems", List.of(new FieldProblem("key", "coach.error.twice", e.getMessage())));
            return render(user, id, model);
        }
        flash.addFlashAttribute("done", "coach.done.accepted");
        return "redirect:/coaching/reps/" + id;
    }

    @PostMapping("/coaching/reps/{id}/goals")
    String goal(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) String metric,
            @RequestParam(required = false) BigDecimal target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
            Model model,
            RedirectAttributes flash) {
        writable(user, id);
        // rates are typed as percentages on the page and stored as ratios
        BigDecimal stored = target != null
                        && GoalMetric.byKey(metric == null ? "" : metric)
                                .map(GoalMetric::rate)
                                .orElse(false)
                ? target.movePointLeft(2)
                : target;
        try {
            coaching.addGoal(id, metric, stored, due, LocalDate.now(clock), user.getUsername());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return render(user, id, model);
        }
        flash.addFlashAttribute("done", "coach.done.goal");
        return "redirect:/coaching/reps/" + id;
    }

    @PostMapping("/coaching/reps/{id}/entries")
    String entry(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate meeting,
            @RequestParam(required = false) String body,
            Model model,
            RedirectAttributes flash) {
        writable(user, id);
        try {
            coaching.addEntry(id, kind, meeting, body, user.getUsername());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return render(user, id, model);
        }
        flash.addFlashAttribute("done", "AGENDA".equals(kind) ? "coach.done.agenda" : "coach.done.note");
        return "redirect:/coaching/reps/" + id;
    }

    private String render(AttainUser user, long id, Model model) {
        visible(user, id);
        LocalDate today = LocalDate.now(clock);
        LocalDate leftOn = leftOn(id, today);
        // a rep who has left is read over their last quarter, and their plan is kept read-only
        var window = analytics.openingRange(
                id, PerformanceAnalytics.Range.of(today.minusDays(Coaching.WINDOW_DAYS - 1L), today));
        var rep = analytics.reps(PersonScope.everyone(), window, null, null).stream()
                .filter(r -> r.personId() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("rep", id));
        boolean write = leftOn == null && mayWrite(user, id);
        model.addAttribute("rep", rep);
        model.addAttribute("leftOn", leftOn);
        Coaching.Plan plan = coaching.plan(id, today);
        model.addAttribute("plan", plan);
        model.addAttribute(
                "taken",
                plan.goals().stream()
                        .filter(g -> g.source() != null && !g.dueOn().isBefore(today))
                        .map(Coaching.Goal::source)
                        .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("write", write);
        model.addAttribute("own", user.personId() != null && user.personId() == id);
        model.addAttribute("metrics", GoalMetric.values());
        model.addAttribute("today", today);
        if (write) {
            model.addAttribute("suggestions", coaching.suggest(id, today));
        }
        return "analytics/coaching";
    }

    void visible(AttainUser user, long id) {
        if (!visibility.canSee(user, id)) {
            throw new NotFoundException(
                    new FieldProblem("person", "perf.error.person", "no rep " + id + " among the people you may see"));
        }
    }

    static boolean mayWrite(AttainUser user, long id) {
        boolean own = user.personId() != null && user.personId() == id;
        return !own && (user.has(Role.MANAGER) || user.seesEveryone());
    }

    /** The last day of a rep who has left, or null. */
    private LocalDate leftOn(long id, LocalDate today) {
        return analytics
                .tenure(id)
                .map(PerformanceAnalytics.Tenure::end)
                .filter(end -> end.isBefore(today))
                .orElse(null);
    }

    private void writable(AttainUser user, long id) {
        visible(user, id);
        if (leftOn(id, LocalDate.now(clock)) != null) {
            throw new ForbiddenException(
                    "coach.error.left", "This rep has left the company: their coaching plan can no longer be changed.");
        }
        if (user.personId() != null && user.personId() == id) {
            throw new ForbiddenException("coach.error.own", "Nobody writes their own coaching plan.");
        }
        if (!mayWrite(user, id)) {
            throw new ForbiddenException("coach.error.role", "Only a manager writes a coaching plan.");
        }
    }
}
