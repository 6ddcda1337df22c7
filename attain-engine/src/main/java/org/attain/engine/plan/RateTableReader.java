package org.attain.engine.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.engine.yaml.MapReader;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlNode;

/**
 * Reads a {@code kind: rate_table} component: {@code keys} (deal or account fields) and {@code rows}, each a
 * {@code key} with one cell per key ({@code "*"} for any value) and a {@code rate}. Problems name the row's line
 * and the field: a key that is no deal or account field, a row with too few or too many cells, a negative rate,
 * two rows with the same cells.
 */
final class RateTableReader {

    private final Problems problems;

    RateTableReader(Problems problems) {
        this.problems = problems;
    }

    Component read(MapReader c, ComponentBasics basics) {
        List<String> keys = c.strings("keys");
        if (keys.isEmpty()) {
            problems.add(
                    c.node().location(),
                    "a rate_table needs 'keys'', e.g. [deal.product_family, account.segment]",
                    "plan.ratetable.noKeys",
                    List.of());
        }
        for (String k : keys) {
            if (!k.matches("(deal|account)\\.[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add(
                        c.node().keyLocation("keys"),
                        "rate table key '" + k + "' must be a deal or account field, like deal.product_family or"
                                + " account.segment",
                        "plan.ratetable.badKey",
                        List.of(k));
            }
        }
        List<RateTableComponent.Row> rows = new ArrayList<>();
        List<YamlNode> nodes = c.list("rows");
        if (nodes.isEmpty()) {
            problems.add(c.node().keyLocation("rows"), "a rate_table needs 'rows'", "plan.ratetable.noRows", List.of());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            YamlNode n = nodes.get(i);
            MapReader r = MapReader.of(n, "a rate table row", problems);
            List<String> key = r.strings("key");
            boolean hasKey = r.required("key").isPresent();
            BigDecimal rate = r.requiredDecimal("rate").orElse(null);
            r.rejectUnknownKeys();
            int number = i + 1;
            if (hasKey && key.size() != keys.size()) {
                problems.add(
                        n.keyLocation("key"),
                        "row " + number + " has " + key.size() + " key cell(s) but the table has " + keys.size()
                                + " key(s) " + keys,
                        "plan.ratetable.cells",
                        List.of(String.valueOf(number), String.valueOf(key.size()), String.valueOf(keys.size())));
                continue;
            }
            if (rate != null && rate.signum() < 0) {
                problems.add(
                        n.keyLocation("rate"),
                        "row " + number + " has a negative rate " + rate.toPlainString(),
                        "plan.ratetable.negative",
                        List.of(String.valueOf(number), rate.toPlainString()));
                continue;
            }
            if (!hasKey || rate == null) {
                continue;
            }
            String normal =
                    key.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList().toString();
            Integer earlier = seen.putIfAbsent(normal, number);
            if (earlier != null) {
                problems.add(
                        n.keyLocation("key"),
                        "row " + number + " repeats the key of row " + earlier + " " + key,
                        "plan.ratetable.duplicate",
                        List.of(String.valueOf(number), String.valueOf(earlier), String.join(", ", key)));
                continue;
            }
            rows.add(new RateTableComponent.Row(number, key, rate));
        }
        return new RateTableComponent(basics, keys, rows);
    }
}
