package org.attain.planning.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.attain.access.AuditLog;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Teams;
import org.attain.planning.QuotaPlan;
import org.attain.planning.QuotaPlans;
import org.attain.planning.capacity.CapacityModel.Leavers;
import org.attain.planning.capacity.CapacityModel.MonthlyQuota;
import org.attain.planning.capacity.CapacityModel.Quarter;
import org.attain.planning.capacity.CapacityModel.Seat;
import org.attain.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Capacity planning: ramp profiles, planned hires and attrition, targets and expected attainment, each
 * change checked whole before anything is written (one transaction, audited), and the plan computed from
 * them and the existing reps ({@link CapacityModel}), with or without a what-if.
 */
@Service
public class CapacityPlanning {

    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final int MAX_MONTHS = 36;
    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("1000000000");
    private static final BigDecimal MAX_ATTAINMENT = new BigDecimal("2");

    private final CapacityStore store;
    private final ExistingReps existing;
    private final Periods periods;
    private final Teams teams;
    private final AuditLog audit;
    private final QuotaPlans plans;
    private final Clock clock;

    CapacityPlanning(
            CapacityStore store,
            ExistingReps existing,
            Periods periods,
            Teams teams,
            AuditLog audit,
            QuotaPlans plans,
            Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.store = store;
        this.existing = existing;
        this.periods = periods;
        this.teams = teams;
        this.audit = audit;
    }

    // ---- reads

    public List<RampProfile> profiles() {
        return store.profiles();
    }

    public List<PlannedHire> hires(String currency) {
        return store.hires(currency);
    }

    public List<PlannedLeaving> leavings(String currency) {
        return store.leavings(currency);
    }

    /**
     * The currency's monthly targets: the chosen quota plan's top split over its months while that plan is approved or
     * published (none once it is not), else the typed ones.
     */
    public Map<YearMonth, BigDecimal> targets(String currency) {
        Optional<QuotaPlans.Top> top = targetPlan(currency);
        if (top.isPresent()) {
            return top.get().settled() ? top.get().byMonth() : Map.of();
        }
        return store.targets(currency);
    }

    /** The quota plan whose top is the currency's target, if one is chosen. */
    public Optional<QuotaPlans.Top> targetPlan(String currency) {
        return store.targetPlan(currency).flatMap(plans::top);
    }

    /** The approved and published quota plans in the currency: the tops a target may come from. */
    public List<QuotaPlan> targetPlanChoices(String currency) {
        return plans.settledIn(currency);
    }

    /**
     * Takes the currency's target from an approved or published quota plan's top (null: back to the typed monthly
     * targets, kept meanwhile). A plan in another currency, still a draft or in review, or unknown is refused.
     */
    @Transactional
    public void setTargetPlan(String currency, Long planId, String actor) {
        List<CapacityProblem> problems = new ArrayList<>(currencyProblems("currency", currency));
        Optional<QuotaPlans.Top> top = planId == null ? Optional.empty() : plans.top(planId);
        if (planId != null && top.isEmpty()) {
            problems.add(new CapacityProblem(
                    "targetPlanId", "capacity.targetPlan.unknown", "there is no quota plan " + planId, planId));
        } else if (top.isPresent() && !top.get().settled()) {
            problems.add(new CapacityProblem(
                    "targetPlanId",
                    "capacity.targetPlan.notSettled",
                    "quota plan " + top.get().name() + " is " + top.get().state()
                            + ": only an approved or published plan's top is a target",
                    top.get().name(),
                    top.get().state().name()));
        } else if (top.isPresent() && !top.get().currency().equals(currency)) {
            problems.add(new CapacityProblem(
                    "targetPlanId",
                    "capacity.targetPlan.currency",
                    "quota plan " + top.get().name() + " is in " + top.get().currency() + ", not " + currency,
                    top.get().name(),
                    top.get().currency(),
                    currency));
        }
        refuseIf(problems);
        Long before = store.targetPlan(currency).orElse(null);
        store.setTargetPlan(currency, planId, store.attainment(currency), actor);
        audit.record(
                actor,
                "CAPACITY_TARGET_PLAN_SET",
                "capacity_setting",
                currency,
                before == null ? null : Map.of("targetPlanId", before),
                planId == null ? null : Map.of("targetPlanId", planId));
    }

