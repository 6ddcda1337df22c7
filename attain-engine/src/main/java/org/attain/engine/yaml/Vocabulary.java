package org.attain.engine.yaml;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The keys a reader asks for, by where they sit in a document, and the words some of them take: what an
 * editor offers to complete. It is not written down anywhere: it is recorded while the real readers read
 * sample documents ({@link #recording}), so it lists exactly what they accept and cannot drift from them.
 *
 * <p>{@code keys} maps a path of keys (mappings only, list items skipped: {@code ""} for the top,
 * {@code "components"}, {@code "components.tiers"}) to the keys asked there; {@code values} maps a key to
 * the words its value may be, read from what a reader says it expects ("month, quarter or year").
 */
public record Vocabulary(Map<String, List<String>> keys, Map<String, List<String>> values) {

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]*");

    /** Runs {@code read} (readers reading sample documents) and returns what they asked for. */
    public static Vocabulary recording(Runnable read) {
        Recording recording = new Recording();
        Recording before = CURRENT.get();
        CURRENT.set(recording);
        try {
            read.run();
        } finally {
            CURRENT.set(before);
        }
        return recording.vocabulary();
    }

    /** A reader states the words a key's value may be (for values it does not read through a parser). */
    public static void values(String key, List<String> words) {
        Recording r = CURRENT.get();
        if (r != null) {
            r.values.computeIfAbsent(key, k -> new TreeSet<>()).addAll(words);
        }
    }

    static void root(YamlNode root) {
        Recording r = CURRENT.get();
        if (r != null) {
            r.roots.add(root);
        }
    }

    static void asked(YamlNode node, Set<String> asked) {
        Recording r = CURRENT.get();
        if (r != null) {
            r.asked.put(node, asked);
        }
    }

    /** {@code expected} as a reader words it: "month, quarter or year" gives three words, anything else none. */
    static void expected(String key, String expected) {
        Recording r = CURRENT.get();
        if (r == null) {
            return;
        }
        List<String> words = new ArrayList<>();
        for (String part : expected.split(",| or ")) {
            String w = part.trim();
            if (!WORD.matcher(w).matches()) {
                return;
            }
            words.add(w);
        }
        if (words.size() > 1) {
            values(key, words);
        }
    }

    private static final class Recording {
        final List<YamlNode> roots = new ArrayList<>();
        final Map<YamlNode, Set<String>> asked = new IdentityHashMap<>();
        final Map<String, TreeSet<String>> values = new TreeMap<>();

        Vocabulary vocabulary() {
            Map<String, TreeSet<String>> keys = new TreeMap<>();
            for (YamlNode root : roots) {
                walk(root, "", keys);
            }
            Map<String, List<String>> k = new TreeMap<>();
            keys.forEach((path, set) -> k.put(path, List.copyOf(set)));
            Map<String, List<String>> v = new TreeMap<>();
            values.forEach((key, set) -> v.put(key, List.copyOf(set)));
            return new Vocabulary(Map.copyOf(k), Map.copyOf(v));
        }

        private void walk(YamlNode node, String path, Map<String, TreeSet<String>> keys) {
            if (node.isMapping()) {
                Set<String> here = asked.get(node);
                if (here != null) {
                    keys.computeIfAbsent(path, p -> new TreeSet<>()).addAll(here);
                }
                node.entries().forEach((key, value) -> walk(value, path.isEmpty() ? key : path + "." + key, keys));
            } else if (node.isSequence()) {
                node.items().forEach(item -> walk(item, path, keys));
            }
        }
    }
}
