package org.attain.plan.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML document as its text plus the located node tree, edited by splicing text: a value is replaced where it is
 * written, a key is added after the mapping's last entry, an item after the sequence's last. Everything no edit
 * touches (comments, quoting, layout, keys the form does not know) stays byte for byte, so the document stays the
 * one source of the plan and a form that changes nothing gives back the same text.
 */
final class YamlText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/]*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final List<String> RESERVED =
            List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private final String text;
    private final Node root;
    private final int[] lineStarts;
    private final List<Edit> edits = new ArrayList<>();

    private record Edit(int start, int end, String text, int seq) {}

    private YamlText(String text, Node root) {
        this.text = text;
        this.root = root;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The document, or empty when it is no YAML mapping (the YAML view shows why). */
    static Optional<YamlText> parse(String text) {
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setAllowDuplicateKeys(true)
                    .setMaxAliasesForCollections(50)
                    .build();
            return new Compose(settings)
                    .composeString(text)
                    .filter(MappingNode.class::isInstance)
                    .map(n -> new YamlText(text, n));
        } catch (YamlEngineException e) {
            return Optional.empty();
        }
    }

    String text() {
        return text;
    }

    MappingNode root() {
        return (MappingNode) root;
    }

    // ---- reading

    static Optional<NodeTuple> entry(Node map, String key) {
        if (!(map instanceof MappingNode m)) {
            return Optional.empty();
        }
        NodeTuple found = null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                found = t; // the last one wins, as the plan reader's map does
            }
        }
        return Optional.ofNullable(found);
    }

    static Optional<Node> value(Node map, String key) {
        return entry(map, key).map(NodeTuple::getValueNode);
    }

    static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
    }

    /** A scalar's text ("" for a null or a collection). */
    static String scalar(Node n) {
        if (n instanceof ScalarNode s && !isNull(s)) {
            return s.getValue();
        }
        return "";
    }

    /** A sequence of scalars as "a, b"; a scalar as itself. */
    static String list(Node n) {
        if (n instanceof SequenceNode s) {
            return String.join(", ", s.getValue().stream().map(YamlText::scalar).toList());
        }
        return scalar(n);
    }

    static List<Node> items(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : List.of();
    }

    private static boolean isNull(ScalarNode s) {
        return s.getScalarStyle() == ScalarStyle.PLAIN
                && (s.getValue().isEmpty()
                        || s.getValue().equals("~")
                        || s.getValue().equals("null"));
    }

    /** The first and last line (1-based) a node is written on. */
    int[] lines(Node n) {
        return new int[] {n.getStartMark().map(m -> m.getLine() + 1).orElse(1), lineOf(contentEnd(n)) + 1};
    }

    /** A key and its value's lines (1-based), first from the key. */
    int[] lines(NodeTuple t) {
        return new int[] {lines(t.getKeyNode())[0], lines(t.getValueNode())[1]};
    }

    /** The text a node is written as (its own lines, for a block collection: indented as in the file). */
    String written(NodeTuple t) {
        int start = lineStart(offset(t.getKeyNode()));
        int end = lineEnd(contentEnd(t.getValueNode()));
        return text.substring(start, end).stripIndent().strip();
    }

    /** A block mapping nested in the document (e.g. a scenario's plan) as a document of its own. */
    String block(Node value) {
        int start = lineStart(offset(value));
        return text.substring(start, lineEnd(contentEnd(value))).stripIndent() + "\n";
    }

    /** Replaces a nested block mapping with a document's text, indented where the mapping is. */
    void replaceBlock(Node value, String document) {
        int start = lineStart(offset(value));
        String indent = " ".repeat(column(offset(value)));
        String body = document.strip()
                .lines()
                .map(l -> l.isEmpty() ? l : indent + l)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
        add(start, lineEnd(contentEnd(value)), body);
    }

    // ---- editing

    /** Replaces a value where it is written (a scalar, a flow collection or a block sequence). */
    void replace(Node value, String flowText, String blockItems) {
        int start = offset(value);
        int end = contentEnd(value);
        if (value instanceof SequenceNode s
                && s.getFlowStyle() == FlowStyle.BLOCK
                && !s.getValue().isEmpty()) {
            int column = column(start);
            String indented = blockItems.replace("\n", "\n" + " ".repeat(column));
            add(start, end, indented);
            return;
        }
        add(start, end, start > 0 && text.charAt(start - 1) == ':' ? " " + flowText : flowText);
    }

    /** Replaces a key's whole value, wherever it is written (a block sequence too), with a flow value on the key's line. */
    void replaceValue(NodeTuple tuple, String flowText) {
        add(offsetOfEnd(tuple.getKeyNode()), contentEnd(tuple.getValueNode()), ": " + flowText);
    }

    /** Adds {@code key: value} at the end of a mapping; {@code blockValue} (nullable) for a block parent. */
    void put(MappingNode map, String key, String flowValue, String blockValue) {
        List<NodeTuple> entries = map.getValue();
        if (map.getFlowStyle() == FlowStyle.FLOW || entries.isEmpty()) {
            int close = text.lastIndexOf('}', offsetOfEnd(map));
            if (close < 0 || entries.isEmpty() && map.getFlowStyle() != FlowStyle.FLOW) {
                return;
            }
            add(close, close, (entries.isEmpty() ? "" : ", ") + key + ": " + flowValue);
            return;
        }
        int column = column(offset(entries.get(0).getKeyNode()));
        int at = lineEnd(contentEnd(entries.get(entries.size() - 1).getValueNode()));
        String indent = " ".repeat(column);
        String value = blockValue == null
                ? " " + flowValue
                : "\n" + indent + "  " + blockValue.replace("\n", "\n" + indent + "  ");
        add(at, at, "\n" + indent + key + ":" + value);
    }

    /** Removes a key and its value. */
    void remove(MappingNode map, NodeTuple tuple) {
        List<NodeTuple> entries = map.getValue();
        int i = entries.indexOf(tuple);
        int keyStart = offset(tuple.getKeyNode());
        int valueEnd = contentEnd(tuple.getValueNode());
        if (map.getFlowStyle() == FlowStyle.FLOW) {
            if (i > 0) {
                add(contentEnd(entries.get(i - 1).getValueNode()), valueEnd, "");
            } else if (entries.size() > 1) {
                add(keyStart, offset(entries.get(1).getKeyNode()), "");
            } else {
                add(keyStart, valueEnd, "");
            }
            return;
        }
        int lineStart = lineStart(keyStart);
        boolean firstOfItem = !text.substring(lineStart, keyStart).isBlank();
        add(firstOfItem ? keyStart : Math.max(0, lineStart - 1), lineEnd(valueEnd), "");
    }

    /** Appends an item to a sequence: {@code blockItem} is "- key: value\n  key: value" (unindented). */
    void append(SequenceNode seq, String flowItem, String blockItem) {
        List<Node> items = seq.getValue();
        if (seq.getFlowStyle() == FlowStyle.FLOW || items.isEmpty()) {
            int close = text.lastIndexOf(']', offsetOfEnd(seq));
            if (close >= 0) {
                add(close, close, (items.isEmpty() ? "" : ", ") + flowItem);
            }
            return;
        }
        int dash = column(offset(seq));
        int at = lineEnd(contentEnd(items.get(items.size() - 1)));
        add(at, at, "\n" + " ".repeat(dash) + blockItem.replace("\n", "\n" + " ".repeat(dash)));
    }

    /** Removes the {@code index}th item of a sequence. */
    void removeItem(SequenceNode seq, int index) {
        List<Node> items = seq.getValue();
        Node item = items.get(index);
        if (seq.getFlowStyle() == FlowStyle.FLOW) {
            if (index > 0) {
                add(contentEnd(items.get(index - 1)), offsetOfEnd(item), "");
            } else if (items.size() > 1) {
                add(offset(item), offset(items.get(1)), "");
            } else {
                add(offset(item), offsetOfEnd(item), "");
            }
            return;
        }
        int start = lineStart(offset(item));
        add(Math.max(0, start - 1), lineEnd(contentEnd(item)), "");
    }

    /** The text with every edit applied (edits at the same place keep the order they were made in). */
    String apply() {
        StringBuilder out = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(Edit::start)
                        .thenComparingInt(Edit::seq)
                        .reversed())
                .forEach(e -> out.replace(e.start(), e.end(), e.text()));
        String result = out.toString();
        return result.endsWith("\n") || result.isEmpty() ? result : result + "\n";
    }

    boolean edited() {
        return !edits.isEmpty();
    }

    private void add(int start, int end, String replacement) {
        edits.add(new Edit(start, Math.max(start, end), replacement, edits.size()));
    }

    // ---- writing values

    /** A scalar as the plan files write it: decimals quoted ("0.05"), words and dates plain, the rest quoted. */
    static String scalarText(String value, String type) {
        String v = value.strip();
        return switch (type) {
            case "decimal" -> quoted(v);
            case "bool", "integer" ->
                INTEGER.matcher(v).matches() || v.equals("true") || v.equals("false") ? v : quoted(v);
            case "date" -> DATE.matcher(v).matches() ? v : quoted(v);
            case "list" -> flowList(v, "word");
            case "condition", "text" -> quoted(v);
            default -> word(v);
        };
    }

    static String word(String v) {
        return PLAIN.matcher(v).matches() && !RESERVED.contains(v.toLowerCase(Locale.ROOT)) ? v : quoted(v);
    }

    static String quoted(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** "a, b" as a flow sequence [a, b]; cells typed {@code cellType}. */
    static String flowList(String commaSeparated, String cellType) {
        List<String> cells = new ArrayList<>();
        for (String cell : commaSeparated.split(",")) {
            if (!cell.isBlank()) {
                cells.add(cellType.equals("word") ? word(cell.strip()) : scalarText(cell, cellType));
            }
        }
        return "[" + String.join(", ", cells) + "]";
    }

    // ---- positions

    private int offset(Node n) {
        return n.getStartMark().map(m -> at(m.getLine(), m.getColumn())).orElse(0);
    }

    private int offsetOfEnd(Node n) {
        return n.getEndMark().map(m -> at(m.getLine(), m.getColumn())).orElse(text.length());
    }

    /** Where a node's own text ends: a block collection ends with its last child, never after comments after it. */
    private int contentEnd(Node n) {
        if (n instanceof MappingNode m
                && m.getFlowStyle() == FlowStyle.BLOCK
                && !m.getValue().isEmpty()) {
            return contentEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (n instanceof SequenceNode s
                && s.getFlowStyle() == FlowStyle.BLOCK
                && !s.getValue().isEmpty()) {
            return contentEnd(s.getValue().get(s.getValue().size() - 1));
        }
        int start = offset(n);
        int end = offsetOfEnd(n);
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private int at(int line, int column) {
        if (line >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line];
        try {
            return text.offsetByCodePoints(start, column);
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    private int lineOf(int offset) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        return line;
    }

    private int lineStart(int offset) {
        return lineStarts[lineOf(offset)];
    }

    private int lineEnd(int offset) {
        int nl = text.indexOf('\n', offset);
        return nl < 0 ? text.length() : nl;
    }

    private int column(int offset) {
        return text.codePointCount(lineStart(offset), offset);
    }
}
