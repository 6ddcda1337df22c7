package org.attain.activity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.activity.ActivityCapture;
import org.attain.activity.ActivityRecords;
import org.attain.activity.ActivitySummaries;
import org.attain.activity.Captured;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Activities over REST: bulk capture for integrations, and summaries limited to what the caller may see. */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Calls, e-mails, meetings and webinars per person")
class ActivityApi {

    static final int MAX_RECORDS = 10_000;
    static final int MAX_DAYS = 400;

    private final ActivityCapture capture;
    private final ActivitySummaries summaries;
    private final Visibility visibility;
    private final Clock clock;

    ActivityApi(ActivityCapture capture, ActivitySummaries summaries, Visibility visibility, Clock clock) {
        this.capture = capture;
        this.summaries = summaries;
        this.visibility = visibility;
        this.clock = clock;
    }

    /**
     * @param source  the system the records come from; with external_id it identifies an activity
     * @param records objects with external_id, person (employee id or e-mail), kind (CALL, EMAIL, MEETING,
     *                WEBINAR), occurred_at (ISO 8601 with offset), duration_minutes, outcome, account and deal
     *                (external ids)
     */
    record Bulk(String source, List<Map<String, JsonNode>> records) {}

    @PostMapping
    @Operation(
            summary = "Capture up to 10,000 activities, idempotent by (source, external_id)",
            description =
                    "New ids are inserted, changed ones updated, identical ones counted as unchanged. Each bad record "
                            + "comes back with its position (row = index + 1), field and reason; the others are kept.")
    Captured bulk(@AuthenticationPrincipal AttainUser user, @RequestBody Bulk bulk) {
        if (!(user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN))) {
            throw new ForbiddenException("Only admins and comp admins load activities.");
        }
        if (bulk == null || bulk.records() == null || bulk.records().isEmpty()) {
            throw new InvalidInputException(
                    new FieldProblem("records", "activity.bulk.empty", "send at least one record"));
        }
        if (bulk.records().size() > MAX_RECORDS) {
            throw new InvalidInputException(new FieldProblem(
                    "records",
                    "activity.bulk.tooMany",
                    bulk.records().size() + " records; at most " + MAX_RECORDS + " per call"));
        }
        String source = bulk.source() == null || bulk.source().isBlank()
                ? "api"
                : bulk.source().trim();
        return ActivityRecords.capture(capture, source, bulk.records());
    }

    @GetMapping("/summary")
    @Operation(
            summary = "Activity per person, day or week, and kind for the people the caller may see",
            description = "A rep gets their own activity, a manager their reporting subtree, admins everyone. "
                    + "Defaults: the last 30 days, by day.")
    List<ActivitySummaries.Summary> summary(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") ActivitySummaries.Grain grain) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw new InvalidInputException(new FieldProblem("from", "activity.range.order", "must not be after 'to'"));
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputException(
                    new FieldProblem("to", "activity.range.long", "at most " + MAX_DAYS + " days per call"));
        }
        return summaries.summaries(visibility.scopeOf(user), start, end, grain);
    }
}
