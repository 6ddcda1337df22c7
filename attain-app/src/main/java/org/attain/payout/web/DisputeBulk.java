package org.attain.payout.web;

import java.util.List;
import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.access.UserAccounts;
import org.attain.payout.Backoffice;
import org.attain.payout.Disputes;
import org.attain.platform.BulkOutcome;
import org.attain.platform.ConflictException;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assigning many disputes at once from the list: each chosen dispute goes through the same
 * {@link Disputes#assign} as one by one (visibility, own pay, closed disputes), and every one it
 * refuses is named with its reason.
 */
@Controller
class DisputeBulk {

    private final Disputes disputes;
    private final UserAccounts users;
    private final MessageSource messages;

    DisputeBulk(Disputes disputes, UserAccounts users, MessageSource messages) {
        this.disputes = disputes;
        this.users = users;
        this.messages = messages;
    }

    @PostMapping("/disputes/assign")
    String assign(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(name = "id", required = false) List<Long> ids,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String back,
            Locale locale,
            RedirectAttributes flash) {
        if (!Backoffice.compAdmin(user)) {
            throw new ForbiddenException("Only admins and comp admins work on disputes; you can comment.");
        }
        String to = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("bulkProblem", "bulk.nothingChosen");
        } else if (to != null && users.find(to).filter(Backoffice::compAdmin).isEmpty()) {
            flash.addFlashAttribute("bulkProblem", "bulk.disputes.assigneeUnknown");
        } else {
            BulkOutcome.Tally tally = new BulkOutcome.Tally();
            for (long id : ids.stream().distinct().toList()) {
                String row = "#" + id;
                try {
                    disputes.assign(user, id, to);
                    tally.done();
                } catch (InvalidInputException e) {
                    tally.refused(
                            row,
                            text(e.problems().get(0).code(), e.problems().get(0).reason(), locale));
                } catch (ConflictException e) {
                    tally.refused(row, text("bulk.disputes.closed", e.getMessage(), locale));
                } catch (ForbiddenException e) {
                    tally.refused(
                            row,
                            e.code() == null
                                    ? e.getMessage()
                                    : messages.getMessage(e.code(), e.args(), e.getMessage(), locale));
                } catch (NotFoundException e) {
                    tally.refused(row, text("bulk.disputes.notFound", "no such dispute", locale));
                }
            }
            flash.addFlashAttribute("bulkOutcome", tally.outcome());
        }
        return "redirect:"
                + (back != null && back.startsWith("/disputes") && !back.startsWith("//") ? back : "/disputes");
    }

    private String text(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }
}
