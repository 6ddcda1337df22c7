package org.attain.territory.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.attain.access.AttainUser;
import org.attain.platform.BulkOutcome;
import org.attain.territory.TerritoryAssignments;
import org.attain.territory.TerritoryChanges;
import org.attain.territory.TerritoryRefused;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assigning many unassigned accounts to one territory from the Unassigned list: one named-account rule from
 * the page's day ({@link TerritoryChanges#moveAccounts}, all or nothing). When the move is refused, every
 * chosen account is named with the reason, so nothing chosen disappears without a word.
 */
@Controller
class TerritoryAccountsBulk {

    private final TerritoryChanges changes;
    private final TerritoryAssignments assignments;
    private final MessageSource messages;

    TerritoryAccountsBulk(TerritoryChanges changes, TerritoryAssignments assignments, MessageSource messages) {
        this.changes = changes;
        this.assignments = assignments;
        this.messages = messages;
    }

    @PostMapping("/territories/unassigned/assign")
    String assign(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam long hierarchy,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Long territory,
            @RequestParam(name = "account", required = false) List<Long> accounts,
            @RequestParam(required = false) String back,
            Locale locale,
            RedirectAttributes flash) {
        Planners.only(user);
        String to = back != null && back.startsWith("/territories/unassigned") && !back.startsWith("//")
                ? back
                : "/territories/unassigned?hierarchy=" + hierarchy + "&date=" + date;
        if (accounts == null || accounts.isEmpty()) {
            flash.addFlashAttribute("bulkProblem", "bulk.nothingChosen");
            return "redirect:" + to;
        }
        if (territory == null) {
            flash.addFlashAttribute("bulkProblem", "bulk.territory.chooseTerritory");
            return "redirect:" + to;
        }
        List<Long> chosen = accounts.stream().distinct().toList();
        BulkOutcome.Tally tally = new BulkOutcome.Tally();
        try {
            changes.moveAccounts(hierarchy, Map.of(territory, chosen), date, user.getUsername());
            chosen.forEach(a -> tally.done());
        } catch (TerritoryRefused e) {
            Map<Long, String> names = new HashMap<>();
            assignments.unassigned(date, hierarchy).forEach(u -> names.put(u.accountId(), u.externalId()));
            String reason = e.reasons().stream()
                    .map(p -> messages.getMessage(p.code(), p.args().toArray(), p.reason(), locale))
                    .distinct()
                    .collect(Collectors.joining("; "));
            chosen.forEach(a -> tally.refused(names.getOrDefault(a, "#" + a), reason));
        }
        flash.addFlashAttribute("bulkOutcome", tally.outcome());
        return "redirect:" + to;
    }
}
