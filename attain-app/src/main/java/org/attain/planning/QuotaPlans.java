package org.attain.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.org.PersonScope;
import org.attain.org.PersonView;
import org.attain.org.Visibility;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quota plans: made over the reporting tree, allocated top-down by a method per node, answered bottom-up by
 * managers, reconciled, and moved draft → in review → approved → published by comp admins and admins.
 * Managers see the plans they are in, their own subtree's lines only, and submit for their subtree.
 */
@Service
public class QuotaPlans {

    private static final BigDecimal MAX_TARGET = new BigDecimal("1000000000000");

    private final QuotaPlanStore store;
    private final PlanTrees trees;
    private final Periods periods;
    private final FxRates fx;
    private final Visibility visibility;
    private final AuditLog audit;
    private final QuotaPlanPublishing publishing;
    private final Clock clock;

    QuotaPlans(
            QuotaPlanStore store,
            PlanTrees trees,
            Periods periods,
            FxRates fx,
            Visibility visibility,
            AuditLog audit,
            QuotaPlanPublishing publishing,
            Clock clock) {
        this.store = store;
        this.trees = trees;
        this.periods = periods;
        this.fx = fx;
        this.visibility = visibility;
        this.audit = audit;
        this.publishing = publishing;
        this.clock = clock;
    }

    /** What a new plan needs; measure, currency, root and method may be left out. */
    public record NewPlan(
            String name,
            String periodId,
            String measure,
            BigDecimal target,
            String currency,
            Long rootPersonId,
            AllocationMethod defaultMethod) {}

    /** A plan's settings; a null field keeps what the plan has. */
    public record Settings(
            BigDecimal target,
            AllocationMethod defaultMethod,
            BigDecimal blendEven,
            BigDecimal blendHistory,
            BigDecimal blendPipeline,
            BigDecimal upliftPercent) {}

    /**
     * One node of a plan as shown: the method that splits it (its own or the plan's), its top-down number, the
     * submitted number, bottom-up after uplift and the gap (bottom-up − top-down), a note (message key) when a
     * split fell back to even or set numbers do not add up, whether the user may submit here, and whether the
     * top-down number was set (by a planner or an import) rather than split from above.
     */
    public record Line(
            QuotaPlanNode node,
            boolean leaf,
            AllocationMethod method,
            BigDecimal topDown,
            BigDecimal submitted,
            BigDecimal bottomUp,
            BigDecimal gap,
            String note,
            boolean canSubmit,
            boolean set) {}

    /** A plan with the lines the user may see, in tree order; {@code planner}: the user may change it. */
    public record Detail(QuotaPlan plan, List<Line> lines, boolean planner) {}

