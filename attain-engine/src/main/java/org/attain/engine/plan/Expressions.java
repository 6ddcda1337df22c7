package org.attain.engine.plan;

import java.util.Optional;
import java.util.Set;
import org.attain.engine.cel.CelConditions;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.cel.ExpressionError;
import org.attain.engine.cel.PeriodCondition;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlNode;

/** Compiles the CEL in a plan field and moves its errors from expression positions to file positions. */
final class Expressions {

    private final CelConditions cel;
    private final Problems problems;

    Expressions(CelConditions cel, Problems problems) {
        this.cel = cel;
        this.problems = problems;
    }

    DealCondition deal(MapReader reader, String key) {
        Optional<YamlNode> node = expression(reader, key);
        if (node.isEmpty()) {
            return null;
        }
        CelConditions.Compiled<DealCondition> compiled = cel.deal(node.get().text());
        report(node.get(), compiled);
        return compiled.ok() ? compiled.condition().at(node.get().locationInText(1, 1)) : null;
    }

    /** {@code measureIds}: the plan's measures, which {@code measure.x} must name (null: not checked). */
    PeriodCondition period(MapReader reader, String key, Set<String> measureIds) {
        Optional<YamlNode> node = expression(reader, key);
        if (node.isEmpty()) {
            return null;
        }
        CelConditions.Compiled<PeriodCondition> compiled = cel.period(node.get().text(), measureIds);
        report(node.get(), compiled);
        return compiled.condition();
    }

    private Optional<YamlNode> expression(MapReader reader, String key) {
        Optional<YamlNode> node = reader.optional(key);
        if (node.isPresent() && !node.get().isScalar()) {
            problems.add(node.get(), "'" + key + "' must be a CEL expression in quotes");
            return Optional.empty();
        }
        return node;
    }

    private void report(YamlNode node, CelConditions.Compiled<?> compiled) {
        for (ExpressionError e : compiled.errors()) {
            problems.add(node.locationInText(e.line(), e.column()), e.message(), e.code(), e.args());
        }
    }
}
