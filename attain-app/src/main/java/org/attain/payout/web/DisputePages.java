package org.attain.payout.web;

import java.time.Clock;
import java.time.LocalDate;
import org.attain.access.AttainUser;
import org.attain.calendar.Periods;
import org.attain.org.People;
import org.attain.org.Visibility;
import org.attain.pay.Earnings;
import org.attain.payout.Backoffice;
import org.attain.payout.DisputeStatus;
import org.attain.payout.Disputes;
import org.attain.payout.OwnPay;
import org.attain.platform.ConflictException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The disputes inbox, the "question this line" form and one dispute with its comments and workflow. */
@Controller
class DisputePages {

    private final Disputes disputes;
    private final Earnings earnings;
    private final Visibility visibility;
    private final Periods periods;
    private final People people;
    private final Clock clock;

    DisputePages(
            Disputes disputes, Earnings earnings, Visibility visibility, Periods periods, People people, Clock clock) {
        this.disputes = disputes;
        this.earnings = earnings;
        this.visibility = visibility;
        this.periods = periods;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/disputes")
    String inbox(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String holder,
            @RequestParam(required = false) Integer minAgeDays,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        var paged = disputes.page(
                user,
                new Disputes.Filter(DisputesApi.status(status), holder, minAgeDays, null),
                q,
                org.attain.platform.PageRequest.of(page, size));
        model.addAttribute("disputes", paged.items());
        model.addAttribute("disputesPage", paged);
        model.addAttribute("q", q);
        model.addAttribute("bulkAssignee", user.getUsername());
        model.addAttribute("statuses", DisputeStatus.values());
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("holder", holder == null ? "" : holder);
        model.addAttribute("minAgeDays", minAgeDays);
        model.addAttribute("backoffice", Backoffice.compAdmin(user));
        return "payout/disputes";
    }

    @GetMapping("/disputes/new")
    String form(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam long person,
            @RequestParam String period,
            @RequestParam int line,
            Model model) {
        formModel(user, person, period, line, "", model);
        return "payout/dispute-new";
    }

    @PostMapping("/disputes")
    String open(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam long person,
            @RequestParam String period,
            @RequestParam int line,
            @RequestParam(required = false) String text,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            Disputes.Dispute d = disputes.open(user, new Disputes.NewDispute(person, period, line, text));
            return "redirect:/disputes/" + d.id() + "?opened";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            formModel(user, person, period, line, text, model);
            model.addAttribute("problems", e.problems());
            return "payout/dispute-new";
        }
    }

    @GetMapping("/disputes/{id}")
    String show(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        Disputes.Dispute dispute = disputes.find(user, id);
        model.addAttribute("dispute", dispute);
        model.addAttribute("comments", disputes.comments(user, id));
        model.addAttribute("backoffice", Backoffice.compAdmin(user));
        model.addAttribute("ownPay", OwnPay.isOwn(user, dispute.personId()));
        return "payout/dispute";
    }

    @PostMapping("/disputes/{id}/comments")
    String comment(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) String text,
            RedirectAttributes flash) {
        try {
            disputes.comment(user, id, text);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.problems().get(0).code());
        }
        return "redirect:/disputes/" + id;
    }

    @PostMapping("/disputes/{id}/status")
    String move(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam String status,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        try {
            disputes.move(user, id, DisputesApi.status(status), note);
            flash.addFlashAttribute("notice", "dispute.moved." + status);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.problems().get(0).code());
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", "dispute.error.conflict");
        }
        return "redirect:/disputes/" + id;
    }

    @PostMapping("/disputes/{id}/assign")
    String assign(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) String assignee,
            RedirectAttributes flash) {
        try {
            disputes.assign(user, id, assignee);
            flash.addFlashAttribute("notice", "dispute.assigned");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.problems().get(0).code());
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", "dispute.error.conflict");
        }
        return "redirect:/disputes/" + id;
    }

    private void formModel(AttainUser user, long person, String period, int line, String text, Model model) {
        if (!visibility.canSee(user, person)) {
            throw new NotFoundException("person", person);
        }
        var who = people.find(person, LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("person", person));
        periods.find(period).orElseThrow(() -> new NotFoundException("period", period));
        Earnings.Statement statement = earnings.statement(person, period);
        Earnings.Line l = statement.lines().stream()
                .filter(x -> x.lineNo() == line)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("statement line", line));
        model.addAttribute("person", who);
        model.addAttribute("period", period);
        model.addAttribute("line", l);
        model.addAttribute("currency", statement.currency());
        model.addAttribute("text", text);
    }
}
