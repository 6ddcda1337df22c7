package org.attain.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.access.AuditLog;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.CheckResult;
import org.attain.engine.scenario.ScenarioParse;
import org.attain.engine.scenario.ScenarioReader;
import org.attain.engine.scenario.ScenarioReport;
import org.attain.engine.scenario.ScenarioRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Test cases attached to a plan. A scenario body holds people, quotas, deals and expected pay but no
 * plan: the plan under test (a draft being edited, or the latest version) is put in as its {@code plan},
 * so the same cases guard every change before it is published.
 */
@Service
public class PlanScenarios {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PlanDictionary dictionary;

    PlanScenarios(JdbcClient jdbc, AuditLog audit, PlanDictionary dictionary) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.dictionary = dictionary;
    }

    public record Attached(long id, String planKey, String name, String body) {}

    public record Outcome(String name, boolean passed, List<Plans.Problem> problems, List<Row> rows) {

        public Outcome withProblems(List<Plans.Problem> shown) {
            return new Outcome(name, passed, shown, rows);
        }
    }

    /** Whether publishing needs the author's confirmation: no scenario, or one that does not pass. */
    public static boolean needConfirmation(List<Outcome> outcomes) {
        return outcomes.isEmpty() || outcomes.stream().anyMatch(o -> !o.passed());
    }

    public record Row(
            String person,
            String period,
            String what,
            String expected,
            String actual,
            boolean ok,
            String explanation) {}

    public List<Attached> of(String planKey) {
        return jdbc.sql("select id, plan_key, name, body from plan_scenario where plan_key = :k order by name")
                .param("k", planKey)
                .query(Attached.class)
                .list();
    }

    public void attach(String planKey, String name, String body, String actor) {
        jdbc.sql("""
                insert into plan_scenario(plan_key, name, body, created_by) values (:k, :n, :b, :a)
                on conflict (plan_key, name) do update set body = excluded.body, created_by = excluded.created_by""")
                .param("k", planKey)
                .param("n", name)
                .param("b", body)
                .param("a", actor)
                .update();
        audit.record(actor, "PLAN_SCENARIO_SAVED", "plan", planKey, null, Map.of("scenario", name));
    }

    /**
     * Removes a scenario by its id, whatever its body says (one that no longer reads, e.g. with a bad key, can
     * be removed too). False when the plan has no such scenario.
     */
    public boolean delete(String planKey, long id, String actor) {
        var name = jdbc.sql("delete from plan_scenario where plan_key = :k and id = :id returning name")
                .param("k", planKey)
                .param("id", id)
                .query(String.class)
                .optional();
        name.ifPresent(n -> audit.record(actor, "PLAN_SCENARIO_DELETED", "plan", planKey, null, Map.of("scenario", n)));
        return name.isPresent();
    }

    /** Runs every scenario attached to the plan against the given plan text. Nothing is stored. */
    public List<Outcome> runAll(String planKey, String planYaml) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Attached a : of(planKey)) {
            outcomes.add(run(a.name(), a.body(), planYaml));
        }
        return outcomes;
    }

    Outcome run(String name, String body, String planYaml) {
        String text = withPlan(body, planYaml);
        PlanCompiler compiler = dictionary.compiler();
        ScenarioParse parse = new ScenarioReader(compiler).read(name, text, Path.of("."));
        if (parse.scenario().isEmpty()) {
            return new Outcome(
                    name,
                    false,
                    parse.problems().stream()
                            .map(p ->
                                    new Plans.Problem(p.source(), p.line(), p.column(), p.reason(), p.code(), p.args()))
                            .toList(),
                    List.of());
        }
        ScenarioReport report =
                new ScenarioRunner(compiler).run(parse.scenario().get());
        List<Row> rows = new ArrayList<>();
        for (CheckResult r : report.results()) {
            rows.add(new Row(
                    r.check().person(),
                    r.check().period(),
                    r.check().what(),
                    r.check().expected(),
                    r.actual(),
                    r.ok(),
                    r.ok() ? "" : r.explanation()));
        }
        return new Outcome(
                name,
                report.passed(),
                report.problems().stream()
                        .map(p -> new Plans.Problem(name, 0, 0, p))
                        .toList(),
                rows);
    }

    /** A scenario body with the plan under test put in as its {@code plan}. */
    static String withPlan(String body, String planYaml) {
        return body.stripTrailing() + "\nplan:\n" + indent(planYaml);
    }

    private static String indent(String yaml) {
        StringBuilder out = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            out.append("  ").append(line).append('\n');
        }
        return out.toString();
    }
}