    public BigDecimal expectedAttainment(String currency) {
        return store.attainment(currency);
    }

    /** A rep who may be named as a planned leaver. */
    public record RepName(long id, String name) {}

    /** The reps of {@code currency} still employed, to name as planned leavers. */
    public List<RepName> repsToName(String currency) {
        return store.repsToName(currency);
    }

    /** The currencies planners plan in: every region's. */
    public List<String> currencies() {
        return teams.regions().stream()
                .map(Teams.Region::currency)
                .distinct()
                .sorted()
                .toList();
    }

    /** The first and last month of this fiscal year (today by the app's clock). */
    public YearMonth[] thisFiscalYear() {
        LocalDate day = LocalDate.now(clock);
        var year = periods.list(PeriodKind.YEAR, null).stream()
                .filter(p -> !p.startsOn().isAfter(day) && !p.endsOn().isBefore(day))
                .findFirst();
        return year.map(y -> new YearMonth[] {YearMonth.from(y.startsOn()), YearMonth.from(y.endsOn())})
                .orElse(new YearMonth[] {YearMonth.of(day.getYear(), 1), YearMonth.of(day.getYear(), 12)});
    }

    // ---- the plan

    /** Capacity against target per month and quarter from {@code from} to {@code to}, with a what-if applied (nothing saved). */
    public CapacityPlan plan(String currency, YearMonth from, YearMonth to, WhatIf whatIf) {
        List<CapacityProblem> problems = new ArrayList<>(rangeProblems(currency, from, to));
        Map<Long, RampProfile> profiles = store.profiles().stream().collect(Collectors.toMap(RampProfile::id, p -> p));
        if (whatIf.expectedAttainment() != null) {
            problems.addAll(attainmentProblems("expectedAttainment", whatIf.expectedAttainment()));
        }
        for (int i = 0; i < whatIf.extraHires().size(); i++) {
            problems.addAll(hireProblems(
                    "hires[" + (i + 1) + "].", withCurrency(whatIf.extraHires().get(i), currency), profiles));
        }
        for (int i = 0; i < whatIf.extraLeavings().size(); i++) {
            problems.addAll(leavingProblems(
                    "attrition[" + (i + 1) + "].",
                    withCurrency(whatIf.extraLeavings().get(i), currency)));
        }
        if (!problems.isEmpty()) {
            throw new CapacityProblem.Refused(problems);
        }
        List<Periods.PeriodRow> quarters = periods.list(PeriodKind.QUARTER, null);
        List<ExistingReps.Rep> reps = existing.employedBetween(currency, from.atDay(1), to.atEndOfMonth());
        RampProfile rampForExisting = profiles.values().stream()
                .filter(RampProfile::isDefault)
                .findFirst()
                .orElse(null);

        List<PlannedLeaving> leavings = new ArrayList<>(store.leavings(currency).stream()
                .filter(l -> !whatIf.dropLeavings().contains(l.id()))
                .toList());
        leavings.addAll(whatIf.extraLeavings());
        Map<Long, LocalDate> named = new HashMap<>();
        leavings.stream()
                .filter(l -> l.personId() != null)
                .forEach(l -> named.merge(l.personId(), l.leavesOn(), (a, b) -> a.isBefore(b) ? a : b));

        List<Seat> seats = new ArrayList<>();
        int withoutQuota = 0;
        for (ExistingReps.Rep rep : reps) {
            LocalDate ends = rep.employmentEnd();
            LocalDate planned = named.get(rep.id());
            if (planned != null && (ends == null || planned.isBefore(ends))) {
                ends = planned;
            }
            if (rep.quotas().isEmpty()) {
                withoutQuota++;
            }
            seats.add(new Seat(
                    rep.name(), rep.employmentStart(), ends, rampForExisting, m -> rep.monthly(m, quarters), 1));
        }
        MonthlyQuota average = averageOf(reps, quarters);
        List<PlannedHire> hires = new ArrayList<>(store.hires(currency).stream()
                .filter(h -> !whatIf.dropHires().contains(h.id()))
                .toList());
        hires.addAll(whatIf.extraHires());
        for (PlannedHire h : hires) {
            seats.add(new Seat(
                    h.role(),
                    h.startsOn(),
                    h.endsOn(),
                    profiles.get(h.rampProfileId()),
                    MonthlyQuota.flat(h.monthlyQuota()),
                    h.headcount()));
        }
        List<Leavers> byCount = leavings.stream()
                .filter(l -> l.headcount() != null)
                .map(l -> new Leavers("leavers " + l.leavesOn(), l.headcount(), l.leavesOn(), average))
                .toList();

        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<Quarter> fiscalQuarters = quarters.stream()
                .filter(q -> !YearMonth.from(q.endsOn()).isBefore(from)
                        && !YearMonth.from(q.startsOn()).isAfter(to))
                .sorted(Comparator.comparing(Periods.PeriodRow::startsOn))
                .map(q -> new Quarter(
                        q.id(),
                        months.stream()
                                .filter(m -> !m.atDay(1).isBefore(q.startsOn())
                                        && !m.atDay(1).isAfter(q.endsOn()))
                                .toList()))
                .toList();
        BigDecimal attainment =
                whatIf.expectedAttainment() != null ? whatIf.expectedAttainment() : store.attainment(currency);
        var result = CapacityModel.compute(
                new CapacityModel.Inputs(months, fiscalQuarters, seats, byCount, attainment, targets(currency)));
        int hireHeads = hires.stream().mapToInt(PlannedHire::headcount).sum();
        int leaverHeads = leavings.stream()
                .mapToInt(l -> l.headcount() == null ? 1 : l.headcount())
                .sum();
        return new CapacityPlan(
                currency,
                from,
                to,
                attainment,
                reps.size(),
                withoutQuota,
                hireHeads,
                leaverHeads,
                result.months(),
                result.quarters(),
                result.total(),
                targetPlan(currency)
                        .map(t -> new CapacityPlan.TargetPlan(
                                t.planId(), t.name(), t.periodId(), t.state().name(), t.target(), t.settled()))
                        .orElse(null));
    }

