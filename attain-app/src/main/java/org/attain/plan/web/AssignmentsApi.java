package org.attain.plan.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.plan.AssignmentsChanged;
import org.attain.plan.Plans;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who is paid under a plan, when: effective-dated assignments, set in bulk. */
@RestController
@Tag(name = "Plans")
class AssignmentsApi {

    private final Plans plans;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PersonRefs refs;

    AssignmentsApi(Plans plans, JdbcClient jdbc, ApplicationEventPublisher events, PersonRefs refs) {
        this.refs = refs;
        this.plans = plans;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** @param personIds each an id (number), employee id or e-mail; {@code people} is the same list by another name */
    record Assign(@JsonAlias("people") List<PersonRef> personIds, LocalDate from, LocalDate until) {}

    @GetMapping("/api/v1/plans/{key}/assignments")
    @Operation(summary = "Everyone assigned to the plan, with the dates (until is exclusive)")
    List<Plans.Assignment> list(@AuthenticationPrincipal AttainUser user, @PathVariable String key) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Plans are for the back office.");
        }
        return plans.assignments(key);
    }

    @PostMapping("/api/v1/plans/{key}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(
            summary = "Assign people to the plan from a date (until exclusive, optional); an overlap with an existing "
                    + "assignment of the same person to the same plan is refused with the person named")
    List<Plans.Assignment> assign(
            @AuthenticationPrincipal AttainUser user, @PathVariable String key, @RequestBody Assign body) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins assign plans.");
        }
        if (body == null || body.personIds() == null || body.personIds().isEmpty()) {
            throw new InvalidInputException(new FieldProblem("personIds", "assign.people", "name at least one person"));
        }
        if (body.from() == null) {
            throw new InvalidInputException(new FieldProblem("from", "assign.from", "is required"));
        }
        if (body.until() != null && !body.until().isAfter(body.from())) {
            throw new InvalidInputException(new FieldProblem("until", "assign.until", "must be after from"));
        }
        List<Long> people =
                refs.resolveAll(user, body.personIds(), i -> "personIds[" + i + "]", PersonRefs.Miss.BAD_REQUEST);
        for (int i = 0; i < people.size(); i++) {
            long person = people.get(i);
            boolean overlaps = jdbc.sql("""
                    select exists(select 1 from plan_assignment where person_id = :p and plan_key = :k
                      and daterange(valid_from, valid_until, '[)') && daterange(:f, :u, '[)'))""")
                    .param("p", person)
                    .param("k", key)
                    .param("f", body.from())
                    .param("u", body.until())
                    .query(Boolean.class)
                    .single();
            if (overlaps) {
                throw new InvalidInputException(new FieldProblem(
                        "personIds[" + (i + 1) + "]",
                        "assign.overlap",
                        "person '" + body.personIds().get(i).shown()
                                + "' is already on this plan for part of that time"));
            }
            plans.assign(person, key, body.from(), body.until(), user.getUsername());
        }
        events.publishEvent(new AssignmentsChanged(Set.copyOf(people), "plan assignment", user.getUsername()));
        return list(user, key);
    }
}
