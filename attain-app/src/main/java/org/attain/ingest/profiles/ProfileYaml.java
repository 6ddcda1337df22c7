package org.attain.ingest.profiles;

import java.io.StringReader;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Finds the values YAML itself turns into something other than what was written: SnakeYAML reads YAML
 * 1.1, where an unquoted NO (Norway) is the boolean false, 2026-01-01 a timestamp, 010 the number 8 and
 * 1_000 the number 1000. Every profile value ends up as text, so such a value would silently become
 * "false" or a date in the machine's time zone; it is refused with its line and how to quote it.
 * A value that reads back as written (12, 1.5, true) is fine.
 */
final class ProfileYaml {

    /** Keys whose values are meant to be true or false, where YAML's yes/no are welcome. */
    private static final Set<String> BOOLEAN_KEYS = Set.of("header", "check", "lowercase", "ascii");

    private ProfileYaml() {}

    static void check(String name, String yaml) {
        Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        if (root != null) {
            walk(name, root, null);
        }
    }

    private static void walk(String name, Node node, String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                scalar(name, t.getKeyNode(), null);
                walk(name, t.getValueNode(), k);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                walk(name, item, key);
            }
        } else if (node instanceof ScalarNode v
                && !(key != null && BOOLEAN_KEYS.contains(key) && v.getTag().equals(Tag.BOOL))) {
            scalar(name, node, key);
        }
    }

    /** @param key the key the value belongs to, or null when the scalar is itself a key */
    private static void scalar(String name, Node node, String key) {
        if (!(node instanceof ScalarNode s)
                || s.getTag().equals(Tag.STR)
                || s.getTag().equals(Tag.NULL)) {
            return;
        }
        String written = s.getValue();
        String read;
        String as;
        if (s.getTag().equals(Tag.TIMESTAMP)) {
            read = null;
            as = "a timestamp";
        } else {
            Object value;
            try {
                value = new Yaml(new SafeConstructor(new LoaderOptions())).load(written);
            } catch (RuntimeException e) {
                // found by fuzzing: "._" looks like a number to YAML 1.1 but its own conversion throws
                // NumberFormatException; such a value cannot be read at all, so it is refused like the others
                throw new ProfileException(
                        where(name, s, key) + " cannot be read by YAML as written; quote it: \"" + written + "\"");
            }
            read = String.valueOf(value);
            as = (value instanceof Boolean ? "the boolean " : value instanceof Number ? "the number " : "") + read;
        }
        if (written.equals(read)) {
            return;
        }
        throw new ProfileException(where(name, s, key) + " was read as " + as + "; quote it: \"" + written + "\"");
    }

    private static String where(String name, ScalarNode s, String key) {
        int line = s.getStartMark().getLine() + 1;
        return "profile " + name + ", line " + line + ": "
                + (key == null ? "the key " + s.getValue() : key + ": " + s.getValue());
    }
}
