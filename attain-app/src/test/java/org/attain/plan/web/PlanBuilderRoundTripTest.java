package org.attain.plan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.cel.PeriodCondition;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanCompilation;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioReport;
import org.attain.engine.scenario.ScenarioRunner;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlDocument;
import org.attain.plan.PlanTemplates;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The plan builder's form round-trips with the YAML: every plan of the golden scenarios, the examples and the demo
 * company goes YAML -> form -> YAML. Unchanged, the text comes back byte for byte; written again field by field and
 * table by table, it compiles to the same plan, pays the golden cases' hand-checked numbers, and is stable on a
 * second round trip. Every key of those plans is a field of the form (none is left to the read-only "other" block,
 * except a scenario's {@code versions}, which the app's plan documents do not have).
 */
class PlanBuilderRoundTripTest {

    private static final Path ROOT = Path.of("..");
    private static final PlanCompiler COMPILER = new PlanCompiler();

    @TempDir
    Path temp;

    /** A plan document and where it comes from; {@code scenario}: the golden file it sits in, if any. */
    record Source(String name, String text, Path scenario, Node node) {}

    static List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("scenarios/golden"))) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                YamlText doc = YamlText.parse(Files.readString(file)).orElseThrow();
                YamlText.value(doc.root(), "plan").ifPresent(p -> out.add(source(file, doc, p, "plan")));
                List<Node> plans =
                        YamlText.items(YamlText.value(doc.root(), "plans").orElse(null));
                for (int i = 0; i < plans.size(); i++) {
                    int n = i;
                    YamlText.value(plans.get(i), "plan")
                            .ifPresent(p -> out.add(source(file, doc, p, "plans[" + n + "]")));
                }
            }
        }
        try (Stream<Path> files = Files.list(ROOT.resolve("examples/plans"))) {
            for (Path file : files.sorted().toList()) {
                out.add(new Source(file.getFileName().toString(), Files.readString(file), null, null));
            }
        }
        for (String currency : List.of("USD", "EUR", "GBP", "AUD")) {
            String c = currency.toLowerCase();
            out.add(new Source(
                    "demo ae-" + c,
                    PlanTemplates.accountExecutiveWithSpiff(
                            "ae-" + c, "Account Executive plan (" + currency + ")", currency),
                    null,
                    null));
            out.add(new Source(
                    "demo mgr-" + c,
                    PlanTemplates.managerOverride("mgr-" + c, "Sales manager override (" + currency + ")", currency),
                    null,
                    null));
        }
        out.add(new Source("new plan", PlanPages.NEW_PLAN, null, null));
        return out;
    }

    private static Source source(Path file, YamlText doc, Node plan, String where) {
        return new Source(file.getFileName() + " " + where, doc.block(plan), file, plan);
    }

    @TestFactory
    Stream<DynamicTest> everyPlanComesBackUnchangedFromAnUntouchedForm() throws IOException {
        return sources().stream()
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    PlanForm form = PlanForm.read(s.text());
                    assertThat(form.readable()).isTrue();
                    assertThat(PlanFormWriter.write(s.text(), PlanFormWriter.submitted(form)))
                            .isEqualTo(s.text());
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyPlanWrittenAgainFromTheFormCompilesToTheSamePlanAndIsStable() throws IOException {
        return sources().stream()
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    String once = PlanFormWriter.rewrite(s.text(), PlanFormWriter.submitted(PlanForm.read(s.text())));
                    String twice = PlanFormWriter.rewrite(once, PlanFormWriter.submitted(PlanForm.read(once)));
                    assertThat(twice).as("second round trip").isEqualTo(once);
                    if (s.text().contains("\nversions:")) {
                        return; // a scenario's plan versions are read by the scenario runner (checked below)
                    }
                    assertThat(fingerprint(compile(once))).isEqualTo(fingerprint(compile(s.text())));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyFormFieldCoversTheGoldenPlansKeys() throws IOException {
        return sources().stream()
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    PlanForm form = PlanForm.read(s.text());
                    String other = form.other();
                    assertThat(other.isEmpty() || other.startsWith("versions:"))
                            .as(other)
                            .isTrue();
                    form.components()
                            .forEach(c -> assertThat(c.other()).as(c.id()).isEmpty());
                    form.measures()
                            .forEach(m -> assertThat(m.other()).as(m.id()).isEmpty());
                }));
    }

    /** Each golden case, its plans written again from the form, still pays its hand-checked numbers. */
    @TestFactory
    Stream<DynamicTest> everyGoldenCasePaysTheSameWithItsPlansWrittenFromTheForm() throws IOException {
        Map<Path, List<Source>> byFile = new LinkedHashMap<>();
        sources().stream()
                .filter(s -> s.scenario() != null)
                .forEach(s -> byFile.computeIfAbsent(s.scenario(), k -> new ArrayList<>())
                        .add(s));
        return byFile.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey().getFileName().toString(), () -> {
                    YamlText doc = YamlText.parse(Files.readString(e.getKey())).orElseThrow();
                    for (Source s : e.getValue()) {
                        String again =
                                PlanFormWriter.rewrite(s.text(), PlanFormWriter.submitted(PlanForm.read(s.text())));
                        doc.replaceBlock(s.node(), again);
                    }
                    String scenario = doc.apply();
                    assertThat(scenario).isNotEqualTo(Files.readString(e.getKey()));
                    Path file = temp.resolve(e.getKey().getFileName());
                    Files.writeString(file, scenario);
                    ScenarioReport report = new ScenarioRunner().run(file);
                    assertThat(report.passed())
                            .as(report.problems() + " " + report.results() + "\n" + scenario)
                            .isTrue();
                }));
    }

    @Test
    void aTieredPlanWithASpiffAndACapIsBuiltFromABlankPlanWithoutWritingYaml() {
        String blank = PlanBuilderPages.BLANK_PLAN;
        String withTiers =
                PlanFormWriter.write(blank, Map.of("action", List.of("add-component"), "newKind", List.of("tiered")));
        Map<String, List<String>> form = new LinkedHashMap<>(PlanFormWriter.submitted(PlanForm.read(withTiers)));
        form.put("plan.id", List.of("ae-built"));
        form.put("c0.tiers.from", List.of("0.00", "0.50", "1.00"));
        form.put("c0.tiers.to", List.of("0.50", "1.00", ""));
        form.put("c0.tiers.rate", List.of("0.05", "0.08", "0.12"));
        form.put("c0.cap_per_period", List.of("8000.00"));
        form.put("action", List.of("add-component"));
        form.put("newKind", List.of("spiff"));
        String withSpiff = PlanFormWriter.write(withTiers, form);
        Map<String, List<String>> again = new LinkedHashMap<>(PlanFormWriter.submitted(PlanForm.read(withSpiff)));
        again.put("c1.when", List.of("deal.type == 'new_logo'"));
        String plan = PlanFormWriter.write(withSpiff, again);

        assertThat(plan).isEqualTo("""
                        id: ae-built
                        name: New plan
                        currency: USD
                        frequency: quarter
                        components:
                          - id: tiered_1
                            kind: tiered
                            tier_mode: marginal
                            tiers_on: attainment
                            tiers:
                              - {from: "0.00", to: "0.50", rate: "0.05"}
                              - {from: "0.50", to: "1.00", rate: "0.08"}
                              - {from: "1.00", rate: "0.12"}
                            cap_per_period: "8000.00"
                          - id: spiff_1
                            kind: spiff
                            amount: "250.00"
                            when: "deal.type == 'new_logo'"
                        """);
        assertThat(COMPILER.compile("plan.yaml", plan).problems()).isEmpty();
    }

    /** A plan with a comment and a key the form does not know, to see both kept through every edit below. */
    private static final String EDITED = """
            id: ae-edit
            name: AE edit
            currency: USD
            frequency: quarter
            # bookings: won deals, credited to their owner
            measures:
              - id: bookings
                statuses: [won]
                credit:
                  - {id: owner, from: self}
            components:
              - id: commission
                kind: tiered
                measure: bookings
                tier_mode: marginal
                tiers_on: attainment
                tiers:
                  - {from: "0.00", to: "1.00", rate: "0.05"}
                  - {from: "1.00", rate: "0.08"}
                cap_per_period: "9000.00"
              - id: bonus
                kind: curve
                curve_on: attainment
                points:
                  - {at: "0.50", pay: "0.00"}
                  - {at: "1.00", pay: "5000.00"}
              - id: goals
                kind: mbo
                target: "2000.00"
                objectives: [{id: o1, weight: "1.00"}]
              - {id: by_product, kind: rate_table, keys: [deal.product], rows: [{key: ["*"], rate: "0.05"}]}
            x_reviewed_by: finance # kept as written
            """;

    /** The form as a browser submits it after {@code edit} (rows removed in the browser send no cells at all). */
    private static String submit(String plan, java.util.function.Consumer<Map<String, List<String>>> edit) {
        Map<String, List<String>> form = new LinkedHashMap<>(PlanFormWriter.submitted(PlanForm.read(plan)));
        edit.accept(form);
        return PlanFormWriter.write(plan, form);
    }

    /** The plan without the key the plan language does not know (the check would name only that). */
    private static String known(String plan) {
        assertThat(plan).contains("x_reviewed_by: finance # kept as written\n");
        return plan.replace("x_reviewed_by: finance # kept as written\n", "");
    }

    private static void emptied(Map<String, List<String>> form, String table) {
        form.keySet().removeIf(k -> k.startsWith(table + "."));
    }

    @Test
    void removingEveryRowOfATableTheKindNeedsWritesAnEmptyListAndTheCheckNamesItBesideTheTable() {
        for (String table : List.of("c0.tiers", "c1.points", "c2.objectives", "c3.rows")) {
            String plan = submit(EDITED, f -> emptied(f, table));
            String key = table.substring(3);
            assertThat(plan)
                    .as(table)
                    .contains(key + ": []")
                    .contains("# bookings: won deals, credited to their owner")
                    .contains("x_reviewed_by: finance # kept as written");
            PlanForm form = PlanForm.read(plan);
            assertThat(form.components()
                            .get(Integer.parseInt(table.substring(1, 2)))
                            .table()
                            .rows())
                    .isEmpty();
            PlanCompilation compiled = COMPILER.compile("plan.yaml", known(plan));
            assertThat(compiled.problems()).as(table).hasSize(1);
            // beside the table; a component written on one line (flow) has it beside the whole component
            assertThat(form.fieldAt(compiled.problems().get(0).line()))
                    .as(table)
                    .isEqualTo(table.equals("c3.rows") ? "c3" : table);
        }
        // Only that table changed: everything else is as written.
        assertThat(submit(EDITED, f -> emptied(f, "c0.tiers"))).isEqualTo(EDITED.replace("""
                            tiers:
                              - {from: "0.00", to: "1.00", rate: "0.05"}
                              - {from: "1.00", rate: "0.08"}
                        """, """
                            tiers: []
                        """));
    }

    @Test
    void removingEveryCreditRuleRemovesTheKeyAndTheMeasureCreditsTheOwnerAsWithout() {
        String plan = submit(EDITED, f -> emptied(f, "m0.credit"));
        assertThat(plan).isEqualTo(EDITED.replace("""
                            credit:
                              - {id: owner, from: self}
                        """, ""));
        assertThat(PlanForm.read(plan).measures().get(0).credit().rows()).isEmpty();
        assertThat(COMPILER.compile("plan.yaml", known(plan)).problems()).isEmpty();
    }

    @Test
    void changingAComponentsKindRemovesTheOldKindsFieldsAndTableAndStartsTheNewKinds() {
        String rate = submit(EDITED, f -> f.put("c0.kind", List.of("rate")));
        assertThat(rate).isEqualTo(EDITED.replace("""
                            kind: tiered
                            measure: bookings
                            tier_mode: marginal
                            tiers_on: attainment
                            tiers:
                              - {from: "0.00", to: "1.00", rate: "0.05"}
                              - {from: "1.00", rate: "0.08"}
                            cap_per_period: "9000.00"
                        """, """
                            kind: rate
                            measure: bookings
                            cap_per_period: "9000.00"
                            rate: "0.05"
                        """));
        PlanForm form = PlanForm.read(rate);
        assertThat(form.components().get(0).table()).isNull();
        assertThat(form.components().get(0).other()).isEmpty();
        assertThat(COMPILER.compile("plan.yaml", known(rate)).problems()).isEmpty();

        // A curve becomes tiered, a flow-written rate table a spiff: nothing of the old kind stays.
        String tiered = submit(rate, f -> {
            f.put("c1.kind", List.of("tiered"));
            f.put("c3.kind", List.of("spiff"));
        });
        assertThat(tiered)
                .contains("""
                              - id: bonus
                                kind: tiered
                                tier_mode: marginal
                                tiers_on: attainment
                                tiers:
                                  - {from: "0.00", to: "1.00", rate: "0.05"}
                                  - {from: "1.00", rate: "0.08"}
                              - id: goals
                            """)
                .contains("- {id: by_product, kind: spiff, amount: \"250.00\"}")
                .doesNotContain("points", "curve_on", "keys:", "rows:")
                .contains("x_reviewed_by: finance # kept as written");
        assertThat(COMPILER.compile("plan.yaml", known(tiered)).problems()).isEmpty();
        // Read back, the form shows the new kind's table and no left-over key.
        PlanForm back = PlanForm.read(tiered);
        assertThat(back.components().get(1).table().rows()).hasSize(2);
        back.components().forEach(c -> assertThat(c.other()).as(c.id()).isEmpty());
    }

    private static CompiledPlan compile(String text) {
        Problems problems = new Problems();
        PlanCompilation compiled =
                COMPILER.compile(YamlDocument.parse("plan.yaml", text, problems).orElseThrow(), CurrencyUnit.of("USD"));
        assertThat(compiled.problems()).as(text).isEmpty();
        return compiled.orThrow();
    }

    /** A compiled plan as text: every record component, conditions as their expression, decimals by value. */
    static String fingerprint(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof DealCondition d) {
            return "deal(" + d.text() + ")";
        }
        if (o instanceof PeriodCondition p) {
            return "period(" + p.text() + ")";
        }
        if (o instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (o instanceof Optional<?> opt) {
            return opt.map(PlanBuilderRoundTripTest::fingerprint).orElse("none");
        }
        if (o instanceof Collection<?> c) {
            List<String> items =
                    c.stream().map(PlanBuilderRoundTripTest::fingerprint).toList();
            return (o instanceof java.util.Set ? items.stream().sorted().toList() : items).toString();
        }
        if (o.getClass().isRecord()) {
            StringBuilder b = new StringBuilder(o.getClass().getSimpleName()).append('{');
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    b.append(rc.getName())
                            .append('=')
                            .append(fingerprint(rc.getAccessor().invoke(o)))
                            .append(' ');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return b.append('}').toString();
        }
        return o.toString();
    }
}
