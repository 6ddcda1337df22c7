package org.attain.planning.capacity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.planning.capacity.CapacityPlan;
import org.attain.planning.capacity.CapacityPlanning;
import org.attain.planning.capacity.CapacityProblem;
import org.attain.planning.capacity.PlannedHire;
import org.attain.planning.capacity.PlannedLeaving;
import org.attain.planning.capacity.RampProfile;
import org.attain.planning.capacity.WhatIf;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Capacity planning over REST for planners (admin, comp admin): the plan per month and quarter, a what-if
 * (nothing saved), ramp profiles, planned hires and attrition, targets and expected attainment. Refused
 * input answers 400 with {@code errors[{field, reason}]} and nothing written.
 */
@RestController
@RequestMapping("/api/v1/capacity")
@Tag(
        name = "Capacity",
        description =
                "Capacity planning: ramp profiles, planned hires and attrition, capacity against the revenue target")
class CapacityApi {

    private final CapacityPlanning planning;

    CapacityApi(CapacityPlanning planning) {
        this.planning = planning;
    }

    @GetMapping
    @Operation(
            summary =
                    "Capacity against target per month and fiscal quarter for one currency: reps (org) x monthly quota "
                            + "(quota's quarterly quota split in three) x ramp x expected attainment, plus planned hires, less planned attrition. "
                            + "from/to are months (2026-01); the fiscal year of today when left out")
    CapacityPlan plan(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String currency,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        CapacityPages.mustPlan(user);
        YearMonth[] range = range(from, to);
        return planning.plan(currency, range[0], range[1], WhatIf.none());
    }

    /**
     * A what-if: {@code expectedAttainment} a fraction (0.8 = 80 %), {@code dropHires}/{@code dropAttrition} ids of saved rows to
     * leave out, {@code hires}/{@code attrition} rows to add (as for POST /hires and /attrition; currency taken from the request).
     */
    record WhatIfRequest(
            String currency,
            String from,
            String to,
            BigDecimal expectedAttainment,
            Set<Long> dropHires,
            Set<Long> dropAttrition,
            List<HireRequest> hires,
            List<PlannedLeaving> attrition) {}

    @PostMapping("/what-if")
    @Operation(
            summary =
                    "Capacity with changes that are not saved: another expected attainment, saved hires or attrition left out, "
                            + "hires or attrition added. Checked like saving (closed periods, reversed dates), problems named hires[n].field")
    CapacityPlan whatIf(@AuthenticationPrincipal AttainUser user, @RequestBody WhatIfRequest body) {
        CapacityPages.mustPlan(user);
        YearMonth[] range = range(body.from(), body.to());
        return planning.plan(
                body.currency(),
                range[0],
                range[1],
                new WhatIf(
                        body.expectedAttainment(),
                        body.dropHires(),
                        body.dropAttrition(),
                        body.hires() == null
                                ? List.of()
                                : body.hires().stream()
                                        .map(h -> h.toHire(body.currency()))
                                        .toList(),
                        body.attrition()));
    }

    @GetMapping("/ramp-profiles")
    @Operation(
            summary =
                    "Every ramp profile: percent of the full quota by tenure month, the mid-month cut-off day, and whether it ramps existing reps")
    List<RampProfile> profiles(@AuthenticationPrincipal AttainUser user) {
        CapacityPages.mustPlan(user);
        return planning.profiles();
    }

    /** A ramp profile as sent: percents from 0 to 100, the last 100; cutoffDay 15 when left out. */
    record ProfileRequest(String name, Integer cutoffDay, List<BigDecimal> percents, Boolean isDefault) {
        RampProfile toProfile(Long id) {
            return new RampProfile(
                    id,
                    name,
                    cutoffDay == null ? RampProfile.DEFAULT_CUTOFF_DAY : cutoffDay,
                    percents == null ? List.of() : percents,
                    Boolean.TRUE.equals(isDefault));
        }
    }

    @PostMapping("/ramp-profiles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a ramp profile (e.g. {\"name\":\"AE\",\"cutoffDay\":15,\"percents\":[25,50,75,100]})")
    Map<String, Long> addProfile(@AuthenticationPrincipal AttainUser user, @RequestBody ProfileRequest body) {
        CapacityPages.mustPlan(user);
        return Map.of("id", planning.saveProfile(body.toProfile(null), user.getUsername()));
    }

    @PutMapping("/ramp-profiles/{id}")
    @Operation(summary = "Change a ramp profile")
    Map<String, Long> changeProfile(
            @AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody ProfileRequest body) {
        CapacityPages.mustPlan(user);
        return Map.of("id", planning.saveProfile(body.toProfile(id), user.getUsername()));
    }

    @DeleteMapping("/ramp-profiles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a ramp profile no planned hire uses")
    void deleteProfile(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        CapacityPages.mustPlan(user);
        planning.deleteProfile(id, user.getUsername());
    }

    /** Planned hires as sent; {@code headcount} 1 when left out, {@code currency} the request's for a what-if. */
    record HireRequest(
            String role,
            LocalDate startsOn,
            LocalDate endsOn,
            Long teamId,
            String currency,
            Integer headcount,
            BigDecimal monthlyQuota,
            Long rampProfileId) {
        PlannedHire toHire(String defaultCurrency) {
            return new PlannedHire(
                    null,
                    role,
                    startsOn,
                    endsOn,
                    teamId,
                    currency == null ? defaultCurrency : currency,
                    headcount == null ? 1 : headcount,
                    monthlyQuota,
                    rampProfileId);
        }
    }

