package org.attain.ingest.web;

import java.util.ArrayList;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.ingest.Problem;
import org.attain.ingest.quarantine.QuarantineActions;
import org.attain.ingest.quarantine.QuarantineView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quarantine part of an import's page: counts, open rows grouped by problem with "correct all" and
 * "dismiss all", dismissing chosen rows, and the dismissed rows. Forms post (with the CSRF token Thymeleaf
 * adds) and come back to the import's page with what happened, or why nothing did, in the reader's language.
 */
@Controller
class QuarantinePages {

    static final int GROUPS_PER_PAGE = 20;

    private final QuarantineView view;
    private final QuarantineActions actions;
    private final MessageSource messages;

    QuarantinePages(QuarantineView view, QuarantineActions actions, MessageSource messages) {
        this.view = view;
        this.actions = actions;
        this.messages = messages;
    }

    /** A message for the page: a bundle key and its arguments. */
    record Notice(String code, List<Object> args, boolean error) {

        public Object[] argArray() {
            return args.toArray();
        }
    }

    /** What the import's page shows of its quarantine. */
    void addTo(Model model, long importId, int groupPage) {
        var groups = view.groups(importId, Math.max(groupPage, 0), GROUPS_PER_PAGE);
        model.addAttribute("qcounts", view.counts(importId));
        model.addAttribute("qtotal", view.counts(null));
        model.addAttribute("groups", groups);
        model.addAttribute("dismissed", view.dismissed(importId, 500));
    }

    @PostMapping("/imports/{id}/quarantine/correct")
    String correct(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam String column,
            @RequestParam(defaultValue = "") String value,
            @RequestParam String reason,
            @RequestParam String to,
            @RequestParam(defaultValue = "import") String scope,
            RedirectAttributes redirect) {
        ImportsApi.requireImporter(user);
        try {
            var c = actions.correct(
                    id,
                    new QuarantineActions.Selector(column, value, reason),
                    to,
                    "source".equals(scope) ? QuarantineActions.Scope.SOURCE : QuarantineActions.Scope.IMPORT,
                    user.getUsername());
            redirect.addFlashAttribute(
                    "notice",
                    new Notice("ingest.corrected", List.of(c.changed(), c.loaded(), c.stillQuarantined()), false));
        } catch (QuarantineActions.Refused r) {
            redirect.addFlashAttribute("notice", refusal(r));
        }
        return "redirect:/imports/" + id + "#quarantine";
    }

    @PostMapping("/imports/{id}/quarantine/dismiss")
    String dismiss(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String why,
            @RequestParam(required = false) String column,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) String reason,
            @RequestParam(name = "row", required = false) List<Long> rows,
            RedirectAttributes redirect) {
        ImportsApi.requireImporter(user);
        try {
            QuarantineActions.Selector problem = column == null || reason == null
                    ? null
                    : new QuarantineActions.Selector(column, value == null ? "" : value, reason);
            boolean byRows = rows != null && !rows.isEmpty();
            if (!byRows && problem == null) {
                throw new QuarantineActions.Refused(false, "ingest.dismiss.which");
            }
            long n = actions.dismiss(id, byRows ? rows : null, byRows ? null : problem, why, user.getUsername());
            redirect.addFlashAttribute("notice", new Notice("ingest.dismissed.done", List.of(n), false));
        } catch (QuarantineActions.Refused r) {
            redirect.addFlashAttribute("notice", refusal(r));
        }
        return "redirect:/imports/" + id + "#quarantine";
    }

    private Notice refusal(QuarantineActions.Refused r) {
        List<Object> args = new ArrayList<>(r.args());
        Problem p = r.problem();
        if (p != null && p.code() != null && args.size() == 3) {
            // the reason the corrected value met, in the reader's language too
            args.set(
                    2,
                    messages.getMessage(
                            p.code(),
                            p.args() == null ? null : p.args().toArray(),
                            p.reason(),
                            LocaleContextHolder.getLocale()));
        }
        return new Notice(r.code(), args, true);
    }
}
