package org.attain.plan.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.plan.web.PlanForm.Column;
import org.attain.plan.web.PlanForm.Field;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Writes a submitted plan builder form back into the plan document it was rendered from. Only what the form changed
 * is edited where it is written (a value replaced, a key added at the end of its mapping, an emptied key removed, a
 * changed table rewritten row by row); the rest of the text stays as it was. Actions: {@code add-component} (kind in
 * {@code newKind}), {@code remove-component:i}, {@code add-measure}, {@code remove-measure:i}.
 */
final class PlanFormWriter {

    private final Map<String, List<String>> params;
    private final boolean rewriteAll;

    private PlanFormWriter(Map<String, List<String>> params, boolean rewriteAll) {
        this.params = params;
        this.rewriteAll = rewriteAll;
    }

    /** The document with the form's changes; the same text when the form changed nothing. */
    static String write(String source, Map<String, List<String>> params) {
        return new PlanFormWriter(params, false).apply(source);
    }

    /** As {@link #write}, but every field and table on the form is written again even when unchanged (tests). */
    static String rewrite(String source, Map<String, List<String>> params) {
        return new PlanFormWriter(params, true).apply(source);
    }

    /** The parameters a browser submits for a form as it is rendered (every field, every table row). */
    static Map<String, List<String>> submitted(PlanForm form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        form.fields().forEach(f -> out.put(f.name(), List.of(f.value())));
        form.groups().forEach(g -> g.fields().forEach(f -> out.put(f.name(), List.of(f.value()))));
        for (PlanForm.MeasureForm m : form.measures()) {
            m.fields().forEach(f -> out.put(f.name(), List.of(f.value())));
            table(out, m.credit());
        }
        for (PlanForm.ComponentForm c : form.components()) {
            c.fields().forEach(f -> out.put(f.name(), List.of(f.value())));
            c.groups().forEach(g -> g.fields().forEach(f -> out.put(f.name(), List.of(f.value()))));
            if (c.table() != null) {
                table(out, c.table());
            }
        }
        return out;
    }

    private static void table(Map<String, List<String>> out, PlanForm.Table t) {
        out.put(t.name(), List.of(TABLE_MARKER));
        for (int i = 0; i < t.columns().size(); i++) {
            int col = i;
            out.put(
                    t.name() + "." + t.columns().get(i).key(),
                    t.rows().stream().map(r -> r.get(col)).toList());
        }
    }

    /**
     * The value of the hidden input every table on the form carries under the table's own name: a table whose rows
     * were all removed in the browser submits no cell, and this says it was on the form (and is now empty).
     */
    static final String TABLE_MARKER = "table";

    /** The tables a kind cannot do without: emptied, they are written as {@code []} so the check names them. */
    private static final Set<String> REQUIRED_TABLES = Set.of("tiers", "points", "objectives", "rows");

    private String apply(String source) {
        Optional<YamlText> parsed = YamlText.parse(source);
        if (parsed.isEmpty()) {
            return source;
        }
        YamlText doc = parsed.get();
        MappingNode root = doc.root();
        fields(doc, root, PlanForm.PLAN_FIELDS, "plan.");
        groups(doc, root, PlanForm.PLAN_GROUPS, "plan.");
        Set<String> actions = new HashSet<>(params.getOrDefault("action", List.of()));

        Optional<Node> measures = YamlText.value(root, "measures");
        List<Node> measureNodes = YamlText.items(measures.orElse(null));
        for (int i = 0; i < measureNodes.size(); i++) {
            if (actions.contains("remove-measure:" + i)) {
                doc.removeItem((SequenceNode) measures.get(), i);
                continue;
            }
            if (measureNodes.get(i) instanceof MappingNode m) {
                fields(doc, m, PlanForm.MEASURE_FIELDS, "m" + i + ".");
                table(doc, m, "credit", PlanForm.CREDIT_COLUMNS, "m" + i + ".");
            }
        }

        Optional<Node> components = YamlText.value(root, "components");
        List<Node> componentNodes = YamlText.items(components.orElse(null));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < componentNodes.size(); i++) {
            Node node = componentNodes.get(i);
            ids.add(YamlText.value(node, "id").map(YamlText::scalar).orElse(""));
            if (actions.contains("remove-component:" + i)) {
                doc.removeItem((SequenceNode) components.get(), i);
                continue;
            }
            if (node instanceof MappingNode c) {
                component(doc, c, "c" + i + ".");
            }
        }