    /** The average full monthly quota of the reps with one in that month: what a leaver not named yet takes away. */
    private static MonthlyQuota averageOf(List<ExistingReps.Rep> reps, List<Periods.PeriodRow> quarters) {
        Map<YearMonth, BigDecimal> cache = new HashMap<>();
        return month -> cache.computeIfAbsent(month, m -> {
            List<BigDecimal> amounts = reps.stream()
                    .filter(r -> !r.quotas().isEmpty())
                    .map(r -> r.monthly(m, quarters))
                    .filter(a -> a.signum() > 0)
                    .toList();
            if (amounts.isEmpty()) {
                return BigDecimal.ZERO;
            }
            return amounts.stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(amounts.size()), 2, RoundingMode.HALF_EVEN);
        });
    }

    // ---- writes: all checked first, then written in one transaction

    @Transactional
    public long saveProfile(RampProfile profile, String actor) {
        List<CapacityProblem> problems = new ArrayList<>(profile.problems(""));
        if (profile.id() != null && store.profile(profile.id()).isEmpty()) {
            throw new NotFoundException("ramp profile", profile.id());
        }
        if (profile.name() != null && !profile.name().isBlank() && store.nameTaken(profile.name(), profile.id())) {
            problems.add(new CapacityProblem(
                    "name",
                    "capacity.ramp.name.taken",
                    "is the name of another ramp profile",
                    profile.name().strip()));
        }
        refuseIf(problems);
        Optional<RampProfile> before = profile.id() == null ? Optional.empty() : store.profile(profile.id());
        long id = store.saveProfile(profile, actor);
        audit.record(
                actor,
                before.isPresent() ? "CAPACITY_RAMP_CHANGED" : "CAPACITY_RAMP_ADDED",
                "capacity_ramp_profile",
                Long.toString(id),
                before.map(CapacityPlanning::auditOf).orElse(null),
                auditOf(profile));
        return id;
    }

    @Transactional
    public void deleteProfile(long id, String actor) {
        RampProfile before = store.profile(id).orElseThrow(() -> new NotFoundException("ramp profile", id));
        int using = store.hiresUsing(id);
        if (using > 0) {
            refuseIf(List.of(new CapacityProblem(
                    "id", "capacity.ramp.inUse", "is used by " + using + " planned hires", before.name(), using)));
        }
        store.deleteProfile(id);
        audit.record(actor, "CAPACITY_RAMP_REMOVED", "capacity_ramp_profile", Long.toString(id), auditOf(before), null);
    }

    @Transactional
    public long addHire(PlannedHire hire, String actor) {
        Map<Long, RampProfile> profiles = store.profiles().stream().collect(Collectors.toMap(RampProfile::id, p -> p));
        refuseIf(hireProblems("", hire, profiles));
        long id = store.addHire(hire, actor);
        audit.record(actor, "CAPACITY_HIRE_ADDED", "capacity_hire", Long.toString(id), null, auditOf(hire));
        return id;
    }

    @Transactional
    public void removeHire(long id, String actor) {
        PlannedHire before = store.hire(id).orElseThrow(() -> new NotFoundException("planned hire", id));
        store.removeHire(id);
        audit.record(actor, "CAPACITY_HIRE_REMOVED", "capacity_hire", Long.toString(id), auditOf(before), null);
    }

    @Transactional
    public long addLeaving(PlannedLeaving leaving, String actor) {
        refuseIf(leavingProblems("", leaving));
        long id = store.addLeaving(leaving, actor);
        audit.record(
                actor, "CAPACITY_ATTRITION_ADDED", "capacity_attrition", Long.toString(id), null, auditOf(leaving));
        return id;
    }

    @Transactional
    public void removeLeaving(long id, String actor) {
        PlannedLeaving before = store.leaving(id).orElseThrow(() -> new NotFoundException("planned attrition", id));
        store.removeLeaving(id);
        audit.record(
                actor, "CAPACITY_ATTRITION_REMOVED", "capacity_attrition", Long.toString(id), auditOf(before), null);
    }

    /** Sets monthly targets (null amount: none); all or none. */
    @Transactional
    public void setTargets(String currency, Map<YearMonth, BigDecimal> targets, String actor) {
        refuseIf(targetProblems(currency, targets));
        Map<YearMonth, BigDecimal> before = store.targets(currency);
        List<AuditLog.Change> changes = new ArrayList<>();
        targets.forEach((month, amount) -> {
            BigDecimal old = before.get(month);
            if (old == null ? amount == null : amount != null && old.compareTo(amount) == 0) {
                return;
            }
            store.setTarget(currency, month, amount, actor);
            changes.add(new AuditLog.Change(
                    "capacity_target",
                    currency + "/" + month,
                    old == null ? null : Map.of("amount", old.toPlainString()),
                    amount == null ? null : Map.of("amount", amount.toPlainString())));
        });
        if (!changes.isEmpty()) {
            audit.recordAll(actor, "CAPACITY_TARGET_SET", changes, null);
        }
    }

    /** Targets and expected attainment from one form: both or neither. */
    @Transactional
    public void setTargetsAndAttainment(
            String currency, Map<YearMonth, BigDecimal> targets, BigDecimal attainment, String actor) {
        List<CapacityProblem> problems = new ArrayList<>(attainmentProblems("expectedAttainment", attainment));
        problems.addAll(targetProblems(currency, targets));
        refuseIf(problems);
        setTargets(currency, targets, actor);
        if (store.attainment(currency).compareTo(attainment) != 0) {
            setExpectedAttainment(currency, attainment, actor);
        }
    }

    @Transactional
    public void setExpectedAttainment(String currency, BigDecimal attainment, String actor) {
        List<CapacityProblem> problems = new ArrayList<>(currencyProblems("currency", currency));
        problems.addAll(attainmentProblems("expectedAttainment", attainment));
        refuseIf(problems);
        BigDecimal before = store.attainment(currency);
        store.setAttainment(currency, attainment, actor);
        audit.record(
                actor,
                "CAPACITY_ATTAINMENT_SET",
                "capacity_setting",
                currency,
                Map.of("expectedAttainment", before.toPlainString()),
                Map.of("expectedAttainment", attainment.toPlainString()));
    }

    // ---- checks

    private List<CapacityProblem> targetProblems(String currency, Map<YearMonth, BigDecimal> targets) {
        List<CapacityProblem> problems = new ArrayList<>(currencyProblems("currency", currency));
        targets.forEach((month, amount) -> {
            if (amount != null && amount.signum() < 0) {
                problems.add(new CapacityProblem(
                        "targets[" + month + "].amount",
                        "capacity.target.negative",
                        "must not be negative",
                        month.toString()));
            } else if (amount != null && amount.compareTo(IMPLAUSIBLE.multiply(BigDecimal.TEN)) >= 0) {
                problems.add(new CapacityProblem(
                        "targets[" + month + "].amount",
                        "capacity.target.implausible",
                        "is implausibly large",
                        month.toString()));
            }
        });
        return problems;
    }

    List<CapacityProblem> rangeProblems(String currency, YearMonth from, YearMonth to) {
        List<CapacityProblem> problems = new ArrayList<>(currencyProblems("currency", currency));
        if (from == null) {
            problems.add(
                    new CapacityProblem("from", "capacity.range.from.missing", "is required (a month, e.g. 2026-01)"));
        }
        if (to == null) {
            problems.add(new CapacityProblem("to", "capacity.range.to.missing", "is required (a month, e.g. 2026-12)"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new CapacityProblem(
                    "to", "capacity.range.reversed", "is before from", from.toString(), to.toString()));
        } else if (from != null && to != null && from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            problems.add(new CapacityProblem(
                    "to", "capacity.range.long", "is more than " + MAX_MONTHS + " months after from", MAX_MONTHS));
        }
        return problems;
    }

    private List<CapacityProblem> currencyProblems(String field, String currency) {
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            return List.of(new CapacityProblem(
                    field,
                    "capacity.currency.invalid",
                    "must be a currency code such as EUR",
                    String.valueOf(currency)));
        }
        return List.of();
    }

    private static List<CapacityProblem> attainmentProblems(String field, BigDecimal attainment) {
        if (attainment == null) {
            return List.of(new CapacityProblem(field, "capacity.attainment.missing", "is required"));
        }
        if (attainment.signum() <= 0 || attainment.compareTo(MAX_ATTAINMENT) > 0) {
            return List.of(
                    new CapacityProblem(field, "capacity.attainment.range", "must be above 0 and at most 2 (200 %)"));
        }
        if (attainment.stripTrailingZeros().scale() > 4) {
            return List.of(
                    new CapacityProblem(field, "capacity.attainment.scale", "has more than 4 decimals (0.01 %)"));
        }
        return List.of();
    }

    List<CapacityProblem> hireProblems(String p, PlannedHire h, Map<Long, RampProfile> profiles) {
        List<CapacityProblem> problems = new ArrayList<>();
        if (h.role() == null || h.role().isBlank()) {
            problems.add(new CapacityProblem(p + "role", "capacity.hire.role.missing", "is required"));
        } else if (h.role().strip().length() > 80) {
            problems.add(new CapacityProblem(p + "role", "capacity.hire.role.long", "is longer than 80 characters"));
        }
        problems.addAll(currencyProblems(p + "currency", h.currency()));
        if (h.startsOn() == null) {
            problems.add(new CapacityProblem(p + "startsOn", "capacity.hire.start.missing", "is required"));
        } else {
            closedPeriod(h.startsOn())
                    .ifPresent(period -> problems.add(new CapacityProblem(
                            p + "startsOn",
                            "capacity.hire.start.closed",
                            "falls in the closed period " + period + "; plan hires in open periods",
                            h.startsOn().toString(),
                            period)));
        }
        if (h.startsOn() != null && h.endsOn() != null && !h.endsOn().isAfter(h.startsOn())) {
            problems.add(new CapacityProblem(
                    p + "endsOn",
                    "capacity.hire.reversed",
                    "is not after the start date",
                    h.startsOn().toString(),
                    h.endsOn().toString()));
        }
        if (h.headcount() < 1 || h.headcount() > 1000) {
            problems.add(
                    new CapacityProblem(p + "headcount", "capacity.hire.headcount.range", "must be from 1 to 1000"));
        }
        if (h.monthlyQuota() == null) {
            problems.add(new CapacityProblem(p + "monthlyQuota", "capacity.hire.quota.missing", "is required"));
        } else if (h.monthlyQuota().signum() < 0) {
            problems.add(
                    new CapacityProblem(p + "monthlyQuota", "capacity.hire.quota.negative", "must not be negative"));
        } else if (h.monthlyQuota().compareTo(IMPLAUSIBLE) >= 0) {
            problems.add(
                    new CapacityProblem(p + "monthlyQuota", "capacity.hire.quota.implausible", "is implausibly large"));
        }
        if (h.rampProfileId() == null || !profiles.containsKey(h.rampProfileId())) {
            problems.add(
                    new CapacityProblem(p + "rampProfileId", "capacity.hire.ramp.unknown", "names no ramp profile"));
        }
        if (h.teamId() != null && teams.all().stream().noneMatch(t -> t.id() == h.teamId())) {
            problems.add(new CapacityProblem(p + "teamId", "capacity.hire.team.unknown", "names no team"));
        }
        return problems;
    }

    List<CapacityProblem> leavingProblems(String p, PlannedLeaving l) {
        List<CapacityProblem> problems = new ArrayList<>(currencyProblems(p + "currency", l.currency()));
        if ((l.personId() == null) == (l.headcount() == null)) {
            problems.add(new CapacityProblem(
                    p + "personId", "capacity.leaving.whoOrCount", "give either a person or a number of leavers"));
        }
        if (l.headcount() != null && (l.headcount() < 1 || l.headcount() > 1000)) {
            problems.add(
                    new CapacityProblem(p + "headcount", "capacity.leaving.headcount.range", "must be from 1 to 1000"));
        }
        if (l.leavesOn() == null) {
            problems.add(new CapacityProblem(p + "leavesOn", "capacity.leaving.date.missing", "is required"));
        } else {
            closedPeriod(l.leavesOn())
                    .ifPresent(period -> problems.add(new CapacityProblem(
                            p + "leavesOn",
                            "capacity.leaving.date.closed",
                            "falls in the closed period " + period + "; plan attrition in open periods",
                            l.leavesOn().toString(),
                            period)));
        }
        if (l.personId() != null) {
            var person = store.person(l.personId());
            if (person.isEmpty()) {
                problems.add(new CapacityProblem(
                        p + "personId", "capacity.leaving.person.unknown", "names no known person"));
            } else if (l.leavesOn() != null
                    && person.get().employmentStart() != null
                    && l.leavesOn().isBefore(person.get().employmentStart())) {
                problems.add(new CapacityProblem(
                        p + "leavesOn",
                        "capacity.leaving.reversed",
                        "is before the person was hired",
                        person.get().name(),
                        person.get().employmentStart().toString()));
            }
        }
        return problems;
    }

    /** The closed period (the month if closed, else the quarter or year) containing {@code day}, if any. */
    private Optional<String> closedPeriod(LocalDate day) {
        return periods.closed().stream()
                .filter(p -> !p.startsOn().isAfter(day) && !p.endsOn().isBefore(day))
                .min(Comparator.comparing(
                        p -> p.endsOn().toEpochDay() - p.startsOn().toEpochDay()))
                .map(Periods.PeriodRow::id);
    }

    private static PlannedHire withCurrency(PlannedHire h, String currency) {
        return h.currency() != null
                ? h
                : new PlannedHire(
                        h.id(),
                        h.role(),
                        h.startsOn(),
                        h.endsOn(),
                        h.teamId(),
                        currency,
                        h.headcount(),
                        h.monthlyQuota(),
                        h.rampProfileId());
    }

    private static PlannedLeaving withCurrency(PlannedLeaving l, String currency) {
        return l.currency() != null
                ? l
                : new PlannedLeaving(l.id(), l.personId(), l.headcount(), l.leavesOn(), currency, l.name());
    }

    private static void refuseIf(List<CapacityProblem> problems) {
        if (!problems.isEmpty()) {
            throw new CapacityProblem.Refused(problems);
        }
    }

    private static Map<String, Object> auditOf(RampProfile p) {
        return Map.of(
                "name",
                p.name().strip(),
                "cutoffDay",
                p.cutoffDay(),
                "percents",
                p.percents().stream().map(BigDecimal::toPlainString).toList(),
                "default",
                p.isDefault());
    }

    private static Map<String, Object> auditOf(PlannedHire h) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("role", h.role());
        m.put("startsOn", String.valueOf(h.startsOn()));
        m.put("endsOn", String.valueOf(h.endsOn()));
        m.put("teamId", h.teamId());
        m.put("currency", h.currency());
        m.put("headcount", h.headcount());
        m.put("monthlyQuota", h.monthlyQuota().toPlainString());
        m.put("rampProfileId", h.rampProfileId());
        return m;
    }

    private static Map<String, Object> auditOf(PlannedLeaving l) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("personId", l.personId());
        m.put("headcount", l.headcount());
        m.put("leavesOn", String.valueOf(l.leavesOn()));
        m.put("currency", l.currency());
        return m;
    }
}
