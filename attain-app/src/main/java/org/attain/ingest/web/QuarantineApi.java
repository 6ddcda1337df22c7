package org.attain.ingest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.ingest.ImportRecords;
import org.attain.ingest.quarantine.QuarantineActions;
import org.attain.ingest.quarantine.QuarantineView;
import org.attain.platform.ConflictException;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The quarantine at scale over REST: counts, open rows grouped by problem, one correction for a group, dismissals. */
@RestController
@Tag(
        name = "Imports",
        description = "Load CSV/XLSX files with an import profile; quarantine, fix and replay rejected rows")
class QuarantineApi {

    private final QuarantineView view;
    private final QuarantineActions actions;
    private final ImportRecords records;

    QuarantineApi(QuarantineView view, QuarantineActions actions, ImportRecords records) {
        this.view = view;
        this.actions = actions;
        this.records = records;
    }

    record Grouped(
            long importId,
            QuarantineView.Counts counts,
            List<QuarantineView.Group> groups,
            int page,
            int size,
            long totalGroups) {}

    /**
     * @param problem the group: column, value and reason exactly as the groups list them
     * @param to      the new value of that column in every open row of the group, stored exactly as sent
     * @param scope   "import" (default) or "source": every open row of the same record type and source
     */
    record CorrectionRequest(QuarantineActions.Selector problem, String to, String scope) {}

    /** {@code reason} why the rows are not to be loaded; then {@code rows} (ids), or a {@code problem} group, or {@code all}. */
    record DismissalRequest(String reason, List<Long> rows, QuarantineActions.Selector problem, Boolean all) {}

    record Dismissal(long dismissed) {}

    @GetMapping("/api/v1/quarantine")
    @Operation(
            summary =
                    "Quarantined rows of all imports (dry runs aside) by what became of them: open, fixed, dismissed, "
                            + "delivered by a later load, moved on to a replay")
    QuarantineView.Counts totals(@AuthenticationPrincipal AttainUser user) {
        ImportsApi.requireImporter(user);
        return view.counts(null);
    }

    @GetMapping("/api/v1/imports/{id}/quarantine/groups")
    @Operation(
            summary =
                    "Open quarantined rows of an import grouped by column, value and reason, largest group first, paged")
    Grouped groups(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ImportsApi.requireImporter(user);
        exists(id);
        int s = Math.min(Math.max(size, 1), 500);
        var g = view.groups(id, Math.max(page, 0), s);
        return new Grouped(id, view.counts(id), g.groups(), g.page(), g.size(), g.totalGroups());
    }

    @PostMapping("/api/v1/imports/{id}/quarantine/corrections")
    @Operation(
            summary = "Set one column of every open row with a problem to a new value and replay those rows",
            description =
                    "The rows take the normal load path again (mapping, bounds, upsert); rows still wrong for another "
                            + "reason stay quarantined in the replay with their new reason. A value that is itself refused for the "
                            + "column (or has blanks around it) answers 400 and changes nothing; a group without open rows 409.")
    QuarantineActions.Correction correct(
            @AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody CorrectionRequest request) {
        ImportsApi.requireImporter(user);
        if (request == null) {
            throw new InvalidInputException(
                    new FieldProblem("problem", "ingest.correct.noProblem", "name the problem to correct"));
        }
        QuarantineActions.Scope scope;
        try {
            scope = request.scope() == null
                    ? QuarantineActions.Scope.IMPORT
                    : QuarantineActions.Scope.valueOf(request.scope().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    new FieldProblem("scope", "ingest.correct.scope", "scope is import or source"));
        }
        try {
            return actions.correct(id, request.problem(), request.to(), scope, user.getUsername());
        } catch (QuarantineActions.Refused r) {
            throw asProblem(r, "to");
        }
    }

    @PostMapping("/api/v1/imports/{id}/quarantine/dismissals")
    @Operation(
            summary = "Dismiss open quarantined rows with a reason: by id, a whole problem group, or all",
            description = "Dismissed rows leave the open list and keep who, when and why (audited). Rows that are no "
                    + "longer open answer 409 and nothing is dismissed; a missing reason 400.")
    Dismissal dismiss(
            @AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody DismissalRequest request) {
        ImportsApi.requireImporter(user);
        if (request == null) {
            throw new InvalidInputException(
                    new FieldProblem("reason", "ingest.dismiss.noReason", "say why the rows are dismissed"));
        }
        boolean byRows = request.rows() != null && !request.rows().isEmpty();
        boolean all = Boolean.TRUE.equals(request.all());
        if ((byRows ? 1 : 0) + (request.problem() != null ? 1 : 0) + (all ? 1 : 0) != 1) {
            throw new InvalidInputException(new FieldProblem(
                    "rows",
                    "ingest.dismiss.which",
                    "name the rows to dismiss: rows (ids), a problem group, or all: true (exactly one of them)"));
        }
        try {
            return new Dismissal(actions.dismiss(
                    id, byRows ? request.rows() : null, request.problem(), request.reason(), user.getUsername()));
        } catch (QuarantineActions.Refused r) {
            throw asProblem(r, "reason");
        }
    }

    @GetMapping("/api/v1/imports/{id}/quarantine/dismissed")
    @Operation(summary = "Dismissed rows of an import with who dismissed them, when and why")
    List<QuarantineView.Dismissed> dismissed(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "1000") int limit) {
        ImportsApi.requireImporter(user);
        exists(id);
        return view.dismissed(id, Math.min(Math.max(limit, 1), 10_000));
    }

    private void exists(long id) {
        records.find(id).orElseThrow(() -> new NotFoundException("import", id));
    }

    private static RuntimeException asProblem(QuarantineActions.Refused r, String field) {
        return r.conflict()
                ? new ConflictException(r.getMessage())
                : new InvalidInputException(new FieldProblem(
                        r.code().equals("ingest.correct.noProblem") ? "problem" : field, r.code(), r.getMessage()));
    }
}
