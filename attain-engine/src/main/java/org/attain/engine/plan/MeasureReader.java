package org.attain.engine.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.attain.engine.cel.CelConditions;
import org.attain.engine.cel.DealCondition;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlNode;

/** Reads a measure and its credit rules. */
final class MeasureReader {

    private final Problems problems;
    private final Expressions expressions;

    MeasureReader(CelConditions cel, Problems problems) {
        this.problems = problems;
        this.expressions = new Expressions(cel, problems);
    }

    Optional<Measure> read(YamlNode node) {
        MapReader m = MapReader.of(node, "a measure", problems);
        Optional<String> id = m.requiredString("id");
        List<String> statuses = m.has("statuses") ? m.strings("statuses") : List.of("won");
        boolean count = m.string("sum")
                .map(s -> {
                    if (!s.equals("amount") && !s.equals("count")) {
                        problems.add(node.keyLocation("sum"), "'sum' must be amount or count");
                    }
                    return s.equals("count");
                })
                .orElse(false);
        List<CreditRule> rules = new ArrayList<>();
        for (YamlNode r : m.list("credit")) {
            readRule(r).ifPresent(rules::add);
        }
        if (rules.isEmpty()) {
            rules.add(CreditRule.self());
        }
        m.rejectUnknownKeys();
        return id.map(i -> new Measure(i, new HashSet<>(statuses), count, rules));
    }

    private Optional<CreditRule> readRule(YamlNode node) {
        MapReader r = MapReader.of(node, "a credit rule", problems);
        Optional<CreditFrom> from = r.required("from")
                .flatMap(n -> r.parse(n, "from", "self, direct_reports, subtree or territory", CreditFrom::parse));
        String id = r.string("id")
                .orElse(from.map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                        .orElse("rule"));
        List<String> types = r.strings("types");
        List<String> products = r.strings("products");
        DealCondition when = expressions.deal(r, "when");
        BigDecimal weight = r.decimal("weight").orElse(BigDecimal.ONE);
        CreditSide side = r.optional("side")
                .flatMap(n -> r.parse(n, "side", "primary, overlay or any", CreditSide::parse))
                .orElse(CreditSide.ANY);
        r.rejectUnknownKeys();
        if (from.isPresent() && from.get() == CreditFrom.TERRITORY && when == null && !r.has("when")) {
            problems.add(
                    node, "a territory credit rule needs a 'when' condition (e.g. account.region == person.region)");
        }
        return from.map(f -> new CreditRule(id, f, new HashSet<>(types), new HashSet<>(products), when, weight, side));
    }
}
