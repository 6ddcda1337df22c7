package org.attain.objectives.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.attain.access.AttainUser;
import org.attain.objectives.ObjectiveScores;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** MBO objective scores over REST: read a sheet, score it, or import many scores from CSV (all or none). */
@RestController
@RequestMapping("/api/v1/objective-scores")
@Tag(name = "Objective scores", description = "MBO objectives of a person's plans per period, scored by their manager")
class ObjectivesApi {

    private final ObjectiveScores scores;
    private final PersonRefs refs;

    ObjectivesApi(ObjectiveScores scores, PersonRefs refs) {
        this.scores = scores;
        this.refs = refs;
    }

    @GetMapping
    @Operation(summary = "A person's objectives in a period with their scores (null: unscored)")
    ObjectiveScores.Sheet sheet(
            @AuthenticationPrincipal AttainUser user, @RequestParam PersonRef person, @RequestParam String period) {
        long id = refs.resolve(user, person, "person", PersonRefs.Miss.NOT_FOUND);
        return scores.sheet(user, id, period);
    }

    /** {@code scores}: objective id to score as a fraction (1.00 = fully met), null to make it unscored again. */
    record Scoring(PersonRef person, String period, Map<String, BigDecimal> scores) {}

    @PutMapping
    @Operation(
            summary =
                    "Score a person's objectives in a period (a manager their reports, admins anyone, nobody their own);"
                            + " all or none, each problem names scores.<objective>. Recalculates the person.")
    Map<String, Integer> score(@AuthenticationPrincipal AttainUser user, @RequestBody Scoring body) {
        if (body == null || body.person() == null || body.period() == null || body.scores() == null) {
            throw new InvalidInputException(
                    new FieldProblem("person", "objectives.missing", "person, period and scores are required"));
        }
        long id = refs.resolve(user, body.person(), "person", PersonRefs.Miss.NOT_FOUND);
        return Map.of("changed", scores.score(user, id, body.period(), body.scores(), o -> "scores." + o));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(
            summary =
                    "Import scores from CSV with a header person,period,objective,score (score as a fraction, empty to"
                            + " unscore): all rows or none, each problem names rows[n] and the field")
    Map<String, Integer> importCsv(@AuthenticationPrincipal AttainUser user, @RequestBody String csv) {
        List<ObjectiveScores.Imported> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        try {
            List<CSVRecord> records = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords();
            int n = 0;
            for (CSVRecord r : records) {
                n++;
                String row = "rows[" + n + "].";
                Map<String, String> v = new LinkedHashMap<>();
                for (String column : List.of("person", "period", "objective", "score")) {
                    v.put(column, r.isMapped(column) && r.isSet(column) ? r.get(column) : "");
                }
                if (v.get("person").isEmpty()
                        || v.get("period").isEmpty()
                        || v.get("objective").isEmpty()) {
                    problems.add(new FieldProblem(
                            row + "person", "objectives.missing", "person, period and objective are required"));
                    continue;
                }
                BigDecimal score = null;
                if (!v.get("score").isEmpty()) {
                    try {
                        score = new BigDecimal(v.get("score"));
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem(row + "score", "objectives.unreadable", "is not a number"));
                        continue;
                    }
                }
                PersonRef person;
                try {
                    person = PersonRef.valueOf(v.get("person"));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(row + "person", "person.ref.unknown", e.getMessage()));
                    continue;
                }
                rows.add(new ObjectiveScores.Imported(n, person, v.get("period"), v.get("objective"), score));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException(
                    new FieldProblem("csv", "objectives.csv", "cannot be read as CSV: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Map.of("changed", scores.importRows(user, rows));
    }
}
