package org.attain.engine.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * An immutable YAML value that remembers where it was written. Scalars stay text; callers parse them
 * (decimals, dates) themselves so that "0.10" is never read as a binary double.
 */
public final class YamlNode {

    /** What kind of YAML value this is. */
    public enum Kind {
        MAPPING,
        SEQUENCE,
        SCALAR,
        NULL
    }

    private final Kind kind;
    private final SourceLocation location;
    private final String scalar;
    private final String tag;
    private final boolean quoted;
    private final Map<String, YamlNode> entries;
    private final Map<String, SourceLocation> keyLocations;
    private final List<YamlNode> items;
    private final BlockScalar block;

    private YamlNode(
            Kind kind,
            SourceLocation location,
            String scalar,
            String tag,
            boolean quoted,
            Map<String, YamlNode> entries,
            Map<String, SourceLocation> keyLocations,
            List<YamlNode> items) {
        this(kind, location, scalar, tag, quoted, entries, keyLocations, items, null);
    }

    private YamlNode(
            Kind kind,
            SourceLocation location,
            String scalar,
            String tag,
            boolean quoted,
            Map<String, YamlNode> entries,
            Map<String, SourceLocation> keyLocations,
            List<YamlNode> items,
            BlockScalar block) {
        this.block = block;
        this.kind = kind;
        this.location = location;
        this.scalar = scalar;
        this.tag = tag;
        this.quoted = quoted;
        this.entries = entries;
        this.keyLocations = keyLocations;
        this.items = items;
    }

    /** {@code fileLines}: the document's lines, to place positions inside block scalars. */
    static YamlNode from(Node node, String source, List<String> fileLines, Problems problems) {
        SourceLocation at = locationOf(node.getStartMark(), source);
        if (node instanceof ScalarNode s) {
            boolean isNull = Tag.NULL.equals(s.getTag());
            boolean isBlock = s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED;
            BlockScalar block = isBlock
                    ? BlockScalar.of(s.getStartMark(), s.getEndMark(), fileLines)
                            .orElse(null)
                    : null;
            return new YamlNode(
                    isNull ? Kind.NULL : Kind.SCALAR,
                    at,
                    isNull ? null : s.getValue(),
                    s.getTag().getValue(),
                    s.getScalarStyle() != ScalarStyle.PLAIN,
                    Map.of(),
                    Map.of(),
                    List.of(),
                    block);
        }
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node child : seq.getValue()) {
                items.add(from(child, source, fileLines, problems));
            }
            return new YamlNode(Kind.SEQUENCE, at, null, null, false, Map.of(), Map.of(), List.copyOf(items));
        }
        MappingNode map = (MappingNode) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            SourceLocation keyAt = locationOf(tuple.getKeyNode().getStartMark(), source);
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(keyAt, "a key must be a plain word");
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                problems.add(keyAt, "duplicate key '" + key.getValue() + "'");
                continue;
            }
            entries.put(key.getValue(), from(tuple.getValueNode(), source, fileLines, problems));
            keys.put(key.getValue(), keyAt);
        }
        return new YamlNode(Kind.MAPPING, at, null, null, false, entries, keys, List.of());
    }

    /** A node made in code (what-if, tests), located at a named origin. */
    public static YamlNode scalar(String value, SourceLocation at) {
        return new YamlNode(Kind.SCALAR, at, value, Tag.STR.getValue(), true, Map.of(), Map.of(), List.of());
    }

    /**
     * A mapping made in code from parts of parsed mappings (a plan version over its plan's shared keys); each
     * key keeps the location it had where it was written.
     */
    public static YamlNode mapping(
            Map<String, YamlNode> entries, Map<String, SourceLocation> keyLocations, SourceLocation at) {
        return new YamlNode(
                Kind.MAPPING,
                at,
                null,
                null,
                false,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations)),
                List.of());
    }

    private static SourceLocation locationOf(Optional<Mark> mark, String source) {
        return mark.map(m -> new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new SourceLocation(source, 0, 0));
    }

    public Kind kind() {
        return kind;
    }

    public SourceLocation location() {
        return location;
    }

    public boolean isMapping() {
        return kind == Kind.MAPPING;
    }

    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The scalar text, or null for anything that is not a scalar. */
    public String text() {
        return scalar;
    }

    /** True when the scalar was written in quotes or as a block, so its text starts after a quote. */
    public boolean quoted() {
        return quoted;
    }

    /**
     * Where a position inside this scalar's text lies in the file, for errors found inside an embedded
     * expression. Exact for one-line plain or quoted scalars and for block scalars ({@code |}, {@code >});
     * for other multi-line scalars the line is exact and the column is the one inside the expression.
     */
    public SourceLocation locationInText(int lineInText, int columnInText) {
        if (block != null) {
            return block.locate(location.source(), scalar, lineInText, columnInText);
        }
        if (lineInText <= 1) {
            return new SourceLocation(
                    location.source(), location.line(), location.column() + (quoted ? 1 : 0) + columnInText - 1);
        }
        return new SourceLocation(location.source(), location.line() + lineInText - 1, columnInText);
    }

    public Map<String, YamlNode> entries() {
        return entries;
    }

    public SourceLocation keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    public List<YamlNode> items() {
        return items;
    }

    /**
     * The plain Java value for free-form attributes: integers as Long, other numbers as Double (for CEL
     * conditions only, never money), booleans, strings, lists and maps.
     */
    public Object plainValue() {
        return switch (kind) {
            case NULL -> null;
            case SEQUENCE -> items.stream().map(YamlNode::plainValue).toList();
            case MAPPING -> {
                Map<String, Object> m = new LinkedHashMap<>();
                entries.forEach((k, v) -> m.put(k, v.plainValue()));
                yield m;
            }
            case SCALAR -> {
                if (quoted) {
                    yield scalar;
                }
                if (Tag.INT.getValue().equals(tag)) {
                    yield Long.parseLong(scalar.replace("_", ""));
                }
                if (Tag.FLOAT.getValue().equals(tag)) {
                    yield Double.parseDouble(scalar);
                }
                if (Tag.BOOL.getValue().equals(tag)) {
                    yield Boolean.parseBoolean(scalar.toLowerCase(java.util.Locale.ROOT));
                }
                yield scalar;
            }
        };
    }
}
