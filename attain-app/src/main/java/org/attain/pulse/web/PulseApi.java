package org.attain.pulse.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.access.AttainUser;
import org.attain.platform.CellText;
import org.attain.pulse.PulseByGroup;
import org.attain.pulse.PulseSurveys;
import org.attain.pulse.SurveyRefused;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pulse surveys over REST, with the pages' rules; refusals are problem documents in the caller's language. */
@RestController
@RequestMapping("/api/v1/pulse")
@Tag(name = "Pulse surveys", description = "eNPS surveys with anonymous answers and results hidden for small groups")
class PulseApi {

    private final PulseSurveys surveys;
    private final PulseByGroup byGroup;
    private final MessageSource messages;

    PulseApi(PulseSurveys surveys, PulseByGroup byGroup, MessageSource messages) {
        this.surveys = surveys;
        this.byGroup = byGroup;
        this.messages = messages;
    }

    @PostMapping("/surveys")
    @Operation(
            summary = "Send a survey (admins, comp admins, managers): title, optional question text, promoterMin (9),"
                    + " passiveMin (7), minGroupSize (5, at least 3), opensOn, closesOn, target EVERYONE | TEAMS | MY_SUBTREE,"
                    + " teamIds for TEAMS, optional questions [{kind: SCALE|TEXT, text}]. Refused when fewer people than"
                    + " the minimum group size would receive it.")
    ResponseEntity<PulseSurveys.Survey> send(
            @AuthenticationPrincipal AttainUser user, @RequestBody PulseSurveys.NewSurvey body) {
        PulseSurveys.Survey survey = surveys.send(
                body == null
                        ? new PulseSurveys.NewSurvey(null, null, null, null, null, null, null, null, null, null)
                        : body,
                user);
        return ResponseEntity.created(URI.create("/api/v1/pulse/surveys/" + survey.id()))
                .body(survey);
    }

    @GetMapping("/surveys")
    @Operation(summary = "The surveys whose results the caller may read, newest first")
    List<PulseSurveys.Survey> list(@AuthenticationPrincipal AttainUser user) {
        return surveys.surveys(user);
    }

    @GetMapping("/surveys/{id}/results")
    @Operation(
            summary =
                    "Results per group the caller may see: shown groups with promoters, passives, detractors, eNPS"
                            + " (a whole number, half away from zero) and response rate; hidden ones with reason TOO_FEW or WOULD_REVEAL")
    PulseSurveys.Results results(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return surveys.results(id, user);
    }

    @GetMapping("/surveys/{id}/results.csv")
    @Operation(
            summary = "The results as CSV, one row per group the caller may see: a hidden group keeps its reason and"
                    + " leaves every number empty, exactly as on the results page")
    void resultsCsv(@AuthenticationPrincipal AttainUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        PulseSurveys.Results results = surveys.results(id, user);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"pulse-" + id + "-results.csv\"");
        try (CSVPrinter out = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            out.printRecord(CellText.row(
                    "survey",
                    "group",
                    "kind",
                    "depth",
                    "shown",
                    "hidden_reason",
                    "answers",
                    "promoters",
                    "passives",
                    "detractors",
                    "enps",
                    "response_percent"));
            for (PulseSurveys.GroupResult g : results.groups()) {
                boolean shown = g.shown() && g.tally() != null;
                out.printRecord(CellText.row(
                        results.survey().title(),
                        g.name(),
                        g.kind(),
                        g.depth(),
                        shown,
                        shown ? "" : g.reason().name(),
                        shown ? g.tally().answers() : "",
                        shown ? g.tally().promoters() : "",
                        shown ? g.tally().passives() : "",
                        shown ? g.tally().detractors() : "",
                        shown ? g.enps() : "",
                        shown && g.responsePercent() != null ? g.responsePercent() : ""));
            }
        }
    }

    @GetMapping("/groups/latest")
    @Operation(
            summary =
                    "Each region's and team's result in the latest opened survey that reached it, as far as the caller"
                            + " may read: eNPS, answers and response rate when shown, the reason only when hidden")
    java.util.Map<PulseByGroup.Level, java.util.Map<Long, PulseByGroup.GroupEnps>> latest(
            @AuthenticationPrincipal AttainUser user) {
        return byGroup.latest(user);
    }

    @GetMapping("/trend")
    @Operation(summary = "A group's eNPS over the surveys the caller may read: kind ALL | REGION | TEAM and its refId")
    List<PulseSurveys.TrendPoint> trend(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(defaultValue = "ALL") String kind,
            @RequestParam(required = false) Long refId) {
        return surveys.trend(user, kind, refId);
    }

    @GetMapping("/invitations")
    @Operation(summary = "The surveys sent to the caller, with the one-time token while open and unanswered")
    List<PulseSurveys.Invitation> invitations(@AuthenticationPrincipal AttainUser user) {
        return surveys.invitations(user);
    }

    /** An answer: the token, the 0..10 score and optional items by question id. */
    record AnswerBody(String token, Integer score, Map<Long, String> items) {}

    @PostMapping("/answers")
    @Operation(
            summary =
                    "Answer with a one-time token: stored without the person or the time (only survey, group and week);"
                            + " a second answer with the same token is refused with 409")
    ResponseEntity<Void> answer(@RequestBody AnswerBody body) {
        surveys.answer(body.token(), new PulseSurveys.NewAnswer(body.score(), body.items()));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(SurveyRefused.class)
    ResponseEntity<ProblemDetail> refused(SurveyRefused e, Locale locale) {
        boolean conflict = e.details().stream()
                .anyMatch(p ->
                        p.code().equals("pulse.refused.tokenUsed") || p.code().equals("pulse.refused.closed"));
        HttpStatus status = conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        List<Map<String, String>> errors = e.details().stream()
                .map(p -> Map.of(
                        "field",
                        p.field(),
                        "code",
                        p.code(),
                        "reason",
                        messages.getMessage(p.code(), p.args().toArray(), p.reason(), locale)))
                .toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                status,
                errors.stream()
                        .map(m -> m.get("reason"))
                        .reduce((a, b) -> a + " " + b)
                        .orElse(""));
        body.setTitle(messages.getMessage("pulse.refused", null, "Refused", locale));
        body.setType(URI.create("https://attain.dev/problems/" + (conflict ? "pulse-conflict" : "invalid-input")));
        body.setProperty("errors", errors);
        return ResponseEntity.status(status).body(body);
    }
}