    /** Comp admins and admins plan; managers read and submit. */
    public static boolean planner(AttainUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN);
    }

    /** Refuses a user who may not see this plan, as reading it would (403 for the role, 404 for the plan). */
    public void requireVisible(long id, AttainUser user) {
        requireAccess(user);
        visiblePlan(id, user);
    }

    static void requireAccess(AttainUser user) {
        if (!planner(user) && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("planning.forbidden", "Quota plans are for comp admins, admins and managers.");
        }
    }

    public static void requirePlanner(AttainUser user) {
        if (!planner(user)) {
            throw new ForbiddenException("planning.plannersOnly", "Only comp admins and admins change quota plans.");
        }
    }

    public List<QuotaPlan> list(AttainUser user) {
        requireAccess(user);
        if (planner(user)) {
            return store.all();
        }
        return user.personId() == null
                ? List.of()
                : store.including(user.personId()).stream()
                        .map(QuotaPlan::withoutTarget)
                        .toList();
    }

    public Detail detail(long id, AttainUser user) {
        requireAccess(user);
        QuotaPlan plan = visiblePlan(id, user);
        List<QuotaPlanNode> nodes = store.nodes(id);
        TopDown.Result allocation = allocate(plan, nodes);
        Map<Long, BigDecimal> submitted = store.submissions(id);
        Map<Long, BigDecimal> set = store.setTargets(id);
        Map<Long, Reconciliation.Line> reconciled = new HashMap<>();
        Reconciliation.of(topDownNodes(plan, nodes), allocation.amounts(), submitted, plan.upliftPercent())
                .forEach(l -> reconciled.put(l.personId(), l));
        Map<Long, List<QuotaPlanNode>> children = new LinkedHashMap<>();
        nodes.forEach(n ->
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n));
        PersonScope scope = planner(user) ? PersonScope.everyone() : visibility.scopeOf(user);
        boolean open = plan.state() == PlanState.DRAFT || plan.state() == PlanState.IN_REVIEW;
        List<Line> lines = new ArrayList<>();
        for (QuotaPlanNode n : treeOrder(nodes, children)) {
            if (!scope.includes(n.personId())) {
                continue;
            }
            boolean leaf = !children.containsKey(n.personId());
            Reconciliation.Line r = reconciled.get(n.personId());
            TopDown.Note note = allocation.notes().get(n.personId());
            lines.add(new Line(
                    n,
                    leaf,
                    leaf ? null : method(plan, n),
                    r.topDown(),
                    submitted.get(n.personId()),
                    r.bottomUp(),
                    r.gap(),
                    note == null ? null : "planning.note." + note.name(),
                    open && !leaf,
                    set.containsKey(n.personId())));
        }
        return new Detail(planner(user) ? plan : plan.withoutTarget(), lines, planner(user));
    }

    /** One of a plan's numbers as the import profiles read it: the person by employee id (id when there is none). */
    public record PlanNumber(long planId, String person, String periodId, BigDecimal amount, String currency) {}

    /**
     * Every node's top-down number (set or split) of a plan, in tree order, as kind quota_plan_targets reads it:
     * loaded back, each becomes a set number and the plan allocates the same. Planners only.
     */
    public List<PlanNumber> targetRows(long id, AttainUser user) {
        requirePlanner(user);
        Detail d = detail(id, user);
        Map<Long, String> employee = store.employeeIds(id);
        return d.lines().stream()
                .map(l -> new PlanNumber(
                        id,
                        employee.getOrDefault(
                                l.node().personId(), Long.toString(l.node().personId())),
                        d.plan().periodId(),
                        l.topDown(),
                        d.plan().currency()))
                .toList();
    }

    /** The managers' submitted numbers (before uplift) of a plan, as kind quota_plan_submissions reads them. */
    public List<PlanNumber> submissionRows(long id, AttainUser user) {
        requirePlanner(user);
        QuotaPlan plan = store.find(id).orElseThrow(() -> new NotFoundException("quota plan", id));
        Map<Long, String> employee = store.employeeIds(id);
        return store.submissions(id).entrySet().stream()
                .map(e -> new PlanNumber(
                        id,
                        employee.getOrDefault(e.getKey(), Long.toString(e.getKey())),
                        plan.periodId(),
                        e.getValue().setScale(2),
                        plan.currency()))
                .toList();
    }

    /**
     * A plan's top as a revenue target: its target split evenly over the months of its period (whole cents, the
     * residue to the first month), with what the capacity page shows of it.
     */
    public record Top(
            long planId,
            String name,
            String periodId,
            String currency,
            BigDecimal target,
            PlanState state,
            Map<YearMonth, BigDecimal> byMonth) {

        /** Approved or published: a number the company stands behind. */
        public boolean settled() {
            return state == PlanState.APPROVED || state == PlanState.PUBLISHED;
        }
    }

    /** A plan's top by month (for capacity planning, which is the planning module's own). */
    public Optional<Top> top(long id) {
        return store.find(id)
                .flatMap(plan -> periods.find(plan.periodId()).map(period -> {
                    List<Allocation.Share<YearMonth>> months = new ArrayList<>();
                    for (YearMonth m = YearMonth.from(period.startsOn());
                            !m.isAfter(YearMonth.from(period.endsOn()));
                            m = m.plusMonths(1)) {
                        months.add(new Allocation.Share<>(m, BigDecimal.ONE));
                    }
                    return new Top(
                            plan.id(),
                            plan.name(),
                            plan.periodId(),
                            plan.currency(),
                            plan.target().setScale(2),
                            plan.state(),
                            Allocation.split(plan.target().setScale(2), months));
                }));
    }

    /** The approved and published plans in a currency, newest first: the tops a capacity target may come from. */
    public List<QuotaPlan> settledIn(String currency) {
        return store.all().stream()
                .filter(p -> p.currency().equals(currency))
                .filter(p -> p.state() == PlanState.APPROVED || p.state() == PlanState.PUBLISHED)
                .toList();
    }

    @Transactional
    public QuotaPlan create(NewPlan p, AttainUser user) {
        requirePlanner(user);
        PlanRefused.Collector problems = new PlanRefused.Collector();
        String name = p.name() == null ? "" : p.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add("name", "planning.name.required", "is required (up to 200 characters)");
        }
        var period = p.periodId() == null ? Optional.<Periods.PeriodRow>empty() : periods.find(p.periodId());
        if (period.isEmpty() || period.get().kind() == PeriodKind.MONTH) {
            problems.add(
                    "periodId",
                    "planning.period.unknown",
                    "names no fiscal year or quarter",
                    String.valueOf(p.periodId()));
        }
        String measure = p.measure() == null || p.measure().isBlank()
                ? "bookings"
                : p.measure().strip();
        if (!measure.matches("[a-z][a-z0-9_]{0,39}")) {
            problems.add("measure", "planning.measure.invalid", "must be a measure id (lower case letters, digits, _)");
        }
        checkTarget(p.target(), problems);
        AllocationMethod method = p.defaultMethod() == null ? AllocationMethod.EVEN : p.defaultMethod();
        problems.throwIfAny();
        LocalDate asOf = period.get().startsOn();
        long rootId = p.rootPersonId() != null
                ? p.rootPersonId()
                : trees.top(asOf)
                        .map(PersonView::id)
                        .orElseThrow(() -> PlanRefused.of(
                                "rootPersonId",
                                "planning.root.ambiguous",
                                "the org has no single top on " + asOf + ": name the plan's root person",
                                asOf.toString()));
        String asked = p.currency() == null || p.currency().isBlank()
                ? null
                : p.currency().strip().toUpperCase(Locale.ROOT);
        PlanTrees.Snapshot tree;
        try {
            tree = trees.snapshot(rootId, asOf, asked, asOf.minusYears(1), asOf.minusDays(1), new RateTable(fx.all()));
        } catch (PlanTrees.NoRate e) {
            throw PlanRefused.of(
                    "currency",
                    "planning.currency.noRate",
                    "no exchange rate converts " + e.from + " to the plan's currency on " + asOf,
                    e.from,
                    asOf.toString());
        }
        List<QuotaPlanNode> nodes = tree.nodes();
        if (nodes.isEmpty()) {
            throw PlanRefused.of(
                    "rootPersonId",
                    "planning.root.carriesNothing",
                    "the root person has no reps below them on " + asOf,
                    asOf.toString());
        }
        String planCurrency = tree.currency();
        long id = store.insert(
                new QuotaPlanStore.NewPlan(
                        name, p.periodId(), measure, planCurrency, p.target().setScale(2), rootId, asOf, method),
                nodes,
                user.getUsername(),
                clock.instant());
        audit.record(
                user.getUsername(),
                "QUOTA_PLAN_CREATED",
                "quota_plan",
                Long.toString(id),
                null,
                Map.of(
                        "name",
                        name,
                        "period",
                        p.periodId(),
                        "target",
                        p.target().toPlainString(),
                        "currency",
                        planCurrency,
                        "nodes",
                        nodes.size()));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public QuotaPlan settings(long id, Settings s, AttainUser user) {
        requirePlanner(user);
        QuotaPlan plan = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("quota plan", id));
        PlanRefused.Collector problems = new PlanRefused.Collector();
        boolean allocationChanges = s.target() != null
                || s.defaultMethod() != null
                || s.blendEven() != null
                || s.blendHistory() != null
                || s.blendPipeline() != null;
        if (allocationChanges && plan.state() != PlanState.DRAFT) {
            problems.add("state", "planning.state.notDraft", "the allocation changes only while the plan is a draft");
        }
        if (s.upliftPercent() != null && plan.state() != PlanState.DRAFT && plan.state() != PlanState.IN_REVIEW) {
            problems.add("state", "planning.state.closed", "the plan is approved or published");
        }
        if (s.target() != null) {
            checkTarget(s.target(), problems);
        }
        checkBlend("blendEven", s.blendEven(), problems);
        checkBlend("blendHistory", s.blendHistory(), problems);
        checkBlend("blendPipeline", s.blendPipeline(), problems);
        if (s.upliftPercent() != null
                && (s.upliftPercent().compareTo(new BigDecimal("-99")) < 0
                        || s.upliftPercent().compareTo(new BigDecimal("1000")) > 0)) {
            problems.add("upliftPercent", "planning.uplift.range", "must lie between -99 and 1000 (percent)");
        }
        problems.throwIfAny();
        QuotaPlanStore.Settings next = new QuotaPlanStore.Settings(
                s.target() == null ? plan.target() : s.target().setScale(2),
                s.defaultMethod() == null ? plan.defaultMethod() : s.defaultMethod(),
                s.blendEven() == null ? plan.blendEven() : s.blendEven(),
                s.blendHistory() == null ? plan.blendHistory() : s.blendHistory(),
                s.blendPipeline() == null ? plan.blendPipeline() : s.blendPipeline(),
                s.upliftPercent() == null ? plan.upliftPercent() : s.upliftPercent());
        store.update(id, next);
        audit.record(
                user.getUsername(),
                "QUOTA_PLAN_CHANGED",
                "quota_plan",
                Long.toString(id),
                settingsOf(plan),
                settingsOf(store.find(id).orElseThrow()));
        return store.find(id).orElseThrow();
    }

    /** The method that splits one node among its reports; null returns it to the plan's default. */
    @Transactional
    public void method(long id, long personId, AllocationMethod method, AttainUser user) {
        requirePlanner(user);
        QuotaPlan plan = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("quota plan", id));
        if (plan.state() != PlanState.DRAFT) {
            throw PlanRefused.of(
                    "state", "planning.state.notDraft", "the allocation changes only while the plan is a draft");
        }
        QuotaPlanNode node = store.nodes(id).stream()
                .filter(n -> n.personId() == personId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("person in quota plan", personId));
        store.method(id, personId, method);
        audit.record(
                user.getUsername(),
                "QUOTA_PLAN_METHOD",
                "quota_plan",
                id + "/" + personId,
                node.method() == null ? null : Map.of("method", node.method().name()),
                method == null ? null : Map.of("method", method.name()));
    }

    /**
     * Sets one node's number instead of its top-down share (null clears it: the node takes its share again). Only
     * while the plan is a draft; the node's reports then share the set number.
     */
    @Transactional
    public void setTarget(long id, long personId, BigDecimal amount, AttainUser user) {
        requirePlanner(user);
        setTargetAs(id, personId, amount, user.getUsername());
    }

    void setTargetAs(long id, long personId, BigDecimal amount, String actor) {
        QuotaPlan plan = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("quota plan", id));
        QuotaPlanNode node = store.nodes(id).stream()
                .filter(n -> n.personId() == personId)
                .findFirst()
                .orElseThrow(() -> PlanRefused.of(
                        "personId",
                        "planning.target.notInPlan",
                        "person " + personId + " is not in the plan's tree",
                        personId));
        PlanRefused.Collector problems = new PlanRefused.Collector();
        if (plan.state() != PlanState.DRAFT) {
            problems.add("state", "planning.state.notDraft", "the allocation changes only while the plan is a draft");
        }
        if (amount != null) {
            checkTarget(amount, problems, "amount");
        }
        problems.throwIfAny();
        BigDecimal before = store.setTargets(id).get(personId);
        store.setTarget(id, personId, amount == null ? null : amount.setScale(2), actor, clock.instant());
        audit.record(
                actor,
                "QUOTA_PLAN_TARGET_SET",
                "quota_plan",
                id + "/" + personId,
                before == null ? null : Map.of("amount", before.toPlainString(), "name", node.name()),
                amount == null ? null : Map.of("amount", amount.setScale(2).toPlainString(), "name", node.name()));
    }

    /** A manager's number for their subtree (before uplift); the latest counts. */
    @Transactional
    public void submit(long id, long personId, BigDecimal amount, AttainUser user) {
        requireAccess(user);
        visiblePlan(id, user);
        if (!planner(user) && !visibility.canSee(user, personId)) {
            throw new NotFoundException("person in quota plan", personId);
        }
        submitAs(id, personId, amount, user.getUsername());
    }

    void submitAs(long id, long personId, BigDecimal amount, String actor) {
        QuotaPlan plan = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("quota plan", id));
        List<QuotaPlanNode> nodes = store.nodes(id);
        if (nodes.stream().noneMatch(n -> n.personId() == personId)) {
            throw new NotFoundException("person in quota plan", personId);
        }
        PlanRefused.Collector problems = new PlanRefused.Collector();
        if (nodes.stream().noneMatch(n -> Long.valueOf(personId).equals(n.parentId()))) {
            problems.add(
                    "personId", "planning.submit.notAManager", "only a manager submits a number for their subtree");
        }
        if (plan.state() != PlanState.DRAFT && plan.state() != PlanState.IN_REVIEW) {
            problems.add("state", "planning.state.closed", "the plan is approved or published");
        }
        checkTarget(amount, problems, "amount");
        problems.throwIfAny();
        BigDecimal before = store.submission(id, personId).orElse(null);
        store.submit(id, personId, amount.setScale(2), actor, clock.instant());
        audit.record(
                actor,
                "QUOTA_PLAN_SUBMITTED",
                "quota_plan",
                id + "/" + personId,
                before == null ? null : Map.of("amount", before.toPlainString()),
                Map.of("amount", amount.toPlainString()));
    }

    /** Moves a plan to its next state (or back to draft); publishing writes the quotas in the same transaction. */
    @Transactional
    public QuotaPlan move(long id, PlanState to, AttainUser user) {
        requirePlanner(user);
        QuotaPlan plan = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("quota plan", id));
        PlanState from = plan.state();
        boolean allowed = switch (to) {
            case IN_REVIEW -> from == PlanState.DRAFT;
            case APPROVED -> from == PlanState.IN_REVIEW;
            case PUBLISHED -> from == PlanState.APPROVED;
            case DRAFT -> from == PlanState.IN_REVIEW || from == PlanState.APPROVED;
        };
        if (!allowed) {
            throw PlanRefused.of(
                    "state",
                    "planning.state.cannotMove",
                    "a " + from + " plan cannot become " + to,
                    from.name(),
                    to.name());
        }
        if (to == PlanState.PUBLISHED) {
            List<QuotaPlanNode> nodes = store.nodes(id);
            publishing.publish(plan, nodes, allocate(plan, nodes).amounts(), user.getUsername());
        }
        store.move(id, from, to, user.getUsername(), clock.instant());
        audit.record(
                user.getUsername(),
                "QUOTA_PLAN_" + to.name(),
                "quota_plan",
                Long.toString(id),
                Map.of("state", from.name()),
                Map.of("state", to.name()));
        return store.find(id).orElseThrow();
    }

    // Everything below reads the plan's own tables: the allocation is recomputed from the snapshot, never stored.

    TopDown.Result allocate(QuotaPlan plan, List<QuotaPlanNode> nodes) {
        return TopDown.allocate(
                plan.target(),
                topDownNodes(plan, nodes),
                new TopDown.Blend(plan.blendEven(), plan.blendHistory(), plan.blendPipeline()),
                store.setTargets(plan.id()));
    }

    private static List<TopDown.Node> topDownNodes(QuotaPlan plan, List<QuotaPlanNode> nodes) {
        return nodes.stream()
                .map(n -> new TopDown.Node(
                        n.personId(), n.parentId(), method(plan, n), n.history(), n.pipeline(), n.potential()))
                .toList();
    }

    private static AllocationMethod method(QuotaPlan plan, QuotaPlanNode n) {
        return n.method() == null ? plan.defaultMethod() : n.method();
    }

    private QuotaPlan visiblePlan(long id, AttainUser user) {
        QuotaPlan plan = store.find(id).orElseThrow(() -> new NotFoundException("quota plan", id));
        if (!planner(user)
                && (user.personId() == null
                        || store.including(user.personId()).stream().noneMatch(p -> p.id() == id))) {
            throw new NotFoundException("quota plan", id);
        }
        return plan;
    }

    private static List<QuotaPlanNode> treeOrder(List<QuotaPlanNode> nodes, Map<Long, List<QuotaPlanNode>> children) {
        List<QuotaPlanNode> out = new ArrayList<>();
        nodes.stream().filter(n -> n.parentId() == null).forEach(root -> walk(root, children, out));
        return out;
    }

    private static void walk(QuotaPlanNode n, Map<Long, List<QuotaPlanNode>> children, List<QuotaPlanNode> out) {
        out.add(n);
        children.getOrDefault(n.personId(), List.of()).forEach(c -> walk(c, children, out));
    }

    private static void checkTarget(BigDecimal amount, PlanRefused.Collector problems) {
        checkTarget(amount, problems, "target");
    }

    private static void checkTarget(BigDecimal amount, PlanRefused.Collector problems, String field) {
        if (amount == null) {
            problems.add(field, "planning.amount.required", "is required");
        } else if (amount.signum() < 0) {
            problems.add(field, "planning.amount.negative", "must not be negative");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(field, "planning.amount.cents", "must be whole cents (at most two decimals)");
        } else if (amount.compareTo(MAX_TARGET) >= 0) {
            problems.add(field, "planning.amount.implausible", "is implausibly large");
        }
    }

    private static void checkBlend(String field, BigDecimal weight, PlanRefused.Collector problems) {
        if (weight != null && (weight.signum() < 0 || weight.compareTo(new BigDecimal("1000")) > 0)) {
            problems.add(field, "planning.blend.range", "must lie between 0 and 1000");
        }
    }

    private static Map<String, Object> settingsOf(QuotaPlan p) {
        return Map.of(
                "target",
                p.target().toPlainString(),
                "defaultMethod",
                p.defaultMethod().name(),
                "blend",
                p.blendEven().toPlainString() + "/" + p.blendHistory().toPlainString() + "/"
                        + p.blendPipeline().toPlainString(),
                "upliftPercent",
                p.upliftPercent().toPlainString());
    }
}
