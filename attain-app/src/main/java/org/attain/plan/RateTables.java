package org.attain.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.Component;
import org.attain.engine.plan.PlanCompilation;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.plan.RateTableComponent;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlDocument;
import org.attain.engine.yaml.YamlNode;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rate tables ({@code kind: rate_table}) of a plan as tables to edit, and saving an edited table: its rows are
 * written back into the plan document (only the {@code rows:} block changes, comments and layout elsewhere stay) and
 * the document is published as a new version, so the plan stays the one source of its rates.
 */
@Service
public class RateTables {

    private final Plans plans;
    private final PlanScenarios scenarios;
    private final PlanCompiler compiler = new PlanCompiler();

    RateTables(Plans plans, PlanScenarios scenarios) {
        this.plans = plans;
        this.scenarios = scenarios;
    }

    /** A rate table as the plan has it: its component, keys and rows. */
    public record Table(String component, List<String> keys, List<Row> rows) {}

    /** One row: a cell per key ({@code *} for any value) and its rate. */
    public record Row(List<String> cells, BigDecimal rate) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** The rate tables of the latest version of a plan (none when it has none). */
    public List<Table> of(String planKey) {
        return latest(planKey).map(v -> tables(v.source())).orElse(List.of());
    }

    /** The rate tables of a plan document; none when it does not compile. */
    public List<Table> tables(String yaml) {
        PlanCompilation compiled = compiler.compile("plan.yaml", yaml);
        if (!compiled.ok()) {
            return List.of();
        }
        CompiledPlan plan = compiled.orThrow();
        List<Table> out = new ArrayList<>();
        for (Component c : plan.components()) {
            if (c instanceof RateTableComponent t) {
                out.add(new Table(
                        t.id(),
                        t.keys(),
                        t.rows().stream().map(r -> new Row(r.key(), r.rate())).toList()));
            }
        }
        return out;
    }

    /**
     * Writes {@code rows} as the table of {@code component} into the latest version and publishes it (refused with
     * the plan's problems when it no longer compiles, or when a scenario attached to the plan fails).
     */
    @Transactional
    public Plans.PlanVersion save(String planKey, String component, List<Row> rows, String actor) {
        Plans.PlanVersion latest = latest(planKey).orElseThrow(() -> new NotFoundException("plan", planKey));
        String yaml = withRows(latest.source(), component, rows);
        List<Plans.Problem> errors = plans.validate("plan.yaml", yaml);
        if (!errors.isEmpty()) {
            throw new PlanRejectedException(errors);
        }
        List<String> failing = scenarios.runAll(planKey, yaml).stream()
                .filter(o -> !o.passed())
                .map(PlanScenarios.Outcome::name)
                .toList();
        if (!failing.isEmpty()) {
            throw new InvalidInputException(new FieldProblem(
                    "rows", "plans.rateTable.scenarios", "the plan's scenarios " + failing + " fail with these rows"));
        }
        return plans.publish(yaml, actor);
    }

    /** The document with the {@code rows:} of {@code component} replaced by these rows (block style, quoted cells). */
    public static String withRows(String yaml, String component, List<Row> rows) {
        Problems problems = new Problems();
        YamlNode root = YamlDocument.parse("plan.yaml", yaml, problems)
                .filter(YamlNode::isMapping)
                .orElseThrow(() -> new InvalidInputException(
                        new FieldProblem("source", "plans.rateTable.unreadable", "the plan document cannot be read")));
        YamlNode item = null;
        YamlNode components = root.entries().get("components");
        for (YamlNode c : components == null ? List.<YamlNode>of() : components.items()) {
            YamlNode id = c.isMapping() ? c.entries().get("id") : null;
            if (id != null && id.isScalar() && component.equals(id.text())) {
                item = c;
            }
        }
        if (item == null || !item.entries().containsKey("rows")) {
            throw new NotFoundException("rate table", component);
        }
        YamlNode rowsNode = item.entries().get("rows");
        int itemLine = item.location().line();
        int keyLine = item.keyLocation("rows").line();
        int keyColumn = item.keyLocation("rows").column();
        String[] lines = yaml.split("\n", -1);
        String prefix = lines[keyLine - 1].substring(0, keyColumn - 1);
        List<Integer> starts = new ArrayList<>();
        collect(root, rowsNode, starts);
        if (!prefix.strip().isEmpty() && !prefix.strip().equals("-")
                || starts.stream().anyMatch(l -> l == keyLine && l != itemLine)) {
            throw new InvalidInputException(new FieldProblem(
                    "rows",
                    "plans.rateTable.flow",
                    "the rate table is written on one line; write its rows one per line to edit it as a table"));
        }
        int end = starts.stream().filter(l -> l > keyLine).min(Integer::compare).orElse(lines.length + 1);
        // Blank lines and comments just before the next key belong to what follows, not to the rows.
        while (end - 1 > keyLine
                && (lines[end - 2].isBlank() || lines[end - 2].strip().startsWith("#"))) {
            end--;
        }
        String indent = " ".repeat(keyColumn - 1);
        List<String> out = new ArrayList<>(List.of(lines).subList(0, keyLine - 1));
        out.add(prefix + "rows:");
        for (Row r : rows) {
            out.add(indent + "  - {key: ["
                    + String.join(
                            ", ", r.cells().stream().map(RateTables::quoted).toList()) + "], rate: \""
                    + r.rate().toPlainString() + "\"}");
        }
        out.addAll(List.of(lines).subList(end - 1, lines.length));
        return String.join("\n", out);
    }

    /** The line every node and key starts on, but those of {@code skip} (the rows) and its key. */
    private static void collect(YamlNode node, YamlNode skip, List<Integer> starts) {
        starts.add(node.location().line());
        if (node.isMapping()) {
            node.entries().forEach((k, v) -> {
                if (v != skip) {
                    starts.add(node.keyLocation(k).line());
                    collect(v, skip, starts);
                }
            });
        } else if (node.isSequence()) {
            node.items().forEach(i -> collect(i, skip, starts));
        }
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Optional<Plans.PlanVersion> latest(String planKey) {
        List<Plans.PlanVersion> versions = plans.versions(planKey);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
}