        if (actions.contains("add-measure")) {
            String id = unique(
                    "measure",
                    measureNodes.stream()
                            .map(n -> YamlText.value(n, "id")
                                    .map(YamlText::scalar)
                                    .orElse(""))
                            .toList());
            List<Entry> entries =
                    List.of(Entry.of("id", id), Entry.of("statuses", "[won]"), Entry.rows("credit", "{from: self}"));
            add(doc, root, measures, "measures", entries);
        }
        if (actions.contains("add-component")) {
            String kind = first("newKind").filter(PlanForm.KINDS::contains).orElse("rate");
            add(doc, root, components, "components", skeleton(kind, unique(kind, ids)));
        }
        return doc.edited() ? doc.apply() : source;
    }

    private void component(YamlText doc, MappingNode c, String prefix) {
        String current = YamlText.value(c, "kind").map(YamlText::scalar).orElse("");
        String kind = first(prefix + "kind").filter(k -> !k.isBlank()).orElse(current);
        fields(doc, c, PlanForm.COMPONENT_FIELDS, prefix);
        fields(doc, c, PlanForm.KIND_FIELDS.getOrDefault(kind, List.of()), prefix);
        groups(doc, c, PlanForm.COMPONENT_GROUPS, prefix);
        if (!current.isBlank() && !kind.equals(current)) {
            changeKind(doc, c, current, kind);
            return; // the new kind's table is not on the form yet: it starts from the new kind's skeleton
        }
        String pays = first(prefix + "pays")
                .orElse(YamlText.value(c, "pays").map(YamlText::scalar).orElse(""));
        PlanForm.kindTable(kind, pays.equals("share_of_target_incentive"))
                .ifPresent(t -> table(doc, c, t.key(), t.columns(), prefix));
    }

    /**
     * A component whose kind changed: the keys only the old kind has (its fields and its table) are removed, and the
     * new kind's fields and table that are not written yet start from the values a new component of that kind gets,
     * so the YAML holds exactly what the form shows after saving.
     */
    private static void changeKind(YamlText doc, MappingNode c, String from, String to) {
        Set<String> keep = new HashSet<>();
        PlanForm.KIND_FIELDS.getOrDefault(to, List.of()).forEach(f -> keep.add(f.key()));
        PlanForm.kindTable(to, false).ifPresent(t -> keep.add(t.key()));
        Set<String> old = new HashSet<>();
        PlanForm.KIND_FIELDS.getOrDefault(from, List.of()).forEach(f -> old.add(f.key()));
        PlanForm.kindTable(from, false).ifPresent(t -> old.add(t.key()));
        for (NodeTuple t : List.copyOf(c.getValue())) {
            String key = YamlText.keyOf(t);
            if (old.contains(key) && !keep.contains(key)) {
                doc.remove(c, t);
            }
        }
        boolean flow = c.getFlowStyle() == org.snakeyaml.engine.v2.common.FlowStyle.FLOW;
        for (Entry e : skeleton(to, "")) {
            if (!keep.contains(e.key()) || YamlText.entry(c, e.key()).isPresent()) {
                continue;
            }
            if (e.rows() == null) {
                doc.put(c, e.key(), e.value(), null);
            } else {
                String block =
                        String.join("\n", e.rows().stream().map(r -> "- " + r).toList());
                doc.put(c, e.key(), "[" + String.join(", ", e.rows()) + "]", flow ? null : block);
            }
        }
    }

    private void fields(YamlText doc, MappingNode map, List<Field> schema, String prefix) {
        for (Field f : schema) {
            Optional<String> submitted = first(prefix + f.key());
            if (submitted.isEmpty()) {
                continue; // not on the form: left as written
            }
            String value = submitted.get().strip();
            Optional<NodeTuple> entry = YamlText.entry(map, f.key());
            if (value.isEmpty()) {
                entry.ifPresent(t -> doc.remove(map, t));
            } else if (entry.isEmpty()) {
                doc.put(map, f.key(), YamlText.scalarText(value, f.type()), null);
            } else if (rewriteAll || !same(entry.get().getValueNode(), value, f.type())) {
                Node node = entry.get().getValueNode();
                doc.replace(node, YamlText.scalarText(value, f.type()), blockList(value));
            }
        }
    }

    /** A nested mapping: edited key by key; added when the first field is filled, removed when all are emptied. */
    private void groups(YamlText doc, MappingNode map, Map<String, List<Field>> schema, String prefix) {
        schema.forEach((key, fields) -> {
            String groupPrefix = prefix + key + ".";
            Optional<NodeTuple> entry = YamlText.entry(map, key);
            boolean onForm = fields.stream().anyMatch(f -> params.containsKey(groupPrefix + f.key()));
            if (!onForm) {
                return;
            }
            List<String> filled = new ArrayList<>();
            for (Field f : fields) {
                first(groupPrefix + f.key())
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .ifPresent(v -> filled.add(f.key() + ": " + YamlText.scalarText(v, f.type())));
            }
            if (entry.isPresent() && entry.get().getValueNode() instanceof MappingNode nested) {
                if (filled.isEmpty()) {
                    doc.remove(map, entry.get());
                } else {
                    fields(doc, nested, fields, groupPrefix);
                }
            } else if (!filled.isEmpty()) {
                String flow = "{" + String.join(", ", filled) + "}";
                if (entry.isPresent()) {
                    doc.replace(entry.get().getValueNode(), flow, flow);
                } else {
                    doc.put(map, key, flow, null);
                }
            }
        });
    }

    private void table(YamlText doc, MappingNode map, String key, List<Column> columns, String prefix) {
        String name = prefix + key + ".";
        if (!params.containsKey(prefix + key) && columns.stream().noneMatch(c -> params.containsKey(name + c.key()))) {
            return; // not on the form: left as written
        }
        int n = columns.stream()
                .mapToInt(c -> params.getOrDefault(name + c.key(), List.of()).size())
                .max()
                .orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            List<String> row = new ArrayList<>();
            for (Column c : columns) {
                List<String> values = params.getOrDefault(name + c.key(), List.of());
                row.add(r < values.size() ? values.get(r).strip() : "");
            }
            if (row.stream().anyMatch(s -> !s.isEmpty())) {
                rows.add(row);
            }
        }
        Optional<NodeTuple> entry = YamlText.entry(map, key);
        if (!rewriteAll
                && entry.isPresent()
                && normalized(PlanForm.rows(entry.get().getValueNode(), columns), columns)
                        .equals(normalized(rows, columns))) {
            return;
        }
        if (rows.isEmpty()) {
            if (entry.isPresent() && REQUIRED_TABLES.contains(key)) {
                doc.replaceValue(entry.get(), "[]");
            } else {
                entry.ifPresent(t -> doc.remove(map, t));
            }
            return;
        }
        List<String> flowRows = rows.stream().map(r -> flowRow(r, columns)).toList();
        String flow = "[" + String.join(", ", flowRows) + "]";
        String block = String.join("\n", flowRows.stream().map(r -> "- " + r).toList());
        if (entry.isPresent()) {
            doc.replace(entry.get().getValueNode(), flow, block);
        } else {
            doc.put(map, key, flow, map.getFlowStyle() == org.snakeyaml.engine.v2.common.FlowStyle.FLOW ? null : block);
        }
    }

    private static String flowRow(List<String> row, List<Column> columns) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!row.get(i).isEmpty()) {
                Column c = columns.get(i);
                cells.add(c.yamlKeys().get(0) + ": " + YamlText.scalarText(row.get(i), c.type()));
            }
        }
        return "{" + String.join(", ", cells) + "}";
    }

    private static List<List<String>> normalized(List<List<String>> rows, List<Column> columns) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(normal(row.get(i), columns.get(i).type()));
            }
            out.add(cells);
        }
        return out;
    }

    private static boolean same(Node current, String submitted, String type) {
        String was = type.equals("list") ? YamlText.list(current) : YamlText.scalar(current);
        return normal(was, type).equals(normal(submitted, type));
    }

    private static String normal(String value, String type) {
        String v = value.strip();
        if (type.equals("list")) {
            return String.join(
                    ",",
                    java.util.Arrays.stream(v.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList());
        }
        return type.equals("condition") ? v.replaceAll("\\s+", " ") : v;
    }

    private static String blockList(String value) {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                items.add("- " + YamlText.word(s.strip()));
            }
        }
        return String.join("\n", items);
    }

    /** Adds an item to a list (the list itself when the plan has none yet), written as a block mapping. */
    private static void add(YamlText doc, MappingNode root, Optional<Node> list, String key, List<Entry> entries) {
        List<String> lines = new ArrayList<>();
        List<String> flow = new ArrayList<>();
        for (Entry e : entries) {
            String prefix = lines.isEmpty() ? "- " : "  ";
            if (e.rows() == null) {
                lines.add(prefix + e.key() + ": " + e.value());
                flow.add(e.key() + ": " + e.value());
            } else {
                lines.add(prefix + e.key() + ":");
                e.rows().forEach(r -> lines.add("    - " + r));
                flow.add(e.key() + ": [" + String.join(", ", e.rows()) + "]");
            }
        }
        String block = String.join("\n", lines);
        String flowItem = "{" + String.join(", ", flow) + "}";
        if (list.isPresent() && list.get() instanceof SequenceNode seq) {
            doc.append(seq, flowItem, block);
        } else if (list.isPresent()) {
            doc.replace(list.get(), "[" + flowItem + "]", block);
        } else {
            doc.put(root, key, "[" + flowItem + "]", block);
        }
    }

    /** A key of a new list item: a scalar as written, or rows of a list (one flow mapping each). */
    record Entry(String key, String value, List<String> rows) {

        static Entry of(String key, String value) {
            return new Entry(key, value, null);
        }

        static Entry rows(String key, String... rows) {
            return new Entry(key, null, List.of(rows));
        }
    }

    /** A new component of a kind with values to start from (a comp admin changes them in the form). */
    static List<Entry> skeleton(String kind, String id) {
        List<Entry> e = new ArrayList<>();
        e.add(Entry.of("id", id));
        e.add(Entry.of("kind", kind));
        switch (kind) {
            case "rate" -> e.add(Entry.of("rate", "\"0.05\""));
            case "tiered" -> {
                e.add(Entry.of("tier_mode", "marginal"));
                e.add(Entry.of("tiers_on", "attainment"));
                e.add(Entry.rows(
                        "tiers", "{from: \"0.00\", to: \"1.00\", rate: \"0.05\"}", "{from: \"1.00\", rate: \"0.08\"}"));
            }
            case "bonus" -> {
                e.add(Entry.of("amount", "\"1000.00\""));
                e.add(Entry.of("when", "\"attainment >= 1.00\""));
            }
            case "curve" -> {
                e.add(Entry.of("curve_on", "attainment"));
                e.add(Entry.rows(
                        "points",
                        "{at: \"0.50\", pay: \"0.00\"}",
                        "{at: \"1.00\", pay: \"5000.00\"}",
                        "{at: \"1.50\", pay: \"10000.00\"}"));
            }
            case "spiff", "per_deal_amount" -> e.add(Entry.of("amount", "\"250.00\""));
            case "mbo" -> {
                e.add(Entry.of("target", "\"5000.00\""));
                e.add(Entry.rows("objectives", "{id: o1, weight: \"0.50\"}", "{id: o2, weight: \"0.50\"}"));
            }
            case "rate_table" -> {
                e.add(Entry.of("keys", "[deal.product]"));
                e.add(Entry.rows("rows", "{key: [\"*\"], rate: \"0.05\"}"));
            }
            default -> {}
        }
        return e;
    }

    private static String unique(String base, List<String> taken) {
        for (int n = 1; ; n++) {
            String id = base + "_" + n;
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    private Optional<String> first(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
