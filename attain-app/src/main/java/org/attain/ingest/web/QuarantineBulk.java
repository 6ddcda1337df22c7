package org.attain.ingest.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.attain.access.AttainUser;
import org.attain.ingest.ImportRecords;
import org.attain.ingest.Problem;
import org.attain.ingest.quarantine.QuarantineActions;
import org.attain.platform.BulkOutcome;
import org.attain.platform.ConflictException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Acting on the quarantined rows chosen on an import's page: apply each row's suggested fixes, or
 * dismiss them with one reason. Every chosen row is either done or named with why it was not (not
 * open any more, no suggestion to apply, not a row of this import): nothing is silently dropped.
 */
@Controller
class QuarantineBulk {

    private final ImportRecords records;
    private final QuarantineActions actions;
    private final MessageSource messages;

    QuarantineBulk(ImportRecords records, QuarantineActions actions, MessageSource messages) {
        this.records = records;
        this.actions = actions;
        this.messages = messages;
    }

    /** Applies the suggestions the quarantine made for each chosen row (a row without one is refused). */
    @PostMapping("/imports/{id}/quarantine/fix-selected")
    String fixSelected(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(name = "row", required = false) List<Long> rowIds,
            @RequestParam(required = false) String back,
            Locale locale,
            RedirectAttributes flash) {
        ImportsApi.requireImporter(user);
        if (rowIds == null || rowIds.isEmpty()) {
            flash.addFlashAttribute("bulkProblem", "bulk.nothingChosen");
            return back(id, back);
        }
        Map<Long, ImportRecords.QuarantinedRow> rows = chosen(id, rowIds);
        BulkOutcome.Tally tally = new BulkOutcome.Tally();
        for (long rowId : rowIds.stream().distinct().toList()) {
            ImportRecords.QuarantinedRow row = rows.get(rowId);
            if (row == null) {
                tally.refused("#" + rowId, text("bulk.quarantine.notInImport", null, locale));
                continue;
            }
            String name = text("bulk.quarantine.row", String.valueOf(row.rowNumber()), locale);
            if (!"OPEN".equals(row.status()) || row.cells() == null) {
                tally.refused(name, notOpen(row, locale));
                continue;
            }
            Map<String, String> cells = suggested(row);
            if (cells.isEmpty()) {
                tally.refused(name, text("bulk.quarantine.noSuggestion", null, locale));
                continue;
            }
            try {
                records.fix(id, rowId, cells, user.getUsername());
                tally.done();
            } catch (InvalidInputException e) {
                var p = e.problems().get(0);
                tally.refused(name, messages.getMessage(p.code(), null, p.reason(), locale));
            } catch (ConflictException | NotFoundException e) {
                tally.refused(name, notOpen(row, locale));
            }
        }
        flash.addFlashAttribute("bulkOutcome", tally.outcome());
        return back(id, back);
    }

    /** Dismisses the chosen rows that are open with one reason; the others are named with their state. */
    @PostMapping("/imports/{id}/quarantine/dismiss-selected")
    String dismissSelected(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(name = "row", required = false) List<Long> rowIds,
            @RequestParam(defaultValue = "") String why,
            @RequestParam(required = false) String back,
            Locale locale,
            RedirectAttributes flash) {
        ImportsApi.requireImporter(user);
        if (rowIds == null || rowIds.isEmpty()) {
            flash.addFlashAttribute("bulkProblem", "bulk.nothingChosen");
            return back(id, back);
        }
        Map<Long, ImportRecords.QuarantinedRow> rows = chosen(id, rowIds);
        BulkOutcome.Tally tally = new BulkOutcome.Tally();
        List<Long> open = new ArrayList<>();
        for (long rowId : rowIds.stream().distinct().toList()) {
            ImportRecords.QuarantinedRow row = rows.get(rowId);
            if (row == null) {
                tally.refused("#" + rowId, text("bulk.quarantine.notInImport", null, locale));
            } else if (!"OPEN".equals(row.status())) {
                tally.refused(
                        text("bulk.quarantine.row", String.valueOf(row.rowNumber()), locale), notOpen(row, locale));
            } else {
                open.add(rowId);
            }
        }
        if (!open.isEmpty()) {
            try {
                long n = actions.dismiss(id, open, null, why, user.getUsername());
                for (long i = 0; i < n; i++) {
                    tally.done();
                }
            } catch (QuarantineActions.Refused r) {
                // One reason refuses them all (no reason given, a dry run): each chosen open row is named with it.
                String reason = messages.getMessage(r.code(), r.args().toArray(), r.getMessage(), locale);
                open.forEach(rowId -> tally.refused(
                        text(
                                "bulk.quarantine.row",
                                String.valueOf(rows.get(rowId).rowNumber()),
                                locale),
                        reason));
            }
        }
        flash.addFlashAttribute("bulkOutcome", tally.outcome());
        return back(id, back);
    }

    private Map<Long, ImportRecords.QuarantinedRow> chosen(long importId, List<Long> rowIds) {
        return records.quarantineRows(importId, rowIds).stream()
                .collect(Collectors.toMap(ImportRecords.QuarantinedRow::id, Function.identity()));
    }

    /** The cells the quarantine suggested for a row: a plain value, not a hint in words ("(did you mean …)"). */
    static Map<String, String> suggested(ImportRecords.QuarantinedRow row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (Problem p : row.problems()) {
            if (p.suggestion() != null
                    && !p.suggestion().contains("(")
                    && row.cells().containsKey(p.column())) {
                cells.put(p.column(), p.suggestion());
            }
        }
        return cells;
    }

    private String notOpen(ImportRecords.QuarantinedRow row, Locale locale) {
        String state = messages.getMessage("ingest.q." + row.status(), null, row.status(), locale);
        return text("bulk.quarantine.notOpen", state, locale);
    }

    private String text(String code, Object arg, Locale locale) {
        return messages.getMessage(code, arg == null ? null : new Object[] {arg}, code, locale);
    }

    private static String back(long id, String back) {
        String own = "/imports/" + id;
        String to = back != null && back.startsWith(own) && !back.startsWith("//") ? back : own;
        return "redirect:" + to.replaceFirst("^/imports/\\d+/status", own) + "#quarantine";
    }
}
