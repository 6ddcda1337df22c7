package org.attain.plan.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * A plan document as the plan builder's form: every key of the plan language as a field (plan, measures and their
 * credit rules, components of each kind, tiers, curve points, objectives and rate table rows as tables, payout and
 * ledger options as groups), read from the YAML. Keys the form does not know are kept as written and shown
 * read-only ({@code other}). {@link PlanFormWriter} writes a submitted form back into the same text.
 *
 * <p>Every input is named after where it writes: {@code plan.name}, {@code plan.draw.recoverable},
 * {@code m0.statuses}, {@code m0.credit.from} (one per table row), {@code c2.cap_per_period}, {@code c2.tiers.rate}.
 */
public record PlanForm(
        String source,
        boolean readable,
        List<Field> fields,
        List<Group> groups,
        List<MeasureForm> measures,
        List<ComponentForm> components,
        String other,
        Map<String, int[]> spans) {

    /** One input: its parameter name, the YAML key, a type (text, word, decimal, integer, date, condition, list, select). */
    public record Field(String name, String key, String type, String value, List<String> options) {

        public boolean select() {
            return !options.isEmpty();
        }

        public String label() {
            return "builder.field." + key;
        }
    }

    /** A nested mapping (draw, holdback, window, ...): shown as a fieldset, removed when all its fields are emptied. */
    public record Group(String name, String key, List<Field> fields) {

        public String label() {
            return "builder.group." + key;
        }

        public boolean set() {
            return fields.stream().anyMatch(f -> !f.value().isBlank());
        }
    }

    /** A column of a table: the parameter suffix, the YAML keys it reads (the first one is written), type, choices. */
    public record Column(String key, List<String> yamlKeys, String type, List<String> options) {

        public String label() {
            return "builder.column." + key;
        }
    }

    /** A list of rows edited as a table (tiers, points, objectives, rate table rows, credit rules). */
    public record Table(String name, String key, List<Column> columns, List<List<String>> rows) {

        public String label() {
            return "builder.table." + key;
        }
    }

    public record MeasureForm(int index, String name, String id, List<Field> fields, Table credit, String other) {}

    public record ComponentForm(
            int index,
            String name,
            String id,
            String kind,
            List<Field> fields,
            List<Group> groups,
            Table table,
            String other) {

        public boolean curve() {
            return "curve".equals(kind);
        }

        public boolean tiered() {
            return "tiered".equals(kind);
        }
    }

    // ---- what the form knows of the plan language

    static final List<String> KINDS =
            List.of("rate", "tiered", "bonus", "curve", "spiff", "per_deal_amount", "mbo", "rate_table");
    static final List<String> PERIODS = List.of("month", "quarter", "year");

    static final List<Field> PLAN_FIELDS = List.of(
            f("id", "word"),
            f("name", "text"),
            f("currency", "word"),
            f("frequency", "select", PERIODS),
            f("measurement", "select", PERIODS),
            f("quota_measure", "word"),
            f("version", "word"),
            f("negative_balance", "select", List.of("carry_forward", "write_off")),
            f("returns", "select", List.of("claw_back_original_commission", "reduce_attainment")));

    static final Map<String, List<Field>> PLAN_GROUPS = groups(
            "effective", List.of(f("from", "date"), f("to", "date")),
            "clawback", List.of(f("window_days", "integer"), f("share", "decimal")),
            "holdback", List.of(f("share", "decimal"), f("release_on", "word")),
            "draw",
                    List.of(
                            f("amount_per_period", "decimal"),
                            f("recoverable", "select", List.of("true", "false")),
                            f("from", "date"),
                            f("to", "date")),
            "guarantee", List.of(f("amount_per_period", "decimal"), f("from", "date"), f("to", "date")));

    static final List<Field> MEASURE_FIELDS =
            List.of(f("id", "word"), f("statuses", "list"), f("sum", "select", List.of("amount", "count")));

    static final List<Column> CREDIT_COLUMNS = List.of(
            col("id", "word"),
            col("from", "select", List.of("self", "direct_reports", "subtree", "territory")),
            col("types", "list"),
            col("products", "list"),
            col("when", "condition"),
            col("weight", "decimal"),
            col("side", "select", List.of("primary", "overlay", "any")));

    static final List<Field> COMPONENT_FIELDS = List.of(
            f("id", "word"),
            f("kind", "select", KINDS),
            f("measure", "word"),
            f("when", "condition"),
            f("cap_per_period", "decimal"),
            f("floor_per_period", "decimal"),
            f("cap_per_deal", "decimal"),
            f("attainment", "select", List.of("self", "pod")),
            f("prorate", "select", List.of("none", "by_days_in_pod")));

    static final Map<String, List<Field>> COMPONENT_GROUPS =
            groups("window", List.of(f("from", "date"), f("to", "date")));

    static final Map<String, List<Field>> KIND_FIELDS = Map.of(
            "rate", List.of(f("rate", "decimal")),
            "tiered",
                    List.of(
                            f("tier_mode", "select", List.of("marginal", "slab")),
                            f("tiers_on", "select", List.of("attainment", "amount")),
                            f("cumulative", "select", List.of("period", "qtd", "ytd"))),
            "bonus", List.of(f("amount", "decimal"), f("share_of_target_incentive", "decimal")),
            "curve",
                    List.of(
                            f("curve_on", "select", List.of("attainment", "amount")),
                            f("pays", "select", List.of("amount", "share_of_target_incentive")),
                            f("threshold", "decimal"),
                            f("above_last", "select", List.of("hold", "extend"))),
            "spiff", List.of(f("amount", "decimal")),
            "per_deal_amount", List.of(f("amount", "decimal")),
            "mbo", List.of(f("target", "decimal"), f("share_of_target_incentive", "decimal")),
            "rate_table", List.of(f("keys", "list")));

    /** The table of each kind: its YAML key and columns ({@code value} of a curve point is pay or share). */
    static Optional<Table> kindTable(String kind, boolean paysShares) {
        List<Column> columns = switch (kind) {
            case "tiered" -> List.of(col("from", "decimal"), col("to", "decimal"), col("rate", "decimal"));
            case "curve" ->
                List.of(
                        col("at", "decimal"),
                        new Column(
                                "value",
                                paysShares ? List.of("share", "pay") : List.of("pay", "share"),
                                "decimal",
                                List.of()));
            case "mbo" ->
                List.of(
                        new Column("id", List.of("id", "kpi"), "word", List.of()),
                        col("weight", "decimal"),
                        col("max_score", "decimal"));
            case "rate_table" -> List.of(col("key", "list"), col("rate", "decimal"));
            default -> List.of();
        };
        String key = switch (kind) {
            case "tiered" -> "tiers";
            case "curve" -> "points";
            case "mbo" -> "objectives";
            case "rate_table" -> "rows";
            default -> "";
        };
        return columns.isEmpty() ? Optional.empty() : Optional.of(new Table("", key, columns, List.of()));
    }

    // ---- reading

    /** The form of a plan document; unreadable YAML gives an empty form (the YAML view says why). */
    static PlanForm read(String source) {
        Optional<YamlText> parsed = YamlText.parse(source);
        if (parsed.isEmpty()) {
            return new PlanForm(source, false, List.of(), List.of(), List.of(), List.of(), "", Map.of());
        }
        YamlText doc = parsed.get();
        MappingNode root = doc.root();
        Map<String, int[]> spans = new LinkedHashMap<>();
        List<Field> fields = fields(doc, root, PLAN_FIELDS, "plan.", spans);
        List<Group> groups = groups(doc, root, PLAN_GROUPS, "plan.", spans);
        List<MeasureForm> measures = new ArrayList<>();
        List<Node> measureNodes =
                YamlText.items(YamlText.value(root, "measures").orElse(null));
        for (int i = 0; i < measureNodes.size(); i++) {
            Node m = measureNodes.get(i);
            String prefix = "m" + i + ".";
            spans.put("m" + i, doc.lines(m));
            Table credit = table(doc, m, "credit", CREDIT_COLUMNS, prefix, spans);
            measures.add(new MeasureForm(
                    i,
                    "m" + i,
                    YamlText.value(m, "id").map(YamlText::scalar).orElse(""),
                    fields(doc, m, MEASURE_FIELDS, prefix, spans),
                    credit,
                    other(doc, m, Set.of("id", "statuses", "sum", "credit"))));
        }
        List<ComponentForm> components = new ArrayList<>();
        List<Node> componentNodes =
                YamlText.items(YamlText.value(root, "components").orElse(null));
        for (int i = 0; i < componentNodes.size(); i++) {
            components.add(component(doc, componentNodes.get(i), i, spans));
        }
        Set<String> known = new java.util.HashSet<>(Set.of("measures", "components"));
        PLAN_FIELDS.forEach(f -> known.add(f.key()));
        known.addAll(PLAN_GROUPS.keySet());
        return new PlanForm(source, true, fields, groups, measures, components, other(doc, root, known), spans);
    }

    private static ComponentForm component(YamlText doc, Node c, int index, Map<String, int[]> spans) {
        String name = "c" + index;
        String prefix = name + ".";
        spans.put(name, doc.lines(c));
        String kind = YamlText.value(c, "kind").map(YamlText::scalar).orElse("");
        List<Field> fields = new ArrayList<>(fields(doc, c, COMPONENT_FIELDS, prefix, spans));
        fields.addAll(fields(doc, c, KIND_FIELDS.getOrDefault(kind, List.of()), prefix, spans));
        boolean shares = YamlText.value(c, "pays")
                .map(YamlText::scalar)
                .filter("share_of_target_incentive"::equals)
                .isPresent();
        Table table = kindTable(kind, shares)
                .map(t -> table(doc, c, t.key(), t.columns(), prefix, spans))
                .orElse(null);
        Set<String> known = new java.util.HashSet<>();
        COMPONENT_FIELDS.forEach(f -> known.add(f.key()));
        KIND_FIELDS.getOrDefault(kind, List.of()).forEach(f -> known.add(f.key()));
        known.addAll(COMPONENT_GROUPS.keySet());
        if (table != null) {
            known.add(table.key());
        }
        return new ComponentForm(
                index,
                name,
                YamlText.value(c, "id").map(YamlText::scalar).orElse(""),
                kind,
                fields,
                groups(doc, c, COMPONENT_GROUPS, prefix, spans),
                table,
                other(doc, c, known));
    }

    private static List<Field> fields(
            YamlText doc, Node map, List<Field> schema, String prefix, Map<String, int[]> spans) {
        List<Field> out = new ArrayList<>();
        for (Field f : schema) {
            Optional<NodeTuple> entry = YamlText.entry(map, f.key());
            String value = entry.map(t -> f.type().equals("list")
                            ? YamlText.list(t.getValueNode())
                            : YamlText.scalar(t.getValueNode()))
                    .orElse("");
            entry.ifPresent(t -> spans.put(prefix + f.key(), doc.lines(t)));
            out.add(new Field(prefix + f.key(), f.key(), f.type(), value, f.options()));
        }
        return out;
    }

    private static List<Group> groups(
            YamlText doc, Node map, Map<String, List<Field>> schema, String prefix, Map<String, int[]> spans) {
        List<Group> out = new ArrayList<>();
        schema.forEach((key, fields) -> {
            Node value = YamlText.value(map, key).orElse(null);
            YamlText.entry(map, key).ifPresent(t -> spans.put(prefix + key, doc.lines(t)));
            out.add(new Group(prefix + key, key, fields(doc, value, fields, prefix + key + ".", spans)));
        });
        return out;
    }

    private static Table table(
            YamlText doc, Node map, String key, List<Column> columns, String prefix, Map<String, int[]> spans) {
        YamlText.entry(map, key).ifPresent(t -> spans.put(prefix + key, doc.lines(t)));
        return new Table(
                prefix + key, key, columns, rows(YamlText.value(map, key).orElse(null), columns));
    }

    /** A table's rows as the form shows them (cells as text, lists as "a, b"). */
    static List<List<String>> rows(Node sequence, List<Column> columns) {
        List<List<String>> rows = new ArrayList<>();
        for (Node item : YamlText.items(sequence)) {
            List<String> row = new ArrayList<>();
            for (Column c : columns) {
                String cell = "";
                for (String k : c.yamlKeys()) {
                    Optional<Node> v = YamlText.value(item, k);
                    if (v.isPresent()) {
                        cell = c.type().equals("list") ? YamlText.list(v.get()) : YamlText.scalar(v.get());
                        break;
                    }
                }
                row.add(cell);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The keys of a mapping the form does not know, as written (kept untouched). */
    private static String other(YamlText doc, Node map, Set<String> known) {
        if (!(map instanceof MappingNode m)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!known.contains(YamlText.keyOf(t))) {
                parts.add(doc.written(t));
            }
        }
        return String.join("\n", parts);
    }

    // ---- where a problem's line is

    /** The form field a line (1-based) belongs to: the narrowest span holding it; "plan" when none does. */
    String fieldAt(int line) {
        String best = "plan";
        int width = Integer.MAX_VALUE;
        for (Map.Entry<String, int[]> e : spans.entrySet()) {
            int[] s = e.getValue();
            if (s[0] <= line && line <= s[1] && s[1] - s[0] < width) {
                best = e.getKey();
                width = s[1] - s[0];
            }
        }
        return best;
    }

    // ---- schema helpers

    private static Field f(String key, String type) {
        return new Field(key, key, type, "", List.of());
    }

    private static Field f(String key, String type, List<String> options) {
        return new Field(key, key, type, "", options);
    }

    private static Column col(String key, String type) {
        return new Column(key, List.of(key), type, List.of());
    }

    private static Column col(String key, String type, List<String> options) {
        return new Column(key, List.of(key), type, options);
    }

    private static Map<String, List<Field>> groups(Object... keysAndFields) {
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndFields.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Field> fields = (List<Field>) keysAndFields[i + 1];
            out.put((String) keysAndFields[i], fields);
        }
        return out;
    }
}
