package org.attain.payout.web;

import java.util.List;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
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

    ApprovalPages(Approvals approvals, Periods periods) {
        this.approvals = approvals;
        this.periods = periods;
    }

    @GetMapping("/approvals")
    String queue(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String state,
            Model model) {
        String p = ApprovalsApi.periodOrCurrent(periods, period);
        List<Approvals.Item> items = approvals.queue(user, p, ApprovalsApi.state(state));
        model.addAttribute("items", items);
        model.addAttribute("period", p);
        model.addAttribute("state", state == null ? "" : state);
        model.addAttribute("states", ApprovalState.values());
        model.addAttribute("quarters", recentQuarters(periods));
        return "payout/approvals";
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
