package org.attain.engine.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses YAML text into a located {@link YamlNode} tree, turning syntax errors into {@link SourceProblem}s. */
public final class YamlDocument {

    /** Deeper than any plan, scenario or profile is written; the composer recurses per level and would overflow. */
    public static final int MAX_DEPTH = 100;

    private YamlDocument() {}

    /** The root node, or empty with the syntax problem(s) added to {@code problems}. */
    public static Optional<YamlNode> parse(String source, String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(50)
                .setCodePointLimit(20 * 1024 * 1024)
                .build();
        try {
            if (tooDeep(source, text, settings, problems)) {
                return Optional.empty();
            }
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                problems.add(new SourceLocation(source, 1, 1), "the document is empty");
                return Optional.empty();
            }
            YamlNode node = YamlNode.from(root.get(), source, text.lines().toList(), problems);
            Vocabulary.root(node);
            return Optional.of(node);
        } catch (MarkedYamlEngineException e) {
            SourceLocation at = e.getProblemMark()
                    .map(m -> new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(new SourceLocation(source, 1, 1));
            String context = e.getContext() == null ? "" : " " + e.getContext();
            problems.add(at, "YAML syntax error: " + e.getProblem() + context);
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(new SourceLocation(source, 1, 1), "YAML error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Counts nesting on the parser's events (which it produces without recursion) before anything recurses. */
    private static boolean tooDeep(String source, String text, LoadSettings settings, Problems problems) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case SequenceStart, MappingStart -> depth++;
                case SequenceEnd, MappingEnd -> depth--;
                default -> {}
            }
            if (depth > MAX_DEPTH) {
                SourceLocation at = event.getStartMark()
                        .map(m -> new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1))
                        .orElse(new SourceLocation(source, 1, 1));
                problems.add(at, "the document nests lists and mappings more than " + MAX_DEPTH + " levels deep");
                return true;
            }
        }
        return false;
    }
}
