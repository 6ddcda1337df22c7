package org.attain.calendar.web;

import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.platform.ConflictException;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The calendar page: periods with their status; comp admins close and reopen them here. */
@Controller
class PeriodPages {

    private final Periods periods;

    PeriodPages(Periods periods) {
        this.periods = periods;
    }

    @GetMapping("/periods")
    String list(@AuthenticationPrincipal AttainUser user, @RequestParam(required = false) Integer year, Model model) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("periods");
        }
        int fy = year != null ? year : periods.current(PeriodKind.QUARTER).fiscalYear();
        model.addAttribute("year", fy);
        model.addAttribute("periods", periods.list(null, fy));
        model.addAttribute("canClose", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        return "periods";
    }

    @PostMapping("/periods/{id}/close")
    String close(@AuthenticationPrincipal AttainUser user, @PathVariable String id, RedirectAttributes flash) {
        requireCompAdmin(user);
        try {
            periods.close(id, user.getUsername());
            flash.addFlashAttribute("notice", "periods.closed");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", "periods.alreadyClosed");
        }
        flash.addFlashAttribute("periodId", id);
        return backTo(id);
    }

    @PostMapping("/periods/{id}/reopen")
    String reopen(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        requireCompAdmin(user);
        try {
            periods.reopen(id, reason, user.getUsername());
            flash.addFlashAttribute("notice", "periods.reopened");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "periods.reasonRequired");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", "periods.notClosed");
        }
        flash.addFlashAttribute("periodId", id);
        return backTo(id);
    }

    /** Back to the year the period belongs to, so the person sees the row they acted on. */
    private String backTo(String periodId) {
        return periods.find(periodId)
                .map(p -> "redirect:/periods?year=" + p.fiscalYear())
                .orElse("redirect:/periods");
    }

    private static void requireCompAdmin(AttainUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins close or reopen periods.");
        }
    }
}
