package org.attain.payout.web;

import java.math.BigDecimal;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.payout.ApprovalReview;
import org.attain.payout.ApprovalState;
import org.attain.payout.Approvals;
import org.attain.platform.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approval queue: a manager's team, or everyone for the back office, one period at a time. */
@Controller
class ApprovalPages {

    private final Approvals approvals;
    private final Periods periods;
    private final ApprovalReview review;

    ApprovalPages(Approvals approvals, Periods periods, ApprovalReview review) {
        this.approvals = approvals;
        this.periods = periods;
        this.review = review;
    }

    @GetMapping("/approvals")
    String queue(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) Boolean outliers,
            @RequestParam(required = false) BigDecimal tolerance,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String p = ApprovalsApi.periodOrCurrent(periods, period);
        ApprovalReview.Filter filter =
                new ApprovalReview.Filter(team, plan, level, Boolean.TRUE.equals(outliers), ApprovalsApi.state(state));
        ApprovalReview.Page view = review.page(user, p, filter, page, ApprovalsApi.percent(tolerance));
        model.addAttribute("view", view);
        model.addAttribute("canSetChains", org.attain.payout.Backoffice.compAdmin(user)); // issue 21.8
        model.addAttribute("items", view.rows());
        model.addAttribute("period", p);
        model.addAttribute("state", state == null ? "" : state);
        model.addAttribute("team", team == null ? "" : team);
        model.addAttribute("plan", plan == null ? "" : plan);
        model.addAttribute("level", level);
        model.addAttribute("outliers", Boolean.TRUE.equals(outliers));
        model.addAttribute(
                "tolerancePercent",
                view.tolerance().movePointRight(2).stripTrailingZeros().toPlainString());
        model.addAttribute("states", ApprovalState.values());
        model.addAttribute("quarters", recentQuarters(periods));
        return "payout/approvals";
    }

    /** Approves the ticked payouts (or, with all=true, every unchanged one in the filtered view) that are unchanged. */
    @PostMapping("/approvals/bulk")
    String bulk(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
            @RequestParam(required = false) List<Long> person,
            @RequestParam(required = false) boolean all,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) Boolean outliers,
            @RequestParam(required = false) BigDecimal tolerance,
            RedirectAttributes flash) {
        ApprovalReview.Filter filter =
                new ApprovalReview.Filter(team, plan, level, Boolean.TRUE.equals(outliers), ApprovalsApi.state(state));
        List<Long> chosen = all ? null : person == null ? List.of() : person;
        ApprovalReview.BulkResult r =
                review.bulkApprove(user, period.strip(), chosen, filter, ApprovalsApi.percent(tolerance));
        flash.addFlashAttribute("bulk", r);
        return "redirect:"
                + org.springframework.web.util.UriComponentsBuilder.fromPath("/approvals")
                        .queryParam("period", period.strip())
                        .queryParamIfPresent("state", java.util.Optional.ofNullable(blankToNull(state)))
                        .queryParamIfPresent("team", java.util.Optional.ofNullable(blankToNull(team)))
                        .queryParamIfPresent("plan", java.util.Optional.ofNullable(blankToNull(plan)))
                        .queryParamIfPresent("level", java.util.Optional.ofNullable(level))
                        .queryParamIfPresent(
                                "outliers",
                                Boolean.TRUE.equals(outliers)
                                        ? java.util.Optional.of(true)
                                        : java.util.Optional.empty())
                        .queryParamIfPresent("tolerance", java.util.Optional.ofNullable(tolerance))
                        .encode()
                        .build()
                        .toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @PostMapping("/approvals/approve")
    String approve(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam long person,
            @RequestParam String period,
            @RequestParam(required = false) String state,
            RedirectAttributes flash) {
        try {
            approvals.approve(user, person, period);
            flash.addFlashAttribute("notice", "approval.done");
        } catch (Approvals.AlreadyApprovedException e) {
            flash.addFlashAttribute("problem", "approval.already");
            flash.addFlashAttribute("approvedBy", e.approvedBy());
        } catch (ForbiddenException e) {
            flash.addFlashAttribute("problem", e.code() != null ? e.code() : "approval.notAllowed");
        }
        flash.addFlashAttribute("personId", person);
        return "redirect:/approvals?period=" + period + (state == null || state.isBlank() ? "" : "&state=" + state);
    }

    /** The quarters up to the current one, newest first, for period pickers on payout pages. */
    static List<Periods.PeriodRow> recentQuarters(Periods periods) {
        var current = periods.current(PeriodKind.QUARTER);
        return periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> !q.startsOn().isAfter(current.startsOn()))
                .filter(q -> !q.endsOn().isBefore(current.startsOn().minusYears(2)))
                .sorted(java.util.Comparator.comparing(Periods.PeriodRow::startsOn)
                        .reversed())
                .toList();
    }
}
