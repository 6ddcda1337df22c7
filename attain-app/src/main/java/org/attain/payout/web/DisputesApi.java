package org.attain.payout.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.payout.DisputeStatus;
import org.attain.payout.Disputes;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Disputes over REST: the same people see the same disputes as on the pages. */
@RestController
@RequestMapping("/api/v1/disputes")
@Tag(name = "Disputes", description = "Questions about statement lines: open, comment, review, resolve or reject")
class DisputesApi {

    private final Disputes disputes;
    private final PersonRefs refs;

    DisputesApi(Disputes disputes, PersonRefs refs) {
        this.disputes = disputes;
        this.refs = refs;
    }

    /** @param personId an id (number), employee id or e-mail; {@code person} is the same field by another name */
    record NewDispute(@JsonAlias("person") PersonRef personId, String period, Integer lineNo, String text) {}

    record Detail(Disputes.Dispute dispute, List<Disputes.Comment> comments) {}

    record Text(String text) {}

    record Move(String status, String note) {}

    record Assignee(String assignee) {}

    @GetMapping
    @Operation(
            summary = "Disputes you may see (your own, your subtree's, or all for the back office), newest first. "
                    + "holder=none lists unassigned ones; minAgeDays lists those open at least that long.")
    List<Disputes.Dispute> list(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String holder,
            @RequestParam(required = false) Integer minAgeDays,
            @RequestParam(required = false) PersonRef person) {
        Long id = person == null ? null : refs.resolve(user, person, "person", PersonRefs.Miss.NOT_FOUND);
        return disputes.list(user, new Disputes.Filter(status(status), holder, minAgeDays, id));
    }

    @PostMapping
    @Operation(
            summary =
                    "Question one statement line: personId (id, employee id or e-mail), period, lineNo and text are required.")
    ResponseEntity<Disputes.Dispute> open(@AuthenticationPrincipal AttainUser user, @RequestBody NewDispute in) {
        Long person =
                in.personId() == null ? null : refs.resolve(user, in.personId(), "personId", PersonRefs.Miss.NOT_FOUND);
        Disputes.Dispute d = disputes.open(user, new Disputes.NewDispute(person, in.period(), in.lineNo(), in.text()));
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + d.id())).body(d);
    }

    @GetMapping("/{id}")
    Detail get(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return new Detail(disputes.find(user, id), disputes.comments(user, id));
    }

    @PostMapping("/{id}/comments")
    ResponseEntity<Disputes.Comment> comment(
            @AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody Text in) {
        return ResponseEntity.status(201).body(disputes.comment(user, id, in.text()));
    }

    @PostMapping("/{id}/status")
    @Operation(
            summary =
                    "Move a dispute: IN_REVIEW, RESOLVED or REJECTED (the last two need a note). Admin and comp admin; "
                            + "409 when the dispute is no longer in a state that allows it.")
    Disputes.Dispute move(@AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody Move in) {
        return disputes.move(user, id, status(in.status()), in.note());
    }

    @PutMapping("/{id}/assignee")
    Disputes.Dispute assign(@AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody Assignee in) {
        return disputes.assign(user, id, in.assignee());
    }

    static DisputeStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return DisputeStatus.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new FieldProblem(
                    "status",
                    "dispute.error.statusUnknown",
                    "'" + s + "' is not one of OPEN, IN_REVIEW, RESOLVED, REJECTED"));
        }
    }
}
