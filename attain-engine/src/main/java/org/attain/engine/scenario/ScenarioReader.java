package org.attain.engine.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.cel.DataDictionary;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanCompilation;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.FiscalCalendar;
import org.attain.engine.time.PeriodId;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.SourceLocation;
import org.attain.engine.yaml.YamlDocument;
import org.attain.engine.yaml.YamlNode;

/**
 * Reads a scenario file: plans (inline in the plan language, or from a plan file next to it), facts, and
 * the expected results. Every problem is reported with file, line and column.
 */
public final class ScenarioReader {

    private static final List<String> LEDGER_FIELDS =
            List.of("payout", "balance_after", "draw_balance_after", "held_after", "attainment", "quota");

    private final PlanCompiler compiler;

    public ScenarioReader(PlanCompiler compiler) {
        this.compiler = compiler;
    }

    public ScenarioParse read(Path file) {
        try {
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), file.getParent());
        } catch (IOException e) {
            Problems problems = new Problems();
            problems.add(new SourceLocation(file.toString(), 0, 0), "cannot read the file: " + e.getMessage());
            return new ScenarioParse(Optional.empty(), problems.list());
        }
    }

    /** {@code baseDir} resolves plan_file references; may be null when there are none. */
    public ScenarioParse read(String source, String text, Path baseDir) {
        Problems problems = new Problems();
        Optional<YamlNode> root = YamlDocument.parse(source, text, problems);
        if (root.isEmpty()) {
            return new ScenarioParse(Optional.empty(), problems.list());
        }
        MapReader s = MapReader.of(root.get(), "a scenario", problems);
        String id = s.string("scenario").orElse(source);
        String title = s.string("title").orElse("");
        s.string("story");
        CurrencyUnit currency = s.optional("currency")
                .flatMap(n -> s.parse(n, "currency", "an ISO currency code like USD", CurrencyUnit::of))
                .orElse(CurrencyUnit.of("USD"));
        CalculationInput.Builder input = CalculationInput.builder();
        s.integer("fiscal_year_start_month").ifPresent(m -> {
            if (m < 1 || m > 12) {
                problems.add(
                        root.get().keyLocation("fiscal_year_start_month"), "fiscal_year_start_month must be 1..12");
            } else {
                input.calendar(new FiscalCalendar(m));
            }
        });
        List<String> periodTexts = s.strings("periods");
        if (periodTexts.isEmpty()) {
            problems.add(root.get(), "missing required field 'periods' (e.g. [2026-Q1])");
        }
        for (String p : periodTexts) {
            try {
                input.period(PeriodId.parse(p));
            } catch (IllegalArgumentException e) {
                problems.add(root.get().keyLocation("periods"), e.getMessage());
            }
        }
        FactReader facts = new FactReader(problems, currency, input);
        List<PersonId> people = facts.people(s.list("people"));
        facts.reporting(s.list("reporting"));
        facts.quotas(s.list("quotas"));
        facts.pods(s.list("teams"), s.list("team_memberships"), s.list("team_quotas"), people);
        facts.fxRates(s.list("fx_rates"));
        facts.accounts(s.list("accounts"));
        facts.transactions(s.list("transactions"));
        facts.events(s.list("events"));
        facts.closePeriods(s.list("close_periods"));
        facts.kpiScores(s.list("kpi_scores"));
        facts.objectiveScores(s.list("objective_scores"), people);
        facts.adjustments(s.list("adjustments"));
        // Plans last: their conditions are checked against the fields the scenario's data has.
        PlanCompiler checking =
                compiler.checking(facts.dictionary(compiler.dictionary().orElse(DataDictionary.standard())));
        new TerritoryReader(problems, checking.cel(), people, facts)
                .read(s.list("territories"), s.optional("crediting"), input);
        plans(s, problems, currency, people, input, baseDir, checking);
        List<Check> checks = new ArrayList<>();
        for (YamlNode e : s.list("expected")) {
            if (e.isMapping() && e.entries().containsKey("run_issue")) {
                runIssue(e, problems, checks);
            } else {
                expected(e, problems, checks);
            }
        }
        for (YamlNode e : s.list("expected_errors")) {
            MapReader r = MapReader.of(e, "an expected error", problems);
            Optional<String> txn = r.requiredString("transaction");
            Optional<String> reason = r.requiredString("reason");
            r.rejectUnknownKeys();
            if (txn.isPresent() && reason.isPresent()) {
                checks.add(new Check(null, txn.get(), "excluded", reason.get(), e.location()));
            }
        }
        s.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            return new ScenarioParse(Optional.empty(), problems.list());
        }
        return new ScenarioParse(Optional.of(new Scenario(id, title, source, input.build(), checks)), List.of());
    }

    private void plans(
            MapReader s,
            Problems problems,
            CurrencyUnit currency,
            List<PersonId> people,
            CalculationInput.Builder input,
            Path baseDir,
            PlanCompiler compiler) {
        List<YamlNode> entries = new ArrayList<>(s.list("plans"));
        Optional<YamlNode> single = s.optional("plan");
        if (entries.isEmpty() && single.isEmpty()) {
            problems.add(s.node(), "missing required field 'plans' (or a single 'plan')");
        }
        List<String> planIds = new ArrayList<>();
        single.ifPresent(node -> compileVersions(compiler, node, currency, problems)
                .forEach(plan -> {
                    input.plan(plan);
                    if (!planIds.contains(plan.id())) {
                        planIds.add(plan.id());
                        people.forEach(p -> input.assignment(new PlanAssignment(p, plan.id(), DateRange.always())));
                    }
                }));
        RepeatedPlans repeated = new RepeatedPlans(problems);
        java.util.Set<PlanAssignment> assigned = new java.util.HashSet<>();
        for (YamlNode entry : entries) {
            MapReader r = MapReader.of(entry, "a plan assignment", problems);
            List<String> appliesTo = r.strings("applies_to");
            LocalDate from = r.date("from").orElse(LocalDate.MIN);
            LocalDate to = r.date("to").orElse(LocalDate.MAX);
            Optional<YamlNode> inline = r.optional("plan");
            Optional<String> file = r.string("plan_file");
            r.rejectUnknownKeys();
            List<CompiledPlan> defined = List.of();
            if (inline.isPresent()) {
                defined = compileVersions(compiler, inline.get(), currency, problems);
            } else if (file.isPresent()) {
                defined = compileFile(compiler, entry, baseDir, file.get(), currency, problems)
                        .map(List::of)
                        .orElse(List.of());
            } else {
                problems.add(entry, "a plan entry needs 'plan' (inline) or 'plan_file'");
            }
            if (defined.isEmpty()) {
                continue;
            }
            Optional<CompiledPlan> plan = Optional.of(defined.get(0));
            // A plan id seen before is the same plan file, another version, or an error: never a silent drop.
            if (repeated.add(entry, defined, file.orElse(null))) {
                defined.forEach(input::plan);
            }
            if (!planIds.contains(plan.get().id())) {
                planIds.add(plan.get().id());
            }
            List<PersonId> payees = appliesTo.isEmpty()
                    ? people
                    : appliesTo.stream().map(PersonId::of).toList();
            for (PersonId p : payees) {
                if (!people.contains(p)) {
                    problems.add(entry.keyLocation("applies_to"), "applies_to names unknown person '" + p + "'");
                }
                // Another version of a plan already assigned the same way adds a version, not a second assignment.
                PlanAssignment assignment = new PlanAssignment(p, plan.get().id(), new DateRange(from, to));
                if (assigned.add(assignment)) {
                    input.assignment(assignment);
                }
            }
        }
    }

    /** A plan, or every version of a plan written with {@code versions:}. */
    private static List<CompiledPlan> compileVersions(
            PlanCompiler compiler, YamlNode node, CurrencyUnit currency, Problems problems) {
        if (PlanVersionsReader.hasVersions(node)) {
            return new PlanVersionsReader(compiler, problems).read(node, currency);
        }
        return compile(compiler, node, currency, problems).map(List::of).orElse(List.of());
    }

    private static Optional<CompiledPlan> compile(
            PlanCompiler compiler, YamlNode node, CurrencyUnit currency, Problems problems) {
        PlanCompilation compiled = compiler.compile(node, currency);
        compiled.problems().forEach(problems::add);
        return compiled.plan();
    }

    private static Optional<CompiledPlan> compileFile(
            PlanCompiler compiler, YamlNode at, Path baseDir, String file, CurrencyUnit currency, Problems problems) {
        Path path = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(at, "cannot read plan_file '" + file + "': " + e.getMessage());
            return Optional.empty();
        }
        Problems planProblems = new Problems();
        Optional<YamlNode> root = YamlDocument.parse(path.toString(), text, planProblems);
        planProblems.list().forEach(problems::add);
        return root.flatMap(r -> compile(compiler, r, currency, problems));
    }

    /** {@code run_issue: {deal: D4, reason: ...}}: the run reports an issue naming the deal with this reason. */
    private static void runIssue(YamlNode e, Problems problems, List<Check> checks) {
        MapReader outer = MapReader.of(e, "an expected run issue", problems);
        Optional<YamlNode> body = outer.required("run_issue");
        outer.rejectUnknownKeys();
        if (body.isEmpty()) {
            return;
        }
        MapReader r = MapReader.of(body.get(), "a run issue", problems);
        Optional<String> deal = r.requiredString("deal");
        Optional<String> reason = r.requiredString("reason");
        r.rejectUnknownKeys();
        if (deal.isPresent() && reason.isPresent()) {
            checks.add(new Check(null, deal.get(), Check.RUN_ISSUE, reason.get(), e.location()));
        }
    }

    private void expected(YamlNode e, Problems problems, List<Check> checks) {
        MapReader r = MapReader.of(e, "an expected result", problems);
        Optional<String> person = r.requiredString("person");
        Optional<String> period = r.requiredString("period");
        Optional<String> component = r.string("component");
        r.string("note");
        String p = person.orElse("?");
        String q = period.orElse("?");
        period.ifPresent(text -> {
            try {
                PeriodId.parse(text);
            } catch (IllegalArgumentException ex) {
                problems.add(e.keyLocation("period"), ex.getMessage());
            }
        });
        int before = checks.size();
        if (component.isPresent()) {
            r.decimal("amount")
                    .ifPresent(a -> checks.add(new Check(p, q, component.get(), a.toPlainString(), e.location())));
            r.decimal("uncapped")
                    .ifPresent(a -> checks.add(
                            new Check(p, q, "uncapped:" + component.get(), a.toPlainString(), e.location())));
            r.string("for_period")
                    .ifPresent(a -> checks.add(new Check(p, q, "for_period:" + component.get(), a, e.location())));
            r.string("trace_contains")
                    .ifPresent(t -> checks.add(new Check(p, q, "trace:" + component.get(), t, e.location())));
            if (r.has("qualifying")) {
                checks.add(new Check(
                        p,
                        q,
                        "qualifying:" + component.get(),
                        String.join(
                                ",", r.strings("qualifying").stream().sorted().toList()),
                        e.location()));
            }
        }
        Optional<String> deal = r.string("deal");
        if (deal.isPresent()) {
            if (component.isPresent()) {
                problems.add(e.keyLocation("deal"), "an expected result names a 'deal' or a 'component', not both");
            }
            r.decimal("amount")
                    .ifPresent(a -> checks.add(new Check(p, q, "deal:" + deal.get(), a.toPlainString(), e.location())));
            r.string("plan_version")
                    .ifPresent(v -> checks.add(new Check(p, q, "plan_version:" + deal.get(), v, e.location())));
        }
        for (String field : LEDGER_FIELDS) {
            r.decimal(field).ifPresent(a -> checks.add(new Check(p, q, field, a.toPlainString(), e.location())));
        }
        r.rejectUnknownKeys();
        if (checks.size() == before) {
            problems.add(e, "an expected result needs a value to check (amount, payout, attainment, ...)");
        }
    }
}
