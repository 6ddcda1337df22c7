package org.attain.payout.web;

import java.util.List;
import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calendar.Periods;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.payout.Adjustments;
import org.attain.payout.Backoffice;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.attain.platform.NotFoundException;
import org.attain.platform.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Adjustments of a period, and for admins and comp admins the form to record one. */
@Controller
class AdjustmentPages {

    private final Adjustments adjustments;
    private final Periods periods;
    private final PersonRefs refs;

    AdjustmentPages(Adjustments adjustments, Periods periods, PersonRefs refs) {
        this.adjustments = adjustments;
        this.periods = periods;
        this.refs = refs;
    }

    @GetMapping("/adjustments")
    String list(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String sign,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        requireReader(user);
        model.addAttribute("q", q);
        model.addAttribute("currency", currency);
        model.addAttribute("sign", sign);
        model.addAttribute("pageRequest", PageRequest.of(page, size));
        fill(user, ApprovalsApi.periodOrCurrent(periods, period), model);
        return "payout/adjustments";
    }

    @PostMapping("/adjustments")
    String create(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String employeeId,
            @RequestParam String period,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String reason,
            Locale locale,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        requireReader(user);
        try {
            // The field takes an employee id or an e-mail (or an internal id), as the API does.
            Long personId = employeeId == null || employeeId.isBlank()
                    ? null
                    : refs.resolve(user, PersonRef.valueOf(employeeId), "employeeId", PersonRefs.Miss.BAD_REQUEST);
            adjustments.create(
                    user,
                    new Adjustments.NewAdjustment(
                            personId, period, LocaleNumbers.amount("amount", amount, locale), currency, reason));
            return "redirect:/adjustments?period=" + period + "&saved";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", new Form(employeeId, amount, currency, reason));
        } catch (ForbiddenException e) {
            if (e.code() == null) {
                throw e;
            }
            // Refused on one's own pay: the form stays, with the reason where the employee id is.
            response.setStatus(403);
            model.addAttribute("problems", List.of(new FieldProblem("employeeId", e.code(), e.getMessage())));
            model.addAttribute("form", new Form(employeeId, amount, currency, reason));
        } catch (NotFoundException e) {
            response.setStatus(400);
            model.addAttribute(
                    "problems", List.of(new FieldProblem("employeeId", "adjustment.error.unknownPerson", "unknown")));
            model.addAttribute("form", new Form(employeeId, amount, currency, reason));
        }
        fill(user, period, model);
        return "payout/adjustments";
    }

    record Form(String employeeId, String amount, String currency, String reason) {}

    private void fill(AttainUser user, String period, Model model) {
        model.addAttribute("period", period);
        model.addAttribute("quarters", ApprovalPages.recentQuarters(periods));
        PageRequest request =
                model.getAttribute("pageRequest") instanceof PageRequest r ? r : PageRequest.of(null, null);
        var paged = adjustments.page(
                user,
                new Adjustments.Filter(
                        period, (String) model.getAttribute("currency"), (String) model.getAttribute("sign")),
                (String) model.getAttribute("q"),
                request);
        model.addAttribute("adjustments", paged.items());
        model.addAttribute("adjustmentsPage", paged);
        model.addAttribute("currencies", adjustments.currencies());
        model.addAttribute("signs", Adjustments.Filter.SIGNS);
        model.addAttribute("canCreate", Backoffice.compAdmin(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", "", "", ""));
        }
    }

    private static void requireReader(AttainUser user) {
        if (!user.seesEveryone() && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("Adjustments are for managers and the back office.");
        }
    }
}