    @GetMapping("/hires")
    @Operation(summary = "Planned hires in a currency")
    List<PlannedHire> hires(@AuthenticationPrincipal AttainUser user, @RequestParam String currency) {
        CapacityPages.mustPlan(user);
        return planning.hires(currency);
    }

    @PostMapping("/hires")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Add planned hires: role, startsOn (not in a closed period), optional endsOn (after startsOn), optional teamId, "
                            + "currency, headcount (1 when left out), monthlyQuota, rampProfileId")
    Map<String, Long> addHire(@AuthenticationPrincipal AttainUser user, @RequestBody HireRequest body) {
        CapacityPages.mustPlan(user);
        return Map.of("id", planning.addHire(body.toHire(null), user.getUsername()));
    }

    @DeleteMapping("/hires/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a planned hire")
    void removeHire(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        CapacityPages.mustPlan(user);
        planning.removeHire(id, user.getUsername());
    }

    @GetMapping("/attrition")
    @Operation(summary = "Planned attrition in a currency (named reps and numbers of leavers)")
    List<PlannedLeaving> attrition(@AuthenticationPrincipal AttainUser user, @RequestParam String currency) {
        CapacityPages.mustPlan(user);
        return planning.leavings(currency);
    }

    @PostMapping("/attrition")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Add planned attrition: personId (a named rep) or headcount (leavers not named yet), leavesOn (not in a closed "
                            + "period, not before the rep's hire date), currency")
    Map<String, Long> addLeaving(@AuthenticationPrincipal AttainUser user, @RequestBody PlannedLeaving body) {
        CapacityPages.mustPlan(user);
        return Map.of("id", planning.addLeaving(body, user.getUsername()));
    }

    @DeleteMapping("/attrition/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove planned attrition")
    void removeLeaving(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        CapacityPages.mustPlan(user);
        planning.removeLeaving(id, user.getUsername());
    }

    record TargetPlanRequest(String currency, Long planId) {}

    @PutMapping("/target-plan")
    @Operation(
            summary =
                    "Take a currency's revenue target from an approved or published quota plan's top (split evenly over"
                            + " the plan's months; planId null: back to the typed monthly targets). A plan in another currency, a"
                            + " draft or one in review is refused, field targetPlanId.")
    Targets targetPlan(@AuthenticationPrincipal AttainUser user, @RequestBody TargetPlanRequest body) {
        CapacityPages.mustPlan(user);
        String currency = body == null ? null : body.currency();
        planning.setTargetPlan(currency, body == null ? null : body.planId(), user.getUsername());
        return targets(user, currency);
    }

    record Target(String month, BigDecimal amount) {}

    /** The monthly targets in force; {@code targetPlanId}: the quota plan they come from (null: typed). */
    record Targets(String currency, BigDecimal expectedAttainment, List<Target> targets, Long targetPlanId) {}

    @GetMapping("/targets")
    @Operation(summary = "The revenue target per month and the expected attainment (a fraction) for a currency")
    Targets targets(@AuthenticationPrincipal AttainUser user, @RequestParam String currency) {
        CapacityPages.mustPlan(user);
        List<Target> targets = new ArrayList<>();
        planning.targets(currency).forEach((m, a) -> targets.add(new Target(m.toString(), a)));
        return new Targets(
                currency,
                planning.expectedAttainment(currency),
                targets,
                planning.targetPlan(currency).map(t -> t.planId()).orElse(null));
    }

    @PutMapping("/targets")
    @Operation(
            summary =
                    "Set monthly targets (amount null clears one) and, if given, the expected attainment (fraction, above 0, at most 2): "
                            + "all or none, problems named targets[month].amount")
    Targets setTargets(@AuthenticationPrincipal AttainUser user, @RequestBody Targets body) {
        CapacityPages.mustPlan(user);
        Map<YearMonth, BigDecimal> targets = new LinkedHashMap<>();
        List<CapacityProblem> problems = new ArrayList<>();
        List<Target> given = body.targets() == null ? List.of() : body.targets();
        for (int i = 0; i < given.size(); i++) {
            YearMonth m = month("targets[" + (i + 1) + "].month", given.get(i).month(), problems);
            if (m != null) {
                targets.put(m, given.get(i).amount());
            }
        }
        if (!problems.isEmpty()) {
            throw new CapacityProblem.Refused(problems);
        }
        if (body.expectedAttainment() != null) {
            planning.setTargetsAndAttainment(body.currency(), targets, body.expectedAttainment(), user.getUsername());
        } else {
            planning.setTargets(body.currency(), targets, user.getUsername());
        }
        return targets(user, body.currency());
    }

    private YearMonth[] range(String from, String to) {
        List<CapacityProblem> problems = new ArrayList<>();
        YearMonth[] year = planning.thisFiscalYear();
        YearMonth f = from == null ? year[0] : month("from", from, problems);
        YearMonth t = to == null ? year[1] : month("to", to, problems);
        if (!problems.isEmpty()) {
            throw new CapacityProblem.Refused(problems);
        }
        return new YearMonth[] {f, t};
    }

    private static YearMonth month(String field, String text, List<CapacityProblem> problems) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(new CapacityProblem(
                    field, "capacity.form.month", "is not a month such as 2026-01", String.valueOf(text)));
            return null;
        }
    }
}
